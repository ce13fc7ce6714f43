// SPDX-License-Identifier: Apache-2.0
#include "gateway/requestsizegate.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpSocket>

using namespace Qt::StringLiterals;

namespace cody::cli {

namespace {

// Longer request heads are not what an API client sends.
constexpr qsizetype MaxHeadBytes = 64 * 1024;

} // namespace

RequestSizeGate::RequestSizeGate(QTcpSocket *socket, qint64 maxBodyBytes, int idleTimeoutMs)
    : QObject(socket)
    , m_socket(socket)
    , m_maxBody(maxBodyBytes)
{
    m_idle.setSingleShot(true);
    m_idle.setInterval(idleTimeoutMs);
    connect(&m_idle, &QTimer::timeout, this, &RequestSizeGate::onIdle);
    connect(socket, &QTcpSocket::readyRead, this, &RequestSizeGate::onReadyRead);
    // An answer going out means the request in progress is being served.
    connect(socket, &QTcpSocket::bytesWritten, this, [this] {
        if (m_state == State::Answered)
            m_state = State::Head;
        m_idle.start();
    });
    m_idle.start();
}

void RequestSizeGate::onReadyRead()
{
    m_idle.start();
    if (m_state == State::Refused) {
        m_socket->readAll(); // the rest of a refused body: never handed to the server
        return;
    }
    consume(m_socket->peek(m_socket->bytesAvailable()));
    if (m_state == State::Refused)
        m_socket->readAll();
}

void RequestSizeGate::consume(QByteArrayView data)
{
    while (!data.isEmpty() && m_state != State::Refused) {
        if (m_state == State::Body || m_state == State::Answered) {
            const qsizetype take = qsizetype(std::min<qint64>(m_bodyLeft, data.size()));
            m_bodyLeft -= take;
            data = data.sliced(take);
            if (m_bodyLeft == 0 && m_state == State::Body)
                m_state = State::Answered; // a whole request is in; its answer is pending
            if (!data.isEmpty())
                m_state = State::Head; // a pipelined next request
            continue;
        }
        const qsizetype before = m_head.size();
        m_head.append(data.first(std::min<qsizetype>(data.size(), MaxHeadBytes + 4)));
        const qsizetype end = m_head.indexOf("\r\n\r\n");
        if (end < 0) {
            if (m_head.size() > MaxHeadBytes)
                refuse(431, "Request Header Fields Too Large", "the request head is too large");
            return;
        }
        data = data.sliced(end + 4 - before);
        m_head.truncate(end);
        if (!parseHead())
            return;
        m_head.clear();
        m_state = m_bodyLeft > 0 ? State::Body : State::Answered;
    }
}

bool RequestSizeGate::parseHead()
{
    m_bodyLeft = 0;
    for (const QByteArray &line : m_head.split('\n')) {
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            continue;
        const QByteArray name = line.left(colon).trimmed().toLower();
        const QByteArray value = line.mid(colon + 1).trimmed();
        if (name == "transfer-encoding" && value.toLower().contains("chunked")) {
            refuse(411, "Length Required", "send the body with a Content-Length");
            return false;
        }
        if (name == "content-length") {
            bool ok = false;
            m_bodyLeft = value.toLongLong(&ok);
            if (!ok || m_bodyLeft < 0) {
                refuse(400, "Bad Request", "the Content-Length is not a number");
                return false;
            }
        }
    }
    if (m_bodyLeft > m_maxBody) {
        refuse(413, "Payload Too Large",
            "the request body is " + QByteArray::number(m_bodyLeft) + " bytes; this server takes "
                + QByteArray::number(m_maxBody) + " at most (--max-body)");
        return false;
    }
    return true;
}

void RequestSizeGate::refuse(int status, const QByteArray &reason, const QByteArray &message)
{
    m_state = State::Refused;
    const QJsonObject error {{u"message"_s, QString::fromUtf8(message)},
        {u"type"_s, u"invalid_request_error"_s}, {u"code"_s, QJsonValue::Null}};
    const QByteArray body
        = QJsonDocument(QJsonObject {{u"error"_s, error}}).toJson(QJsonDocument::Compact);
    m_socket->write("HTTP/1.1 " + QByteArray::number(status) + ' ' + reason
        + "\r\nContent-Type: application/json\r\nContent-Length: " + QByteArray::number(body.size())
        + "\r\nConnection: close\r\n\r\n" + body);
    m_socket->disconnectFromHost(); // after the answer is written
}

void RequestSizeGate::onIdle()
{
    // Only a connection that is between requests; one waiting for its answer is not idle.
    if (m_state == State::Head && m_head.isEmpty())
        m_socket->disconnectFromHost();
    else if (m_state != State::Refused)
        m_idle.start();
}

} // namespace cody::cli
