// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QtGlobal>

namespace cody {

/// Tokens in `chars` characters of text, for when the server reports no usage: about four
/// characters a token, rounded up.
inline qint64 estimatedTokens(qsizetype chars)
{
    return (qMax<qint64>(0, chars) + 3) / 4;
}

/// Tokens one message of `chars` characters costs in a prompt: estimatedTokens() plus a small
/// overhead, as chat APIs wrap each message in role markers and separators of their own (a
/// transcript of many short messages would otherwise be underestimated); 0 for an empty message,
/// which is not sent.
inline qint64 estimatedMessageTokens(qsizetype chars)
{
    constexpr qint64 PerMessageOverhead = 4;
    return chars <= 0 ? 0 : estimatedTokens(chars) + PerMessageOverhead;
}

/// Token counts as the server reports them in a completion event's `usage`.
struct TokenUsage
{
    qint64 promptTokens = 0;
    qint64 completionTokens = 0;

    qint64 totalTokens() const { return promptTokens + completionTokens; }
    TokenUsage &operator+=(const TokenUsage &other)
    {
        promptTokens += other.promptTokens;
        completionTokens += other.completionTokens;
        return *this;
    }
    friend bool operator==(const TokenUsage &, const TokenUsage &) = default;
};

} // namespace cody
