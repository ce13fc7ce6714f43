// SPDX-License-Identifier: Apache-2.0
// The response handling without a network: SSE bytes -> SseParser -> CompletionEvent::decode, the
// path CompletionStream::onReadyRead takes, plus the input as the JSON payload of one event.
#include "completionevent.h"
#include "sseparser.h"

#include <QJsonDocument>
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
