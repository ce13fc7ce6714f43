// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QString>

#include <cerrno>
#include <cstring>
#include <sys/mount.h>

namespace cody::test {

/// Makes a folder read-only even for root, whom file permissions do not stop: a bind mount of the
/// folder onto itself, remounted read-only, so every write below it fails with EROFS. Undone when
/// destroyed. Needs CAP_SYS_ADMIN (root, outside a container that withholds it).
class ReadOnlyBindMount final
{
public:
    explicit ReadOnlyBindMount(const QString &path)
        : m_path(path.toLocal8Bit())
    {
        if (::mount(m_path.constData(), m_path.constData(), nullptr, MS_BIND, nullptr) != 0) {
            m_problem = failure("bind mount");
            return;
        }
        m_mounted = true;
        // The kernel ignores MS_RDONLY when a bind mount is made; only a remount applies it.
        if (::mount(nullptr, m_path.constData(), nullptr, MS_REMOUNT | MS_BIND | MS_RDONLY, nullptr)
            != 0)
            m_problem = failure("read-only remount");
    }
    ~ReadOnlyBindMount()
    {
        // Detached, so that a file a failed test left open cannot keep the mount in place.
        if (m_mounted)
            ::umount2(m_path.constData(), MNT_DETACH);
    }
    Q_DISABLE_COPY_MOVE(ReadOnlyBindMount)

    bool isReadOnly() const { return m_mounted && m_problem.isEmpty(); }
    /// Why the folder could not be made read-only.
    QString problem() const { return m_problem; }

private:
    QString failure(const char *step) const
    {
        return QStringLiteral("%1 of %2: %3")
            .arg(QLatin1String(step), QString::fromLocal8Bit(m_path),
                QString::fromLocal8Bit(std::strerror(errno)));
    }

    QByteArray m_path;
    QString m_problem;
    bool m_mounted = false;
};

} // namespace cody::test
