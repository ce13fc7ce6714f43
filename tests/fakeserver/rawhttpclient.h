// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QObject>
#include <QTcpSocket>

namespace cody::test {

// A bare HTTP/1.1 client over one QTcpSocket, for tests that must see the wire: several
// requests on one connection, chunk framing, how many reads a body took, a connection that
// closes mid-body. Waiting runs the event loop, so a server in the same thread keeps working.
class RawHttpClient final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RawHttpClient)

public:
    struct Response
    {
        int status = 0;
        QByteArray head; // status line and headers, without the blank line
        QByteArray body; // chunked bodies already decoded
        bool complete = false; // false: the connection closed or the wait timed out first
        bool chunked = false;
        int reads = 0; // socket reads that delivered bytes of this response

        QByteArray header(QByteArrayView lowerName) const;
    };

    explicit RawHttpClient(QObject *parent = nullptr);

    bool connectTo(quint16 port, int timeoutMs = 5000);
    void send(const QByteArray &bytes);
    // A request with Host and, for a non-empty body, Content-Length filled in.
    void sendRequest(const QByteArray &method, const QByteArray &target,
        const QByteArray &headers = {}, const QByteArray &body = {});
    // Reads the next response; bytes after it stay buffered for the next call.
    Response readResponse(int timeoutMs = 10000);
    bool isConnected() const { return m_socket.state() == QAbstractSocket::ConnectedState; }
    // Waits until the server closes the connection; false on timeout.
    bool waitForDisconnected(int timeoutMs = 10000);
    QTcpSocket &socket() { return m_socket; }

private:
    bool parse(Response &response);
    bool waitForActivity(int timeoutMs);

    QTcpSocket m_socket;
    QByteArray m_buffer;
    quint16 m_port = 0;
};

} // namespace cody::test
