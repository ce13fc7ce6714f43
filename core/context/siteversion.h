// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>
#include <QVersionNumber>

namespace cody {

/**
 * @brief A Sourcegraph `site.productVersion` and the version gates Cody applies to it (pure).
 *
 * Releases are semver ("5.3.11625", "6.2.0", "5.7.0-rc.1"). Builds from main are "insider"
 * builds, which pass every gate: Cody's rule is `length > 12 || contains "dev"` (context.md §0),
 * so "282533_2024-07-16_5.5-a0a18a60e904", "dev" and "0.0.0+dev" are insiders. Anything else
 * (empty, "5.5", "banana") passes no gate, where Cody's semver.gte would throw.
 */
class SiteVersion
{
public:
    SiteVersion() = default;
    explicit SiteVersion(QString productVersion);

    const QString &text() const { return m_text; }
    bool isInsider() const { return m_insider; }
    /// A parsed semver release; false for insiders and for what does not parse.
    bool isRelease() const { return !m_version.isNull(); }
    /// major.minor.patch of a release (a pre-release "-rc.1" is kept apart, see isPreRelease()).
    const QVersionNumber &release() const { return m_version; }
    bool isPreRelease() const { return m_preRelease; }

    /// Cody's isValidSiteVersion(minimum): an insider passes; a release passes when semver-greater
    /// or equal (5.7.0-rc.1 is below 5.7.0); nothing else passes.
    bool isAtLeast(const QVersionNumber &minimum) const;

    /// `codyContextFilters` is asked for from 5.3.3 (context.md §6).
    bool hasContextFilters() const { return isAtLeast(QVersionNumber(5, 3, 3)); }
    /// getCodyContext takes `filePatterns` from 5.7.0 (context.md §1c).
    bool hasFilePatterns() const { return isAtLeast(QVersionNumber(5, 7, 0)); }
    /// getCodyContext answers `matchedRanges` from 5.8.0 (context.md §1c).
    bool hasMatchedRanges() const { return isAtLeast(QVersionNumber(5, 8, 0)); }

private:
    QString m_text;
    QVersionNumber m_version;
    bool m_preRelease = false;
    bool m_insider = false;
};

} // namespace cody
