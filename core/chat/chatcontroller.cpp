// SPDX-License-Identifier: Apache-2.0
#include "chat/chatcontroller.h"

#include "chat/contextwindow.h"
#include "chat/conversationrecorder.h"
#include "chat/messagemodel.h"
#include "chat/replyorchestrator.h"
#include "cody/modelcatalog.h"
#include "cody/sourcegraphclient.h"
#include "context/contextfilterssource.h"
#include "context/contextgathering.h"
#include "context/promptbuilder.h"
#include "history/conversationstore.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace cody {

namespace {

/// What the user mentioned among `items` (a question's context), undecided again: retrieved
/// chunks go, and remote files are read again.
QList<ContextItem> mentionsOf(const QList<ContextItem> &items)
{
    QList<ContextItem> mentions;
    for (ContextItem item : items) {
        if (item.source != ContextItem::Source::User)
            continue;
        if (item.kind != ContextItem::Kind::LocalFile)
            item.content.clear();
        item.tokens = 0;
        item.sent = false;
        item.omittedReason.clear();
        mentions.append(item);
    }
    return mentions;
}

// The callers' "false, with *error set" when there is a reason not to go on.
bool refused(const QString &reason, QString *error)
{
    if (reason.isEmpty())
        return false;
    if (error)
        *error = reason;
    return true;
}

} // namespace

ChatController::ChatController(MessageModel *messages, QObject *parent)
    : QObject(parent)
    , m_messages(messages)
    , m_requests(*messages, [this](int row) { return contextWithContent(row); })
{ }

ChatController::~ChatController()
{
    delete m_gathering;
    delete m_reply; // stops its request
}

QList<ContextItem> ChatController::withStandingRepositories(QList<ContextItem> items) const
{
    for (const QString &name : m_settings.repositories) {
        const bool mentioned = std::any_of(items.cbegin(), items.cend(), [&name](const auto &item) {
            return item.kind == ContextItem::Kind::Repository && item.repoName == name;
        });
        if (mentioned)
            continue;
        ContextItem repository;
        repository.kind = ContextItem::Kind::Repository;
        repository.repoName = name;
        items.append(repository);
    }
    return items;
}

void ChatController::setClient(SourcegraphClient *client)
{
    // A reply keeps using the client it started with; ReplyOrchestrator ends it cleanly should
    // that client go away.
    m_client = client;
}

void ChatController::setContextFilters(ContextFiltersSource *filters)
{
    m_filters = filters;
}

bool ChatController::send(const QString &prompt, QString *error)
{
    return send(prompt, {}, error);
}

bool ChatController::send(const QString &prompt, const QList<ContextItem> &context, QString *error)
{
    QString reason;
    if (prompt.trimmed().isEmpty())
        reason = tr("the message is empty");
    else if (isBusy())
        reason = tr("a reply is still streaming; stop it first");
    else
        reason = unableToReply();
    if (reason.isEmpty())
        reason = ReplyRequestBuilder::tooLongToSend(parameters(m_model), prompt);
    if (refused(reason, error))
        return false;
    MessageModel::Message message {ChatMessage::Speaker::Human, prompt};
    message.context = withStandingRepositories(context);
    recordPrompt(m_messages->append(message));
    return startReply(error);
}

void ChatController::recordPrompt(int row)
{
    if (!m_store)
        return;
    MessageModel::Message message = m_messages->message(row);
    QString problem;
    bool created = false;
    if (!m_recorder) {
        m_recorder = new ConversationRecorder(m_store, this);
        connect(m_recorder, &ConversationRecorder::failed, this, &ChatController::historyError);
        created = m_recorder->begin(0, message.text, m_modelName, &problem, m_settings) != 0;
    }
    if (m_recorder->conversationId()) {
        message.storedId
            = m_recorder->recordPrompt({message.speaker, message.text}, &problem, message.context);
        if (message.storedId)
            m_messages->update(row, message);
    }
    if (!problem.isEmpty())
        Q_EMIT historyError(problem);
    if (created)
        Q_EMIT conversationChanged(m_recorder->conversationId());
}

void ChatController::setContext(int row, const QList<ContextItem> &items)
{
    m_messages->setContext(row, items);
    const qint64 storedId = m_messages->message(row).storedId;
    QString problem;
    if (m_recorder && storedId && !m_recorder->recordContext(storedId, items, &problem))
        Q_EMIT historyError(problem);
}

