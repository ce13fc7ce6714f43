// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "cody/contextitem.h"

#include <QCoreApplication>
#include <QString>

namespace cody {

/**
 * @brief The token budgets of codebase context in one prompt (context.md §3.3; Cody's
 * `TokenCounter`). Pure.
 *
 * The preamble and the transcript come first and are charged before any context (chatTokens).
 * What they leave, `remaining`, is then shared:
 * - Shared mode (the model's window gives no user-context budget): user-added items may use
 *   all of `remaining`; retrieved chunks at most floor(0.6 × what the user-added items left).
 * - Separate mode (the window gives one, e.g. 45000 = 15000 + 30000): user-added items have
 *   their own budget; retrieved chunks at most floor(0.6 × remaining).
 * Budgets are cumulative: the retrieved chunks together stay within 60 %, so 40 % of what is
 * left stays free (Cody checks each chunk against 60 % of what is left after the previous ones,
 * which lets many small chunks take nearly all of it). Charge user-added items first.
 *
 * @code
 * ContextBudget budget(ContextBudget::Window::forModel(info.maxInputTokens), chatTokens);
 * if (!budget.charge(item.source, tokens))
 *     item.omittedReason = ContextBudget::exceeds(tokens, budget.left(item.source));
 * @endcode
 */
class ContextBudget
{
    Q_DECLARE_TR_FUNCTIONS(ContextBudget)

public:
    static constexpr qint64 DefaultInputTokens = 7000; ///< CHAT_INPUT_TOKEN_BUDGET
    static constexpr qint64 ExtendedInputTokens = 15000; ///< EXTENDED_CHAT_INPUT_TOKEN_BUDGET
    static constexpr qint64 ExtendedUserContextTokens = 30000; ///< EXTENDED_USER_CONTEXT_…
    static constexpr int CorpusPercent = 60; ///< CORPUS_CONTEXT_ALLOCATION

    /// A model's context window as Cody budgets it.
    struct Window
    {
        qint64 input = DefaultInputTokens; ///< preamble + transcript (+ context, when shared)
        qint64 userContext = 0; ///< user-added context's own budget; 0: it shares `input`

        bool separate() const { return userContext > 0; }

        /// From the server's `contextWindow`: maxInputTokens 45000 (= 15000 + 30000) means
        /// input 15000 and 30000 for user context; a maxUserInputTokens below maxInputTokens
        /// (Cody's enhanced-context-window mode) means input = maxUserInputTokens and the rest
        /// for user context; Mistral/Mixtral windows are cut to 85 %; 0 (unknown) means 7000.
        /// `modelName` is the model part of the reference ("mixtral-8x7b-instruct").
        static Window forModel(
            qint64 maxInputTokens, const QString &modelName = {}, qint64 maxUserInputTokens = 0);

        friend bool operator==(const Window &, const Window &) = default;
    };

    /// `chatTokens`: the preamble and the transcript, already chosen to fit window.input.
    ContextBudget(Window window, qint64 chatTokens);

    const Window &window() const { return m_window; }
    /// What the preamble and transcript left of window.input (never below 0).
    qint64 remaining() const { return m_remaining; }

    qint64 budget(ContextItem::Source source) const;
    qint64 used(ContextItem::Source source) const;
    qint64 left(ContextItem::Source source) const { return budget(source) - used(source); }

    /// Charges `tokens` to the budget of `source`; false, charging nothing, when they exceed
    /// what is left of it.
    bool charge(ContextItem::Source source, qint64 tokens);

    /// What an item costs: its context message and the assistant's "Ok." (Cody charges the pair).
    static qint64 itemTokens(const QString &message);

    /// "would exceed the context budget: about 1200 tokens, 800 left"
    static QString exceeds(qint64 tokens, qint64 left);

private:
    Window m_window;
    qint64 m_remaining = 0;
    qint64 m_user = 0;
    qint64 m_corpus = 0;
};

} // namespace cody
