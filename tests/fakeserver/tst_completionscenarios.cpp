// SPDX-License-Identifier: Apache-2.0
// The completion stream scenarios, through a running fake server: what each one sends, the
// truncation contract, counters, and the byte-level misbehaviour.
#include "benchmarkscenarios.h"
#include "fakeservertestsupport.h"
#include "rawhttpclient.h"
#include "sseencoder.h"

#include <QLocale>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace cody::test;

class TestCompletionScenarios : public QObject
{
    Q_OBJECT

private:
    QnamTestClient m_http;

private Q_SLOTS:
    // A later server may get a port number of an earlier one; no stale connection may be reused.
    void cleanup() { m_http.manager().clearConnectionCache(); }

    void continuesTruncatedReply_data()
    {
        QTest::addColumn<QString>("scenario");
        QTest::addColumn<bool>("pleaseContinue");
        QTest::addColumn<int>("chunkChars");
        QTest::newRow("assistant last") << u"truncated"_s << false << 120;
        QTest::newRow("please continue") << u"truncated"_s << true << 120;
        QTest::newRow("small chunks") << u"truncated"_s << false << 30;
        QTest::newRow("overlap") << u"truncated-overlap"_s << false << 120;
    }

    void continuesTruncatedReply()
    {
        QFETCH(QString, scenario);
        QFETCH(bool, pleaseContinue);
        QFETCH(int, chunkChars);
        FakeSourcegraph::Options options;
        options.truncateChunkChars = chunkChars;
        FakeSourcegraph server(options);
        QVERIFY(server.listen());
        QString text;
        for (int round = 0;; ++round) {
            QVERIFY2(round < 40, "the reply never ended");
            const QString soFar = trimmedRight(text);
            QJsonArray messages {message(u"human"_s, u"Tell me a long story"_s)};
            if (!soFar.isEmpty())
                messages.append(message(u"assistant"_s, soFar));
            if (!soFar.isEmpty() && pleaseContinue)
                messages.append(message(u"human"_s, u"Please continue."_s));
            const HttpResult result
                = m_http.post(streamUrl(server), streamBody(scenario, messages));
            QCOMPARE(result.status, 200);
            const QList<Event> events = parseEvents(result.body);
            QString segment = textOf(events);
            if (scenario == u"truncated-overlap" && !soFar.isEmpty()) {
                // The repeat is the last 20 characters, one more if that splits a surrogate pair.
                const qsizetype overlap = segment.startsWith(soFar.right(20)) ? 20 : 21;
                QVERIFY(segment.startsWith(soFar.right(overlap)));
                segment.remove(0, overlap);
            }
            text = soFar + segment;
            const QString stopReason = finalStopReason(events);
            if (stopReason == u"end_turn")
                break;
            QCOMPARE(stopReason, u"max_tokens"_s);
            QVERIFY(segment.endsWith(u' '));
            QVERIFY(segment.size() <= chunkChars + 1);
        }
        QCOMPARE(text, FakeSourcegraph::truncatedReply());
        QVERIFY(server.streamRequests().size() > 3);
    }

    void rejectsMismatchedContinuation()
    {
        FakeSourcegraph server;
        QVERIFY(server.listen());
        const QJsonArray messages {message(u"human"_s, u"Go on"_s),
            message(u"assistant"_s, u"Not what the server said"_s)};
        const QList<Event> events = parseEvents(
            m_http.post(streamUrl(server), streamBody(u"truncated"_s, messages)).body);
        QCOMPARE(events.size(), 2);
        QCOMPARE(events.at(0).name, "error"_ba);
        QCOMPARE(events.at(0).data.value(u"error"_s).toString(),
            u"fake: continuation does not match the text so far"_s);
        QCOMPARE(events.at(1).name, "done"_ba);
    }

