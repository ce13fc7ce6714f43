// SPDX-License-Identifier: Apache-2.0
#include "sseparser.h"

#include <algorithm>
#include <cstring>
#include <limits>
#include <utility>

using namespace Qt::StringLiterals;

namespace cody {

namespace {

constexpr char Bom[] = "\xEF\xBB\xBF";
constexpr qsizetype BomSize = 3;

// A line that grew this large is not kept around (with its capacity) once processed.
constexpr qsizetype KeepLineCapacity = 64 * 1024;

QString formatLimit(qsizetype bytes)
{
    constexpr qsizetype KiB = 1024;
    constexpr qsizetype MiB = 1024 * KiB;
    if (bytes >= MiB && bytes % MiB == 0)
        return u"%1 MiB"_s.arg(bytes / MiB);
    if (bytes >= KiB && bytes % KiB == 0)
        return u"%1 KiB"_s.arg(bytes / KiB);
    return u"%1 bytes"_s.arg(bytes);
}

QString tooLargeMessage(qsizetype limit)
{
    return u"server-sent event larger than %1; refusing it"_s.arg(formatLimit(limit));
}

const char *findByte(const char *from, const char *end, char byte)
{
    const void *found = std::memchr(from, byte, size_t(end - from));
    return found ? static_cast<const char *>(found) : end;
}

} // namespace

SseParser::SseParser(qsizetype maxEventBytes)
    : m_maxEventBytes(maxEventBytes)
{ }

bool SseParser::feed(QByteArrayView bytes, QList<SseEvent> &out)
{
    if (m_failed)
        return false;

    if (!m_bomChecked) {
        // Until three bytes have arrived, m_line holds the part of a possible BOM seen so far.
        while (m_line.size() < BomSize && !bytes.isEmpty() && bytes.front() == Bom[m_line.size()]) {
            m_line.append(bytes.front());
            bytes = bytes.sliced(1);
        }
        if (m_line.size() == BomSize) {
            m_line.clear();
            m_bomChecked = true;
        } else if (bytes.isEmpty()) {
            return true;
        } else {
            // Not a BOM after all: the bytes held back are the start of the first line, and they
            // contain no line end, so they stay where they are.
            m_bomChecked = true;
        }
    }

    const char *p = bytes.data();
    const char *const end = p + bytes.size();

    if (m_skipLf && p != end) {
        if (*p == '\n')
            ++p;
        m_skipLf = false;
    }

    // Each of the two scans resumes after its last hit, so every byte is looked at a bounded
    // number of times whatever the mix of CR and LF.
    const char *nextLf = nullptr;
    const char *nextCr = nullptr;
    while (p != end) {
        if (!nextLf || nextLf < p)
            nextLf = findByte(p, end, '\n');
        if (!nextCr || nextCr < p)
            nextCr = findByte(p, end, '\r');
        const char *lineEnd = std::min(nextLf, nextCr);
        if (lineEnd == end)
            break;

        const QByteArrayView piece(p, lineEnd - p);
        if (!fitsEvent(m_line.size() + piece.size()))
            return fail(tooLargeMessage(m_maxEventBytes));
        if (m_line.isEmpty()) {
            processLine(piece, out);
        } else {
            m_line.append(piece);
            processLine(m_line, out);
            clearLine();
        }

        p = lineEnd + 1;
        if (*lineEnd == '\r') {
            if (p == end)
                m_skipLf = true;
            else if (*p == '\n')
                ++p;
        }
    }

    if (p != end) {
        if (!fitsEvent(m_line.size() + (end - p)))
            return fail(tooLargeMessage(m_maxEventBytes));
        m_line.append(p, end - p);
    }
    return true;
}

bool SseParser::hasPendingEvent() const
{
    return !m_failed && (!m_line.isEmpty() || m_hasFields);
}

void SseParser::reset()
{
    *this = SseParser(m_maxEventBytes);
}

bool SseParser::fitsEvent(qsizetype lineBytes) const
{
    // The data and type buffers plus the line being read are what an event can make us hold. The
    // last event id is not counted: it is bounded by the line that set it.
    return m_data.size() + m_type.size() + lineBytes <= m_maxEventBytes;
}

void SseParser::clearLine()
{
    if (m_line.capacity() > KeepLineCapacity)
        m_line = QByteArray();
    else
        m_line.resize(0);
}

void SseParser::processLine(QByteArrayView line, QList<SseEvent> &out)
{
    if (line.isEmpty()) {
        dispatch(out);
        return;
    }
    if (line.front() == ':')
        return;

    QByteArrayView field = line;
    QByteArrayView value;
    if (const qsizetype colon = line.indexOf(':'); colon >= 0) {
        field = line.first(colon);
        value = line.sliced(colon + 1);
        if (value.startsWith(' '))
            value = value.sliced(1);
    }
    m_hasFields = true;

    if (field == "data") {
        m_data.append(value).append('\n');
    } else if (field == "event") {
        m_type = value.toByteArray();
    } else if (field == "id") {
        if (!value.contains('\0'))
            m_lastEventId = value.toByteArray();
    } else if (field == "retry") {
        if (value.isEmpty())
            return;
        qint64 ms = 0;
        for (const char c : value) {
            if (c < '0' || c > '9')
                return;
            // A reconnection time that does not fit is as useless as a malformed one.
            if (ms > (std::numeric_limits<qint64>::max() - (c - '0')) / 10)
                return;
            ms = ms * 10 + (c - '0');
        }
        m_retryMs = ms;
    }
}

void SseParser::dispatch(QList<SseEvent> &out)
{
    m_hasFields = false;
    if (m_data.isEmpty()) {
        m_type.clear();
        return;
    }
    m_data.chop(1);
    SseEvent event;
    event.type = m_type.isEmpty() ? "message"_ba : std::exchange(m_type, {});
    event.data = std::exchange(m_data, {});
    event.lastEventId = m_lastEventId;
    out.append(std::move(event));
}

bool SseParser::fail(const QString &message)
{
    m_failed = true;
    m_error = message;
    // Once failed nothing more is parsed, so the buffers can go now.
    m_line = QByteArray();
    m_data = QByteArray();
    m_type = QByteArray();
    m_hasFields = false;
    return false;
}

} // namespace cody
