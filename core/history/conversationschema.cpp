// SPDX-License-Identifier: Apache-2.0
#include "history/conversationschema.h"

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>
#include <QVariant>

#include <array>

using namespace Qt::StringLiterals;

namespace cody::conversationschema {

namespace {

// QSQLITE runs only the first statement of a string, so every step is a list of statements.
// Times are unix milliseconds (UTC): they sort as integers and need no parsing.
const QStringList &version1()
{
    static const QStringList statements = {
        uR"(CREATE TABLE conversations (
            id INTEGER PRIMARY KEY,
            title TEXT NOT NULL DEFAULT '',
            model TEXT NOT NULL DEFAULT '',
            system_prompt TEXT NOT NULL DEFAULT '',
            temperature REAL,
            max_tokens INTEGER,
            created INTEGER NOT NULL,
            updated INTEGER NOT NULL,
            pinned INTEGER NOT NULL DEFAULT 0))"_s,
        // The sidebar's order, so listing a page of 10 000 conversations needs no sort.
        u"CREATE INDEX conversations_order ON conversations (pinned DESC, updated DESC, id DESC)"_s,
        uR"(CREATE TABLE messages (
            id INTEGER PRIMARY KEY,
            conversation_id INTEGER NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
            role TEXT NOT NULL CHECK (role IN ('system', 'user', 'assistant')),
            text TEXT NOT NULL DEFAULT '',
            model TEXT NOT NULL DEFAULT '',
            stop_reason TEXT NOT NULL DEFAULT '',
            segments INTEGER NOT NULL DEFAULT 0,
            prompt_tokens INTEGER,
            completion_tokens INTEGER,
            state TEXT NOT NULL DEFAULT 'complete'
                CHECK (state IN ('complete', 'streaming', 'partial', 'failed')),
            error TEXT NOT NULL DEFAULT '',
            created INTEGER NOT NULL))"_s,
        u"CREATE INDEX messages_conversation ON messages (conversation_id, id)"_s,
        // Partial index: open() looks for interrupted replies without scanning every message.
        u"CREATE INDEX messages_streaming ON messages (state) WHERE state = 'streaming'"_s,
        // External content: the text is stored once, in messages; the triggers keep the index in
        // step, including rows removed by ON DELETE CASCADE.
        uR"(CREATE VIRTUAL TABLE messages_fts USING fts5 (
            text, content = 'messages', content_rowid = 'id',
            tokenize = 'unicode61 remove_diacritics 2'))"_s,
        uR"(CREATE TRIGGER messages_fts_insert AFTER INSERT ON messages BEGIN
            INSERT INTO messages_fts (rowid, text) VALUES (new.id, new.text);
            END)"_s,
        uR"(CREATE TRIGGER messages_fts_delete AFTER DELETE ON messages BEGIN
            INSERT INTO messages_fts (messages_fts, rowid, text) VALUES ('delete', old.id, old.text);
            END)"_s,
        uR"(CREATE TRIGGER messages_fts_update AFTER UPDATE OF text ON messages BEGIN
            INSERT INTO messages_fts (messages_fts, rowid, text) VALUES ('delete', old.id, old.text);
            INSERT INTO messages_fts (rowid, text) VALUES (new.id, new.text);
            END)"_s,
    };
    return statements;
}

// The codebase context a message went with (issue 17), beside the messages rather than in them:
// the full-text index covers message text only, and listing or opening a conversation reads each
// item's small metadata (ContextItem::toJson() without its content, in prompt order), never the
// chunks themselves, which can run to megabytes per conversation. Those live in context_contents,
// read when something needs them (export, sending again). Both go with their message (ON DELETE
// CASCADE, through message_context), so deleting messages or conversations needs no change.
const QStringList &version2()
{
    static const QStringList statements = {
        uR"(CREATE TABLE message_context (
            id INTEGER PRIMARY KEY,
            message_id INTEGER NOT NULL REFERENCES messages (id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            item TEXT NOT NULL))"_s,
        // Reading a message's items in order, and the cascade from messages, use this index.
        u"CREATE UNIQUE INDEX message_context_order ON message_context (message_id, position)"_s,
        uR"(CREATE TABLE context_contents (
            item_id INTEGER PRIMARY KEY REFERENCES message_context (id) ON DELETE CASCADE,
            content TEXT NOT NULL))"_s,
        // A conversation's standing context: repository names, one per line.
        uR"(ALTER TABLE conversations ADD COLUMN context_repositories TEXT NOT NULL DEFAULT '')"_s,
    };
    return statements;
}

