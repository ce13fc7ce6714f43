// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>
#include <QStringList>

/// Files that hold the user's conversations or settings are the user's alone, whatever the umask:
/// folders 0700, files 0600. An installation made before this (0755 folders, 0644 files under
/// the usual umask 022) is tightened when it is next opened.
namespace cody::privatefiles {

/// Creates `dir` (and its parents) if missing, and makes `dir` itself 0700. False when it cannot
/// be created; *tightened says whether an existing folder was open to others.
bool makeDir(const QString &dir, bool *tightened = nullptr);

/// Creates `path` empty with mode 0600 when it does not exist; makes an existing one 0600.
/// False when it cannot be created. *tightened as for makeDir().
bool makeFile(const QString &path, bool *tightened = nullptr);

/// Makes an existing file 0600 (a database's -wal and -shm, an export); true if it was wider.
bool tighten(const QString &path);

/// The settings file (QSettings::fileName()) and its folder, before anything is saved: QSettings
/// writes through QSaveFile, which keeps an existing file's mode, so a file made 0600 here stays
/// so. True when an existing file or folder was open to others and has been tightened.
bool protectSettings(const QString &fileName);

/// Makes everything this process creates from now on private to the user (umask |= 077), so that
/// no file is ever briefly open to others: QSettings writes through QSaveFile, whose new file gets
/// the umask's mode, and a second process may see a folder between mkdir and chmod. Call first
/// thing in main(). Existing files are tightened by the functions above.
void restrictUmask();

/// The one-line note for files and folders that were open to other users and are now private:
/// "<path> was readable by other users; it is now private to you" (translated).
QString tightenedNote(const QStringList &paths);

} // namespace cody::privatefiles
