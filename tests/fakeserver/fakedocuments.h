// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QString>

#include <optional>

namespace cody::test {

// The fixed bodies the fake serves, shaped like the recorded answers of the real server.
class FakeDocuments
{
public:
    static QByteArray clientConfig(int latestStreamApiVersion);
    // The answer to a GraphQL request body: CurrentUser, SiteProductVersion or an error.
    static QByteArray graphql(const QString &query, const QString &productVersion);
    // supported-models.json with anthropic, openai, google and fireworks models in the real
    // document's field order and indentation.
    static QByteArray supportedModels();
    // The same with cody-sonnet's target (and so the chat default) deprecated, as both recorded
    // servers (16, 17) list it; the first stable chat model is then claude-3-opus.
    static QByteArray supportedModelsWithDeprecatedSonnet();
    // What a proxy or SSO wall answers instead of the API.
    static QByteArray loginPage();
};

} // namespace cody::test
