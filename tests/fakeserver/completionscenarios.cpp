// SPDX-License-Identifier: Apache-2.0
#include "completionscenarios.h"

#include "benchmarkscenarios.h"
#include "continuationscenarios.h"
#include "fakedocuments.h"
#include "recordingreplay.h"
#include "sseencoder.h"

#include <QDateTime>
#include <QJsonObject>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace cody::test {

namespace {

QString lastHumanText(const QJsonArray &messages)
{
    for (qsizetype i = messages.size() - 1; i >= 0; --i) {
        const QJsonObject message = messages.at(i).toObject();
        if (message.value(u"speaker"_s).toString() == u"human")
            return message.value(u"text"_s).toString();
    }
    return {};
}

QString normalText(const QJsonArray &messages)
{
    return u"Hello from the fake Sourcegraph! You said: "_s + lastHumanText(messages);
}

// The normal reply, encoded by `sse` (with or without usage and stop reasons).
HttpResponse normalAnswer(const QJsonArray &messages, const SseEncoder &sse)
{
    return HttpResponse::eventStream(HttpResponse::eventSteps(
        sse.completion(normalText(messages), u"end_turn"_s, SseEncoder::promptChars(messages))
        << sse.done()));
}

bool isReplay(const QString &scenario)
{
    static const QRegularExpression pattern(u"^replay-\\d\\d$"_s);
    return pattern.match(scenario).hasMatch();
}

} // namespace

CompletionScenarios::CompletionScenarios(FakeSourcegraphOptions options)
    : m_options(std::move(options))
{ }

const QHash<QString, CompletionScenarios::Handler> &CompletionScenarios::handlers()
{
    static const QHash<QString, Handler> table {
        {u"normal"_s, &CompletionScenarios::normal},
        {u"usage"_s, &CompletionScenarios::withUsage},
        {u"no-stop-reason"_s, &CompletionScenarios::noStopReason},
        {u"loop-same"_s, &CompletionScenarios::loopSame},
        {u"loop-empty"_s, &CompletionScenarios::loopEmpty},
        {u"slow"_s, &CompletionScenarios::slow},
        {u"trickle"_s, &CompletionScenarios::trickle},
        {u"stall"_s, &CompletionScenarios::stall},
        {u"drop"_s, &CompletionScenarios::drop},
        {u"drop-midutf8"_s, &CompletionScenarios::dropMidUtf8},
        {u"error-event"_s, &CompletionScenarios::errorEvent},
        {u"crlf-split"_s, &CompletionScenarios::crlfSplit},
        {u"giant"_s, &CompletionScenarios::giant},
        {u"unauthorized"_s, &CompletionScenarios::unauthorized},
        {u"forbidden"_s, &CompletionScenarios::forbidden},
        {u"rate-limited"_s, &CompletionScenarios::rateLimited},
        {u"rate-limited-date"_s, &CompletionScenarios::rateLimitedDate},
        {u"rate-limited-long"_s, &CompletionScenarios::rateLimitedLong},
        {u"server-error"_s, &CompletionScenarios::serverError},
        {u"server-error-forever"_s, &CompletionScenarios::serverErrorForever},
        {u"unknown-model"_s, &CompletionScenarios::unknownModel},
        {u"html"_s, &CompletionScenarios::html},
        {u"redirect"_s, &CompletionScenarios::redirect},
        {u"redirect-same-origin"_s, &CompletionScenarios::redirectSameOrigin},
        {u"internal-error-once"_s, &CompletionScenarios::internalErrorOnce},
        {u"bad-gateway-once"_s, &CompletionScenarios::badGatewayOnce},
        {u"gateway-timeout-once"_s, &CompletionScenarios::gatewayTimeoutOnce},
        {u"version-unsupported"_s, &CompletionScenarios::versionUnsupported},
        {u"client-rejected"_s, &CompletionScenarios::clientRejected},
        {u"empty-body"_s, &CompletionScenarios::emptyBody},
        {u"closed-early"_s, &CompletionScenarios::closedEarly},
        {u"unknown-events"_s, &CompletionScenarios::unknownEvents},
        {u"malformed-json"_s, &CompletionScenarios::malformedJson},
        {u"no-done"_s, &CompletionScenarios::noDone},
        {u"drip"_s, &CompletionScenarios::drip},
        {u"keywords"_s, &CompletionScenarios::keywords},
    };
    return table;
}

