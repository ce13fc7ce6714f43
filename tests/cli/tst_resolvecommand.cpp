// SPDX-License-Identifier: Apache-2.0
#include "clirunner.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace cody::test;

class TestResolveCommand : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void resolves_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("expected");
        QTest::newRow("alias") << u"cody-sonnet"_s
                               << u"cody/anthropic::2023-06-01::claude-3.5-sonnet"_s;
        QTest::newRow("gpt35") << u"cody-gpt35"_s << u"cody/openai::v1::gpt-3.5-turbo"_s;
        QTest::newRow("gemini") << u"cody-gemini"_s << u"cody/google::v1::gemini-pro"_s;
        QTest::newRow("full") << u"cody/anthropic::2024-10-22::claude-3-5-sonnet-latest"_s
                              << u"cody/anthropic::2024-10-22::claude-3-5-sonnet-latest"_s;
        QTest::newRow("bare") << u"google::v1::gemini-1.5-flash"_s
                              << u"cody/google::v1::gemini-1.5-flash"_s;
    }

    void resolves()
    {
        QFETCH(QString, name);
        QFETCH(QString, expected);
        CliRunner cli;
        const CliRun run = cli.run({u"resolve"_s, name});
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.outText(), expected + u'\n');
    }

    void rejects_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("reason");
        QTest::newRow("unknown alias") << u"cody-gpt5"_s << u"unknown model alias"_s;
        QTest::newRow("two parts") << u"anthropic::claude"_s << u"3 parts"_s;
        QTest::newRow("empty part") << u"anthropic::::claude"_s << u"part"_s;
        QTest::newRow("whitespace") << u"cody/anthropic::v1::claude 3"_s << u"whitespace"_s;
        QTest::newRow("control character")
            << u"cody/anthropic::v1::claude\t3"_s << u"control character"_s;
        QTest::newRow("empty") << QString() << u"empty"_s;
    }

    void rejects()
    {
        QFETCH(QString, name);
        QFETCH(QString, reason);
        CliRunner cli;
        const CliRun run = cli.run({u"resolve"_s, name});
        QCOMPARE(run.exitCode, 2);
        QVERIFY(run.out.isEmpty());
        const QString error = run.errText();
        QVERIFY2(error.contains(reason), qPrintable(error));
        // The message lists every alias so the user can pick one.
        for (const auto *alias :
            {"cody-opus", "cody-sonnet", "cody-haiku", "cody-gpt4", "cody-gpt35", "cody-gemini"})
            QVERIFY2(error.contains(QLatin1StringView(alias)), qPrintable(error));
        QCOMPARE(error.count(u'\n'), 1);
    }

    void usage()
    {
        CliRunner cli;
        QCOMPARE(cli.run({u"resolve"_s}).exitCode, 2);
        QCOMPARE(cli.run({u"frobnicate"_s}).exitCode, 2);
        const CliRun version = cli.run({u"--version"_s});
        QCOMPARE(version.exitCode, 0);
        QCOMPARE(version.outText(), u"cody-chat-cli " CODY_VERSION "\n"_s);
        const CliRun help = cli.run({u"--help"_s});
        QCOMPARE(help.exitCode, 0);
        QVERIFY(help.outText().contains(u"Exit codes"_s));
        QCOMPARE(cli.run({u"chat"_s, u"--help"_s}).exitCode, 0);
    }
};

QTEST_GUILESS_MAIN(TestResolveCommand)
#include "tst_resolvecommand.moc"
