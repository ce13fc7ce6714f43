// SPDX-License-Identifier: Apache-2.0
#include "history/conversationstore.h"

#include "history/conversationexport.h"
#include "history/conversationschema.h"
#include "history/conversationsearch.h"
#include "history/databaseopenmarker.h"
#include "history/messagecontext.h"
#include "history/sqlitefile.h"

#include <QAtomicInteger>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QStorageInfo>
#include <QThread>
#include <QVariant>

using namespace Qt::StringLiterals;

namespace cody {

namespace schema = conversationschema;
using schema::nullable;
using schema::textValue;
using schema::toMs;

namespace {

QString notOpen()
{
    return QCoreApplication::translate(
        "cody::ConversationStore", "The conversation database is not open");
}

// Up to this size the whole file is checked at every open (tens of milliseconds).
constexpr qint64 FullCheckMaxBytes = 64 * 1024 * 1024;

// Less free space than this on the history's disk is reported as "full".
constexpr qint64 MinFreeBytes = 256 * 1024;

// Title, model, system prompt, temperature and max tokens, in that order: what both INSERT and
// UPDATE of a conversation bind first.
void bindDescription(QSqlQuery &q, const StoredConversation &c)
{
    q.addBindValue(textValue(c.title));
    q.addBindValue(textValue(c.model));
    q.addBindValue(textValue(c.systemPrompt));
    q.addBindValue(nullable(c.temperature));
    q.addBindValue(nullable(c.maxTokens));
}

bool fail(QString *error, const QString &message)
{
    if (error)
        *error = message;
    return false;
}

} // namespace

class ConversationStore::Private
{
public:
    QString connectionName;
    QString path;
    QString movedAside;
    QStringList tightened;
    DatabaseOpenMarker marker; ///< this process has `path` open
    QSqlDatabase db;

    bool connect(const QString &file, QString *error);
    void disconnect();
    bool exec(QSqlQuery &query, const QString &what, QString *error) const
    {
        if (query.exec())
            return true;
        return fail(error, schema::describe(what, query.lastError()));
    }
    bool execSql(const QString &sql, const QString &what, QString *error) const
    {
        return sqlitefile::execSql(db, sql, what, error);
    }
    bool touch(qint64 conversationId, QString *error);
    /// touch() for the conversation `messageId` belongs to.
    bool touchForMessage(qint64 messageId, const QString &what, QString *error);
    // The file is damaged: keep it under another name and start a new database in its place.
    bool startOver(QString *error)
    {
        disconnect();
        return sqlitefile::moveAside(path, &movedAside, error) && connect(path, error);
    }
};

bool ConversationStore::Private::connect(const QString &file, QString *error)
{
    db = QSqlDatabase::addDatabase(u"QSQLITE"_s, connectionName);
    sqlitefile::setFile(db, file);
    if (!db.open()) {
        const QString message = schema::describe(
            ConversationStore::tr("Cannot open the conversation database %1").arg(file),
            db.lastError());
        disconnect();
        return fail(error, message);
    }
    // Set before anything reads the file: a CLI and the GUI may hold the same database.
    return execSql(
        u"PRAGMA busy_timeout = 5000"_s, ConversationStore::tr("Configuring %1").arg(file), error);
}

void ConversationStore::Private::disconnect()
{
    marker.release();
    if (!db.isValid())
        return;
    db.close();
    // removeDatabase() wants no QSqlDatabase handle left to the connection.
    db = QSqlDatabase();
    QSqlDatabase::removeDatabase(connectionName);
}

bool ConversationStore::Private::touch(qint64 conversationId, QString *error)
{
    QSqlQuery q(db);
    q.prepare(u"UPDATE conversations SET updated = ? WHERE id = ?"_s);
    q.addBindValue(QDateTime::currentMSecsSinceEpoch());
    q.addBindValue(conversationId);
    return exec(q, ConversationStore::tr("Updating the conversation's time"), error);
}

bool ConversationStore::Private::touchForMessage(
    qint64 messageId, const QString &what, QString *error)
{
    QSqlQuery q(db);
    q.prepare(u"UPDATE conversations SET updated = ? "
              u"WHERE id = (SELECT conversation_id FROM messages WHERE id = ?)"_s);
    q.addBindValue(QDateTime::currentMSecsSinceEpoch());
    q.addBindValue(messageId);
    return exec(q, what, error);
}

ConversationStore::ConversationStore(QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>())
{
    static QAtomicInteger<quint64> counter;
    d->connectionName = u"cody-conversations-"_s + QString::number(counter.fetchAndAddRelaxed(1));
}

ConversationStore::~ConversationStore()
{
    d->disconnect();
}

QString ConversationStore::defaultPath()
{
    // Not AppDataLocation: the app and the CLI have different application names, and must share
    // one history.
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation)
        + u"/cody-chat/history.sqlite"_s;
}