QStringList CompletionScenarios::names()
{
    QStringList names = handlers().keys();
    names += BenchmarkScenarios::names();
    names += ContinuationScenarios::names();
    names.sort();
    names.append(u"replay-NN"_s);
    return names;
}

bool CompletionScenarios::isKnown(const QString &scenario)
{
    return handlers().contains(scenario) || isReplay(scenario)
        || BenchmarkScenarios::isKnown(scenario) || ContinuationScenarios::isKnown(scenario);
}

HttpResponse CompletionScenarios::respond(const Request &request)
{
    ++m_requestCounts[request.scenario];
    if (isReplay(request.scenario))
        return RecordingReplay(m_options.recordingsDir).response(request.scenario.right(2));
    if (ContinuationScenarios::isKnown(request.scenario))
        return ContinuationScenarios(m_options).respond(
            request, m_requestCounts.value(request.scenario));
    if (BenchmarkScenarios::isKnown(request.scenario)) {
        return BenchmarkScenarios::respond(
            request.scenario, request.apiVersion, m_options.includeUsage, request.messages);
    }
    const Handler handler = handlers().value(request.scenario);
    if (!handler)
        return HttpResponse::text(
            400, "unknown fake scenario \"" + request.scenario.toUtf8() + '"');
    return (this->*handler)(request);
}

QList<QByteArray> CompletionScenarios::normalEvents(const Request &request) const
{
    const SseEncoder sse(request.apiVersion, m_options.includeUsage);
    return sse.completion(
        normalText(request.messages), u"end_turn"_s, SseEncoder::promptChars(request.messages));
}

HttpResponse CompletionScenarios::normal(const Request &request)
{
    return normalAnswer(request.messages, SseEncoder(request.apiVersion, m_options.includeUsage));
}

HttpResponse CompletionScenarios::withUsage(const Request &request)
{
    return normalAnswer(request.messages, SseEncoder(request.apiVersion, true));
}

HttpResponse CompletionScenarios::noStopReason(const Request &request)
{
    SseEncoder sse(request.apiVersion, m_options.includeUsage);
    sse.omitStopReason();
    return normalAnswer(request.messages, sse);
}

HttpResponse CompletionScenarios::loopSame(const Request &request)
{
    const SseEncoder sse(request.apiVersion, m_options.includeUsage);
    QList<QByteArray> events = sse.completion(u"I keep saying the same thing. "_s, u"max_tokens"_s,
        SseEncoder::promptChars(request.messages));
    return HttpResponse::eventStream(HttpResponse::eventSteps(events << sse.done()));
}

HttpResponse CompletionScenarios::loopEmpty(const Request &request)
{
    const SseEncoder sse(request.apiVersion, m_options.includeUsage);
    QList<QByteArray> events
        = sse.completion(QString(), u"max_tokens"_s, SseEncoder::promptChars(request.messages));
    return HttpResponse::eventStream(HttpResponse::eventSteps(events << sse.done()));
}

HttpResponse CompletionScenarios::slow(const Request &request)
{
    const SseEncoder sse(request.apiVersion, m_options.includeUsage);
    return HttpResponse::eventStream(
        HttpResponse::eventSteps(normalEvents(request) << sse.done(), m_options.slowDelayMs));
}

HttpResponse CompletionScenarios::trickle(const Request &request)
{
    const SseEncoder sse(request.apiVersion, m_options.includeUsage);
    const QByteArray body = (normalEvents(request) << sse.done()).join();
    return HttpResponse::eventStream(HttpResponse::bytewise(body, m_options.trickleIntervalMs));
}

