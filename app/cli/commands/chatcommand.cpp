// SPDX-License-Identifier: Apache-2.0
#include "commands/chatcommand.h"

#include "chat/contextwindow.h"
#include "chat/conversationrecorder.h"
#include "chat/replyorchestrator.h"
#include "chat/requestlogger.h"
#include "clicontext.h"
#include "cody/apicall.h"
#include "cody/modelcatalog.h"
#include "cody/sourcegraphclient.h"
#include "commands/mentionarguments.h"
#include "context/contextgathering.h"
#include "context/promptbuilder.h"
#include "exitcode.h"
#include "history/conversationstore.h"

#include <QCommandLineParser>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace {
// Below this many tokens a prompt fits every model Sourcegraph lists (the smallest chat window
// recorded is 7 000), so no model list is fetched just to check it.
constexpr qint64 MinimumKnownInputTokens = 2000;
} // namespace

namespace cody::cli {

namespace {

QFile *standardError()
{
    static QFile file;
    if (!file.isOpen())
        (void)file.open(stderr, QIODevice::WriteOnly | QIODevice::Unbuffered);
    return &file;
}

} // namespace

ChatCommand::ChatCommand(CliContext &context, QObject *parent)
    : QObject(parent)
    , m_context(context)
{ }

ChatCommand::~ChatCommand() = default;

std::optional<int> ChatCommand::parse(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Send PROMPT (or standard input) to Cody and stream the "
                                     "reply to standard output."_s);
    parser.addHelpOption();
    const QCommandLineOption model({u"m"_s, u"model"_s},
        u"Model: an alias (cody-sonnet), cody/<provider>::<apiVersion>::<model>, or a bare modelRef."_s,
        u"NAME"_s);
    const QCommandLineOption system({u"s"_s, u"system"_s}, u"System prompt."_s, u"TEXT"_s);
    const QCommandLineOption maxTokens(u"max-tokens"_s,
        u"Output tokens per request (default CODY_DEFAULT_MAX_TOKENS, 512)."_s, u"N"_s);
    const QCommandLineOption temperature(
        u"temperature"_s, u"Sampling temperature (0 to 2)."_s, u"T"_s);
    const QCommandLineOption noAutoContinue(
        u"no-auto-continue"_s, u"Do not continue a reply that hit the output limit."_s);
    const QCommandLineOption maxContinuations(u"max-continuations"_s,
        u"At most N continuation requests after the first (0 = unlimited)."_s, u"N"_s);
    const QCommandLineOption idleTimeout(u"idle-timeout"_s,
        u"Abort when the server sends nothing for this long (default 60)."_s, u"SECONDS"_s);
    const QCommandLineOption json(
        u"json"_s, u"Print one JSON object at the end instead of streaming."_s);
    const QCommandLineOption noHistory(
        u"no-history"_s, u"Do not record this chat in the history."_s);
    const QCommandLineOption continueLatest({u"c"_s, u"continue"_s},
        u"Continue the latest conversation (its earlier turns are sent as context)."_s);
    const QCommandLineOption conversation(u"cid"_s, u"Continue conversation ID."_s, u"ID"_s);
    const QCommandLineOption verbose({u"v"_s, u"verbose"_s},
        u"Log requests, retries and segments to standard error (never the token)."_s);
    const QCommandLineOption repo(u"repo"_s,
        u"Retrieve codebase context for the prompt from this repository of the instance "
        "(repeatable; see 'repos')."_s,
        u"NAME"_s);
    const QCommandLineOption remoteFile(u"remote-file"_s,
        u"Include this file of the instance, or lines START to END of it (1-based, inclusive), "
        "as context (repeatable)."_s,
        u"REPO:PATH[:START-END]"_s);
    const QCommandLineOption noRewrite(u"no-rewrite"_s,
        u"Search the repositories with the prompt as it is, not rewritten into keywords."_s);
    parser.addOptions(
        {model, system, maxTokens, temperature, noAutoContinue, maxContinuations, idleTimeout, json,
            noHistory, continueLatest, conversation, verbose, repo, remoteFile, noRewrite});
    parser.addPositionalArgument(
        u"PROMPT"_s, u"The prompt; '-' or nothing reads standard input."_s, u"[PROMPT…]"_s);

