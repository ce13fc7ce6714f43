// SPDX-License-Identifier: Apache-2.0
#include "context/transcriptfit.h"

#include "cody/tokenusage.h"

namespace cody {

QList<TranscriptFit::MessageSize> TranscriptFit::sizesOf(const QList<ChatMessage> &messages)
{
    QList<MessageSize> sizes;
    sizes.reserve(messages.size());
    for (const ChatMessage &message : messages)
        sizes.append({message.speaker, message.text.size()});
    return sizes;
}

TranscriptFit::Kept TranscriptFit::fit(
    const QList<MessageSize> &sizes, qsizetype first, qint64 fixedTokens, qint64 budget)
{
    const qsizetype count = sizes.size();
    Kept kept;

    // The last human message and whatever follows it (e.g. a partial reply being continued) is
    // the question being asked: it is always sent.
    kept.questionStart = count;
    for (qsizetype i = count - 1; i >= first; --i) {
        if (sizes.at(i).speaker == ChatMessage::Speaker::Human) {
            kept.questionStart = i;
            break;
        }
    }

    qint64 used = fixedTokens;
    for (qsizetype i = kept.questionStart; i < count; ++i)
        used += estimatedMessageTokens(sizes.at(i).characters);

    kept.start = kept.questionStart;
    if (used > budget) {
        kept.fits = false;
    } else {
        // Walk back over whole turns; a turn starts at a human message, or at `first` for any
        // replies before the first human message. Stop at the first turn that does not fit, so
        // that what is sent stays a contiguous, newest part of the conversation.
        qint64 turn = 0;
        for (qsizetype i = kept.questionStart - 1; i >= first; --i) {
            turn += estimatedMessageTokens(sizes.at(i).characters);
            if (sizes.at(i).speaker != ChatMessage::Speaker::Human && i != first)
                continue;
            if (used + turn > budget)
                break;
            used += turn;
            turn = 0;
            kept.start = i;
        }
    }
    kept.tokens = used;
    return kept;
}

} // namespace cody
