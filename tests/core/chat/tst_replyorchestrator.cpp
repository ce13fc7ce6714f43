// SPDX-License-Identifier: Apache-2.0
// ReplyOrchestrator end to end against the fake server: the request on the wire, api-version
// negotiation, retries, automatic continuation and cancellation.
#include "chat/replyorchestrator.h"
#include "cody/apicall.h"
#include "cody/modelcatalog.h"
#include "fakesourcegraph.h"
#include "replyrunner.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace cody;
using namespace cody::test;

class TestReplyOrchestrator : public QObject
{
    Q_OBJECT

private:
    static QString normalText(const QString &prompt = u"hi"_s)
    {
        return u"Hello from the fake Sourcegraph! You said: "_s + prompt;
    }

private Q_SLOTS:
    void requestOnTheWire()
    {
        FakeSourcegraph server;
        QVERIFY(server.listen());
        SourcegraphClient client(clientSettingsFor(server));
        auto request = scenarioRequest(u"normal"_s, u"What is SSE?"_s);
        request.messages.prepend({ChatMessage::Speaker::System, u"Be brief."_s});
        request.messages.append({ChatMessage::Speaker::Assistant, u"  "_s}); // empty: dropped
        request.maxTokens = 321;
        request.stopSequences = {u"\n\nHuman:"_s};
        const ReplyRun run = runReply(client, request);
        QVERIFY(run.finished);
        QVERIFY2(!run.result.error.isError(), qPrintable(run.result.error.message));
        QCOMPARE(run.result.text, normalText(u"What is SSE?"_s));
        QCOMPARE(run.streamed, run.result.text);
        QCOMPARE(run.result.segments, 1);

        const auto streams = server.streamRequests();
        QCOMPARE(streams.size(), 1);
        const auto &wire = streams.constFirst();
        QCOMPARE(wire.header("authorization"), "token " + server.options().token);
        QCOMPARE(wire.header("content-type"), "application/json");
        QCOMPARE(wire.header("accept-encoding"), "gzip;q=0");
        QCOMPARE(wire.header("x-requested-with"), "openhands " CODY_VERSION);
        QVERIFY(wire.header("user-agent").startsWith("cody-chat/" CODY_VERSION " ("));
        QCOMPARE(wire.query.queryItemValue(u"api-version"_s), u"8"_s);
        QCOMPARE(wire.query.queryItemValue(u"client-name"_s), u"openhands"_s);
        QCOMPARE(wire.query.queryItemValue(u"client-version"_s), QStringLiteral(CODY_VERSION));

        const QJsonObject body = wire.json();
        QCOMPARE(body.value(u"model"_s).toString(), u"fake::v1::normal"_s);
        QCOMPARE(body.value(u"maxTokensToSample"_s).toInt(), 321);
        QCOMPARE(body.value(u"temperature"_s).toDouble(), 0.0);
        QCOMPARE(body.value(u"topK"_s).toInt(), -1);
        QCOMPARE(body.value(u"topP"_s).toInt(), -1);
        QCOMPARE(body.value(u"stopSequences"_s).toArray(), QJsonArray {u"\n\nHuman:"_s});
        const QJsonArray messages = body.value(u"messages"_s).toArray();
        QCOMPARE(messages.size(), 2);
        QCOMPARE(messages.at(0).toObject().value(u"speaker"_s).toString(), u"system"_s);
        QCOMPARE(messages.at(1).toObject().value(u"speaker"_s).toString(), u"human"_s);
        QCOMPARE(messages.at(1).toObject().value(u"text"_s).toString(), u"What is SSE?"_s);
    }

    void apiVersionNegotiation_data()
    {
        QTest::addColumn<int>("advertised"); // 0: no client-config
        QTest::addColumn<QString>("productVersion");
        QTest::addColumn<int>("maxVersion");
        QTest::addColumn<QStringList>("expectedVersions");
        QTest::newRow("client-config says 5") << 5 << u"6.2.0"_s << 8 << QStringList {u"5"_s};
        QTest::newRow("no client-config, 6.2.0") << 0 << u"6.2.0"_s << 8 << QStringList {u"8"_s};
        QTest::newRow("no client-config, 5.7.0") << 0 << u"5.7.0"_s << 8 << QStringList {u"1"_s};
        QTest::newRow("406 steps down") << 8 << u"6.2.0"_s << 5 << QStringList {u"8"_s, u"5"_s};
        QTest::newRow("406 steps down twice")
            << 8 << u"6.2.0"_s << 2 << QStringList {u"8"_s, u"5"_s, u"2"_s};
    }

