// SPDX-License-Identifier: Apache-2.0
#include "cody/sourcegraphclient.h"

#include "cody/apicall.h"
#include "cody/completionstream.h"
#include "cody/replyerror.h"
#include "net/tcplowdelay.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSysInfo>

using namespace Qt::StringLiterals;

namespace cody {

SourcegraphClient::SourcegraphClient(Settings settings, QObject *parent)
    : QObject(parent)
    , m_settings(std::move(settings))
    , m_network(new QNetworkAccessManager(this))
{
    m_network->setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
    applyProxy();
}

// Replies stay children of the network manager: if it goes first it takes them along, and the
// calls and streams, which only hold QPointers to them, find them gone instead of dangling.
SourcegraphClient::~SourcegraphClient() = default;

void SourcegraphClient::setSettings(Settings settings)
{
    m_settings = std::move(settings);
    m_apiVersion.reset();
    m_productVersion.reset();
    m_network->clearConnectionCache();
    applyProxy();
}

void SourcegraphClient::applyProxy()
{
    m_network->setProxyFactory(new ProxyFactory(m_settings.proxy));
}

QUrl SourcegraphClient::endpoint(QStringView apiPath, const QUrlQuery &query) const
{
    QUrl url = m_settings.baseUrl;
    url.setPath(url.path() + apiPath);
    if (!query.isEmpty())
        url.setQuery(query);
    return url;
}

bool SourcegraphClient::isSameOrigin(const QUrl &url) const
{
    const QUrl &base = m_settings.baseUrl;
    const int defaultPort = base.scheme() == "https"_L1 ? 443 : 80;
    return url.scheme().compare(base.scheme(), Qt::CaseInsensitive) == 0
        && url.host().compare(base.host(), Qt::CaseInsensitive) == 0
        && url.port(defaultPort) == base.port(defaultPort);
}

QNetworkRequest SourcegraphClient::buildRequest(
    const QUrl &url, const QByteArray &contentType) const
{
    QNetworkRequest request(url);
    request.setSslConfiguration(m_settings.tls.sslConfiguration());
    request.setAttribute(
        QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    // HTTP/1.1, as Cody's own (Node) clients speak it. Qt 6.4 lets an HTTPS request wait
    // forever when its host lookup fails on a connection that may upgrade to HTTP/2: the
    // failure finds no request to report to and is dropped (one CLI run in ~60 under load hung
    // until the idle timeout; none in 400 with this off).
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    if (!contentType.isEmpty())
        request.setHeader(QNetworkRequest::ContentTypeHeader, contentType);
    // Compressed answers make the server batch the stream (cody-api.md §1.3).
    request.setRawHeader("Accept-Encoding", "gzip;q=0");
    const QByteArray name = m_settings.clientName.toUtf8();
    const QByteArray version = m_settings.clientVersion.toUtf8();
    request.setRawHeader("X-Requested-With", name + ' ' + version);
    request.setRawHeader("X-Sourcegraph-API-Client-Name", name);
    request.setRawHeader("X-Sourcegraph-API-Client-Version", version);
    request.setHeader(QNetworkRequest::UserAgentHeader,
        u"cody-chat/%1 (%2)"_s.arg(QStringLiteral(CODY_VERSION), QSysInfo::prettyProductName()));
    if (!m_settings.accessToken.isEmpty() && isSameOrigin(url))
        request.setRawHeader("Authorization", "token " + m_settings.accessToken.toUtf8());
    return request;
}

QNetworkReply *SourcegraphClient::watch(QNetworkReply *reply)
{
    const QUrl url = reply->url();
    connect(reply, &QNetworkReply::sslErrors, reply,
        [this, reply, url](const QList<QSslError> &errors) {
            const QString description = TlsPolicy::describe(url, errors);
            if (m_settings.tls.bypasses(url)) {
                reply->ignoreSslErrors(errors);
                Q_EMIT tlsBypassed(url, description);
                return;
            }
            reply->setProperty(TlsProblemProperty, description);
        });
    return reply;
}

ApiCall *SourcegraphClient::get(QStringView apiPath)
{
    auto *reply = m_network->get(buildRequest(endpoint(apiPath), {}));
    return new ApiCall(watch(reply), m_settings.idleTimeout, this);
}

ApiCall *SourcegraphClient::getSupportedModels()
{
    return get(u"/.api/modelconfig/supported-models.json");
}

ApiCall *SourcegraphClient::graphql(
    const QString &operationName, const QString &query, const QJsonObject &variables)
{
    // The "?Operation" suffix is only for the server's logs (cody-api.md §4).
    QUrl url = endpoint(u"/.api/graphql");
    url.setQuery(operationName);
    const QJsonObject body {{u"query"_s, query}, {u"variables"_s, variables}};
    QNetworkRequest request = buildRequest(url, "application/json; charset=utf-8");
    request.setRawHeader("Accept", "application/json");
    auto *reply = m_network->post(request, QJsonDocument(body).toJson(QJsonDocument::Compact));
    auto *call = new ApiCall(watch(reply), m_settings.idleTimeout, this);
    call->setDeadline(m_settings.graphqlTimeout);
    return call;
}

CompletionStream *SourcegraphClient::openCompletionStream(const QByteArray &body, int apiVersion)
{
    QUrlQuery query;
    query.addQueryItem(u"api-version"_s, QString::number(apiVersion));
    query.addQueryItem(u"client-name"_s, m_settings.clientName);
    query.addQueryItem(u"client-version"_s, m_settings.clientVersion);
    QNetworkRequest request
        = buildRequest(endpoint(u"/.api/completions/stream", query), "application/json");
    request.setRawHeader("Accept", "text/event-stream");
    // A continuation reuses the connection with a body that grows with the reply.
    tcplowdelay::applyToOpenSockets();
    auto *reply = m_network->post(request, body);
    return new CompletionStream(watch(reply), m_settings.idleTimeout, this);
}

} // namespace cody
