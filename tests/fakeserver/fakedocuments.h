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
    enum class Catalog {
        // The models and statuses of the recorded servers (16, 17): the chat default
        // claude-3.5-sonnet is deprecated, the first stable chat model is
        // claude-3-5-sonnet-latest, and gpt-4 and gemini-pro are not listed.
        Recorded,
        // Six models with the chat default stable, gpt-4 deprecated and gemini-pro on a waitlist.
        StableSonnet,
    };

    // supported-models.json in the real document's field order and indentation.
    static QByteArray supportedModels(Catalog catalog = Catalog::Recorded);
    // What a proxy or SSO wall answers instead of the API.
    static QByteArray loginPage();
};

} // namespace cody::test
