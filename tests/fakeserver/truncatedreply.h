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
    // How the model behaves at the seams. The defaults are the kindest model: cut after a space,
    // resume with the whitespace the client stripped, repeat nothing.
    struct Behaviour
    {
        enum class Cut {
            AfterSpace, // the segment ends with whitespace the client must strip
            MidWord, // a token limit lands inside a word: the next segment starts mid-word
        };
        enum class Overlap {
            None,
            Exact, // repeats the last 20 characters of the text so far
            // Repeats the last words with their spaces turned into line breaks: a model that
            // reflows the text it repeats, so a byte-exact comparison finds no overlap.
            Reflowed,
        };
        Cut cut = Cut::AfterSpace;
        Overlap overlap = Overlap::None;
        // Resumes with the whitespace the client stripped; without it, with the next word.
        bool restoresSpace = true;
    };

    // The next segment after textSoFar: about chunkChars new characters cut as `behaviour` says.
    static Segment next(const QString &textSoFar, int chunkChars, Behaviour behaviour);

private:
    static QString repeatedTail(const QString &textSoFar, Behaviour::Overlap overlap);
};

} // namespace cody::test
