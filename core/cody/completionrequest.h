// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "cody/defaults.h"
#include "cody/modelref.h"
#include "cody/tokenusage.h"
#include "net/error.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace cody {

/// One message of a transcript, with Sourcegraph's speaker names.
struct ChatMessage
{
    enum class Speaker { System, Human, Assistant };
    Speaker speaker = Speaker::Human;
    QString text;
};

QString speakerName(ChatMessage::Speaker speaker);

/// What the caller wants answered. Empty messages are dropped before sending.
struct CompletionRequest
{
    ModelRef model;
    QList<ChatMessage> messages;
    int maxTokens = defaults::MaxTokens;
    std::optional<double> temperature;
    std::optional<int> topK;
    std::optional<double> topP;
    QStringList stopSequences;
    bool autoContinue = true;
    int maxContinuations = 0; ///< continuation requests after the first; 0 = unlimited
    /// A reply cut short earlier, to be continued rather than started anew: it is sent as the
    /// final assistant turn, and the new text is stitched to it (CompletionResult::text holds
    /// both).
    QString resumeText;
};

/// The whole reply, stitched across continuation segments.
struct CompletionResult
{
    ModelRef model;
    QString text; ///< everything received, also when the reply failed midway
    QString stopReason; ///< the last segment's stopReason
    int segments = 0; ///< requests that returned text or a stop reason
    /// Summed over segments; only when the server reported usage for every one of them.
    std::optional<TokenUsage> usage;
    /// Characters sent as input, over all requests (continuations resend the text so far): what
    /// input tokens are estimated from when there is no usage.
    qsizetype promptCharacters = 0;
    bool truncated = false; ///< stopped by the output limit and not (fully) continued
    QString note; ///< why auto-continuation stopped early, if it did
    Error error;
};

/// True for the stop reasons that mean "cut off by the output limit".
bool isTruncationStopReason(const QString &stopReason);

} // namespace cody

namespace cody {

/// The JSON body of `/.api/completions/stream` for `transcript` (cody-api.md §1.4): empty
/// messages are left out, `topK`/`topP` are -1 when unset, `stopSequences` only when given.
QByteArray completionRequestBody(
    const CompletionRequest &request, const QList<ChatMessage> &transcript);

} // namespace cody