int ConversationStore::schemaVersion()
{
    return schema::currentVersion();
}

bool ConversationStore::open(const QString &path, QString *error)
{
    // Two processes creating or migrating the file at the same moment can find it locked in ways
    // SQLite's busy handler does not wait for (switching to WAL, recovering the WAL index): try
    // again for a few seconds before giving up.
    QElapsedTimer clock;
    clock.start();
    QString problem;
    for (;;) {
        problem.clear();
        if (openOnce(path, &problem))
            return true;
        if (!problem.contains(u"database is locked"_s) || clock.elapsed() > 5000)
            break;
        QThread::msleep(50);
    }
    // SQLite reports a full disk met while opening (the WAL index cannot grow) as an I/O error.
    const QStorageInfo volume(QFileInfo(path).absolutePath());
    if (volume.isValid() && volume.bytesAvailable() < MinFreeBytes)
        problem = tr("%1 — the disk holding it is full").arg(problem);
    return fail(error, problem);
}

bool ConversationStore::openOnce(const QString &path, QString *error)
{
    d->disconnect();
    d->path.clear();
    d->movedAside.clear();
    d->tightened.clear();
    if (const QString problem = sqlitefile::pathProblem(path, &d->tightened); !problem.isEmpty())
        return fail(error, problem);
    d->path = path;
    if (!d->connect(path, error))
        return false;
    // Reading every page costs seconds for years of history: do it when it is cheap, or when a
    // process that had the file open died; otherwise a cut-off file is still found in O(1), and
    // damage elsewhere shows as errors when it is read (the file is never wiped either way).
    const QStringList stale = DatabaseOpenMarker::stale(path);
    const bool fullCheck = !stale.isEmpty() || QFileInfo(path).size() <= FullCheckMaxBytes;
    QSqlQuery check(d->db);
    const QString checking = tr("Checking the conversation database %1").arg(path);
    if (!fullCheck) {
        if (sqlitefile::isTruncated(path) && !d->startOver(error))
            return false;
    } else if (!check.exec(u"PRAGMA quick_check"_s) || !check.next()) {
        const QSqlError sqlError = check.lastError();
        check = QSqlQuery();
        if (!sqlitefile::isCorruption(sqlError)) {
            d->disconnect();
            return fail(error, schema::describe(checking, sqlError));
        }
        if (!d->startOver(error))
            return false;
    } else if (check.value(0).toString() != u"ok") {
        check = QSqlQuery();
        if (!d->startOver(error))
            return false;
    }
    check = QSqlQuery();

    // Refuse a newer schema before anything writes to the file (journal_mode writes its header).
    const std::optional<int> version = schema::userVersion(d->db, error);
    if (!version || *version > schema::currentVersion()) {
        if (version)
            fail(error, schema::newerVersionError(path, *version));
        d->disconnect();
        return false;
    }
    // WAL lets a reader (the GUI) and a writer (the CLI) work at once. On a read-only file the
    // mode cannot change; reading still works, so that failure is not fatal.
    QString ignored;
    const bool writable = QFileInfo(path).isWritable();
    if (!d->execSql(u"PRAGMA journal_mode = WAL"_s, checking, writable ? error : &ignored)
        && writable) {
        d->disconnect();
        return false;
    }
    // A read-only history of an older version is read as it is, as migrating would write: its
    // messages then come without context, which that version did not keep anyway.
    const bool readAsItIs = !writable && *version >= 1;
    if (!d->execSql(u"PRAGMA foreign_keys = ON"_s, checking, error)
        || (!readAsItIs && !schema::migrate(d->db, error))) {
        d->disconnect();
        return false;
    }
    // The app died while these replies streamed: what was written is kept, as a partial reply.
    // On a read-only file this fails and they stay Streaming; nothing else can be done there.
    // (A reply another process is streaming right now is marked too; its finish() corrects it.)
    d->execSql(
        u"UPDATE messages SET state = 'partial' WHERE state = 'streaming'"_s, checking, nullptr);
    DatabaseOpenMarker::remove(stale);
    d->marker.create(path);
    return true;
}

