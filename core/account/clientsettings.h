// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "account/config.h"
#include "cody/sourcegraphclient.h"

#include <QString>
#include <QUrl>

#include <optional>

namespace cody {

/// The SourcegraphClient settings for `baseUrl` and `accessToken` under `config` (client name,
/// idle timeout, proxy, TLS): made here, in account, so that the client takes a plain value and
/// knows nothing of where the configuration comes from. Nullopt with *error when the TLS settings
/// cannot be used (an unreadable CA file).
std::optional<SourcegraphClient::Settings> clientSettings(
    const Config &config, const QUrl &baseUrl, const QString &accessToken, QString *error);

} // namespace cody
