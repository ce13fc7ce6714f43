// SPDX-License-Identifier: Apache-2.0
#include "gateway/openaigateway.h"

#include "chat/contextwindow.h"
#include "cody/modelcatalog.h"
#include "gateway/gatewayexchange.h"
#include "gateway/gatewaytcpserver.h"
#include "gateway/openaiprotocol.h"

#include <QCryptographicHash>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace cody::cli {

namespace {

using Method = QHttpServerRequest::Method;

} // namespace

OpenAiGateway::OpenAiGateway(
    SourcegraphClient *client, ModelCatalog *catalog, Settings settings, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_catalog(catalog)
    , m_settings(std::move(settings))
    , m_guard({.address = {},
          .port = 0,
          .allowedHosts = m_settings.allowedHosts,
          .allowedOrigins = m_settings.allowedOrigins})
{
    m_server.route(u"/v1/models"_s, Method::Get,
        [this](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
            listModels(request, std::move(responder));
        });
    m_server.route(u"/v1/chat/completions"_s, Method::Post,
        [this](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
            chatCompletions(request, std::move(responder));
        });
    for (const QString &path : {u"/v1/models"_s, u"/v1/chat/completions"_s}) {
        m_server.route(path, Method::Options,
            [this](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
                preflight(request, std::move(responder));
            });
    }
}

OpenAiGateway::~OpenAiGateway() = default;

quint16 OpenAiGateway::listen(const QHostAddress &address, quint16 port)
{
    auto *tcp = new GatewayTcpServer(m_settings.maxBodyBytes, m_settings.idleTimeoutMs, this);
    if (!tcp->listen(address, port)) {
        delete tcp;
        return 0;
    }
    m_server.bind(tcp);
    const quint16 listening = tcp->serverPort();
    m_guard = GatewayRequestGuard({.address = address,
        .port = listening,
        .allowedHosts = m_settings.allowedHosts,
        .allowedOrigins = m_settings.allowedOrigins});
    return listening;
}

bool OpenAiGateway::admit(const QHttpServerRequest &request, QHttpServerResponder &responder)
{
    const QByteArray method = request.method() == Method::Post ? "POST" : "GET";
    if (const auto error = m_guard.check(method, request.value("Host"), request.value("Origin"),
            request.value("Content-Type"))) {
        refuse(request, responder, *error);
        return false;
    }
    if (m_settings.apiKey.isEmpty())
        return true;
    // Hashes compared, so the time taken says nothing about how much of the key was right.
    const auto digest = [](const QByteArray &value) {
        return QCryptographicHash::hash(value, QCryptographicHash::Sha256);
    };
    if (digest(request.value("Authorization")) == digest("Bearer " + m_settings.apiKey.toUtf8()))
        return true;
    refuse(request, responder,
        {401, u"a valid API key is required: send Authorization: Bearer <key>"_s,
            u"invalid_request_error"_s, u"invalid_api_key"_s, {}});
    return false;
}

void OpenAiGateway::preflight(const QHttpServerRequest &request, QHttpServerResponder &&responder)
{
    const QByteArray origin = request.value("Origin");
    const GatewayRequestGuard::Headers cors = m_guard.corsHeaders(origin, true);
    // The Host is checked as for any request; an unknown origin gets no CORS headers at all.
    const auto error = m_guard.check("OPTIONS", request.value("Host"), origin, {});
    if (error || cors.isEmpty()) {
        refuse(request, responder,
            error.value_or(openai::HttpError {403, u"no CORS access for this origin"_s,
                u"invalid_request_error"_s, u"forbidden"_s, {}}));
        return;
    }
    // HeaderList is an initializer_list, so a computed list is written header by header.
    responder.writeStatusLine(QHttpServerResponder::StatusCode::NoContent);
    for (const auto &[name, value] : cors)
        responder.writeHeader(name, value);
    responder.writeHeader("Content-Length", "0");
    responder.writeBody(QByteArray());
    Q_EMIT requestHandled(u"%1 preflight → 204"_s.arg(request.url().path()));
}

GatewayExchange::Headers OpenAiGateway::answerHeaders(const QHttpServerRequest &request) const
{
    GatewayExchange::Headers headers = m_guard.corsHeaders(request.value("Origin"), false);
    // QHttpServer keeps every connection open; a client that asked otherwise is obeyed here.
    if (request.value("Connection").toLower().contains("close"))
        headers.append(std::pair<QByteArray, QByteArray>("Connection", "close"));
    return headers;
}

void OpenAiGateway::refuse(const QHttpServerRequest &request, QHttpServerResponder &responder,
    const openai::HttpError &error)
{
    // A page the user allowed may read why it was refused; any other gets no CORS headers.
    GatewayExchange::reject(responder, error, answerHeaders(request));
    Q_EMIT requestHandled(
        u"%1 → %2: %3"_s.arg(request.url().path(), QString::number(error.status), error.message));
}

void OpenAiGateway::listModels(const QHttpServerRequest &request, QHttpServerResponder &&responder)
{
    if (!admit(request, responder))
        return;
    QList<std::pair<QString, QString>> models;
    for (const auto &alias : m_catalog->aliases().aliases())
        models.append({alias.name, alias.target.provider()});
    for (const ModelInfo &model : m_catalog->chatModels())
        models.append({model.ref.fullName(), model.ref.provider()});
    GatewayExchange::writeWhole(responder, 200,
        QJsonDocument(openai::modelList(models)).toJson(QJsonDocument::Compact),
        answerHeaders(request));
    Q_EMIT requestHandled(u"/v1/models → 200, %1 models"_s.arg(models.size()));
}

QString OpenAiGateway::promptTooLong(
    const ModelRef &model, const openai::ChatRequestOutline &outline) const
{
    const qint64 maxTokens = outline.maxTokens.value_or(m_settings.defaultMaxTokens);
    const ModelInfo *info = m_catalog->find(model);
    if (!info || info->maxInputTokens <= 0) {
        // The server will judge a model whose window the catalog does not give; serve still
        // bounds what it decodes and forwards for it.
        return ContextWindow::tooLong(outline.messages,
            u"serve, for a model whose input limit it does not know,"_s, UnknownWindowTokens,
            int(qBound<qint64>(0, maxTokens, UnknownWindowTokens)));
    }
    const qint64 output
        = info->maxOutputTokens > 0 ? qMin(maxTokens, info->maxOutputTokens) : maxTokens;
    return ContextWindow::tooLong(outline.messages, info->ref.modelId(), info->maxInputTokens,
        int(qBound<qint64>(0, output, info->maxInputTokens)));
}

void OpenAiGateway::chatCompletions(
    const QHttpServerRequest &request, QHttpServerResponder &&responder)
{
    if (!admit(request, responder))
        return;
    if (m_inFlight >= m_settings.maxConcurrent) {
        refuse(request, responder,
            {429, u"%1 replies are already in progress; try again shortly"_s.arg(m_inFlight),
                u"rate_limit_error"_s, u"too_many_concurrent_requests"_s, "1"});
        return;
    }
    // The outline first: a body that cannot be sent is refused before its text is decoded, so
    // that one at the size limit costs little more than its own bytes.
    QString outlineError;
    const std::optional<openai::ChatRequestOutline> outline
        = openai::ChatRequestOutline::read(request.body(), &outlineError);
    if (!outline) {
        refuse(request, responder, {400, outlineError, u"invalid_request_error"_s, {}, {}});
        return;
    }
    if (outline->model.isEmpty()) {
        refuse(
            request, responder, {400, u"model is required"_s, u"invalid_request_error"_s, {}, {}});
        return;
    }
    QString resolveError;
    const std::optional<ModelRef> model = m_catalog->resolve(outline->model, &resolveError);
    if (!model) {
        refuse(request, responder,
            {404, resolveError, u"invalid_request_error"_s, u"model_not_found"_s, {}});
        return;
    }
    if (const QString tooLong = promptTooLong(*model, *outline); !tooLong.isEmpty()) {
        // Refused before anything is sent, in OpenAI's words for it.
        refuse(request, responder,
            {400, u"the prompt is too long: "_s + tooLong, u"invalid_request_error"_s,
                u"context_length_exceeded"_s, {}});
        return;
    }
    openai::HttpError error;
    const std::optional<openai::ChatRequest> chat
        = openai::parseChatRequest(request.body(), &error);
    if (!chat) {
        refuse(request, responder, error);
        return;
    }
    const int maxTokens = chat->maxTokens.value_or(m_settings.defaultMaxTokens);
    CompletionRequest completion;
    completion.model = *model;
    completion.messages = chat->messages;
    completion.maxTokens = maxTokens;
    completion.temperature = chat->temperature;
    completion.topP = chat->topP;
    completion.stopSequences = chat->stop;
    completion.autoContinue = m_settings.autoContinue && chat->autoContinue;
    completion.maxContinuations = m_settings.maxContinuations;
    auto *exchange = new GatewayExchange(
        std::move(responder), *chat, completion, m_client, m_catalog, answerHeaders(request), this);
    const QString what = u"/v1/chat/completions %1%2"_s.arg(
        model->fullName(), chat->stream ? u" (stream)"_s : QString());
    ++m_inFlight;
    connect(exchange, &QObject::destroyed, this, [this] { --m_inFlight; });
    connect(exchange, &GatewayExchange::answered, this,
        [this, what](int status, const QString &detail) {
            Q_EMIT requestHandled(status == 0
                    ? u"%1 → %2"_s.arg(what, detail)
                    : u"%1 → %2, %3"_s.arg(what, QString::number(status), detail));
        });
    exchange->start();
}

} // namespace cody::cli