    void apiVersionNegotiation()
    {
        QFETCH(int, advertised);
        QFETCH(QString, productVersion);
        QFETCH(int, maxVersion);
        QFETCH(QStringList, expectedVersions);
        FakeSourcegraph::Options options;
        options.advertisedApiVersion = advertised ? std::optional<int>(advertised) : std::nullopt;
        options.productVersion = productVersion;
        options.maxApiVersion = maxVersion;
        FakeSourcegraph server(options);
        QVERIFY(server.listen());
        SourcegraphClient client(clientSettingsFor(server));
        const ReplyRun run = runReply(client, scenarioRequest(u"normal"_s));
        QVERIFY2(!run.result.error.isError(), qPrintable(run.result.error.message));
        QCOMPARE(run.result.text, normalText());
        QStringList versions;
        for (const auto &request : server.streamRequests())
            versions.append(request.query.queryItemValue(u"api-version"_s));
        QCOMPARE(versions, expectedVersions);

        // The answer is remembered for the endpoint: the next reply neither probes nor steps.
        const auto before = server.requests().size();
        QVERIFY(!runReply(client, scenarioRequest(u"normal"_s)).result.error.isError());
        QCOMPARE(server.requests().size(), before + 1);
        QCOMPARE(server.streamRequests().constLast().query.queryItemValue(u"api-version"_s),
            expectedVersions.constLast());
    }

    void pathPrefixAndTrailingSlash()
    {
        FakeSourcegraph::Options options;
        options.pathPrefix = u"/sourcegraph"_s;
        FakeSourcegraph server(options);
        QVERIFY(server.listen());
        auto settings = clientSettingsFor(server);
        QCOMPARE(settings.baseUrl.path(), u"/sourcegraph"_s);
        SourcegraphClient client(settings);
        const ReplyRun run = runReply(client, scenarioRequest(u"normal"_s));
        QVERIFY2(!run.result.error.isError(), qPrintable(run.result.error.message));
        QCOMPARE(server.streamRequests().constFirst().path, "/sourcegraph/.api/completions/stream");
    }

    void retries_data()
    {
        QTest::addColumn<QString>("scenario");
        QTest::addColumn<int>("requests");
        QTest::addColumn<qint64>("minDelay");
        QTest::addColumn<qint64>("maxDelay");
        QTest::newRow("503 twice then success")
            << u"server-error"_s << 3 << qint64(1) << qint64(50);
        QTest::newRow("429 Retry-After seconds")
            << u"rate-limited"_s << 2 << qint64(1000) << qint64(1000);
        QTest::newRow("429 Retry-After date")
            << u"rate-limited-date"_s << 2 << qint64(0) << qint64(3000);
    }

    void retries()
    {
        QFETCH(QString, scenario);
        QFETCH(int, requests);
        QFETCH(qint64, minDelay);
        QFETCH(qint64, maxDelay);
        FakeSourcegraph server;
        QVERIFY(server.listen());
        SourcegraphClient client(clientSettingsFor(server));
        const ReplyRun run = runReply(client, scenarioRequest(scenario));
        QVERIFY2(!run.result.error.isError(), qPrintable(run.result.error.message));
        QCOMPARE(run.result.text, normalText());
        QCOMPARE(server.streamRequests().size(), requests);
        QCOMPARE(run.retryDelays.size(), requests - 1);
        for (const qint64 delay : run.retryDelays) {
            QVERIFY2(delay >= minDelay && delay <= maxDelay, qPrintable(QString::number(delay)));
        }
    }

    void notRetried_data()
    {
        QTest::addColumn<QString>("scenario");
        QTest::addColumn<ErrorKind>("kind");
        QTest::newRow("401") << u"unauthorized"_s << ErrorKind::Auth;
        QTest::newRow("403") << u"forbidden"_s << ErrorKind::Auth;
        QTest::newRow("400") << u"unknown-model"_s << ErrorKind::Http;
        QTest::newRow("dropped after text") << u"drop"_s << ErrorKind::Dropped;
        QTest::newRow("error event") << u"error-event"_s << ErrorKind::Stream;
        QTest::newRow("redirect to another origin") << u"redirect"_s << ErrorKind::Network;
        QTest::newRow("redirect on the same origin")
            << u"redirect-same-origin"_s << ErrorKind::Network;
    }

