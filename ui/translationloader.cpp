// SPDX-License-Identifier: Apache-2.0
#include "ui/translationloader.h"

#include <QCoreApplication>
#include <QDir>
#include <QLibraryInfo>
#include <QTranslator>

using namespace Qt::StringLiterals;

namespace cody {

namespace {

QString loadInto(
    QCoreApplication *app, const QLocale &locale, const QString &name, const QString &directory)
{
    auto *translator = new QTranslator(app);
    // Tries each UI language in turn, each from its full name down to the bare language
    // (de_DE, then de): the first file found wins.
    if (!translator->load(locale, name, u"_"_s, directory)) {
        delete translator;
        return {};
    }
    QCoreApplication::installTranslator(translator);
    return translator->filePath();
}

} // namespace

QStringList TranslationLoader::install(
    QCoreApplication *app, const QLocale &locale, const QString &directory)
{
    QStringList loaded;
    const QString own = directory.isEmpty() ? defaultDirectory() : directory;
    for (const QString &file : {loadInto(app, locale, u"cody-chat"_s, own),
             loadInto(
                 app, locale, u"qtbase"_s, QLibraryInfo::path(QLibraryInfo::TranslationsPath))}) {
        if (!file.isEmpty())
            loaded.append(file);
    }
    return loaded;
}

QString TranslationLoader::defaultDirectory()
{
    return QDir(QCoreApplication::applicationDirPath())
        .absoluteFilePath(u"../share/cody-chat/translations"_s);
}

} // namespace cody
