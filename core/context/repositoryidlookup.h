// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "cody/graphqlrequest.h"
#include "context/remoterepository.h"

#include <QList>
#include <QStringList>

namespace cody {

/**
 * @brief The GraphQL IDs of repositories named exactly: `repositories(names:, first:)` (FX/24),
 * which getCodyContext needs.
 *
 * An empty list of names is never sent (the server would answer with the first repositories of
 * the instance, context.md §1a): such a lookup finishes with no repositories and no call.
 * repositories() keeps the order of the names; missing() lists the names the instance does not
 * have (or the user may not see).
 */
class RepositoryIdLookup final : public GraphqlRequest
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RepositoryIdLookup)

public:
    RepositoryIdLookup(SourcegraphClient *client, QStringList names, QObject *parent = nullptr);

    const QList<RemoteRepository> &repositories() const { return m_repositories; }
    const QStringList &missing() const { return m_missing; }

    static QString queryText();

protected:
    void begin() override;
    void handle(const GraphqlResult &result) override;

private:
    QStringList m_names;
    QList<RemoteRepository> m_repositories;
    QStringList m_missing;
};

} // namespace cody