QList<ContextItem> ChatController::contextWithContent(int row) const
{
    const qint64 storedId = m_messages->message(row).storedId;
    return m_recorder && storedId ? m_recorder->storedContext(storedId)
                                  : m_messages->message(row).context;
}

QString ChatController::unableToRedo() const
{
    return isBusy() ? tr("a reply is still streaming; stop it first") : unableToReply();
}

bool ChatController::regenerate(QString *error)
{
    const int last = m_messages->rowCount() - 1;
    QString reason = unableToRedo();
    if (reason.isEmpty()
        && (last < 0 || m_messages->message(last).speaker != ChatMessage::Speaker::Assistant))
        reason = tr("there is no reply to regenerate");
    if (refused(reason, error))
        return false;
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
            *error = tr("there is no reply to retry");
        return false;
    }
    const auto &message = m_messages->message(last);
    QString reason = unableToReply();
    if (message.speaker != ChatMessage::Speaker::Assistant
        || message.state == MessageModel::State::Complete)
        reason = tr("the last reply did not fail");
    if (refused(reason, error))
        return false;
    m_messages->removeFrom(last);
    QString problem;
    if (m_recorder && !m_recorder->dropUnfinishedReply(&problem))
        Q_EMIT historyError(problem);
    return startReply(error);
}

bool ChatController::editAndResend(int row, const QString &text, QString *error)
{
    QString reason;
    if (row < 0 || row >= m_messages->rowCount()
        || m_messages->message(row).speaker != ChatMessage::Speaker::Human)
        reason = tr("there is no such message to edit");
    else if (text.trimmed().isEmpty())
        reason = tr("the message is empty");
    else
        reason = unableToRedo();
    if (reason.isEmpty())
        reason = ReplyRequestBuilder::tooLongToSend(parameters(m_model), text);
    if (refused(reason, error))
        return false;
    const qint64 storedId = m_messages->message(row).storedId;
    // The edited question keeps what the user mentioned; what was found for the old wording is
    // looked for again.
    const QList<ContextItem> mentions = mentionsOf(contextWithContent(row));
    m_messages->removeFrom(row);
    QString problem;
    if (m_recorder && m_recorder->conversationId() && storedId
        && !m_store->deleteMessagesFrom(m_recorder->conversationId(), storedId, &problem))
        Q_EMIT historyError(problem);
    return send(text, mentions, error);
}

bool ChatController::canContinue() const
{
    const int last = m_messages->rowCount() - 1;
    return !isBusy() && last >= 0 && m_messages->message(last).isContinuable();
}

bool ChatController::continueReply(QString *error)
{
    QString reason = unableToRedo();
    if (reason.isEmpty() && !canContinue())
        reason = tr("the last reply was not cut short");
    if (refused(reason, error))
        return false;
    m_replyRow = m_messages->rowCount() - 1;
    MessageModel::Message reply = m_messages->message(m_replyRow);
    // The model is shown the text without its trailing whitespace, and usually resumes with that
    // whitespace itself; the stitcher puts it back otherwise.
    while (!reply.text.isEmpty() && reply.text.back().isSpace())
        reply.text.chop(1);
    const CompletionRequest request
        = m_requests.build(parameters(m_model), m_replyRow, reply.text, &reply.notice);
    reply.state = MessageModel::State::Streaming;
    reply.error.clear();
    reply.details.clear();
    reply.truncated = false;
    reply.model = m_model.fullName();
    m_messages->update(m_replyRow, reply);

    m_reply = new ReplyOrchestrator(m_client, request, this);
    if (m_recorder && m_recorder->conversationId() && reply.storedId)
        m_recorder->resumeReply(m_reply, reply.storedId, reply.model, reply.text);
    follow();
    return true;
}

QString ChatController::unableToReply() const
{
    if (!m_client)
        return tr(
            "Cody Chat is not connected: set the Sourcegraph URL and access token in Settings");
    if (!m_model.isValid())
        return tr("no model is selected");
    return {};
}

void ChatController::setModel(const ModelRef &model, const QString &name)
{
    const QString chosen = name.isEmpty() ? model.fullName() : name;
    const bool changed = model.fullName() != m_model.fullName() || chosen != m_modelName;
    m_model = model;
    m_modelName = chosen;
    if (changed)
        saveSettings();
}

void ChatController::setConversationSettings(const ConversationSettings &settings)
{
    if (settings == m_settings)
        return;
    m_settings = settings;
    saveSettings();
}

