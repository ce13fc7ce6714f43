// SPDX-License-Identifier: Apache-2.0
#include "rawhttpclient.h"

#include <QDeadlineTimer>
#include <QEventLoop>
#include <QHostAddress>
#include <QTimer>

namespace cody::test {

QByteArray RawHttpClient::Response::header(QByteArrayView lowerName) const
{
    const QList<QByteArray> lines = head.split('\n');
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray &line = lines.at(i);
        const qsizetype colon = line.indexOf(':');
        if (colon > 0 && line.left(colon).trimmed().toLower() == lowerName)
            return line.mid(colon + 1).trimmed();
    }
    return {};
}

RawHttpClient::RawHttpClient(QObject *parent)
    : QObject(parent)
{ }

bool RawHttpClient::connectTo(quint16 port, int timeoutMs)
{
    m_port = port;
    m_socket.connectToHost(QHostAddress::LocalHost, port);
    const QDeadlineTimer deadline(timeoutMs);
    while (m_socket.state() != QAbstractSocket::ConnectedState) {
        if (m_socket.state() == QAbstractSocket::UnconnectedState || deadline.hasExpired())
            return false;
        waitForActivity(int(deadline.remainingTime()));
    }
    return true;
}

void RawHttpClient::send(const QByteArray &bytes)
{
    m_socket.write(bytes);
    m_socket.flush();
}

void RawHttpClient::sendRequest(const QByteArray &method, const QByteArray &target,
    const QByteArray &headers, const QByteArray &body)
{
    QByteArray request = method + ' ' + target
        + " HTTP/1.1\r\nHost: 127.0.0.1:" + QByteArray::number(m_port) + "\r\n" + headers;
    if (!body.isEmpty())
        request += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
    send(request + "\r\n" + body);
}

RawHttpClient::Response RawHttpClient::readResponse(int timeoutMs)
{
    Response response;
    const QDeadlineTimer deadline(timeoutMs);
    for (;;) {
        if (parse(response))
            return response;
        if (deadline.hasExpired())
            return response;
        if (m_socket.bytesAvailable() == 0 && m_socket.state() != QAbstractSocket::ConnectedState)
            return response;
        waitForActivity(int(deadline.remainingTime()));
        const QByteArray bytes = m_socket.readAll();
        if (!bytes.isEmpty()) {
            m_buffer += bytes;
            ++response.reads;
        }
    }
}

bool RawHttpClient::waitForDisconnected(int timeoutMs)
{
    const QDeadlineTimer deadline(timeoutMs);
    while (m_socket.state() != QAbstractSocket::UnconnectedState) {
        if (deadline.hasExpired())
            return false;
        waitForActivity(int(deadline.remainingTime()));
        m_buffer += m_socket.readAll();
    }
    return true;
}

bool RawHttpClient::parse(Response &response)
{
    const qsizetype headEnd = m_buffer.indexOf("\r\n\r\n");
    if (headEnd < 0)
        return false;
    response.head = m_buffer.left(headEnd);
    response.status = response.head.split(' ').value(1).toInt();
    response.chunked = response.header("transfer-encoding").toLower() == "chunked";
    qsizetype position = headEnd + 4;
    response.body.clear();
    if (!response.chunked) {
        const qsizetype length = response.header("content-length").toLongLong();
        response.body = m_buffer.mid(position, length);
        if (m_buffer.size() < position + length)
            return false;
        m_buffer.remove(0, position + length);
        response.complete = true;
        return true;
    }
    for (;;) {
        const qsizetype lineEnd = m_buffer.indexOf("\r\n", position);
        if (lineEnd < 0)
            return false;
        const qsizetype size = m_buffer.mid(position, lineEnd - position).toLongLong(nullptr, 16);
        if (m_buffer.size() < lineEnd + 2 + size + 2) {
            // Keep what arrived so far, so a cut connection still shows its partial body.
            response.body += m_buffer.mid(lineEnd + 2, size);
            return false;
        }
        if (size == 0) {
            m_buffer.remove(0, lineEnd + 4);
            response.complete = true;
            return true;
        }
        response.body += m_buffer.mid(lineEnd + 2, size);
        position = lineEnd + 2 + size + 2;
    }
}

bool RawHttpClient::waitForActivity(int timeoutMs)
{
    if (m_socket.bytesAvailable() > 0)
        return true;
    QEventLoop loop;
    QTimer timer;
    timer.setSingleShot(true);
    connect(&timer, &QTimer::timeout, &loop, &QEventLoop::quit);
    connect(&m_socket, &QTcpSocket::readyRead, &loop, &QEventLoop::quit);
    connect(&m_socket, &QTcpSocket::connected, &loop, &QEventLoop::quit);
    connect(&m_socket, &QTcpSocket::disconnected, &loop, &QEventLoop::quit);
    connect(&m_socket, &QTcpSocket::errorOccurred, &loop, &QEventLoop::quit);
    timer.start(std::max(timeoutMs, 0));
    loop.exec();
    return timer.isActive();
}

} // namespace cody::test
