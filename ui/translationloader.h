// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QLocale>
#include <QString>
#include <QStringList>

class QCoreApplication;

namespace cody {

/**
 * @brief Puts the user's language into the app: Cody Chat's own translation (cody-chat_<lang>.qm,
 * compiled by lrelease at build time) and Qt's (qtbase_<lang>.qm, for the standard dialogs'
 * buttons), chosen by the locale's UI languages (LANGUAGE, LC_ALL, LC_MESSAGES, LANG).
 */
class TranslationLoader
{
public:
    /// Loads and installs what exists for `locale`; returns the files loaded (none for English).
    /// `directory` holds cody-chat_*.qm; by default defaultDirectory().
    static QStringList install(
        QCoreApplication *app, const QLocale &locale = QLocale(), const QString &directory = {});

    /// ../share/cody-chat/translations beside the program: /usr/share/… once installed, and
    /// build/app/share/… in the build tree, where lrelease writes them.
    static QString defaultDirectory();
};

} // namespace cody
