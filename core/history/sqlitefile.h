// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QSqlDatabase>
#include <QString>
#include <QStringList>

class QSqlError;

// The file side of the conversation database: checks before opening, moving a damaged file
// aside, and the statement and transaction helpers ConversationStore's SQL is written with.
namespace cody::sqlitefile {

/// Why `path` cannot hold a database (one line), or empty if it can. Creates missing folders,
/// and makes the folder, the database and its -wal and -shm private (privatefiles); those that
/// were open to other users are added to *tightened.
QString pathProblem(const QString &path, QStringList *tightened = nullptr);

/// Points `db` at `path`; a file we may not write is opened read-only and immutable, as SQLite
/// cannot read a WAL database without creating its -shm file otherwise.
void setFile(QSqlDatabase &db, const QString &path);

/// True when the file is shorter than its own header says (cut off by a crash, a full disk or a
/// failed copy): found in O(1), where a full check reads every page.
bool isTruncated(const QString &path);

/// SQLITE_CORRUPT or SQLITE_NOTADB: the file is damaged, not merely busy or unreadable.
bool isCorruption(const QSqlError &sqlError);

/// Renames `path` (and its -wal/-shm) to "<path>.corrupt-<yyyyMMdd-HHmmss>[-N]".
bool moveAside(const QString &path, QString *movedTo, QString *error);

/// Runs one statement; false and "<what>: <SQLite's message>" in *error on failure.
bool execSql(const QSqlDatabase &db, const QString &sql, const QString &what, QString *error);

/// A write transaction, rolled back unless committed. IMMEDIATE takes the write lock at BEGIN,
/// so a second process waits for busy_timeout instead of failing halfway through.
class Transaction
{
public:
    Transaction(const QSqlDatabase &db, const QString &what, QString *error);
    ~Transaction();
    Q_DISABLE_COPY_MOVE(Transaction)

    bool active() const { return m_active; }
    bool commit(QString *error);

private:
    QSqlDatabase m_db;
    QString m_what;
    bool m_active = false;
};

} // namespace cody::sqlitefile
