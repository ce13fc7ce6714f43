// SPDX-License-Identifier: Apache-2.0
#include "gateway/gatewayrequestguard.h"

using namespace Qt::StringLiterals;

namespace cody::cli {

namespace {

openai::HttpError forbidden(const QString &message)
{
    return {403, message, u"invalid_request_error"_s, u"forbidden"_s, {}};
}

} // namespace

GatewayRequestGuard::GatewayRequestGuard(Settings settings)
    : m_settings(std::move(settings))
{ }

std::optional<openai::HttpError> GatewayRequestGuard::check(const QByteArray &method,
    const QByteArray &host, const QByteArray &origin, const QByteArray &contentType) const
{
    if (!isAllowedHost(host)) {
        return forbidden(
            u"Host \"%1\" is not this server; allow the name with --allowed-host"_s.arg(
                QString::fromLatin1(host.left(200))));
    }
    if (!origin.isEmpty() && !isAllowedOrigin(origin)) {
        return forbidden(u"requests from web pages are refused (Origin \"%1\"); allow the page "
                         "with --allow-origin"_s.arg(QString::fromLatin1(origin.left(200))));
    }
    const QByteArray mediaType = contentType.split(';').constFirst().trimmed().toLower();
    if (method == "POST" && mediaType != "application/json") {
        return openai::HttpError {415, u"Content-Type must be application/json"_s,
            u"invalid_request_error"_s, u"unsupported_media_type"_s, {}};
    }
    return std::nullopt;
}

GatewayRequestGuard::Headers GatewayRequestGuard::corsHeaders(
    const QByteArray &origin, bool preflight) const
{
    if (origin.isEmpty() || !isAllowedOrigin(origin))
        return {};
    // The origin itself, never "*": only the pages the user named may read the answers.
    Headers headers {{"Access-Control-Allow-Origin", origin}, {"Vary", "Origin"}};
    if (preflight) {
        headers += Headers {{"Access-Control-Allow-Methods", "GET, POST, OPTIONS"},
            {"Access-Control-Allow-Headers", "Authorization, Content-Type"},
            {"Access-Control-Max-Age", "600"}};
    }
    return headers;
}

bool GatewayRequestGuard::isAllowedHost(const QByteArray &host) const
{
    // "name:port" or "[v6]:port"; the port is required unless it is HTTP's default.
    QByteArray name = host.trimmed().toLower();
    QByteArray port = "80";
    const qsizetype colon = name.lastIndexOf(':');
    if (colon >= 0 && colon > name.lastIndexOf(']')) {
        port = name.mid(colon + 1);
        name.truncate(colon);
    }
    if (port != QByteArray::number(m_settings.port))
        return false;
    QStringList names;
    const QHostAddress &address = m_settings.address;
    if (address.isLoopback()) {
        names = {u"127.0.0.1"_s, u"localhost"_s, u"[::1]"_s};
    } else {
        names.append(address.protocol() == QAbstractSocket::IPv6Protocol
                ? u"[%1]"_s.arg(address.toString())
                : address.toString());
    }
    for (const QString &allowed : m_settings.allowedHosts)
        names.append(allowed.toLower());
    return names.contains(QString::fromLatin1(name));
}

bool GatewayRequestGuard::isAllowedOrigin(const QByteArray &origin) const
{
    return m_settings.allowedOrigins.contains(QString::fromLatin1(origin));
}

} // namespace cody::cli
