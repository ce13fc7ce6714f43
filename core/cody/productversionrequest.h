// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "cody/graphqlrequest.h"

#include <QString>

namespace cody {

/**
 * @brief The instance's `site.productVersion` ("5.3.11625", "282533_2024-07-16_5.5-a0a18a60e904",
 * "6.2.0"), asked once per client: the answer is remembered on the SourcegraphClient, and a
 * request that finds it there finishes without a call (still never from inside start()).
 *
 * The api-version probe, the connection check, context retrieval and the context filters all
 * read the version through this one request.
 */
class ProductVersionRequest final : public GraphqlRequest
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProductVersionRequest)

public:
    explicit ProductVersionRequest(SourcegraphClient *client, QObject *parent = nullptr);

    /// The version; empty on error.
    QString productVersion() const { return m_productVersion; }
    /// True when the answer came from the client's memory rather than from the server.
    bool wasKnown() const { return m_wasKnown; }

    static QString queryText();

protected:
    void begin() override;
    void handle(const GraphqlResult &result) override;

private:
    QString m_productVersion;
    bool m_wasKnown = false;
};

} // namespace cody
