// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "gateway/chatrequestoutline.h"
#include "gateway/gatewayexchange.h"
#include "gateway/gatewayrequestguard.h"
#include "gateway/openaiprotocol.h"

#include <QHostAddress>
#include <QHttpServer>
#include <QObject>

namespace cody {
class ModelCatalog;
class SourcegraphClient;
} // namespace cody

namespace cody::cli {

/**
 * @brief The OpenAI-compatible HTTP API of `cody-chat-cli serve`: `GET /v1/models` and
 * `POST /v1/chat/completions` (whole or streamed), answered through the core with the configured
 * Sourcegraph instance, its token and TLS settings, the aliases and automatic continuation.
 *
 * The Sourcegraph token never leaves the process except towards Sourcegraph. With an API key
 * set, every request must carry `Authorization: Bearer <key>`.
 */
class OpenAiGateway final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OpenAiGateway)

public:
    struct Settings
    {
        QString apiKey; ///< empty: no key asked for (loopback use)
        int defaultMaxTokens = 0;
        bool autoContinue = true;
        int maxContinuations = 0;
        QStringList allowedHosts; ///< names besides the bound address that Host may carry
        QStringList allowedOrigins; ///< web pages (exact origins) that may call the gateway
        /// Replies in flight at once; more get 429 with Retry-After, so that a flood of clients
        /// cannot hold unbounded upstream requests (and memory) open.
        int maxConcurrent = 8;
        /// Larger bodies are refused (413) before they are read (--max-body).
        qint64 maxBodyBytes = 32 * 1024 * 1024;
        /// A client connection silent this long between requests is closed.
        int idleTimeoutMs = 60'000;
    };

    /// The input limit applied to a model the catalog gives no window for: larger than any
    /// Sourcegraph model's, so the server still judges the request, while serve never decodes
    /// and forwards more than about 8 MiB of text for it.
    static constexpr qint64 UnknownWindowTokens = 1'000'000;

    OpenAiGateway(SourcegraphClient *client, ModelCatalog *catalog, Settings settings,
        QObject *parent = nullptr);
    ~OpenAiGateway() override;

    /// The port listened on (the one given, or the system's choice for 0); 0 on failure.
    quint16 listen(const QHostAddress &address, quint16 port);

Q_SIGNALS:
    /// One line per request answered, for a log: never a token or a message's text.
    void requestHandled(const QString &line);

private:
    /// True when the request may proceed; otherwise it has been refused (403 or 415 from the
    /// guard, 401 without the key) and nothing was sent upstream.
    bool admit(const QHttpServerRequest &request, QHttpServerResponder &responder);
    /// Answers a CORS preflight: 204 with the headers for an allowed origin, 403 otherwise.
    void preflight(const QHttpServerRequest &request, QHttpServerResponder &&responder);
    /// The headers every answer to `request` carries: CORS for an allowed page, Connection: close
    /// when the client asked for it.
    GatewayExchange::Headers answerHeaders(const QHttpServerRequest &request) const;
    void refuse(const QHttpServerRequest &request, QHttpServerResponder &responder,
        const openai::HttpError &error);
    void listModels(const QHttpServerRequest &request, QHttpServerResponder &&responder);
    void chatCompletions(const QHttpServerRequest &request, QHttpServerResponder &&responder);
    /// Why the outlined request cannot be sent to `model` (ContextWindow::tooLong), or empty.
    QString promptTooLong(const ModelRef &model, const openai::ChatRequestOutline &outline) const;

    SourcegraphClient *m_client;
    ModelCatalog *m_catalog;
    Settings m_settings;
    GatewayRequestGuard m_guard;
    int m_inFlight = 0;
    QHttpServer m_server;
};

} // namespace cody::cli