using Step = const QStringList &(*)();

// steps[n] migrates user_version n to n + 1. A new schema version appends a step here; the
// existing steps never change, as databases in the field were made by them.
constexpr std::array<Step, 2> steps = {&version1, &version2};

bool execute(QSqlDatabase &db, const QString &statement, const QString &what, QString *error)
{
    QSqlQuery query(db);
    if (!query.exec(statement)) {
        if (error)
            *error = describe(what, query.lastError());
        return false;
    }
    return true;
}

bool runStep(QSqlDatabase &db, int from, QString *error)
{
    const QString what = QCoreApplication::translate(
        "cody::conversationschema", "migrating the conversation database from version %1 to %2")
                             .arg(from)
                             .arg(from + 1);
    // IMMEDIATE: take the write lock up front, so a second process opening the same file waits
    // (busy_timeout) instead of migrating concurrently.
    if (!execute(db, u"BEGIN IMMEDIATE"_s, what, error))
        return false;
    // Re-read under the lock: another process sharing the file may have run this step already.
    const std::optional<int> now = userVersion(db, error);
    if (now && *now > from)
        return execute(db, u"COMMIT"_s, what, error);
    bool ok = now.has_value();
    for (const QString &statement : steps[from]())
        ok = ok && execute(db, statement, what, error);
    // The version is part of the same transaction: a crash leaves either both or neither.
    ok = ok && execute(db, u"PRAGMA user_version = %1"_s.arg(from + 1), what, error);
    ok = ok && execute(db, u"COMMIT"_s, what, error);
    if (!ok) {
        QString ignored;
        execute(db, u"ROLLBACK"_s, what, &ignored);
    }
    return ok;
}

} // namespace

int currentVersion()
{
    return int(steps.size());
}

std::optional<int> userVersion(QSqlDatabase &db, QString *error)
{
    QSqlQuery query(db);
    if (!query.exec(u"PRAGMA user_version"_s) || !query.next()) {
        if (error)
            *error = describe(QCoreApplication::translate("cody::conversationschema",
                                  "reading the conversation database's version"),
                query.lastError());
        return std::nullopt;
    }
    return query.value(0).toInt();
}

bool migrate(QSqlDatabase &db, QString *error)
{
    const std::optional<int> version = userVersion(db, error);
    if (!version)
        return false;
    if (*version > currentVersion()) {
        if (error)
            *error = newerVersionError(db.databaseName(), *version);
        return false;
    }
    if (*version < 0) {
        if (error)
            *error = QCoreApplication::translate("cody::conversationschema",
                "The conversation database has an invalid schema version %1")
                         .arg(*version);
        return false;
    }
    for (int from = *version; from < currentVersion(); ++from) {
        if (!runStep(db, from, error))
            return false;
    }
    return true;
}

qint64 toMs(const QDateTime &time)
{
    return time.isValid() ? time.toMSecsSinceEpoch() : QDateTime::currentMSecsSinceEpoch();
}

QDateTime fromMs(const QVariant &value)
{
    return QDateTime::fromMSecsSinceEpoch(value.toLongLong(), Qt::UTC);
}

// QtSql binds a null QString as SQL NULL, which the NOT NULL text columns refuse.
QVariant textValue(const QString &value)
{
    return value.isNull() ? QVariant(u""_s) : QVariant(value);
}

QString conversationColumns(int version)
{
    return u"id, title, model, system_prompt, temperature, max_tokens, created, updated, pinned, "_s
        + (version >= 2 ? u"context_repositories"_s : u"''"_s);
}

QString messageColumns()
{
    return u"id, conversation_id, role, text, model, stop_reason, segments, "
           u"prompt_tokens, completion_tokens, state, error, created"_s;
}

StoredConversation readConversation(const QSqlQuery &q)
{
    StoredConversation c;
    c.id = q.value(0).toLongLong();
    c.title = q.value(1).toString();
    c.model = q.value(2).toString();
    c.systemPrompt = q.value(3).toString();
    if (!q.isNull(4))
        c.temperature = q.value(4).toDouble();
    if (!q.isNull(5))
        c.maxTokens = q.value(5).toInt();
    c.created = fromMs(q.value(6));
    c.updated = fromMs(q.value(7));
    c.pinned = q.value(8).toBool();
    c.contextRepositories = q.value(9).toString().split(u'\n', Qt::SkipEmptyParts);
    return c;
}

