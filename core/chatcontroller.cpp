// SPDX-License-Identifier: Apache-2.0
#include "chatcontroller.h"

#include "contextwindow.h"
#include "conversationrecorder.h"
#include "conversationstore.h"
#include "messagemodel.h"
#include "modelcatalog.h"
#include "replyorchestrator.h"
#include "sourcegraphclient.h"

using namespace Qt::StringLiterals;

namespace cody {

ChatController::ChatController(MessageModel *messages, QObject *parent)
    : QObject(parent)
    , m_messages(messages)
{ }

ChatController::~ChatController()
{
    delete m_reply; // stops its request
}

void ChatController::setClient(SourcegraphClient *client)
{
    // A reply keeps using the client it started with; ReplyOrchestrator ends it cleanly should
    // that client go away.
    m_client = client;
}

bool ChatController::send(const QString &prompt, QString *error)
{
    QString reason;
    if (prompt.trimmed().isEmpty())
        reason = u"the message is empty"_s;
    else if (isBusy())
        reason = u"a reply is still streaming; stop it first"_s;
    else
        reason = unableToReply();
    if (!reason.isEmpty()) {
        if (error)
            *error = reason;
        return false;
    }
    m_messages->append({ChatMessage::Speaker::Human, prompt});
    if (m_store) {
        QString problem;
        bool created = false;
        if (!m_recorder) {
            m_recorder = new ConversationRecorder(m_store, this);
            connect(m_recorder, &ConversationRecorder::failed, this, &ChatController::historyError);
            created = m_recorder->begin(0, prompt, m_model.fullName(), &problem) != 0;
        }
        if (!problem.isEmpty()
            || !m_recorder->recordPrompt({ChatMessage::Speaker::Human, prompt}, &problem))
            Q_EMIT historyError(problem);
        if (created)
            Q_EMIT conversationChanged(m_recorder->conversationId());
    }
    return startReply(error);
}

bool ChatController::regenerate(QString *error)
{
    const int last = m_messages->rowCount() - 1;
    QString reason = unableToReply();
    if (isBusy())
        reason = u"a reply is still streaming; stop it first"_s;
    else if (last < 0 || m_messages->message(last).speaker != ChatMessage::Speaker::Assistant)
        reason = u"there is no reply to regenerate"_s;
    if (!reason.isEmpty()) {
        if (error)
            *error = reason;
        return false;
    }
    m_messages->removeFrom(last);
    QString problem;
    if (m_recorder && !m_recorder->dropLastReply(&problem))
        Q_EMIT historyError(problem);
    return startReply(error);
}

bool ChatController::retry(QString *error)
{
    const int last = m_messages->rowCount() - 1;
    if (isBusy() || last < 0) {
        if (error)
            *error = u"there is no reply to retry"_s;
        return false;
    }
    const auto &message = m_messages->message(last);
    QString reason = unableToReply();
    if (message.speaker != ChatMessage::Speaker::Assistant
        || message.state == MessageModel::State::Complete)
        reason = u"the last reply did not fail"_s;
    if (!reason.isEmpty()) {
        if (error)
            *error = reason;
        return false;
    }
    m_messages->removeFrom(last);
    QString problem;
    if (m_recorder && !m_recorder->dropUnfinishedReply(&problem))
        Q_EMIT historyError(problem);
    return startReply(error);
}

QString ChatController::unableToReply() const
{
    if (!m_client)
        return u"Cody Chat is not connected: set the Sourcegraph URL and access token in Settings"_s;
    if (!m_model.isValid())
        return u"no model is selected"_s;
    return {};
}

bool ChatController::startReply(QString *)
{
    CompletionRequest request;
    request.model = m_model;
    request.maxTokens = m_options.maxTokens;
    request.autoContinue = m_options.autoContinue;
    request.maxContinuations = m_options.maxContinuations;
    // The whole conversation is the context; failed or empty replies are not part of it.
    for (int row = 0; row < m_messages->rowCount(); ++row) {
        const auto &message = m_messages->message(row);
        if (message.state == MessageModel::State::Failed || message.text.trimmed().isEmpty())
            continue;
        request.messages.append({message.speaker, message.text});
    }

    MessageModel::Message reply;
    // The oldest turns that do not fit the model's input limit stay out of the request — and the
    // reply says so, never silently.
    const ModelInfo *info = m_catalog ? m_catalog->find(m_model) : nullptr;
    if (info && info->maxInputTokens > 0) {
        const int output = info->maxOutputTokens > 0
            ? std::min<qint64>(request.maxTokens, info->maxOutputTokens)
            : request.maxTokens;
        ContextWindow::Fit fit
            = ContextWindow::choose(request.messages, info->maxInputTokens, output);
        request.messages = std::move(fit.messages);
        if (fit.omitted > 0)
            reply.notice = ContextWindow::omittedNote(fit.omitted);
    }
    reply.speaker = ChatMessage::Speaker::Assistant;
    reply.state = MessageModel::State::Streaming;
    reply.model = m_model.fullName();
    m_replyRow = m_messages->append(reply);

    m_reply = new ReplyOrchestrator(m_client, request, this);
    m_reply->setModelCatalog(m_catalog);
    if (m_recorder && m_recorder->conversationId())
        m_recorder->recordReply(m_reply, m_model.fullName());
    connect(m_reply, &ReplyOrchestrator::textReceived, this,
        [this](const QString &text) { m_messages->appendText(m_replyRow, text); });
    connect(m_reply, &ReplyOrchestrator::finished, this, &ChatController::onFinished);
    m_reply->start();
    Q_EMIT busyChanged(true);
    return true;
}

void ChatController::stop()
{
    if (m_reply)
        m_reply->cancel(); // finished() follows and marks the reply as stopped
}

void ChatController::newChat()
{
    if (m_reply) {
        m_reply->disconnect(this);
        delete m_reply;
        Q_EMIT busyChanged(false);
    }
    m_messages->clear();
    delete m_recorder;
}

qint64 ChatController::conversationId() const
{
    return m_recorder ? m_recorder->conversationId() : 0;
}

bool ChatController::openConversation(qint64 id, QString *error)
{
    if (!m_store)
        return false;
    auto *recorder = new ConversationRecorder(m_store, this);
    QString problem;
    if (!recorder->begin(id, {}, {}, &problem)) {
        delete recorder;
        if (error)
            *error = problem;
        return false;
    }
    newChat();
    m_recorder = recorder;
    connect(m_recorder, &ConversationRecorder::failed, this, &ChatController::historyError);
    for (const StoredMessage &stored : m_store->messages(id)) {
        MessageModel::Message message(stored.speaker, stored.text);
        message.model = stored.model;
        message.error = stored.error;
        switch (stored.state) {
        case StoredMessage::State::Complete:
            message.state = MessageModel::State::Complete;
            break;
        case StoredMessage::State::Failed:
            message.state = MessageModel::State::Failed;
            break;
        case StoredMessage::State::Streaming:
        case StoredMessage::State::Partial:
            // Cut short (stopped, failed midway, or the app died): shown with Retry.
            message.state = stored.error.isEmpty() ? MessageModel::State::Cancelled
                                                   : MessageModel::State::Failed;
            break;
        }
        m_messages->append(message);
    }
    Q_EMIT conversationChanged(id);
    return true;
}

void ChatController::onFinished(const CompletionResult &result)
{
    m_reply->deleteLater();
    m_reply = nullptr;
    MessageModel::Message message = m_messages->message(m_replyRow);
    message.text = result.text;
    switch (result.error.kind) {
    case ErrorKind::None:
        message.state = MessageModel::State::Complete;
        break;
    case ErrorKind::Cancelled:
        message.state = MessageModel::State::Cancelled;
        break;
    default:
        message.state = MessageModel::State::Failed;
        message.error = result.error.message;
        break;
    }
    message.details = detailsFor(result, result.promptCharacters);
    m_messages->update(m_replyRow, message);
    Q_EMIT busyChanged(false);
    Q_EMIT replyFinished(result);
}

QString ChatController::detailsFor(const CompletionResult &result, qsizetype promptChars) const
{
    if (result.segments == 0)
        return {};
    QStringList parts;
    const CostEstimate cost = m_catalog
        ? m_catalog->estimateCost(result.model, result.usage, promptChars, result.text.size())
        : ModelCatalog().estimateCost(result.model, result.usage, promptChars, result.text.size());
    const qint64 tokens = cost.inputTokens + cost.outputTokens;
    parts.append(
        cost.tokensEstimated ? u"≈%1 tokens (estimate)"_s.arg(tokens) : u"%1 tokens"_s.arg(tokens));
    if (cost.priceKnown)
        parts.append(u"≈$%1"_s.arg(cost.usd, 0, 'f', cost.usd < 0.01 ? 4 : 2));
    if (result.segments > 1)
        parts.append(u"continued %1×"_s.arg(result.segments - 1));
    if (result.truncated)
        parts.append(u"cut off at the output limit"_s);
    return parts.join(u" · "_s);
}

} // namespace cody
