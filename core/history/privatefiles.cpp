// SPDX-License-Identifier: Apache-2.0
#include "history/privatefiles.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace cody::privatefiles {

namespace {

// chmod to `mode` when group or others have any access; true if it changed something.
bool restrictTo(const QByteArray &path, mode_t mode)
{
    struct stat info = {};
    if (::stat(path.constData(), &info) != 0 || (info.st_mode & 077) == 0)
        return false;
    return ::chmod(path.constData(), mode) == 0;
}

} // namespace

bool makeDir(const QString &dir, bool *tightened)
{
    // mkpath gives a new folder the umask's mode: closing that is creating it, not tightening.
    const bool existed = QFileInfo(dir).isDir();
    if (!QDir().mkpath(dir))
        return false;
    const bool changed = restrictTo(QFile::encodeName(dir), 0700);
    if (tightened)
        *tightened = existed && changed;
    return true;
}

bool makeFile(const QString &path, bool *tightened)
{
    const QByteArray name = QFile::encodeName(path);
    // O_CREAT with 0600: the umask can only take bits away, never give them to others.
    const int fd = ::open(name.constData(), O_WRONLY | O_CREAT | O_CLOEXEC, 0600);
    if (fd >= 0)
        ::close(fd);
    else if (!QFile::exists(path))
        return false;
    // An existing file we may not write (read-only on purpose) is still ours to chmod.
    const bool changed = restrictTo(name, 0600);
    if (tightened)
        *tightened = changed;
    return true;
}

void restrictUmask()
{
    const mode_t previous = ::umask(077);
    ::umask(previous | 077);
}

bool tighten(const QString &path)
{
    return restrictTo(QFile::encodeName(path), 0600);
}

bool protectSettings(const QString &fileName)
{
    bool folderTightened = false;
    bool fileTightened = false;
    const QString folder = QFileInfo(fileName).absolutePath();
    if (makeDir(folder, &folderTightened))
        makeFile(fileName, &fileTightened);
    return folderTightened || fileTightened;
}

QString tightenedNote(const QStringList &paths)
{
    if (paths.size() == 1)
        return QCoreApplication::translate(
            "cody::privatefiles", "%1 was readable by other users; it is now private to you")
            .arg(paths.first());
    return QCoreApplication::translate(
        "cody::privatefiles", "%1 were readable by other users; they are now private to you")
        .arg(paths.join(u", "));
}

} // namespace cody::privatefiles
