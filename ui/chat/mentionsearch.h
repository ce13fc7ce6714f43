// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "cody/contextitem.h"
#include "net/error.h"

#include <QObject>
#include <QPointer>
#include <QTimer>

#include <chrono>
#include <optional>

namespace cody {

class RemotePathSearch;
class RepositorySuggestions;
class SourcegraphClient;

/**
 * @brief What an @-mention being typed names on the instance, looked up as the user types: the
 * repositories matching the name (RepositorySuggestions), or the folders and files of one
 * repository matching a path (RemotePathSearch).
 *
 * Typing is not a request per key: a search starts once typing pauses for Pause, asking again
 * for what was just asked starts nothing, and a new search cancels the one still running, so
 * at most one is ever in flight and a stale answer never arrives.
 */
class MentionSearch final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MentionSearch)

public:
    static constexpr std::chrono::milliseconds Pause {150};

    explicit MentionSearch(QObject *parent = nullptr);
    ~MentionSearch() override;

    /// The instance to search; null (or another one) stops and forgets what was found.
    void setClient(SourcegraphClient *client);
    /// Repositories whose name matches `typed`, in the order the instance ranks them.
    void findRepositories(const QString &typed);
    /// The folders (unless `filesOnly`), then the files of `repository` whose path matches
    /// `path`.
    void findPaths(const QString &repository, const QString &path, bool filesOnly);
    /// Stops the search waiting or running; the next find starts afresh.
    void cancel();

    /// A search is waiting for typing to pause, or running.
    bool isSearching() const { return m_timer.isActive() || m_running > 0; }
    /// The last search's finds: Repository items, or RemoteFolder then RemoteFile items.
    const QList<ContextItem> &results() const { return m_results; }
    /// Why the last search failed, if it did; results() keep what did not fail.
    const Error &error() const { return m_error; }

Q_SIGNALS:
    /// A new search is waiting or running: the last results are no longer what is asked.
    void searching();
    /// The search ended: results() and error() are its own.
    void finished();

private:
    struct Query
    {
        bool paths = false;
        QString repository;
        QString path;
        bool filesOnly = false;

        friend bool operator==(const Query &, const Query &) = default;
    };

    void ask(const Query &query);
    void run();
    void stop();
    void onFinished();

    QPointer<SourcegraphClient> m_client;
    QTimer m_timer;
    std::optional<Query> m_query;
    QPointer<RepositorySuggestions> m_repositories;
    QPointer<RemotePathSearch> m_folders;
    QPointer<RemotePathSearch> m_files;
    int m_running = 0;
    QList<ContextItem> m_results;
    Error m_error;
};

} // namespace cody
