// SPDX-License-Identifier: Apache-2.0
#include "chat/contextwindow.h"

using namespace Qt::StringLiterals;

namespace cody {

namespace {

// Chat APIs wrap each message in role markers and separators that cost a few tokens of their
// own, so a transcript of many short messages would otherwise be underestimated.
constexpr qint64 PerMessageOverhead = 4;

// About four characters per token is the usual rule of thumb for English text and code; rounding
// up keeps the estimate on the safe side when the server does not report a count.
constexpr qint64 CharactersPerToken = 4;

} // namespace

qint64 ContextWindow::estimateTokens(const ChatMessage &message)
{
    return estimateTokens(message.text.size());
}

qint64 ContextWindow::estimateTokens(qint64 characters)
{
    // completionRequestBody() leaves empty messages out, so they cost nothing.
    if (characters <= 0)
        return 0;
    return (characters + CharactersPerToken - 1) / CharactersPerToken + PerMessageOverhead;
}

QList<ContextWindow::MessageSize> ContextWindow::sizesOf(const QList<ChatMessage> &messages)
{
    QList<MessageSize> sizes;
    sizes.reserve(messages.size());
    for (const ChatMessage &message : messages)
        sizes.append({message.speaker, message.text.size()});
    return sizes;
}

ContextWindow::Plan ContextWindow::plan(
    const QList<MessageSize> &sizes, qint64 maxInputTokens, int maxOutputTokens)
{
    Plan plan;
    const qsizetype count = sizes.size();

    if (maxInputTokens <= 0) {
        for (const MessageSize &size : sizes)
            plan.estimatedTokens += estimateTokens(size.characters);
        return plan;
    }

    plan.hasSystem = count > 0 && sizes.first().speaker == ChatMessage::Speaker::System;
    const qsizetype first = plan.hasSystem ? 1 : 0; // first message that may be left out

    // The last human message and whatever follows it (e.g. a partial reply being continued) is
    // the question being asked: it is always sent.
    qsizetype tailStart = count;
    for (qsizetype i = count - 1; i >= first; --i) {
        if (sizes.at(i).speaker == ChatMessage::Speaker::Human) {
            tailStart = i;
            break;
        }
    }

    const qint64 budget = maxInputTokens - qMax(0, maxOutputTokens);
    qint64 used = plan.hasSystem ? estimateTokens(sizes.first().characters) : 0;
    for (qsizetype i = tailStart; i < count; ++i)
        used += estimateTokens(sizes.at(i).characters);

    plan.keptStart = tailStart;
    if (used > budget) {
        plan.fits = false;
    } else {
        // Walk back over whole turns; a turn starts at a human message, or at `first` for any
        // replies before the first human message. Stop at the first turn that does not fit, so
        // that what is sent stays a contiguous, newest part of the conversation.
        qint64 turn = 0;
        for (qsizetype i = tailStart - 1; i >= first; --i) {
            turn += estimateTokens(sizes.at(i).characters);
            if (sizes.at(i).speaker != ChatMessage::Speaker::Human && i != first)
                continue;
            if (used + turn > budget)
                break;
            used += turn;
            turn = 0;
            plan.keptStart = i;
        }
    }
    plan.estimatedTokens = used;
    return plan;
}

ContextWindow::Fit ContextWindow::choose(
    const QList<ChatMessage> &transcript, qint64 maxInputTokens, int maxOutputTokens)
{
    const Plan chosen = plan(sizesOf(transcript), maxInputTokens, maxOutputTokens);
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
    return tooLong(sizesOf(messages), modelName, maxInputTokens, maxOutputTokens);
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
