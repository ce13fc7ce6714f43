// SPDX-License-Identifier: Apache-2.0
#include "chat/contextwindow.h"

#include "cody/tokenusage.h"

using namespace Qt::StringLiterals;

namespace cody {

qint64 ContextWindow::estimateTokens(const ChatMessage &message)
{
    return estimateTokens(message.text.size());
}

qint64 ContextWindow::estimateTokens(qint64 characters)
{
    // completionRequestBody() leaves empty messages out, so they cost nothing.
    return estimatedMessageTokens(characters);
}

ContextWindow::Plan ContextWindow::plan(
    const QList<MessageSize> &sizes, qint64 maxInputTokens, int maxOutputTokens)
{
    Plan plan;
    if (maxInputTokens <= 0) {
        for (const MessageSize &size : sizes)
            plan.estimatedTokens += estimateTokens(size.characters);
        return plan;
    }
    plan.hasSystem = !sizes.isEmpty() && sizes.first().speaker == ChatMessage::Speaker::System;
    const TranscriptFit::Kept kept = TranscriptFit::fit(sizes, plan.hasSystem ? 1 : 0,
        plan.hasSystem ? estimateTokens(sizes.first().characters) : 0,
        maxInputTokens - qMax(0, maxOutputTokens));
    plan.keptStart = kept.start;
    plan.estimatedTokens = kept.tokens;
    plan.fits = kept.fits;
    return plan;
}

ContextWindow::Fit ContextWindow::choose(
    const QList<ChatMessage> &transcript, qint64 maxInputTokens, int maxOutputTokens)
{
    const Plan chosen = plan(TranscriptFit::sizesOf(transcript), maxInputTokens, maxOutputTokens);
    Fit fit;
    fit.fits = chosen.fits;
    fit.estimatedTokens = chosen.estimatedTokens;
    if (maxInputTokens <= 0) {
        fit.messages = transcript;
        return fit;
    }
    const qsizetype first = chosen.hasSystem ? 1 : 0;
    fit.messages.reserve(first + (transcript.size() - chosen.keptStart));
    if (chosen.hasSystem)
        fit.messages.append(transcript.first());
    fit.messages.append(transcript.mid(chosen.keptStart));
    fit.omitted = int(chosen.keptStart - first);
    return fit;
}

QString ContextWindow::omittedNote(int omitted)
{
    // Spelled out per form rather than "%n message(s)", which reads badly without a translation.
    if (omitted == 1)
        return tr("1 earlier message not sent (context limit)");
    return tr("%1 earlier messages not sent (context limit)").arg(omitted);
}

QString ContextWindow::tooLong(const QList<ChatMessage> &messages, const QString &modelName,
    qint64 maxInputTokens, int maxOutputTokens)
{
    return tooLong(TranscriptFit::sizesOf(messages), modelName, maxInputTokens, maxOutputTokens);
}

QString ContextWindow::tooLong(const QList<MessageSize> &messages, const QString &modelName,
    qint64 maxInputTokens, int maxOutputTokens)
{
    if (maxInputTokens <= 0)
        return {};
    const Plan chosen = plan(messages, maxInputTokens, maxOutputTokens);
    if (chosen.fits)
        return {};
    return tr("about %L1 tokens; %2 accepts %L3: shorten it or choose a model with a larger window")
        .arg(chosen.estimatedTokens)
        .arg(modelName)
        .arg(maxInputTokens);
}

} // namespace cody
