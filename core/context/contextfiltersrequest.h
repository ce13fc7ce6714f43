// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "cody/graphqlrequest.h"
#include "context/contextfilters.h"
#include "context/contextfiltersrefetch.h"

#include <QPointer>

namespace cody {

class ProductVersionRequest;
class SiteVersion;

/**
 * @brief Fetches the site's context filters once and decides what they mean, by Cody's rules
 * (context.md §6):
 *  - the site version cannot be read → exclude everything, refetch soon;
 *  - the site is older than 5.3.3, or is sourcegraph.com → include everything;
 *  - `raw` is null → include everything; an object → those filters;
 *  - a GraphQL error "Cannot query field", or an empty answer (5.2.3; Cody's "Unexpected end of
 *    JSON input") → include everything: the site has no filters to apply;
 *  - any other error or shape → exclude everything, refetch soon.
 *
 * filters() is meaningful once finished (also after an error: then it excludes everything, and
 * error() says what failed); refetchHint() says when to ask again.
 */
class ContextFiltersRequest final : public GraphqlRequest
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ContextFiltersRequest)

public:
    struct Decision
    {
        ContextFilters filters;
        ContextFiltersRefetch::Hint hint = ContextFiltersRefetch::Hint::Transient;
    };

    explicit ContextFiltersRequest(SourcegraphClient *client, QObject *parent = nullptr);
    ~ContextFiltersRequest() override;

    const ContextFilters &filters() const { return m_decision.filters; }
    ContextFiltersRefetch::Hint refetchHint() const { return m_decision.hint; }

    static QString queryText();
    /// Whether this site is asked at all; nullopt: ask (pure).
    static std::optional<Decision> decideWithoutAsking(const SiteVersion &version, bool isDotCom);
    /// What the answer to the ContextFilters query means (pure).
    static Decision decide(const GraphqlResult &result);

protected:
    void begin() override;
    void handle(const GraphqlResult &result) override;
    void stopOthers() override;

private:
    void onVersion();
    void conclude(Decision decision, Error error = {});

    QPointer<ProductVersionRequest> m_version;
    Decision m_decision {
        ContextFilters::excludeEverything(tr("the context filters have not been read yet")),
        ContextFiltersRefetch::Hint::Transient};
};

} // namespace cody
