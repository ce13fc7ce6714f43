// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "httprequestparser.h"
#include "httpresponse.h"
#include "recordedrequest.h"

#include <QObject>
#include <QTimer>

class QTcpSocket;

namespace cody::test {

// One client connection: parses requests as bytes arrive, announces them one at a time, and
// writes each answer, including chunked answers played step by step on a timer. Requests that
// arrive while an answer is still being written wait their turn (keep-alive and pipelining).
// The connection deletes itself when the socket closes.
class HttpConnection final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HttpConnection)

public:
    // Takes ownership of the connected socket.
    explicit HttpConnection(QTcpSocket *socket, QObject *parent = nullptr);
    ~HttpConnection() override;

    // Answers the request last announced by requestReady(); call exactly once per request,
    // from the slot or later.
    void respond(HttpResponse response);
    bool isEncrypted() const;

Q_SIGNALS:
    void requestReady(const cody::test::RecordedRequest &request);
    void closed();

private:
    void readIncoming();
    void serveNext();
    void writeHead(const HttpResponse &response);
    void writeChunk(const QByteArray &bytes);
    void playSteps();
    void finishResponse();
    void onDisconnected();

    QTcpSocket *m_socket;
    HttpRequestParser m_parser;
    QTimer m_stepTimer;
    HttpResponse m_response;
    qsizetype m_nextStep = 0;
    bool m_stepDelayDone = false;
    bool m_busy = false;
    bool m_closeAfterResponse = false;
    bool m_closed = false;
};

} // namespace cody::test