    void streamsScenarioEvents_data()
    {
        QTest::addColumn<QString>("scenario");
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("stopReason");
        QTest::addColumn<QByteArrayList>("names");
        const QString normal = u"Hello from the fake Sourcegraph! You said: Hi"_s;
        QTest::newRow("loop-same") << u"loop-same"_s << u"I keep saying the same thing. "_s
                                   << u"max_tokens"_s << QByteArrayList {};
        QTest::newRow("loop-empty") << u"loop-empty"_s << QString() << u"max_tokens"_s
                                    << QByteArrayList {"completion", "done"};
        QTest::newRow("error-event") << u"error-event"_s << u"Partial answer"_s << QString()
                                     << QByteArrayList {"completion", "error", "done"};
        QTest::newRow("slow") << u"slow"_s << normal << u"end_turn"_s << QByteArrayList {};
        QTest::newRow("trickle") << u"trickle"_s << normal << u"end_turn"_s << QByteArrayList {};
    }

    void streamsScenarioEvents()
    {
        QFETCH(QString, scenario);
        QFETCH(QString, text);
        QFETCH(QString, stopReason);
        QFETCH(QByteArrayList, names);
        FakeSourcegraph::Options options;
        options.slowDelayMs = 5;
        options.trickleIntervalMs = 1;
        FakeSourcegraph server(options);
        QVERIFY(server.listen());
        const HttpResult result = m_http.post(streamUrl(server), streamBody(scenario));
        QCOMPARE(result.status, 200);
        const QList<Event> events = parseEvents(result.body);
        QCOMPARE(textOf(events), text);
        QCOMPARE(finalStopReason(events), stopReason);
        QCOMPARE(events.last().name, "done"_ba);
        if (!names.isEmpty()) {
            QByteArrayList actual;
            for (const Event &event : events)
                actual.append(event.name);
            QCOMPARE(actual, names);
        }
    }

    void rateLimitsFirstRequest_data()
    {
        QTest::addColumn<QString>("scenario");
        QTest::newRow("seconds") << u"rate-limited"_s;
        QTest::newRow("date") << u"rate-limited-date"_s;
    }

    void rateLimitsFirstRequest()
    {
        QFETCH(QString, scenario);
        for (int instance = 0; instance < 2; ++instance) {
            FakeSourcegraph server;
            QVERIFY(server.listen());
            const HttpResult limited = m_http.post(streamUrl(server), streamBody(scenario));
            QCOMPARE(limited.status, 429);
            QCOMPARE(limited.body, "rate limit exceeded\n"_ba);
            QCOMPARE(limited.header("x-ratelimit-limit"), "10"_ba);
            QCOMPARE(limited.header("x-ratelimit-remaining"), "0"_ba);
            const QByteArray retryAfter = limited.header("retry-after");
            if (scenario == u"rate-limited") {
                QCOMPARE(retryAfter, "1"_ba);
            } else {
                QDateTime when = QLocale::c().toDateTime(
                    QString::fromLatin1(retryAfter), u"ddd, dd MMM yyyy hh:mm:ss 'GMT'"_s);
                when.setTimeSpec(Qt::UTC);
                QVERIFY2(when.isValid(), retryAfter.constData());
                const qint64 ahead = QDateTime::currentDateTimeUtc().secsTo(when);
                QVERIFY(ahead >= 0 && ahead <= 3);
            }
            QCOMPARE(m_http.post(streamUrl(server), streamBody(scenario)).status, 200);
        }
    }

    void answersPlainErrors_data()
    {
        QTest::addColumn<QString>("scenario");
        QTest::addColumn<QList<int>>("statuses");
        QTest::addColumn<QByteArray>("firstBody");
        QTest::newRow("server-error")
            << u"server-error"_s << QList<int> {503, 503, 200} << "upstream unavailable\n"_ba;
        QTest::newRow("server-error-forever")
            << u"server-error-forever"_s << QList<int> {500, 500, 500}
            << "Internal server error\n"_ba;
        QTest::newRow("unauthorized")
            << u"unauthorized"_s << QList<int> {401} << "Invalid access token.\n"_ba;
        QTest::newRow("forbidden") << u"forbidden"_s << QList<int> {403} << "Forbidden\n"_ba;
        QTest::newRow("unknown-model") << u"unknown-model"_s << QList<int> {400}
                                       << "unknown model \"fake::v1::unknown-model\"\n"_ba;
    }