    if (const auto code = CliContext::parseArguments(parser, u"chat"_s, arguments))
        return code;
    if (!m_context.reportConfiguration())
        return UsageError;

    const Config &config = m_context.config();
    QString error;
    m_modelName = parser.isSet(model) ? parser.value(model) : config.model;
    m_modelIsDefault
        = !parser.isSet(model) && config.source(Config::Key::Model) == Config::Source::Default;
    const auto ref = m_context.catalog().resolve(m_modelName, &error);
    if (!ref) {
        CliContext::writeError(error);
        return UsageError;
    }
    m_request.model = *ref;
    m_request.maxTokens = config.defaultMaxTokens;
    m_request.autoContinue = config.autoContinue && !parser.isSet(noAutoContinue);
    m_request.maxContinuations = config.maxContinuations;
    int idleSeconds = config.idleTimeoutSeconds;

    auto integer = [&](const QCommandLineOption &option, int minimum, int *target) {
        bool ok = false;
        const int value = parser.value(option).toInt(&ok);
        if (!ok || value < minimum) {
            CliContext::writeError(u"--%1 takes a whole number of at least %2, got \"%3\""_s
                                       .arg(option.names().constLast())
                                       .arg(minimum)
                                       .arg(parser.value(option)));
            return false;
        }
        *target = value;
        return true;
    };
    if (parser.isSet(maxTokens) && !integer(maxTokens, 1, &m_request.maxTokens))
        return UsageError;
    if (parser.isSet(maxContinuations)
        && !integer(maxContinuations, 0, &m_request.maxContinuations))
        return UsageError;
    if (parser.isSet(idleTimeout) && !integer(idleTimeout, 1, &idleSeconds))
        return UsageError;
    m_context.config().idleTimeoutSeconds = idleSeconds;
    if (parser.isSet(temperature)) {
        bool ok = false;
        const double value = parser.value(temperature).toDouble(&ok);
        if (!ok || value < 0.0 || value > 2.0) {
            CliContext::writeError(u"--temperature takes a number from 0 to 2, got \"%1\""_s.arg(
                parser.value(temperature)));
            return UsageError;
        }
        m_request.temperature = value;
    }
    const auto mentions
        = MentionArguments::parse(parser.values(repo), parser.values(remoteFile), &error);
    if (!mentions) {
        CliContext::writeError(error);
        return UsageError;
    }
    m_mentions = *mentions;
    m_rewrite = m_context.config().contextRewrite && !parser.isSet(noRewrite);
    m_json = parser.isSet(json);
    m_verbose = parser.isSet(verbose);
    m_record = !parser.isSet(noHistory);
    m_continueLatest = parser.isSet(continueLatest);
    if (parser.isSet(conversation)) {
        bool ok = false;
        m_conversationId = parser.value(conversation).toLongLong(&ok);
        if (!ok || m_conversationId <= 0) {
            CliContext::writeError(
                u"--cid takes a conversation ID from 'cody-chat-cli history list'"_s);
            return UsageError;
        }
    }
    if (!m_record && (m_continueLatest || m_conversationId)) {
        CliContext::writeError(u"--no-history cannot continue a recorded conversation"_s);
        return UsageError;
    }

    const QStringList words = parser.positionalArguments();
    const QString prompt = (words.isEmpty() || words == QStringList {u"-"_s})
        ? QString::fromUtf8(CliContext::readStandardInput())
        : words.join(u' ');
    if (prompt.trimmed().isEmpty()) {
        CliContext::writeError(u"the prompt is empty: pass it as arguments or on standard input"_s);
        return UsageError;
    }
    if (parser.isSet(system) && !parser.value(system).trimmed().isEmpty())
        m_request.messages.append({ChatMessage::Speaker::System, parser.value(system)});
    m_request.messages.append({ChatMessage::Speaker::Human, prompt});
    return std::nullopt;
}

