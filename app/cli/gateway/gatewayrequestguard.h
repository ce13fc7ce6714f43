// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "gateway/openaiprotocol.h"

#include <QByteArray>
#include <QHostAddress>
#include <QList>
#include <QStringList>

#include <optional>
#include <utility>

namespace cody::cli {

/**
 * @brief Decides whether a request to `serve` may reach Sourcegraph, before anything else is
 * read from it: the gateway spends the user's token, so a web page must not be able to use it.
 *
 * - `Host` must name this server (DNS rebinding gives a page's own name a loopback address):
 *   127.0.0.1, localhost or [::1] when bound to loopback, else the bound address; plus the names
 *   given with --allowed-host; always with the port listened on.
 * - A request with an `Origin` comes from a browser page: refused unless that exact origin was
 *   allowed with --allow-origin. Never `*`.
 * - A POST must say `Content-Type: application/json`: the "simple" types a page may send without
 *   a CORS preflight are refused.
 * Pure: no I/O, so every rule is tested without a socket.
 */
class GatewayRequestGuard
{
public:
    using Headers = QList<std::pair<QByteArray, QByteArray>>;

    struct Settings
    {
        QHostAddress address = QHostAddress(QHostAddress::LocalHost);
        quint16 port = 0;
        QStringList allowedHosts; ///< extra names clients may use in Host (--allowed-host)
        QStringList allowedOrigins; ///< exact origins allowed (--allow-origin)
    };

    explicit GatewayRequestGuard(Settings settings);

    /// The port actually listened on (known only after listening on port 0).
    void setPort(quint16 port) { m_settings.port = port; }

    /// Why the request is refused (403 or 415, OpenAI's error shape); nullopt when it may go on.
    std::optional<openai::HttpError> check(const QByteArray &method, const QByteArray &host,
        const QByteArray &origin, const QByteArray &contentType) const;

    /// The CORS headers for an allowed origin (empty for none): on answers and on preflights.
    Headers corsHeaders(const QByteArray &origin, bool preflight) const;

private:
    bool isAllowedHost(const QByteArray &host) const;
    bool isAllowedOrigin(const QByteArray &origin) const;

    Settings m_settings;
};

} // namespace cody::cli