bool ConversationStore::isOpen() const
{
    return d->db.isOpen();
}

QString ConversationStore::path() const
{
    return d->path;
}

QStringList ConversationStore::tightened() const
{
    return d->tightened;
}

QString ConversationStore::movedAside() const
{
    return d->movedAside;
}

qint64 ConversationStore::createConversation(const StoredConversation &c, QString *error)
{
    if (!isOpen())
        return fail(error, notOpen());
    const qint64 created = toMs(c.created);
    QSqlQuery q(d->db);
    q.prepare(u"INSERT INTO conversations (title, model, system_prompt, temperature, max_tokens, "
              u"created, updated, pinned) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"_s);
    bindDescription(q, c);
    q.addBindValue(created);
    q.addBindValue(c.updated.isValid() ? c.updated.toMSecsSinceEpoch() : created);
    q.addBindValue(c.pinned);
    if (!d->exec(q, tr("Creating a conversation"), error))
        return 0;
    return q.lastInsertId().toLongLong();
}

bool ConversationStore::updateConversation(const StoredConversation &c, QString *error)
{
    if (!isOpen())
        return fail(error, notOpen());
    // `updated` is kept unless given: renaming or pinning must not reorder the list.
    QSqlQuery q(d->db);
    q.prepare(u"UPDATE conversations SET title = ?, model = ?, system_prompt = ?, temperature = ?, "
              u"max_tokens = ?, pinned = ?, updated = COALESCE(?, updated) WHERE id = ?"_s);
    bindDescription(q, c);
    q.addBindValue(c.pinned);
    q.addBindValue(c.updated.isValid() ? QVariant(c.updated.toMSecsSinceEpoch()) : QVariant());
    q.addBindValue(c.id);
    if (!d->exec(q, tr("Saving conversation %1").arg(c.id), error))
        return false;
    if (q.numRowsAffected() < 1)
        return fail(error, tr("Saving conversation %1: no such conversation").arg(c.id));
    return true;
}

bool ConversationStore::deleteConversation(qint64 id, QString *error)
{
    if (!isOpen())
        return fail(error, notOpen());
    // Messages go with it (ON DELETE CASCADE), and the FTS triggers fire for each of them.
    QSqlQuery q(d->db);
    q.prepare(u"DELETE FROM conversations WHERE id = ?"_s);
    q.addBindValue(id);
    if (!d->exec(q, tr("Deleting conversation %1").arg(id), error))
        return false;
    if (q.numRowsAffected() < 1)
        return fail(error, tr("Deleting conversation %1: no such conversation").arg(id));
    return true;
}

std::optional<StoredConversation> ConversationStore::conversation(qint64 id) const
{
    if (!isOpen())
        return {};
    QSqlQuery q(d->db);
    q.prepare(u"SELECT "_s + schema::conversationColumns() + u" FROM conversations WHERE id = ?"_s);
    q.addBindValue(id);
    if (!q.exec() || !q.next())
        return std::nullopt;
    return schema::readConversation(q);
}

QList<StoredConversation> ConversationStore::conversations(int offset, int limit) const
{
    if (!isOpen())
        return {};
    QList<StoredConversation> result;
    QSqlQuery q(d->db);
    q.setForwardOnly(true);
    q.prepare(u"SELECT "_s + schema::conversationColumns()
        + u" FROM conversations ORDER BY pinned DESC, updated DESC, id DESC LIMIT ? OFFSET ?"_s);
    q.addBindValue(limit < 0 ? -1 : limit);
    q.addBindValue(qMax(0, offset));
    if (!q.exec())
        return result;
    while (q.next())
        result.append(schema::readConversation(q));
    return result;
}

int ConversationStore::conversationCount() const
{
    if (!isOpen())
        return {};
    QSqlQuery q(d->db);
    if (!q.exec(u"SELECT COUNT(*) FROM conversations"_s) || !q.next())
        return 0;
    return q.value(0).toInt();
}

