// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "cody/contextitem.h"
#include "cody/graphqlrequest.h"
#include "context/codycontextquery.h"
#include "context/contextfilters.h"

#include <QList>
#include <QPointer>
#include <QStringList>

namespace cody {

class KeywordQueryRewriter;
class ProductVersionRequest;
class RepositoryIdLookup;

/**
 * @brief Retrieves codebase context for a question from the repositories and folders the user
 * mentioned, as Cody does (context.md §1c):
 *  1. mentions the context filters leave out are not searched (they come back in mentions() with
 *     omittedReason); repository and folder mentions are the only ones searched;
 *  2. the site version picks the getCodyContext variant (ProductVersionRequest; unknown: Legacy);
 *  3. mentions without a repository ID get one (RepositoryIdLookup);
 *  4. the question, without the text of its mention chips, is optionally rewritten into keywords
 *     (KeywordQueryRewriter; on failure the question is used);
 *  5. one getCodyContext call for all whole repositories, and one for each folder of a repository
 *     not also mentioned whole, with filePatterns `^<folder>/.*`; codeResultsCount 15,
 *     textResultsCount 5;
 *  6. every chunk is checked against the filters again (the server filters too): one left out
 *     keeps its place with omittedReason and no content.
 *
 * Folders on sites without filePatterns (< 5.7.0): the folder's repository is searched whole and
 * only chunks under the folder are kept; restrictedClientSide() says so. A site that refuses a
 * variant's schema (GraphQL "Cannot query field" / "Unknown argument": an insider build older
 * than the gate assumes) is asked again with the next older variant.
 *
 * Without searchable mentions it finishes at once with no items and no call. On an error,
 * items() keeps what earlier calls found.
 */
class ContextRetrieval final : public GraphqlRequest
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ContextRetrieval)

public:
    ContextRetrieval(SourcegraphClient *client, ContextFilters filters, QList<ContextItem> mentions,
        QString question, QObject *parent = nullptr);
    ~ContextRetrieval() override;

    /// Rewrite the question into keywords first (default: on).
    void setRewriteQuery(bool rewrite) { m_rewrite = rewrite; }
    /// The texts of the mention chips as they appear in the question, taken out of it.
    void setMentionTexts(QStringList texts) { m_mentionTexts = std::move(texts); }

    const QList<ContextItem> &items() const { return m_items; }
    const QList<ContextItem> &mentions() const { return m_mentions; }
    /// The query sent to getCodyContext.
    const QString &query() const { return m_query; }
    /// Why the keyword rewrite was not used, when it was asked for and failed.
    const QString &rewriteFallbackReason() const { return m_rewriteFallback; }
    CodyContextQuery::Variant variant() const { return m_variant; }
    bool restrictedClientSide() const { return m_restricted; }

protected:
    void begin() override;
    void handle(const GraphqlResult &result) override;
    void stopOthers() override;

private:
    struct Search
    {
        QStringList repoIds;
        QString folder; ///< empty: whole repositories
    };

    void onVersion();
    void lookUpIds();
    void onIds();
    void rewrite();
    void onRewritten();
    void planSearches();
    void sendNext();
    void conclude(Error error = {});
    bool isSearchable(const ContextItem &mention) const;

    ContextFilters m_filters;
    QList<ContextItem> m_mentions;
    QString m_question;
    QStringList m_mentionTexts;
    bool m_rewrite = true;
    QString m_query;
    QString m_rewriteFallback;
    CodyContextQuery::Variant m_variant = CodyContextQuery::Variant::Legacy;
    QList<Search> m_searches;
    Search m_current;
    QList<ContextItem> m_items;
    bool m_restricted = false;
    QPointer<ProductVersionRequest> m_version;
    QPointer<RepositoryIdLookup> m_ids;
    QPointer<KeywordQueryRewriter> m_rewriter;
};

} // namespace cody
