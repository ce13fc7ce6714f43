// SPDX-License-Identifier: Apache-2.0
#include "history/conversationstore.h"

#include "history/conversationexport.h"
#include "history/conversationschema.h"
#include "history/conversationsearch.h"
#include "history/historydatabase.h"
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

// Title, model, system prompt, temperature and max tokens, in that order: what both INSERT and
// UPDATE of a conversation bind first.
void bindDescription(QSqlQuery &q, const StoredConversation &c)
{
    q.addBindValue(textValue(c.title));
    q.addBindValue(textValue(c.model));
    q.addBindValue(textValue(c.systemPrompt));
    q.addBindValue(nullable(c.temperature));
    q.addBindValue(nullable(c.maxTokens));
    // Repository names hold no line breaks (they are URL paths).
    q.addBindValue(textValue(c.contextRepositories.join(u'\n')));
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
    explicit Private(const QString &connectionName)
        : file(connectionName)
    { }

    HistoryDatabase file;

    QSqlDatabase &db() { return file.db(); }
    bool exec(QSqlQuery &query, const QString &what, QString *error) const
    {
        if (query.exec())
            return true;
        return fail(error, schema::describe(what, query.lastError()));
    }
    bool touch(qint64 conversationId, QString *error);
    /// touch() for the conversation `messageId` belongs to.
    bool touchForMessage(qint64 messageId, const QString &what, QString *error);
};

bool ConversationStore::Private::touch(qint64 conversationId, QString *error)
{
    QSqlQuery q(db());
    q.prepare(u"UPDATE conversations SET updated = ? WHERE id = ?"_s);
    q.addBindValue(QDateTime::currentMSecsSinceEpoch());
    q.addBindValue(conversationId);
    return exec(q, ConversationStore::tr("Updating the conversation's time"), error);
}

bool ConversationStore::Private::touchForMessage(
    qint64 messageId, const QString &what, QString *error)
{
    QSqlQuery q(db());
    q.prepare(u"UPDATE conversations SET updated = ? "
              u"WHERE id = (SELECT conversation_id FROM messages WHERE id = ?)"_s);
    q.addBindValue(QDateTime::currentMSecsSinceEpoch());
    q.addBindValue(messageId);
    return exec(q, what, error);
}

namespace {
QString newConnectionName()
{
    static QAtomicInteger<quint64> counter;
    return u"cody-conversations-"_s + QString::number(counter.fetchAndAddRelaxed(1));
}
} // namespace

ConversationStore::ConversationStore(QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>(newConnectionName()))
{ }

ConversationStore::~ConversationStore() = default;

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
    return d->file.open(path, error);
}

bool ConversationStore::isOpen() const
{
    return d->file.isOpen();
}

QString ConversationStore::path() const
{
    return d->file.path();
}

QStringList ConversationStore::tightened() const
{
    return d->file.tightened();
}

QString ConversationStore::movedAside() const
{
    return d->file.movedAside();
}

bool ConversationStore::writesConversations(QString *error) const
{
    // Only a read-only file is left at an older version (HistoryDatabase reads it as it is),
    // whose conversations lack this version's columns: say what SQLite would say of any write.
    if (d->file.schemaVersion() >= schema::currentVersion())
        return true;
    return fail(error, tr("%1 is read-only").arg(d->file.path()));
}

qint64 ConversationStore::createConversation(const StoredConversation &c, QString *error)
{
    if (!isOpen())
        return fail(error, notOpen());
    if (!writesConversations(error))
        return 0;
    const qint64 created = toMs(c.created);
    QSqlQuery q(d->db());
    q.prepare(
        u"INSERT INTO conversations (title, model, system_prompt, temperature, max_tokens, "
        u"context_repositories, created, updated, pinned) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"_s);
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
    if (!writesConversations(error))
        return false;
    // `updated` is kept unless given: renaming or pinning must not reorder the list.
    QSqlQuery q(d->db());
    q.prepare(
        u"UPDATE conversations SET title = ?, model = ?, system_prompt = ?, temperature = ?, "
        u"max_tokens = ?, context_repositories = ?, pinned = ?, updated = COALESCE(?, updated) WHERE id = ?"_s);
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
    QSqlQuery q(d->db());
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
    QSqlQuery q(d->db());
    q.prepare(u"SELECT "_s + schema::conversationColumns(d->file.schemaVersion())
        + u" FROM conversations WHERE id = ?"_s);
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
    QSqlQuery q(d->db());
    q.setForwardOnly(true);
    q.prepare(u"SELECT "_s + schema::conversationColumns(d->file.schemaVersion())
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
    QSqlQuery q(d->db());
    if (!q.exec(u"SELECT COUNT(*) FROM conversations"_s) || !q.next())
        return 0;
    return q.value(0).toInt();
}

std::optional<qint64> ConversationStore::latestConversationId() const
{
    if (!isOpen())
        return {};
    // The one last written to, pinned or not: what `chat --continue` means.
    QSqlQuery q(d->db());
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
    sqlitefile::Transaction transaction(d->db(), what, error);
    if (!transaction.active())
        return 0;
    const qint64 id = schema::insertMessage(d->db(), m, what, error);
    if (id == 0 || !messagecontext::write(d->db(), id, m.context, what, error))
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
    sqlitefile::Transaction transaction(d->db(), what, error);
    if (!transaction.active())
        return false;
    QSqlQuery q(d->db());
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
    sqlitefile::Transaction transaction(d->db(), what, error);
    if (!transaction.active())
        return false;
    QSqlQuery q(d->db());
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
    QSqlQuery q(d->db());
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
    sqlitefile::Transaction transaction(d->db(), what, error);
    if (!transaction.active())
        return false;
    QSqlQuery q(d->db());
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
    QSqlQuery q(d->db());
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
            d->db(), conversationId, &result, content == ContextContent::Load, nullptr);
    return result;
}

bool ConversationStore::setMessageContext(
    qint64 messageId, const QList<ContextItem> &items, QString *error)
{
    if (!isOpen())
        return fail(error, notOpen());
    const QString what = tr("Saving the context of message %1").arg(messageId);
    sqlitefile::Transaction transaction(d->db(), what, error);
    return transaction.active() && messagecontext::write(d->db(), messageId, items, what, error)
        && transaction.commit(error);
}

QList<ContextItem> ConversationStore::messageContext(qint64 messageId, int *unreadable) const
{
    if (unreadable)
        *unreadable = 0;
    if (!isOpen())
        return {};
    return messagecontext::read(d->db(), messageId, unreadable, nullptr);
}

QList<SearchHit> ConversationStore::search(const QString &query, int limit, QString *error) const
{
    if (!isOpen()) {
        fail(error, notOpen());
        return {};
    }
    return conversationsearch::search(d->db(), query, limit, error);
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
    QSqlQuery q(d->db());
    q.setForwardOnly(true);
    if (!q.exec(u"SELECT "_s + schema::conversationColumns(d->file.schemaVersion())
            + u" FROM conversations ORDER BY id"_s))
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
    sqlitefile::Transaction transaction(d->db(), what, error);
    if (!transaction.active())
        return false;
    QList<qint64> ids;
    for (const conversationexport::ExportedConversation &exported : parsed) {
        const qint64 id = createConversation(exported.conversation, error);
        if (id == 0)
            return false;
        for (StoredMessage m : std::as_const(exported.messages)) {
            m.conversationId = id;
            const qint64 messageId = schema::insertMessage(d->db(), m, what, error);
            if (messageId == 0
                || !messagecontext::write(d->db(), messageId, m.context, what, error))
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
