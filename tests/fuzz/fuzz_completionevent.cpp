// SPDX-License-Identifier: Apache-2.0
// The response handling without a network: SSE bytes -> SseParser -> CompletionEvent::decode, the
// path CompletionStream::onReadyRead takes, plus the input as the JSON payload of one event.
#include "cody/completionevent.h"
#include "net/sseparser.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QStringDecoder>

#include <cstdint>
#include <cstdio>
#include <cstdlib>

using namespace Qt::StringLiterals;
using cody::CompletionEvent;
using cody::SseEvent;
using cody::SseParser;

namespace {

void require(bool condition, const char *what)
{
    if (!condition) {
        std::fprintf(stderr, "fuzz_completionevent: property violated: %s\n", what);
        std::abort();
    }
}

bool isValidUtf8(const QByteArray &bytes)
{
    // Stateless: a sequence cut off at the end is an error, not something to wait for.
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    [[maybe_unused]] const QString text = decoder(bytes);
    return !decoder.hasError();
}

std::optional<QString> referenceText(const QJsonObject &object, QLatin1StringView key)
{
    const QJsonValue value = object.value(key);
    return value.isString() ? std::optional(value.toString()) : std::nullopt;
}

std::optional<qint64> referenceCount(
    const QJsonObject &usage, QLatin1StringView snake, QLatin1StringView camel)
{
    for (const QLatin1StringView key : {snake, camel}) {
        if (const QJsonValue value = usage.value(key); value.isDouble())
            return value.toInteger();
    }
    return std::nullopt;
}

/// decode() parses completion events with simdjson: its fields must be what QJsonDocument reads.
void checkAgainstQtJson(const QByteArray &data, const CompletionEvent &decoded)
{
    const QJsonObject object = QJsonDocument::fromJson(data).object();
    require(decoded.deltaText == referenceText(object, "deltaText"_L1), "deltaText differs");
    require(decoded.completion == referenceText(object, "completion"_L1), "completion differs");
    require(decoded.stopReason == referenceText(object, "stopReason"_L1).value_or(QString()),
        "stopReason differs");
    std::optional<qint64> prompt, completion;
    if (const QJsonValue usage = object.value("usage"_L1); usage.isObject()) {
        prompt = referenceCount(usage.toObject(), "prompt_tokens"_L1, "promptTokens"_L1);
        completion
            = referenceCount(usage.toObject(), "completion_tokens"_L1, "completionTokens"_L1);
    }
    require(decoded.usage.has_value() == (prompt || completion), "usage presence differs");
    if (decoded.usage) {
        require(decoded.usage->promptTokens == prompt.value_or(0), "prompt tokens differ");
        require(
            decoded.usage->completionTokens == completion.value_or(0), "completion tokens differ");
    }
}

void check(const SseEvent &event)
{
    const CompletionEvent decoded = CompletionEvent::decode(event);
    using Kind = CompletionEvent::Kind;
    const bool known = event.type == "completion" || event.type == "error";
    switch (decoded.kind) {
    case Kind::Done:
        require(event.type == "done", "Done from another event type");
        break;
    case Kind::Unknown:
        require(!known && event.type != "done", "a known event type decoded as Unknown");
        break;
    case Kind::Malformed:
        require(known, "Malformed from an event type that is not decoded");
        require(decoded.errorMessage.startsWith(u"malformed "_s), "Malformed without its message");
        require(!QJsonDocument::fromJson(event.data).isObject(), "a JSON object was Malformed");
        // The excerpt is cut at a character boundary: valid input never shows U+FFFD.
        if (isValidUtf8(event.data) && isValidUtf8(event.type))
            require(!decoded.errorMessage.contains(QChar::ReplacementCharacter),
                "the excerpt cut a UTF-8 sequence");
        break;
    case Kind::Error:
        require(event.type == "error", "Error from another event type");
        require(!decoded.errorMessage.isEmpty(), "an Error without a message");
        break;
    case Kind::Completion:
        require(event.type == "completion", "Completion from another event type");
        require(QJsonDocument::fromJson(event.data).isObject(), "Completion without a JSON object");
        checkAgainstQtJson(event.data, decoded);
        break;
    }
    if (decoded.kind != Kind::Completion) {
        require(!decoded.deltaText && !decoded.completion && !decoded.usage
                && decoded.stopReason.isEmpty(),
            "completion fields outside a Completion");
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input(reinterpret_cast<const char *>(data), qsizetype(size));

    // As a stream: every event it holds.
    SseParser parser;
    QList<SseEvent> events;
    parser.feed(input, events);
    for (const SseEvent &event : std::as_const(events))
        check(event);

    // As the payload of each event type that carries JSON.
    check(SseEvent {"completion"_ba, input, {}});
    check(SseEvent {"error"_ba, input, {}});
    return 0;
}
