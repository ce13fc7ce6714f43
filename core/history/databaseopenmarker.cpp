// SPDX-License-Identifier: Apache-2.0
#include "history/databaseopenmarker.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <cerrno>
#include <csignal>

using namespace Qt::StringLiterals;

namespace cody {

namespace {

QString prefixFor(const QString &databasePath)
{
    return QFileInfo(databasePath).fileName() + u".open-"_s;
}

bool isRunning(qint64 pid)
{
    // EPERM: it runs, as another user. A reused pid reads as running: the check is then skipped,
    // which is what happened before markers existed too.
    return pid > 0 && (::kill(pid_t(pid), 0) == 0 || errno == EPERM);
}

} // namespace

QStringList DatabaseOpenMarker::stale(const QString &databasePath)
{
    const QFileInfo database(databasePath);
    const QString prefix = prefixFor(databasePath);
    QStringList found;
    const QStringList names
        = database.dir().entryList({prefix + u'*'}, QDir::Files | QDir::Hidden | QDir::System);
    for (const QString &name : names) {
        bool ok = false;
        const qint64 pid = name.mid(prefix.size()).toLongLong(&ok);
        if (ok && !isRunning(pid))
            found.append(database.dir().filePath(name));
    }
    return found;
}

void DatabaseOpenMarker::remove(const QStringList &markers)
{
    for (const QString &marker : markers)
        QFile::remove(marker);
}

void DatabaseOpenMarker::create(const QString &databasePath)
{
    release();
    const QString path = QFileInfo(databasePath)
                             .dir()
                             .filePath(prefixFor(databasePath)
                                 + QString::number(QCoreApplication::applicationPid()));
    QFile file(path);
    if (file.open(QIODevice::WriteOnly))
        m_path = path;
}

void DatabaseOpenMarker::release()
{
    if (!m_path.isEmpty())
        QFile::remove(std::exchange(m_path, QString()));
}

} // namespace cody
