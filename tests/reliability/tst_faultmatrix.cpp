// SPDX-License-Identifier: Apache-2.0
// The fault matrix: every way the server or the stream can misbehave, through the real
// cody-chat-cli against the fake server. For each: the exit code, the error kind and message,
// the text received before the fault (kept on stdout and in the history, marked partial), and
// that the run ends within its bound without crashing. Transport and disk faults have their own
// tests beside this one.
#include "fakeserverprocess.h"
#include "fakesourcegraph.h"
#include "faultmatrixsupport.h"
#include "recordings.h"
#include "truncatedreply.h"

#include <QDir>
#include <QTest>

#include <csignal>

using namespace Qt::StringLiterals;
using namespace cody;
using namespace cody::test;

namespace {

const QString Normal = u"Hello from the fake Sourcegraph! You said: hi"_s;

} // namespace

class TestFaultMatrix : public QObject
{
    Q_OBJECT

    // Long enough that the in-process fake, busy building a 50 MiB event on a loaded machine,
    // is not taken for a silent server; short enough to keep the stall row quick.
    static constexpr int IdleTimeoutS = 3;

private Q_SLOTS:
    void fault_data()
    {
        QTest::addColumn<QString>("scenario");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("messagePart"); // in the error message; empty: no error
        QTest::addColumn<QString>("text"); // the reply: exact, or "*…" for "starts with …"
        QTest::addColumn<QString>("stored"); // the recorded reply's state
        QTest::addColumn<int>("minMs"); // e.g. a Retry-After that must be honoured
        QTest::addColumn<int>("maxMs");

        const QString none;
        auto row = [](const char *name, const QString &scenario, int exitCode, const QString &kind,
                       const QString &messagePart, const QString &text, const QString &stored,
                       int minMs = 0, int maxMs = 15'000) {
            QTest::newRow(name) << scenario << exitCode << kind << messagePart << text << stored
                                << minMs << maxMs;
        };
        row("200 normal", u"normal"_s, 0, u"none"_s, none, Normal, u"complete"_s);
        row("slow", u"slow"_s, 0, u"none"_s, none, Normal, u"complete"_s);
        row("a byte at a time", u"trickle"_s, 0, u"none"_s, none, Normal, u"complete"_s);
        row("CRLF, comments and a byte per read", u"crlf-split"_s, 0, u"none"_s, none,
            Normal + u" héllo — 世界 🎉"_s, u"complete"_s);
        row("redirect to another origin", u"redirect"_s, 4, u"network"_s,
            u"redirect to http://localhost"_s, none, u"failed"_s);
        row("redirect on the same origin", u"redirect-same-origin"_s, 4, u"network"_s,
            u"does not follow redirects"_s, none, u"failed"_s);
        // HTTP status answers.
        row("400 unknown model", u"unknown-model"_s, 5, u"http"_s, u"unknown model"_s, none,
            u"failed"_s);
        row("401", u"unauthorized"_s, 3, u"auth"_s, u"token was rejected"_s, none, u"failed"_s);
        row("403", u"forbidden"_s, 3, u"auth"_s, u"HTTP 403"_s, none, u"failed"_s);
        row("406 api-version", u"version-unsupported"_s, 5, u"http"_s, u"Unsupported API Version"_s,
            none, u"failed"_s);
        row("406 client name", u"client-rejected"_s, 5, u"http"_s, u"CODY_CLIENT_NAME"_s, none,
            u"failed"_s);
        row("429 Retry-After seconds", u"rate-limited"_s, 0, u"none"_s, none, Normal, u"complete"_s,
            1000);
        row("429 Retry-After date", u"rate-limited-date"_s, 0, u"none"_s, none, Normal,
            u"complete"_s, 1000);
        row("500 then success", u"internal-error-once"_s, 0, u"none"_s, none, Normal,
            u"complete"_s);
        row("502 then success", u"bad-gateway-once"_s, 0, u"none"_s, none, Normal, u"complete"_s);
        row("503 twice then success", u"server-error"_s, 0, u"none"_s, none, Normal, u"complete"_s);
        row("504 then success", u"gateway-timeout-once"_s, 0, u"none"_s, none, Normal,
            u"complete"_s);
        row("5xx forever", u"server-error-forever"_s, 5, u"server"_s, u"HTTP 500"_s, none,
            u"failed"_s, 0, 30'000);
        // Bodies that are not what was asked for.
        row("HTML login page", u"html"_s, 5, u"protocol"_s, u"proxy or single sign-on"_s, none,
            u"failed"_s);
        row("empty body", u"empty-body"_s, 4, u"dropped"_s, u"before"_s, none, u"failed"_s);
        row("closed before any event", u"closed-early"_s, 4, u"dropped"_s, u"without any event"_s,
            none, u"failed"_s);
        row("dropped mid-event", u"drop"_s, 4, u"dropped"_s, u"dropped"_s, u"*Hello"_s,
            u"partial"_s);
        row("dropped mid-UTF-8", u"drop-midutf8"_s, 4, u"dropped"_s, u"dropped"_s, u"*Hello, "_s,
            u"partial"_s);
        row("error event", u"error-event"_s, 5, u"stream"_s, u"fake upstream failure"_s,
            u"Partial answer"_s, u"partial"_s);
        row("unknown event types", u"unknown-events"_s, 0, u"none"_s, none, Normal, u"complete"_s);
        row("malformed JSON in data", u"malformed-json"_s, 5, u"protocol"_s, u"malformed"_s,
            u"Before the bad event. "_s, u"partial"_s);
        row("50 MiB single event", u"giant"_s, 5, u"protocol"_s, u"larger than"_s, none,
            u"failed"_s, 0, 30'000);
        row("never sends done", u"no-done"_s, 4, u"dropped"_s, u"done"_s, Normal, u"partial"_s);
        row("stall (idle timeout)", u"stall"_s, 4, u"timeout"_s, u"idle timeout"_s, u"*Hello"_s,
            u"partial"_s, IdleTimeoutS * 1000);
        // Continuation.
        row("auto-continued", u"truncated"_s, 0, u"none"_s, none, TruncatedReply::text(),
            u"complete"_s);
        row("auto-continued, the model repeats itself", u"truncated-overlap"_s, 0, u"none"_s, none,
            TruncatedReply::text(), u"complete"_s);
        row("continuation loop, same text", u"loop-same"_s, 0, u"none"_s, none,
            u"I keep saying the same thing. "_s, u"partial"_s);
        row("continuation loop, empty text", u"loop-empty"_s, 0, u"none"_s, none, none,
            u"partial"_s);
        row("continuation fails midway", u"truncated-then-fails"_s, 5, u"server"_s,
            u"continuation 1 failed"_s, u"*"_s + TruncatedReply::text().left(40), u"partial"_s, 0,
            30'000);
    }

    void fault()
    {
        QFETCH(QString, scenario);
        QFETCH(int, exitCode);
        QFETCH(QString, kind);
        QFETCH(QString, messagePart);
        QFETCH(QString, text);
        QFETCH(QString, stored);
        QFETCH(int, minMs);
        QFETCH(int, maxMs);
        FakeSourcegraph::Options options;
        options.giantEventBytes = 50 * 1024 * 1024;
        options.trickleIntervalMs = 2;
        FakeSourcegraph server(options);
        QVERIFY(server.listen());
        CliRunner cli;
        cli.useServer(server);
        const ChatOutcome outcome = chatOnce(cli,
            {u"--idle-timeout"_s, QString::number(IdleTimeoutS), u"-m"_s,
                u"fake::v1::"_s + scenario},
            maxMs + 5000);

        const CliRun &run = outcome.run;
        QVERIFY2(run.finished, "the run did not end");
        QCOMPARE(run.exitStatus, QProcess::NormalExit); // no crash
        QVERIFY2(run.exitCode == exitCode,
            qPrintable(u"exit %1: %2"_s.arg(run.exitCode).arg(run.errText())));
        QVERIFY2(!outcome.json.isEmpty(), qPrintable(run.outText()));
        QCOMPARE(outcome.kind(), kind);
        if (messagePart.isEmpty()) {
            QCOMPARE(outcome.message(), QString());
        } else {
            QVERIFY2(outcome.message().contains(messagePart), qPrintable(outcome.message()));
            QVERIFY2(run.errText().contains(outcome.message()), qPrintable(run.errText()));
        }
        if (text.startsWith(u'*'))
            QVERIFY2(outcome.text().startsWith(text.mid(1)), qPrintable(outcome.text()));
        else
            QCOMPARE(outcome.text(), text);
        QVERIFY(!outcome.text().contains(QChar::ReplacementCharacter));
        QCOMPARE(storedStateName(outcome.storedReply), stored);
        QCOMPARE(outcome.storedReply->text, outcome.text()); // what was shown is what is kept
        QVERIFY2(run.elapsedMs >= minMs && run.elapsedMs <= maxMs,
            qPrintable(u"took %1 ms, expected %2–%3"_s.arg(run.elapsedMs).arg(minMs).arg(maxMs)));
        QVERIFY(!run.out.contains(server.options().token));
        QVERIFY(!run.err.contains(server.options().token));
    }

    // Real Sourcegraph answers, replayed: one good, one refused.
    void recorded_data()
    {
        QTest::addColumn<QString>("scenario");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("part"); // of the text, or of the error message
        QTest::newRow("replay-05") << u"replay-05"_s << 0 << u"Hi there! Great to meet you!"_s;
        QTest::newRow("replay-02") << u"replay-02"_s << 5 << u"message content cannot be empty"_s;
    }

    void recorded()
    {
        QFETCH(QString, scenario);
        QFETCH(int, exitCode);
        QFETCH(QString, part);
        // The fake server answers "replay-NN" with recording NN; without it, a 404.
        REQUIRE_RECORDING(recording, scenario.mid(7) + u"-*-response.*"_s);
        FakeSourcegraph::Options options;
        options.recordingsDir = recordingsDir().path();
        FakeSourcegraph server(options);
        QVERIFY(server.listen());
        CliRunner cli;
        cli.useServer(server);
        const ChatOutcome outcome = chatOnce(cli, {u"-m"_s, u"fake::v1::"_s + scenario});
        QVERIFY2(outcome.run.exitCode == exitCode, qPrintable(outcome.run.errText()));
        const QString said = outcome.text() + u'\n' + outcome.message();
        QVERIFY2(said.contains(part), qPrintable(said));
    }

    // After its first event, a byte every 500 ms: slower than any reader, but well inside the
    // 3 s idle timeout. Each byte resets the idle timer, so the reply goes on until the user stops
    // it, and what arrived is kept. The server runs as its own process so that its bytes keep
    // their schedule however busy this test process or the machine is.
    void slowTrickleRunsUntilCancelled()
    {
        FakeServerProcess server;
        QVERIFY2(server.start({u"--trickle-interval-ms"_s, u"500"_s}), qPrintable(server.error()));
        CliRunner cli;
        cli.useServer(server.baseUrl(), server.token());
        cli.interruptAfter(9000, SIGINT); // three idle timeouts
        const CliRun run = cli.run(
            {u"chat"_s, u"--idle-timeout"_s, u"3"_s, u"-m"_s, u"fake::v1::drip"_s, u"hi"_s}, {},
            60'000);
        QVERIFY(run.finished);
        QCOMPARE(run.exitCode, 130);
        QVERIFY2(run.errText().contains(u"interrupted"_s), qPrintable(run.errText()));
        QVERIFY2(!run.errText().contains(u"idle"_s), qPrintable(run.errText()));
        // Ran on well past two idle timeouts (the interrupt's timer starts a little before the
        // run's clock).
        QVERIFY2(run.elapsedMs >= 6000, qPrintable(QString::number(run.elapsedMs)));
        const auto stored = lastStoredReply(cli.historyPath());
        QCOMPARE(storedStateName(stored), u"partial"_s);
        QVERIFY(!stored->text.isEmpty());
        QVERIFY(run.outText().startsWith(stored->text));
    }
};

QTEST_GUILESS_MAIN(TestFaultMatrix)
#include "tst_faultmatrix.moc"
