// SPDX-License-Identifier: Apache-2.0
#include "context/keywordquery.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace cody {

namespace {

QString unescapeXml(QString text)
{
    text.replace(u"&lt;"_s, u"<"_s);
    text.replace(u"&gt;"_s, u">"_s);
    text.replace(u"&quot;"_s, u"\""_s);
    text.replace(u"&apos;"_s, u"'"_s);
    text.replace(u"&amp;"_s, u"&"_s);
    return text;
}

QString stripTags(const QString &text)
{
    static const QRegularExpression tag(u"<[^>]*>"_s);
    return QString(text).replace(tag, u" "_s);
}

} // namespace

QString KeywordQuery::withoutMentions(const QString &question, const QStringList &mentionTexts)
{
    QString text = question;
    // Longest first, so that "@repo/dir" goes before a shorter "@repo" could split it.
    QStringList mentions = mentionTexts;
    std::sort(mentions.begin(), mentions.end(),
        [](const QString &a, const QString &b) { return a.size() > b.size(); });
    for (const QString &mention : std::as_const(mentions)) {
        if (!mention.isEmpty())
            text.replace(mention, u" "_s);
    }
    return text.simplified();
}

QByteArray KeywordQuery::requestBody(const QString &question)
{
    const QString prompt
        = u"You are helping the user search over a codebase. List some filename fragments that "
          "would match files relevant to read to answer the user's query. Present your results in "
          "a *single* XML list in the following format: <keywords><keyword><value>a single "
          "keyword</value><variants>a space separated list of synonyms and variants of the "
          "keyword, including acronyms, abbreviations, and expansions</variants><weight>a "
          "numerical weight between 0.0 and 1.0 that indicates the importance of the "
          "keyword</weight></keyword></keywords>. Here is the user query: <userQuery>%1</userQuery>"_s
              .arg(question);
    // FX/28 also ends with an empty assistant message, which it could send without an
    // api-version; at api-version 1 the server refuses empty messages (FX/02), so it is left out.
    const QJsonArray messages {
        QJsonObject {{u"speaker"_s, u"human"_s},
            {u"text"_s, u"You are Cody, an AI coding assistant from Sourcegraph."_s}},
        QJsonObject {{u"speaker"_s, u"assistant"_s},
            {u"text"_s, u"I am Cody, an AI coding assistant from Sourcegraph."_s}},
        QJsonObject {{u"speaker"_s, u"human"_s}, {u"text"_s, prompt}},
    };
    const QJsonObject body {
        {u"fast"_s, true},
        {u"maxTokensToSample"_s, 400},
        {u"messages"_s, messages},
        {u"temperature"_s, 0},
        {u"topK"_s, 1},
    };
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

QString KeywordQuery::parseAnswer(const QString &answer)
{
    static const QRegularExpression query(
        u"<query>(.*?)</query>"_s, QRegularExpression::DotMatchesEverythingOption);
    if (const auto match = query.match(answer); match.hasMatch())
        return unescapeXml(match.captured(1)).simplified();

    static const QRegularExpression keyword(
        u"<keyword>(.*?)</keyword>"_s, QRegularExpression::DotMatchesEverythingOption);
    static const QRegularExpression value(
        u"<value>(.*?)</value>"_s, QRegularExpression::DotMatchesEverythingOption);
    QStringList words;
    for (auto it = keyword.globalMatch(answer); it.hasNext();) {
        const QString inner = it.next().captured(1);
        const auto valueMatch = value.match(inner);
        const QString text = valueMatch.hasMatch() ? valueMatch.captured(1) : stripTags(inner);
        for (const QString &word : unescapeXml(text).split(u' ', Qt::SkipEmptyParts)) {
            const QString trimmed = word.trimmed();
            if (!trimmed.isEmpty() && !words.contains(trimmed))
                words.append(trimmed);
        }
    }
    // Cody's `[...new Set(words)].sort().join(' ')`: UTF-16 order, as QString compares.
    std::sort(words.begin(), words.end());
    return words.join(u' ');
}

} // namespace cody