std::optional<int> ChatCommand::start(const QStringList &arguments)
{
    if (const auto code = parse(arguments))
        return code;
    QString error;
    m_client = m_context.createClient(&error);
    if (!m_client) {
        CliContext::writeError(error);
        return UsageError;
    }
    // The mentions first: a repository or file that cannot be used is the user's to correct
    // before anything is sent or recorded.
    if (!m_mentions.isEmpty()) {
        m_gathering = new ContextGathering(
            m_client.get(), m_mentions, m_request.messages.constLast().text, this);
        m_gathering->setRewriteQuery(m_rewrite);
        connect(m_gathering, &ContextGathering::finished, this, &ChatCommand::onContextGathered);
        m_gathering->start();
        return std::nullopt;
    }
    return afterContext();
}

void ChatCommand::onContextGathered()
{
    m_gathering->deleteLater();
    const ContextGathering &gathering = *m_gathering;
    if (gathering.error().kind == ErrorKind::Cancelled) {
        CliContext::writeError(u"interrupted"_s);
        Q_EMIT done(exitCodeFor(ErrorKind::Cancelled));
        return;
    }
    const QList<ContextItem> refused = gathering.refused();
    if (!refused.isEmpty()) {
        const ContextItem &first = refused.constFirst();
        CliContext::writeError(
            u"%1: %2"_s.arg(MentionArguments::argumentFor(first), first.omittedReason));
        Q_EMIT done(UsageError);
        return;
    }
    if (gathering.failure().isError()) {
        CliContext::writeError(
            u"could not gather the codebase context: %1"_s.arg(gathering.failure().message));
        Q_EMIT done(exitCodeFor(gathering.failure().kind));
        return;
    }
    m_items = gathering.items();
    if (const auto code = afterContext())
        Q_EMIT done(*code);
}

std::optional<int> ChatCommand::afterContext()
{
    // With no model chosen, the server's catalog decides whether cody-sonnet is one to start
    // on, before anything is recorded or sent.
    // The catalog is fetched first when it decides the model, or when the prompt is long enough
    // to exceed a model's input limit: such a request is refused here, not sent.
    // Codebase context is fitted to the model's window, which the catalog knows.
    const bool mayBeTooLong = !m_items.isEmpty()
        || ContextWindow::choose(m_request.messages, 0, 0).estimatedTokens
            > MinimumKnownInputTokens;
    if ((m_modelIsDefault || mayBeTooLong) && !m_context.catalog().hasServerModels()) {
        m_catalogCall = m_client->getSupportedModels();
        connect(m_catalogCall, &ApiCall::finished, this, &ChatCommand::onCatalog);
        return std::nullopt;
    }
    return startReply();
}

void ChatCommand::onCatalog()
{
    m_catalogCall->deleteLater();
    if (m_catalogCall->error().kind == ErrorKind::Cancelled) {
        CliContext::writeError(u"interrupted"_s);
        Q_EMIT done(exitCodeFor(ErrorKind::Cancelled));
        return;
    }
    // A server that did not answer in time would only make the chat wait as long again.
    if (m_catalogCall->error().kind == ErrorKind::Timeout) {
        CompletionResult result;
        result.model = m_request.model;
        result.error = m_catalogCall->error();
        m_catalogCall = nullptr;
        onFinished(result);
        return;
    }
    // Without a catalog (an older server, or a failed request) cody-sonnet it is; the reply
    // reports and retries any connection problem itself.
    ModelCatalog &catalog = m_context.catalog();
    if (!m_catalogCall->error().isError() && catalog.loadSupportedModels(m_catalogCall->body())
        && m_modelIsDefault) {
        if (const auto replacement = catalog.replacementForDefault(m_request.model)) {
            const ModelInfo *info = catalog.find(m_request.model);
            CliContext::writeWarning(
                u"%1 is %2 on this server; using %3 (the server's choice). "
                "Choose with -m or CODY_MODEL."_s.arg(
                    m_modelName, info ? info->status : u"not offered"_s, replacement->fullName()));
            m_request.model = *replacement;
            m_modelName = replacement->fullName();
        }
    }
    m_catalogCall = nullptr;
    if (const auto code = startReply())
        Q_EMIT done(*code);
}

