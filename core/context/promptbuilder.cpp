// SPDX-License-Identifier: Apache-2.0
#include "context/promptbuilder.h"

#include "cody/tokenusage.h"
#include "context/contextdeduplication.h"
#include "context/contextrendering.h"
#include "context/promptpreamble.h"
#include "context/transcriptfit.h"

using namespace Qt::StringLiterals;

namespace cody {

struct PromptBuilder::Plan
{
    Result result;
    QList<ChatMessage> preamble;
    QList<ChatMessage> conversation; ///< the transcript without system messages, mixin applied
    qsizetype keptStart = 0; ///< the first message of `conversation` that is sent
    QStringList sentMessages; ///< context messages in priority order (first = nearest question)
};

namespace {

qint64 tokensOf(const QList<ChatMessage> &messages)
{
    qint64 tokens = 0;
    for (const ChatMessage &message : messages)
        tokens += estimatedMessageTokens(message.text.size());
    return tokens;
}

/// Indices of `items`, user-added ones first, each group in its given order.
QList<qsizetype> priorityOrder(const QList<ContextItem> &items)
{
    QList<qsizetype> order;
    order.reserve(items.size());
    for (const auto source : {ContextItem::Source::User, ContextItem::Source::Retrieved}) {
        for (qsizetype i = 0; i < items.size(); ++i) {
            if (items.at(i).source == source)
                order.append(i);
        }
    }
    return order;
}

bool retrievedFrom(const ContextItem &chunk, const ContextItem &scope)
{
    if (chunk.source != ContextItem::Source::Retrieved || chunk.repoName != scope.repoName)
        return false;
    if (scope.kind != ContextItem::Kind::RemoteFolder)
        return true;
    QString folder = scope.path;
    while (folder.startsWith(u'/'))
        folder.remove(0, 1);
    if (!folder.isEmpty() && !folder.endsWith(u'/'))
        folder += u'/';
    QStringView path = chunk.path;
    while (path.startsWith(u'/'))
        path = path.mid(1);
    return path.startsWith(folder);
}

} // namespace

PromptBuilder::Plan PromptBuilder::plan(const Input &input)
{
    Plan plan;
    Result &result = plan.result;

    // Cody's preamble first; the user's own system prompt goes into it.
    QString instructions = input.instructions;
    for (const ChatMessage &message : input.transcript) {
        if (message.speaker != ChatMessage::Speaker::System) {
            plan.conversation.append(message);
            continue;
        }
        if (!message.text.trimmed().isEmpty())
            instructions += (instructions.isEmpty() ? QString() : u"\n\n"_s) + message.text;
    }
    plan.preamble = PromptPreamble::messages(input.model, input.apiVersion, instructions);
    result.preambleTokens = tokensOf(plan.preamble);

    for (auto it = plan.conversation.rbegin(); it != plan.conversation.rend(); ++it) {
        if (it->speaker == ChatMessage::Speaker::Human) {
            it->text = PromptPreamble::withMixin(it->text, input.model);
            break;
        }
    }

    // The transcript before any context: older turns go first, whole turns at a time.
    const TranscriptFit::Kept kept = TranscriptFit::fit(
        TranscriptFit::sizesOf(plan.conversation), 0, result.preambleTokens, input.window.input);
    plan.keptStart = kept.start;
    result.inputBudget = input.window.input;
    result.omittedMessages = int(kept.start);
    result.fits = kept.fits;
    result.transcriptTokens = kept.tokens - result.preambleTokens;
    if (!kept.fits) {
        result.error = tr("the message is too long: about %1 tokens with Cody's preamble, and the "
                          "model accepts %2; shorten it or choose a model with a larger window")
                           .arg(kept.tokens)
                           .arg(input.window.input);
    }

    ContextBudget budget(input.window, kept.tokens);
    result.items = input.items;
    QList<ContextItem> sent; // priority order, for deduplication
    QList<qsizetype> scopes;
    for (const qsizetype index : priorityOrder(input.items)) {
        ContextItem &item = result.items[index];
        item.sent = false;
        item.tokens = 0;
        const auto form = ContextRendering::templateFor(item, input.items);
        if (form == ContextRendering::Template::None) {
            scopes.append(index);
            continue;
        }
        const QString message = ContextRendering::render(
            item, form, promptFormatFor(input.apiVersion), input.localRoot);
        if (!message.isEmpty())
            item.tokens = ContextBudget::itemTokens(message);
        if (!item.omittedReason.isEmpty())
            continue; // left out before the prompt (context filters, a failed fetch)
        if (message.isEmpty()) {
            item.omittedReason = tr("empty: nothing to send");
            continue;
        }
        if (!kept.fits) {
            item.omittedReason = tr("no room: the question alone exceeds the model's input limit");
            continue;
        }
        if (const qsizetype original = ContextDeduplication::duplicateOf(item, sent);
            original >= 0) {
            item.omittedReason = tr("duplicate of %1").arg(sent.at(original).displayName());
            continue;
        }
        if (!budget.charge(item.source, item.tokens)) {
            item.omittedReason = ContextBudget::exceeds(item.tokens, budget.left(item.source));
            continue;
        }
        item.sent = true;
        sent.append(item);
        plan.sentMessages.append(message);
    }

    // A repository or folder is "sent" when something retrieved from it was.
    for (const qsizetype index : std::as_const(scopes)) {
        ContextItem &scope = result.items[index];
        if (!scope.omittedReason.isEmpty())
            continue;
        const auto from
            = [&scope](const ContextItem &chunk) { return retrievedFrom(chunk, scope); };
        scope.sent = std::any_of(sent.cbegin(), sent.cend(), from);
        if (scope.sent)
            continue;
        scope.omittedReason = std::any_of(input.items.cbegin(), input.items.cend(), from)
            ? tr("nothing retrieved from it was sent")
            : tr("nothing was retrieved from it");
    }

    result.userTokens = budget.used(ContextItem::Source::User);
    result.userBudget = budget.budget(ContextItem::Source::User);
    result.corpusTokens = budget.used(ContextItem::Source::Retrieved);
    result.corpusBudget = budget.budget(ContextItem::Source::Retrieved);
    result.estimatedTokens = kept.tokens + result.userTokens + result.corpusTokens;
    result.omittedItems = int(std::count_if(result.items.cbegin(), result.items.cend(),
        [](const ContextItem &item) { return !item.omittedReason.isEmpty(); }));
    return plan;
}

PromptBuilder::Result PromptBuilder::measure(const Input &input)
{
    return plan(input).result;
}

PromptBuilder::Result PromptBuilder::build(const Input &input)
{
    Plan planned = plan(input);
    Result &result = planned.result;
    QList<ChatMessage> &messages = result.messages;
    messages.reserve(planned.preamble.size() + 2 * planned.sentMessages.size()
        + planned.conversation.size() - planned.keptStart);
    messages.append(planned.preamble);
    // Cody builds its list newest first and reverses it: the context that matters most ends
    // up nearest the conversation.
    for (auto it = planned.sentMessages.crbegin(); it != planned.sentMessages.crend(); ++it) {
        messages.append({ChatMessage::Speaker::Human, *it});
        messages.append({ChatMessage::Speaker::Assistant, ContextRendering::acknowledgement()});
    }
    messages.append(planned.conversation.mid(planned.keptStart));
    return result;
}

} // namespace cody
