// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "cody/completionrequest.h"
#include "history/conversationstore.h"

#include <QDateTime>
#include <QString>
#include <QVariant>

#include <optional>

class QSqlDatabase;
class QSqlError;
class QSqlQuery;

namespace cody::conversationschema {

/// The user_version a database has once every migration step has run.
int currentVersion();

/// Applies the steps from the database's user_version up to currentVersion(), each step in its
/// own transaction. A database newer than currentVersion() is refused and left untouched.
bool migrate(QSqlDatabase &db, QString *error);

/// The refusal for a database made by a newer Cody Chat.
QString newerVersionError(const QString &path, int version);

/// Reads PRAGMA user_version; nullopt (and *error) if the database cannot be read.
std::optional<int> userVersion(QSqlDatabase &db, QString *error);

/// "<what>: <SQLite's message>" on one line.
QString describe(const QString &what, const QSqlError &sqlError);

// The words stored in the role and state columns (and used by the JSON export).
QString roleName(ChatMessage::Speaker speaker);
std::optional<ChatMessage::Speaker> roleFromName(const QString &name);
QString stateName(StoredMessage::State state);
std::optional<StoredMessage::State> stateFromName(const QString &name);

// Rows: times are unix milliseconds (UTC); an invalid time is stored as now.
qint64 toMs(const QDateTime &time);
QDateTime fromMs(const QVariant &value);
/// QtSql binds a null QString as SQL NULL, which the NOT NULL text columns refuse.
QVariant textValue(const QString &value);
template <typename T> QVariant nullable(const std::optional<T> &value)
{
    return value ? QVariant::fromValue(*value) : QVariant();
}
/// The columns readConversation() and readMessage() expect, in order; of a database of schema
/// `version` (an older one read as it is lacks the later columns: they read as empty).
QString conversationColumns(int version);
QString messageColumns();
StoredConversation readConversation(const QSqlQuery &query);
StoredMessage readMessage(const QSqlQuery &query);
/// Inserts `message` (its id is ignored): the new id, or 0 and *error.
qint64 insertMessage(
    QSqlDatabase &db, const StoredMessage &message, const QString &what, QString *error);

} // namespace cody::conversationschema
