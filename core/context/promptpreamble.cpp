// SPDX-License-Identifier: Apache-2.0
#include "context/promptpreamble.h"

using namespace Qt::StringLiterals;

namespace cody {

QString PromptPreamble::introduction()
{
    return u"You are Cody, an AI coding assistant from Sourcegraph."_s;
}

QString PromptPreamble::chatPreamble()
{
    // DEFAULT_PREAMBLE + SMART_APPLY_PREAMBLE + TERMINAL_TOOL_PREAMBLE, concatenated without a
    // separator exactly as Cody does (hence "Sourcegraph.If"), as recorded in FX/31 and FX/32.
    return introduction()
        + u"If your answer contains fenced code blocks in Markdown, include the relevant full "
          "file path in the code block tag using this structure: ```$LANGUAGE:$FILEPATH```\n"
          "For executable terminal commands: enclose each command in individual \"bash\" "
          "language code block without comments and new lines inside."_s
        + u"\n\nCheck if you have access to terminal/shell tools. If so, use it to execute "
          "commands to gather information. The terminal output is included in your context. You "
          "can reference and analyze this output in your response."_s;
}

QString PromptPreamble::acknowledgement()
{
    return u"I am Cody, an AI coding assistant from Sourcegraph."_s;
}

QList<ChatMessage> PromptPreamble::messages(
    const QString &model, int apiVersion, const QString &instructions)
{
    // Cody joins them as `${preamble}\n\n${preInstruction}`.trim() (2024: with a space).
    const bool legacy = promptFormatFor(apiVersion) == PromptFormat::Legacy;
    const QString separator = legacy ? u" "_s : u"\n\n"_s;
    const QString joined = (legacy ? introduction() : chatPreamble()) + separator + instructions;
    const QString intro = joined.trimmed();
    // Cody: "API Version 1 onward support system prompts, however only enable it for Claude 3
    // models for now".
    if (apiVersion >= 1 && model.contains("claude-3"_L1))
        return {{ChatMessage::Speaker::System, intro}};
    return {
        {ChatMessage::Speaker::Human, intro}, {ChatMessage::Speaker::Assistant, acknowledgement()}};
}

QString PromptPreamble::withMixin(const QString &question, const QString &model)
{
    if (question.isEmpty())
        return question;
    if (!model.contains("3-5-sonnet"_L1) && !model.contains("3.5-sonnet"_L1))
        return question;
    // Cody joins its mixins and trims them, so the trailing space of "…apologizing. " goes.
    return u"Answer positively without apologizing.\n\nQuestion: "_s + question;
}

} // namespace cody
