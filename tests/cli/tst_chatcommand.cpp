// SPDX-License-Identifier: Apache-2.0
// `cody-chat-cli chat` through the real binary against the fake server: output, options, exit
// codes.
#include "clirunner.h"
#include "fakedocuments.h"
#include "fakesourcegraph.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSettings>
#include <QTcpServer>
#include <QTest>

#include <csignal>

using namespace Qt::StringLiterals;
using namespace cody::test;

class TestChatCommand : public QObject
{
    Q_OBJECT

private:
    static QString normalText(const QString &prompt)
    {
        return u"Hello from the fake Sourcegraph! You said: "_s + prompt;
    }

private Q_SLOTS:
    void streamsTheReply()
    {
        FakeSourcegraph server;
        QVERIFY(server.listen());
        CliRunner cli;
        cli.useServer(server);
        const CliRun run
            = cli.run({u"chat"_s, u"-m"_s, u"fake::v1::normal"_s, u"Hello,"_s, u"Cody"_s});
        QVERIFY(run.finished);
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.outText(), normalText(u"Hello, Cody"_s) + u'\n');
        QCOMPARE(run.errText(), QString());
    }

    void promptFromStandardInput_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::newRow("no prompt arguments")
            << QStringList {u"chat"_s, u"-m"_s, u"fake::v1::normal"_s};
        QTest::newRow("dash") << QStringList {u"chat"_s, u"-m"_s, u"fake::v1::normal"_s, u"-"_s};
    }

    void promptFromStandardInput()
    {
        QFETCH(QStringList, arguments);
        FakeSourcegraph server;
        QVERIFY(server.listen());
        CliRunner cli;
        cli.useServer(server);
        const CliRun run = cli.run(arguments, "Grüße aus\nstdin");
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.outText(), normalText(u"Grüße aus\nstdin"_s) + u'\n');
    }

    void outputIsLive()
    {
        FakeSourcegraph::Options options;
        options.slowDelayMs = 150;
        FakeSourcegraph server(options);
        QVERIFY(server.listen());
        CliRunner cli;
        cli.useServer(server);
        bool runningAtFirstOutput = false;
        bool seen = false;
        const CliRun run = cli.run(
            {u"chat"_s, u"-m"_s, u"fake::v1::slow"_s, u"hi"_s}, {}, 30'000, [&](QProcess &process) {
                if (!seen)
                    runningAtFirstOutput = process.state() == QProcess::Running;
                seen = true;
            });
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(runningAtFirstOutput, "text must reach stdout while the reply still streams");
        QCOMPARE(run.outText(), normalText(u"hi"_s) + u'\n');
    }

    void jsonOutput()
    {
        FakeSourcegraph server;
        QVERIFY(server.listen());
        CliRunner cli;
        cli.useServer(server);
        // The default model cody-sonnet is deprecated there, as on the recorded servers: the
        // server's first stable chat model answers instead.
        const CliRun run = cli.run({u"chat"_s, u"--json"_s, u"hi"_s});
        QCOMPARE(run.exitCode, 0);
        const QJsonObject json = QJsonDocument::fromJson(run.out).object();
        QCOMPARE(json.value(u"model"_s).toString(),
            u"cody/anthropic::2024-10-22::claude-3-5-sonnet-latest"_s);
        QCOMPARE(json.value(u"text"_s).toString(), normalText(u"hi"_s));
        QCOMPARE(json.value(u"stopReason"_s).toString(), u"end_turn"_s);
        QCOMPARE(json.value(u"segments"_s).toInt(), 1);
        // No recorded server reports usage: the cost is estimated from the text, and says so.
        QVERIFY(json.value(u"usage"_s).isNull());
        QJsonObject cost = json.value(u"costEstimate"_s).toObject();
        QVERIFY(cost.value(u"usd"_s).toDouble() > 0.0);
        QCOMPARE(cost.value(u"estimated"_s).toBool(), true);
        QCOMPARE(server.streamRequests().constFirst().json().value(u"model"_s).toString(),
            u"anthropic::2024-10-22::claude-3-5-sonnet-latest"_s);

        FakeSourcegraph::Options options;
        options.includeUsage = true;
        FakeSourcegraph counting(options);
        QVERIFY(counting.listen());
        cli.useServer(counting);
        const CliRun counted = cli.run({u"chat"_s, u"--json"_s, u"-m"_s, u"cody-opus"_s, u"hi"_s});
        QCOMPARE(counted.exitCode, 0);
        const QJsonObject countedJson = QJsonDocument::fromJson(counted.out).object();
        QVERIFY(countedJson.value(u"usage"_s)[u"completion_tokens"_s].toInt() > 0);
        cost = countedJson.value(u"costEstimate"_s).toObject();
        QVERIFY(cost.value(u"usd"_s).toDouble() > 0.0);
        QCOMPARE(cost.value(u"estimated"_s).toBool(), false);
    }

    void modelAliasReachesTheWire()
    {
        FakeSourcegraph server;
        QVERIFY(server.listen());
        CliRunner cli;
        cli.useServer(server);
        QCOMPARE(cli.run({u"chat"_s, u"-m"_s, u"cody-opus"_s, u"hi"_s}).exitCode, 0);
        cli.environment().insert(u"CODY_MODEL"_s, u"cody-haiku"_s);
        QCOMPARE(cli.run({u"chat"_s, u"hi"_s}).exitCode, 0);
        const auto requests = server.streamRequests();
        QCOMPARE(requests.at(0).json().value(u"model"_s).toString(),
            u"anthropic::2023-06-01::claude-3-opus"_s);
        QCOMPARE(requests.at(1).json().value(u"model"_s).toString(),
            u"anthropic::2023-06-01::claude-3-haiku"_s);
    }

    // No model chosen, and the server calls cody-sonnet deprecated: the server's stable choice
    // is used and named once on stderr; a model chosen with -m is kept, with a warning.
    void deprecatedDefaultIsReplacedUnlessChosen()
    {
        FakeSourcegraph server; // its catalog, like the recorded ones, deprecates cody-sonnet
        QVERIFY(server.listen());
        CliRunner cli;
        cli.useServer(server);

        const CliRun defaulted = cli.run({u"chat"_s, u"--json"_s, u"hi"_s});
        QVERIFY2(defaulted.exitCode == 0, defaulted.err.constData());
        QCOMPARE(server.streamRequests().constLast().json().value(u"model"_s).toString(),
            u"anthropic::2024-10-22::claude-3-5-sonnet-latest"_s);
        QCOMPARE(QJsonDocument::fromJson(defaulted.out).object().value(u"model"_s).toString(),
            u"cody/anthropic::2024-10-22::claude-3-5-sonnet-latest"_s);
        QVERIFY2(
            defaulted.errText().contains(u"cody-sonnet is deprecated on this server; using "
                                         "cody/anthropic::2024-10-22::claude-3-5-sonnet-latest"_s),
            defaulted.err.constData());
        QCOMPARE(defaulted.errText().count(u"deprecated"_s), 1); // said once

        const CliRun chosen = cli.run({u"chat"_s, u"-m"_s, u"cody-sonnet"_s, u"hi"_s});
        QVERIFY2(chosen.exitCode == 0, chosen.err.constData());
        QCOMPARE(server.streamRequests().constLast().json().value(u"model"_s).toString(),
            u"anthropic::2023-06-01::claude-3.5-sonnet"_s);
        QVERIFY2(chosen.errText().contains(
                     u"cody-sonnet is deprecated on this server and may stop answering"_s),
            chosen.err.constData());

        // CODY_MODEL is a choice too.
        cli.environment().insert(u"CODY_MODEL"_s, u"cody-sonnet"_s);
        QVERIFY(cli.run({u"chat"_s, u"hi"_s}).exitCode == 0);
        QCOMPARE(server.streamRequests().constLast().json().value(u"model"_s).toString(),
            u"anthropic::2023-06-01::claude-3.5-sonnet"_s);
    }

    // Against a server whose catalog calls cody-sonnet stable, the default stays, unannounced.
    void stableDefaultIsKept()
    {
        FakeSourcegraph::Options options;
        options.catalog = FakeDocuments::Catalog::StableSonnet;
        FakeSourcegraph server(options);
        QVERIFY(server.listen());
        CliRunner cli;
        cli.useServer(server);
        const CliRun run = cli.run({u"chat"_s, u"hi"_s});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QCOMPARE(server.streamRequests().constLast().json().value(u"model"_s).toString(),
            u"anthropic::2023-06-01::claude-3.5-sonnet"_s);
        QVERIFY2(!run.errText().contains(u"deprecated"_s), run.err.constData());
    }

    void userAliasFromSettings()
    {
        FakeSourcegraph server;
        QVERIFY(server.listen());
        CliRunner cli;
        cli.useServer(server);
        {
            QSettings settings(cli.settingsPath(), QSettings::IniFormat);
            settings.setValue(u"aliases/fast"_s, u"cody/fake::v1::normal"_s);
            settings.setValue(u"aliases/cody-opus"_s, u"fake::v1::unknown-model"_s);
        }
        const CliRun run = cli.run({u"chat"_s, u"-m"_s, u"fast"_s, u"hi"_s});
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(server.streamRequests().constFirst().json().value(u"model"_s).toString(),
            u"fake::v1::normal"_s);
        QVERIFY2(run.errText().contains(u"shadow"_s), qPrintable(run.errText()));
    }

    void systemPromptAndOptionsOnTheWire()
    {
        FakeSourcegraph server;
        QVERIFY(server.listen());
        CliRunner cli;
        cli.useServer(server);
        const CliRun run = cli.run({u"chat"_s, u"-m"_s, u"cody-sonnet"_s, u"-s"_s, u"Be terse."_s,
            u"--max-tokens"_s, u"100000"_s, u"--temperature"_s, u"0.7"_s, u"hi"_s});
        QCOMPARE(run.exitCode, 0);
        const QJsonObject body = server.streamRequests().constFirst().json();
        // The server says claude-3.5-sonnet outputs at most 4000 tokens: never ask for more.
        QCOMPARE(body.value(u"maxTokensToSample"_s).toInt(), 4000);
        QCOMPARE(body.value(u"temperature"_s).toDouble(), 0.7);
        const auto first = body.value(u"messages"_s).toArray().at(0).toObject();
        QCOMPARE(first.value(u"speaker"_s).toString(), u"system"_s);
        QCOMPARE(first.value(u"text"_s).toString(), u"Be terse."_s);
    }

    void continuation_data()
    {
        QTest::addColumn<QStringList>("options");
        QTest::addColumn<int>("requests");
        QTest::newRow("automatic") << QStringList() << -1;
        QTest::newRow("off") << QStringList {u"--no-auto-continue"_s} << 1;
        QTest::newRow("at most one") << QStringList {u"--max-continuations"_s, u"1"_s} << 2;
    }

    void continuation()
    {
        QFETCH(QStringList, options);
        QFETCH(int, requests);
        FakeSourcegraph server;
        QVERIFY(server.listen());
        CliRunner cli;
        cli.useServer(server);
        const CliRun run = cli.run(QStringList {u"chat"_s, u"-m"_s, u"fake::v1::truncated"_s}
            + options + QStringList {u"go"_s});
        QCOMPARE(run.exitCode, 0); // a truncated reply is still a success
        const QString reply = FakeSourcegraph::truncatedReply();
        if (requests < 0) {
            QCOMPARE(run.outText(), reply + u'\n');
            QVERIFY(server.streamRequests().size() > 2);
        } else {
            QCOMPARE(server.streamRequests().size(), requests);
            QVERIFY(reply.startsWith(run.outText().trimmed()));
            QVERIFY(run.outText().size() < reply.size());
        }
    }

    // However the model behaves at the seams, stdout gets the whole reply once, seamless.
    void unkindContinuationsPrintTheWholeReply_data()
    {
        QTest::addColumn<QString>("scenario");
        for (const char *scenario :
            {"truncated-overlap", "truncated-overlap-reflowed", "truncated-midword",
                "truncated-no-space", "truncated-refuses-prefill", "truncated-refuses-prefill-sse",
                "truncated-length", "truncated-gemini", "truncated-usage-some"})
            QTest::newRow(scenario) << QString::fromLatin1(scenario);
    }

    void unkindContinuationsPrintTheWholeReply()
    {
        QFETCH(QString, scenario);
        FakeSourcegraph server;
        QVERIFY(server.listen());
        CliRunner cli;
        cli.useServer(server);
        const CliRun run = cli.run({u"chat"_s, u"-m"_s, u"fake::v1::"_s + scenario, u"go"_s});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QCOMPARE(run.outText(), FakeSourcegraph::truncatedReply() + u'\n');
        QVERIFY(server.streamRequests().size() > 2);
    }

    // A prompt over the model's input limit is refused before anything is sent, with the numbers.
    void promptOverTheModelsLimitIsRefused()
    {
        FakeSourcegraph server;
        QVERIFY(server.listen());
        CliRunner cli;
        cli.useServer(server);
        const QByteArray prompt = QByteArray("word ").repeated(200'000); // about 250 000 tokens
        const CliRun run = cli.run({u"chat"_s, u"-m"_s, u"cody-haiku"_s}, prompt);
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.errText().contains(u"claude-3-haiku accepts 7"_s)
                && run.errText().contains(u"shorten it or choose a model with a larger window"_s),
            run.err.constData());
        QVERIFY(server.streamRequests().isEmpty());
        QVERIFY(!QFile::exists(cli.historyPath()) || run.errText().contains(u"too long"_s));
    }

    void exitCodes_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QStringList>("environment"); // NAME=value; NAME= removes
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("stderrPart");
        const QStringList none;
        QTest::newRow("bad model name") << QStringList {u"chat"_s, u"-m"_s, u"anthropic::claude"_s,
            u"hi"_s} << none << 2 << u"cody-sonnet"_s;
        QTest::newRow("unknown option")
            << QStringList {u"chat"_s, u"--frobnicate"_s, u"hi"_s} << none << 2 << u"frobnicate"_s;
        QTest::newRow("bad max tokens") << QStringList {u"chat"_s, u"--max-tokens"_s, u"lots"_s,
            u"hi"_s} << none << 2 << u"--max-tokens"_s;
        QTest::newRow("bad env max tokens")
            << QStringList {u"chat"_s, u"hi"_s} << QStringList {u"CODY_DEFAULT_MAX_TOKENS=0"_s} << 2
            << u"CODY_DEFAULT_MAX_TOKENS"_s;
        QTest::newRow("no endpoint") << QStringList {u"chat"_s, u"hi"_s}
                                     << QStringList {u"LLM_BASE_URL="_s} << 2 << u"LLM_BASE_URL"_s;
        QTest::newRow("no token") << QStringList {u"chat"_s, u"hi"_s}
                                  << QStringList {u"LLM_API_KEY="_s} << 2 << u"LLM_API_KEY"_s;
        QTest::newRow("empty prompt")
            << QStringList {u"chat"_s, u"  "_s} << none << 2 << u"empty"_s;
        QTest::newRow("token rejected")
            << QStringList {u"chat"_s, u"hi"_s} << QStringList {u"LLM_API_KEY=sgp_wrong"_s} << 3
            << u"Invalid access token."_s;
        QTest::newRow("401 on stream")
            << QStringList {u"chat"_s, u"-m"_s, u"fake::v1::unauthorized"_s, u"hi"_s} << none << 3
            << u"rejected"_s;
        QTest::newRow("dropped") << QStringList {u"chat"_s, u"-m"_s, u"fake::v1::drop"_s, u"hi"_s}
                                 << none << 4 << u"dropped"_s;
        QTest::newRow("idle timeout") << QStringList {u"chat"_s, u"--idle-timeout"_s, u"1"_s,
            u"-m"_s, u"fake::v1::stall"_s, u"hi"_s}
                                      << none << 4 << u"idle timeout"_s;
        QTest::newRow("error event") << QStringList {u"chat"_s, u"-m"_s, u"fake::v1::error-event"_s,
            u"hi"_s} << none << 5 << u"fake upstream failure"_s;
        QTest::newRow("other 4xx") << QStringList {u"chat"_s, u"-m"_s, u"fake::v1::unknown-model"_s,
            u"hi"_s} << none << 5 << u"unknown model"_s;
    }

    void exitCodes()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QStringList, environment);
        QFETCH(int, exitCode);
        QFETCH(QString, stderrPart);
        FakeSourcegraph server;
        QVERIFY(server.listen());
        CliRunner cli;
        cli.useServer(server);
        for (const auto &pair : environment) {
            const QString name = pair.section(u'=', 0, 0);
            const QString value = pair.section(u'=', 1);
            if (value.isEmpty())
                cli.environment().remove(name);
            else
                cli.environment().insert(name, value);
        }
        const CliRun run = cli.run(arguments);
        QVERIFY(run.finished);
        QCOMPARE(run.exitStatus, QProcess::NormalExit);
        QCOMPARE(run.exitCode, exitCode);
        QVERIFY2(run.errText().contains(stderrPart), qPrintable(run.errText()));
        // One readable line per error, starting with the program's name.
        QVERIFY(run.errText().contains(u"cody-chat-cli: error: "_s));
        QVERIFY(!run.err.contains(server.options().token));
    }

    void textBeforeAnErrorStaysOnStdout()
    {
        FakeSourcegraph server;
        QVERIFY(server.listen());
        CliRunner cli;
        cli.useServer(server);
        const CliRun run = cli.run({u"chat"_s, u"-m"_s, u"fake::v1::error-event"_s, u"hi"_s});
        QCOMPARE(run.exitCode, 5);
        QCOMPARE(run.outText(), u"Partial answer\n"_s);
    }

    void connectionRefused()
    {
        CliRunner cli;
        cli.environment().insert(
            u"LLM_BASE_URL"_s, u"http://127.0.0.1:9"_s); // discard port: nothing listens
        cli.environment().insert(u"LLM_API_KEY"_s, u"sgp_x"_s);
        const CliRun run = cli.run({u"chat"_s, u"hi"_s});
        QCOMPARE(run.exitCode, 4);
        QVERIFY2(run.errText().contains(u"connection refused"_s), qPrintable(run.errText()));
    }

    void interruptCancelsCleanly_data()
    {
        QTest::addColumn<int>("signalNumber");
        QTest::newRow("SIGINT") << int(SIGINT);
        QTest::newRow("SIGTERM") << int(SIGTERM);
    }

    void interruptCancelsCleanly()
    {
        QFETCH(int, signalNumber);
        FakeSourcegraph server;
        QVERIFY(server.listen());
        CliRunner cli;
        cli.useServer(server);
        bool sent = false;
        const CliRun run = cli.run({u"chat"_s, u"-m"_s, u"fake::v1::stall"_s, u"hi"_s}, {}, 30'000,
            [&](QProcess &process) {
                if (!sent)
                    ::kill(pid_t(process.processId()), signalNumber);
                sent = true;
            });
        QVERIFY(run.finished);
        QCOMPARE(run.exitStatus, QProcess::NormalExit);
        QCOMPARE(run.exitCode, 130);
        QVERIFY(!run.out.isEmpty()); // what streamed before the interrupt stays
        QVERIFY(run.errText().contains(u"interrupted"_s));
    }

    // Interrupted while still negotiating with a server that accepted but never answered: the
    // teardown must be clean (no crash) and the exit code still 130.
    void interruptWhileConnecting()
    {
        QTcpServer silent;
        QVERIFY(silent.listen(QHostAddress::LocalHost));
        CliRunner cli;
        cli.environment().insert(
            u"LLM_BASE_URL"_s, u"http://127.0.0.1:%1"_s.arg(silent.serverPort()));
        cli.environment().insert(u"LLM_API_KEY"_s, u"sgp_x"_s);
        cli.interruptAfter(500, SIGINT);
        const CliRun run = cli.run({u"chat"_s, u"hi"_s});
        QVERIFY(run.finished);
        QCOMPARE(run.exitStatus, QProcess::NormalExit);
        QCOMPARE(run.exitCode, 130);
    }

    // A server that accepts and never answers costs one idle timeout, not one per request.
    void silentServerCostsOneIdleTimeout()
    {
        QTcpServer silent;
        QVERIFY(silent.listen(QHostAddress::LocalHost));
        CliRunner cli;
        cli.environment().insert(
            u"LLM_BASE_URL"_s, u"http://127.0.0.1:%1"_s.arg(silent.serverPort()));
        cli.environment().insert(u"LLM_API_KEY"_s, u"sgp_x"_s);
        QElapsedTimer timer;
        timer.start();
        const CliRun run = cli.run({u"chat"_s, u"--idle-timeout"_s, u"3"_s, u"hi"_s}, {}, 60'000);
        QCOMPARE(run.exitCode, 4);
        QVERIFY2(run.errText().contains(u"idle timeout"_s), qPrintable(run.errText()));
        // One idle timeout, not one per retry: below two of them, with the rest of the margin
        // for start-up on a busy machine.
        QVERIFY2(timer.elapsed() >= 3000 && timer.elapsed() < 5900,
            qPrintable(QString::number(timer.elapsed())));
    }

    // A signal while the prompt is still being read from standard input ends the program.
    void interruptWhileReadingStandardInput()
    {
        CliRunner cli;
        cli.environment().insert(u"LLM_BASE_URL"_s, u"http://127.0.0.1:9"_s);
        cli.environment().insert(u"LLM_API_KEY"_s, u"sgp_x"_s);
        cli.interruptAfter(300, SIGINT);
        const CliRun run = cli.run({u"chat"_s}, CliRunner::KeepStandardInputOpen, 10'000);
        QVERIFY2(run.finished, "the program must not hang on a signal while reading stdin");
        QCOMPARE(run.exitStatus, QProcess::CrashExit); // ended by the signal's default action
        QVERIFY(run.out.isEmpty());
    }

    void verboseLogNeverShowsTheToken()
    {
        FakeSourcegraph server;
        QVERIFY(server.listen());
        CliRunner cli;
        cli.useServer(server);
        const CliRun run
            = cli.run({u"chat"_s, u"-v"_s, u"-m"_s, u"fake::v1::server-error"_s, u"hi"_s});
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.errText().contains(u"retry: segment 1"_s), qPrintable(run.errText()));
        QVERIFY(!run.err.contains(server.options().token));
        QVERIFY(!run.out.contains(server.options().token));
    }

    void sslBypassWarnsOnEveryRun()
    {
        FakeSourcegraph server;
        QVERIFY(server.listen());
        CliRunner cli;
        cli.useServer(server);
        cli.environment().insert(u"CODY_SSL_BYPASS"_s, u"true"_s);
        const CliRun run = cli.run({u"chat"_s, u"-m"_s, u"fake::v1::normal"_s, u"hi"_s});
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.errText().contains(u"verification is OFF for 127.0.0.1"_s),
            qPrintable(run.errText()));
    }
};

QTEST_GUILESS_MAIN(TestChatCommand)
#include "tst_chatcommand.moc"
