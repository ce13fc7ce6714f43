// SPDX-License-Identifier: Apache-2.0
#include "gateway/openaiprotocol.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonValue>

using namespace Qt::StringLiterals;

namespace cody::openai {

namespace {

// The messages go to API clients, not to a person reading the GUI: English, like the API, and
// so not through tr().
HttpError invalid(const QString &message, const QString &code = {})
{
    return {400, message, u"invalid_request_error"_s, code, {}};
}

// A message's content: a string, or text parts ([{type: text, text}]) joined; images and audio
// cannot be sent to Sourcegraph's chat API.
std::optional<QString> contentText(const QJsonValue &content, int index, HttpError *error)
{
    if (content.isString())
        return content.toString();
    if (content.isNull() || content.isUndefined())
        return QString();
    if (!content.isArray()) {
        *error = invalid(
            u"messages[%1].content must be a string or an array of text parts"_s.arg(index));
        return std::nullopt;
    }
    QString text;
    for (const QJsonValue &part : content.toArray()) {
        const QJsonObject object = part.toObject();
        if (object.value(u"type"_s).toString() != u"text") {
            *error = invalid(
                u"messages[%1]: only text content is supported, not \"%2\""_s.arg(index).arg(
                    object.value(u"type"_s).toString()));
            return std::nullopt;
        }
        text += object.value(u"text"_s).toString();
    }
    return text;
}

std::optional<ChatMessage::Speaker> speakerFor(const QString &role)
{
    if (role == u"system" || role == u"developer")
        return ChatMessage::Speaker::System;
    if (role == u"user")
        return ChatMessage::Speaker::Human;
    if (role == u"assistant")
        return ChatMessage::Speaker::Assistant;
    return std::nullopt;
}

bool parseMessages(const QJsonValue &value, ChatRequest *request, HttpError *error)
{
    const QJsonArray messages = value.toArray();
    if (!value.isArray() || messages.isEmpty()) {
        *error = invalid(u"messages must be a non-empty array"_s);
        return false;
    }
    for (int i = 0; i < messages.size(); ++i) {
        const QJsonObject message = messages.at(i).toObject();
        const QString role = message.value(u"role"_s).toString();
        const std::optional<ChatMessage::Speaker> speaker = speakerFor(role);
        if (!speaker) {
            *error = invalid(u"messages[%1].role \"%2\" is not supported (system, developer, "
                             "user or assistant)"_s.arg(i)
                                 .arg(role));
            return false;
        }
        if (message.contains(u"tool_calls"_s) || message.contains(u"function_call"_s)) {
            *error = invalid(u"messages[%1]: tool and function calls are not supported"_s.arg(i));
            return false;
        }
        const std::optional<QString> text = contentText(message.value(u"content"_s), i, error);
        if (!text)
            return false;
        request->messages.append({*speaker, *text});
    }
    // Sourcegraph takes one system message, first; OpenAI clients may send several, anywhere.
    QStringList system;
    request->messages.removeIf([&system](const ChatMessage &message) {
        if (message.speaker != ChatMessage::Speaker::System)
            return false;
        system.append(message.text);
        return true;
    });
    if (!system.isEmpty())
        request->messages.prepend({ChatMessage::Speaker::System, system.join(u"\n\n"_s)});
    return true;
}

template <typename T>
bool optionalNumber(
    const QJsonObject &object, const QString &key, std::optional<T> *out, HttpError *error)
{
    const QJsonValue value = object.value(key);
    if (value.isUndefined() || value.isNull())
        return true;
    if (!value.isDouble()) {
        *error = invalid(u"%1 must be a number"_s.arg(key));
        return false;
    }
    *out = T(value.toDouble());
    return true;
}

} // namespace

QJsonObject HttpError::body() const
{
    return {{u"error"_s,
        QJsonObject {{u"message"_s, message}, {u"type"_s, type}, {u"param"_s, QJsonValue::Null},
            {u"code"_s, code.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(code)}}}};
}

std::optional<ChatRequest> parseChatRequest(const QByteArray &body, HttpError *error)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (!document.isObject()) {
        *error = invalid(parseError.error != QJsonParseError::NoError
                ? u"the body is not JSON: %1"_s.arg(parseError.errorString())
                : u"the body must be a JSON object"_s);
        return std::nullopt;
    }
    const QJsonObject object = document.object();
    ChatRequest request;
    request.model = object.value(u"model"_s).toString();
    if (request.model.isEmpty()) {
        *error = invalid(u"model is required"_s);
        return std::nullopt;
    }
    if (!parseMessages(object.value(u"messages"_s), &request, error))
        return std::nullopt;
    if (object.value(u"n"_s).toInt(1) != 1) {
        *error = invalid(u"n must be 1: one choice per request is supported"_s);
        return std::nullopt;
    }
    if (object.contains(u"tools"_s) || object.contains(u"functions"_s)) {
        *error = invalid(u"tools and functions are not supported"_s);
        return std::nullopt;
    }
    std::optional<double> maxTokens;
    const QString maxKey = object.contains(u"max_completion_tokens"_s) ? u"max_completion_tokens"_s
                                                                       : u"max_tokens"_s;
    if (!optionalNumber(object, maxKey, &maxTokens, error)
        || !optionalNumber(object, u"temperature"_s, &request.temperature, error)
        || !optionalNumber(object, u"top_p"_s, &request.topP, error))
        return std::nullopt;
    if (maxTokens) {
        if (*maxTokens < 1) {
            *error = invalid(u"%1 must be at least 1"_s.arg(maxKey));
            return std::nullopt;
        }
        request.maxTokens = int(qMin(*maxTokens, 1e9));
    }
    const QJsonValue stop = object.value(u"stop"_s);
    if (stop.isString()) {
        request.stop = {stop.toString()};
    } else if (stop.isArray()) {
        for (const QJsonValue &sequence : stop.toArray())
            request.stop.append(sequence.toString());
    } else if (!stop.isUndefined() && !stop.isNull()) {
        *error = invalid(u"stop must be a string or an array of strings"_s);
        return std::nullopt;
    }
    request.stream = object.value(u"stream"_s).toBool(false);
    request.includeUsage
        = object.value(u"stream_options"_s).toObject().value(u"include_usage"_s).toBool(false);
    request.autoContinue = object.value(AutoContinueField).toBool(true);
    return request;
}

