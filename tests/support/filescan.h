// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QDirIterator>
#include <QFile>
#include <QStringList>

namespace cody::test {

/// Files under `root` (recursively, hidden ones too) whose bytes contain `secret`: where a token
/// must never be found.
inline QStringList filesContaining(const QString &root, const QByteArray &secret)
{
    QStringList found;
    QDirIterator files(
        root, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (files.hasNext()) {
        QFile file(files.next());
        if (file.open(QIODevice::ReadOnly) && file.readAll().contains(secret))
            found.append(file.fileName());
    }
    return found;
}

} // namespace cody::test
