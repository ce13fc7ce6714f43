// SPDX-License-Identifier: Apache-2.0
#include "context/contextfiltersrequest.h"

#include "cody/graphqlresult.h"
#include "cody/productversionrequest.h"
#include "cody/sourcegraphclient.h"
#include "context/siteversion.h"

using namespace Qt::StringLiterals;

namespace cody {

namespace {

using Hint = ContextFiltersRefetch::Hint;

} // namespace

ContextFiltersRequest::ContextFiltersRequest(SourcegraphClient *client, QObject *parent)
    : GraphqlRequest(client, parent)
{ }

ContextFiltersRequest::~ContextFiltersRequest()
{
    stopOthers();
}

QString ContextFiltersRequest::queryText()
{
    // CONTEXT_FILTERS_QUERY, as recorded (FX/26, FX/27).
    return u"\nquery ContextFilters {\n    site {\n        codyContextFilters(version: V1) {\n"
           "            raw\n        }\n    }\n}"_s;
}

std::optional<ContextFiltersRequest::Decision> ContextFiltersRequest::decideWithoutAsking(
    const SiteVersion &version, bool isDotCom)
{
    if (isDotCom || !version.hasContextFilters())
        return Decision {ContextFilters::includeEverything(), Hint::Durable};
    return std::nullopt;
}

ContextFiltersRequest::Decision ContextFiltersRequest::decide(const GraphqlResult &result)
{
    // Sites that do not know the field have no filters to apply (FX/27; 5.2.3 answers nothing).
    if (result.mentions(u"Cannot query field") || result.mentions(u"Unexpected end of JSON input")
        || result.emptyBody)
        return {ContextFilters::includeEverything(), Hint::Durable};
    if (!result.ok()) {
        return {ContextFilters::excludeEverything(
                    tr("the context filters could not be read, so no repository is used (%1)")
                        .arg(result.error.message)),
            Hint::Transient};
    }
    const QJsonValue filters
        = result.data.value("site"_L1).toObject().value("codyContextFilters"_L1);
    const QJsonValue raw = filters.toObject().value("raw"_L1);
    if (filters.isObject() && raw.isNull())
        return {ContextFilters::includeEverything(), Hint::Durable};
    if (raw.isObject()) {
        // A pattern this client cannot compile excludes everything; the site's answer is
        // still the answer, so it is not asked again sooner.
        return {ContextFilters::fromRaw(raw), Hint::Durable};
    }
    return {ContextFilters::excludeEverything(
                tr("the context filters have an unexpected shape, so no repository is used")),
        Hint::Transient};
}

void ContextFiltersRequest::begin()
{
    m_version = new ProductVersionRequest(client(), this);
    connect(m_version, &ProductVersionRequest::finished, this, &ContextFiltersRequest::onVersion);
    m_version->start();
}

void ContextFiltersRequest::onVersion()
{
    m_version->deleteLater();
    const Error error = m_version->error();
    const QString productVersion = m_version->productVersion();
    m_version = nullptr;
    if (error.isError()) {
        conclude({ContextFilters::excludeEverything(
                      tr("the Sourcegraph version could not be read, so no repository is used "
                         "(%1)")
                          .arg(error.message)),
                     Hint::Transient},
            error);
        return;
    }
    const bool isDotCom
        = client()->settings().baseUrl.host().compare(u"sourcegraph.com"_s, Qt::CaseInsensitive)
        == 0;
    if (const auto decision = decideWithoutAsking(SiteVersion(productVersion), isDotCom)) {
        conclude(*decision);
        return;
    }
    send(u"ContextFilters"_s, queryText());
}

void ContextFiltersRequest::handle(const GraphqlResult &result)
{
    Decision decision = decide(result);
    const bool failed = decision.hint == Hint::Transient && !result.ok();
    conclude(std::move(decision), failed ? result.error : Error());
}

void ContextFiltersRequest::conclude(Decision decision, Error error)
{
    m_decision = std::move(decision);
    finish(std::move(error));
}

void ContextFiltersRequest::stopOthers()
{
    discard(m_version);
}

} // namespace cody
