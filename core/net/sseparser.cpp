// SPDX-License-Identifier: Apache-2.0
#include "net/sseparser.h"

#include <QCoreApplication>

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
        return QCoreApplication::translate("cody::SseParser", "%1 MiB").arg(bytes / MiB);
    if (bytes >= KiB && bytes % KiB == 0)
        return QCoreApplication::translate("cody::SseParser", "%1 KiB").arg(bytes / KiB);
    return QCoreApplication::translate("cody::SseParser", "%1 bytes").arg(bytes);
}

QString tooLargeMessage(qsizetype limit)
{
    return QCoreApplication::translate(
        "cody::SseParser", "server-sent event larger than %1; refusing it")
        .arg(formatLimit(limit));
}

const char *findByte(const char *from, const char *end, char byte)
{
    const void *found = std::memchr(from, byte, size_t(end - from));
    return found ? static_cast<const char *>(found) : end;
}

enum class Field { Data, Event, Id, Retry, Other };

// QByteArrayView::startsWith() is out of line; this compiles to a compare or two.
template <qsizetype N> bool hasPrefix(QByteArrayView line, const char (&prefix)[N])
{
    return line.size() >= N - 1 && std::memcmp(line.data(), prefix, N - 1) == 0;
}

// Called for every line: compares with fixed sizes the compiler inlines, rather than going
// through QByteArrayView's out-of-line comparison.
Field fieldOf(QByteArrayView name)
{
    const char *p = name.data();
    switch (name.size()) {
    case 2:
        return p[0] == 'i' && p[1] == 'd' ? Field::Id : Field::Other;
    case 4:
        return std::memcmp(p, "data", 4) == 0 ? Field::Data : Field::Other;
    case 5:
        if (std::memcmp(p, "event", 5) == 0)
            return Field::Event;
        return std::memcmp(p, "retry", 5) == 0 ? Field::Retry : Field::Other;
    default:
        return Field::Other;
    }
}

} // namespace

SseParser::SseParser(qsizetype maxEventBytes)
    : m_maxEventBytes(maxEventBytes)
{ }

bool SseParser::feed(QByteArrayView bytes, QList<SseEvent> &out)
{
    return feedViews(bytes, [this, &out](const SseEventView &view) {
        // Events of a stream share a few types: one copy each, shared, not one per event.
        if (view.type != QByteArrayView(m_typeCache))
            m_typeCache = view.type.toByteArray();
        SseEvent event;
        event.type = m_typeCache;
        event.data = view.data.toByteArray();
        event.lastEventId = m_lastEventId;
        out.append(std::move(event));
    });
}

bool SseParser::feedTo(QByteArrayView bytes, Sink sink)
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
            processLine(piece, true, sink);
        } else {
            m_line.append(piece);
            processLine(m_line, false, sink);
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
    keepPendingViews();
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

void SseParser::clearLine()
{
    if (m_line.capacity() > KeepLineCapacity)
        m_line = QByteArray();
    else
        m_line.resize(0);
}

void SseParser::keepPendingViews()
{
    // The bytes fed are gone after feed() returns: copy what an unfinished event still points at.
    if (m_dataInInput) {
        m_data.append(m_dataView).append('\n');
        m_dataInInput = false;
    }
    if (m_typeInInput) {
        m_type = m_typeView.toByteArray();
        m_typeInInput = false;
    }
}

void SseParser::processLine(QByteArrayView line, bool inInput, Sink sink)
{
    if (line.isEmpty()) {
        dispatch(sink);
        return;
    }
    if (line.front() == ':')
        return;

    // Sourcegraph's lines start with "data:" or "event:": recognise those without searching for
    // the colon (the field is what precedes the first colon, and neither name contains one).
    Field field = Field::Other;
    QByteArrayView value;
    if (hasPrefix(line, "data:")) {
        field = Field::Data;
        value = line.sliced(5);
    } else if (hasPrefix(line, "event:")) {
        field = Field::Event;
        value = line.sliced(6);
    } else if (const void *colon = std::memchr(line.data(), ':', size_t(line.size()))) {
        const qsizetype at = static_cast<const char *>(colon) - line.data();
        field = fieldOf(line.first(at));
        value = line.sliced(at + 1);
    } else {
        field = fieldOf(line);
    }
    if (!value.isEmpty() && value.front() == ' ')
        value = value.sliced(1);
    m_hasFields = true;

    switch (field) {
    case Field::Data:
        // A line in the bytes being fed outlives this call (until feed() returns), so the first
        // data line is only pointed at; a second one, or a line from m_line, is copied.
        if (inInput && !m_dataInInput && m_data.isEmpty()) {
            m_dataView = value;
            m_dataInInput = true;
            return;
        }
        if (m_dataInInput) {
            m_data.append(m_dataView).append('\n');
            m_dataInInput = false;
        }
        m_data.append(value).append('\n');
        return;
    case Field::Event:
        m_typeInInput = inInput;
        if (inInput)
            m_typeView = value;
        else
            m_type = value.toByteArray();
        return;
    case Field::Id:
        if (!value.contains('\0'))
            m_lastEventId = value.toByteArray();
        return;
    case Field::Other:
        return;
    case Field::Retry:
        break;
    }
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

void SseParser::dispatch(Sink sink)
{
    m_hasFields = false;
    const bool hasData = m_dataInInput || !m_data.isEmpty();
    if (hasData) {
        SseEventView event;
        event.data = m_dataInInput ? m_dataView : QByteArrayView(m_data).chopped(1);
        const QByteArrayView type = m_typeInInput ? m_typeView : QByteArrayView(m_type);
        event.type = type.isEmpty() ? QByteArrayView("message") : type;
        event.lastEventId = m_lastEventId;
        sink.call(sink.callable, event);
    }
    m_dataInInput = false;
    m_typeInInput = false;
    // The buffers are reused by the next event, unless a huge one left them huge.
    if (m_data.capacity() > KeepLineCapacity)
        m_data = QByteArray();
    else if (!m_data.isEmpty())
        m_data.resize(0);
    if (!m_type.isNull())
        m_type.clear();
}

bool SseParser::fail(const QString &message)
{
    m_failed = true;
    m_error = message;
    // Once failed nothing more is parsed, so the buffers can go now.
    m_line = QByteArray();
    m_data = QByteArray();
    m_type = QByteArray();
    m_dataInInput = false;
    m_typeInInput = false;
    m_hasFields = false;
    return false;
}

} // namespace cody
