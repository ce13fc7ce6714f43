// SPDX-License-Identifier: Apache-2.0
#include "httprequestparser.h"

using namespace Qt::StringLiterals;

namespace cody::test {

namespace {
// Generous limits: the fake serves tests, but a runaway client must not exhaust memory.
constexpr qsizetype maxHeadBytes = 64 * 1024;
constexpr qint64 maxBodyBytes = 256 * 1024 * 1024;
} // namespace

bool HttpRequestParser::feed(const QByteArray &bytes)
{
    if (hasError())
        return false;
    m_buffer.append(bytes);
    for (;;) {
        switch (m_stage) {
        case Stage::Head: {
            if (m_buffer.startsWith("\r\n")) {
                // RFC 9112 §2.2: ignore empty lines before a request line.
                m_buffer.remove(0, 2);
                continue;
            }
            if (!m_buffer.contains("\r\n\r\n")) {
                if (m_buffer.size() > maxHeadBytes)
                    return fail(u"request head too large"_s);
                return true;
            }
            if (!parseHead())
                return false;
            continue;
        }
        case Stage::Body: {
            const qint64 take = std::min<qint64>(m_remaining, m_buffer.size());
            m_current->body.append(m_buffer.left(take));
            m_buffer.remove(0, take);
            m_remaining -= take;
            if (m_remaining > 0)
                return true;
            complete();
            continue;
        }
        case Stage::ChunkSize:
            if (!m_buffer.contains("\r\n"))
                return true;
            if (!parseChunkSize())
                return false;
            continue;
        case Stage::ChunkData: {
            // m_remaining counts the chunk's data plus its trailing CRLF.
            if (m_buffer.size() < m_remaining)
                return true;
            if (m_buffer.mid(m_remaining - 2, 2) != "\r\n")
                return fail(u"chunk not terminated by CRLF"_s);
            m_current->body.append(m_buffer.left(m_remaining - 2));
            if (m_current->body.size() > maxBodyBytes)
                return fail(u"request body too large"_s);
            m_buffer.remove(0, m_remaining);
            m_stage = Stage::ChunkSize;
            continue;
        }
        case Stage::Trailer: {
            const qsizetype end = m_buffer.indexOf("\r\n");
            if (end < 0)
                return true;
            m_buffer.remove(0, end + 2);
            if (end == 0)
                complete();
            continue;
        }
        }
    }
}

bool HttpRequestParser::parseHead()
{
    const qsizetype headEnd = m_buffer.indexOf("\r\n\r\n");
    const QList<QByteArray> lines = m_buffer.left(headEnd).split('\n');
    m_buffer.remove(0, headEnd + 4);

    const QList<QByteArray> requestLine = lines.first().trimmed().split(' ');
    if (requestLine.size() != 3 || !requestLine.at(2).startsWith("HTTP/1."))
        return fail(u"malformed request line"_s);

    RecordedRequest request;
    request.method = requestLine.at(0);
    request.httpVersion = requestLine.at(2);
    const QByteArray &target = requestLine.at(1);
    const qsizetype question = target.indexOf('?');
    request.path = question < 0 ? target : target.left(question);
    if (question >= 0)
        request.query = QUrlQuery(QString::fromUtf8(target.mid(question + 1)));

    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines.at(i).trimmed();
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            return fail(u"malformed header line"_s);
        request.headers.emplaceBack(
            line.left(colon).trimmed().toLower(), line.mid(colon + 1).trimmed());
    }
    m_current = std::move(request);

    if (m_current->header("transfer-encoding").toLower().contains("chunked")) {
        m_stage = Stage::ChunkSize;
        return true;
    }
    const QByteArray length = m_current->header("content-length");
    bool ok = true;
    m_remaining = length.isEmpty() ? 0 : length.toLongLong(&ok);
    if (!ok || m_remaining < 0)
        return fail(u"invalid Content-Length"_s);
    if (m_remaining > maxBodyBytes)
        return fail(u"request body too large"_s);
    m_stage = Stage::Body;
    return true;
}

bool HttpRequestParser::parseChunkSize()
{
    const qsizetype end = m_buffer.indexOf("\r\n");
    QByteArray sizeField = m_buffer.left(end);
    m_buffer.remove(0, end + 2);
    const qsizetype extension = sizeField.indexOf(';');
    if (extension >= 0)
        sizeField.truncate(extension);
    bool ok = false;
    const qint64 size = sizeField.trimmed().toLongLong(&ok, 16);
    if (!ok || size < 0 || size > maxBodyBytes)
        return fail(u"invalid chunk size"_s);
    if (size == 0) {
        m_stage = Stage::Trailer;
    } else {
        m_remaining = size + 2;
        m_stage = Stage::ChunkData;
    }
    return true;
}

bool HttpRequestParser::fail(const QString &message)
{
    m_error = message;
    m_current.reset();
    return false;
}

void HttpRequestParser::complete()
{
    m_ready.append(std::move(*m_current));
    m_current.reset();
    m_stage = Stage::Head;
}

} // namespace cody::test
