// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "cody/completionrequest.h"
#include "gateway/openaiprotocol.h"

#include <QElapsedTimer>
#include <QHttpServerResponder>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QTcpSocket>

namespace cody {
class ModelCatalog;
class ReplyOrchestrator;
class SourcegraphClient;
} // namespace cody

namespace cody::cli {

/**
 * @brief One `POST /v1/chat/completions` in flight: runs the reply through ReplyOrchestrator
 * (retries, automatic continuation) and answers in OpenAI's shape, whole or as a stream.
 *
 * A stream's status line waits for the first text, so that a reply refused before it starts
 * (token rejected, rate limit) still gets its HTTP status; a failure after that ends the stream
 * with an error event. The client hanging up cancels the reply. Deletes itself when done.
 */
class GatewayExchange final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GatewayExchange)

public:
    /// Headers every answer carries besides its own (CORS for a page the user allowed).
    using Headers = QList<std::pair<QByteArray, QByteArray>>;

    GatewayExchange(QHttpServerResponder &&responder, const openai::ChatRequest &chat,
        const CompletionRequest &request, SourcegraphClient *client, ModelCatalog *catalog,
        Headers extraHeaders, QObject *parent = nullptr);
    ~GatewayExchange() override;

    void start();

    /// Answers a request the gateway refuses before any reply starts.
    static void reject(QHttpServerResponder &responder, const openai::HttpError &error,
        const Headers &extraHeaders = {});
    /// A whole answer: status, Content-Type, Content-Length, the extra headers, the body.
    static void writeWhole(QHttpServerResponder &responder, int status, const QByteArray &body,
        const Headers &headers);

Q_SIGNALS:
    /// The exchange is over: the status sent (0 when the client hung up) and what happened.
    void answered(int status, const QString &detail);

private:
    void onText(const QString &text);
    void onFinished(const CompletionResult &result);
    void beginStream();
    void writeEvent(const QByteArray &event);
    void endStream();

    QHttpServerResponder m_responder;
    const Headers m_extraHeaders;
    QPointer<QTcpSocket> m_socket;
    // What the answer needs of the request; the conversation itself is the orchestrator's.
    const QString m_model; ///< the full cody/… name, as responses report it
    const bool m_stream;
    const bool m_includeUsage;
    ReplyOrchestrator *m_reply = nullptr;
    QString m_id;
    qint64 m_created = 0;
    QElapsedTimer m_elapsed;
    bool m_streaming = false; ///< the stream's status line and headers are out
    bool m_done = false;
};

} // namespace cody::cli