    void notRetried()
    {
        QFETCH(QString, scenario);
        QFETCH(ErrorKind, kind);
        FakeSourcegraph server;
        QVERIFY(server.listen());
        SourcegraphClient client(clientSettingsFor(server));
        const ReplyRun run = runReply(client, scenarioRequest(scenario));
        QCOMPARE(run.result.error.kind, kind);
        QCOMPARE(server.streamRequests().size(), 1);
        QVERIFY(run.retryDelays.isEmpty());
        // Whatever arrived before the failure is kept.
        QCOMPARE(run.result.text, run.streamed);
        // A redirect is never followed, so no request ever reached another origin.
        for (const auto &request : server.requests())
            QVERIFY(!request.header("host").startsWith("localhost"));
    }

    void serverErrorForeverGivesUp()
    {
        FakeSourcegraph server;
        QVERIFY(server.listen());
        SourcegraphClient client(clientSettingsFor(server));
        const ReplyRun run = runReply(client, scenarioRequest(u"server-error-forever"_s));
        QCOMPARE(run.result.error.kind, ErrorKind::Server);
        QVERIFY(run.result.error.message.contains(u"500"_s));
        QVERIFY(run.result.error.message.contains(u"Internal server error"_s));
        QCOMPARE(server.streamRequests().size(), client.retryPolicy().settings().maxAttempts);
    }

    void connectionRefusedIsRetriedThenReported()
    {
        QTcpServer placeholder; // take a port, then free it so that nothing listens there
        QVERIFY(placeholder.listen(QHostAddress::LocalHost));
        const quint16 port = placeholder.serverPort();
        placeholder.close();
        SourcegraphClient::Settings settings;
        settings.baseUrl = QUrl(u"http://127.0.0.1:%1"_s.arg(port));
        settings.accessToken = u"sgp_x"_s;
        settings.retry.baseDelay = std::chrono::milliseconds(5);
        SourcegraphClient client(settings);
        const ReplyRun run = runReply(client, scenarioRequest(u"normal"_s));
        QVERIFY(run.finished);
        QCOMPARE(run.result.error.kind, ErrorKind::Network);
        QVERIFY2(run.result.error.message.contains(u"connection refused"_s),
            qPrintable(run.result.error.message));
        QCOMPARE(run.retryDelays.size(), settings.retry.maxAttempts - 1);
    }

    void wrongTokenStopsBeforeStreaming()
    {
        FakeSourcegraph server;
        QVERIFY(server.listen());
        auto settings = clientSettingsFor(server);
        settings.accessToken = u"sgp_wrong"_s;
        SourcegraphClient client(settings);
        const ReplyRun run = runReply(client, scenarioRequest(u"normal"_s));
        QCOMPARE(run.result.error.kind, ErrorKind::Auth);
        QVERIFY(run.result.error.message.contains(u"Invalid access token."_s));
        QVERIFY(server.streamRequests().isEmpty());
    }

    // Every way a model or server behaves at the seams of a long reply; each must end as the
    // whole reply, seamless, in one message.
    void continuation_data()
    {
        QTest::addColumn<QString>("scenario");
        QTest::addColumn<bool>("instruct"); // ends asking the model to continue
        QTest::addColumn<bool>("usage"); // every segment reported usage
        QTest::newRow("model resumes exactly") << u"truncated"_s << false << false;
        QTest::newRow("model repeats the tail") << u"truncated-overlap"_s << false << false;
        QTest::newRow("model restates the tail reflowed")
            << u"truncated-overlap-reflowed"_s << false << false;
        QTest::newRow("cut mid-word") << u"truncated-midword"_s << false << false;
        QTest::newRow("model leaves out the stripped space")
            << u"truncated-no-space"_s << false << false;
        QTest::newRow("final assistant turn refused with 400")
            << u"truncated-refuses-prefill"_s << true << false;
        QTest::newRow("final assistant turn refused in the stream")
            << u"truncated-refuses-prefill-sse"_s << true << false;
        QTest::newRow("stop reason length") << u"truncated-length"_s << false << false;
        QTest::newRow("Gemini: MAX_TOKENS, no prefill") << u"truncated-gemini"_s << true << false;
        QTest::newRow("a continuation is rate limited")
            << u"truncated-rate-limited"_s << false << false;
        QTest::newRow("usage on every segment") << u"truncated-usage"_s << false << true;
        QTest::newRow("usage on some segments") << u"truncated-usage-some"_s << false << false;
    }