std::optional<int> ChatCommand::startReply()
{
    if (const ModelInfo *info = m_context.catalog().find(m_request.model)) {
        const int output = info->maxOutputTokens > 0
            ? int(std::min<qint64>(m_request.maxTokens, info->maxOutputTokens))
            : m_request.maxTokens;
        const QString tooLong = ContextWindow::tooLong(
            m_request.messages, info->ref.modelId(), info->maxInputTokens, output);
        if (!tooLong.isEmpty()) {
            CliContext::writeError(u"the prompt is too long: "_s + tooLong);
            return UsageError;
        }
    }
    if (const auto code = startRecording())
        return code;
    applyContext();
    m_reply = new ReplyOrchestrator(m_client.get(), m_request, this);
    if (m_recorder)
        m_recorder->recordReply(m_reply, m_request.model.fullName());
    // The catalog caps the output tokens at the model's limit and prices the reply.
    m_reply->setModelCatalog(&m_context.catalog());
    if (m_verbose) {
        m_logger = new RequestLogger(standardError(), this);
        m_logger->watch(m_reply);
    }
    if (!m_json) {
        connect(m_reply, &ReplyOrchestrator::textReceived, this,
            [](const QString &text) { CliContext::writeOut(text); });
    }
    connect(m_reply, &ReplyOrchestrator::retryScheduled, this,
        [this](int, int, qint64 delayMs, const QString &reason) {
            // Short retries go unnoticed; a wait the user would notice is explained.
            if (!m_verbose && delayMs >= 1000)
                CliContext::writeWarning(
                    u"retrying in %1 s: %2"_s.arg(double(delayMs) / 1000.0, 0, 'f', 1).arg(reason));
        });
    connect(m_reply, &ReplyOrchestrator::finished, this, &ChatCommand::onFinished);
    m_reply->start();
    return std::nullopt;
}

std::optional<int> ChatCommand::startRecording()
{
    if (!m_record)
        return std::nullopt;
    ConversationStore *store = m_context.historyStore();
    if (!store) {
        if (m_continueLatest || m_conversationId)
            return StorageFailure;
        CliContext::writeWarning(u"this chat is not recorded in the history"_s);
        return std::nullopt;
    }
    if (m_continueLatest) {
        const auto latest = store->latestConversationId();
        if (!latest) {
            CliContext::writeError(u"there is no conversation to continue yet"_s);
            return UsageError;
        }
        m_conversationId = *latest;
    }
    m_recorder = new ConversationRecorder(store, this);
    connect(m_recorder, &ConversationRecorder::failed, this, [this](const QString &error) {
        // The reply matters more than its record: say so once and go on.
        if (!std::exchange(m_recordingFailed, true))
            CliContext::writeWarning(u"the history could not be written: %1"_s.arg(error));
    });
    const ChatMessage prompt = m_request.messages.constLast();
    const bool systemGiven
        = m_request.messages.constFirst().speaker == ChatMessage::Speaker::System;
    ConversationSettings settings; // what a new conversation keeps, as the app would
    if (systemGiven)
        settings.systemPrompt = m_request.messages.constFirst().text;
    settings.temperature = m_request.temperature;
    QString error;
    if (!m_recorder->begin(
            m_conversationId, prompt.text, m_request.model.fullName(), &error, settings)) {
        CliContext::writeError(error);
        if (m_conversationId)
            return UsageError; // no such conversation
        // The history cannot take a new conversation (read-only, full): the chat goes on,
        // unrecorded, as when the database cannot be opened at all.
        CliContext::writeWarning(u"this chat is not recorded in the history"_s);
        delete std::exchange(m_recorder, nullptr);
        return std::nullopt;
    }
    // Earlier turns go between the system prompt (if any) and the new prompt. A --system given
    // now replaces the conversation's own: the API takes one system message, first.
    QList<ChatMessage> earlier = m_recorder->context();
    if (systemGiven && !earlier.isEmpty()
        && earlier.constFirst().speaker == ChatMessage::Speaker::System)
        earlier.removeFirst();
    m_request.messages.removeLast();
    m_request.messages += earlier;
    m_request.messages.append(prompt);
    m_promptId = m_recorder->recordPrompt(prompt, &error, m_mentions);
    if (m_promptId == 0)
        Q_EMIT m_recorder->failed(error);
    return std::nullopt;
}

