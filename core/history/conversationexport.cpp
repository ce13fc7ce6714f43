// SPDX-License-Identifier: Apache-2.0
#include "history/conversationexport.h"

#include "history/conversationschema.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>

#include <cmath>

using namespace Qt::StringLiterals;

namespace cody::conversationexport {

namespace {

// Larger than any history a person could have typed and read.
constexpr qint64 MaxImportBytes = qint64(1) << 30;

QJsonValue timeToJson(const QDateTime &time)
{
    if (!time.isValid())
        return QJsonValue::Null;
    return time.toUTC().toString(Qt::ISODateWithMs);
}

QJsonObject messageToJson(const StoredMessage &message)
{
    QJsonValue usage = QJsonValue::Null;
    if (message.usage) {
        usage = QJsonObject {
            {u"prompt_tokens"_s, message.usage->promptTokens},
            {u"completion_tokens"_s, message.usage->completionTokens},
        };
    }
    QJsonArray context;
    for (const ContextItem &item : message.context)
        context.append(item.toJson());
    return QJsonObject {
        {u"role"_s, conversationschema::roleName(message.speaker)},
        {u"text"_s, message.text},
        {u"model"_s, message.model},
        {u"stopReason"_s, message.stopReason},
        {u"segments"_s, message.segments},
        {u"usage"_s, usage},
        {u"state"_s, conversationschema::stateName(message.state)},
        {u"error"_s, message.error},
        {u"created"_s, timeToJson(message.created)},
        {u"context"_s, context},
    };
}

QJsonObject conversationToJson(const ExportedConversation &exported)
{
    const StoredConversation &c = exported.conversation;
    QJsonArray messages;
    for (const StoredMessage &message : exported.messages)
        messages.append(messageToJson(message));
    QJsonObject object {
        {u"title"_s, c.title},
        {u"model"_s, c.model},
        {u"systemPrompt"_s, c.systemPrompt},
        {u"temperature"_s,
            c.temperature ? QJsonValue(*c.temperature) : QJsonValue(QJsonValue::Null)},
        {u"maxTokens"_s, c.maxTokens ? QJsonValue(*c.maxTokens) : QJsonValue(QJsonValue::Null)},
        {u"created"_s, timeToJson(c.created)},
        {u"updated"_s, timeToJson(c.updated)},
        {u"pinned"_s, c.pinned},
        {u"messages"_s, messages},
    };
    // Only when there are any: exports of conversations without them stay as they were.
    if (!c.contextRepositories.isEmpty())
        object.insert(u"contextRepositories"_s, QJsonArray::fromStringList(c.contextRepositories));
    return object;
}

// Reads fields of one JSON object, remembering the first problem with where it was.
class Reader
{
public:
    Reader(const QJsonObject &object, const QString &where)
        : m_object(object)
        , m_where(where)
    { }

    QString string(const QString &key)
    {
        const QJsonValue value = m_object.value(key);
        if (value.isUndefined() || value.isNull())
            return {};
        if (!value.isString())
            fail(key, u"a string"_s);
        return value.toString();
    }

    bool boolean(const QString &key)
    {
        const QJsonValue value = m_object.value(key);
        if (value.isUndefined() || value.isNull())
            return false;
        if (!value.isBool())
            fail(key, u"true or false"_s);
        return value.toBool();
    }

    std::optional<double> number(const QString &key)
    {
        const QJsonValue value = m_object.value(key);
        if (value.isUndefined() || value.isNull())
            return std::nullopt;
        if (!value.isDouble())
            fail(key, u"a number"_s);
        return value.toDouble();
    }

    std::optional<qint64> integer(const QString &key, qint64 max)
    {
        const std::optional<double> value = number(key);
        if (!value)
            return std::nullopt;
        if (*value < 0 || *value > double(max) || std::floor(*value) != *value) {
            fail(key, u"a whole number from 0 to %1"_s.arg(max));
            return std::nullopt;
        }
        return qint64(*value);
    }

    /// Names without line breaks (repository names), each trimmed; empty ones are dropped.
    QStringList names(const QString &key)
    {
        const QJsonValue value = m_object.value(key);
        if (value.isUndefined() || value.isNull())
            return {};
        QStringList names;
        const QJsonArray array = value.toArray();
        for (const QJsonValue &entry : array) {
            const QString name = entry.toString().trimmed();
            if (!entry.isString() || name.contains(u'\n')) {
                fail(key, u"an array of names"_s);
                return {};
            }
            if (!name.isEmpty())
                names.append(name);
        }
        if (!value.isArray())
            fail(key, u"an array of names"_s);
        return names;
    }