    void continuation()
    {
        QFETCH(QString, scenario);
        QFETCH(bool, instruct);
        QFETCH(bool, usage);
        FakeSourcegraph server;
        QVERIFY(server.listen());
        SourcegraphClient client(clientSettingsFor(server));
        const ReplyRun run = runReply(client, scenarioRequest(scenario));
        QVERIFY2(!run.result.error.isError(), qPrintable(run.result.error.message));
        QCOMPARE(run.result.text, FakeSourcegraph::truncatedReply());
        QCOMPARE(run.streamed, FakeSourcegraph::truncatedReply());
        QCOMPARE(run.result.stopReason, u"end_turn"_s);
        QVERIFY(!run.result.truncated);
        const auto requests = server.streamRequests();
        QVERIFY(requests.size() >= 3);
        QCOMPARE(run.result.segments, requests.size() - run.retryDelays.size());
        if (scenario == "truncated-rate-limited"_L1)
            QCOMPARE(run.retryDelays, QList<qint64> {1000}); // waited as told, same request again
        if (instruct)
            QCOMPARE(run.retryDelays, QList<qint64> {0}); // one refusal, then the other form
        // A total over some segments would understate the cost: none is better than a wrong one.
        QCOMPARE(run.result.usage.has_value(), usage);
        for (qsizetype i = 1; i < requests.size(); ++i) {
            const QJsonArray messages = requests.at(i).json().value(u"messages"_s).toArray();
            const bool asked = messages.last()[u"speaker"_s].toString() == u"human"_s;
            QCOMPARE(asked, instruct && i > 1);
            const QJsonObject soFar = messages.at(messages.size() - (asked ? 2 : 1)).toObject();
            QCOMPARE(soFar.value(u"speaker"_s).toString(), u"assistant"_s);
            const QString prefix = soFar.value(u"text"_s).toString();
            QVERIFY2(!prefix.isEmpty() && !prefix.back().isSpace(), "no trailing whitespace");
            QVERIFY(FakeSourcegraph::truncatedReply().startsWith(prefix));
        }
    }

    // Without a stop reason (Gemini, recording 06) nothing says the reply was cut off: it is
    // shown as it came, complete, and not continued on a guess.
    void noStopReasonIsNotContinued()
    {
        FakeSourcegraph server;
        QVERIFY(server.listen());
        SourcegraphClient client(clientSettingsFor(server));
        const ReplyRun run = runReply(client, scenarioRequest(u"truncated-no-stop-reason"_s));
        QVERIFY2(!run.result.error.isError(), qPrintable(run.result.error.message));
        QCOMPARE(server.streamRequests().size(), 1);
        QVERIFY(run.result.text.size() > 20);
        QVERIFY(FakeSourcegraph::truncatedReply().startsWith(run.result.text.trimmed()));
        QCOMPARE(run.streamed, run.result.text);
        QVERIFY(!run.result.truncated);
        QCOMPARE(run.result.segments, 1);
    }

    void continuationLimits_data()
    {
        QTest::addColumn<bool>("autoContinue");
        QTest::addColumn<int>("maxContinuations");
        QTest::addColumn<int>("requests");
        QTest::newRow("off") << false << 0 << 1;
        QTest::newRow("at most one") << true << 1 << 2;
        QTest::newRow("at most two") << true << 2 << 3;
    }

    void continuationLimits()
    {
        QFETCH(bool, autoContinue);
        QFETCH(int, maxContinuations);
        QFETCH(int, requests);
        FakeSourcegraph server;
        QVERIFY(server.listen());
        SourcegraphClient client(clientSettingsFor(server));
        auto request = scenarioRequest(u"truncated"_s);
        request.autoContinue = autoContinue;
        request.maxContinuations = maxContinuations;
        const ReplyRun run = runReply(client, request);
        QVERIFY(!run.result.error.isError());
        QCOMPARE(server.streamRequests().size(), requests);
        QCOMPARE(run.result.segments, requests);
        QVERIFY(run.result.truncated);
        QCOMPARE(run.result.stopReason, u"max_tokens"_s);
        QVERIFY(FakeSourcegraph::truncatedReply().startsWith(run.result.text.trimmed()));
        QCOMPARE(run.result.note.isEmpty(), !autoContinue);
    }

