// SPDX-License-Identifier: Apache-2.0
#include "completionevent.h"

#include "sseparser.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QJsonValue>

using namespace Qt::StringLiterals;

namespace cody {

namespace {

// Enough of the payload to recognise it in a log, not so much that a huge event floods it.
constexpr qsizetype ExcerptBytes = 100;

QString excerpt(QByteArrayView data)
{
    if (data.size() <= ExcerptBytes)
        return QString::fromUtf8(data);
    qsizetype cut = ExcerptBytes;
    // Back up to the start of a UTF-8 sequence so the excerpt does not end in U+FFFD.
    while (cut > 0 && (static_cast<unsigned char>(data.at(cut)) & 0xC0) == 0x80)
        --cut;
    return QString::fromUtf8(data.first(cut)) + u"…"_s;
}

CompletionEvent malformed(QByteArrayView type, QByteArrayView data, const QString &why)
{
    CompletionEvent result;
    result.kind = CompletionEvent::Kind::Malformed;
    result.errorMessage = u"malformed %1 event: %2"_s.arg(QString::fromUtf8(type), why);
    if (!data.isEmpty())
        result.errorMessage += u" in `"_s + excerpt(data) + u'`';
    return result;
}

std::optional<QString> stringField(const QJsonObject &object, QLatin1StringView key)
{
    const QJsonValue value = object.value(key);
    if (!value.isString())
        return std::nullopt;
    return value.toString();
}

std::optional<qint64> countField(
    const QJsonObject &object, QLatin1StringView snake, QLatin1StringView camel)
{
    for (const QLatin1StringView key : {snake, camel}) {
        const QJsonValue value = object.value(key);
        if (value.isDouble())
            return value.toInteger();
    }
    return std::nullopt;
}

std::optional<TokenUsage> usageField(const QJsonObject &object)
{
    const QJsonValue value = object.value("usage"_L1);
    if (!value.isObject())
        return std::nullopt;
    const QJsonObject usage = value.toObject();
    const auto prompt = countField(usage, "prompt_tokens"_L1, "promptTokens"_L1);
    const auto completion = countField(usage, "completion_tokens"_L1, "completionTokens"_L1);
    if (!prompt && !completion)
        return std::nullopt;
    TokenUsage result;
    result.promptTokens = prompt.value_or(0);
    result.completionTokens = completion.value_or(0);
    return result;
}

QString serverErrorMessage(const QJsonObject &object)
{
    const QJsonValue error = object.value("error"_L1);
    QString message = error.toString();
    // Not what Sourcegraph sends, but a nested `{"message": …}` is the common shape elsewhere.
    if (error.isObject())
        message = error.toObject().value("message"_L1).toString();
    if (message.isEmpty())
        return u"the server reported an error without a message"_s;
    return message;
}

} // namespace

CompletionEvent CompletionEvent::decode(const SseEvent &event)
{
    return decode(event.type, event.data);
}

CompletionEvent CompletionEvent::decode(QByteArrayView type, QByteArrayView data)
{
    CompletionEvent result;
    if (type == "done") {
        result.kind = Kind::Done;
        return result;
    }
    const bool isCompletion = type == "completion";
    if (!isCompletion && type != "error")
        return result;

    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(data.toByteArray(), &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        return malformed(
            type, data, u"%1 at offset %2"_s.arg(parseError.errorString()).arg(parseError.offset));
    }
    if (!document.isObject())
        return malformed(type, data, u"the data is not a JSON object"_s);
    const QJsonObject object = document.object();

    if (!isCompletion) {
        result.kind = Kind::Error;
        result.errorMessage = serverErrorMessage(object);
        return result;
    }

    result.kind = Kind::Completion;
    result.deltaText = stringField(object, "deltaText"_L1);
    result.completion = stringField(object, "completion"_L1);
    result.stopReason = stringField(object, "stopReason"_L1).value_or(QString());
    result.usage = usageField(object);
    return result;
}

} // namespace cody
