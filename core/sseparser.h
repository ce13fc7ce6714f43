// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>

#include <optional>

namespace cody {

/// One dispatched server-sent event. `data` holds the raw UTF-8 bytes of the data lines joined by
/// '\n'.
struct SseEvent
{
    QByteArray type; ///< "message" when the event had no `event:` field
    QByteArray data;
    QByteArray lastEventId;

    friend bool operator==(const SseEvent &, const SseEvent &) = default;
};

/**
 * @brief Incremental parser for the WHATWG `text/event-stream` format.
 *
 * Accepts LF, CR and CRLF line ends (also a CRLF split across two feeds), comments, `retry:`,
 * multi-line `data:`, a leading UTF-8 BOM and input split at any byte. Each call costs O(new
 * bytes): already scanned bytes are never scanned again. The parser works on bytes, so a split
 * inside a UTF-8 sequence is harmless; decoding happens on whole events.
 *
 * An event larger than the limit puts the parser in a failed state (see errorString()) instead of
 * growing without bound.
 *
 * @code
 * cody::SseParser parser;
 * QList<cody::SseEvent> events;
 * if (!parser.feed(reply->readAll(), events))
 *     fail(parser.errorString());
 * for (const auto &event : events) handle(event);
 * @endcode
 */
class SseParser
{
public:
    static constexpr qsizetype DefaultMaxEventBytes = 16 * 1024 * 1024;

    explicit SseParser(qsizetype maxEventBytes = DefaultMaxEventBytes);

    /// Parses `bytes` and appends every event they complete to `out`. Returns false once failed.
    bool feed(QByteArrayView bytes, QList<SseEvent> &out);

    bool failed() const { return m_failed; }
    QString errorString() const { return m_error; }
    /// The last valid `retry:` value, in milliseconds.
    std::optional<qint64> retryMs() const { return m_retryMs; }
    /// True when bytes of an event that was not yet dispatched are buffered (a stream ending now
    /// ended mid-event).
    bool hasPendingEvent() const;
    void reset();

private:
    void processLine(QByteArrayView line, QList<SseEvent> &out);
    void dispatch(QList<SseEvent> &out);
    bool fail(const QString &message);
    bool fitsEvent(qsizetype lineBytes) const;
    void clearLine();

    qsizetype m_maxEventBytes;
    QByteArray m_line; ///< the unterminated tail of the input
    QByteArray m_data;
    QByteArray m_type;
    QByteArray m_lastEventId;
    std::optional<qint64> m_retryMs;
    bool m_bomChecked = false;
    bool m_skipLf = false; ///< the previous chunk ended with CR: a leading LF belongs to it
    bool m_hasFields = false;
    bool m_failed = false;
    QString m_error;
};

} // namespace cody
