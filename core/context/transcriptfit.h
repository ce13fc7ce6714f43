// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "cody/completionrequest.h"

#include <QList>

namespace cody {

/**
 * @brief Which turns of a transcript fit a token budget. Pure: no I/O.
 *
 * The question — the last human message and anything after it, such as a partial reply being
 * continued — is always kept. Before it, the newest whole turns (a human message with the replies
 * that follow it) are kept while they fit; the oldest are left out first, and what is kept stays a
 * contiguous, newest part of the conversation. ContextWindow (the transcript alone) and
 * PromptBuilder (the transcript after Cody's preamble, before codebase context) both choose this
 * way, so "N earlier messages not sent" means the same in both.
 *
 * @code
 * const auto kept = TranscriptFit::fit(sizes, 0, preambleTokens, budget);
 * // sizes[kept.start, end) are sent; sizes[0, kept.start) are not
 * @endcode
 */
class TranscriptFit
{
public:
    /// What fitting needs to know of a message: who says it and how long it is, in UTF-16 code
    /// units (QString::size()). Lets a request be measured before its text is decoded.
    struct MessageSize
    {
        ChatMessage::Speaker speaker = ChatMessage::Speaker::Human;
        qint64 characters = 0;
    };

    struct Kept
    {
        qsizetype start = 0; ///< the first message sent; messages [first, start) are left out
        qsizetype questionStart = 0; ///< the last human message (the end when there is none)
        qint64 tokens = 0; ///< fixedTokens + every kept message
        bool fits = true; ///< false when fixedTokens + the question alone exceed the budget
    };

    /// Fits sizes[first, end) into `budget` tokens besides `fixedTokens` that are always sent (a
    /// system message or preamble the caller keeps). When even the question does not fit, it is
    /// still the only thing kept and fits is false. O(n) in the number of messages.
    static Kept fit(
        const QList<MessageSize> &sizes, qsizetype first, qint64 fixedTokens, qint64 budget);

    static QList<MessageSize> sizesOf(const QList<ChatMessage> &messages);
};

} // namespace cody