StoredMessage readMessage(const QSqlQuery &q)
{
    StoredMessage m;
    m.id = q.value(0).toLongLong();
    m.conversationId = q.value(1).toLongLong();
    m.speaker = roleFromName(q.value(2).toString()).value_or(ChatMessage::Speaker::Human);
    m.text = q.value(3).toString();
    m.model = q.value(4).toString();
    m.stopReason = q.value(5).toString();
    m.segments = q.value(6).toInt();
    if (!q.isNull(7) || !q.isNull(8))
        m.usage = TokenUsage {q.value(7).toLongLong(), q.value(8).toLongLong()};
    m.state = stateFromName(q.value(9).toString()).value_or(StoredMessage::State::Complete);
    m.error = q.value(10).toString();
    m.created = fromMs(q.value(11));
    return m;
}

qint64 insertMessage(QSqlDatabase &db, const StoredMessage &m, const QString &what, QString *error)
{
    QSqlQuery q(db);
    q.prepare(u"INSERT INTO messages (conversation_id, role, text, model, stop_reason, segments, "
              u"prompt_tokens, completion_tokens, state, error, created) "
              u"VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s);
    q.addBindValue(m.conversationId);
    q.addBindValue(roleName(m.speaker));
    q.addBindValue(textValue(m.text));
    q.addBindValue(textValue(m.model));
    q.addBindValue(textValue(m.stopReason));
    q.addBindValue(m.segments);
    q.addBindValue(m.usage ? QVariant(m.usage->promptTokens) : QVariant());
    q.addBindValue(m.usage ? QVariant(m.usage->completionTokens) : QVariant());
    q.addBindValue(stateName(m.state));
    q.addBindValue(textValue(m.error));
    q.addBindValue(toMs(m.created));
    if (!q.exec()) {
        if (error)
            *error = describe(what, q.lastError());
        return 0;
    }
    return q.lastInsertId().toLongLong();
}

QString newerVersionError(const QString &path, int version)
{
    return QCoreApplication::translate("cody::conversationschema",
        "The conversation database %1 has schema version %2, newer than this Cody Chat "
        "understands (%3); it was left untouched. Use a newer Cody Chat.")
        .arg(path)
        .arg(version)
        .arg(currentVersion());
}

QString describe(const QString &what, const QSqlError &sqlError)
{
    QString text = sqlError.text().trimmed();
    text.replace(u'\n', u' ');
    if (text.isEmpty())
        text = QCoreApplication::translate("cody::conversationschema", "unknown database error");
    return what + u": "_s + text;
}

QString roleName(ChatMessage::Speaker speaker)
{
    switch (speaker) {
    case ChatMessage::Speaker::System:
        return u"system"_s;
    case ChatMessage::Speaker::Human:
        return u"user"_s;
    case ChatMessage::Speaker::Assistant:
        return u"assistant"_s;
    }
    return u"user"_s;
}

std::optional<ChatMessage::Speaker> roleFromName(const QString &name)
{
    if (name == u"system")
        return ChatMessage::Speaker::System;
    if (name == u"user")
        return ChatMessage::Speaker::Human;
    if (name == u"assistant")
        return ChatMessage::Speaker::Assistant;
    return std::nullopt;
}

QString stateName(StoredMessage::State state)
{
    switch (state) {
    case StoredMessage::State::Complete:
        return u"complete"_s;
    case StoredMessage::State::Streaming:
        return u"streaming"_s;
    case StoredMessage::State::Partial:
        return u"partial"_s;
    case StoredMessage::State::Failed:
        return u"failed"_s;
    }
    return u"complete"_s;
}

std::optional<StoredMessage::State> stateFromName(const QString &name)
{
    if (name == u"complete")
        return StoredMessage::State::Complete;
    if (name == u"streaming")
        return StoredMessage::State::Streaming;
    if (name == u"partial")
        return StoredMessage::State::Partial;
    if (name == u"failed")
        return StoredMessage::State::Failed;
    return std::nullopt;
}

} // namespace cody::conversationschema