void ChatController::saveSettings()
{
    QString problem;
    if (m_recorder && m_recorder->conversationId()
        && !m_recorder->saveSettings(m_modelName, m_settings, &problem))
        Q_EMIT historyError(problem);
}

ReplyRequestBuilder::Parameters ChatController::parameters(const ModelRef &model) const
{
    return {model, m_catalog, m_settings, m_options.maxTokens, m_options.autoContinue,
        m_options.maxContinuations};
}

PromptBuilder::Result ChatController::measure(
    const QString &prompt, const QList<ContextItem> &items) const
{
    return m_requests.measure(parameters(m_model), prompt, items);
}

std::optional<ChatController::SentRequest> ChatController::sentRequest(int row) const
{
    if (row < 0 || row >= m_messages->rowCount())
        return std::nullopt;
    const MessageModel::Message &reply = m_messages->message(row);
    if (reply.speaker != ChatMessage::Speaker::Assistant)
        return std::nullopt;
    const std::optional<ModelRef> model
        = reply.model.isEmpty() ? std::optional<ModelRef>(m_model) : ModelRef::parse(reply.model);
    SentRequest sent;
    const CompletionRequest request
        = m_requests.build(parameters(model ? *model : m_model), row, {}, &sent.notice);
    sent.messages = request.messages;
    sent.model = request.model.fullName();
    return sent;
}

bool ChatController::startReply(QString *)
{
    const int question = m_requests.questionRow(m_messages->rowCount());
    MessageModel::Message reply;
    reply.speaker = ChatMessage::Speaker::Assistant;
    reply.state = MessageModel::State::Streaming;
    reply.model = m_model.fullName();
    m_replyRow = m_messages->append(reply);
    // Mentions of the instance are gathered first (again, when a reply was stopped before they
    // arrived); the reply streams once they are.
    // Whether to gather is read from the row's own items (their fate needs no contents); the
    // contents are read from the history only when they are gathered, and once more by the
    // request itself.
    if (question < 0 || !ContextGathering::isNeeded(m_messages->message(question).context)) {
        streamReply();
        return true;
    }
    reply.details = tr("Gathering codebase context…");
    m_messages->update(m_replyRow, reply);
    m_gathering = new ContextGathering(
        m_client, contextWithContent(question), m_messages->message(question).text, this);
    if (m_filters && m_filters->isLoaded() && !m_filters->lastError().isError())
        m_gathering->setFilters(m_filters->filters());
    m_gathering->setRewriteQuery(m_options.rewriteContextQuery);
    connect(m_gathering, &ContextGathering::finished, this,
        [this, question] { onContextGathered(question); });
    m_gathering->start();
    Q_EMIT busyChanged(true);
    return true;
}

void ChatController::onContextGathered(int question)
{
    ContextGathering *gathering = m_gathering;
    m_gathering = nullptr;
    gathering->deleteLater();
    if (gathering->error().kind == ErrorKind::Cancelled) {
        // Stopped before the reply began: the question and its mentions stay, to retry.
        MessageModel::Message reply = m_messages->message(m_replyRow);
        reply.state = MessageModel::State::Cancelled;
        reply.details = tr("stopped while gathering codebase context");
        m_messages->update(m_replyRow, reply);
        Q_EMIT busyChanged(false);
        CompletionResult result;
        result.model = m_model;
        result.error = gathering->error();
        Q_EMIT replyFinished(result);
        return;
    }
    setContext(question, gathering->items());
    streamReply(false);
}

void ChatController::streamReply(bool announce)
{
    MessageModel::Message reply = m_messages->message(m_replyRow);
    QList<ContextItem> context;
    const CompletionRequest request
        = m_requests.build(parameters(m_model), m_replyRow, {}, &reply.notice, &context);
    // The question's items, with what this request made of them: shown under it and kept.
    if (!context.isEmpty())
        setContext(m_requests.questionRow(m_replyRow), context);
    reply.details.clear();
    m_reply = new ReplyOrchestrator(m_client, request, this);
    if (m_recorder && m_recorder->conversationId())
        reply.storedId = m_recorder->recordReply(m_reply, reply.model);
    m_messages->update(m_replyRow, reply);
    follow(announce);
}

