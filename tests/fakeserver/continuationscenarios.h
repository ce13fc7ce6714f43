// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "completionscenarios.h"
#include "truncatedreply.h"

#include <QHash>
#include <QStringList>

namespace cody::test {

// The `truncated…` scenarios: TruncatedReply handed out a segment per request, each family
// member unkind at the seams in one of the ways real models and servers are:
//   truncated                     the kindest model: cut after a space, resumes exactly
//   truncated-overlap             repeats the last 20 characters before going on
//   truncated-overlap-reflowed    repeats the last words with line breaks for their spaces
//   truncated-midword             the limit lands inside a word; it resumes mid-word
//   truncated-no-space            resumes without the space the client stripped
//   truncated-refuses-prefill     a final assistant turn gets a 400 (models without prefill)
//   truncated-refuses-prefill-sse the same refusal as an SSE error event in a 200
//   truncated-length              stops with `length` (OpenAI's name for the limit)
//   truncated-gemini              stops with `MAX_TOKENS` and refuses a final assistant turn
//   truncated-no-stop-reason      no stopReason at all (recording 06): nothing says "cut off"
//   truncated-usage               usage on every segment
//   truncated-usage-some          usage on the first segment only
//   truncated-rate-limited        the first continuation gets a 429 once
//   truncated-then-fails          every continuation gets a 503
class ContinuationScenarios
{
public:
    explicit ContinuationScenarios(const FakeSourcegraphOptions &options);

    static QStringList names();
    static bool isKnown(const QString &scenario);
    // `requestNumber` counts this scenario's requests on the server, from 1.
    HttpResponse respond(const CompletionScenarios::Request &request, int requestNumber) const;

private:
    enum class Refusal { None, Http400, SseError };
    enum class Usage { AsConfigured, Always, FirstSegmentOnly };
    struct Script
    {
        TruncatedReply::Behaviour behaviour;
        QString cutStopReason = QStringLiteral("max_tokens"); // empty: no stopReason field
        Refusal refusal = Refusal::None;
        Usage usage = Usage::AsConfigured;
    };
    static const QHash<QString, Script> &scripts();

    HttpResponse segment(
        const CompletionScenarios::Request &request, const Script &script, int requestNumber) const;

    const FakeSourcegraphOptions &m_options;
};

} // namespace cody::test
