// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QJsonArray>
#include <QString>

namespace cody::test {

// The `truncated` scenarios: one long reply handed out a segment per request, like a model that
// keeps hitting its output limit, and the contract a client must keep to continue it.
class TruncatedReply
{
public:
    struct Segment
    {
        QString text;
        bool more = false; // something of the reply remains: stop with max_tokens
        bool mismatch = false; // the client's text so far is not a prefix of the reply
    };

    // The whole reply, with multi-byte characters and an emoji so that stitching is tested on
    // more than ASCII.
    static QString text();
    // The assistant text the request continues: the last message when it is the assistant's,
    // or the assistant message before a final human "please continue"; empty otherwise.
    static QString textSoFar(const QJsonArray &messages);
    // The next segment after textSoFar: at most chunkChars new characters, cut just after the
    // last space so that it ends with whitespace the client must strip before continuing.
    // With repeatOverlap, a continuation first repeats the last 20 characters of textSoFar.
    static Segment next(const QString &textSoFar, int chunkChars, bool repeatOverlap);
};

} // namespace cody::test
