// SPDX-License-Identifier: Apache-2.0
#include "history/sqlitefile.h"

#include "history/conversationschema.h"
#include "history/privatefiles.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace cody::sqlitefile {

QString pathProblem(const QString &path, QStringList *tightened)
{
    const auto report = [tightened](bool wasOpen, const QString &what) {
        if (wasOpen && tightened)
            tightened->append(what);
    };
    if (path.isEmpty())
        return QCoreApplication::translate(
            "cody::sqlitefile", "No conversation database path given");
    const QFileInfo info(path);
    if (info.isDir())
        return QCoreApplication::translate(
            "cody::sqlitefile", "Cannot open the conversation database %1: it is a directory")
            .arg(path);
    // The conversations are the user's alone: folder 0700, files 0600, whatever the umask.
    bool folderWasOpen = false;
    if (!privatefiles::makeDir(info.absolutePath(), &folderWasOpen))
        return QCoreApplication::translate(
            "cody::sqlitefile", "Cannot create the folder %1 for the conversation database")
            .arg(info.absolutePath());
    report(folderWasOpen, info.absolutePath());
    if (info.isWritable() || !info.exists()) {
        // SQLite gives a new -wal and -shm the database's own mode; older ones are tightened.
        bool fileWasOpen = false;
        privatefiles::makeFile(path, &fileWasOpen);
        report(fileWasOpen, path);
        for (const QString &suffix : {u"-wal"_s, u"-shm"_s})
            report(privatefiles::tighten(path + suffix), path + suffix);
    }
    if (info.exists() && !info.isReadable())
        return QCoreApplication::translate("cody::sqlitefile",
            "Cannot open the conversation database %1: the file is not readable")
            .arg(path);
    if (!info.exists() && !QFileInfo(info.absolutePath()).isWritable())
        return QCoreApplication::translate("cody::sqlitefile",
            "Cannot create the conversation database %1: the folder is not writable")
            .arg(path);
    return {};
}

void setFile(QSqlDatabase &db, const QString &path)
{
    const QFileInfo info(path);
    if (info.exists() && !info.isWritable()) {
        db.setConnectOptions(u"QSQLITE_OPEN_READONLY;QSQLITE_OPEN_URI"_s);
        db.setDatabaseName(QUrl::fromLocalFile(info.absoluteFilePath()).toString(QUrl::FullyEncoded)
            + u"?immutable=1"_s);
    } else {
        db.setDatabaseName(path);
    }
}

bool isCorruption(const QSqlError &sqlError)
{
    const int code = sqlError.nativeErrorCode().toInt() & 0xff;
    return code == 11 /* SQLITE_CORRUPT */ || code == 26 /* SQLITE_NOTADB */;
}

bool moveAside(const QString &path, QString *movedTo, QString *error)
{
    // Local time: the user looks for the file by when it happened.
    const QString stamp = QDateTime::currentDateTime().toString(u"yyyyMMdd-HHmmss"_s);
    QString target = path + u".corrupt-"_s + stamp;
    for (int n = 2; QFileInfo::exists(target); ++n)
        target = path + u".corrupt-"_s + stamp + u'-' + QString::number(n);
    if (!QFile::rename(path, target)) {
        if (error)
            *error = QCoreApplication::translate("cody::sqlitefile",
                "The conversation database %1 is damaged and could not be moved aside to %2")
                         .arg(path, target);
        return false;
    }
    // The journal files belong to the damaged file; keep them beside it for a recovery attempt.
    for (const QString &suffix : {u"-wal"_s, u"-shm"_s}) {
        if (QFileInfo::exists(path + suffix))
            QFile::rename(path + suffix, target + suffix);
    }
    *movedTo = target;
    return true;
}

bool execSql(const QSqlDatabase &db, const QString &sql, const QString &what, QString *error)
{
    QSqlQuery query(db);
    if (query.exec(sql))
        return true;
    if (error)
        *error = conversationschema::describe(what, query.lastError());
    return false;
}

Transaction::Transaction(const QSqlDatabase &db, const QString &what, QString *error)
    : m_db(db)
    , m_what(what)
{
    m_active = execSql(m_db, u"BEGIN IMMEDIATE"_s, what, error);
}

Transaction::~Transaction()
{
    if (m_active)
        execSql(m_db, u"ROLLBACK"_s, m_what, nullptr);
}

bool Transaction::commit(QString *error)
{
    m_active = false;
    if (execSql(m_db, u"COMMIT"_s, m_what, error))
        return true;
    execSql(m_db, u"ROLLBACK"_s, m_what, nullptr);
    return false;
}

bool isTruncated(const QString &path)
{
    // The header (sqlite.org/fileformat.html §1.3): page size at 16, change counter at 24, size
    // in pages at 28, and the change counter it is valid for at 92.
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return false;
    const QByteArray header = file.read(100);
    if (header.size() < 100 || !header.startsWith("SQLite format 3"))
        return false; // not one of SQLite's files at all: opening it says so
    const auto big16 = [&](int at) { return (uchar(header[at]) << 8) | uchar(header[at + 1]); };
    const auto big32 = [&](int at) { return (quint32(big16(at)) << 16) | quint32(big16(at + 2)); };
    const qint64 pageSize = big16(16) == 1 ? 65536 : big16(16);
    const bool sizeValid = big32(24) == big32(92);
    return sizeValid && pageSize > 0 && qint64(big32(28)) * pageSize > file.size();
}

} // namespace cody::sqlitefile