    void answersPlainErrors()
    {
        QFETCH(QString, scenario);
        QFETCH(QList<int>, statuses);
        QFETCH(QByteArray, firstBody);
        FakeSourcegraph server;
        QVERIFY(server.listen());
        for (qsizetype i = 0; i < statuses.size(); ++i) {
            const HttpResult result = m_http.post(streamUrl(server), streamBody(scenario));
            QCOMPARE(result.status, statuses.at(i));
            if (i == 0)
                QCOMPARE(result.body, firstBody);
        }
    }

    void servesHtmlPage()
    {
        FakeSourcegraph server;
        QVERIFY(server.listen());
        const HttpResult result = m_http.post(streamUrl(server), streamBody(u"html"_s));
        QCOMPARE(result.status, 200);
        QVERIFY(result.header("content-type").startsWith("text/html"));
        QVERIFY(result.body.contains("<html"));
    }

    void dropsConnectionMidStream_data()
    {
        QTest::addColumn<QByteArray>("scenario");
        QTest::addColumn<QByteArray>("bodyEnd");
        QTest::newRow("drop") << "drop"_ba
                              << "\"stopReason\":\"\"}\n\n"_ba;
        QTest::newRow("drop-midutf8") << "drop-midutf8"_ba
                                      << "\xe7"_ba;
    }

    void dropsConnectionMidStream()
    {
        QFETCH(QByteArray, scenario);
        QFETCH(QByteArray, bodyEnd);
        FakeSourcegraph server;
        QVERIFY(server.listen());
        RawHttpClient client;
        QVERIFY(client.connectTo(server.port()));
        client.send(rawStreamRequest(scenario));
        const RawHttpClient::Response response = client.readResponse();
        QCOMPARE(response.status, 200);
        QVERIFY(!response.complete);
        QVERIFY(!response.body.contains("event: done"));
        QVERIFY(response.body.endsWith(bodyEnd));
        QCOMPARE(parseEvents(response.body).first().name, "completion"_ba);
        QVERIFY(client.waitForDisconnected());
    }

    void stallsWithConnectionOpen()
    {
        FakeSourcegraph server;
        QVERIFY(server.listen());
        RawHttpClient client;
        QVERIFY(client.connectTo(server.port()));
        client.send(rawStreamRequest("stall"));
        const RawHttpClient::Response response = client.readResponse(500);
        QVERIFY(!response.complete);
        QCOMPARE(parseEvents(response.body).size(), 2);
        QVERIFY(client.isConnected());
        QCOMPARE(server.openConnections(), 1);
        client.socket().abort();
        QTRY_COMPARE(server.openConnections(), 0);
    }

    void splitsCrlfStreamIntoSmallReads()
    {
        FakeSourcegraph server;
        QVERIFY(server.listen());
        RawHttpClient client;
        QVERIFY(client.connectTo(server.port()));
        client.send(rawStreamRequest("crlf-split"));
        RawHttpClient::Response response = client.readResponse(30000);
        QVERIFY(response.complete);
        QVERIFY2(response.reads > 100, QByteArray::number(response.reads).constData());
        QVERIFY(response.body.startsWith(": keep-alive\r\n"));
        QVERIFY(response.body.contains("\r\n\r\nevent: attribution-error\r\ndata: {}\r\n\r\n"));
        QVERIFY(!QByteArray(response.body).replace("\r\n", "").contains('\n'));
        const QList<Event> events = parseEvents(response.body);
        QCOMPARE(textOf(events), u"Hello from the fake Sourcegraph! You said: Hi héllo — 世界 🎉"_s);
        QCOMPARE(events.last().name, "done"_ba);
    }

    void sendsGiantEvent()
    {
        FakeSourcegraph::Options options;
        options.giantEventBytes = 1024 * 1024;
        FakeSourcegraph server(options);
        QVERIFY(server.listen());
        const QList<Event> events
            = parseEvents(m_http.post(streamUrl(server), streamBody(u"giant"_s)).body);
        QCOMPARE(events.size(), 2);
        QCOMPARE(textOf(events), QString(options.giantEventBytes, u'x'));
    }

