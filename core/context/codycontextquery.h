// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "cody/contextitem.h"

#include <QJsonObject>
#include <QList>
#include <QStringList>
#include <QUrl>

#include <optional>

namespace cody {

class SiteVersion;

/**
 * @brief The `getCodyContext` query in the variant a site speaks, its variables, and its answer
 * as ContextItems (pure). context.md §1c.
 *
 * | site                 | variant        | query text (cody queries.ts)        |
 * |----------------------|----------------|-------------------------------------|
 * | < 5.7.0, or unknown  | Legacy         | LEGACY_CONTEXT_SEARCH_QUERY (FX/21) |
 * | ≥ 5.7.0              | FilePatterns   | CONTEXT_SEARCH_QUERY                |
 * | ≥ 5.8.0, or insider  | MatchedRanges  | CONTEXT_SEARCH_QUERY_WITH_RANGES    |
 */
class CodyContextQuery
{
public:
    enum class Variant { Legacy, FilePatterns, MatchedRanges };

    static constexpr int CodeResultsCount = 15;
    static constexpr int TextResultsCount = 5;

    static Variant variantFor(const SiteVersion &version);
    /// The next older variant, for a site that refuses this one's schema; nullopt for Legacy.
    static std::optional<Variant> older(Variant variant);
    static QString text(Variant variant);
    /// `{repos, query, codeResultsCount: 15, textResultsCount: 5[, filePatterns]}`;
    /// `filePatterns` only when given and the variant has it (Cody leaves an unset one out).
    static QJsonObject variables(Variant variant, const QStringList &repoIds, const QString &query,
        const QStringList &filePatterns = {});
    /// The filePatterns entry of a folder mention: `^<folder>/.*` (Cody: `^${dir}.*` with the
    /// folder's trailing slash), regex characters of the folder escaped.
    static QString folderPattern(const QString &folderPath);

    /// The chunks of `data.getCodyContext` as ContextItems: source Retrieved, kind RemoteFile,
    /// repository name and ID, path, revision (commit oid), content, and the server's 0-based
    /// start / exclusive end made 1-based inclusive (start + 1 .. end; an empty range, end ≤
    /// start, becomes the one line at start). Chunks with a negative line are dropped, as Cody
    /// drops them, and so are chunks without repository or path. Links: BlobUrl::make(base, repo,
    /// path, start, end). A missing or null list is no chunks; anything else that is not a list
    /// sets `problem`.
    static QList<ContextItem> items(const QJsonObject &data, const QUrl &base, QString *problem);
};

} // namespace cody