    QDateTime time(const QString &key)
    {
        const QString text = string(key);
        if (text.isEmpty())
            return {};
        const QDateTime time = QDateTime::fromString(text, Qt::ISODateWithMs);
        if (!time.isValid())
            fail(key, u"an ISO 8601 time"_s);
        return time.toUTC();
    }

    void fail(const QString &key, const QString &expected)
    {
        if (m_error.isEmpty())
            m_error = u"%1.%2 must be %3"_s.arg(m_where, key, expected);
    }

    const QString &error() const { return m_error; }

private:
    QJsonObject m_object;
    QString m_where;
    QString m_error;
};

// Exports from before context items have no "context": such a message has none.
bool readContext(
    const QJsonValue &value, const QString &where, StoredMessage *message, QString *error)
{
    if (value.isUndefined() || value.isNull())
        return true;
    if (!value.isArray()) {
        *error = where + u".context must be an array"_s;
        return false;
    }
    const QJsonArray array = value.toArray();
    for (qsizetype i = 0; i < array.size(); ++i) {
        const std::optional<ContextItem> item
            = array.at(i).isObject() ? ContextItem::fromJson(array.at(i).toObject()) : std::nullopt;
        if (!item) {
            *error = u"%1.context[%2] must be a context item (a known \"kind\" with its \"repo\" "
                     u"or \"path\")"_s.arg(where)
                         .arg(i);
            return false;
        }
        message->context.append(*item);
    }
    return true;
}

bool readMessage(
    const QJsonValue &value, const QString &where, StoredMessage *message, QString *error)
{
    if (!value.isObject()) {
        *error = where + u" must be an object"_s;
        return false;
    }
    const QJsonObject object = value.toObject();
    Reader reader(object, where);
    const std::optional<ChatMessage::Speaker> role
        = conversationschema::roleFromName(reader.string(u"role"_s));
    if (!role)
        reader.fail(u"role"_s, u"\"user\", \"assistant\" or \"system\""_s);
    message->speaker = role.value_or(ChatMessage::Speaker::Human);
    message->text = reader.string(u"text"_s);
    message->model = reader.string(u"model"_s);
    message->stopReason = reader.string(u"stopReason"_s);
    message->segments = int(reader.integer(u"segments"_s, 1'000'000).value_or(0));
    const QJsonValue usage = object.value(u"usage"_s);
    if (usage.isObject()) {
        Reader usageReader(usage.toObject(), where + u".usage"_s);
        constexpr qint64 maxTokens = qint64(1) << 40;
        message->usage = TokenUsage {
            usageReader.integer(u"prompt_tokens"_s, maxTokens).value_or(0),
            usageReader.integer(u"completion_tokens"_s, maxTokens).value_or(0),
        };
        if (!usageReader.error().isEmpty()) {
            *error = usageReader.error();
            return false;
        }
    } else if (!usage.isUndefined() && !usage.isNull()) {
        reader.fail(u"usage"_s, u"an object or null"_s);
    }
    const QString state = reader.string(u"state"_s);
    const std::optional<StoredMessage::State> parsedState = state.isEmpty()
        ? StoredMessage::State::Complete
        : conversationschema::stateFromName(state);
    if (!parsedState)
        reader.fail(u"state"_s, u"\"complete\", \"partial\", \"failed\" or \"streaming\""_s);
    message->state = parsedState.value_or(StoredMessage::State::Complete);
    // An imported reply is not streaming any more; keep what it had as a partial reply.
    if (message->state == StoredMessage::State::Streaming)
        message->state = StoredMessage::State::Partial;
    message->error = reader.string(u"error"_s);
    message->created = reader.time(u"created"_s);
    *error = reader.error();
    return error->isEmpty() && readContext(object.value(u"context"_s), where, message, error);
}

bool readConversation(
    const QJsonValue &value, const QString &where, ExportedConversation *exported, QString *error)
{
    if (!value.isObject()) {
        *error = where + u" must be an object"_s;
        return false;
    }
    const QJsonObject object = value.toObject();
    Reader reader(object, where);
    StoredConversation &c = exported->conversation;
    c.title = reader.string(u"title"_s);
    c.model = reader.string(u"model"_s);
    c.systemPrompt = reader.string(u"systemPrompt"_s);
    c.temperature = reader.number(u"temperature"_s);
    const std::optional<qint64> maxTokens = reader.integer(u"maxTokens"_s, 100'000'000);
    c.maxTokens = maxTokens ? std::optional<int>(int(*maxTokens)) : std::nullopt;
    c.contextRepositories = reader.names(u"contextRepositories"_s);
    c.created = reader.time(u"created"_s);
    c.updated = reader.time(u"updated"_s);
    c.pinned = reader.boolean(u"pinned"_s);
    if (!reader.error().isEmpty()) {
        *error = reader.error();
        return false;
    }
    const QJsonValue messages = object.value(u"messages"_s);
    if (!messages.isArray() && !messages.isUndefined()) {
        *error = where + u".messages must be an array"_s;
        return false;
    }
    const QJsonArray array = messages.toArray();
    for (qsizetype i = 0; i < array.size(); ++i) {
        StoredMessage message;
        if (!readMessage(array.at(i), u"%1.messages[%2]"_s.arg(where).arg(i), &message, error))
            return false;
        exported->messages.append(message);
    }
    return true;
}

// `text` as a Markdown code span, whatever backticks it holds.
QString code(const QString &text)
{
    QString fence = u"`"_s;
    while (text.contains(fence))
        fence += u'`';
    const QString pad = fence.size() > 1 ? u" "_s : QString(); // Markdown strips one of each
    return fence + pad + text + pad + fence;
}

// What the item is and where it came from: "`src/a.go` lines 3-9 in `github.com/o/r`".
QString contextPlace(const ContextItem &item)
{
    QString place;
    switch (item.kind) {
    case ContextItem::Kind::Repository:
        return u"repository "_s + code(item.repoName);
    case ContextItem::Kind::RemoteFolder:
        place = u"folder "_s + code(item.path);
        break;
    case ContextItem::Kind::LocalFile:
        place = u"local file "_s + code(item.path);
        break;
    case ContextItem::Kind::RemoteFile:
        place = code(item.path);
        break;
    }
    if (item.url.isValid())
        place = u"["_s + place + u"]("_s + item.url.toString(QUrl::FullyEncoded) + u')';
    if (item.hasRange())
        place += u" lines %1-%2"_s.arg(item.startLine).arg(item.endLine);
    if (!item.repoName.isEmpty())
        place += u" in "_s + code(item.repoName);
    return place;
}

// "sent", "left out" (with a reason), "mentioned" (a user's, not sent as it is: a repository to
// retrieve from, or never sent), or "not sent".
QString contextStatus(const ContextItem &item)
{
    if (item.sent)
        return u"sent"_s;
    if (!item.omittedReason.isEmpty())
        return u"left out"_s;
    return item.source == ContextItem::Source::User ? u"mentioned"_s : u"not sent"_s;
}

QString contextLine(const ContextItem &item)
{
    QString line = u"- "_s + contextStatus(item) + u": "_s + contextPlace(item);
    if (item.tokens > 0)
        line += u", %1 tokens"_s.arg(item.tokens);
    if (item.source == ContextItem::Source::Retrieved)
        line += u", retrieved"_s;
    if (!item.sent && !item.omittedReason.isEmpty())
        line += u" — "_s + item.omittedReason;
    return line + u'\n';
}

} // namespace

QString contextToMarkdown(const StoredMessage &message)
{
    if (message.context.isEmpty() && message.unreadableContextItems == 0)
        return {};
    // "2 sent (842 tokens), 1 left out, 1 mentioned": each status once, in the order first met.
    QStringList statuses;
    QHash<QString, int> counts;
    qint64 sentTokens = 0;
    QString lines;
    for (const ContextItem &item : message.context) {
        const QString status = contextStatus(item);
        if (!counts.contains(status))
            statuses.append(status);
        ++counts[status];
        if (item.sent)
            sentTokens += item.tokens;
        lines += contextLine(item);
    }
    QStringList summary;
    for (const QString &status : std::as_const(statuses)) {
        summary.append(u"%1 %2"_s.arg(counts.value(status)).arg(status));
        if (status == u"sent")
            summary.last() += u" (%1 tokens)"_s.arg(sentTokens);
    }
    if (const int unreadable = message.unreadableContextItems; unreadable > 0) {
        summary.append(u"%1 unreadable"_s.arg(unreadable));
        lines += (unreadable == 1
                ? u"- 1 context item could not be read from the history\n"_s
                : u"- %1 context items could not be read from the history\n"_s.arg(unreadable));
    }
    return u"\n**Context:** "_s + summary.join(u", "_s) + u"\n\n"_s + lines;
}

QByteArray toJson(const QList<ExportedConversation> &conversations)
{
    QJsonArray array;
    for (const ExportedConversation &exported : conversations)
        array.append(conversationToJson(exported));
    const QJsonObject root {{u"version"_s, FormatVersion}, {u"conversations"_s, array}};
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

QString toMarkdown(const ExportedConversation &exported)
{
    const StoredConversation &c = exported.conversation;
    QString out = u"# "_s
        + (c.title.trimmed().isEmpty() ? u"Untitled conversation"_s : c.title.trimmed()) + u"\n"_s;
    if (!c.systemPrompt.isEmpty())
        out += u"\n**System prompt:**\n\n"_s + c.systemPrompt + u"\n"_s;
    if (!c.contextRepositories.isEmpty())
        out += u"\n**Repositories searched for every question:** "_s
            + c.contextRepositories.join(u", "_s) + u"\n"_s;
    for (const StoredMessage &message : exported.messages) {
        switch (message.speaker) {
        case ChatMessage::Speaker::Human:
            out += u"\n**You:**\n\n"_s;
            break;
        case ChatMessage::Speaker::System:
            out += u"\n**System:**\n\n"_s;
            break;
        case ChatMessage::Speaker::Assistant: {
            const QString model = message.model.isEmpty() ? c.model : message.model;
            out += model.isEmpty() ? u"\n**Cody:**\n\n"_s : u"\n**Cody** ("_s + model + u"):\n\n"_s;
            break;
        }
        }
        out += message.text + u"\n"_s;
        // A reader of the file should know a reply is incomplete, as the app would show it.
        if (message.state == StoredMessage::State::Partial
            || message.state == StoredMessage::State::Streaming)
            out += u"\n*(reply incomplete)*\n"_s;
        else if (message.state == StoredMessage::State::Failed)
            out += u"\n*(failed: "_s + message.error + u")*\n"_s;
        out += contextToMarkdown(message);
    }
    return out;
}

bool fromJson(const QByteArray &json, QList<ExportedConversation> *conversations, QString *error)
{
    QString problem;
    QList<ExportedConversation> parsed;
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    const QJsonObject root = document.object();
    const QJsonValue list = root.value(u"conversations"_s);
    if (parseError.error != QJsonParseError::NoError) {
        problem = u"not valid JSON at offset %1: %2"_s.arg(parseError.offset)
                      .arg(parseError.errorString());
    } else if (!document.isObject()) {
        problem = u"not a Cody Chat export (the top level is not an object)"_s;
    } else if (root.value(u"version"_s).toInt(-1) != FormatVersion) {
        problem = u"unsupported export version %1 (expected %2)"_s
                      .arg(root.value(u"version"_s).toVariant().toString())
                      .arg(FormatVersion);
    } else if (!list.isArray()) {
        problem = u"not a Cody Chat export (no \"conversations\" array)"_s;
    } else {
        const QJsonArray array = list.toArray();
        for (qsizetype i = 0; i < array.size() && problem.isEmpty(); ++i) {
            ExportedConversation exported;
            if (readConversation(array.at(i), u"conversations[%1]"_s.arg(i), &exported, &problem))
                parsed.append(exported);
        }
    }
    if (!problem.isEmpty()) {
        if (error)
            *error = u"Cannot import: "_s + problem;
        return false;
    }
    if (conversations)
        *conversations = parsed;
    return true;
}

bool readFile(const QString &path, QByteArray *json, QString *error)
{
    QFile file(path);
    const QString shown = QDir::toNativeSeparators(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QCoreApplication::translate("cody::conversationexport", "%1 cannot be read: %2")
                     .arg(shown, file.errorString());
        return false;
    }
    if (file.size() > MaxImportBytes) {
        *error = QCoreApplication::translate(
            "cody::conversationexport", "%1 is too large to be a Cody Chat export")
                     .arg(shown);
        return false;
    }
    *json = file.readAll();
    if (file.error() != QFileDevice::NoError) {
        *error = QCoreApplication::translate("cody::conversationexport", "%1 cannot be read: %2")
                     .arg(shown, file.errorString());
        return false;
    }
    return true;
}

} // namespace cody::conversationexport
