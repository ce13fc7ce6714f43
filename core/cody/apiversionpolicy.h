// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QString>

#include <optional>

namespace cody {

/// Which completions `api-version` to ask for (cody-api.md §1.2 and §7). Pure.
class ApiVersionPolicy
{
public:
    static constexpr int Latest = 8;

    /// min(Latest, latestSupportedCompletionsStreamAPIVersion) from `/.api/client-config`, or
    /// nullopt when the document does not say.
    static std::optional<int> fromClientConfig(const QByteArray &json);

    /// Infers the version from GraphQL `site.productVersion`: semver releases and the dated
    /// `NNN_YYYY-MM-DD_x.y-sha` builds of Sourcegraph Cloud.
    static int fromProductVersion(const QString &productVersion);

    /// The next version to try after a 406 "Unsupported API Version": 8 → 5 → 2 → 1 → none.
    static std::optional<int> stepDown(int version);
};

} // namespace cody
