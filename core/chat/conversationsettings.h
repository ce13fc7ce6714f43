// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>
#include <QStringList>

#include <optional>

namespace cody {

/// How replies are asked for in one conversation, beside its model; kept with the conversation.
struct ConversationSettings
{
    QString systemPrompt; ///< sent as the first, "system" message when not empty
    std::optional<double> temperature; ///< unset: the server's default
    std::optional<int> maxTokens; ///< unset: the app's default (CODY_DEFAULT_MAX_TOKENS)
    /// Standing context: repositories of the instance ("github.com/org/repo") searched for every
    /// question, as if each were mentioned again.
    QStringList repositories;

    friend bool operator==(const ConversationSettings &, const ConversationSettings &) = default;
};

} // namespace cody
