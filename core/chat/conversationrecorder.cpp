// SPDX-License-Identifier: Apache-2.0
#include "chat/conversationrecorder.h"

#include "chat/replyorchestrator.h"
#include "history/conversationstore.h"

using namespace Qt::StringLiterals;

namespace cody {

namespace {
constexpr qsizetype TitleLength = 60;
}

ConversationRecorder::ConversationRecorder(ConversationStore *store, QObject *parent)
    : QObject(parent)
    , m_store(store)
{ }

ConversationRecorder::~ConversationRecorder()
{
    delete m_writer; // flushes what is pending
}

QString ConversationRecorder::titleFor(const QString &prompt)
{
    QString title = prompt.simplified();
    if (title.size() > TitleLength)
        title = title.left(TitleLength - 1) + u'…';
    return title;
}

qint64 ConversationRecorder::begin(qint64 conversationId, const QString &firstPrompt,
    const QString &model, QString *error, const ConversationSettings &settings)
{
    if (conversationId != 0) {
        if (!m_store->conversation(conversationId)) {
            *error = tr("there is no conversation %1 in the history").arg(conversationId);
            return 0;
        }
        m_conversationId = conversationId;
        return conversationId;
    }
    StoredConversation conversation;
    conversation.title = titleFor(firstPrompt);
    conversation.model = model;
    conversation.systemPrompt = settings.systemPrompt;
    conversation.temperature = settings.temperature;
    conversation.contextRepositories = settings.repositories;
    conversation.maxTokens = settings.maxTokens;
    conversation.created = conversation.updated = QDateTime::currentDateTimeUtc();
    m_conversationId = m_store->createConversation(conversation, error);
    return m_conversationId;
}

QList<ChatMessage> ConversationRecorder::context() const
{
    QList<ChatMessage> messages;
    const auto conversation = m_store->conversation(m_conversationId);
    if (conversation && !conversation->systemPrompt.trimmed().isEmpty())
        messages.append({ChatMessage::Speaker::System, conversation->systemPrompt});
    for (const auto &message : m_store->messages(m_conversationId)) {
        if (message.state == StoredMessage::State::Failed || message.text.trimmed().isEmpty())
            continue;
        messages.append({message.speaker, message.text});
    }
    return messages;
}

bool ConversationRecorder::dropUnfinishedReply(QString *error)
{
    const auto messages = m_store->messages(m_conversationId);
    if (messages.isEmpty() || messages.constLast().speaker != ChatMessage::Speaker::Assistant
        || messages.constLast().state == StoredMessage::State::Complete)
        return true;
    return m_store->deleteMessagesFrom(m_conversationId, messages.constLast().id, error);
}

bool ConversationRecorder::dropLastReply(QString *error)
{
    const auto messages = m_store->messages(m_conversationId);
    if (messages.isEmpty() || messages.constLast().speaker != ChatMessage::Speaker::Assistant)
        return true;
    return m_store->deleteMessagesFrom(m_conversationId, messages.constLast().id, error);
}

bool ConversationRecorder::saveSettings(
    const QString &model, const ConversationSettings &settings, QString *error)
{
    auto conversation = m_store->conversation(m_conversationId);
    if (!conversation) {
        *error = tr("there is no conversation %1 in the history").arg(m_conversationId);
        return false;
    }
    conversation->model = model;
    conversation->systemPrompt = settings.systemPrompt;
    conversation->temperature = settings.temperature;
    conversation->contextRepositories = settings.repositories;
    conversation->maxTokens = settings.maxTokens;
    conversation->updated = {}; // a settings change does not move it to the top of the list
    return m_store->updateConversation(*conversation, error);
}

qint64 ConversationRecorder::recordPrompt(
    const ChatMessage &message, QString *error, const QList<ContextItem> &context)
{
    StoredMessage stored;
    stored.conversationId = m_conversationId;
    stored.speaker = message.speaker;
    stored.text = message.text;
    stored.created = QDateTime::currentDateTimeUtc();
    stored.context = context;
    return m_store->appendMessage(stored, error);
}

bool ConversationRecorder::recordContext(
    qint64 messageId, const QList<ContextItem> &items, QString *error)
{
    return m_store->setMessageContext(messageId, items, error);
}

QList<ContextItem> ConversationRecorder::storedContext(qint64 messageId) const
{
    return m_store->messageContext(messageId);
}

qint64 ConversationRecorder::recordReply(ReplyOrchestrator *reply, const QString &model)
{
    StoredMessage stored;
    stored.conversationId = m_conversationId;
    stored.speaker = ChatMessage::Speaker::Assistant;
    stored.model = model;
    stored.state = StoredMessage::State::Streaming;
    stored.created = QDateTime::currentDateTimeUtc();
    QString error;
    m_replyMessageId = m_store->appendMessage(stored, &error);
    if (m_replyMessageId == 0) {
        Q_EMIT failed(error);
        return 0;
    }
    follow(reply);
    return m_replyMessageId;
}

void ConversationRecorder::resumeReply(
    ReplyOrchestrator *reply, qint64 messageId, const QString &model, const QString &textSoFar)
{
    StoredMessage stored;
    stored.id = messageId;
    stored.conversationId = m_conversationId;
    stored.speaker = ChatMessage::Speaker::Assistant;
    stored.text = textSoFar;
    stored.model = model;
    // Streaming again, so that a crash now leaves it Partial (with what arrived) once more.
    stored.state = StoredMessage::State::Streaming;
    QString error;
    if (!m_store->updateMessage(stored, &error)) {
        Q_EMIT failed(error);
        return;
    }
    m_replyMessageId = messageId;
    follow(reply);
}

void ConversationRecorder::follow(ReplyOrchestrator *reply)
{
    m_writer = new StreamingWriter(m_store, m_replyMessageId, this);
    connect(m_writer, &StreamingWriter::failed, this, &ConversationRecorder::failed);
    connect(reply, &ReplyOrchestrator::textReceived, m_writer, &StreamingWriter::append);
    connect(reply, &ReplyOrchestrator::finished, this, &ConversationRecorder::onFinished);
}

void ConversationRecorder::onFinished(const CompletionResult &result)
{
    if (!m_writer)
        return;
    StoredMessage outcome;
    outcome.id = m_replyMessageId;
    outcome.conversationId = m_conversationId;
    outcome.speaker = ChatMessage::Speaker::Assistant;
    outcome.text = result.text;
    outcome.model = result.model.fullName();
    outcome.stopReason = result.stopReason;
    outcome.segments = result.segments;
    outcome.usage = result.usage;
    outcome.created = QDateTime::currentDateTimeUtc();
    switch (result.error.kind) {
    case ErrorKind::None:
        outcome.state
            = result.truncated ? StoredMessage::State::Partial : StoredMessage::State::Complete;
        break;
    case ErrorKind::Cancelled:
        outcome.state = StoredMessage::State::Partial;
        break;
    default:
        // What arrived before the failure is kept and can be continued.
        outcome.state
            = result.text.isEmpty() ? StoredMessage::State::Failed : StoredMessage::State::Partial;
        outcome.error = result.error.message;
        break;
    }
    QString error;
    if (!m_writer->finish(outcome, &error))
        Q_EMIT failed(error);
    delete m_writer;
}

} // namespace cody
