// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "cody/completionrequest.h"
#include "context/promptformat.h"

#include <QList>
#include <QString>

namespace cody {

/**
 * @brief What Cody puts before and around a chat prompt: the preamble and the question mixin
 * (context.md §3.1; Cody's `chat/preamble.ts` and `prompt/prompt-mixin.ts`). Pure.
 *
 * - The preamble is one system message when the api-version is at least 1 and the model id
 *   contains `claude-3` (FX/31); otherwise a human message and the assistant's "I am Cody, …"
 *   (FX/29 without an api-version, FX/32 for Gemini). Its text is Cody's chat preamble — note the
 *   missing space after "Sourcegraph." — or, in the Legacy format, the short first sentence.
 * - The question mixin prefixes the last human message with "Answer positively without
 *   apologizing.\n\nQuestion: " for models whose id contains `3-5-sonnet` or `3.5-sonnet`.
 */
class PromptPreamble
{
public:
    /// The preamble messages for `model` (the model as sent, e.g.
    /// "anthropic::2024-10-22::claude-3-5-sonnet-latest"). The user's own instructions, when
    /// given, follow Cody's text after a blank line, as Cody's `chat.preInstruction` does.
    static QList<ChatMessage> messages(
        const QString &model, int apiVersion, const QString &instructions = {});

    /// The question as sent to `model`: with the mixin, or unchanged (also when empty).
    static QString withMixin(const QString &question, const QString &model);

    /// "You are Cody, an AI coding assistant from Sourcegraph." — the Legacy preamble.
    static QString introduction();
    /// Cody's full chat preamble (Current format).
    static QString chatPreamble();
    /// "I am Cody, an AI coding assistant from Sourcegraph."
    static QString acknowledgement();
};

} // namespace cody
