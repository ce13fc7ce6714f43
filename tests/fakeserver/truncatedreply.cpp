// SPDX-License-Identifier: Apache-2.0
#include "truncatedreply.h"

#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace cody::test {

namespace {
constexpr qsizetype overlapChars = 20;
} // namespace

QString TruncatedReply::text()
{
    return u"Here is a long answer that will not fit in one reply, so it arrives in pieces. "
           u"Café culture in Paris — with its crème brûlée, its naïve visitors and its élan — "
           u"is famous around the world. The word 世界 means world in Chinese and Japanese, and "
           u"it is here to test multi-byte text. Rockets are fun 🚀 and so are careful tests. "
           u"A model that hits its output limit stops in the middle of a thought, and the client "
           u"has to ask it to continue from exactly that point. A good client stitches the "
           u"pieces together so that the reader never sees the seams, never sees a doubled word "
           u"and never loses a space. This is the end of the truncated answer."_s;
}

QString TruncatedReply::textSoFar(const QJsonArray &messages)
{
    if (messages.isEmpty())
        return {};
    const QJsonObject last = messages.last().toObject();
    const QString lastSpeaker = last.value(u"speaker"_s).toString();
    if (lastSpeaker == u"assistant")
        return last.value(u"text"_s).toString();
    // The "please continue" form: a human message asking to continue after the text so far. Any
    // other human message starts a new turn of the conversation.
    const bool asksToContinue
        = last.value(u"text"_s).toString().contains(u"continue"_s, Qt::CaseInsensitive);
    if (lastSpeaker == u"human" && asksToContinue && messages.size() >= 2) {
        const QJsonObject previous = messages.at(messages.size() - 2).toObject();
        if (previous.value(u"speaker"_s).toString() == u"assistant")
            return previous.value(u"text"_s).toString();
    }
    return {};
}

TruncatedReply::Segment TruncatedReply::next(
    const QString &textSoFar, int chunkChars, Behaviour behaviour)
{
    const QString full = text();
    if (!full.startsWith(textSoFar))
        return {.text = {}, .more = false, .mismatch = true};

    QString rest = full.mid(textSoFar.size());
    if (!behaviour.restoresSpace && !textSoFar.isEmpty()) {
        while (!rest.isEmpty() && rest.front().isSpace())
            rest.remove(0, 1);
    }
    Segment segment;
    if (chunkChars <= 0 || rest.size() <= chunkChars) {
        segment.text = rest;
    } else {
        qsizetype cut = chunkChars;
        if (behaviour.cut == Behaviour::Cut::AfterSpace) {
            const qsizetype space = rest.left(chunkChars).lastIndexOf(u' ');
            // A remainder starts with the space the client stripped; cutting there would send
            // nothing new, so without a later space the window is cut as it is.
            if (space > 0)
                cut = space + 1;
        } else {
            // Inside a word: neither side of the cut is whitespace.
            while (cut + 1 < rest.size() && (rest.at(cut - 1).isSpace() || rest.at(cut).isSpace()))
                ++cut;
        }
        if (cut < rest.size() && rest.at(cut).isLowSurrogate())
            ++cut;
        segment.text = rest.left(cut);
        segment.more = cut < rest.size();
    }

    if (behaviour.overlap != Behaviour::Overlap::None && !textSoFar.isEmpty())
        segment.text.prepend(repeatedTail(textSoFar, behaviour.overlap));
    return segment;
}

QString TruncatedReply::repeatedTail(const QString &textSoFar, Behaviour::Overlap overlap)
{
    qsizetype start = std::max<qsizetype>(0, textSoFar.size() - overlapChars);
    if (start > 0 && textSoFar.at(start).isLowSurrogate())
        --start;
    QString tail = textSoFar.mid(start);
    if (overlap == Behaviour::Overlap::Reflowed) {
        // From the start of a word, so that the repeat reads as the model restating a phrase.
        const qsizetype space = tail.indexOf(u' ');
        if (space >= 0 && space + 1 < tail.size())
            tail = tail.mid(space + 1);
        tail.replace(u' ', u'\n');
    }
    return tail;
}

} // namespace cody::test