QString finishReason(const CompletionResult &result)
{
    return result.truncated ? u"length"_s : u"stop"_s;
}

QJsonObject usage(const CompletionResult &result)
{
    qint64 prompt = 0;
    qint64 completion = 0;
    if (result.usage) {
        prompt = result.usage->promptTokens;
        completion = result.usage->completionTokens;
    } else {
        prompt = estimatedTokens(result.promptCharacters);
        completion = estimatedTokens(result.text.size());
    }
    return {{u"prompt_tokens"_s, prompt}, {u"completion_tokens"_s, completion},
        {u"total_tokens"_s, prompt + completion}};
}

QJsonObject completion(
    const QString &id, qint64 created, const QString &model, const CompletionResult &result)
{
    const QJsonObject message {{u"role"_s, u"assistant"_s}, {u"content"_s, result.text}};
    const QJsonObject choice {{u"index"_s, 0}, {u"message"_s, message},
        {u"finish_reason"_s, finishReason(result)}, {u"logprobs"_s, QJsonValue::Null}};
    return {{u"id"_s, id}, {u"object"_s, u"chat.completion"_s}, {u"created"_s, created},
        {u"model"_s, model}, {u"choices"_s, QJsonArray {choice}}, {u"usage"_s, usage(result)}};
}

QJsonObject chunk(const QString &id, qint64 created, const QString &model, const QJsonObject &delta,
    const QString &finishReason, const std::optional<QJsonObject> &usage)
{
    const QJsonObject choice {{u"index"_s, 0}, {u"delta"_s, delta},
        {u"finish_reason"_s,
            finishReason.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(finishReason)},
        {u"logprobs"_s, QJsonValue::Null}};
    QJsonObject object {{u"id"_s, id}, {u"object"_s, u"chat.completion.chunk"_s},
        {u"created"_s, created}, {u"model"_s, model}, {u"choices"_s, QJsonArray {choice}}};
    if (usage)
        object.insert(u"usage"_s, *usage);
    return object;
}

QByteArray sseEvent(const QJsonObject &object)
{
    return "data: " + QJsonDocument(object).toJson(QJsonDocument::Compact) + "\n\n";
}

HttpError errorFor(const Error &error)
{
    HttpError answer;
    answer.message = error.message;
    switch (error.kind) {
    case ErrorKind::Auth:
        answer.status = error.httpStatus == 403 ? 403 : 401;
        answer.type = u"authentication_error"_s;
        answer.code = u"invalid_api_key"_s;
        break;
    case ErrorKind::Config:
        answer.status = 400;
        answer.type = u"invalid_request_error"_s;
        break;
    case ErrorKind::Http:
        if (error.httpStatus == 429) {
            answer.status = 429;
            answer.type = u"rate_limit_error"_s;
            answer.code = u"rate_limit_exceeded"_s;
        } else if (error.httpStatus == 400) {
            answer.status = 400; // the request (often its model) was refused upstream
            answer.type = u"invalid_request_error"_s;
        } else {
            answer.status = 502;
            answer.type = u"upstream_error"_s;
        }
        break;
    case ErrorKind::Timeout:
        answer.status = 504;
        answer.type = u"upstream_error"_s;
        answer.code = u"timeout"_s;
        break;
    default:
        answer.status = 502;
        answer.type = u"upstream_error"_s;
        break;
    }
    if (error.retryAfterSeconds)
        answer.retryAfter = QByteArray::number(*error.retryAfterSeconds);
    return answer;
}

QJsonObject modelList(const QList<std::pair<QString, QString>> &idsAndOwners)
{
    QJsonArray data;
    for (const auto &[id, owner] : idsAndOwners) {
        data.append(QJsonObject {
            {u"id"_s, id}, {u"object"_s, u"model"_s}, {u"created"_s, 0}, {u"owned_by"_s, owner}});
    }
    return {{u"object"_s, u"list"_s}, {u"data"_s, data}};
}

} // namespace cody::openai
