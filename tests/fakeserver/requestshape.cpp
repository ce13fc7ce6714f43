// SPDX-License-Identifier: Apache-2.0
#include "requestshape.h"

#include <QJsonArray>

#include <cmath>

using namespace Qt::StringLiterals;

namespace cody::test {

namespace {

enum class Type { String, Integer, Number, Bool, Messages, Strings };

struct Field
{
    QLatin1StringView name;
    Type type;
};

constexpr Field recordedFields[] = {
    {"model"_L1, Type::String},
    {"messages"_L1, Type::Messages},
    {"maxTokensToSample"_L1, Type::Integer},
    {"temperature"_L1, Type::Number},
    {"topK"_L1, Type::Integer},
    {"topP"_L1, Type::Number},
    {"fast"_L1, Type::Bool},
    {"stopSequences"_L1, Type::Strings},
    {"stream"_L1, Type::Bool},
    {"timeoutMs"_L1, Type::Integer},
};

bool hasType(const QJsonValue &value, Type type)
{
    switch (type) {
    case Type::String:
        return value.isString();
    case Type::Integer:
        return value.isDouble() && std::trunc(value.toDouble()) == value.toDouble();
    case Type::Number:
        return value.isDouble();
    case Type::Bool:
        return value.isBool();
    case Type::Messages:
        return value.isArray();
    case Type::Strings:
        if (!value.isArray())
            return false;
        for (const QJsonValue &item : value.toArray()) {
            if (!item.isString())
                return false;
        }
        return true;
    }
    return false;
}

QString messagesMismatch(const QJsonArray &messages)
{
    if (messages.isEmpty())
        return u"messages is empty"_s;
    QString previous;
    for (qsizetype i = 0; i < messages.size(); ++i) {
        const QString where = u"messages[%1]"_s.arg(i);
        if (!messages.at(i).isObject())
            return where + u" is not an object"_s;
        const QJsonObject message = messages.at(i).toObject();
        for (auto it = message.begin(); it != message.end(); ++it) {
            if (it.key() != u"speaker" && it.key() != u"text")
                return where + u" has an unrecorded field \"%1\""_s.arg(it.key());
        }
        const QString speaker = message.value(u"speaker"_s).toString();
        if (speaker != u"human" && speaker != u"assistant" && speaker != u"system")
            return where + u" has speaker \"%1\""_s.arg(speaker);
        if (speaker == u"system" && i > 0)
            return where + u" is a system message after the first"_s;
        if (speaker == previous)
            return where + u" is a second %1 message in a row"_s.arg(speaker);
        const bool last = i + 1 == messages.size();
        if (message.contains(u"text"_s) && !message.value(u"text"_s).isString())
            return where + u".text is not a string"_s;
        if (!message.contains(u"text"_s) && !(last && speaker == u"assistant"))
            return where + u" has no text"_s;
        if (last && speaker == u"system")
            return u"the last message is the system message"_s;
        previous = speaker;
    }
    return {};
}

} // namespace

QString RequestShape::mismatch(const QJsonObject &body)
{
    for (auto it = body.begin(); it != body.end(); ++it) {
        const Field *field = nullptr;
        for (const Field &recorded : recordedFields) {
            if (recorded.name == it.key())
                field = &recorded;
        }
        if (!field)
            return u"unrecorded field \"%1\""_s.arg(it.key());
        if (!hasType(it.value(), field->type))
            return u"\"%1\" has the wrong type"_s.arg(it.key());
    }
    if (!body.contains(u"messages"_s))
        return u"no messages"_s;
    if (!body.contains(u"maxTokensToSample"_s))
        return u"no maxTokensToSample"_s;
    if (body.value(u"maxTokensToSample"_s).toDouble() < 1)
        return u"maxTokensToSample is below 1"_s;
    if (!body.contains(u"fast"_s) && body.value(u"model"_s).toString().isEmpty())
        return u"no model (only the legacy requests with \"fast\" have none)"_s;
    return messagesMismatch(body.value(u"messages"_s).toArray());
}

} // namespace cody::test
