// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QJsonObject>
#include <QString>

namespace cody::test {

// What every recorded request to /.api/completions/stream (recordings 02–11, 19, 28, 29, 31,
// 32) has in common, so that the fake refuses what a real server was never shown to accept:
//   - only the fields model, messages, maxTokensToSample, temperature, topK, topP, fast,
//     stopSequences, stream and timeoutMs, each of its recorded JSON type;
//   - messages and maxTokensToSample always; model unless the legacy `fast` flag is sent;
//   - messages of {speaker, text}, speakers system (first only), human and assistant, taking
//     turns, ending with human (a question) or assistant (a reply to continue); only that last
//     assistant message may leave out its text.
class RequestShape
{
public:
    // Empty when the body matches; otherwise what does not, in one line.
    static QString mismatch(const QJsonObject &body);
};

} // namespace cody::test
