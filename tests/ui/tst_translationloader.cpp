// SPDX-License-Identifier: Apache-2.0
// Started under LANG=de_DE.UTF-8 (and nothing else), the app loads the German translation, and the
// main window and the settings dialog show no English text that has a German translation.
#include "mainwindowfixture.h"
#include "ui/settings/settingsdialog.h"
#include "ui/translationloader.h"

#include <QAbstractButton>
#include <QApplication>
#include <QFile>
#include <QGroupBox>
#include <QLabel>
#include <QMenuBar>
#include <QXmlStreamReader>

using namespace cody;
using namespace cody::test;

namespace {

/// Source text → German, for every message of the .ts file whose German differs.
QHash<QString, QString> translatedSources()
{
    QHash<QString, QString> sources;
    QFile file(QStringLiteral(CODY_TS_DIR "/cody-chat_de.ts"));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(file.fileName()));
    QXmlStreamReader xml(&file);
    QString source;
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement)
            continue;
        if (xml.name() == u"source") {
            source = xml.readElementText();
        } else if (xml.name() == u"translation") {
            const QString german = xml.readElementText(QXmlStreamReader::IncludeChildElements);
            if (!german.isEmpty() && german != source)
                sources.insert(source, german);
        }
    }
    if (xml.hasError())
        qFatal("%s: %s", qPrintable(file.fileName()), qPrintable(xml.errorString()));
    return sources;
}

/// Every text a person reads on `root` and its children: titles, labels, buttons, menus, tips.
QStringList visibleTexts(QWidget *root)
{
    QStringList texts {root->windowTitle()};
    QList<QWidget *> widgets = root->findChildren<QWidget *>();
    widgets.prepend(root);
    for (QWidget *widget : widgets) {
        texts << widget->toolTip() << widget->accessibleName() << widget->accessibleDescription();
        if (auto *button = qobject_cast<QAbstractButton *>(widget))
            texts << button->text();
        if (auto *label = qobject_cast<QLabel *>(widget))
            texts << label->text();
        if (auto *group = qobject_cast<QGroupBox *>(widget))
            texts << group->title();
        if (auto *edit = qobject_cast<QLineEdit *>(widget))
            texts << edit->placeholderText();
        for (QAction *action : widget->actions())
            texts << action->text() << action->toolTip();
    }
    texts.removeAll(QString());
    return texts;
}

} // namespace

class TestTranslationLoader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void englishLoadsNoAppTranslation()
    {
        const QStringList loaded
            = TranslationLoader::install(qApp, QLocale(QLocale::English, QLocale::UnitedStates),
                QStringLiteral(CODY_TRANSLATIONS_DIR));
        for (const QString &file : loaded)
            QVERIFY2(!file.contains(u"cody-chat"_s), qPrintable(file));
    }

    void germanLocaleLoadsGerman()
    {
        QCOMPARE(QLocale().name(), u"de_DE"_s); // from LANG alone
        const QStringList loaded
            = TranslationLoader::install(qApp, QLocale(), QStringLiteral(CODY_TRANSLATIONS_DIR));
        QCOMPARE(loaded.size(), 2);
        QVERIFY2(loaded.first().endsWith(u"/cody-chat_de.qm"_s), qPrintable(loaded.first()));
        QVERIFY2(loaded.last().endsWith(u"/qtbase_de.qm"_s), qPrintable(loaded.last()));
    }

    void mainWindowSpeaksGerman()
    {
        FakeSourcegraph server;
        QVERIFY(server.listen());
        App app(&server);
        start(app);
        QVERIFY(visibleTexts(app.window.get()).contains(u"Senden"_s));
        QStringList menus;
        for (QAction *menu : app.window->menuBar()->actions())
            menus << menu->text();
        QCOMPARE(menus, (QStringList {u"&Chat"_s, u"&Verlauf"_s}));
        expectNoEnglish(app.window.get());
    }

    void settingsDialogSpeaksGerman()
    {
        QTemporaryDir dir;
        QSettings settings(dir.filePath(u"cody-chat.ini"_s), QSettings::IniFormat);
        MemorySecretStore secrets;
        SettingsDialog dialog(settings, QProcessEnvironment(), &secrets, nullptr);
        dialog.show();
        expectNoEnglish(&dialog);
    }

private:
    void expectNoEnglish(QWidget *root)
    {
        static const QHash<QString, QString> translated = translatedSources();
        QVERIFY(translated.size() > 150);
        QStringList english;
        for (const QString &text : visibleTexts(root)) {
            if (translated.contains(text))
                english << text;
        }
        QVERIFY2(english.isEmpty(), qPrintable(english.join(u" | "_s)));
    }
};

int main(int argc, char *argv[])
{
    // QLocale reads the environment once, at the first QLocale(): as `LANG=de_DE.UTF-8 cody-chat`
    // would start, with nothing else set.
    for (const char *name : {"LANGUAGE", "LC_ALL", "LC_MESSAGES"})
        qunsetenv(name);
    qputenv("LANG", "de_DE.UTF-8");
    QApplication app(argc, argv);
    TestTranslationLoader test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_translationloader.moc"
