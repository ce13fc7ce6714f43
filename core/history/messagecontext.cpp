// SPDX-License-Identifier: Apache-2.0
#include "history/messagecontext.h"

#include "history/conversationschema.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

using namespace Qt::StringLiterals;

namespace cody::messagecontext {

namespace {

bool failed(const QSqlQuery &q, const QString &what, QString *error)
{
    if (error)
        *error = conversationschema::describe(what, q.lastError());
    return false;
}

QString reading()
{
    return QCoreApplication::translate(
        "cody::messagecontext", "Reading the context of the conversation's messages");
}

// The metadata column: the item as exported, less its content, which has a table of its own.
QString metadata(const ContextItem &item)
{
    QJsonObject object = item.toJson();
    object.remove(u"content"_s);
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

// Nullopt for a row that is not a context item: hand-edited, or written by something else.
std::optional<ContextItem> parse(const QVariant &item, const QVariant &content)
{
    const QJsonDocument document = QJsonDocument::fromJson(item.toString().toUtf8());
    if (!document.isObject())
        return std::nullopt;
    std::optional<ContextItem> parsed = ContextItem::fromJson(document.object());
    if (parsed)
        parsed->content = content.toString();
    return parsed;
}

} // namespace

bool write(QSqlDatabase &db, qint64 messageId, const QList<ContextItem> &items, const QString &what,
    QString *error)
{
    QSqlQuery q(db);
    q.prepare(u"SELECT 1 FROM messages WHERE id = ?"_s);
    q.addBindValue(messageId);
    if (!q.exec())
        return failed(q, what, error);
    if (!q.next()) {
        if (error)
            *error = QCoreApplication::translate("cody::messagecontext", "%1: no such message")
                         .arg(what);
        return false;
    }
    // The old items' contents go with them (ON DELETE CASCADE).
    q.prepare(u"DELETE FROM message_context WHERE message_id = ?"_s);
    q.addBindValue(messageId);
    if (!q.exec())
        return failed(q, what, error);
    if (items.isEmpty())
        return true;
    QSqlQuery insertItem(db);
    insertItem.prepare(
        u"INSERT INTO message_context (message_id, position, item) VALUES (?, ?, ?)"_s);
    QSqlQuery insertContent(db);
    insertContent.prepare(u"INSERT INTO context_contents (item_id, content) VALUES (?, ?)"_s);
    for (qsizetype position = 0; position < items.size(); ++position) {
        const ContextItem &item = items.at(position);
        insertItem.addBindValue(messageId);
        insertItem.addBindValue(position);
        insertItem.addBindValue(metadata(item));
        if (!insertItem.exec())
            return failed(insertItem, what, error);
        if (item.content.isEmpty())
            continue;
        insertContent.addBindValue(insertItem.lastInsertId());
        insertContent.addBindValue(item.content);
        if (!insertContent.exec())
            return failed(insertContent, what, error);
    }
    return true;
}

bool attach(QSqlDatabase &db, qint64 conversationId, QList<StoredMessage> *messages,
    bool withContent, QString *error)
{
    QSqlQuery q(db);
    q.setForwardOnly(true);
    // Without contents the join is left out altogether: their pages are never read.
    q.prepare(u"SELECT c.message_id, c.item, %1 FROM message_context c "
              u"JOIN messages m ON m.id = c.message_id %2 "
              u"WHERE m.conversation_id = ? ORDER BY c.message_id, c.position"_s.arg(
                  withContent ? u"t.content"_s : u"NULL"_s,
                  withContent ? u"LEFT JOIN context_contents t ON t.item_id = c.id"_s : QString()));
    q.addBindValue(conversationId);
    if (!q.exec())
        return failed(q, reading(), error);
    // Both are ordered by message id: one pass over each.
    qsizetype index = 0;
    while (q.next()) {
        const qint64 messageId = q.value(0).toLongLong();
        while (index < messages->size() && messages->at(index).id < messageId)
            ++index;
        if (index == messages->size())
            break;
        StoredMessage &message = (*messages)[index];
        if (message.id != messageId)
            continue; // written after the messages were read
        if (const std::optional<ContextItem> item = parse(q.value(1), q.value(2)))
            message.context.append(*item);
        else
            ++message.unreadableContextItems;
    }
    if (q.lastError().isValid())
        return failed(q, reading(), error);
    return true;
}

QList<ContextItem> read(QSqlDatabase &db, qint64 messageId, int *unreadable, QString *error)
{
    QList<ContextItem> items;
    int damaged = 0;
    QSqlQuery q(db);
    q.setForwardOnly(true);
    q.prepare(u"SELECT c.item, t.content FROM message_context c "
              u"LEFT JOIN context_contents t ON t.item_id = c.id "
              u"WHERE c.message_id = ? ORDER BY c.position"_s);
    q.addBindValue(messageId);
    if (!q.exec()) {
        failed(q, reading(), error);
        return {};
    }
    while (q.next()) {
        if (const std::optional<ContextItem> item = parse(q.value(0), q.value(1)))
            items.append(*item);
        else
            ++damaged;
    }
    if (q.lastError().isValid()) {
        failed(q, reading(), error);
        return {};
    }
    if (unreadable)
        *unreadable = damaged;
    return items;
}

} // namespace cody::messagecontext
