// SPDX-License-Identifier: Apache-2.0
#include "gateway/chatrequestoutline.h"

#include <rapidjson/error/en.h>
#include <rapidjson/memorystream.h>
#include <rapidjson/reader.h>
#include <string_view>
#include <vector>

using namespace Qt::StringLiterals;

namespace cody::openai {

namespace {

// Model names and roles are short; a longer one is not decoded.
constexpr rapidjson::SizeType MaxNameBytes = 1024;

/// The UTF-16 code units (QString::size()) a UTF-8 string takes: one per character, two for a
/// character outside the BMP (a 4-byte sequence).
qint64 utf16Units(const char *text, rapidjson::SizeType length)
{
    qint64 units = 0;
    for (rapidjson::SizeType i = 0; i < length; ++i) {
        const auto byte = static_cast<unsigned char>(text[i]);
        if ((byte & 0xC0) != 0x80)
            units += byte >= 0xF0 ? 2 : 1;
    }
    return units;
}

ChatMessage::Speaker speakerFor(std::string_view role)
{
    if (role == "system" || role == "developer")
        return ChatMessage::Speaker::System;
    if (role == "assistant")
        return ChatMessage::Speaker::Assistant;
    return ChatMessage::Speaker::Human; // "user", or a role parseChatRequest will refuse
}

/// The SAX handler: follows where in the request each event is (the path of containers and the
/// key last read) and keeps what the outline needs.
class OutlineHandler : public rapidjson::BaseReaderHandler<rapidjson::UTF8<>, OutlineHandler>
{
public:
    enum class Stop { None, NotAnObject, TooManyValues, TooDeep };

    ChatRequestOutline outline;
    Stop stop = Stop::None;

    bool Null() { return scalar(); }
    bool Bool(bool) { return scalar(); }
    bool Int(int value) { return number(value); }
    bool Uint(unsigned value) { return number(value); }
    bool Int64(int64_t value) { return number(value); }
    bool Uint64(uint64_t value) { return number(double(value)); }
    bool Double(double value) { return number(value); }

    bool String(const char *text, rapidjson::SizeType length, bool)
    {
        if (!scalar())
            return false;
        switch (slot()) {
        case Slot::Model:
            outline.model = length > MaxNameBytes
                ? u"(a name of %1 bytes)"_s.arg(length) // refused as unknown, not decoded
                : QString::fromUtf8(text, length);
            break;
        case Slot::Role:
            if (!outline.messages.isEmpty() && length <= MaxNameBytes)
                outline.messages.last().speaker = speakerFor({text, length});
            break;
        case Slot::Content:
        case Slot::Text:
            if (!outline.messages.isEmpty())
                outline.messages.last().characters += utf16Units(text, length);
            break;
        default:
            break;
        }
        return true;
    }

    bool Key(const char *text, rapidjson::SizeType length, bool)
    {
        const std::string_view key(text, length);
        Frame &frame = m_path.back();
        frame.key = Slot::Other;
        if (frame.kind == Kind::Root) {
            if (key == "model")
                frame.key = Slot::Model;
            else if (key == "messages")
                frame.key = Slot::Messages;
            else if (key == "max_tokens" || key == "max_completion_tokens")
                frame.key = Slot::MaxTokens;
        } else if (frame.kind == Kind::Message) {
            if (key == "role")
                frame.key = Slot::Role;
            else if (key == "content")
                frame.key = Slot::Content;
        } else if (frame.kind == Kind::Part && key == "text") {
            frame.key = Slot::Text;
        }
        return true;
    }

