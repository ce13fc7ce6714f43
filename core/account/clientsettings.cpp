// SPDX-License-Identifier: Apache-2.0
#include "account/clientsettings.h"

namespace cody {

std::optional<SourcegraphClient::Settings> clientSettings(
    const Config &config, const QUrl &baseUrl, const QString &accessToken, QString *error)
{
    SourcegraphClient::Settings settings;
    settings.baseUrl = baseUrl;
    settings.accessToken = accessToken;
    settings.clientName = config.clientName;
    settings.idleTimeout = std::chrono::seconds(config.idleTimeoutSeconds);
    settings.proxy = config.proxy;
    if (!settings.tls.configure(baseUrl, config.sslBypass, config.caFile, error))
        return std::nullopt;
    return settings;
}

} // namespace cody
