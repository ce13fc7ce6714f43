// SPDX-License-Identifier: Apache-2.0
#include "gateway/gatewayexchange.h"

#include "chat/replyorchestrator.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace cody::cli {

namespace {

using Status = QHttpServerResponder::StatusCode;

} // namespace

GatewayExchange::GatewayExchange(QHttpServerResponder &&responder, const openai::ChatRequest &chat,
    const CompletionRequest &request, SourcegraphClient *client, ModelCatalog *catalog,
    Headers extraHeaders, QObject *parent)
    : QObject(parent)
    , m_responder(std::move(responder))
    , m_extraHeaders(std::move(extraHeaders))
    , m_socket(m_responder.socket())
    , m_model(request.model.fullName())
    , m_stream(chat.stream)
    , m_includeUsage(chat.includeUsage)
    , m_id(u"chatcmpl-"_s + QUuid::createUuid().toString(QUuid::Id128))
    , m_created(QDateTime::currentSecsSinceEpoch())
{
    m_reply = new ReplyOrchestrator(client, request, this);
    m_reply->setModelCatalog(catalog);
    connect(m_reply, &ReplyOrchestrator::textReceived, this, &GatewayExchange::onText);
    connect(m_reply, &ReplyOrchestrator::finished, this, &GatewayExchange::onFinished);
    // A client that hangs up does not want the rest: stop asking Sourcegraph for it.
    connect(m_socket, &QTcpSocket::disconnected, this, [this] {
        if (!m_done)
            m_reply->cancel();
    });
}

GatewayExchange::~GatewayExchange() = default;

void GatewayExchange::start()
{
    m_elapsed.start();
    m_reply->start();
}

void GatewayExchange::reject(
    QHttpServerResponder &responder, const openai::HttpError &error, const Headers &extraHeaders)
{
    Headers headers = extraHeaders;
    if (!error.retryAfter.isEmpty())
        headers.append({"Retry-After", error.retryAfter});
    writeWhole(responder, error.status, QJsonDocument(error.body()).toJson(QJsonDocument::Compact),
        headers);
}

void GatewayExchange::writeWhole(
    QHttpServerResponder &responder, int status, const QByteArray &body, const Headers &headers)
{
    // QHttpServerResponder's header lists are initializer_lists: a computed list goes one by one.
    responder.writeStatusLine(static_cast<Status>(status));
    responder.writeHeader("Content-Type", "application/json");
    responder.writeHeader("Content-Length", QByteArray::number(body.size()));
    bool close = false;
    for (const auto &[name, value] : headers) {
        responder.writeHeader(name, value);
        close = close || (name == "Connection" && value == "close");
    }
    responder.writeBody(body);
    if (close && responder.socket())
        responder.socket()->disconnectFromHost(); // once what is written has gone out
}

void GatewayExchange::onText(const QString &text)
{
    if (!m_stream || text.isEmpty())
        return; // the whole reply is sent at the end
    if (!m_streaming)
        beginStream();
    writeEvent(openai::sseEvent(openai::chunk(m_id, m_created, m_model, {{u"content"_s, text}})));
}

void GatewayExchange::beginStream()
{
    m_streaming = true;
    // No Content-Length: the stream ends when the connection closes (HTTP/1.1 allows this with
    // Connection: close, and every SSE client reads it so).
    m_responder.writeStatusLine(Status::Ok);
    m_responder.writeHeaders({{"Content-Type", "text/event-stream"}, {"Cache-Control", "no-cache"},
        {"Connection", "close"}, {"X-Accel-Buffering", "no"}});
    for (const auto &[name, value] : m_extraHeaders) {
        if (name != "Connection") // a stream always ends with its connection
            m_responder.writeHeader(name, value);
    }
    // writeBody() ends the header block; later events go straight to the socket, since each
    // writeBody() would start another.
    m_responder.writeBody(openai::sseEvent(openai::chunk(
        m_id, m_created, m_model, {{u"role"_s, u"assistant"_s}, {u"content"_s, u""_s}})));
}

void GatewayExchange::writeEvent(const QByteArray &event)
{
    if (m_socket)
        m_socket->write(event);
}

void GatewayExchange::onFinished(const CompletionResult &result)
{
    m_done = true;
    deleteLater();
    const QString took = u"%1 ms"_s.arg(m_elapsed.elapsed());
    if (!m_socket || result.error.kind == ErrorKind::Cancelled) {
        Q_EMIT answered(0, u"the client hung up after %1"_s.arg(took));
        return; // nobody is listening any more
    }
    if (result.error.isError()) {
        const openai::HttpError error = openai::errorFor(result.error);
        if (!m_streaming) {
            reject(m_responder, error, m_extraHeaders);
            Q_EMIT answered(error.status, u"%1, %2"_s.arg(error.message, took));
            return;
        }
        Q_EMIT answered(200, u"the stream failed: %1, %2"_s.arg(error.message, took));
        // Too late for a status code: the stream says it instead, as OpenAI's does.
        writeEvent(openai::sseEvent(error.body()));
        endStream();
        return;
    }
    Q_EMIT answered(200,
        u"%1 characters, %2 segment(s)%3, %4"_s.arg(result.text.size())
            .arg(result.segments)
            .arg(result.truncated ? u", cut off"_s : QString(), took));
    if (!m_stream) {
        writeWhole(m_responder, 200,
            QJsonDocument(openai::completion(m_id, m_created, m_model, result))
                .toJson(QJsonDocument::Compact),
            m_extraHeaders);
        return;
    }
    if (!m_streaming)
        beginStream(); // an empty reply still gets its stream
    writeEvent(openai::sseEvent(
        openai::chunk(m_id, m_created, m_model, {}, openai::finishReason(result))));
    if (m_includeUsage) {
        QJsonObject last = openai::chunk(m_id, m_created, m_model, {}, {}, openai::usage(result));
        last.insert(u"choices"_s, QJsonArray());
        writeEvent(openai::sseEvent(last));
    }
    writeEvent("data: [DONE]\n\n");
    endStream();
}

void GatewayExchange::endStream()
{
    if (m_socket)
        m_socket->disconnectFromHost(); // flushes what is written, then closes
}

} // namespace cody::cli
