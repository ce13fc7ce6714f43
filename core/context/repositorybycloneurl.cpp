// SPDX-License-Identifier: Apache-2.0
#include "context/repositorybycloneurl.h"

#include "cody/graphqlresult.h"

using namespace Qt::StringLiterals;

namespace cody {

RepositoryByCloneUrl::RepositoryByCloneUrl(
    SourcegraphClient *client, QString cloneUrl, QObject *parent)
    : GraphqlRequest(client, parent)
    , m_cloneUrl(std::move(cloneUrl).trimmed())
{ }

QString RepositoryByCloneUrl::queryText()
{
    // REPO_NAME_QUERY, as recorded (FX/25).
    return u"\nquery ResolveRepoName($cloneURL: String!) {\n    repository(cloneURL: $cloneURL) {\n"
           "        name\n    }\n}\n"_s;
}

void RepositoryByCloneUrl::begin()
{
    if (m_cloneUrl.isEmpty()) {
        finish();
        return;
    }
    send(u"ResolveRepoName"_s, queryText(), {{u"cloneURL"_s, m_cloneUrl}});
}

void RepositoryByCloneUrl::handle(const GraphqlResult &result)
{
    if (!result.ok()) {
        finish(result.error);
        return;
    }
    m_name = result.data.value("repository"_L1).toObject().value("name"_L1).toString();
    finish();
}

} // namespace cody
