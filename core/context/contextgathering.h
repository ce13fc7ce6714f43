// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "cody/contextitem.h"
#include "cody/graphqlrequest.h"
#include "context/contextfilters.h"

#include <QList>
#include <QPointer>
#include <QStringList>

#include <optional>

namespace cody {

class ContextFiltersRequest;
class ContextRetrieval;
class RemoteFileContent;

/**
 * @brief Everything a question's mentions stand for, ready for PromptBuilder: the contents of
 * the remote files and ranges mentioned, and what retrieval finds in the repositories and folders
 * mentioned — all checked against the site's context filters.
 *
 * The filters are the ones given (setFilters(), e.g. ContextFiltersSource's), or fetched first.
 * Then, at the same time, each remote file that has no content yet is read (RemoteFileContent)
 * unless the filters exclude its repository, and the repositories and folders are searched
 * (ContextRetrieval). items() is the mentions in their order — each with its content, or with
 * why it is left out — followed by the retrieved chunks in rank order. Items that already carry
 * content (a local file) pass through unchanged.
 *
 * A mention that cannot be used goes on with its omittedReason and the rest is still gathered:
 * refused() lists the user's mistakes (a repository or file the instance does not know, one the
 * filters exclude), failure() a search or read that failed on the way (the network, the server).
 * finished() carries an error only when cancelled.
 */
class ContextGathering final : public GraphqlRequest
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ContextGathering)

public:
    ContextGathering(SourcegraphClient *client, QList<ContextItem> mentions, QString question,
        QObject *parent = nullptr);
    ~ContextGathering() override;

    /// Filters already known (and trusted); without them they are fetched first.
    void setFilters(const ContextFilters &filters) { m_filters = filters; }
    /// Rewrite the question into keywords before searching (ContextRetrieval; default: on).
    void setRewriteQuery(bool rewrite) { m_rewrite = rewrite; }

    /// Whether `items` still need gathering: they hold a repository or folder to search, or a
    /// remote file not read yet, and nothing has been decided about any of them (nothing sent,
    /// left out or retrieved) — a new question, or one whose reply was stopped before its context
    /// arrived.
    static bool isNeeded(const QList<ContextItem> &items);

    const QList<ContextItem> &items() const { return m_items; }
    /// Mentions the user must correct, each with its omittedReason.
    QList<ContextItem> refused() const;
    /// The first read or search that failed for another reason than the user's mention.
    const Error &failure() const { return m_failure; }
    /// The query the repositories were searched with (empty when none were).
    const QString &query() const { return m_query; }

protected:
    void begin() override;
    void handle(const GraphqlResult &result) override;
    void stopOthers() override;

private:
    void onFilters();
    void gather();
    void onFileRead(RemoteFileContent *read, qsizetype index);
    void onRetrieved();
    void concludeIfDone();
    void noteFailure(const Error &error);

    QList<ContextItem> m_mentions;
    QString m_question;
    std::optional<ContextFilters> m_filters;
    bool m_rewrite = true;
    QPointer<ContextFiltersRequest> m_filtersRequest;
    QPointer<ContextRetrieval> m_retrieval;
    QList<QPointer<RemoteFileContent>> m_reads;
    QList<qsizetype> m_refused; ///< indices into m_mentions
    QList<ContextItem> m_items;
    QString m_query;
    Error m_failure;
    int m_pending = 0;
};

} // namespace cody