    bool StartObject()
    {
        if (m_path.empty()) {
            m_path.push_back({Kind::Root, Slot::Other});
            return counted();
        }
        const Slot at = slot();
        if (at == Slot::MessageElement)
            outline.messages.append(ContextWindow::MessageSize {});
        return open(at == Slot::MessageElement ? Kind::Message
                : at == Slot::PartElement      ? Kind::Part
                                               : Kind::Other);
    }
    bool StartArray()
    {
        if (m_path.empty()) {
            stop = Stop::NotAnObject;
            return false;
        }
        const Slot at = slot();
        return open(at == Slot::Messages ? Kind::Messages
                : at == Slot::Content    ? Kind::Parts
                                         : Kind::Other);
    }
    bool EndObject(rapidjson::SizeType) { return close(); }
    bool EndArray(rapidjson::SizeType) { return close(); }

private:
    enum class Kind { Root, Messages, Message, Parts, Part, Other };
    enum class Slot {
        Other,
        Model,
        Messages,
        MaxTokens,
        MessageElement,
        Role,
        Content,
        PartElement,
        Text
    };
    struct Frame
    {
        Kind kind;
        Slot key; ///< in an object, what its last key names
    };

    /// What the next value is in the request.
    Slot slot() const
    {
        const Frame &frame = m_path.back();
        if (frame.kind == Kind::Messages)
            return Slot::MessageElement;
        if (frame.kind == Kind::Parts)
            return Slot::PartElement;
        return frame.kind == Kind::Other ? Slot::Other : frame.key;
    }

    bool counted()
    {
        if (++m_values <= ChatRequestOutline::MaxValues)
            return true;
        stop = Stop::TooManyValues;
        return false;
    }

    bool scalar()
    {
        if (m_path.empty()) {
            stop = Stop::NotAnObject;
            return false;
        }
        return counted();
    }

    bool number(double value)
    {
        if (!scalar())
            return false;
        if (slot() == Slot::MaxTokens)
            outline.maxTokens = qint64(qBound(-1e18, value, 1e18));
        return true;
    }

    bool open(Kind kind)
    {
        if (m_path.size() >= size_t(ChatRequestOutline::MaxDepth)) {
            stop = Stop::TooDeep;
            return false;
        }
        m_path.push_back({kind, Slot::Other});
        return counted();
    }

    bool close()
    {
        m_path.pop_back();
        return true;
    }

    std::vector<Frame> m_path;
    qint64 m_values = 0;
};

/// As parseChatRequest() sends them: the system messages joined by blank lines, first.
void mergeSystemMessages(QList<ContextWindow::MessageSize> *messages)
{
    qint64 system = -1;
    messages->removeIf([&system](const ContextWindow::MessageSize &message) {
        if (message.speaker != ChatMessage::Speaker::System)
            return false;
        system += message.characters + 2;
        return true;
    });
    if (system >= 0)
        messages->prepend({ChatMessage::Speaker::System, system - 1});
}

} // namespace

std::optional<ChatRequestOutline> ChatRequestOutline::read(const QByteArray &body, QString *error)
{
    OutlineHandler handler;
    rapidjson::Reader reader;
    rapidjson::MemoryStream stream(body.constData(), size_t(body.size()));
    // Iterative: a deeply nested body costs heap, not stack; the handler bounds the depth.
    const rapidjson::ParseResult result
        = reader.Parse<rapidjson::kParseIterativeFlag | rapidjson::kParseValidateEncodingFlag>(
            stream, handler);
    if (result.IsError()) {
        switch (handler.stop) {
        case OutlineHandler::Stop::NotAnObject:
            *error = u"the body must be a JSON object"_s;
            break;
        case OutlineHandler::Stop::TooManyValues:
            *error = u"the body has more than %1 JSON values"_s.arg(MaxValues);
            break;
        case OutlineHandler::Stop::TooDeep:
            *error = u"the body is nested more than %1 levels deep"_s.arg(MaxDepth);
            break;
        case OutlineHandler::Stop::None:
            *error = u"the body is not JSON: %1 (at byte %2)"_s
                         .arg(QString::fromUtf8(rapidjson::GetParseError_En(result.Code())))
                         .arg(result.Offset());
            break;
        }
        return std::nullopt;
    }
    mergeSystemMessages(&handler.outline.messages);
    return std::move(handler.outline);
}

} // namespace cody::openai
