// SPDX-License-Identifier: Apache-2.0
#include "cody/completionevent.h"

#include "net/sseparser.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QJsonValue>

#include <cmath>
#include <cstring>
#include <simdjson.h>

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
    result.errorMessage = data.isEmpty()
        ? QCoreApplication::translate("cody::CompletionEvent", "malformed %1 event: %2")
              .arg(QString::fromUtf8(type), why)
        : QCoreApplication::translate("cody::CompletionEvent", "malformed %1 event: %2 in `%3`")
              .arg(QString::fromUtf8(type), why, excerpt(data));
    return result;
}

std::optional<QString> stringField(const QJsonObject &object, QLatin1StringView key)
{
    const QJsonValue value = object.value(key);
    if (!value.isString())
        return std::nullopt;
    return value.toString();
}

// Usage when the server reported at least one of the counts.
std::optional<TokenUsage> usageFrom(std::optional<qint64> prompt, std::optional<qint64> completion)
{
    if (!prompt && !completion)
        return std::nullopt;
    TokenUsage result;
    result.promptTokens = prompt.value_or(0);
    result.completionTokens = completion.value_or(0);
    return result;
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
    return usageFrom(prompt, completion);
}

QString serverErrorMessage(const QJsonObject &object)
{
    const QJsonValue error = object.value("error"_L1);
    QString message = error.toString();
    // Not what Sourcegraph sends, but a nested `{"message": …}` is the common shape elsewhere.
    if (error.isObject())
        message = error.toObject().value("message"_L1).toString();
    if (message.isEmpty())
        return QCoreApplication::translate(
            "cody::CompletionEvent", "the server reported an error without a message");
    return message;
}

// QByteArrayView's == is out of line; this is a size check and an inlined compare.
template <qsizetype N> bool is(QByteArrayView bytes, const char (&literal)[N])
{
    return bytes.size() == N - 1 && std::memcmp(bytes.data(), literal, N - 1) == 0;
}

// The fast path (simdjson) decodes `completion` events up to this size; bigger ones, which are
// rare, go through QJsonDocument so the parser kept per thread stays small.
constexpr size_t FastPathMaxBytes = 1024 * 1024;
// Well under QJsonDocument's nesting limit (1024): anything simdjson takes, QJsonDocument takes.
constexpr size_t FastPathMaxDepth = 256;

simdjson::dom::parser *fastParser()
{
    thread_local simdjson::dom::parser parser;
    thread_local bool ready = parser.allocate(4096, FastPathMaxDepth) == simdjson::SUCCESS;
    return ready ? &parser : nullptr;
}

std::optional<QString> fastString(simdjson::dom::element value)
{
    std::string_view text;
    if (value.get_string().get(text) != simdjson::SUCCESS)
        return std::nullopt;
    return QString::fromUtf8(text.data(), qsizetype(text.size()));
}

/// As QJsonValue::isDouble() and toInteger() see a number: every number counts, and one that is
/// not a whole qint64 (a fraction, or beyond qint64 where QJsonDocument keeps a double) is 0.
std::optional<qint64> fastCount(simdjson::dom::element value)
{
    switch (value.type()) {
    case simdjson::dom::element_type::INT64:
        return value.get_int64().value_unsafe();
    case simdjson::dom::element_type::UINT64:
        return 0; // above qint64's range
    case simdjson::dom::element_type::DOUBLE: {
        const double number = value.get_double().value_unsafe();
        constexpr double Limit = 9223372036854775808.0; // 2^63
        if (std::trunc(number) == number && number >= -Limit && number < Limit)
            return qint64(number);
        return 0;
    }
    default:
        return std::nullopt;
    }
}

std::optional<TokenUsage> fastUsage(simdjson::dom::element value)
{
    simdjson::dom::object usage;
    if (value.get_object().get(usage) != simdjson::SUCCESS)
        return std::nullopt;
    // QJsonObject keeps the last of duplicate keys; so does this loop.
    std::optional<simdjson::dom::element> counts[4]; // prompt_tokens, promptTokens, completion…
    for (const simdjson::dom::key_value_pair field : usage) {
        if (field.key == "prompt_tokens")
            counts[0] = field.value;
        else if (field.key == "promptTokens")
            counts[1] = field.value;
        else if (field.key == "completion_tokens")
            counts[2] = field.value;
        else if (field.key == "completionTokens")
            counts[3] = field.value;
    }
    const auto count = [&](int snake) {
        for (const int key : {snake, snake + 1}) {
            if (counts[key]) {
                if (const auto number = fastCount(*counts[key]))
                    return number;
            }
        }
        return std::optional<qint64>();
    };
    const auto prompt = count(0);
    const auto completion = count(2);
    return usageFrom(prompt, completion);
}

/// A `completion` event decoded with simdjson, or nothing when simdjson does not take the data
/// (malformed, not an object, too deep, too big): QJsonDocument then decides, and words the
/// error, exactly as before. What simdjson takes, QJsonDocument takes with the same values.
std::optional<CompletionEvent> decodeCompletionFast(QByteArrayView data)
{
    // Empty data is malformed anyway, and simdjson would memcpy from its null pointer.
    if (data.isEmpty() || size_t(data.size()) > FastPathMaxBytes)
        return std::nullopt;
    simdjson::dom::parser *parser = fastParser();
    simdjson::dom::object object;
    if (!parser
        || parser->parse(data.data(), size_t(data.size())).get_object().get(object)
            != simdjson::SUCCESS)
        return std::nullopt;

    std::optional<simdjson::dom::element> deltaText, completion, stopReason, usage;
    for (const simdjson::dom::key_value_pair field : object) {
        if (field.key == "deltaText")
            deltaText = field.value;
        else if (field.key == "completion")
            completion = field.value;
        else if (field.key == "stopReason")
            stopReason = field.value;
        else if (field.key == "usage")
            usage = field.value;
    }
    CompletionEvent result;
    result.kind = CompletionEvent::Kind::Completion;
    if (deltaText)
        result.deltaText = fastString(*deltaText);
    if (completion)
        result.completion = fastString(*completion);
    if (stopReason)
        result.stopReason = fastString(*stopReason).value_or(QString());
    if (usage)
        result.usage = fastUsage(*usage);
    return result;
}

} // namespace

CompletionEvent CompletionEvent::decode(const SseEvent &event)
{
    return decode(event.type, event.data);
}

CompletionEvent CompletionEvent::decode(QByteArrayView type, QByteArrayView data)
{
    CompletionEvent result;
    if (is(type, "done")) {
        result.kind = Kind::Done;
        return result;
    }
    const bool isCompletion = is(type, "completion");
    if (!isCompletion && !is(type, "error"))
        return result;
    if (isCompletion) {
        if (auto fast = decodeCompletionFast(data))
            return std::move(*fast);
    }

    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(data.toByteArray(), &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        return malformed(type, data,
            QCoreApplication::translate("cody::CompletionEvent", "%1 at offset %2")
                .arg(parseError.errorString())
                .arg(parseError.offset));
    }
    if (!document.isObject())
        return malformed(type, data,
            QCoreApplication::translate("cody::CompletionEvent", "the data is not a JSON object"));
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
