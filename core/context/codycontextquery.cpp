// SPDX-License-Identifier: Apache-2.0
#include "context/codycontextquery.h"

#include "context/bloburl.h"
#include "context/remotepathsearch.h"
#include "context/siteversion.h"

#include <QCoreApplication>
#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace cody {

namespace {

// The three texts differ only in their signature and in matchedRanges; whitespace as in cody's
// queries.ts, so that the legacy text equals FX/21's byte for byte.
QString queryText(bool filePatterns, bool matchedRanges)
{
    const QString declarations = filePatterns ? u", $filePatterns: [String!]"_s : QString();
    const QString arguments = filePatterns ? u", filePatterns: $filePatterns"_s : QString();
    const QString ranges = matchedRanges
        ? u"              matchedRanges {\n                start {\n                  line\n"
          "                  column: character\n                }\n                end {\n"
          "                  line\n                  column: character\n                }\n"
          "              }\n"_s
        : QString();
    return u"\nquery GetCodyContext($repos: [ID!]!, $query: String!, $codeResultsCount: Int!, "
           "$textResultsCount: Int!"_s
        + declarations
        + u") {\n\tgetCodyContext(repos: $repos, query: $query, codeResultsCount: "
          "$codeResultsCount, textResultsCount: $textResultsCount"_s
        + arguments
        + u") {\n        ...on FileChunkContext {\n            blob {\n                path\n"
          "                repository {\n                  id\n                  name\n"
          "                }\n                commit {\n                  oid\n"
          "                }\n                url\n              }\n              startLine\n"
          "              endLine\n              chunkContent\n"_s
        + ranges + u"        }\n    }\n}"_s;
}

} // namespace

CodyContextQuery::Variant CodyContextQuery::variantFor(const SiteVersion &version)
{
    if (version.hasMatchedRanges())
        return Variant::MatchedRanges;
    if (version.hasFilePatterns())
        return Variant::FilePatterns;
    return Variant::Legacy;
}

std::optional<CodyContextQuery::Variant> CodyContextQuery::older(Variant variant)
{
    switch (variant) {
    case Variant::MatchedRanges:
        return Variant::FilePatterns;
    case Variant::FilePatterns:
        return Variant::Legacy;
    case Variant::Legacy:
        break;
    }
    return std::nullopt;
}

QString CodyContextQuery::text(Variant variant)
{
    return queryText(variant != Variant::Legacy, variant == Variant::MatchedRanges);
}

QJsonObject CodyContextQuery::variables(Variant variant, const QStringList &repoIds,
    const QString &query, const QStringList &filePatterns)
{
    QJsonObject variables {
        {u"repos"_s, QJsonArray::fromStringList(repoIds)},
        {u"query"_s, query},
        {u"codeResultsCount"_s, CodeResultsCount},
        {u"textResultsCount"_s, TextResultsCount},
    };
    if (variant != Variant::Legacy && !filePatterns.isEmpty())
        variables.insert(u"filePatterns"_s, QJsonArray::fromStringList(filePatterns));
    return variables;
}

QString CodyContextQuery::folderPattern(const QString &folderPath)
{
    QString folder = folderPath;
    while (folder.endsWith(u'/'))
        folder.chop(1);
    return u'^' + RemotePathSearch::escapeRegExp(folder) + u"/.*"_s;
}

QList<ContextItem> CodyContextQuery::items(
    const QJsonObject &data, const QUrl &base, QString *problem)
{
    QList<ContextItem> items;
    const QJsonValue chunks = data.value("getCodyContext"_L1);
    if (chunks.isNull() || chunks.isUndefined())
        return items;
    if (!chunks.isArray()) {
        *problem = QCoreApplication::translate(
            "cody::CodyContextQuery", "getCodyContext did not answer a list");
        return items;
    }
    for (const QJsonValue &value : chunks.toArray()) {
        const QJsonObject chunk = value.toObject();
        const QJsonObject blob = chunk.value("blob"_L1).toObject();
        const QJsonObject repository = blob.value("repository"_L1).toObject();
        ContextItem item;
        item.kind = ContextItem::Kind::RemoteFile;
        item.source = ContextItem::Source::Retrieved;
        item.repoName = repository.value("name"_L1).toString();
        item.repoId = repository.value("id"_L1).toString();
        item.path = blob.value("path"_L1).toString();
        item.revision = blob.value("commit"_L1).toObject().value("oid"_L1).toString();
        item.content = chunk.value("chunkContent"_L1).toString();
        if (item.repoName.isEmpty() || item.path.isEmpty())
            continue;
        const int start = chunk.value("startLine"_L1).toInt(-1);
        const int end = chunk.value("endLine"_L1).toInt(-1);
        if (start < 0 || end < 0)
            continue;
        item.startLine = start + 1;
        item.endLine = std::max(end, item.startLine);
        item.url = BlobUrl::make(base, item.repoName, item.path, item.startLine, item.endLine);
        items.append(std::move(item));
    }
    return items;
}

} // namespace cody
