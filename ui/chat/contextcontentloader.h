// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "cody/contextitem.h"

#include <QHash>
#include <QObject>
#include <QPointer>

namespace cody {

class RemoteFileContent;
class SourcegraphClient;

/**
 * @brief Fetches the content of the files mentioned in the next message (RemoteFileContent) as
 * soon as they are chosen, so that their tokens are known — and a file too big for the model is
 * pointed out — before anything is sent.
 *
 * One fetch per file (or range); what is no longer mentioned is cancelled and forgotten.
 */
class ContextContentLoader final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ContextContentLoader)

public:
    explicit ContextContentLoader(QObject *parent = nullptr);
    ~ContextContentLoader() override;

    /// Where to fetch from; another (or null) cancels and forgets everything.
    void setClient(SourcegraphClient *client);
    /// Fetches the content of each remote file among `items` not fetched yet, and forgets the
    /// files that are not among them.
    void keep(const QList<ContextItem> &items);
    /// `item` with its content (and pinned revision and link) when fetched, or with
    /// omittedReason when the fetch failed; unchanged otherwise.
    ContextItem filled(const ContextItem &item) const;
    /// The file's content is being fetched.
    bool isLoading(const ContextItem &item) const;

Q_SIGNALS:
    /// A fetch ended: filled() gives more than before.
    void loaded();

private:
    struct Entry
    {
        QPointer<RemoteFileContent> request;
        ContextItem item; ///< with content, once fetched
        QString problem;
        bool done = false;
    };
    static QString keyOf(const ContextItem &item);
    void onFinished(const QString &key);
    void clear();

    QPointer<SourcegraphClient> m_client;
    QHash<QString, Entry> m_entries;
};

} // namespace cody
