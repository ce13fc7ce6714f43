// SPDX-License-Identifier: Apache-2.0
#include "continuationscenarios.h"

#include "sseencoder.h"

#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace cody::test {

namespace {

using Behaviour = TruncatedReply::Behaviour;

// Anthropic's answer, passed on by Sourcegraph, for a model that takes no assistant prefill.
const QString prefillRefusal
    = u"unexpected status code 400: {\"type\":\"error\",\"error\":{\"type\":"
      u"\"invalid_request_error\",\"message\":\"This model does not "
      u"support assistant message prefill. The conversation must end "
      u"with a user message.\"}}"_s;

bool endsWithAssistant(const QJsonArray &messages)
{
    return !messages.isEmpty()
        && messages.last().toObject().value(u"speaker"_s).toString() == u"assistant";
}

} // namespace

ContinuationScenarios::ContinuationScenarios(const FakeSourcegraphOptions &options)
    : m_options(options)
{ }

const QHash<QString, ContinuationScenarios::Script> &ContinuationScenarios::scripts()
{
    static const QHash<QString, Script> table = [] {
        QHash<QString, Script> scripts;
        const auto add = [&scripts](const QString &name, auto change) {
            Script script;
            change(script);
            scripts.insert(name, script);
        };
        const auto kind = [](Script &) {};
        add(u"truncated"_s, kind);
        add(u"truncated-rate-limited"_s, kind);
        add(u"truncated-then-fails"_s, kind);
        add(u"truncated-overlap"_s,
            [](Script &s) { s.behaviour.overlap = Behaviour::Overlap::Exact; });
        add(u"truncated-overlap-reflowed"_s,
            [](Script &s) { s.behaviour.overlap = Behaviour::Overlap::Reflowed; });
        add(u"truncated-midword"_s, [](Script &s) { s.behaviour.cut = Behaviour::Cut::MidWord; });
        add(u"truncated-no-space"_s, [](Script &s) { s.behaviour.restoresSpace = false; });
        add(u"truncated-refuses-prefill"_s, [](Script &s) { s.refusal = Refusal::Http400; });
        add(u"truncated-refuses-prefill-sse"_s, [](Script &s) { s.refusal = Refusal::SseError; });
        add(u"truncated-length"_s, [](Script &s) { s.cutStopReason = u"length"_s; });
        add(u"truncated-gemini"_s, [](Script &s) {
            s.cutStopReason = u"MAX_TOKENS"_s;
            s.refusal = Refusal::SseError;
        });
        add(u"truncated-no-stop-reason"_s, [](Script &s) { s.cutStopReason.clear(); });
        add(u"truncated-usage"_s, [](Script &s) { s.usage = Usage::Always; });
        add(u"truncated-usage-some"_s, [](Script &s) { s.usage = Usage::FirstSegmentOnly; });
        return scripts;
    }();
    return table;
}

QStringList ContinuationScenarios::names()
{
    return scripts().keys();
}

bool ContinuationScenarios::isKnown(const QString &scenario)
{
    return scripts().contains(scenario);
}

HttpResponse ContinuationScenarios::respond(
    const CompletionScenarios::Request &request, int requestNumber) const
{
    const Script &script = scripts().value(request.scenario);
    const SseEncoder sse(request.apiVersion, m_options.includeUsage);
    if (endsWithAssistant(request.messages)) {
        if (script.refusal == Refusal::Http400)
            return HttpResponse::text(400, prefillRefusal.toUtf8() + '\n');
        if (script.refusal == Refusal::SseError)
            return HttpResponse::eventStream(
                HttpResponse::eventSteps({sse.error(prefillRefusal), sse.done()}));
    }
    // The first continuation is rate limited once: a client must wait and send the same request
    // again, not change how it asks the model to continue.
    if (request.scenario == u"truncated-rate-limited" && requestNumber == 2)
        return HttpResponse::text(429, "rate limit exceeded\n").withHeader("Retry-After", "1");
    if (request.scenario == u"truncated-then-fails" && requestNumber > 1)
        return HttpResponse::text(503, "upstream unavailable\n");
    return segment(request, script, requestNumber);
}

HttpResponse ContinuationScenarios::segment(
    const CompletionScenarios::Request &request, const Script &script, int requestNumber) const
{
    const bool usage = script.usage == Usage::Always
        || (script.usage == Usage::FirstSegmentOnly && requestNumber == 1)
        || (script.usage == Usage::AsConfigured && m_options.includeUsage);
    SseEncoder sse(request.apiVersion, usage);
    if (script.cutStopReason.isEmpty())
        sse.omitStopReason();
    const TruncatedReply::Segment segment
        = TruncatedReply::next(TruncatedReply::textSoFar(request.messages),
            m_options.truncateChunkChars, script.behaviour);
    if (segment.mismatch) {
        return HttpResponse::eventStream(HttpResponse::eventSteps(
            {sse.error(u"fake: continuation does not match the text so far"_s), sse.done()}));
    }
    QList<QByteArray> events
        = sse.completion(segment.text, segment.more ? script.cutStopReason : u"end_turn"_s,
            SseEncoder::promptChars(request.messages));
    return HttpResponse::eventStream(HttpResponse::eventSteps(events << sse.done()));
}

} // namespace cody::test