void ChatController::follow(bool announce)
{
    m_reply->setModelCatalog(m_catalog);
    connect(m_reply, &ReplyOrchestrator::textReceived, this,
        [this](const QString &text) { m_messages->appendText(m_replyRow, text); });
    connect(m_reply, &ReplyOrchestrator::finished, this, &ChatController::onFinished);
    m_reply->start();
    if (announce)
        Q_EMIT busyChanged(true);
}

void ChatController::stop()
{
    if (m_gathering)
        m_gathering->cancel(); // finished() follows and marks the reply as stopped
    if (m_reply)
        m_reply->cancel(); // finished() follows and marks the reply as stopped
}

void ChatController::newChat()
{
    close();
    Q_EMIT settingsReplaced();
}

void ChatController::close()
{
    if (isBusy()) {
        for (QObject *running :
            {static_cast<QObject *>(m_reply), static_cast<QObject *>(m_gathering)}) {
            if (running)
                running->disconnect(this);
        }
        delete m_reply;
        delete m_gathering;
        Q_EMIT busyChanged(false);
    }
    m_messages->clear();
    delete m_recorder;
    m_settings = {};
}

qint64 ChatController::conversationId() const
{
    return m_recorder ? m_recorder->conversationId() : 0;
}

namespace {

MessageModel::Message shownMessage(const StoredMessage &stored)
{
    MessageModel::Message message(stored.speaker, stored.text);
    message.storedId = stored.id;
    message.model = stored.model;
    message.error = stored.error;
    message.context = stored.context; // without contents: contextWithContent() reads them
    message.unreadableContextItems = stored.unreadableContextItems;
    switch (stored.state) {
    case StoredMessage::State::Complete:
        message.state = MessageModel::State::Complete;
        break;
    case StoredMessage::State::Failed:
        message.state = MessageModel::State::Failed;
        break;
    case StoredMessage::State::Streaming:
    case StoredMessage::State::Partial:
        // Cut short: by the output limit, or stopped, failed midway or the app died. Shown
        // with Continue (and Retry).
        if (stored.error.isEmpty() && isTruncationStopReason(stored.stopReason)) {
            message.state = MessageModel::State::Complete;
            message.truncated = true;
            message.details = QCoreApplication::translate(
                "cody::ChatController", "cut off at the output limit");
        } else {
            message.state = stored.error.isEmpty() ? MessageModel::State::Cancelled
                                                   : MessageModel::State::Failed;
        }
        break;
    }
    return message;
}

} // namespace

bool ChatController::openConversation(qint64 id, QString *error)
{
    if (!m_store)
        return false;
    auto *recorder = new ConversationRecorder(m_store, this);
    QString problem;
    const auto conversation = m_store->conversation(id);
    if (!conversation || !recorder->begin(id, {}, {}, &problem)) {
        delete recorder;
        if (error)
            *error = problem.isEmpty() ? tr("there is no conversation %1").arg(id) : problem;
        return false;
    }
    close();
    m_recorder = recorder;
    connect(m_recorder, &ConversationRecorder::failed, this, &ChatController::historyError);
    m_settings = {conversation->systemPrompt, conversation->temperature, conversation->maxTokens,
        conversation->contextRepositories};
    // The conversation goes on with its own model, if that still exists.
    const auto model = conversation->model.isEmpty() ? std::nullopt
        : m_catalog                                  ? m_catalog->resolve(conversation->model)
                                                     : ModelRef::parse(conversation->model);
    if (model) {
        m_model = *model;
        m_modelName = conversation->model;
    }
    for (const StoredMessage &stored : m_store->messages(id))
        m_messages->append(shownMessage(stored));
    Q_EMIT settingsReplaced();
    Q_EMIT conversationChanged(id);
    return true;
}

void ChatController::onFinished(const CompletionResult &result)
{
    m_reply->deleteLater();
    m_reply = nullptr;
    MessageModel::Message message = m_messages->message(m_replyRow);
    message.text = result.text;
    message.truncated = result.truncated;
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
    parts.append(cost.tokensEstimated ? tr("≈%1 tokens (estimate)").arg(tokens)
                                      : tr("%1 tokens").arg(tokens));
    if (cost.priceKnown)
        parts.append(u"≈$%1"_s.arg(cost.usd, 0, 'f', cost.usd < 0.01 ? 4 : 2));
    if (result.segments > 1)
        parts.append(tr("continued %1×").arg(result.segments - 1));
    if (result.truncated)
        parts.append(tr("cut off at the output limit"));
    return parts.join(u" · "_s);
}

} // namespace cody
