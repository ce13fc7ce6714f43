// SPDX-License-Identifier: Apache-2.0
#include "contextwindow.h"

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
    // completionRequestBody() leaves empty messages out, so they cost nothing.
    if (message.text.isEmpty())
        return 0;
    const qint64 characters = message.text.size();
    return (characters + CharactersPerToken - 1) / CharactersPerToken + PerMessageOverhead;
}

ContextWindow::Fit ContextWindow::choose(
    const QList<ChatMessage> &transcript, qint64 maxInputTokens, int maxOutputTokens)
{
    Fit fit;
    const qsizetype count = transcript.size();

    if (maxInputTokens <= 0) {
        fit.messages = transcript;
        for (const ChatMessage &message : transcript)
            fit.estimatedTokens += estimateTokens(message);
        return fit;
    }

    const bool hasSystem = count > 0 && transcript.first().speaker == ChatMessage::Speaker::System;
    const qsizetype first = hasSystem ? 1 : 0; // first message that may be left out

    // The last human message and whatever follows it (e.g. a partial reply being continued) is
    // the question being asked: it is always sent.
    qsizetype tailStart = count;
    for (qsizetype i = count - 1; i >= first; --i) {
        if (transcript.at(i).speaker == ChatMessage::Speaker::Human) {
            tailStart = i;
            break;
        }
    }

    const qint64 budget = maxInputTokens - qMax(0, maxOutputTokens);
    qint64 used = hasSystem ? estimateTokens(transcript.first()) : 0;
    for (qsizetype i = tailStart; i < count; ++i)
        used += estimateTokens(transcript.at(i));

    qsizetype keptStart = tailStart;
    if (used > budget) {
        fit.fits = false;
    } else {
        // Walk back over whole turns; a turn starts at a human message, or at `first` for any
        // replies before the first human message. Stop at the first turn that does not fit, so
        // that what is sent stays a contiguous, newest part of the conversation.
        qint64 turn = 0;
        for (qsizetype i = tailStart - 1; i >= first; --i) {
            turn += estimateTokens(transcript.at(i));
            if (transcript.at(i).speaker != ChatMessage::Speaker::Human && i != first)
                continue;
            if (used + turn > budget)
                break;
            used += turn;
            turn = 0;
            keptStart = i;
        }
    }

    fit.messages.reserve((hasSystem ? 1 : 0) + (count - keptStart));
    if (hasSystem)
        fit.messages.append(transcript.first());
    fit.messages.append(transcript.mid(keptStart));
    fit.omitted = int(keptStart - first);
    fit.estimatedTokens = used;
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
    if (maxInputTokens <= 0)
        return {};
    const Fit fit = choose(messages, maxInputTokens, maxOutputTokens);
    if (fit.fits)
        return {};
    return tr("about %L1 tokens; %2 accepts %L3: shorten it or choose a model with a larger window")
        .arg(fit.estimatedTokens)
        .arg(modelName)
        .arg(maxInputTokens);
}

} // namespace cody
