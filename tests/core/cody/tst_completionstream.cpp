// SPDX-License-Identifier: Apache-2.0
// CompletionStream against the fake server: one request, every way its answer can go.
#include "cody/completionstream.h"
#include "fakesourcegraph.h"
#include "recordings.h"
#include "replyrunner.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace cody;
using namespace cody::test;

class TestCompletionStream : public QObject
{
    Q_OBJECT

private:
    struct Run
    {
        CompletionStream::Outcome outcome;
        QString streamed;
        int textSignals = 0;
    };

    static Run stream(FakeSourcegraph &server, const QString &scenario, int apiVersion = 8,
        std::chrono::milliseconds idle = std::chrono::seconds(10))
    {
        auto settings = clientSettingsFor(server);
        settings.idleTimeout = idle;
        SourcegraphClient client(settings);
        const auto request = scenarioRequest(scenario);
        auto *stream = client.openCompletionStream(
            completionRequestBody(request, request.messages), apiVersion);
        Run run;
        connect(stream, &CompletionStream::textReceived, stream, [&run](const QString &text) {
            run.streamed += text;
            ++run.textSignals;
        });
        QSignalSpy finished(stream, &CompletionStream::finished);
        if (!finished.wait(30'000))
            qFatal("stream did not finish");
        run.outcome = stream->outcome();
        delete stream;
        return run;
    }

    static QString normalText(const QString &prompt = u"hi"_s)
    {
        return u"Hello from the fake Sourcegraph! You said: "_s + prompt;
    }

private Q_SLOTS:
    void normalStreamAtVersion_data()
    {
        QTest::addColumn<int>("apiVersion");
        QTest::addColumn<QString>("scenario");
        // As recorded: no usage. The `usage` scenario is a server that reports it.
        QTest::newRow("deltaText (v8)") << 8 << u"normal"_s;
        QTest::newRow("deltaText (v8) with usage") << 8 << u"usage"_s;
        QTest::newRow("deltaText (v2)") << 2 << u"normal"_s;
        QTest::newRow("full text so far (v1)") << 1 << u"normal"_s;
        QTest::newRow("full text so far (v1) with usage") << 1 << u"usage"_s;
    }

    void normalStreamAtVersion()
    {
        QFETCH(int, apiVersion);
        QFETCH(QString, scenario);
        FakeSourcegraph::Options options;
        options.maxApiVersion = 8;
        FakeSourcegraph server(options);
        QVERIFY(server.listen());
        const Run run = stream(server, scenario, apiVersion);
        QVERIFY2(!run.outcome.error.isError(), qPrintable(run.outcome.error.message));
        QCOMPARE(run.outcome.text, normalText());
        QCOMPARE(run.streamed, normalText());
        QCOMPARE(run.outcome.stopReason, u"end_turn"_s);
        QCOMPARE(run.outcome.usage.has_value(), scenario == u"usage"_s);
        if (run.outcome.usage)
            QVERIFY(run.outcome.usage->completionTokens > 0);
        QCOMPARE(server.streamRequests().constFirst().query.queryItemValue(u"api-version"_s),
            QString::number(apiVersion));
    }

    void crlfCommentsUnknownEventsAndByteSplits()
    {
        FakeSourcegraph server;
        QVERIFY(server.listen());
        const Run run = stream(server, u"crlf-split"_s);
        QVERIFY2(!run.outcome.error.isError(), qPrintable(run.outcome.error.message));
        QVERIFY2(run.outcome.text.contains(u"héllo — 世界 🎉"_s), qPrintable(run.outcome.text));
        QVERIFY(!run.outcome.text.contains(QChar::ReplacementCharacter));
        QCOMPARE(run.streamed, run.outcome.text);
        QCOMPARE(run.outcome.stopReason, u"end_turn"_s);
    }

    void trickleOneBytePerChunk()
    {
        FakeSourcegraph::Options options;
        options.trickleIntervalMs = 1;
        FakeSourcegraph server(options);
        QVERIFY(server.listen());
        const Run run = stream(server, u"trickle"_s);
        QVERIFY2(!run.outcome.error.isError(), qPrintable(run.outcome.error.message));
        QCOMPARE(run.outcome.text, normalText());
        QVERIFY2(run.textSignals > 3, "text must arrive as it streams, not at the end");
    }

    void droppedConnectionKeepsText()
    {
        FakeSourcegraph server;
        QVERIFY(server.listen());
        const Run run = stream(server, u"drop"_s);
        QCOMPARE(run.outcome.error.kind, ErrorKind::Dropped);
        QVERIFY(!run.outcome.text.isEmpty());
        QVERIFY(normalText().startsWith(run.outcome.text));
        QCOMPARE(run.streamed, run.outcome.text);
        QVERIFY2(run.outcome.error.message.contains(QString::number(run.outcome.text.size())),
            qPrintable(run.outcome.error.message));
    }

    void droppedMidUtf8KeepsOnlyWholeCharacters()
    {
        FakeSourcegraph server;
        QVERIFY(server.listen());
        const Run run = stream(server, u"drop-midutf8"_s);
        QCOMPARE(run.outcome.error.kind, ErrorKind::Dropped);
        QVERIFY(!run.outcome.text.contains(QChar::ReplacementCharacter));
        QCOMPARE(run.streamed, run.outcome.text);
    }

    void stallHitsIdleTimeout()
    {
        FakeSourcegraph server;
        QVERIFY(server.listen());
        const Run run = stream(server, u"stall"_s, 8, std::chrono::milliseconds(500));
        QCOMPARE(run.outcome.error.kind, ErrorKind::Timeout);
        QVERIFY(run.outcome.error.message.contains(u"idle timeout"_s));
        QVERIFY(!run.outcome.text.isEmpty());
        QVERIFY(normalText().startsWith(run.outcome.text));
    }

    void errorEventKeepsTextAndReportsMessage()
    {
        FakeSourcegraph server;
        QVERIFY(server.listen());
        const Run run = stream(server, u"error-event"_s);
        QCOMPARE(run.outcome.error.kind, ErrorKind::Stream);
        QVERIFY(run.outcome.error.message.contains(u"fake upstream failure"_s));
        QCOMPARE(run.outcome.text, u"Partial answer"_s);
    }

    void giantEventIsRefused()
    {
        FakeSourcegraph server;
        QVERIFY(server.listen());
        const Run run = stream(server, u"giant"_s);
        QCOMPARE(run.outcome.error.kind, ErrorKind::Protocol);
        QVERIFY2(run.outcome.error.message.contains(u"larger than"_s),
            qPrintable(run.outcome.error.message));
        QVERIFY(run.outcome.text.isEmpty());
    }

    void htmlPageSaysProxyOrSso()
    {
        FakeSourcegraph server;
        QVERIFY(server.listen());
        const Run run = stream(server, u"html"_s);
        QCOMPARE(run.outcome.error.kind, ErrorKind::Protocol);
        QVERIFY2(
            run.outcome.error.message.contains(u"proxy"_s), qPrintable(run.outcome.error.message));
    }

    void httpErrors_data()
    {
        QTest::addColumn<QString>("scenario");
        QTest::addColumn<int>("status");
        QTest::addColumn<ErrorKind>("kind");
        QTest::addColumn<QString>("messagePart");
        QTest::newRow("401") << u"unauthorized"_s << 401 << ErrorKind::Auth
                             << u"Invalid access token."_s;
        QTest::newRow("403") << u"forbidden"_s << 403 << ErrorKind::Auth << u"rejected"_s;
        QTest::newRow("400 model")
            << u"unknown-model"_s << 400 << ErrorKind::Http << u"unknown model"_s;
        QTest::newRow("500") << u"server-error-forever"_s << 500 << ErrorKind::Server
                             << u"Internal server error"_s;
        QTest::newRow("429") << u"rate-limited"_s << 429 << ErrorKind::Http
                             << u"rate limit exceeded"_s;
        QTest::newRow("redirect") << u"redirect"_s << 307 << ErrorKind::Network << u"localhost"_s;
    }

    void httpErrors()
    {
        QFETCH(QString, scenario);
        QFETCH(int, status);
        QFETCH(ErrorKind, kind);
        QFETCH(QString, messagePart);
        FakeSourcegraph server;
        QVERIFY(server.listen());
        const Run run = stream(server, scenario);
        QCOMPARE(run.outcome.httpStatus, status);
        QCOMPARE(run.outcome.error.kind, kind);
        QVERIFY2(
            run.outcome.error.message.contains(messagePart), qPrintable(run.outcome.error.message));
        QVERIFY(run.outcome.beforeFirstByte);
        if (status == 429)
            QCOMPARE(run.outcome.retryAfter.value_or(std::chrono::milliseconds(-1)).count(), 1000);
    }

    void wrongBaseUrlSays404()
    {
        FakeSourcegraph::Options options;
        options.pathPrefix = u"/sourcegraph"_s;
        FakeSourcegraph server(options);
        QVERIFY(server.listen());
        auto settings = clientSettingsFor(server);
        settings.baseUrl.setPath(QString()); // the prefix forgotten
        SourcegraphClient client(settings);
        auto *stream = client.openCompletionStream("{}", 8);
        QSignalSpy finished(stream, &CompletionStream::finished);
        QVERIFY(finished.wait());
        QCOMPARE(stream->outcome().error.kind, ErrorKind::Http);
        QVERIFY(stream->outcome().error.message.contains(u"LLM_BASE_URL"_s));
        delete stream;
    }

    void cancelStopsAtOnce()
    {
        FakeSourcegraph server;
        QVERIFY(server.listen());
        SourcegraphClient client(clientSettingsFor(server));
        const auto request = scenarioRequest(u"stall"_s);
        auto *stream
            = client.openCompletionStream(completionRequestBody(request, request.messages), 8);
        QSignalSpy text(stream, &CompletionStream::textReceived);
        QSignalSpy finished(stream, &CompletionStream::finished);
        QVERIFY(text.wait());
        stream->cancel();
        QCOMPARE(finished.count(), 0); // never from inside cancel()
        QVERIFY(finished.wait());
        QCOMPARE(stream->outcome().error.kind, ErrorKind::Cancelled);
        QVERIFY(!stream->outcome().text.isEmpty());
        delete stream;
    }

    // A question whose reply failed is followed by the next one: the body still takes turns, as
    // every recorded request does, without losing either question.
    void requestBodyTakesTurns()
    {
        using Speaker = ChatMessage::Speaker;
        CompletionRequest request = scenarioRequest(u"normal"_s);
        const QList<ChatMessage> transcript {{Speaker::System, u"Be brief."_s},
            {Speaker::Human, u"first"_s}, {Speaker::Assistant, u"  "_s},
            {Speaker::Human, u"second"_s}, {Speaker::Human, u"third"_s}};
        const QByteArray body = completionRequestBody(request, transcript);
        const QJsonArray messages
            = QJsonDocument::fromJson(body).object().value(u"messages"_s).toArray();
        QCOMPARE(messages.size(), 2);
        QCOMPARE(messages.at(0)[u"speaker"_s].toString(), u"system"_s);
        QCOMPARE(messages.at(1)[u"speaker"_s].toString(), u"human"_s);
        QCOMPARE(messages.at(1)[u"text"_s].toString(), u"first\n\nsecond\n\nthird"_s);

        FakeSourcegraph server; // refuses (and fails this test on) a body unlike the recorded ones
        QVERIFY(server.listen());
        SourcegraphClient client(clientSettingsFor(server));
        auto *stream = client.openCompletionStream(body, 8);
        QSignalSpy finished(stream, &CompletionStream::finished);
        QVERIFY(finished.wait(30'000));
        QVERIFY2(!stream->outcome().error.isError(), qPrintable(stream->outcome().error.message));
        QVERIFY(server.shapeMismatches().isEmpty());
        delete stream;
    }

    void recordedStreams_data()
    {
        QTest::addColumn<QString>("number");
        QTest::addColumn<int>("apiVersion");
        QTest::addColumn<ErrorKind>("kind");
        QTest::addColumn<QString>("stopReason");
        QTest::newRow("02 error event v1") << u"02"_s << 1 << ErrorKind::Stream << QString();
        QTest::newRow("03 full text v1") << u"03"_s << 1 << ErrorKind::None << u"end_turn"_s;
        QTest::newRow("04 error event v5") << u"04"_s << 5 << ErrorKind::Stream << QString();
        QTest::newRow("05 deltaText v8") << u"05"_s << 8 << ErrorKind::None << u"end_turn"_s;
        QTest::newRow("06 no stopReason") << u"06"_s << 8 << ErrorKind::None << QString();
        QTest::newRow("07 multi-turn") << u"07"_s << 8 << ErrorKind::None << QString();
        QTest::newRow("08 haiku") << u"08"_s << 8 << ErrorKind::None << u"end_turn"_s;
        QTest::newRow("09 enterprise v6") << u"09"_s << 6 << ErrorKind::None << u"end_turn"_s;
        QTest::newRow("10 jetbrains v5") << u"10"_s << 5 << ErrorKind::None << u"end_turn"_s;
        QTest::newRow("11 code FIM") << u"11"_s << 5 << ErrorKind::None << QString();
        QTest::newRow("19 legacy 112 events") << u"19"_s << 1 << ErrorKind::None << u"end_turn"_s;
    }

    // Every recorded stream, replayed byte for byte, gives the text a reader of the file expects.
    void recordedStreams()
    {
        QFETCH(QString, number);
        QFETCH(int, apiVersion);
        QFETCH(ErrorKind, kind);
        QFETCH(QString, stopReason);
        REQUIRE_RECORDING(path, number + u"-*-response.sse"_s);
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray raw = file.readAll();

        // What the text must be: the last `completion` (full text) or all deltaText joined.
        QString expected;
        static const QRegularExpression dataLine(
            u"^data: (.*)$"_s, QRegularExpression::MultilineOption);
        for (auto it = dataLine.globalMatch(QString::fromUtf8(raw)); it.hasNext();) {
            const QJsonObject data
                = QJsonDocument::fromJson(it.next().captured(1).toUtf8()).object();
            if (data.contains(u"deltaText"_s))
                expected += data.value(u"deltaText"_s).toString();
            else if (data.contains(u"completion"_s))
                expected = data.value(u"completion"_s).toString();
        }

        FakeSourcegraph::Options options;
        options.recordingsDir = recordingsDir().absolutePath();
        FakeSourcegraph server(options);
        QVERIFY(server.listen());
        const Run run = stream(server, u"replay-"_s + number, apiVersion);
        QCOMPARE(run.outcome.error.kind, kind);
        QCOMPARE(run.outcome.text, expected);
        QCOMPARE(run.streamed, expected);
        if (kind == ErrorKind::None)
            QCOMPARE(run.outcome.stopReason, stopReason);
        else
            QVERIFY(run.outcome.error.message.contains(u"message content cannot be empty"_s));
    }
};

QTEST_GUILESS_MAIN(TestCompletionStream)
#include "tst_completionstream.moc"
