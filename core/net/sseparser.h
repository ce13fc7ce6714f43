// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>

#include <memory>
#include <optional>
#include <type_traits>

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

/// One dispatched event as views, valid only during the SseParser::feedViews() callback that
/// receives it: they point into the bytes being fed or into the parser's own buffers.
struct SseEventView
{
    QByteArrayView type; ///< "message" when the event had no `event:` field
    QByteArrayView data;
    QByteArrayView lastEventId;
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
 * feedViews() is the same parser without a copy: an event that lies whole in the bytes fed (the
 * usual case) is handed over as views into them, so framing allocates nothing per event.
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

    /// Parses `bytes` and calls `onEvent(const SseEventView &)` for every event they complete, in
    /// order. The views die when the call returns; `onEvent` must not feed this parser. Returns
    /// false once failed.
    template <typename OnEvent> bool feedViews(QByteArrayView bytes, OnEvent &&onEvent)
    {
        using Callable = std::remove_reference_t<OnEvent>;
        return feedTo(bytes,
            {const_cast<void *>(static_cast<const void *>(std::addressof(onEvent))),
                [](void *callable, const SseEventView &event) {
                    (*static_cast<Callable *>(callable))(event);
                }});
    }

    bool failed() const { return m_failed; }
    QString errorString() const { return m_error; }
    /// The last valid `retry:` value, in milliseconds.
    std::optional<qint64> retryMs() const { return m_retryMs; }
    /// True when bytes of an event that was not yet dispatched are buffered (a stream ending now
    /// ended mid-event).
    bool hasPendingEvent() const;
    void reset();

private:
    struct Sink
    {
        void *callable;
        void (*call)(void *callable, const SseEventView &event);
    };

    bool feedTo(QByteArrayView bytes, Sink sink);
    void processLine(QByteArrayView line, bool inInput, Sink sink);
    void dispatch(Sink sink);
    void keepPendingViews();
    bool fail(const QString &message);
    /// The data and type buffers plus the line being read are what an event can make us hold.
    /// The last event id is not counted: it is bounded by the line that set it.
    bool fitsEvent(qsizetype lineBytes) const
    {
        return dataBytes() + typeBytes() + lineBytes <= m_maxEventBytes;
    }
    qsizetype dataBytes() const { return m_dataInInput ? m_dataView.size() + 1 : m_data.size(); }
    qsizetype typeBytes() const { return m_typeInInput ? m_typeView.size() : m_type.size(); }
    void clearLine();

    qsizetype m_maxEventBytes;
    QByteArray m_line; ///< the unterminated tail of the input
    /// The data lines so far, each followed by '\n', unless m_dataInInput.
    QByteArray m_data;
    /// The event's only data line so far, still in the bytes being fed (not yet copied).
    QByteArrayView m_dataView;
    QByteArray m_type;
    QByteArrayView m_typeView; ///< the `event:` value when m_typeInInput
    QByteArray m_lastEventId;
    QByteArray m_typeCache = "message"; ///< feed()'s last type, shared by its events
    bool m_dataInInput = false;
    bool m_typeInInput = false;
    std::optional<qint64> m_retryMs;
    bool m_bomChecked = false;
    bool m_skipLf = false; ///< the previous chunk ended with CR: a leading LF belongs to it
    bool m_hasFields = false;
    bool m_failed = false;
    QString m_error;
};

} // namespace cody
