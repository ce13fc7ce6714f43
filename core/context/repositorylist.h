// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "cody/graphqlrequest.h"
#include "context/remoterepository.h"

#include <QList>
#include <QStringList>

namespace cody {

/**
 * @brief Every repository of the instance whose name contains `filter` (all when empty), paged
 * with `repositories(first, after, query)` as Cody's web picker does (context.md §1a).
 *
 * Pages are asked for until a page comes back empty: the last partial page still carries an
 * `endCursor` (FX/23, FX/30), so only `nodes: []` (or a null cursor) ends the run. A server that
 * hands out the same cursor twice ends it with a Protocol error rather than a loop. `limit`
 * (when > 0) stops early once that many are in, with isTruncated().
 */
class RepositoryList final : public GraphqlRequest
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RepositoryList)

public:
    /// Cody asks for 10 000 per page; Sourcegraph answers at most 1 000 (FX/23).
    static constexpr int DefaultPageSize = 10000;

    RepositoryList(SourcegraphClient *client, QString filter = {}, QObject *parent = nullptr);

    void setPageSize(int pageSize) { m_pageSize = pageSize; }
    void setLimit(int limit) { m_limit = limit; }

    const QList<RemoteRepository> &repositories() const { return m_repositories; }
    int pages() const { return m_pages; }
    bool isTruncated() const { return m_truncated; }

    static QString queryText();
    static QJsonObject variables(int first, const QString &after, const QString &filter);

protected:
    void begin() override;
    void handle(const GraphqlResult &result) override;

private:
    void askFor(const QString &after);

    QString m_filter;
    int m_pageSize = DefaultPageSize;
    int m_limit = 0;
    QList<RemoteRepository> m_repositories;
    QStringList m_cursors;
    int m_pages = 0;
    bool m_truncated = false;
};

} // namespace cody
