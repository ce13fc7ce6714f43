// SPDX-License-Identifier: Apache-2.0
#include "httpconnection.h"

#include <QDateTime>
#include <QSslSocket>
#include <QTcpSocket>

namespace cody::test {

HttpConnection::HttpConnection(QTcpSocket *socket, QObject *parent)
    : QObject(parent)
    , m_socket(socket)
{
    m_socket->setParent(this);
    // Without TCP_NODELAY, Nagle would merge the byte-per-chunk scenarios into a few segments.
    m_socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    m_stepTimer.setSingleShot(true);
    m_stepTimer.setTimerType(Qt::PreciseTimer);
    connect(&m_stepTimer, &QTimer::timeout, this, &HttpConnection::playSteps);
    connect(m_socket, &QTcpSocket::readyRead, this, &HttpConnection::readIncoming);
    connect(m_socket, &QTcpSocket::disconnected, this, &HttpConnection::onDisconnected);
    // Bytes may have arrived before this object connected to readyRead.
    QMetaObject::invokeMethod(this, &HttpConnection::readIncoming, Qt::QueuedConnection);
}

HttpConnection::~HttpConnection()
{
    // The socket, a child, closes after this object is gone; its signals must not reach it.
    m_socket->disconnect(this);
}

bool HttpConnection::isEncrypted() const
{
    const auto *ssl = qobject_cast<const QSslSocket *>(m_socket);
    return ssl && ssl->isEncrypted();
}

void HttpConnection::readIncoming()
{
    if (m_closed)
        return;
    m_parser.feed(m_socket->readAll());
    serveNext();
}

void HttpConnection::serveNext()
{
    if (m_busy || m_closed)
        return;
    if (m_parser.hasRequest()) {
        const RecordedRequest request = m_parser.takeRequest();
        m_busy = true;
        m_closeAfterResponse = request.httpVersion == "HTTP/1.0"
            || request.header("connection").toLower().contains("close");
        Q_EMIT requestReady(request);
        return;
    }
    if (m_parser.hasError()) {
        m_busy = true;
        m_closeAfterResponse = true;
        respond(HttpResponse::text(400, m_parser.errorString().toUtf8() + '\n'));
    }
}

void HttpConnection::respond(HttpResponse response)
{
    if (m_closed)
        return;
    m_response = std::move(response);
    writeHead(m_response);
    if (!m_response.chunked) {
        m_socket->write(m_response.body);
        finishResponse();
        return;
    }
    m_nextStep = 0;
    m_stepDelayDone = false;
    playSteps();
}

void HttpConnection::writeHead(const HttpResponse &response)
{
    QByteArray head = "HTTP/1.1 " + QByteArray::number(response.status) + ' '
        + HttpResponse::reasonPhrase(response.status) + "\r\n";
    head += "Date: " + HttpResponse::httpDate(QDateTime::currentDateTimeUtc()) + "\r\n";
    for (const auto &[name, value] : response.headers)
        head += name + ": " + value + "\r\n";
    if (response.chunked)
        head += "Transfer-Encoding: chunked\r\n";
    else
        head += "Content-Length: " + QByteArray::number(response.body.size()) + "\r\n";
    head += m_closeAfterResponse ? "Connection: close\r\n" : "Connection: keep-alive\r\n";
    head += "\r\n";
    m_socket->write(head);
    m_socket->flush();
}

void HttpConnection::writeChunk(const QByteArray &bytes)
{
    // An empty chunk would end the body, so empty steps write nothing.
    if (bytes.isEmpty())
        return;
    m_socket->write(QByteArray::number(bytes.size(), 16) + "\r\n" + bytes + "\r\n");
    // Hand each chunk to the kernel now, so that it travels on its own.
    m_socket->flush();
}

void HttpConnection::playSteps()
{
    if (m_closed)
        return;
    while (m_nextStep < m_response.steps.size()) {
        const HttpResponse::Step &step = m_response.steps.at(m_nextStep);
        if (step.delayMs > 0 && !m_stepDelayDone) {
            m_stepDelayDone = true;
            m_stepTimer.start(step.delayMs);
            return;
        }
        m_stepDelayDone = false;
        writeChunk(step.bytes);
        ++m_nextStep;
    }
    switch (m_response.ending) {
    case HttpResponse::Ending::Complete:
        m_socket->write("0\r\n\r\n");
        finishResponse();
        break;
    case HttpResponse::Ending::Drop:
        // disconnectFromHost() still writes what is buffered, so the client receives every
        // step before the connection ends without the terminating chunk.
        m_socket->disconnectFromHost();
        break;
    case HttpResponse::Ending::Stall:
        break;
    }
}

void HttpConnection::finishResponse()
{
    m_busy = false;
    m_response = {};
    if (m_closeAfterResponse) {
        m_socket->disconnectFromHost();
        return;
    }
    // Queued, so that a pipelined request is not served from inside the previous answer.
    QMetaObject::invokeMethod(this, &HttpConnection::serveNext, Qt::QueuedConnection);
}

void HttpConnection::onDisconnected()
{
    if (m_closed)
        return;
    m_closed = true;
    m_stepTimer.stop();
    Q_EMIT closed();
    deleteLater();
}

} // namespace cody::test