std::optional<qint64> ConversationStore::latestConversationId() const
{
    if (!isOpen())
        return {};
    // The one last written to, pinned or not: what `chat --continue` means.
    QSqlQuery q(d->db);
    if (!q.exec(u"SELECT id FROM conversations ORDER BY updated DESC, id DESC LIMIT 1"_s)
        || !q.next())
        return std::nullopt;
    return q.value(0).toLongLong();
}

qint64 ConversationStore::appendMessage(const StoredMessage &m, QString *error)
{
    if (!isOpen())
        return fail(error, notOpen());
    const QString what = tr("Saving a message in conversation %1").arg(m.conversationId);
    sqlitefile::Transaction transaction(d->db, what, error);
    if (!transaction.active())
        return 0;
    const qint64 id = schema::insertMessage(d->db, m, what, error);
    if (id == 0 || !messagecontext::write(d->db, id, m.context, what, error))
        return 0;
    if (!d->touch(m.conversationId, error) || !transaction.commit(error))
        return 0;
    return id;
}

bool ConversationStore::updateMessage(const StoredMessage &m, QString *error)
{
    if (!isOpen())
        return fail(error, notOpen());
    const QString what = tr("Saving message %1").arg(m.id);
    sqlitefile::Transaction transaction(d->db, what, error);
    if (!transaction.active())
        return false;
    QSqlQuery q(d->db);
    q.prepare(u"UPDATE messages SET role = ?, text = ?, model = ?, stop_reason = ?, segments = ?, "
              u"prompt_tokens = ?, completion_tokens = ?, state = ?, error = ? WHERE id = ?"_s);
    q.addBindValue(schema::roleName(m.speaker));
    q.addBindValue(textValue(m.text));
    q.addBindValue(textValue(m.model));
    q.addBindValue(textValue(m.stopReason));
    q.addBindValue(m.segments);
    q.addBindValue(m.usage ? QVariant(m.usage->promptTokens) : QVariant());
    q.addBindValue(m.usage ? QVariant(m.usage->completionTokens) : QVariant());
    q.addBindValue(schema::stateName(m.state));
    q.addBindValue(textValue(m.error));
    q.addBindValue(m.id);
    if (!d->exec(q, what, error))
        return false;
    if (q.numRowsAffected() < 1)
        return fail(error, tr("%1: no such message").arg(what));
    return d->touchForMessage(m.id, what, error) && transaction.commit(error);
}

bool ConversationStore::appendToMessage(qint64 messageId, const QString &more, QString *error)
{
    if (!isOpen())
        return fail(error, notOpen());
    const QString what = tr("Saving streamed text of message %1").arg(messageId);
    sqlitefile::Transaction transaction(d->db, what, error);
    if (!transaction.active())
        return false;
    QSqlQuery q(d->db);
    q.prepare(u"UPDATE messages SET text = text || ? WHERE id = ?"_s);
    q.addBindValue(textValue(more));
    q.addBindValue(messageId);
    if (!d->exec(q, what, error))
        return false;
    if (q.numRowsAffected() < 1)
        return fail(error, tr("%1: no such message").arg(what));
    return d->touchForMessage(messageId, what, error) && transaction.commit(error);
}

bool ConversationStore::markInterrupted(qint64 messageId, QString *error)
{
    if (!isOpen())
        return fail(error, notOpen());
    QSqlQuery q(d->db);
    q.prepare(u"UPDATE messages SET state = 'partial' WHERE id = ? AND state = 'streaming'"_s);
    q.addBindValue(messageId);
    return d->exec(q, tr("Saving message %1").arg(messageId), error);
}

bool ConversationStore::deleteMessagesFrom(
    qint64 conversationId, qint64 firstMessageId, QString *error)
{
    if (!isOpen())
        return fail(error, notOpen());
    const QString what = tr("Deleting messages from %1 in conversation %2")
                             .arg(firstMessageId)
                             .arg(conversationId);
    sqlitefile::Transaction transaction(d->db, what, error);
    if (!transaction.active())
        return false;
    QSqlQuery q(d->db);
    q.prepare(u"DELETE FROM messages WHERE conversation_id = ? AND id >= ?"_s);
    q.addBindValue(conversationId);
    q.addBindValue(firstMessageId);
    if (!d->exec(q, what, error))
        return false;
    if (q.numRowsAffected() < 1)
        return fail(error, tr("%1: no such message").arg(what));
    return d->touch(conversationId, error) && transaction.commit(error);
}

