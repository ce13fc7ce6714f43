// SPDX-License-Identifier: Apache-2.0
#include "history/historydatabase.h"

#include "history/conversationschema.h"
#include "history/sqlitefile.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QStorageInfo>
#include <QThread>
#include <QVariant>

using namespace Qt::StringLiterals;

namespace cody {

// The messages keep the translation context they had in ConversationStore, which this class was
// split from.

namespace schema = conversationschema;

namespace {

// Up to this size the whole file is checked at every open (tens of milliseconds).
constexpr qint64 FullCheckMaxBytes = 64 * 1024 * 1024;

// Less free space than this on the history's disk is reported as "full".
constexpr qint64 MinFreeBytes = 256 * 1024;

bool fail(QString *error, const QString &message)
{
    if (error)
        *error = message;
    return false;
}

} // namespace

HistoryDatabase::HistoryDatabase(const QString &connectionName)
    : m_connectionName(connectionName)
{ }

HistoryDatabase::~HistoryDatabase()
{
    close();
}

bool HistoryDatabase::open(const QString &path, QString *error)
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
        problem = QCoreApplication::translate(
            "cody::ConversationStore", "%1 — the disk holding it is full")
                      .arg(problem);
    return fail(error, problem);
}

bool HistoryDatabase::openOnce(const QString &path, QString *error)
{
    close();
    m_path.clear();
    m_movedAside.clear();
    m_tightened.clear();
    if (const QString problem = sqlitefile::pathProblem(path, &m_tightened); !problem.isEmpty())
        return fail(error, problem);
    m_path = path;
    if (!connect(path, error))
        return false;
    // Reading every page costs seconds for years of history: do it when it is cheap, or when a
    // process that had the file open died; otherwise a cut-off file is still found in O(1), and
    // damage elsewhere shows as errors when it is read (the file is never wiped either way).
    const QStringList stale = DatabaseOpenMarker::stale(path);
    const bool fullCheck = !stale.isEmpty() || QFileInfo(path).size() <= FullCheckMaxBytes;
    QSqlQuery check(m_db);
    const QString checking = QCoreApplication::translate(
        "cody::ConversationStore", "Checking the conversation database %1")
                                 .arg(path);
    if (!fullCheck) {
        if (sqlitefile::isTruncated(path) && !startOver(error))
            return false;
    } else if (!check.exec(u"PRAGMA quick_check"_s) || !check.next()) {
        const QSqlError sqlError = check.lastError();
        check = QSqlQuery();
        if (!sqlitefile::isCorruption(sqlError)) {
            close();
            return fail(error, schema::describe(checking, sqlError));
        }
        if (!startOver(error))
            return false;
    } else if (check.value(0).toString() != u"ok") {
        check = QSqlQuery();
        if (!startOver(error))
            return false;
    }
    check = QSqlQuery();

    // Refuse a newer schema before anything writes to the file (journal_mode writes its header).
    const std::optional<int> version = schema::userVersion(m_db, error);
    if (!version || *version > schema::currentVersion()) {
        if (version)
            fail(error, schema::newerVersionError(path, *version));
        close();
        return false;
    }
    // WAL lets a reader (the GUI) and a writer (the CLI) work at once. On a read-only file the
    // mode cannot change; reading still works, so that failure is not fatal.
    QString ignored;
    const bool writable = QFileInfo(path).isWritable();
    if (!sqlitefile::execSql(
            m_db, u"PRAGMA journal_mode = WAL"_s, checking, writable ? error : &ignored)
        && writable) {
        close();
        return false;
    }
    // A read-only history of an older version is read as it is, as migrating would write: its
    // messages then come without context, which that version did not keep anyway.
    const bool readAsItIs = !writable && *version >= 1;
    if (!sqlitefile::execSql(m_db, u"PRAGMA foreign_keys = ON"_s, checking, error)
        || (!readAsItIs && !schema::migrate(m_db, error))) {
        close();
        return false;
    }
    // The app died while these replies streamed: what was written is kept, as a partial reply.
    // On a read-only file this fails and they stay Streaming; nothing else can be done there.
    // (A reply another process is streaming right now is marked too; its finish() corrects it.)
    sqlitefile::execSql(m_db, u"UPDATE messages SET state = 'partial' WHERE state = 'streaming'"_s,
        checking, nullptr);
    m_version = readAsItIs ? *version : schema::currentVersion();
    DatabaseOpenMarker::remove(stale);
    m_marker.create(path);
    return true;
}

bool HistoryDatabase::connect(const QString &file, QString *error)
{
    m_db = QSqlDatabase::addDatabase(u"QSQLITE"_s, m_connectionName);
    sqlitefile::setFile(m_db, file);
    if (!m_db.open()) {
        const QString message
            = schema::describe(QCoreApplication::translate("cody::ConversationStore",
                                   "Cannot open the conversation database %1")
                                   .arg(file),
                m_db.lastError());
        close();
        return fail(error, message);
    }
    // Set before anything reads the file: a CLI and the GUI may hold the same database.
    return sqlitefile::execSql(m_db, u"PRAGMA busy_timeout = 5000"_s,
        QCoreApplication::translate("cody::ConversationStore", "Configuring %1").arg(file), error);
}

void HistoryDatabase::close()
{
    m_marker.release();
    if (!m_db.isValid())
        return;
    m_db.close();
    // removeDatabase() wants no QSqlDatabase handle left to the connection.
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_connectionName);
}

bool HistoryDatabase::startOver(QString *error)
{
    close();
    return sqlitefile::moveAside(m_path, &m_movedAside, error) && connect(m_path, error);
}

} // namespace cody