    void redirectsToOtherOrigin()
    {
        FakeSourcegraph server;
        QVERIFY(server.listen());
        QNetworkRequest manual = m_http.request(streamUrl(server), validToken);
        manual.setAttribute(
            QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
        const HttpResult redirect
            = m_http.run(m_http.manager().post(manual, streamBody(u"redirect"_s)));
        QCOMPARE(redirect.status, 307);
        QUrl expected = streamUrl(server);
        expected.setHost(u"localhost"_s);
        QCOMPARE(QUrl::fromEncoded(redirect.header("location")), expected);

        // Followed, the other origin is served normally when it gets the token, so a test
        // can tell whether a client leaked it there.
        m_http.manager().clearConnectionCache();
        const HttpResult followed = m_http.post(streamUrl(server), streamBody(u"redirect"_s));
        const FakeSourcegraph::RecordedRequest last = server.streamRequests().last();
        QCOMPARE(last.header("host"), "localhost:" + QByteArray::number(server.port()));
        QCOMPARE(followed.status, last.header("authorization").isEmpty() ? 401 : 200);
    }

    void followsSameOriginRedirect()
    {
        FakeSourcegraph server;
        QVERIFY(server.listen());
        const HttpResult followed
            = m_http.post(streamUrl(server), streamBody(u"redirect-same-origin"_s));
        QCOMPARE(followed.status, 200);
        QCOMPARE(
            textOf(parseEvents(followed.body)), u"Hello from the fake Sourcegraph! You said: Hi"_s);
        // Qt 6.4's QNAM sometimes sends the original POST a second time on its old connection
        // while it follows a 307, so only the last request is pinned down.
        const QList<FakeSourcegraph::RecordedRequest> requests = server.streamRequests();
        QVERIFY(requests.size() >= 2);
        QCOMPARE(requests.last().query.queryItemValue(u"redirected"_s), u"1"_s);
        QCOMPARE(requests.last().header("authorization"), "token " + validToken);
    }

    void servesBenchmarkSegments_data()
    {
        QTest::addColumn<QString>("suffix");
        QTest::newRow("packed") << QString();
        QTest::newRow("one event per chunk") << u"-per-event"_s;
    }

    void servesBenchmarkSegments()
    {
        QFETCH(QString, suffix);
        FakeSourcegraph server;
        QVERIFY(server.listen());
        const QString full = BenchmarkScenarios::segmentedText();
        constexpr qsizetype Chars = BenchmarkScenarios::SegmentChars;
        QCOMPARE(full.size(), BenchmarkScenarios::SegmentCount * Chars);
        auto continueAfter = [&](const QString &soFar) {
            QJsonArray messages {message(u"human"_s, u"hi"_s)};
            if (!soFar.isEmpty())
                messages.append(message(u"assistant"_s, soFar));
            return parseEvents(
                m_http.post(streamUrl(server), streamBody(u"segments"_s + suffix, messages)).body);
        };

        QList<Event> events = continueAfter({});
        QCOMPARE(textOf(events), full.left(Chars));
        QCOMPARE(finalStopReason(events), u"max_tokens"_s);
        // A client continues after the text without its trailing space.
        events = continueAfter(trimmedRight(full.left(Chars)));
        QCOMPARE(textOf(events), full.mid(Chars - 1, Chars + 1));
        QCOMPARE(finalStopReason(events), u"max_tokens"_s);
        const qsizetype lastStart = full.size() - Chars;
        events = continueAfter(trimmedRight(full.left(lastStart)));
        QCOMPARE(textOf(events), full.mid(lastStart - 1));
        QCOMPARE(finalStopReason(events), u"end_turn"_s);
        QCOMPARE(continueAfter(u"not the reply"_s).first().name, QByteArray("error"));

        events = parseEvents(
            m_http.post(streamUrl(server), streamBody(u"segments-one"_s + suffix)).body);
        QCOMPARE(textOf(events), full);
        QCOMPARE(finalStopReason(events), u"end_turn"_s);
    }

    void splitsDeltasWithoutBreakingSurrogatePairs()
    {
        const QStringList deltas = SseEncoder::splitDeltas(u"1234567🎉abcdefgh世界"_s);
        QCOMPARE(deltas, (QStringList {u"1234567🎉"_s, u"abcdefgh"_s, u"世界"_s}));
    }
};

QTEST_GUILESS_MAIN(TestCompletionScenarios)
#include "tst_completionscenarios.moc"
