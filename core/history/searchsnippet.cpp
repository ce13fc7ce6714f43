// SPDX-License-Identifier: Apache-2.0
#include "history/searchsnippet.h"

#include <QList>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace cody {

namespace {

struct Token
{
    qsizetype start = 0;
    qsizetype end = 0;
};

bool isTokenChar(QChar c)
{
    return c.isLetterOrNumber() || c.isMark() || c.isSurrogate();
}

// The words of `text` as the tokenizer splits them: runs of letters, digits and marks.
QList<Token> tokenize(QStringView text)
{
    QList<Token> tokens;
    qsizetype i = 0;
    while (i < text.size()) {
        while (i < text.size() && !isTokenChar(text[i]))
            ++i;
        const qsizetype start = i;
        while (i < text.size() && isTokenChar(text[i]))
            ++i;
        if (i > start)
            tokens.append({start, i});
    }
    return tokens;
}

} // namespace

SearchSnippet::SearchSnippet(const QStringList &words, bool lastIsPrefix)
{
    for (qsizetype w = 0; w < words.size(); ++w) {
        const QList<Token> tokens = tokenize(words[w]);
        for (qsizetype t = 0; t < tokens.size(); ++t) {
            const QString token
                = fold(QStringView(words[w]).mid(tokens[t].start, tokens[t].end - tokens[t].start));
            if (lastIsPrefix && w == words.size() - 1 && t == tokens.size() - 1)
                m_prefix = token;
            else
                m_exact.append(token);
        }
    }
}

QString SearchSnippet::fold(QStringView word)
{
    const bool ascii
        = std::all_of(word.begin(), word.end(), [](QChar c) { return c.unicode() < 0x80; });
    if (ascii)
        return word.toString().toLower();
    QString folded = word.toString().toLower().normalized(QString::NormalizationForm_KD);
    folded.removeIf([](QChar c) { return c.isMark(); });
    return folded;
}

bool SearchSnippet::matches(QStringView word) const
{
    const QString folded = fold(word);
    return m_exact.contains(folded) || (!m_prefix.isEmpty() && folded.startsWith(m_prefix));
}

QString SearchSnippet::make(const QString &text, int length) const
{
    const QList<Token> tokens = tokenize(text);
    if (tokens.isEmpty())
        return {};
    const auto view
        = [&](const Token &t) { return QStringView(text).mid(t.start, t.end - t.start); };
    qsizetype first = 0;
    while (first < tokens.size() && !matches(view(tokens[first])))
        ++first;
    if (first == tokens.size())
        first = 0;
    // A quarter of the words before the match, so it reads in context.
    const qsizetype from
        = std::max<qsizetype>(0, std::min(first - length / 4, tokens.size() - length));
    const qsizetype to = std::min<qsizetype>(tokens.size(), from + length);
    // Whole at an end of the text, punctuation included; "…" where it is cut.
    QString out = from > 0 ? u"…"_s : text.left(tokens[0].start).trimmed();
    for (qsizetype i = from; i < to; ++i) {
        if (i > from)
            out += QStringView(text).mid(tokens[i - 1].end, tokens[i].start - tokens[i - 1].end);
        if (matches(view(tokens[i])))
            out += u"[["_s + view(tokens[i]) + u"]]"_s;
        else
            out += view(tokens[i]);
    }
    if (to < tokens.size())
        out += u"…"_s;
    else
        out += QStringView(text).mid(tokens.last().end).trimmed();
    return out;
}

} // namespace cody