void ChatCommand::applyContext()
{
    if (m_items.isEmpty())
        return;
    // Cody's prompt: its preamble (with --system or the conversation's system prompt in it), the
    // context messages, then the earlier turns and the prompt, within the model's window.
    const ModelInfo *info = m_context.catalog().find(m_request.model);
    PromptBuilder::Input input;
    input.model = m_request.model.wireName();
    input.transcript = m_request.messages;
    input.items = m_items;
    input.window = ContextBudget::Window::forModel(
        info ? info->maxInputTokens : 0, m_request.model.modelId());
    const PromptBuilder::Result prompt = PromptBuilder::build(input);
    m_request.messages = prompt.messages;
    m_items = prompt.items;
    QString error;
    if (m_recorder && m_promptId && !m_recorder->recordContext(m_promptId, m_items, &error))
        Q_EMIT m_recorder->failed(error);
    if (prompt.omittedMessages > 0)
        CliContext::writeWarning(ContextWindow::omittedNote(prompt.omittedMessages));
    for (const ContextItem &item : std::as_const(m_items)) {
        if (item.source == ContextItem::Source::User && !item.omittedReason.isEmpty())
            CliContext::writeWarning(
                u"%1 left out: %2"_s.arg(MentionArguments::argumentFor(item), item.omittedReason));
    }
}

void ChatCommand::cancel()
{
    if (m_gathering)
        m_gathering->cancel();
    if (m_catalogCall)
        m_catalogCall->cancel();
    if (m_reply)
        m_reply->cancel();
}

void ChatCommand::onFinished(const CompletionResult &result)
{
    if (m_reply)
        m_reply->deleteLater();
    const Error &error = result.error;
    if (m_json)
        printJson(result);
    else if (!result.text.isEmpty() || !error.isError())
        CliContext::writeOut(u"\n");
    if (!result.note.isEmpty())
        CliContext::writeWarning(result.note);
    // Kept because the user chose it, but said: it may stop answering one day.
    if (const ModelInfo *info = m_context.catalog().find(m_request.model);
        info && info->isDeprecated())
        CliContext::writeWarning(
            u"%1 is deprecated on this server and may stop answering"_s.arg(m_modelName));
    if (error.kind == ErrorKind::Cancelled)
        CliContext::writeError(u"interrupted"_s);
    else if (error.kind == ErrorKind::Timeout)
        CliContext::writeError(error.message + u"; raise it with --idle-timeout"_s);
    else if (error.kind == ErrorKind::Auth)
        CliContext::writeError(
            error.message + u"; check LLM_API_KEY or run 'cody-chat-cli auth login'"_s);
    else if (error.isError())
        CliContext::writeError(error.message);
    Q_EMIT done(exitCodeFor(error.kind));
}

void ChatCommand::printJson(const CompletionResult &result) const
{
    QJsonObject object {
        {u"model"_s, result.model.fullName()},
        {u"text"_s, result.text},
        {u"stopReason"_s, result.stopReason},
        {u"segments"_s, result.segments},
        {u"truncated"_s, result.truncated},
    };
    if (result.usage) {
        object.insert(u"usage"_s,
            QJsonObject {{u"prompt_tokens"_s, result.usage->promptTokens},
                {u"completion_tokens"_s, result.usage->completionTokens},
                {u"total_tokens"_s, result.usage->totalTokens()}});
    } else {
        object.insert(u"usage"_s, QJsonValue::Null);
    }
    const auto cost = m_context.catalog().estimateCost(
        result.model, result.usage, result.promptCharacters, result.text.size());
    object.insert(u"costEstimate"_s,
        QJsonObject {
            {u"usd"_s, cost.priceKnown ? QJsonValue(cost.usd) : QJsonValue(QJsonValue::Null)},
            {u"inputTokens"_s, cost.inputTokens},
            {u"outputTokens"_s, cost.outputTokens},
            {u"estimated"_s, cost.tokensEstimated},
        });
    if (!result.note.isEmpty())
        object.insert(u"note"_s, result.note);
    if (!m_mentions.isEmpty())
        object.insert(u"context"_s, MentionArguments::toJson(m_items));
    if (result.error.isError()) {
        object.insert(u"error"_s,
            QJsonObject {{u"kind"_s, errorKindName(result.error.kind)},
                {u"message"_s, result.error.message}});
    }
    CliContext::writeOut(QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Indented)));
}

} // namespace cody::cli
