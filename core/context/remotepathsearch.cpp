// SPDX-License-Identifier: Apache-2.0
#include "context/remotepathsearch.h"

#include "cody/graphqlresult.h"
#include "cody/sourcegraphclient.h"
#include "context/bloburl.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace cody {

RemotePathSearch::RemotePathSearch(
    SourcegraphClient *client, QString repoName, QString typedPath, Kind kind, QObject *parent)
    : GraphqlRequest(client, parent)
    , m_repoName(std::move(repoName).trimmed())
    , m_typedPath(std::move(typedPath).trimmed())
    , m_kind(kind)
{ }

QString RemotePathSearch::queryText()
{
    // FILE_MATCH_SEARCH_QUERY at cody HEAD.
    return u"\nquery FileMatchSearchQuery($query: String!) {\n"
           "  search(query: $query, version: V3, patternType: literal) {\n    results {\n"
           "      results {\n        __typename\n        ... on FileMatch {\n"
           "          repository {\n            id\n            name\n          }\n"
           "          file {\n            url\n            path\n            commit {\n"
           "                oid\n            }\n          }\n        }\n      }\n    }\n  }\n}"_s;
}

QString RemotePathSearch::escapeRegExp(const QString &text)
{
    static const QString special = u".*+?^${}()|[]\\"_s;
    QString escaped;
    escaped.reserve(text.size() * 2);
    for (const QChar c : text) {
        if (special.contains(c))
            escaped.append(u'\\');
        escaped.append(c);
    }
    return escaped;
}

QString RemotePathSearch::searchQuery(const QString &repoName, const QString &typedPath, Kind kind)
{
    const QString repo = u"repo:^%1$"_s.arg(escapeRegExp(repoName));
    const QString path = escapeRegExp(typedPath);
    if (kind == Kind::Files)
        return u"%1 file:%2 type:file count:10"_s.arg(repo, path.isEmpty() ? u"^.*$"_s : path);
    return u"%1 file:%2.*\\/.* select:file.directory count:10"_s.arg(repo, path);
}

void RemotePathSearch::begin()
{
    send(u"FileMatchSearchQuery"_s, queryText(),
        {{u"query"_s, searchQuery(m_repoName, m_typedPath, m_kind)}});
}

void RemotePathSearch::handle(const GraphqlResult &result)
{
    if (!result.ok()) {
        finish(result.error);
        return;
    }
    const QJsonArray results = result.data.value("search"_L1)
                                   .toObject()
                                   .value("results"_L1)
                                   .toObject()
                                   .value("results"_L1)
                                   .toArray();
    const QUrl base = client()->settings().baseUrl;
    for (const QJsonValue &value : results) {
        const QJsonObject match = value.toObject();
        if (match.value("__typename"_L1).toString() != u"FileMatch")
            continue;
        const QJsonObject file = match.value("file"_L1).toObject();
        ContextItem item;
        item.kind = m_kind == Kind::Files ? ContextItem::Kind::RemoteFile
                                          : ContextItem::Kind::RemoteFolder;
        item.repoName = match.value("repository"_L1).toObject().value("name"_L1).toString();
        item.repoId = match.value("repository"_L1).toObject().value("id"_L1).toString();
        item.path = file.value("path"_L1).toString();
        item.revision = file.value("commit"_L1).toObject().value("oid"_L1).toString();
        item.url = BlobUrl::resolve(base, file.value("url"_L1).toString());
        if (item.kind == ContextItem::Kind::RemoteFolder) {
            // select:file.directory answers "dir/" (and "./" for the root).
            while (item.path.endsWith(u'/'))
                item.path.chop(1);
            if (item.path == u"." || item.path.isEmpty())
                continue;
        }
        if (item.path.isEmpty() || item.repoName.isEmpty())
            continue;
        m_items.append(std::move(item));
    }
    finish();
}

} // namespace cody