    void noProgressGuard_data()
    {
        QTest::addColumn<QString>("scenario");
        QTest::addColumn<int>("requests");
        QTest::newRow("same text every time") << u"loop-same"_s << 2;
        QTest::newRow("empty text") << u"loop-empty"_s << 1;
    }

    void noProgressGuard()
    {
        QFETCH(QString, scenario);
        QFETCH(int, requests);
        FakeSourcegraph server;
        QVERIFY(server.listen());
        SourcegraphClient client(clientSettingsFor(server));
        const ReplyRun run = runReply(client, scenarioRequest(scenario));
        QVERIFY(run.finished);
        QVERIFY(!run.result.error.isError());
        QCOMPARE(server.streamRequests().size(), requests);
        QVERIFY(run.result.truncated);
        QVERIFY2(run.result.note.contains(u"no new text"_s), qPrintable(run.result.note));
        if (scenario == "loop-same"_L1)
            QCOMPARE(run.result.text.trimmed(), u"I keep saying the same thing."_s);
    }

    void cancelKeepsTextSoFar()
    {
        FakeSourcegraph server;
        QVERIFY(server.listen());
        SourcegraphClient client(clientSettingsFor(server));
        ReplyOrchestrator reply(&client, scenarioRequest(u"slow"_s));
        QSignalSpy text(&reply, &ReplyOrchestrator::textReceived);
        QSignalSpy finished(&reply, &ReplyOrchestrator::finished);
        reply.start();
        QVERIFY(text.wait());
        reply.cancel();
        QCOMPARE(finished.count(), 0); // never from inside cancel()
        QVERIFY(finished.wait());
        QCOMPARE(finished.count(), 1);
        QCOMPARE(reply.result().error.kind, ErrorKind::Cancelled);
        QVERIFY(!reply.result().text.isEmpty());
        QVERIFY(normalText().startsWith(reply.result().text));
    }

    void cancelBeforeStartFinishesOnce()
    {
        FakeSourcegraph server;
        QVERIFY(server.listen());
        SourcegraphClient client(clientSettingsFor(server));
        ReplyOrchestrator reply(&client, scenarioRequest(u"normal"_s));
        QSignalSpy finished(&reply, &ReplyOrchestrator::finished);
        reply.start();
        reply.cancel();
        QCOMPARE(finished.count(), 0); // never from inside cancel()
        QVERIFY(finished.wait());
        QCOMPARE(reply.result().error.kind, ErrorKind::Cancelled);
        QVERIFY(!finished.wait(300)); // and only once
        QVERIFY(server.streamRequests().isEmpty());
    }

    // Closing a chat must stop its download: deleting the orchestrator aborts the stream.
    void deletingStopsTheRequest()
    {
        FakeSourcegraph server;
        QVERIFY(server.listen());
        SourcegraphClient client(clientSettingsFor(server));
        auto *reply = new ReplyOrchestrator(&client, scenarioRequest(u"stall"_s));
        QSignalSpy text(reply, &ReplyOrchestrator::textReceived);
        reply->start();
        QVERIFY(text.wait());
        QCOMPARE(client.findChildren<CompletionStream *>().size(), 1);
        delete reply;
        QCOMPARE(client.findChildren<CompletionStream *>().size(), 0);
    }

    // New settings replace the client while a reply waits to retry: the reply ends with an error
    // instead of using the destroyed client.
    void clientReplacedDuringARetryWait()
    {
        FakeSourcegraph server;
        QVERIFY(server.listen());
        auto *client = new SourcegraphClient(clientSettingsFor(server));
        ReplyOrchestrator reply(client, scenarioRequest(u"rate-limited"_s));
        QSignalSpy retry(&reply, &ReplyOrchestrator::retryScheduled);
        QSignalSpy finished(&reply, &ReplyOrchestrator::finished);
        reply.start();
        QVERIFY(retry.wait());
        delete client;
        QVERIFY(finished.count() == 1 || finished.wait());
        QCOMPARE(reply.result().error.kind, ErrorKind::Network);
        QVERIFY(reply.result().error.message.contains(u"settings changed"_s));
        QVERIFY(!finished.wait(1500)); // and the retry timer never fires into the void
    }

