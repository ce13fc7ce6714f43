// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "chat/conversationsettings.h"
#include "cody/completionrequest.h"
#include "cody/contextitem.h"

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
    qint64 begin(qint64 conversationId, const QString &firstPrompt, const QString &model,
        QString *error, const ConversationSettings &settings = {});
    /// The turns recorded so far, as context for the next request (failed replies left out),
    /// after the conversation's system prompt if it has one.
    QList<ChatMessage> context() const;
    /// Keeps the conversation's model and settings (changed mid-conversation).
    bool saveSettings(const QString &model, const ConversationSettings &settings, QString *error);

    /// Records a prompt with the context items known when it is sent (its mentions), in one
    /// transaction. Returns the recorded message's id, or 0 with *error set.
    qint64 recordPrompt(
        const ChatMessage &message, QString *error, const QList<ContextItem> &context = {});
    /// Records `items` as the context of the recorded prompt `messageId` (MessageModel's
    /// StoredIdRole), in place of what it had: once the request's items are known — what was
    /// sent with their tokens, what was left out and why. False with *error set on failure.
    bool recordContext(qint64 messageId, const QList<ContextItem> &items, QString *error);
    /// The recorded context of message `messageId`, contents included: what sending that prompt
    /// again (regenerate, retry, continue) needs, also after the conversation was reopened.
    QList<ContextItem> storedContext(qint64 messageId) const;
    /// Records `reply` from its first text to its end; returns the message's id, or 0.
    qint64 recordReply(ReplyOrchestrator *reply, const QString &model);
    /// Records the continuation of the reply `messageId`, which so far reads `textSoFar`.
    void resumeReply(
        ReplyOrchestrator *reply, qint64 messageId, const QString &model, const QString &textSoFar);

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
    void follow(ReplyOrchestrator *reply);
    void onFinished(const CompletionResult &result);

    ConversationStore *m_store;
    qint64 m_conversationId = 0;
    qint64 m_replyMessageId = 0;
    QPointer<StreamingWriter> m_writer;
};

} // namespace cody
