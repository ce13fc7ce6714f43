// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QObject>
#include <QTimer>

class QTcpSocket;

namespace cody::cli {

/**
 * @brief Watches one client connection of `serve` ahead of QHttpServer, which would read a
 * request's whole body into memory before any handler could look at it.
 *
 * It sees each chunk first (its readyRead slot is connected before the server's) and follows the
 * request framing: a head whose Content-Length is over the limit is answered 413 at once, and the
 * rest of that body is discarded unread; a chunked body (no length to check) gets 411. A
 * connection with no request in progress that stays silent for the idle timeout is closed.
 */
class RequestSizeGate final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RequestSizeGate)

public:
    RequestSizeGate(QTcpSocket *socket, qint64 maxBodyBytes, int idleTimeoutMs);

private:
    enum class State { Head, Body, Answered, Refused };

    void onReadyRead();
    void consume(QByteArrayView data);
    bool parseHead();
    void refuse(int status, const QByteArray &reason, const QByteArray &message);
    void onIdle();

    QTcpSocket *m_socket;
    const qint64 m_maxBody;
    QTimer m_idle;
    State m_state = State::Head;
    QByteArray m_head;
    qint64 m_bodyLeft = 0;
};

} // namespace cody::cli
