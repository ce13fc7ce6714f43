// SPDX-License-Identifier: Apache-2.0
// SseParser: the events of an input must not depend on how its bytes are split into feeds.
#include "net/sseparser.h"

#include <QList>

#include <cstdint>
#include <cstdio>
#include <cstdlib>

using cody::SseEvent;
using cody::SseParser;

namespace {

struct Outcome
{
    QList<SseEvent> events;
    bool failed = false;
    bool pending = false;
    qint64 retryMs = -1;

    friend bool operator==(const Outcome &, const Outcome &) = default;
};

enum class Api { List, Views };

Outcome parse(
    QByteArrayView input, const QList<qsizetype> &cuts, qsizetype limit, Api api = Api::List)
{
    SseParser parser(limit);
    Outcome outcome;
    const auto keep = [&outcome](const cody::SseEventView &view) {
        outcome.events.append(
            {view.type.toByteArray(), view.data.toByteArray(), view.lastEventId.toByteArray()});
    };
    QByteArray scratch;
    qsizetype start = 0;
    for (qsizetype i = 0; i <= cuts.size(); ++i) {
        const qsizetype end = i < cuts.size() ? cuts.at(i) : input.size();
        bool ok = false;
        if (api == Api::List) {
            ok = parser.feed(input.sliced(start, end - start), outcome.events);
        } else {
            // Overwritten after each feed: a view kept past feed() would show up as '#'s.
            scratch = input.sliced(start, end - start).toByteArray();
            ok = parser.feedViews(scratch, keep);
            scratch.fill('#');
        }
        if (!ok)
            break;
        start = end;
    }
    outcome.failed = parser.failed();
    outcome.pending = parser.hasPendingEvent();
    outcome.retryMs = parser.retryMs().value_or(-1);
    return outcome;
}

void require(bool condition, const char *what)
{
    if (!condition) {
        std::fprintf(stderr, "fuzz_sseparser: property violated: %s\n", what);
        std::abort();
    }
}

void checkEvents(const Outcome &outcome)
{
    for (const SseEvent &event : outcome.events) {
        // CR and LF end lines, so only data (joined with LF) may hold a line end.
        require(!event.type.isEmpty(), "an event type is empty");
        require(!event.type.contains('\n') && !event.type.contains('\r'), "line end in a type");
        require(!event.data.contains('\r'), "CR in data");
        require(!event.lastEventId.contains('\0'), "NUL in an id");
        require(!event.lastEventId.contains('\n') && !event.lastEventId.contains('\r'),
            "line end in an id");
    }
    require(outcome.retryMs >= -1, "negative retry");
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    // The first two bytes choose the splits and an event size limit; the rest is the stream.
    if (size < 2)
        return 0;
    const uint8_t control = data[0];
    const uint8_t spread = data[1];
    const QByteArrayView input(reinterpret_cast<const char *>(data + 2), qsizetype(size - 2));
    // Mostly the default limit; sometimes a tiny one, so failing is split-independent too.
    const qsizetype limit
        = (control & 0x80) ? qsizetype(control & 0x7f) + 1 : SseParser::DefaultMaxEventBytes;

    const Outcome oneShot = parse(input, {}, limit);
    checkEvents(oneShot);

    QList<qsizetype> cuts;
    if (!input.isEmpty()) {
        // One cut derived from the data, and a few more spread after it.
        qsizetype cut = qsizetype(spread) % (input.size() + 1);
        cuts.append(cut);
        for (int i = 0; i < (control & 0x7); ++i) {
            cut += 1 + qsizetype((spread >> i) & 0x3);
            if (cut > input.size())
                break;
            cuts.append(cut);
        }
    }
    require(parse(input, cuts, limit) == oneShot, "a split changed the outcome");
    require(parse(input, cuts, limit, Api::Views) == oneShot, "feedViews differs from feed");

    QList<qsizetype> everyByte;
    for (qsizetype i = 1; i < input.size(); ++i)
        everyByte.append(i);
    require(parse(input, everyByte, limit) == oneShot, "byte-by-byte changed the outcome");

    // Feeding the same bytes after a reset() gives the same result as a fresh parser.
    SseParser reused(limit);
    QList<SseEvent> scratch;
    reused.feed(input, scratch);
    reused.reset();
    Outcome again;
    reused.feed(input, again.events);
    again.failed = reused.failed();
    again.pending = reused.hasPendingEvent();
    again.retryMs = reused.retryMs().value_or(-1);
    require(again == oneShot, "reset() left state behind");
    return 0;
}