HttpResponse CompletionScenarios::stall(const Request &request)
{
    return HttpResponse::eventStream(
        HttpResponse::eventSteps(normalEvents(request).first(2)), HttpResponse::Ending::Stall);
}

HttpResponse CompletionScenarios::drop(const Request &request)
{
    return HttpResponse::eventStream(
        HttpResponse::eventSteps(normalEvents(request).first(2)), HttpResponse::Ending::Drop);
}

HttpResponse CompletionScenarios::dropMidUtf8(const Request &request)
{
    const SseEncoder sse(request.apiVersion, m_options.includeUsage);
    const QString first = u"Hello, "_s;
    const QString second = u"世界 and more"_s;
    QByteArray cut = sse.completionEvent(second, first + second, QString());
    // Keep only the first of the three bytes of 界, so the stream ends inside a character.
    cut.truncate(cut.indexOf("\xe7\x95\x8c") + 1);
    return HttpResponse::eventStream(
        HttpResponse::eventSteps({sse.completionEvent(first, first, QString()), cut}),
        HttpResponse::Ending::Drop);
}

HttpResponse CompletionScenarios::errorEvent(const Request &request)
{
    const SseEncoder sse(request.apiVersion, m_options.includeUsage);
    const QString partial = u"Partial answer"_s;
    return HttpResponse::eventStream(
        HttpResponse::eventSteps({sse.completionEvent(partial, partial, QString()),
            sse.error(u"fake upstream failure"_s), sse.done()}));
}

HttpResponse CompletionScenarios::crlfSplit(const Request &request)
{
    const SseEncoder sse(request.apiVersion, m_options.includeUsage, "\r\n");
    const QList<QByteArray> events
        = sse.completion(normalText(request.messages) + u" héllo — 世界 🎉"_s, u"end_turn"_s,
            SseEncoder::promptChars(request.messages));
    QByteArray body = sse.comment("keep-alive") + events.first();
    body += sse.event("attribution-error", "{}");
    for (qsizetype i = 1; i < events.size(); ++i)
        body += events.at(i);
    body += sse.done();
    // A real 1 ms gap between bytes, so that they reach the client as separate reads.
    return HttpResponse::eventStream(HttpResponse::bytewise(body, 1));
}

