// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "chat/conversationsettings.h"
#include "chat/messagemodel.h"
#include "cody/completionrequest.h"
#include "cody/contextitem.h"
#include "context/promptbuilder.h"

#include <QCoreApplication>

#include <functional>

namespace cody {

class ModelCatalog;

/**
 * @brief The completion request for a conversation shown in a MessageModel: the transcript of its
 * first rows (failed and empty messages are not sent), and the question's codebase context in
 * Cody's prompt (PromptBuilder) when it has any — within the model's input limit, the oldest turns
 * left out first and said so. Pure given the rows: it only reads.
 */
class ReplyRequestBuilder
{
    Q_DECLARE_TR_FUNCTIONS(ReplyRequestBuilder)

public:
    /// How a request is asked for: the model and the settings that apply to it.
    struct Parameters
    {
        ModelRef model;
        const ModelCatalog *catalog = nullptr; ///< the models' limits; null: unknown
        ConversationSettings settings;
        int defaultMaxTokens = 0; ///< when the conversation sets none
        bool autoContinue = true;
        int maxContinuations = 0;
    };
    /// A row's context items with their contents (from the history when it is recorded).
    using ContextOf = std::function<QList<ContextItem>(int row)>;

    ReplyRequestBuilder(const MessageModel &messages, ContextOf contextOf);

    /// The request for the first `rows` rows (and `resumeText`, the reply being continued);
    /// *notice says what the context limit left out, *context receives the question's items with
    /// their tokens and fate when it has any.
    CompletionRequest build(const Parameters &p, int rows, const QString &resumeText,
        QString *notice, QList<ContextItem> *context = nullptr) const;
    /// What a request for `prompt` with `items` after all rows would use (PromptBuilder::measure).
    PromptBuilder::Result measure(
        const Parameters &p, const QString &prompt, const QList<ContextItem> &items) const;
    /// Why `prompt` alone cannot be sent to the model (over its input limit, with the numbers),
    /// or empty; limits unknown: empty, the server decides.
    static QString tooLongToSend(const Parameters &p, const QString &prompt);
    /// The row of the last human message among the first `rows`, or -1.
    int questionRow(int rows) const;

private:
    QList<ChatMessage> transcriptOf(int rows) const;
    static PromptBuilder::Input promptInput(
        const Parameters &p, const QList<ChatMessage> &transcript, const QList<ContextItem> &items);

    const MessageModel &m_messages;
    ContextOf m_contextOf;
};

} // namespace cody
