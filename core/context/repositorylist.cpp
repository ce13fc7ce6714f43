// SPDX-License-Identifier: Apache-2.0
#include "context/repositorylist.h"

#include "cody/graphqlresult.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace cody {

RepositoryList::RepositoryList(SourcegraphClient *client, QString filter, QObject *parent)
    : GraphqlRequest(client, parent)
    , m_filter(std::move(filter).trimmed())
{ }

QString RepositoryList::queryText()
{
    // REPOSITORY_LIST_QUERY at cody HEAD: FX/23's text with the `query` filter added.
    return u"\nquery Repositories($first: Int!, $after: String, $query: String) {\n"
           "    repositories(first: $first, after: $after, query: $query) {\n        nodes {\n"
           "            id\n            name\n        }\n        pageInfo {\n"
           "            endCursor\n        }\n    }\n}\n"_s;
}

QJsonObject RepositoryList::variables(int first, const QString &after, const QString &filter)
{
    // `after || null`, `query || null`, as Cody sends them.
    return {{u"first"_s, first}, {u"after"_s, after.isEmpty() ? QJsonValue() : QJsonValue(after)},
        {u"query"_s, filter.isEmpty() ? QJsonValue() : QJsonValue(filter)}};
}

void RepositoryList::begin()
{
    askFor({});
}

void RepositoryList::askFor(const QString &after)
{
    send(u"Repositories"_s, queryText(), variables(m_pageSize, after, m_filter));
}

void RepositoryList::handle(const GraphqlResult &result)
{
    if (!result.ok()) {
        finish(result.error);
        return;
    }
    const QJsonObject connection = result.data.value("repositories"_L1).toObject();
    const QJsonValue nodes = connection.value("nodes"_L1);
    const QJsonValue cursor = connection.value("pageInfo"_L1).toObject().value("endCursor"_L1);
    if (!nodes.isArray() || !(cursor.isString() || cursor.isNull() || cursor.isUndefined())) {
        finish({ErrorKind::Protocol, tr("the repository list has an unexpected shape")});
        return;
    }
    const QJsonArray page = nodes.toArray();
    if (!page.isEmpty() && cursor.isString() && m_cursors.contains(cursor.toString())) {
        finish({ErrorKind::Protocol,
            tr("the server handed out the same page of repositories twice; stopped after %n "
               "repositories",
                nullptr, int(m_repositories.size()))});
        return;
    }
    ++m_pages;
    for (const QJsonValue &node : page) {
        const QJsonObject object = node.toObject();
        m_repositories.append(
            {object.value("id"_L1).toString(), object.value("name"_L1).toString(), {}, 0});
        if (m_limit > 0 && m_repositories.size() >= m_limit) {
            m_truncated = true;
            finish();
            return;
        }
    }
    // Only an empty page ends the run: the last partial one still has a cursor (FX/23, FX/30).
    if (page.isEmpty() || !cursor.isString()) {
        finish();
        return;
    }
    m_cursors.append(cursor.toString());
    askFor(cursor.toString());
}

} // namespace cody