QList<StoredMessage> ConversationStore::messages(
    qint64 conversationId, ContextContent content) const
{
    if (!isOpen())
        return {};
    QList<StoredMessage> result;
    QSqlQuery q(d->db);
    q.setForwardOnly(true);
    q.prepare(u"SELECT "_s + schema::messageColumns()
        + u" FROM messages WHERE conversation_id = ? ORDER BY id"_s);
    q.addBindValue(conversationId);
    if (!q.exec())
        return result;
    while (q.next())
        result.append(schema::readMessage(q));
    // The messages stand without their context: a failure to read it costs only that.
    if (!result.isEmpty())
        messagecontext::attach(
            d->db, conversationId, &result, content == ContextContent::Load, nullptr);
    return result;
}

bool ConversationStore::setMessageContext(
    qint64 messageId, const QList<ContextItem> &items, QString *error)
{
    if (!isOpen())
        return fail(error, notOpen());
    const QString what = tr("Saving the context of message %1").arg(messageId);
    sqlitefile::Transaction transaction(d->db, what, error);
    return transaction.active() && messagecontext::write(d->db, messageId, items, what, error)
        && transaction.commit(error);
}

QList<ContextItem> ConversationStore::messageContext(qint64 messageId, int *unreadable) const
{
    if (unreadable)
        *unreadable = 0;
    if (!isOpen())
        return {};
    return messagecontext::read(d->db, messageId, unreadable, nullptr);
}

QList<SearchHit> ConversationStore::search(const QString &query, int limit, QString *error) const
{
    if (!isOpen()) {
        fail(error, notOpen());
        return {};
    }
    return conversationsearch::search(d->db, query, limit, error);
}

QByteArray ConversationStore::exportJson(qint64 conversationId) const
{
    const std::optional<StoredConversation> c = conversation(conversationId);
    if (!c)
        return {};
    return conversationexport::toJson({{*c, messages(conversationId, ContextContent::Load)}});
}

QByteArray ConversationStore::exportAllJson() const
{
    if (!isOpen())
        return {};
    QList<conversationexport::ExportedConversation> all;
    QSqlQuery q(d->db);
    q.setForwardOnly(true);
    if (!q.exec(
            u"SELECT "_s + schema::conversationColumns() + u" FROM conversations ORDER BY id"_s))
        return {};
    while (q.next())
        all.append({schema::readConversation(q), {}});
    for (conversationexport::ExportedConversation &exported : all)
        exported.messages = messages(exported.conversation.id, ContextContent::Load);
    return conversationexport::toJson(all);
}

QString ConversationStore::exportMarkdown(qint64 conversationId) const
{
    const std::optional<StoredConversation> c = conversation(conversationId);
    if (!c)
        return {};
    return conversationexport::toMarkdown({*c, messages(conversationId)});
}

bool ConversationStore::importJson(const QByteArray &json, QList<qint64> *imported, QString *error)
{
    if (!isOpen())
        return fail(error, notOpen());
    QList<conversationexport::ExportedConversation> parsed;
    if (!conversationexport::fromJson(json, &parsed, error))
        return false;
    return importConversations(parsed, imported, error);
}

bool ConversationStore::importConversations(
    const QList<conversationexport::ExportedConversation> &parsed, QList<qint64> *imported,
    QString *error)
{
    if (!isOpen())
        return fail(error, notOpen());
    // All or nothing: one transaction around every conversation (createConversation() and
    // insertMessage() open none of their own).
    const QString what = tr("Importing conversations");
    sqlitefile::Transaction transaction(d->db, what, error);
    if (!transaction.active())
        return false;
    QList<qint64> ids;
    for (const conversationexport::ExportedConversation &exported : parsed) {
        const qint64 id = createConversation(exported.conversation, error);
        if (id == 0)
            return false;
        for (StoredMessage m : std::as_const(exported.messages)) {
            m.conversationId = id;
            const qint64 messageId = schema::insertMessage(d->db, m, what, error);
            if (messageId == 0 || !messagecontext::write(d->db, messageId, m.context, what, error))
                return false;
        }
        ids.append(id);
    }
    if (!transaction.commit(error))
        return false;
    if (imported)
        *imported = ids;
    return true;
}

} // namespace cody
