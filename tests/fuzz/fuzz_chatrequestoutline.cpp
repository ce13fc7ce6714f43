// SPDX-License-Identifier: Apache-2.0
// ChatRequestOutline::read against parseChatRequest: on a body both read, the outline names the
// same model and never counts fewer characters than the full parse decodes, so the gateway's size
// check can never let through more than it measured.
#include "gateway/chatrequestoutline.h"
#include "gateway/openaiprotocol.h"

#include <cstdint>
#include <cstdio>
#include <cstdlib>

using namespace cody;
using namespace cody::openai;

namespace {

void require(bool condition, const char *what)
{
    if (!condition) {
        std::fprintf(stderr, "fuzz_chatrequestoutline: property violated: %s\n", what);
        std::abort();
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray body(reinterpret_cast<const char *>(data), qsizetype(size));
    QString error;
    const std::optional<ChatRequestOutline> outline = ChatRequestOutline::read(body, &error);
    require(outline || !error.isEmpty(), "a refusal without a reason");
    HttpError parseError;
    const std::optional<ChatRequest> chat = parseChatRequest(body, &parseError);
    if (!outline || !chat)
        return 0;
    // A lone surrogate (\udc00) is kept by QJsonDocument and replaced by RapidJSON; no model's
    // name has one, so either way the name is refused as unknown.
    if (chat->model.isValidUtf16())
        require(outline->model == chat->model, "the outline names another model");
    qint64 outlined = 0;
    for (const ContextWindow::MessageSize &message : outline->messages)
        outlined += message.characters;
    qint64 parsed = 0;
    for (const ChatMessage &message : chat->messages)
        parsed += message.text.size();
    require(outlined >= parsed, "the outline counts fewer characters than are decoded");
    return 0;
}
