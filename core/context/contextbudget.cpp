// SPDX-License-Identifier: Apache-2.0
#include "context/contextbudget.h"

#include "cody/tokenusage.h"
#include "context/contextrendering.h"

#include <QRegularExpression>

#include <cmath>

using namespace Qt::StringLiterals;

namespace cody {

namespace {

// floor(share × tokens) without floating point: exact for every qint64 a window can hold.
qint64 percentOf(qint64 tokens, int percent)
{
    return tokens <= 0 ? 0 : tokens * percent / 100;
}

} // namespace

ContextBudget::Window ContextBudget::Window::forModel(
    qint64 maxInputTokens, const QString &modelName, qint64 maxUserInputTokens)
{
    Window window;
    if (maxInputTokens <= 0)
        return window;
    // Cody (models/sync.ts): cl100k undercounts Mistral's tokens by about 13 %.
    static const QRegularExpression mistral(u"^mi[xs]tral"_s);
    if (mistral.match(modelName).hasMatch())
        maxInputTokens = std::llround(double(maxInputTokens) * 0.85);
    window.input = maxInputTokens;
    if (maxInputTokens == ExtendedInputTokens + ExtendedUserContextTokens) {
        window.input = ExtendedInputTokens;
        window.userContext = ExtendedUserContextTokens;
    }
    if (maxUserInputTokens > 0 && maxInputTokens > maxUserInputTokens) {
        window.input = maxUserInputTokens;
        window.userContext = maxInputTokens - maxUserInputTokens;
    }
    return window;
}

ContextBudget::ContextBudget(Window window, qint64 chatTokens)
    : m_window(window)
    , m_remaining(std::max<qint64>(0, window.input - chatTokens))
{ }

qint64 ContextBudget::budget(ContextItem::Source source) const
{
    if (source == ContextItem::Source::User)
        return m_window.separate() ? m_window.userContext : m_remaining - m_corpus;
    return percentOf(m_window.separate() ? m_remaining : m_remaining - m_user, CorpusPercent);
}

qint64 ContextBudget::used(ContextItem::Source source) const
{
    return source == ContextItem::Source::User ? m_user : m_corpus;
}

bool ContextBudget::charge(ContextItem::Source source, qint64 tokens)
{
    if (tokens > left(source))
        return false;
    (source == ContextItem::Source::User ? m_user : m_corpus) += tokens;
    return true;
}

qint64 ContextBudget::itemTokens(const QString &message)
{
    return estimatedMessageTokens(message.size())
        + estimatedMessageTokens(ContextRendering::acknowledgement().size());
}

QString ContextBudget::exceeds(qint64 tokens, qint64 left)
{
    return tr("would exceed the context budget: about %1 tokens, %2 left")
        .arg(tokens)
        .arg(std::max<qint64>(0, left));
}

} // namespace cody
