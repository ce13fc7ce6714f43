// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "cody/defaults.h"
#include "net/proxyfactory.h"
#include "net/retrypolicy.h"
#include "net/tlspolicy.h"

#include <QJsonObject>
#include <QNetworkRequest>
#include <QObject>
#include <QUrl>
#include <QUrlQuery>

#include <chrono>
#include <optional>

class QNetworkAccessManager;
class QNetworkReply;

namespace cody {

class ApiCall;
class CompletionStream;

/**
 * @brief The one connection to one Sourcegraph instance: owns the QNetworkAccessManager, the
 * endpoint, credentials, TLS policy, proxy and the negotiated api-version.
 *
 * It never follows redirects (a redirect would carry the token elsewhere) and attaches the
 * `Authorization` header only to URLs of the configured origin.
 */
class SourcegraphClient final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SourcegraphClient)

public:
    struct Settings
    {
        QUrl baseUrl;
        QString accessToken;
        QString clientName = QString::fromUtf16(defaults::ClientName);
        QString clientVersion = QStringLiteral(CODY_VERSION);
        TlsPolicy tls;
        std::chrono::milliseconds idleTimeout = std::chrono::seconds(defaults::IdleTimeoutSeconds);
        RetryPolicy::Settings retry;
        ProxySettings proxy; ///< none by default
        /// A GraphQL call that has not fully answered by then fails with Timeout (Cody's
        /// DEFAULT_TIMEOUT_MSEC, context.md §0).
        std::chrono::milliseconds graphqlTimeout = std::chrono::seconds(20);
    };

    explicit SourcegraphClient(Settings settings, QObject *parent = nullptr);
    ~SourcegraphClient() override;

    const Settings &settings() const { return m_settings; }
    /// Replaces the settings. Pooled connections are dropped so that a connection opened under
    /// one TLS policy is never reused under another.
    void setSettings(Settings settings);

    /// `{baseUrl}{apiPath}` with the query, keeping a path prefix such as /sourcegraph.
    QUrl endpoint(QStringView apiPath, const QUrlQuery &query = {}) const;

    ApiCall *get(QStringView apiPath);
    /// `GET /.api/modelconfig/supported-models.json`: the models the instance offers, for
    /// ModelCatalog::loadSupportedModels() (cody-api.md §3.1).
    ApiCall *getSupportedModels();
    /// `POST /.api/graphql?<operationName>` with `{"query": query, "variables": variables}`,
    /// ending by Settings::graphqlTimeout at the latest. GraphqlResult::from() reads its answer.
    ApiCall *graphql(const QString &operationName, const QString &query,
        const QJsonObject &variables = QJsonObject());
    CompletionStream *openCompletionStream(const QByteArray &body, int apiVersion);

    std::optional<int> knownApiVersion() const { return m_apiVersion; }
    void rememberApiVersion(int version) { m_apiVersion = version; }
    /// The instance's `site.productVersion`, once a ProductVersionRequest has read it; forgotten
    /// with the settings.
    std::optional<QString> knownProductVersion() const { return m_productVersion; }
    void rememberProductVersion(const QString &version) { m_productVersion = version; }
    RetryPolicy retryPolicy() const { return RetryPolicy(m_settings.retry); }

    /// True when `url` has the scheme, host and port of the configured endpoint.
    bool isSameOrigin(const QUrl &url) const;

Q_SIGNALS:
    /// Certificate errors were ignored because the user turned the bypass on for this host.
    void tlsBypassed(const QUrl &url, const QString &errors);

private:
    QNetworkRequest buildRequest(const QUrl &url, const QByteArray &contentType) const;
    QNetworkReply *watch(QNetworkReply *reply);
    void applyProxy();

    Settings m_settings;
    QNetworkAccessManager *m_network;
    std::optional<int> m_apiVersion;
    std::optional<QString> m_productVersion;
};

} // namespace cody
