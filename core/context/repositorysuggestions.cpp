// SPDX-License-Identifier: Apache-2.0
#include "context/repositorysuggestions.h"

#include "cody/graphqlresult.h"

#include <QJsonArray>

#include <algorithm>
#include <tuple>

using namespace Qt::StringLiterals;

namespace cody {

RepositorySuggestions::RepositorySuggestions(
    SourcegraphClient *client, QString typed, QObject *parent)
    : GraphqlRequest(client, parent)
    , m_typed(std::move(typed).trimmed())
{ }

QString RepositorySuggestions::queryText()
{
    // REPOS_SUGGESTIONS_QUERY (cody lib/shared/src/sourcegraph-api/graphql/queries.ts).
    return u"\n    query SuggestionsRepo($query: String!) {\n        search(patternType: regexp, "
           "query: $query) {\n            results {\n                repositories {\n"
           "                    id\n                    name\n                    stars\n"
           "                    url\n                }\n            }\n        }\n    }\n"_s;
}

QString RepositorySuggestions::searchQuery(const QString &typed)
{
    return u"context:global type:repo count:10 repo:"_s + typed;
}

QList<RemoteRepository> RepositorySuggestions::ranked(
    QList<RemoteRepository> repositories, const QString &typed)
{
    // The typed text is a regular expression to the server; rank by its plain reading, as Cody's
    // cleanRegex does (a leading ^, a trailing $ and \. dropped).
    QString needle = typed;
    if (needle.startsWith(u'^'))
        needle.remove(0, 1);
    if (needle.endsWith(u'$'))
        needle.chop(1);
    needle.replace(u"\\."_s, u"."_s);
    const auto rank = [&needle](const RemoteRepository &repository) {
        const qsizetype at
            = needle.isEmpty() ? -1 : repository.name.indexOf(needle, 0, Qt::CaseInsensitive);
        // Matches first, earlier and shorter ones first; the rest (and all, when nothing is
        // typed) by stars.
        return at < 0 ? std::make_tuple(1, qsizetype(0), qsizetype(0), -repository.stars)
                      : std::make_tuple(0, at, repository.name.size(), -repository.stars);
    };
    std::stable_sort(repositories.begin(), repositories.end(),
        [&rank](
            const RemoteRepository &a, const RemoteRepository &b) { return rank(a) < rank(b); });
    return repositories;
}

void RepositorySuggestions::begin()
{
    send(u"SuggestionsRepo"_s, queryText(), {{u"query"_s, searchQuery(m_typed)}});
}

void RepositorySuggestions::handle(const GraphqlResult &result)
{
    if (!result.ok()) {
        finish(result.error);
        return;
    }
    // `search` is null when the query does not parse; then there is nothing to suggest.
    const QJsonArray nodes = result.data.value("search"_L1)
                                 .toObject()
                                 .value("results"_L1)
                                 .toObject()
                                 .value("repositories"_L1)
                                 .toArray();
    QList<RemoteRepository> repositories;
    for (const QJsonValue &node : nodes) {
        const QJsonObject object = node.toObject();
        RemoteRepository repository {object.value("id"_L1).toString(),
            object.value("name"_L1).toString(), object.value("url"_L1).toString(),
            object.value("stars"_L1).toInt()};
        if (!repository.id.isEmpty() && !repository.name.isEmpty())
            repositories.append(std::move(repository));
    }
    m_repositories = ranked(std::move(repositories), m_typed);
    finish();
}

} // namespace cody
