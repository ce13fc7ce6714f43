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
