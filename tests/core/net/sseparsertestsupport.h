// SPDX-License-Identifier: Apache-2.0
// Helpers shared by the SseParser tests: parse an input in various splits and compare outcomes.
#pragma once

#include "net/sseparser.h"

#include <QTest>

using namespace Qt::StringLiterals;
using cody::SseEvent;
using cody::SseParser;

Q_DECLARE_METATYPE(cody::SseEvent)

namespace cody::test {

inline SseEvent sse(
    const QByteArray &data, const QByteArray &type = "message"_ba, const QByteArray &id = {})
{
    return SseEvent {type, data, id};
}

/// An unambiguous, printable rendering, so a failed comparison shows what differed.
inline QByteArray describe(const QList<SseEvent> &events)
{
    const auto escape = [](const QByteArray &bytes) {
        QByteArray result;
        for (const char c : bytes) {
            const auto byte = static_cast<unsigned char>(c);
            if (c == '\\' || c == '|' || byte < 0x20 || byte >= 0x7f)
                result += "\\x"_ba + QByteArray::number(byte, 16).rightJustified(2, '0');
            else
                result += c;
        }
        return result;
    };
    QByteArray result;
    for (const SseEvent &e : events)
        result += '[' + escape(e.type) + '|' + escape(e.data) + '|' + escape(e.lastEventId) + "]\n";
    return result;
}

struct Outcome
{
    QList<SseEvent> events;
    bool failed = false;
    bool pending = false;
    qint64 retryMs = -1;
};

inline Outcome finish(const SseParser &parser, QList<SseEvent> events)
{
    return {std::move(events), parser.failed(), parser.hasPendingEvent(),
        parser.retryMs().value_or(-1)};
}

inline Outcome parseChunks(
    const QList<QByteArrayView> &chunks, qsizetype limit = SseParser::DefaultMaxEventBytes)
{
    SseParser parser(limit);
    QList<SseEvent> events;
    for (const QByteArrayView chunk : chunks) {
        if (!parser.feed(chunk, events))
            break;
    }
    return finish(parser, std::move(events));
}

inline Outcome parseOneShot(QByteArrayView input, qsizetype limit = SseParser::DefaultMaxEventBytes)
{
    return parseChunks({input}, limit);
}

inline Outcome parseSplitAt(QByteArrayView input, const QList<qsizetype> &cuts,
    qsizetype limit = SseParser::DefaultMaxEventBytes)
{
    QList<QByteArrayView> chunks;
    qsizetype start = 0;
    for (const qsizetype cut : cuts) {
        chunks.append(input.sliced(start, cut - start));
        start = cut;
    }
    chunks.append(input.sliced(start));
    return parseChunks(chunks, limit);
}

inline Outcome parseByteByByte(
    QByteArrayView input, qsizetype limit = SseParser::DefaultMaxEventBytes)
{
    SseParser parser(limit);
    QList<SseEvent> events;
    for (qsizetype i = 0; i < input.size(); ++i) {
        if (!parser.feed(input.sliced(i, 1), events))
            break;
    }
    return finish(parser, std::move(events));
}

/// Like parseSplitAt(), through feedViews(). Each chunk is fed from a scratch buffer that is
/// overwritten once feed returns, so a view the parser kept into fed bytes shows up as garbage.
inline Outcome parseViewsSplitAt(QByteArrayView input, const QList<qsizetype> &cuts,
    qsizetype limit = SseParser::DefaultMaxEventBytes)
{
    SseParser parser(limit);
    QList<SseEvent> events;
    const auto keep = [&events](const cody::SseEventView &view) {
        events.append(
            {view.type.toByteArray(), view.data.toByteArray(), view.lastEventId.toByteArray()});
    };
    QByteArray scratch;
    qsizetype start = 0;
    QList<qsizetype> ends = cuts;
    ends.append(input.size());
    for (const qsizetype end : std::as_const(ends)) {
        scratch = input.sliced(start, end - start).toByteArray();
        const bool ok = parser.feedViews(scratch, keep);
        scratch.fill('#');
        start = end;
        if (!ok)
            break;
    }
    return finish(parser, std::move(events));
}

#define COMPARE_OUTCOME(actual, expected)                                                          \
    do {                                                                                           \
        const Outcome &a_ = (actual);                                                              \
        const Outcome &e_ = (expected);                                                            \
        QCOMPARE(describe(a_.events), describe(e_.events));                                        \
        QCOMPARE(a_.failed, e_.failed);                                                            \
        QCOMPARE(a_.pending, e_.pending);                                                          \
        QCOMPARE(a_.retryMs, e_.retryMs);                                                          \
    } while (false)

} // namespace cody::test
