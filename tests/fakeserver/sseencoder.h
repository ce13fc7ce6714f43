// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace cody::test {

// Writes server-sent events the way the real completions endpoint does: `event:` and `data:`
// lines, JSON encoded like Go, deltaText (api-version >= 2) or the full text so far (<= 1).
class SseEncoder
{
public:
    SseEncoder(int apiVersion, bool includeUsage, QByteArray lineEnd = "\n");

    // One completion event per delta of about eight characters; the last one carries the stop
    // reason and, when enabled, token usage. Empty text still yields one event.
    QList<QByteArray> completion(
        const QString &text, const QString &stopReason, qsizetype promptChars) const;
    // One completion event whose data holds this delta (or full text at api-version <= 1).
    QByteArray completionEvent(
        const QString &deltaText, const QString &textSoFar, const QString &stopReason) const;
    QByteArray error(const QString &message) const;
    QByteArray done() const;
    QByteArray event(QByteArrayView name, QByteArrayView data) const;
    QByteArray comment(QByteArrayView text) const;
    // Events without any stopReason field, as Gemini's replies arrive (recording 06).
    void omitStopReason() { m_omitStopReason = true; }

    // Compact JSON with <, > and & escaped as Go's encoding/json does.
    static QByteArray goJson(const QJsonObject &object);
    // Splits by about size UTF-16 units without separating a surrogate pair.
    static QStringList splitDeltas(const QString &text, qsizetype size = 8);
    static qsizetype tokensFor(qsizetype chars) { return (chars + 3) / 4; }
    // The characters of every message's text: what usage's prompt_tokens is estimated from.
    static qsizetype promptChars(const QJsonArray &messages);

private:
    int m_apiVersion;
    bool m_includeUsage;
    bool m_omitStopReason = false;
    QByteArray m_lineEnd;
};

} // namespace cody::test
