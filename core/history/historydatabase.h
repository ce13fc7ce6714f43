// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "history/databaseopenmarker.h"

#include <QSqlDatabase>
#include <QString>
#include <QStringList>

namespace cody {

/**
 * @brief The conversation database file, opened safely: ConversationStore's connection.
 *
 * open() makes the folder and files private (privatefiles), checks the file — the whole of it
 * when that is cheap or a process that had it open died, otherwise only whether it was cut off —
 * and moves a damaged one aside to start a new one, refuses a newer schema before anything
 * writes, switches to WAL, migrates older schemas, marks replies left streaming as partial, and
 * leaves a DatabaseOpenMarker for as long as it is open. The file is never wiped.
 */
class HistoryDatabase
{
public:
    explicit HistoryDatabase(const QString &connectionName);
    ~HistoryDatabase();
    Q_DISABLE_COPY_MOVE(HistoryDatabase)

    /// Opens `path`, retrying for a few seconds while another process holds a lock SQLite's
    /// busy handler does not wait for; false with a one-line *error.
    bool open(const QString &path, QString *error);
    void close();

    bool isOpen() const { return m_db.isOpen(); }
    QSqlDatabase &db() { return m_db; }
    QString path() const { return m_path; }
    /// Where a damaged file was moved by the last open(), or empty.
    QString movedAside() const { return m_movedAside; }
    /// The folder and files the last open() made private because others could read them.
    QStringList tightened() const { return m_tightened; }
    /// The schema version of the open file: the current one, or an older one read as it is
    /// (a read-only file, which cannot be migrated).
    int schemaVersion() const { return m_version; }

private:
    bool openOnce(const QString &path, QString *error);
    bool connect(const QString &file, QString *error);
    /// The file is damaged: keep it under another name and start a new database in its place.
    bool startOver(QString *error);

    QString m_connectionName;
    QString m_path;
    QString m_movedAside;
    QStringList m_tightened;
    int m_version = 0;
    DatabaseOpenMarker m_marker; ///< this process has m_path open
    QSqlDatabase m_db;
};

} // namespace cody
