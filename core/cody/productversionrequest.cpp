// SPDX-License-Identifier: Apache-2.0
#include "cody/productversionrequest.h"

#include "cody/graphqlresult.h"
#include "cody/sourcegraphclient.h"

using namespace Qt::StringLiterals;

namespace cody {

ProductVersionRequest::ProductVersionRequest(SourcegraphClient *client, QObject *parent)
    : GraphqlRequest(client, parent)
{ }

QString ProductVersionRequest::queryText()
{
    // CURRENT_SITE_VERSION_QUERY, as recorded (FX/14).
    return u"\nquery SiteProductVersion {\n    site {\n        productVersion\n    }\n}"_s;
}

void ProductVersionRequest::begin()
{
    if (const auto known = client()->knownProductVersion()) {
        m_productVersion = *known;
        m_wasKnown = true;
        finish();
        return;
    }
    send(u"SiteProductVersion"_s, queryText());
}

void ProductVersionRequest::handle(const GraphqlResult &result)
{
    if (!result.ok()) {
        finish(result.error);
        return;
    }
    const QString version
        = result.data.value("site"_L1).toObject().value("productVersion"_L1).toString();
    if (version.isEmpty()) {
        finish(
            {ErrorKind::Protocol, tr("the server did not say its version (site.productVersion)")});
        return;
    }
    m_productVersion = version;
    client()->rememberProductVersion(version);
    finish();
}

} // namespace cody