    void clientReplacedWhileStreaming()
    {
        FakeSourcegraph server;
        QVERIFY(server.listen());
        auto *client = new SourcegraphClient(clientSettingsFor(server));
        ReplyOrchestrator reply(client, scenarioRequest(u"stall"_s));
        QSignalSpy text(&reply, &ReplyOrchestrator::textReceived);
        QSignalSpy finished(&reply, &ReplyOrchestrator::finished);
        reply.start();
        QVERIFY(text.wait());
        delete client;
        QVERIFY(finished.count() == 1 || finished.wait());
        QCOMPARE(reply.result().error.kind, ErrorKind::Network);
        QVERIFY(!reply.result().text.isEmpty());
    }

    // The client may go before the reply that uses it (as in the CLI's teardown) while a request
    // is in flight; nothing may touch the destroyed network manager.
    void clientDestroyedFirstWhileProbing()
    {
        QTcpServer silent;
        QVERIFY(silent.listen(QHostAddress::LocalHost));
        SourcegraphClient::Settings settings;
        settings.baseUrl = QUrl(u"http://127.0.0.1:%1"_s.arg(silent.serverPort()));
        settings.accessToken = u"sgp_x"_s;
        auto *client = new SourcegraphClient(settings);
        auto *reply = new ReplyOrchestrator(client, scenarioRequest(u"normal"_s));
        reply->start();
        QVERIFY(silent.waitForNewConnection(5000));
        QTest::qWait(50);
        delete client;
        delete reply;
        QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    }

    // A name that does not resolve must end every reply with "cannot resolve", never leave it
    // waiting. Qt 6.4 sometimes dropped the lookup's failure on an HTTP/2-capable connection
    // (HTTPS), so the request hung until the idle timeout: about one CLI run in 60 under load,
    // seen as tst_transportfaults' "DNS failure" CrashExit (the runner's kill after its timeout).
    // Each run here is the CLI's: version probe and model list at once, then the stream, with
    // a new name every time so that no lookup comes from Qt's cache.
    void unresolvableHostNeverHangs()
    {
        // A lost DNS packet costs the resolver's timeout (5 s by default): 1 s here, once.
        qputenv("RES_OPTIONS", "timeout:1 attempts:1");
        QElapsedTimer total;
        total.start();
        int runs = 0;
        for (; runs < 200 && total.elapsed() < 4000; ++runs) {
            SourcegraphClient::Settings settings;
            settings.baseUrl = QUrl(
                u"https://sg-%1-%2.cody-chat-test.invalid"_s.arg(QCoreApplication::applicationPid())
                    .arg(runs));
            settings.accessToken = u"sgp_x"_s;
            settings.retry.baseDelay = std::chrono::milliseconds(1);
            settings.retry.maxDelay = std::chrono::milliseconds(5);
            settings.idleTimeout = std::chrono::seconds(20);
            SourcegraphClient client(settings);
            ModelCatalog catalog;
            ReplyOrchestrator reply(&client, scenarioRequest(u"normal"_s));
            reply.setModelCatalog(&catalog);
            QSignalSpy finished(&reply, &ReplyOrchestrator::finished);
            reply.start();
            // Four lookups, each at most the resolver's 1 s: nothing else takes this long.
            QVERIFY2(finished.wait(8000),
                qPrintable(
                    u"run %1 still waiting for %2"_s.arg(runs).arg(settings.baseUrl.host())));
            const auto result = finished.constFirst().constFirst().value<CompletionResult>();
            QCOMPARE(result.error.kind, ErrorKind::Network);
            QVERIFY2(result.error.message.contains(u"cannot resolve the host name"_s),
                qPrintable(result.error.message));
        }
        qInfo("%d runs in %lld ms", runs, qint64(total.elapsed()));
        QVERIFY(runs >= 5);
    }
};

QTEST_GUILESS_MAIN(TestReplyOrchestrator)
#include "tst_replyorchestrator.moc"
