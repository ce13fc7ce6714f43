// SPDX-License-Identifier: Apache-2.0
// Every fake-server scenario through the cody-chat-cli binary: exit code, stdout and stderr, and
// HTTPS as the environment variables configure it.
#include "clirunner.h"
#include "fakesourcegraph.h"
#include "testcertificate.h"

#include <QDir>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace cody::test;

namespace {
const QString Normal = u"Hello from the fake Sourcegraph! You said: hi\n"_s;
}

class TestChatScenarios : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void scenario_data()
    {
        QTest::addColumn<QString>("scenario");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("expectedOut"); // exact; "*…" means "contains …"
        QTest::addColumn<QString>("stderrPart"); // empty: stderr must be empty; "~": not checked
        const QString reply = FakeSourcegraph::truncatedReply() + u'\n';
        QTest::newRow("normal") << u"normal"_s << 0 << Normal << QString();
        QTest::newRow("slow") << u"slow"_s << 0 << Normal << QString();
        QTest::newRow("trickle") << u"trickle"_s << 0 << Normal << QString();
        QTest::newRow("crlf-split") << u"crlf-split"_s << 0 << u"*héllo — 世界 🎉"_s << QString();
        QTest::newRow("truncated") << u"truncated"_s << 0 << reply << QString();
        QTest::newRow("truncated-overlap") << u"truncated-overlap"_s << 0 << reply << QString();
        QTest::newRow("loop-same")
            << u"loop-same"_s << 0 << u"I keep saying the same thing. \n"_s << u"no new text"_s;
        QTest::newRow("loop-empty") << u"loop-empty"_s << 0 << u"\n"_s << u"no new text"_s;
        QTest::newRow("rate-limited") << u"rate-limited"_s << 0 << Normal << u"retrying in 1.0 s"_s;
        QTest::newRow("rate-limited-date") << u"rate-limited-date"_s << 0 << Normal << u"~"_s;
        QTest::newRow("server-error") << u"server-error"_s << 0 << Normal << u"~"_s;
        QTest::newRow("unauthorized")
            << u"unauthorized"_s << 3 << QString() << u"Invalid access token."_s;
        QTest::newRow("forbidden") << u"forbidden"_s << 3 << QString() << u"HTTP 403"_s;
        QTest::newRow("stall") << u"stall"_s << 4 << u"*Hello"_s << u"idle timeout"_s;
        QTest::newRow("drop") << u"drop"_s << 4 << u"*Hello"_s << u"dropped"_s;
        QTest::newRow("drop-midutf8") << u"drop-midutf8"_s << 4 << u"*Hello"_s << u"dropped"_s;
        QTest::newRow("redirect") << u"redirect"_s << 4 << QString()
                                  << u"redirect to http://localhost"_s;
        QTest::newRow("redirect-same-origin")
            << u"redirect-same-origin"_s << 4 << QString() << u"redirect"_s;
        QTest::newRow("error-event")
            << u"error-event"_s << 5 << u"Partial answer\n"_s << u"fake upstream failure"_s;
        QTest::newRow("giant") << u"giant"_s << 5 << QString() << u"larger than"_s;
        QTest::newRow("html") << u"html"_s << 5 << QString() << u"proxy"_s;
        QTest::newRow("unknown-model") << u"unknown-model"_s << 5 << QString() << u"HTTP 400"_s;
        QTest::newRow("server-error-forever")
            << u"server-error-forever"_s << 5 << QString() << u"HTTP 500"_s;
        QTest::newRow("replay-05")
            << u"replay-05"_s << 0 << u"*Hi there! Great to meet you!"_s << QString();
        QTest::newRow("replay-02")
            << u"replay-02"_s << 5 << QString() << u"message content cannot be empty"_s;
    }

    void scenario()
    {
        QFETCH(QString, scenario);
        QFETCH(int, exitCode);
        QFETCH(QString, expectedOut);
        QFETCH(QString, stderrPart);
        FakeSourcegraph::Options options;
        if (scenario.startsWith("replay-"_L1)) {
            if (!QDir(QStringLiteral(CODY_RECORDINGS_DIR)).exists())
                QSKIP("../shared/protocol/recorded not found beside the clone; skipping recorded "
                      "fixtures");
            options.recordingsDir = QStringLiteral(CODY_RECORDINGS_DIR);
        }
        FakeSourcegraph server(options);
        QVERIFY(server.listen());
        CliRunner cli;
        cli.useServer(server);
        const CliRun run = cli.run(
            {u"chat"_s, u"--idle-timeout"_s, u"1"_s, u"-m"_s, u"fake::v1::"_s + scenario, u"hi"_s});
        QVERIFY(run.finished);
        QCOMPARE(run.exitStatus, QProcess::NormalExit);
        QVERIFY2(run.exitCode == exitCode,
            qPrintable(u"exit %1: %2"_s.arg(run.exitCode).arg(run.errText())));
        if (expectedOut.startsWith(u'*'))
            QVERIFY2(run.outText().contains(expectedOut.mid(1)), qPrintable(run.outText()));
        else
            QCOMPARE(run.outText(), expectedOut);
        QVERIFY(!run.outText().contains(QChar::ReplacementCharacter));
        if (stderrPart.isEmpty())
            QCOMPARE(run.errText(), QString());
        else if (stderrPart != "~"_L1)
            QVERIFY2(run.errText().contains(stderrPart), qPrintable(run.errText()));
        QVERIFY(!run.err.contains(server.options().token));
    }

    void https_data()
    {
        QTest::addColumn<QStringList>("environment");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("stderrPart");
        QTest::newRow("verified by default") << QStringList() << 4 << u"CODY_CA_FILE"_s;
        QTest::newRow("CODY_CA_FILE") << QStringList {u"CODY_CA_FILE"_s} << 0 << QString();
        QTest::newRow("CODY_SSL_BYPASS")
            << QStringList {u"CODY_SSL_BYPASS"_s} << 0 << u"verification is OFF"_s;
        QTest::newRow("unreadable CODY_CA_FILE")
            << QStringList {u"CODY_CA_FILE=missing"_s} << 2 << u"CODY_CA_FILE"_s;
    }

    void https()
    {
        QFETCH(QStringList, environment);
        QFETCH(int, exitCode);
        QFETCH(QString, stderrPart);
        QTemporaryDir dir;
        QString cert, key, error;
        QVERIFY2(generateSelfSignedCertificate(dir.path(), {u"127.0.0.1"_s}, &cert, &key, &error),
            qPrintable(error));
        FakeSourcegraph::Options options;
        options.tlsCertFile = cert;
        options.tlsKeyFile = key;
        FakeSourcegraph server(options);
        QVERIFY(server.listen());
        CliRunner cli;
        cli.useServer(server);
        for (const auto &name : environment) {
            if (name == "CODY_CA_FILE"_L1)
                cli.environment().insert(name, cert);
            else if (name == "CODY_CA_FILE=missing"_L1)
                cli.environment().insert(u"CODY_CA_FILE"_s, dir.filePath(u"missing.pem"_s));
            else
                cli.environment().insert(name, u"true"_s);
        }
        const CliRun run = cli.run({u"chat"_s, u"-m"_s, u"fake::v1::normal"_s, u"hi"_s});
        QVERIFY2(run.exitCode == exitCode,
            qPrintable(u"exit %1: %2"_s.arg(run.exitCode).arg(run.errText())));
        if (exitCode == 0)
            QCOMPARE(run.outText(), Normal);
        if (!stderrPart.isEmpty())
            QVERIFY2(run.errText().contains(stderrPart), qPrintable(run.errText()));
    }
};

QTEST_GUILESS_MAIN(TestChatScenarios)
#include "tst_chatscenarios.moc"
