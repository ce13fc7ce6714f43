// SPDX-License-Identifier: Apache-2.0
#include "context/repositoryidlookup.h"

#include "cody/graphqlresult.h"

#include <QHash>
#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace cody {

RepositoryIdLookup::RepositoryIdLookup(
    SourcegraphClient *client, QStringList names, QObject *parent)
    : GraphqlRequest(client, parent)
{
    for (const QString &name : names) {
        const QString trimmed = name.trimmed();
        if (!trimmed.isEmpty() && !m_names.contains(trimmed))
            m_names.append(trimmed);
    }
}

QString RepositoryIdLookup::queryText()
{
    // REPOSITORY_IDS_QUERY, as recorded (FX/24), indentation and all.
    return u"\nquery Repositories($names: [String!]!, $first: Int!) {\n"
           "    repositories(names: $names, first: $first) {\n      nodes {\n        name\n"
           "        id\n      }\n    }\n  }\n"_s;
}

void RepositoryIdLookup::begin()
{
    if (m_names.isEmpty()) {
        finish();
        return;
    }
    send(u"Repositories"_s, queryText(),
        {{u"names"_s, QJsonArray::fromStringList(m_names)}, {u"first"_s, m_names.size()}});
}

void RepositoryIdLookup::handle(const GraphqlResult &result)
{
    if (!result.ok()) {
        finish(result.error);
        return;
    }
    const QJsonValue nodes = result.data.value("repositories"_L1).toObject().value("nodes"_L1);
    if (!nodes.isArray()) {
        finish({ErrorKind::Protocol, tr("the repository lookup has an unexpected shape")});
        return;
    }
    QHash<QString, QString> ids;
    for (const QJsonValue &node : nodes.toArray())
        ids.insert(node[u"name"_s].toString(), node[u"id"_s].toString());
    for (const QString &name : std::as_const(m_names)) {
        const QString id = ids.value(name);
        if (id.isEmpty())
            m_missing.append(name);
        else
            m_repositories.append({id, name, {}, 0});
    }
    finish();
}

} // namespace cody
