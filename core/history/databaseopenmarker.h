// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>
#include <QStringList>

namespace cody {

/**
 * @brief Sidecar files "<database>.open-<pid>": this process has the history open.
 *
 * One left behind by a process that no longer runs means the database was not closed (a crash,
 * kill -9, power loss). Only then is the whole file worth checking when it is opened again: that
 * check reads every page, which takes seconds for a history of years.
 */
class DatabaseOpenMarker
{
    Q_DISABLE_COPY_MOVE(DatabaseOpenMarker)

public:
    DatabaseOpenMarker() = default;
    ~DatabaseOpenMarker() { release(); }

    /// The markers of `databasePath` whose process no longer runs.
    static QStringList stale(const QString &databasePath);
    static void remove(const QStringList &markers);

    /// Marks `databasePath` as open by this process (nothing happens where it cannot be written).
    void create(const QString &databasePath);
    /// Removes this process's marker: the database was closed.
    void release();

private:
    QString m_path;
};

} // namespace cody
