// SPDX-License-Identifier: Apache-2.0
#include "chat/replyrequestbuilder.h"

#include "chat/contextwindow.h"
#include "cody/modelcatalog.h"

namespace cody {

namespace {

/// `items` as a request sends them again (regenerate, retry, continue, "What was sent"): what
/// the last prompt decided about fitting is decided anew for this one — the model may have
/// changed — while what gathering decided stays (a repository that does not exist, a file the
/// context filters exclude or that could not be read: those have no content to send).
QList<ContextItem> redecided(QList<ContextItem> items)
{
    const auto retrievedFrom = [&items](const ContextItem &scope) {
        return std::any_of(items.cbegin(), items.cend(), [&scope](const ContextItem &item) {
            return item.source == ContextItem::Source::Retrieved && item.repoName == scope.repoName;
        });
    };
    for (ContextItem &item : items) {
        if (item.isScope() ? retrievedFrom(item) : !item.content.isEmpty())
            item.omittedReason.clear();
    }
    return items;
}

} // namespace

ReplyRequestBuilder::ReplyRequestBuilder(const MessageModel &messages, ContextOf contextOf)
    : m_messages(messages)
    , m_contextOf(std::move(contextOf))
{ }

PromptBuilder::Result ReplyRequestBuilder::measure(
    const Parameters &p, const QString &prompt, const QList<ContextItem> &items) const
{
    QList<ChatMessage> transcript = transcriptOf(m_messages.rowCount());
    transcript.append({ChatMessage::Speaker::Human, prompt});
    return PromptBuilder::measure(promptInput(p, transcript, items));
}

QString ReplyRequestBuilder::tooLongToSend(const Parameters &p, const QString &prompt)
{
    const ModelInfo *info = p.catalog ? p.catalog->find(p.model) : nullptr;
    if (!info)
        return {}; // limits unknown: the server decides
    QList<ChatMessage> question;
    if (!p.settings.systemPrompt.trimmed().isEmpty())
        question.append({ChatMessage::Speaker::System, p.settings.systemPrompt});
    question.append({ChatMessage::Speaker::Human, prompt});
    const int maxTokens = p.settings.maxTokens.value_or(p.defaultMaxTokens);
    const int output = info->maxOutputTokens > 0
        ? int(std::min<qint64>(maxTokens, info->maxOutputTokens))
        : maxTokens;
    const QString tooLong
        = ContextWindow::tooLong(question, info->ref.modelId(), info->maxInputTokens, output);
    return tooLong.isEmpty() ? QString() : tr("the message is too long: %1").arg(tooLong);
}

QList<ChatMessage> ReplyRequestBuilder::transcriptOf(int rows) const
{
    // The whole conversation is the context; failed or empty replies are not part of it.
    QList<ChatMessage> transcript;
    for (int row = 0; row < rows; ++row) {
        const auto &message = m_messages.message(row);
        if (message.state == MessageModel::State::Failed || message.text.trimmed().isEmpty())
            continue;
        transcript.append({message.speaker, message.text});
    }
    return transcript;
}

PromptBuilder::Input ReplyRequestBuilder::promptInput(
    const Parameters &p, const QList<ChatMessage> &transcript, const QList<ContextItem> &items)
{
    const ModelInfo *info = p.catalog ? p.catalog->find(p.model) : nullptr;
    PromptBuilder::Input input;
    input.model = p.model.wireName();
    input.instructions
        = p.settings.systemPrompt.trimmed().isEmpty() ? QString() : p.settings.systemPrompt;
    input.transcript = transcript;
    input.items = items;
    input.window
        = ContextBudget::Window::forModel(info ? info->maxInputTokens : 0, p.model.modelId());
    return input;
}

CompletionRequest ReplyRequestBuilder::build(const Parameters &p, int rows,
    const QString &resumeText, QString *notice, QList<ContextItem> *context) const
{
    CompletionRequest request;
    request.model = p.model;
    request.maxTokens = p.settings.maxTokens.value_or(p.defaultMaxTokens);
    request.temperature = p.settings.temperature;
    request.autoContinue = p.autoContinue;
    request.maxContinuations = p.maxContinuations;
    QList<ChatMessage> transcript = transcriptOf(rows);
    // A reply being continued counts against the input limit too (it is sent as the last turn).
    if (!resumeText.isEmpty())
        transcript.append({ChatMessage::Speaker::Assistant, resumeText});

    const ModelInfo *info = p.catalog ? p.catalog->find(p.model) : nullptr;
    // The question's context is sent with it (the last human message's).
    const int question = questionRow(rows);
    QList<ContextItem> items = question >= 0 ? m_contextOf(question) : QList<ContextItem>();
    if (!items.isEmpty()) {
        // Codebase context goes in Cody's prompt (PromptBuilder), which also leaves out the
        // oldest turns that do not fit; every item comes back with its tokens and fate.
        const PromptBuilder::Result prompt
            = PromptBuilder::build(promptInput(p, transcript, redecided(items)));
        request.messages = prompt.messages;
        *notice = prompt.omittedMessages > 0 ? ContextWindow::omittedNote(prompt.omittedMessages)
                                             : QString();
        if (context)
            *context = prompt.items;
    } else {
        if (!p.settings.systemPrompt.trimmed().isEmpty())
            request.messages.append({ChatMessage::Speaker::System, p.settings.systemPrompt});
        request.messages.append(transcript);
        // The oldest turns that do not fit the model's input limit stay out of the request — and
        // the reply says so, never silently.
        if (info && info->maxInputTokens > 0) {
            const int output = info->maxOutputTokens > 0
                ? std::min<qint64>(request.maxTokens, info->maxOutputTokens)
                : request.maxTokens;
            ContextWindow::Fit fit
                = ContextWindow::choose(request.messages, info->maxInputTokens, output);
            request.messages = std::move(fit.messages);
            *notice = fit.omitted > 0 ? ContextWindow::omittedNote(fit.omitted) : QString();
        }
    }
    if (!resumeText.isEmpty()) {
        request.messages.removeLast();
        request.resumeText = resumeText;
    }
    return request;
}

int ReplyRequestBuilder::questionRow(int rows) const
{
    for (int row = rows - 1; row >= 0; --row) {
        const auto &message = m_messages.message(row);
        if (message.speaker == ChatMessage::Speaker::Human && !message.text.trimmed().isEmpty()
            && message.state != MessageModel::State::Failed)
            return row;
    }
    return -1;
}

} // namespace cody
