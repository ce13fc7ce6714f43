// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "cody/contextitem.h"
#include "history/conversationstore.h"

#include <QList>
#include <QString>

class QSqlDatabase;

// The context items stored with messages (schema version 2): one row per item in message_context
// holding ContextItem::toJson() without the content, in prompt order, and the content, when there
// is one, in context_contents. Metadata is read with the messages; contents only when asked for.
// ConversationStore's transactions wrap these; none opens one of its own.
namespace cody::messagecontext {

/// Replaces the context of message `messageId`, which must exist, with `items`.
bool write(QSqlDatabase &db, qint64 messageId, const QList<ContextItem> &items, const QString &what,
    QString *error);

/// Fills in the context of `messages`, which are those of conversation `conversationId` in the
/// order of their ids: the items' metadata, and their contents when `withContent`. An item that
/// cannot be read (a damaged row) is left out and counted in unreadableContextItems.
bool attach(QSqlDatabase &db, qint64 conversationId, QList<StoredMessage> *messages,
    bool withContent, QString *error);

/// The items of message `messageId`, with their contents; *unreadable counts the damaged ones.
QList<ContextItem> read(QSqlDatabase &db, qint64 messageId, int *unreadable, QString *error);

} // namespace cody::messagecontext
