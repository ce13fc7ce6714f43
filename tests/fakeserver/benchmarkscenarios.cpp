// SPDX-License-Identifier: Apache-2.0
#include "benchmarkscenarios.h"

#include "sseencoder.h"
#include "truncatedreply.h"

#include <QHash>
#include <QJsonObject>
#include <QMutex>

using namespace Qt::StringLiterals;

namespace cody::test {

namespace {

constexpr qsizetype ChunkBytes = 64 * 1024;
constexpr int BulkDeltas = 768; // 768 × 64 KiB = 48 MiB
constexpr qsizetype BulkDeltaChars = 64 * 1024;
constexpr qsizetype TokenDeltas = 1'500'000;
// Real servers flush each event on its own: one HTTP chunk, one write. The packed scenarios cut
// their events into 64 KiB chunks (or one chunk per reply) instead; their "-per-event" twins send
// the same bytes one event per step, so a client's cost per read and per chunk shows too.
const QString PerEventSuffix = u"-per-event"_s;

bool isPerEvent(const QString &scenario)
{
    return scenario.endsWith(PerEventSuffix);
}

QString packedName(const QString &scenario)
{
    return isPerEvent(scenario) ? scenario.chopped(PerEventSuffix.size()) : scenario;
}

// Prose with a newline, quotes, markup and non-ASCII text, so that decoding does real work.
const QString Prose = u"The reply streams in as server-sent events; each one carries a piece "
                      u"of text, \"quoted\" or <b>marked up</b>, café or 世界.\n"_s;

// What a model's tokens look like: a word, its leading space, punctuation, a line break.
const QStringList Tokens {u" the"_s, u" stream"_s, u" of"_s, u" tokens"_s, u","_s, u" and"_s,
    u" a"_s, u" pars"_s, u"er"_s, u"."_s, u"\n"_s, u" café"_s, u" 世界"_s, u" `x`"_s, u" \"q\""_s,
    u" <b>"_s, u" 42"_s, u"\n\n"_s, u" code"_s, u"ing"_s};

struct Prebuilt
{
    QList<HttpResponse::Step> steps; // every event but the last
    qsizetype textChars = 0;
};

// The closing event: no text, the stop reason and, when enabled, the usage of the whole reply.
QByteArray lastEvent(const SseEncoder &sse, bool includeUsage, const QString &stopReason,
    qsizetype textChars, qsizetype promptChars)
{
    QJsonObject data {{u"deltaText"_s, QString()}, {u"stopReason"_s, stopReason}};
    if (includeUsage) {
        const qint64 completion = SseEncoder::tokensFor(textChars);
        const qint64 prompt = SseEncoder::tokensFor(promptChars);
        data.insert(u"usage"_s,
            QJsonObject {{u"completion_tokens"_s, completion}, {u"prompt_tokens"_s, prompt},
                {u"total_tokens"_s, completion + prompt}});
    }
    return sse.event("completion", SseEncoder::goJson(data));
}

Prebuilt buildBulk(const SseEncoder &sse)
{
    QString delta;
    delta.reserve(BulkDeltaChars + Prose.size());
    while (delta.size() < BulkDeltaChars)
        delta += Prose;
    delta.truncate(BulkDeltaChars);
    // One event, shared by every step: 48 MiB of answer cost the server 64 KiB of memory.
    const QByteArray event = sse.completionEvent(delta, QString(), QString());
    Prebuilt prebuilt;
    prebuilt.steps.fill({event, 0}, BulkDeltas);
    prebuilt.textChars = BulkDeltas * BulkDeltaChars;
    return prebuilt;
}

Prebuilt buildTokens(const SseEncoder &sse, bool perEvent)
{
    QList<QByteArray> events;
    QList<qsizetype> chars;
    for (const QString &token : Tokens) {
        events.append(sse.completionEvent(token, QString(), QString()));
        chars.append(token.size());
    }
    Prebuilt prebuilt;
    QByteArray chunk;
    chunk.reserve(2 * ChunkBytes);
    quint32 state = 12345;
    for (qsizetype i = 0; i < TokenDeltas; ++i) {
        state = state * 1664525u + 1013904223u; // a fixed LCG: the same stream every run
        const qsizetype pick = qsizetype(state >> 16) % events.size();
        prebuilt.textChars += chars.at(pick);
        if (perEvent) {
            prebuilt.steps.append({events.at(pick), 0}); // shared, not copied
            continue;
        }
        chunk += events.at(pick);
        // 64 KiB chunks cut mid-event, as reads from a socket are.
        if (chunk.size() >= ChunkBytes) {
            prebuilt.steps.append({chunk.left(ChunkBytes), 0});
            chunk.remove(0, ChunkBytes);
        }
    }
    if (!chunk.isEmpty())
        prebuilt.steps.append({chunk, 0});
    return prebuilt;
}

// A copy (of shared lists) leaves the lock: another thread may grow the cache meanwhile.
Prebuilt prebuilt(const QString &scenario, const SseEncoder &sse, int apiVersion)
{
    static QMutex mutex;
    static QHash<QString, Prebuilt> cache;
    const QMutexLocker locker(&mutex);
    const QString key = scenario + u'/' + QString::number(apiVersion);
    auto it = cache.find(key);
    if (it == cache.end()) {
        it = cache.insert(
            key, scenario == u"bulk" ? buildBulk(sse) : buildTokens(sse, isPerEvent(scenario)));
    }
    return *it;
}

// The segments scenarios' events for `text`, in one step (the server's cost per request stays
// the same whether the reply comes in one segment or many) or one step per event.
HttpResponse segmentResponse(
    const SseEncoder &sse, const QString &text, bool more, qsizetype promptChars, bool perEvent)
{
    const QList<QByteArray> events
        = sse.completion(text, more ? u"max_tokens"_s : u"end_turn"_s, promptChars);
    if (!perEvent)
        return HttpResponse::eventStream({{events.join() + sse.done(), 0}});
    QList<HttpResponse::Step> steps;
    steps.reserve(events.size() + 1);
    for (const QByteArray &event : events)
        steps.append({event, 0});
    steps.append({sse.done(), 0});
    return HttpResponse::eventStream(std::move(steps));
}

} // namespace

QStringList BenchmarkScenarios::names()
{
    // bulk has no twin: its 64 KiB events already travel one per chunk.
    return {u"bulk"_s, u"segments"_s, u"segments-one"_s, u"tokens"_s,
        u"segments"_s + PerEventSuffix, u"segments-one"_s + PerEventSuffix,
        u"tokens"_s + PerEventSuffix};
}

bool BenchmarkScenarios::isKnown(const QString &scenario)
{
    return names().contains(scenario);
}

QString BenchmarkScenarios::segmentedText()
{
    static const QString text = [] {
        QString words;
        // "w000001 " is 8 characters: a segment of SegmentChars ends with a space.
        const qsizetype count = SegmentCount * SegmentChars / 8;
        for (qsizetype i = 0; i < count; ++i)
            words += u"w%1 "_s.arg(qlonglong(i), 6, 10, QChar(u'0'));
        return words;
    }();
    return text;
}

HttpResponse BenchmarkScenarios::respond(
    const QString &scenario, int apiVersion, bool includeUsage, const QJsonArray &messages)
{
    if (apiVersion < 2)
        return HttpResponse::text(400, "benchmark scenarios need api-version 2 or later\n");
    const SseEncoder sse(apiVersion, includeUsage);
    const qsizetype prompt = SseEncoder::promptChars(messages);
    const bool perEvent = isPerEvent(scenario);
    const QString packed = packedName(scenario);
    if (packed == u"segments-one")
        return segmentResponse(sse, segmentedText(), false, prompt, perEvent);
    if (packed == u"segments") {
        // Like TruncatedReply: the client sends the text so far without its trailing space (so
        // one character short of a multiple of SegmentChars), and the next segment runs from
        // there to the next multiple.
        const QString full = segmentedText();
        const QString soFar = TruncatedReply::textSoFar(messages);
        if (!full.startsWith(soFar)) {
            return HttpResponse::eventStream(
                {{sse.error(u"fake: continuation does not match the text so far"_s) + sse.done(),
                    0}});
        }
        const qsizetype end
            = std::min(full.size(), ((soFar.size() + 1) / SegmentChars + 1) * SegmentChars);
        return segmentResponse(
            sse, full.mid(soFar.size(), end - soFar.size()), end < full.size(), prompt, perEvent);
    }
    const Prebuilt built = prebuilt(scenario, sse, apiVersion);
    QList<HttpResponse::Step> steps = built.steps;
    const QByteArray last = lastEvent(sse, includeUsage, u"end_turn"_s, built.textChars, prompt);
    if (perEvent) {
        steps.append({last, 0});
        steps.append({sse.done(), 0});
    } else {
        steps.append({last + sse.done(), 0});
    }
    return HttpResponse::eventStream(std::move(steps));
}

} // namespace cody::test
