// SPDX-License-Identifier: Apache-2.0
#include "cody/replyerror.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace cody {

ReplyFacts ReplyFacts::from(QNetworkReply *reply, QByteArray body)
{
    ReplyFacts facts;
    facts.url = reply->url();
    facts.httpStatus = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    facts.reasonPhrase = reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toByteArray();
    facts.body = std::move(body);
    facts.redirectTarget = reply->attribute(QNetworkRequest::RedirectionTargetAttribute).toUrl();
    if (facts.redirectTarget.isRelative())
        facts.redirectTarget = reply->url().resolved(facts.redirectTarget);
    facts.networkError = reply->error();
    facts.networkErrorString = reply->errorString().simplified();
    facts.tlsProblem = reply->property(TlsProblemProperty).toString();
    return facts;
}

QString bodySnippet(const QByteArray &body)
{
    constexpr qsizetype limit = 300;
    QString text = QString::fromUtf8(body.left(4 * limit)).simplified();
    if (text.size() > limit)
        text = text.left(limit) + u'…';
    return text;
}

namespace {

QString hostAndPort(const QUrl &url)
{
    return url.port() > 0 ? u"%1:%2"_s.arg(url.host()).arg(url.port()) : url.host();
}

Error transportError(const ReplyFacts &facts)
{
    const QString where = hostAndPort(facts.url);
    switch (facts.networkError) {
    case QNetworkReply::ConnectionRefusedError:
        return {ErrorKind::Network,
            QCoreApplication::translate(
                "cody::ReplyError", "cannot connect to %1: connection refused")
                .arg(where)};
    case QNetworkReply::HostNotFoundError:
        return {ErrorKind::Network,
            QCoreApplication::translate("cody::ReplyError",
                "cannot resolve the host name \"%1\": check LLM_BASE_URL and your network")
                .arg(facts.url.host())};
    case QNetworkReply::RemoteHostClosedError:
        return {ErrorKind::Network,
            QCoreApplication::translate(
                "cody::ReplyError", "%1 closed the connection before answering")
                .arg(where)};
    case QNetworkReply::TimeoutError:
        return {ErrorKind::Timeout,
            QCoreApplication::translate("cody::ReplyError", "connecting to %1 timed out")
                .arg(where)};
    case QNetworkReply::SslHandshakeFailedError:
        return {ErrorKind::Tls,
            facts.tlsProblem.isEmpty() ? QCoreApplication::translate(
                "cody::ReplyError", "TLS handshake with %1 failed: %2")
                                             .arg(where, facts.networkErrorString)
                                       : facts.tlsProblem};
    case QNetworkReply::ProxyConnectionRefusedError:
    case QNetworkReply::ProxyConnectionClosedError:
    case QNetworkReply::ProxyNotFoundError:
    case QNetworkReply::ProxyTimeoutError:
    case QNetworkReply::ProxyAuthenticationRequiredError:
        return {ErrorKind::Network,
            QCoreApplication::translate(
                "cody::ReplyError", "the proxy failed: %1 (check https_proxy / no_proxy)")
                .arg(facts.networkErrorString)};
    default:
        break;
    }
    if (!facts.tlsProblem.isEmpty())
        return {ErrorKind::Tls, facts.tlsProblem};
    return {ErrorKind::Network,
        QCoreApplication::translate("cody::ReplyError", "request to %1 failed: %2")
            .arg(where, facts.networkErrorString)};
}

} // namespace

Error classifyReply(const ReplyFacts &facts)
{
    const int status = facts.httpStatus;
    if (status == 0)
        return transportError(facts);

    const QString body = bodySnippet(facts.body);
    const QString statusText = facts.reasonPhrase.isEmpty()
        ? u"HTTP %1"_s.arg(status)
        : u"HTTP %1 %2"_s.arg(status).arg(QString::fromLatin1(facts.reasonPhrase));
    const QString detail = body.isEmpty() ? statusText : u"%1: %2"_s.arg(statusText, body);

    if (status >= 300 && status < 400) {
        // Following would hand the token to wherever the redirect points; say where instead.
        return {ErrorKind::Network,
            QCoreApplication::translate("cody::ReplyError",
                "the server answered %1 with a redirect to %2; Cody Chat does not follow redirects "
                "with your token. If that is the right address, set LLM_BASE_URL to it")
                .arg(statusText,
                    facts.redirectTarget.toDisplayString(QUrl::RemoveUserInfo | QUrl::RemoveQuery)),
            status};
    }
    if (status == 401 || status == 403) {
        return {ErrorKind::Auth,
            QCoreApplication::translate(
                "cody::ReplyError", "the Sourcegraph access token was rejected (%1)")
                .arg(detail),
            status};
    }
    if (status == 404) {
        return {ErrorKind::Http,
            QCoreApplication::translate("cody::ReplyError",
                "%1 from %2 — is LLM_BASE_URL the address of a Sourcegraph instance?")
                .arg(detail, facts.url.toDisplayString(QUrl::RemoveQuery | QUrl::RemoveUserInfo)),
            status};
    }
    if (status == 406 && facts.body.contains("ClientCodyIgnoreCompatibilityError")) {
        return {ErrorKind::Http,
            QCoreApplication::translate("cody::ReplyError",
                "the server does not accept this client's name or version (%1); "
                "CODY_CLIENT_NAME sets the name sent")
                .arg(detail),
            status};
    }
    if (status >= 500)
        return {ErrorKind::Server,
            QCoreApplication::translate("cody::ReplyError", "the server failed (%1)").arg(detail),
            status};
    if (status >= 400)
        return {ErrorKind::Http,
            QCoreApplication::translate("cody::ReplyError", "the server refused the request (%1)")
                .arg(detail),
            status};
    return transportError(facts);
}

} // namespace cody
