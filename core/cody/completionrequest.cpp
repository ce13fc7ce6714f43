// SPDX-License-Identifier: Apache-2.0
#include "cody/completionrequest.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace cody {

QString speakerName(ChatMessage::Speaker speaker)
{
    switch (speaker) {
    case ChatMessage::Speaker::System:
        return u"system"_s;
    case ChatMessage::Speaker::Human:
        return u"human"_s;
    case ChatMessage::Speaker::Assistant:
        return u"assistant"_s;
    }
    return u"human"_s;
}

bool isTruncationStopReason(const QString &stopReason)
{
    // Anthropic says max_tokens, OpenAI-style providers length, Gemini MAX_TOKENS (cody-api.md §7).
    return stopReason == "max_tokens"_L1 || stopReason == "length"_L1
        || stopReason == "MAX_TOKENS"_L1;
}

QByteArray completionRequestBody(
    const CompletionRequest &request, const QList<ChatMessage> &transcript)
{
    // Speakers take turns in every recorded request, as Cody's clients send them. A question
    // whose reply failed (or was empty) would be followed by the next question: the two become
    // one human turn, so nothing the user asked is dropped and the turns still alternate.
    QList<ChatMessage> turns;
    for (const auto &message : transcript) {
        // The server rejects empty messages ("message content cannot be empty", FX/02).
        if (message.text.trimmed().isEmpty())
            continue;
        if (!turns.isEmpty() && turns.last().speaker == message.speaker)
            turns.last().text += u"\n\n"_s + message.text;
        else
            turns.append(message);
    }
    QJsonArray messages;
    for (const auto &turn : std::as_const(turns)) {
        messages.append(
            QJsonObject {{u"speaker"_s, speakerName(turn.speaker)}, {u"text"_s, turn.text}});
    }
    QJsonObject body {
        {u"model"_s, request.model.wireName()},
        {u"messages"_s, messages},
        {u"maxTokensToSample"_s, request.maxTokens},
        {u"temperature"_s, request.temperature.value_or(0.0)},
        {u"topK"_s, request.topK.value_or(-1)},
        {u"topP"_s, request.topP.value_or(-1.0)},
    };
    if (!request.stopSequences.isEmpty())
        body.insert(u"stopSequences"_s, QJsonArray::fromStringList(request.stopSequences));
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

} // namespace cody
