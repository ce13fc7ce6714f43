// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "completionrequest.h"

#include <QObject>
#include <QPointer>

namespace cody {

class ConversationStore;
class ReplyOrchestrator;
class StreamingWriter;

/**
 * @brief Records a conversation turn by turn in the ConversationStore: the prompt at once, the
 * reply in batches while it streams (StreamingWriter), its final state when it ends.
 *
 * Recording never stands in the way of the reply: a failing store is reported through failed()
 * and the reply goes on.
 */
class ConversationRecorder final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConversationRecorder)

public:
    explicit ConversationRecorder(ConversationStore *store, QObject *parent = nullptr);
    ~ConversationRecorder() override;

    /// Continues `conversationId`, or starts a new conversation titled after `firstPrompt` when
    /// it is 0. Returns the conversation's id, or 0 with *error set.
    qint64 begin(
        qint64 conversationId, const QString &firstPrompt, const QString &model, QString *error);
    /// The turns recorded so far, as context for the next request (failed replies left out).
    QList<ChatMessage> context() const;

    bool recordPrompt(const ChatMessage &message, QString *error);
    /// Records `reply` from its first text to its end.
    void recordReply(ReplyOrchestrator *reply, const QString &model);

    /// Removes the last reply if it did not complete (before it is asked for again).
    bool dropUnfinishedReply(QString *error);
    /// Removes the last reply whatever its state (regenerate).
    bool dropLastReply(QString *error);

    qint64 conversationId() const { return m_conversationId; }

    /// A title from a prompt: one line, trimmed, at most 60 characters.
    static QString titleFor(const QString &prompt);

Q_SIGNALS:
    void failed(const QString &error);

private:
    void onFinished(const CompletionResult &result);

    ConversationStore *m_store;
    qint64 m_conversationId = 0;
    qint64 m_replyMessageId = 0;
    QPointer<StreamingWriter> m_writer;
};

} // namespace cody
