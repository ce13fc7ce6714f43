// SPDX-License-Identifier: Apache-2.0
// The real cody-chat answers --help and --version with no display at all, as over SSH: no
// DISPLAY, no WAYLAND_DISPLAY, no QT_QPA_PLATFORM.
#include <QProcess>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

Run runWithoutDisplay(const QStringList &arguments, const QString &language = u"C.UTF-8"_s)
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (const auto name :
        {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM", "LANGUAGE", "LC_ALL", "LC_MESSAGES"})
        environment.remove(QString::fromLatin1(name));
    environment.insert(u"LANG"_s, language);
    QProcess process;
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral(CODY_GUI_PATH), arguments);
    Run run;
    if (!process.waitForFinished(20'000)) {
        process.kill();
        process.waitForFinished();
        return run;
    }
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2;
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}

} // namespace

class TestGuiCommandLine : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void helpNeedsNoDisplay_data()
    {
        QTest::addColumn<QString>("option");
        for (const auto option : {"--help", "-h", "--help-all"})
            QTest::newRow(option) << QString::fromLatin1(option);
    }

    void helpNeedsNoDisplay()
    {
        QFETCH(QString, option);
        const Run run = runWithoutDisplay({option});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY2(run.out.contains(u"Chat with Sourcegraph Cody."_s), qPrintable(run.out));
        QVERIFY2(run.out.contains(u"--new-chat <TEXT>"_s), qPrintable(run.out));
        QVERIFY2(run.out.contains(u"--demo"_s), qPrintable(run.out));
        QVERIFY2(!run.err.contains(u"display"_s), qPrintable(run.err));
    }

    void versionNeedsNoDisplay()
    {
        const Run run = runWithoutDisplay({u"--version"_s});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QCOMPARE(run.out.trimmed(), u"cody-chat " CODY_VERSION ""_s);
    }

    // The help is in the user's language even without a display.
    void helpIsTranslated()
    {
        const Run run = runWithoutDisplay({u"--help"_s}, u"de_DE.UTF-8"_s);
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY2(run.out.contains(u"Chatten Sie mit Sourcegraph Cody."_s), qPrintable(run.out));
    }

    // A mistake next to --help is still a mistake, said without a display.
    void unknownOptionWithHelpIsAnError()
    {
        const Run run = runWithoutDisplay({u"--help"_s, u"--no-such-option"_s});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(u"no-such-option"_s), qPrintable(run.err));
    }
};

QTEST_GUILESS_MAIN(TestGuiCommandLine)
#include "tst_guicommandline.moc"