HttpResponse CompletionScenarios::giant(const Request &request)
{
    const SseEncoder sse(request.apiVersion, m_options.includeUsage);
    const qint64 size = std::max<qint64>(0, m_options.giantEventBytes);
    // Built by hand: a QString of this size would only be converted back to bytes.
    QByteArray data = request.apiVersion >= 2 ? R"({"deltaText":")" : R"({"completion":")";
    data.reserve(size + 200);
    data.append(QByteArray(size, 'x'));
    data.append(R"(","stopReason":"end_turn")");
    if (m_options.includeUsage) {
        const qint64 completion = SseEncoder::tokensFor(size);
        const qint64 prompt = SseEncoder::tokensFor(SseEncoder::promptChars(request.messages));
        data += R"(,"usage":{"completion_tokens":)" + QByteArray::number(completion)
            + R"(,"prompt_tokens":)" + QByteArray::number(prompt) + R"(,"total_tokens":)"
            + QByteArray::number(completion + prompt) + '}';
    }
    data.append('}');
    // Sent in 64 KiB chunks, as a server or proxy flushes a long write: Qt's HTTP layer hands a
    // chunk over only once it has it whole, so one giant chunk would be buffered whole before
    // the client could refuse it.
    const QByteArray body = sse.event("completion", data) + sse.done();
    QList<HttpResponse::Step> steps;
    constexpr qsizetype ChunkBytes = 64 * 1024;
    for (qsizetype at = 0; at < body.size(); at += ChunkBytes)
        steps.append({body.mid(at, ChunkBytes), 0});
    return HttpResponse::eventStream(steps);
}

HttpResponse CompletionScenarios::unauthorized(const Request &)
{
    return HttpResponse::text(401, "Invalid access token.\n");
}

HttpResponse CompletionScenarios::forbidden(const Request &)
{
    return HttpResponse::text(403, "Forbidden\n");
}

HttpResponse CompletionScenarios::tooManyRequests(
    const Request &request, const QByteArray &retryAfter)
{
    if (m_requestCounts.value(request.scenario) > 1)
        return normal(request);
    return HttpResponse::text(429, "rate limit exceeded\n")
        .withHeader("Retry-After", retryAfter)
        .withHeader("X-RateLimit-Limit", "10")
        .withHeader("X-RateLimit-Remaining", "0");
}

HttpResponse CompletionScenarios::rateLimited(const Request &request)
{
    return tooManyRequests(request, "1");
}

HttpResponse CompletionScenarios::rateLimitedDate(const Request &request)
{
    return tooManyRequests(
        request, HttpResponse::httpDate(QDateTime::currentDateTimeUtc().addSecs(2)));
}

HttpResponse CompletionScenarios::rateLimitedLong(const Request &)
{
    return HttpResponse::text(429, "rate limit exceeded\n").withHeader("Retry-After", "300");
}

HttpResponse CompletionScenarios::serverError(const Request &request)
{
    if (m_requestCounts.value(request.scenario) > 2)
        return normal(request);
    return HttpResponse::text(503, "upstream unavailable\n");
}

HttpResponse CompletionScenarios::serverErrorForever(const Request &)
{
    return HttpResponse::text(500, "Internal server error\n");
}

HttpResponse CompletionScenarios::unknownModel(const Request &)
{
    return HttpResponse::text(400, "unknown model \"fake::v1::unknown-model\"\n");
}

HttpResponse CompletionScenarios::html(const Request &)
{
    return HttpResponse::text(200, FakeDocuments::loginPage(), "text/html; charset=utf-8");
}

HttpResponse CompletionScenarios::redirect(const Request &request)
{
    if (request.redirected)
        return normal(request);
    QUrl target = request.baseUrl;
    // Same server, other origin: a client must not send its token there.
    target.setHost(u"localhost"_s);
    return redirectTo(
        request, m_options.redirectTarget.isValid() ? m_options.redirectTarget : target, false);
}

HttpResponse CompletionScenarios::redirectSameOrigin(const Request &request)
{
    if (request.redirected)
        return normal(request);
    return redirectTo(request, request.baseUrl, true);
}

HttpResponse CompletionScenarios::redirectTo(
    const Request &request, QUrl target, bool markRedirected)
{
    QUrlQuery query = request.query;
    if (markRedirected)
        query.addQueryItem(u"redirected"_s, u"1"_s);
    target.setPath(target.path() + u"/.api/completions/stream"_s);
    target.setQuery(query);
    HttpResponse response;
    response.status = 307;
    return response.withHeader("Location", target.toEncoded());
}

HttpResponse CompletionScenarios::failOnce(
    const Request &request, int status, const QByteArray &body)
{
    if (m_requestCounts.value(request.scenario) > 1)
        return normal(request);
    return HttpResponse::text(status, body);
}

HttpResponse CompletionScenarios::internalErrorOnce(const Request &request)
{
    return failOnce(request, 500, "Internal server error\n");
}

HttpResponse CompletionScenarios::badGatewayOnce(const Request &request)
{
    // What a load balancer in front of Sourcegraph sends: an HTML page.
    return failOnce(request, 502, "<html><body><h1>502 Bad Gateway</h1></body></html>\n");
}

HttpResponse CompletionScenarios::gatewayTimeoutOnce(const Request &request)
{
    return failOnce(request, 504, "upstream request timeout\n");
}

HttpResponse CompletionScenarios::versionUnsupported(const Request &)
{
    // Every api-version refused, so a client steps down to the oldest and then gives up.
    return HttpResponse::text(406, "Unsupported API Version (Please update your client)\n");
}

HttpResponse CompletionScenarios::clientRejected(const Request &)
{
    return HttpResponse::text(406,
        "ClientCodyIgnoreCompatibilityError: Cody for fake-client version \"0.0.1\" is not "
        "supported\n");
}

HttpResponse CompletionScenarios::emptyBody(const Request &)
{
    return HttpResponse::eventStream({});
}

HttpResponse CompletionScenarios::closedEarly(const Request &)
{
    return HttpResponse::eventStream({}, HttpResponse::Ending::Drop);
}

HttpResponse CompletionScenarios::unknownEvents(const Request &request)
{
    // Event types a newer server may add: a client must skip them, not fail.
    const SseEncoder sse(request.apiVersion, m_options.includeUsage);
    QList<QByteArray> events = normalEvents(request);
    events.insert(0, sse.event("telemetry", R"({"spans":[1,2,3]})"));
    events.insert(1, sse.event("x-future-event", "not even JSON"));
    events.append(sse.comment("still here"));
    return HttpResponse::eventStream(HttpResponse::eventSteps(events << sse.done()));
}

HttpResponse CompletionScenarios::malformedJson(const Request &request)
{
    const SseEncoder sse(request.apiVersion, m_options.includeUsage);
    const QString first = u"Before the bad event. "_s;
    return HttpResponse::eventStream(
        HttpResponse::eventSteps({sse.completionEvent(first, first, QString()),
            sse.event("completion", R"({"deltaText": "unterminated)"), sse.done()}));
}

HttpResponse CompletionScenarios::noDone(const Request &request)
{
    // The text arrives, then the response ends cleanly without the `done` event.
    return HttpResponse::eventStream(HttpResponse::eventSteps(normalEvents(request)));
}

HttpResponse CompletionScenarios::drip(const Request &request)
{
    // The first event at once, then the rest a byte per trickleIntervalMs: a server that is slow
    // but alive.
    const SseEncoder sse(request.apiVersion, m_options.includeUsage);
    QList<QByteArray> events = normalEvents(request) << sse.done();
    QList<HttpResponse::Step> steps {{events.takeFirst(), 0}};
    steps += HttpResponse::bytewise(events.join(), m_options.trickleIntervalMs);
    return HttpResponse::eventStream(steps);
}

HttpResponse CompletionScenarios::keywords(const Request &request)
{
    static const QRegularExpression userQuery(
        u"<userQuery>(.*)</userQuery>"_s, QRegularExpression::DotMatchesEverythingOption);
    const auto match = userQuery.match(lastHumanText(request.messages));
    if (!match.hasMatch())
        return normal(request);
    static const QStringList stopWords {u"the"_s, u"and"_s, u"what"_s, u"how"_s, u"does"_s,
        u"explain"_s, u"briefly"_s, u"possible"_s, u"with"_s, u"for"_s, u"this"_s, u"that"_s};
    static const QRegularExpression word(u"[A-Za-z][A-Za-z0-9_]{2,}"_s);
    QStringList words;
    for (auto it = word.globalMatch(match.captured(1)); it.hasNext();) {
        const QString w = it.next().captured().toLower();
        if (!stopWords.contains(w) && !words.contains(w))
            words.append(w);
    }
    QString answer = u"<keywords>\n"_s;
    for (const QString &w : std::as_const(words)) {
        answer += u"<keyword>\n<value>%1</value>\n<variants>%1s</variants>\n<weight>1.0</weight>\n"
                  "</keyword>\n"_s.arg(w);
    }
    answer += u"</keywords>"_s;
    const SseEncoder sse(request.apiVersion, m_options.includeUsage);
    return HttpResponse::eventStream(HttpResponse::eventSteps(
        sse.completion(answer, u"end_turn"_s, SseEncoder::promptChars(request.messages))
        << sse.done()));
}

} // namespace cody::test
