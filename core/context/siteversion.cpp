// SPDX-License-Identifier: Apache-2.0
#include "context/siteversion.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace cody {

SiteVersion::SiteVersion(QString productVersion)
    : m_text(std::move(productVersion))
{
    // Cody: `version.length > 12 || version.includes('dev')` (graphql/client.ts).
    m_insider = m_text.size() > 12 || m_text.contains(u"dev"_s);
    if (m_insider)
        return;
    // node-semver's strict form: an optional "v", three numbers without leading zeros, then an
    // optional pre-release and build metadata.
    static const QRegularExpression semver(
        u"^v?(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)(-[0-9A-Za-z.-]+)?(\\+[0-9A-Za-z.-]+)?$"_s);
    const auto match = semver.match(m_text.trimmed());
    if (!match.hasMatch())
        return;
    m_version = QVersionNumber(
        match.captured(1).toInt(), match.captured(2).toInt(), match.captured(3).toInt());
    m_preRelease = match.hasCaptured(4);
}

bool SiteVersion::isAtLeast(const QVersionNumber &minimum) const
{
    if (m_insider)
        return true;
    if (m_version.isNull())
        return false;
    const int order = QVersionNumber::compare(m_version, minimum);
    // A pre-release sorts below its release: 5.7.0-rc.1 < 5.7.0 (minimums have none).
    return order > 0 || (order == 0 && !m_preRelease);
}

} // namespace cody
