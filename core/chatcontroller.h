// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "completionrequest.h"
#include "defaults.h"

#include <QObject>
#include <QPointer>

namespace cody {

class ConversationRecorder;
class ConversationStore;
class MessageModel;
class ModelCatalog;
class ReplyOrchestrator;
class SourcegraphClient;

/**
 * @brief The conversation in progress, independent of any UI: turns a prompt into a request
 * over the whole transcript, streams the reply into the MessageModel, and handles stop and retry.
 *
 * @code
 * cody::ChatController chat(&messages);
 * chat.setClient(client);
 * chat.setModel(*cody::ModelRef::parse(u"cody/anthropic::2023-06-01::claude-3.5-sonnet"));
 * chat.send(u"Hello"_s);
 * @endcode
 */
class ChatController final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ChatController)

public:
    struct Options
    {
        int maxTokens = defaults::MaxTokens;
        bool autoContinue = true;
        int maxContinuations = 0;
    };

    explicit ChatController(MessageModel *messages, QObject *parent = nullptr);
    ~ChatController() override;

    /// The connection replies use; null while the app is not configured.
    void setClient(SourcegraphClient *client);
    void setCatalog(ModelCatalog *catalog) { m_catalog = catalog; }
    /// Where conversations are recorded; null keeps them in memory only.
    void setStore(ConversationStore *store) { m_store = store; }
    /// The recorded conversation shown, or 0 (a new chat, or no store).
    qint64 conversationId() const;
    /// Shows a recorded conversation; the next prompt continues it.
    bool openConversation(qint64 id, QString *error = nullptr);
    void setModel(const ModelRef &model) { m_model = model; }
    ModelRef model() const { return m_model; }
    void setOptions(Options options) { m_options = options; }

    bool isBusy() const { return !m_reply.isNull(); }
    /// Sends `prompt` with the conversation so far. False, with *error set, when it cannot.
    bool send(const QString &prompt, QString *error = nullptr);
    /// Stops the reply being streamed; its text so far stays.
    void stop();
    /// Asks again for the last reply if it failed or was stopped.
    bool retry(QString *error = nullptr);
    /// Asks again for the last reply, whatever its state: the old one is replaced.
    bool regenerate(QString *error = nullptr);
    void newChat();

Q_SIGNALS:
    void busyChanged(bool busy);
    /// A conversation was recorded for the first time, or opened.
    void conversationChanged(qint64 id);
    /// Recording failed; the chat goes on.
    void historyError(const QString &message);
    void replyFinished(const cody::CompletionResult &result);

private:
    /// Why no reply can be asked for now (not connected, no model), or empty.
    QString unableToReply() const;
    bool startReply(QString *error);
    void onFinished(const CompletionResult &result);
    QString detailsFor(const CompletionResult &result, qsizetype promptChars) const;

    MessageModel *m_messages;
    QPointer<SourcegraphClient> m_client;
    ModelCatalog *m_catalog = nullptr;
    ModelRef m_model;
    Options m_options;
    QPointer<ReplyOrchestrator> m_reply;
    ConversationStore *m_store = nullptr;
    QPointer<ConversationRecorder> m_recorder;
    int m_replyRow = -1;
};

} // namespace cody
