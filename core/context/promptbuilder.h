// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "cody/completionrequest.h"
#include "cody/contextitem.h"
#include "context/contextbudget.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

namespace cody {

/**
 * @brief Turns a conversation and its codebase context into the messages Cody sends
 * (context.md §3), within the model's token budgets. Pure: no I/O.
 *
 * The messages are, in order: Cody's preamble (PromptPreamble); every context item that is sent,
 * as a human message (ContextRendering) and the assistant's "Ok.", in reverse priority — the
 * first user-added item right before the transcript, retrieved chunks before the user-added
 * items, the last retrieved chunk first; the older turns that fit; the question, with the
 * question mixin for Claude 3.5 Sonnet.
 *
 * Budgets, in Cody's order (ContextBudget): the preamble and the question must fit; older turns
 * are dropped oldest first, whole turns at a time, as ContextWindow does; then user-added items
 * against the user budget, then retrieved chunks against the corpus budget. An item that does
 * not fit, repeats one already sent (ContextDeduplication) or is blank is skipped — never
 * truncated — with a readable omittedReason, and later smaller items may still fit.
 *
 * Feed the messages to a CompletionRequest as they are: completionRequestBody() sends them
 * unchanged, as preamble and context alternate human and assistant and end on "Ok." before the
 * transcript's first human turn (it still joins two human turns the transcript itself has, as
 * today).
 *
 * @code
 * PromptBuilder::Input input;
 * input.model = request.model.wireName();
 * input.apiVersion = client->knownApiVersion().value_or(1);
 * input.transcript = transcript; // older turns, then the question
 * input.items = items;           // user-added first-priority first, then retrieved in rank order
 * input.window = ContextBudget::Window::forModel(info.maxInputTokens, request.model.modelId());
 * const PromptBuilder::Result prompt = PromptBuilder::build(input);
 * if (!prompt.fits)
 *     return fail(prompt.error);
 * request.messages = prompt.messages;
 * if (prompt.omittedMessages > 0)
 *     notice = ContextWindow::omittedNote(prompt.omittedMessages);
 * store(prompt.items); // each with tokens, sent and omittedReason
 * @endcode
 */
class PromptBuilder
{
    Q_DECLARE_TR_FUNCTIONS(PromptBuilder)

public:
    struct Input
    {
        QString model; ///< the model as sent: ModelRef::wireName()
        /// The completions api-version the request goes out with. Every value from 1 up gives
        /// the same prompt; 0 (no api-version parameter) gives Cody's 2024 format (FX/29).
        int apiVersion = 1;
        /// The user's own instructions, after Cody's preamble. System messages in the
        /// transcript are added to them.
        QString instructions;
        /// The conversation: older turns, then the question — the last human message and
        /// anything after it (e.g. a partial reply being continued), which is always sent.
        QList<ChatMessage> transcript;
        /// User-added items in priority order (the first goes nearest the question) and
        /// retrieved chunks in rank order, in any interleaving: user-added ones are placed
        /// first. Repositories and folders are the scopes chunks were retrieved from. An item
        /// that arrives with an omittedReason (the context filters', a failed fetch) stays out
        /// with it: clear omittedReason on items taken from an earlier Result (a stored turn
        /// sent again) so that they are decided anew.
        QList<ContextItem> items;
        ContextBudget::Window window;
        /// Local files are shown relative to it (absolute when outside it or when empty).
        QString localRoot;
    };

    struct Result
    {
        QList<ChatMessage> messages; ///< empty from measure()
        /// Input::items in their order, each with `tokens` (its message and "Ok."; 0 when it
        /// renders to nothing), `sent`, and `omittedReason` when it was not sent. A repository
        /// or folder counts as sent when something retrieved from it was.
        QList<ContextItem> items;
        qint64 estimatedTokens = 0; ///< everything sent
        qint64 preambleTokens = 0;
        qint64 transcriptTokens = 0; ///< older turns and question that are sent
        qint64 userTokens = 0;
        qint64 userBudget = 0;
        qint64 corpusTokens = 0;
        qint64 corpusBudget = 0; ///< after the user-added items took theirs
        qint64 inputBudget = 0; ///< window.input
        int omittedMessages = 0; ///< older transcript messages left out
        int omittedItems = 0; ///< items with an omittedReason
        /// False when even the preamble and the question exceed the input budget; `error` says
        /// so, no context is sent, and `messages` still holds preamble and question.
        bool fits = true;
        QString error;
    };

    static Result build(const Input &input);

    /// What build() would decide — every item's tokens and fate, the totals, the budgets — without
    /// assembling the messages: for a budget meter while the user types.
    static Result measure(const Input &input);

private:
    struct Plan;
    static Plan plan(const Input &input);
};

} // namespace cody
