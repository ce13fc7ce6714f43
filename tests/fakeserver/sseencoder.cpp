// SPDX-License-Identifier: Apache-2.0
#include "sseencoder.h"

#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace cody::test {

SseEncoder::SseEncoder(int apiVersion, bool includeUsage, QByteArray lineEnd)
    : m_apiVersion(apiVersion)
    , m_includeUsage(includeUsage)
    , m_lineEnd(std::move(lineEnd))
{ }

QList<QByteArray> SseEncoder::completion(
    const QString &text, const QString &stopReason, qsizetype promptChars) const
{
    QStringList deltas = splitDeltas(text);
    if (deltas.isEmpty())
        deltas.append(QString());
    QList<QByteArray> events;
    QString soFar;
    for (qsizetype i = 0; i < deltas.size(); ++i) {
        soFar += deltas.at(i);
        const bool last = i + 1 == deltas.size();
        if (!last) {
            events.append(completionEvent(deltas.at(i), soFar, QString()));
            continue;
        }
        QJsonObject data;
        if (m_apiVersion >= 2)
            data.insert(u"deltaText"_s, deltas.at(i));
        else
            data.insert(u"completion"_s, soFar);
        if (!m_omitStopReason)
            data.insert(u"stopReason"_s, stopReason);
        if (m_includeUsage) {
            const qint64 completionTokens = tokensFor(text.size());
            const qint64 promptTokens = tokensFor(promptChars);
            data.insert(u"usage"_s,
                QJsonObject {{u"completion_tokens"_s, completionTokens},
                    {u"prompt_tokens"_s, promptTokens},
                    {u"total_tokens"_s, completionTokens + promptTokens}});
        }
        events.append(event("completion", goJson(data)));
    }
    return events;
}

QByteArray SseEncoder::completionEvent(
    const QString &deltaText, const QString &textSoFar, const QString &stopReason) const
{
    QJsonObject data;
    if (m_apiVersion >= 2)
        data.insert(u"deltaText"_s, deltaText);
    else
        data.insert(u"completion"_s, textSoFar);
    if (!m_omitStopReason)
        data.insert(u"stopReason"_s, stopReason);
    return event("completion", goJson(data));
}

QByteArray SseEncoder::error(const QString &message) const
{
    return event("error", goJson(QJsonObject {{u"error"_s, message}}));
}

QByteArray SseEncoder::done() const
{
    return event("done", "{}");
}

QByteArray SseEncoder::event(QByteArrayView name, QByteArrayView data) const
{
    return "event: " + name.toByteArray() + m_lineEnd + "data: " + data.toByteArray() + m_lineEnd
        + m_lineEnd;
}

QByteArray SseEncoder::comment(QByteArrayView text) const
{
    return ": " + text.toByteArray() + m_lineEnd + m_lineEnd;
}

QByteArray SseEncoder::goJson(const QJsonObject &object)
{
    QByteArray json = QJsonDocument(object).toJson(QJsonDocument::Compact);
    // These bytes only occur inside JSON strings, so replacing them everywhere is safe.
    json.replace('&', "\\u0026").replace('<', "\\u003c").replace('>', "\\u003e");
    json.replace("\xe2\x80\xa8", "\\u2028").replace("\xe2\x80\xa9", "\\u2029");
    return json;
}

qsizetype SseEncoder::promptChars(const QJsonArray &messages)
{
    qsizetype chars = 0;
    for (const QJsonValue &message : messages)
        chars += message.toObject().value(u"text"_s).toString().size();
    return chars;
}

QStringList SseEncoder::splitDeltas(const QString &text, qsizetype size)
{
    QStringList deltas;
    qsizetype start = 0;
    while (start < text.size()) {
        qsizetype end = std::min(start + size, text.size());
        if (end < text.size() && text.at(end).isLowSurrogate())
            ++end;
        deltas.append(text.mid(start, end - start));
        start = end;
    }
    return deltas;
}

} // namespace cody::test
