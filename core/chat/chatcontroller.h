// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "chat/conversationsettings.h"
#include "chat/messagemodel.h"
#include "chat/replyrequestbuilder.h"
#include "cody/completionrequest.h"
#include "cody/defaults.h"

#include <QObject>
#include <QPointer>

namespace cody {

class ContextFiltersSource;
class ContextGathering;
class ConversationRecorder;
class ConversationStore;
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
        /// Rewrite a question into keywords with a fast model before searching repositories.
        bool rewriteContextQuery = true;
    };

    explicit ChatController(MessageModel *messages, QObject *parent = nullptr);
    ~ChatController() override;

    /// The connection replies use; null while the app is not configured.
    void setClient(SourcegraphClient *client);
    void setCatalog(ModelCatalog *catalog) { m_catalog = catalog; }
    /// The site's context filters, kept current; without it (or before its first answer) they
    /// are fetched for each question with codebase context.
    void setContextFilters(ContextFiltersSource *filters);
    /// Where conversations are recorded; null keeps them in memory only.
    void setStore(ConversationStore *store) { m_store = store; }
    /// The recorded conversation shown, or 0 (a new chat, or no store).
    qint64 conversationId() const;
    /// Shows a recorded conversation with its model and settings; the next prompt continues it.
    bool openConversation(qint64 id, QString *error = nullptr);
    /// The model of the next reply; `name` is how the user chose it (an alias or a full name),
    /// which the conversation keeps. Changing it mid-conversation is allowed: each reply records
    /// the model that wrote it.
    void setModel(const ModelRef &model, const QString &name = {});
    ModelRef model() const { return m_model; }
    /// As chosen (an alias or a full name); empty when only a ModelRef was given.
    QString modelName() const { return m_modelName; }
    /// The app's defaults; a conversation's own settings take precedence.
    void setOptions(Options options) { m_options = options; }
    /// The open conversation's system prompt, temperature and max tokens; kept in the history.
    void setConversationSettings(const ConversationSettings &settings);
    ConversationSettings conversationSettings() const { return m_settings; }

    /// A reply is streaming, or the context of its question is being gathered.
    bool isBusy() const { return !m_reply.isNull() || !m_gathering.isNull(); }
    /// The question's codebase context is being fetched and searched; the reply follows.
    bool isGatheringContext() const { return !m_gathering.isNull(); }
    /// Sends `prompt` with the conversation so far. False, with *error set, when it cannot.
    bool send(const QString &prompt, QString *error = nullptr);
    /// Sends `prompt` with codebase context: mentions of repositories, folders and files of the
    /// instance (and the conversation's standing repositories) are gathered first — file
    /// contents fetched, repositories searched (ContextGathering) — then the items go in Cody's
    /// prompt within the model's budgets and come back on the prompt's row with their tokens and
    /// fate (ContextRole).
    bool send(const QString &prompt, const QList<ContextItem> &context, QString *error = nullptr);
    /// Stops the reply being streamed; its text so far stays.
    void stop();
    /// Asks again for the last reply if it failed or was stopped.
    bool retry(QString *error = nullptr);
    /// Asks again for the last reply, whatever its state: the old one is replaced.
    bool regenerate(QString *error = nullptr);
    /// Replaces the prompt in `row` with `text` and asks again: the later turns are removed.
    bool editAndResend(int row, const QString &text, QString *error = nullptr);
    /// Whether the last reply was cut short (stopped, failed midway, truncated) and has text.
    bool canContinue() const;
    /// Asks the model to go on with the last reply where it stopped, in the same message.
    bool continueReply(QString *error = nullptr);
    /// A new, empty chat with the default settings (the model stays).
    void newChat();

    /// Shows `items` as the codebase context of the prompt in `row` (MessageModel::ContextRole)
    /// and records them with it, in place of what it had: call it once the request's items are
    /// known (sent, with their tokens; left out, with why). A failure to record is reported by
    /// historyError().
    void setContext(int row, const QList<ContextItem> &items);
    /// The context of the prompt in `row` with the items' contents, to send it again (regenerate,
    /// retry, continue): from the history when the prompt is recorded (a reopened conversation's
    /// rows hold no contents), otherwise the row's own.
    QList<ContextItem> contextWithContent(int row) const;

    /// What a request for `prompt` with `items` after the conversation so far would use of the
    /// model's input — every item's tokens and fate, the budgets — without sending anything: for
    /// the chips and the budget meter while the user types. Repositories and folders count
    /// nothing until searched.
    PromptBuilder::Result measure(const QString &prompt, const QList<ContextItem> &items) const;

    /// The request that produced a reply, for "What was sent".
    struct SentRequest
    {
        QList<ChatMessage> messages; ///< in order, as sent (the system message first, if any)
        QString model; ///< the reply's model, as sent
        QString notice; ///< what the context limit left out, if anything
    };
    /// The request that produced the reply in `row`, rebuilt from the messages before it, its
    /// question's recorded context and the reply's model (a reply that was continued shows its
    /// first request); nullopt when `row` holds no reply. Built on demand: nothing is kept per
    /// reply.
    std::optional<SentRequest> sentRequest(int row) const;

Q_SIGNALS:
    void busyChanged(bool busy);
    /// A conversation was recorded for the first time, or opened.
    void conversationChanged(qint64 id);
    /// The model or settings were replaced by an opened conversation's or a new chat's.
    void settingsReplaced();
    /// Recording failed; the chat goes on.
    void historyError(const QString &message);
    void replyFinished(const cody::CompletionResult &result);

private:
    /// Why no reply can be asked for now (not connected, no model), or empty.
    QString unableToReply() const;
    /// Ends the conversation shown (and a reply still streaming), without a signal.
    void close();
    /// Why the last reply cannot be asked for again now (busy, or unableToReply()), or empty.
    QString unableToRedo() const;
    void recordPrompt(int row);
    void saveSettings();
    /// How the next request is asked for, with `model`.
    ReplyRequestBuilder::Parameters parameters(const ModelRef &model) const;
    /// Adds the reply row and streams it, after gathering the question's context if needed.
    bool startReply(QString *error);
    void onContextGathered(int question);
    /// Streams the reply of row m_replyRow, already added; `announce`: busyChanged(true) (not
    /// when it was already said, for gathering its context).
    void streamReply(bool announce = true);
    /// `items` with the conversation's standing repositories that they do not mention.
    QList<ContextItem> withStandingRepositories(QList<ContextItem> items) const;
    void follow(bool announce = true);
    void onFinished(const CompletionResult &result);
    QString detailsFor(const CompletionResult &result, qsizetype promptChars) const;

    MessageModel *m_messages;
    QPointer<SourcegraphClient> m_client;
    ModelCatalog *m_catalog = nullptr;
    ModelRef m_model;
    QString m_modelName;
    Options m_options;
    ConversationSettings m_settings;
    QPointer<ReplyOrchestrator> m_reply;
    QPointer<ContextFiltersSource> m_filters;
    QPointer<ContextGathering> m_gathering;
    ConversationStore *m_store = nullptr;
    QPointer<ConversationRecorder> m_recorder;
    ReplyRequestBuilder m_requests;
    int m_replyRow = -1;
};

} // namespace cody
