// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace cody {

/**
 * @brief The text of the keyword rewrite Cody runs before retrieval, and the reading of its
 * answer (pure). context.md §1c, FX/28.
 */
class KeywordQuery
{
public:
    /// The question with the text of its @-mention chips taken out, whitespace tidied
    /// ("what does @github.com/org/repo do?" → "what does do?").
    static QString withoutMentions(const QString &question, const QStringList &mentionTexts);

    /// The completions body: `fast: true`, no model, Cody's two-message preamble and the
    /// keyword prompt of FX/28 around the question, maxTokensToSample 400, temperature 0, topK 1.
    static QByteArray requestBody(const QString &question);

    /// The search query in a rewrite answer; empty when there is none. Cody HEAD's answer form
    /// `<query>…</query>` is taken as it is; FX/28's `<keywords><keyword><value>…</value>…` gives
    /// the words of every value, each once, sorted and joined by spaces (FX/28's answer becomes
    /// FX/22's query "overview squirrel"). A `<keyword>` without `<value>` counts with its text.
    static QString parseAnswer(const QString &answer);
};

} // namespace cody
