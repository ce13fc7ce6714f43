// SPDX-License-Identifier: Apache-2.0
// `cody-chat-cli serve` against what a web page can make a browser send: forged Host (DNS
// rebinding), a foreign Origin, a "simple" content type; and a CORS preflight for an allowed page.
// Real HTTP over a socket to the real binary; the fake Sourcegraph counts what reached it.
#include "clirunner.h"
#include "fakesourcegraph.h"
#include "rawhttpclient.h"
#include "serveprocess.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace cody::test;

namespace {

const QByteArray chatBody = R"({"model":"cody-opus","messages":[{"role":"user","content":"hi"}]})";

} // namespace

class TestServeCommand : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void refusesWhatAWebPageCanSend_data()
    {
        QTest::addColumn<QByteArray>("host"); // %1 is the port
        QTest::addColumn<QByteArray>("headers");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("messagePart");
        const QByteArray json = "Content-Type: application/json\r\n";
        QTest::newRow("the issue's request") << "evil.example:%1"_ba
                                             << "Content-Type: text/plain\r\nOrigin: "
                                                "http://evil.example\r\n"_ba
                                             << 403 << u"Host \"evil.example:"_s;
        QTest::newRow("DNS rebinding: a page's own name")
            << "evil.example:%1"_ba << json << 403 << u"--allowed-host"_s;
        QTest::newRow("loopback, wrong port") << "127.0.0.1:1"_ba << json << 403 << u"Host"_s;
        QTest::newRow("a foreign page")
            << "127.0.0.1:%1"_ba << json + "Origin: http://evil.example\r\n"
            << 403 << u"--allow-origin"_s;
        QTest::newRow("a file:// page") << "localhost:%1"_ba << json + "Origin: null\r\n"
                                        << 403 << u"--allow-origin"_s;
        QTest::newRow("simple content type")
            << "127.0.0.1:%1"_ba
            << "Content-Type: text/plain\r\n"_ba << 415 << u"application/json"_s;
        QTest::newRow("form content type")
            << "[::1]:%1"_ba
            << "Content-Type: application/x-www-form-urlencoded\r\n"_ba << 415
            << u"application/json"_s;
        QTest::newRow("no content type")
            << "localhost:%1"_ba << QByteArray() << 415 << u"application/json"_s;
        QTest::newRow("accepted: localhost") << "localhost:%1"_ba << json << 200 << QString();
        QTest::newRow("accepted: [::1], charset")
            << "[::1]:%1"_ba
            << "Content-Type: application/json; charset=utf-8\r\n"_ba << 200 << QString();
    }

    void refusesWhatAWebPageCanSend()
    {
        QFETCH(QByteArray, host);
        QFETCH(QByteArray, headers);
        QFETCH(int, status);
        QFETCH(QString, messagePart);
        ServeProcess gateway;
        QVERIFY2(gateway.start(), gateway.log().constData());
        const quint16 port = gateway.port();
        const auto response = gateway.exchange(
            gateway.post(headers, chatBody, host.replace("%1", QByteArray::number(port))));
        QVERIFY(response.complete);
        QCOMPARE(response.status, status);
        if (status == 200) {
            QCOMPARE(gateway.server().streamRequests().size(), 1);
            return;
        }
        const QJsonObject error
            = QJsonDocument::fromJson(response.body).object().value(u"error"_s).toObject();
        QVERIFY2(
            error.value(u"message"_s).toString().contains(messagePart), response.body.constData());
        QVERIFY(!error.value(u"type"_s).toString().isEmpty());
        // Refused here: nothing went upstream, not even with the user's token.
        QVERIFY(gateway.server().streamRequests().isEmpty());
        QVERIFY(response.header("access-control-allow-origin").isEmpty());
    }

    // Over the model's input limit: 400 context_length_exceeded, and nothing sent upstream.
    void promptOverTheModelsLimitIsRefused()
    {
        ServeProcess gateway;
        QVERIFY2(gateway.start(), gateway.log().constData());
        // The limits come with the server's model list, which serve loads as it starts.
        QVERIFY(gateway.waitForModels());
        const QByteArray body = "{\"model\":\"cody-haiku\",\"messages\":[{\"role\":\"user\","
                                "\"content\":\""
            + QByteArray("word ").repeated(200'000) + "\"}]}";
        const auto response
            = gateway.exchange(gateway.post("Content-Type: application/json\r\n", body));
        QCOMPARE(response.status, 400);
        const QJsonObject error
            = QJsonDocument::fromJson(response.body).object().value(u"error"_s).toObject();
        QCOMPARE(error.value(u"code"_s).toString(), u"context_length_exceeded"_s);
        QVERIFY2(error.value(u"message"_s).toString().contains(u"claude-3-haiku accepts 7"_s),
            response.body.constData());
        QVERIFY(gateway.server().streamRequests().isEmpty());
    }

    // Beyond --max-concurrent replies in progress, clients are told to come back (429 with
    // Retry-After) instead of holding more upstream requests open.
    void concurrencyIsBounded()
    {
        ServeProcess gateway({u"--max-concurrent"_s, u"1"_s});
        QVERIFY2(gateway.start(), gateway.log().constData());
        const quint16 port = gateway.port();
        const QByteArray stalled = "{\"model\":\"fake::v1::stall\",\"stream\":true,"
                                   "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
        RawHttpClient first;
        QVERIFY(first.connectTo(port));
        first.send(gateway.post("Content-Type: application/json\r\n", stalled));
        QTRY_COMPARE_WITH_TIMEOUT(gateway.server().streamRequests().size(), 1, 30'000);
        const auto second
            = gateway.exchange(gateway.post("Content-Type: application/json\r\n", chatBody));
        QCOMPARE(second.status, 429);
        QCOMPARE(second.header("retry-after"), "1"_ba);
        QCOMPARE(gateway.server().streamRequests().size(), 1); // the second never went upstream
        first.socket().abort(); // the client hangs up: its reply ends, and room is made
        QTRY_COMPARE_WITH_TIMEOUT(
            gateway.exchange(gateway.post("Content-Type: application/json\r\n", chatBody)).status,
            200, 30'000);
    }

    // A body over --max-body is answered 413 from its head, before it is read, and never sent on.
    void oversizedBodyIsRefusedBeforeItIsRead()
    {
        ServeProcess gateway({u"--max-body"_s, u"1"_s});
        QVERIFY2(gateway.start(), gateway.log().constData());
        const quint16 port = gateway.port();
        RawHttpClient client;
        QVERIFY(client.connectTo(port));
        // 64 MiB announced, only the head sent: the answer cannot have waited for the body.
        client.send(
            "POST /v1/chat/completions HTTP/1.1\r\nHost: 127.0.0.1:" + QByteArray::number(port)
            + "\r\nContent-Type: application/json\r\nContent-Length: 67108864\r\n\r\n{");
        const auto response = client.readResponse(30'000);
        QCOMPARE(response.status, 413);
        QVERIFY2(response.body.contains("--max-body"), response.body.constData());
        QVERIFY(client.waitForDisconnected(30'000));
        // Chunked, so that no length could be checked: refused too.
        RawHttpClient chunked;
        QVERIFY(chunked.connectTo(port));
        chunked.send(
            "POST /v1/chat/completions HTTP/1.1\r\nHost: 127.0.0.1:" + QByteArray::number(port)
            + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n");
        QCOMPARE(chunked.readResponse(30'000).status, 411);
        QVERIFY(gateway.server().streamRequests().isEmpty());
        // The gateway still serves the next client.
        QCOMPARE(
            gateway.exchange(gateway.post("Content-Type: application/json\r\n", chatBody)).status,
            200);
    }

    // A client connection left open and silent is closed after --client-idle-timeout.
    void idleClientsAreClosed()
    {
        ServeProcess gateway({u"--client-idle-timeout"_s, u"1"_s});
        QVERIFY2(gateway.start(), gateway.log().constData());
        const quint16 port = gateway.port();
        RawHttpClient client;
        QVERIFY(client.connectTo(port));
        client.sendRequest("GET", "/v1/models");
        QCOMPARE(client.readResponse(30'000).status, 200);
        QVERIFY2(client.waitForDisconnected(30'000), "the idle connection was kept open");
    }

    // A client that says Connection: close gets its answer, then the connection ends.
    void connectionCloseIsHonoured()
    {
        ServeProcess gateway; // the idle timeout (60 s) cannot be what closes it
        QVERIFY2(gateway.start(), gateway.log().constData());
        const quint16 port = gateway.port();
        RawHttpClient client;
        QVERIFY(client.connectTo(port));
        client.sendRequest("GET", "/v1/models", "Connection: close\r\n");
        QCOMPARE(client.readResponse(30'000).status, 200);
        QVERIFY2(client.waitForDisconnected(10'000), "Connection: close was not honoured");
    }

    // A page the user allowed gets a proper preflight and may call the API; others get nothing.
    void allowedOriginGetsCors()
    {
        ServeProcess gateway(
            {u"--allow-origin"_s, u"http://localhost:3000"_s, u"--allowed-host"_s, u"chat.lan"_s});
        QVERIFY2(gateway.start(), gateway.log().constData());
        const quint16 port = gateway.port();
        const QByteArray host = "localhost:" + QByteArray::number(port);
        const QByteArray preflight = "OPTIONS /v1/chat/completions HTTP/1.1\r\nHost: " + host
            + "\r\nOrigin: http://localhost:3000\r\nAccess-Control-Request-Method: POST\r\n"
              "Access-Control-Request-Headers: content-type\r\nConnection: close\r\n\r\n";
        auto response = gateway.exchange(preflight);
        QCOMPARE(response.status, 204);
        QCOMPARE(response.header("access-control-allow-origin"), "http://localhost:3000"_ba);
        QVERIFY(response.header("access-control-allow-methods").contains("POST"));
        QVERIFY(response.header("access-control-allow-headers").toLower().contains("content-type"));

        QByteArray other = preflight;
        other.replace("http://localhost:3000", "http://localhost:3001");
        response = gateway.exchange(other);
        QCOMPARE(response.status, 403);
        QVERIFY(response.header("access-control-allow-origin").isEmpty());

        // The answers carry the origin too, or the page could not read them.
        response = gateway.exchange(gateway.post(
            "Content-Type: application/json\r\nOrigin: http://localhost:3000\r\n", chatBody, host));
        QCOMPARE(response.status, 200);
        QCOMPARE(response.header("access-control-allow-origin"), "http://localhost:3000"_ba);
        const QByteArray streamed = R"({"model":"cody-opus","stream":true,)"
                                    R"("messages":[{"role":"user","content":"hi"}]})";
        response = gateway.exchange(gateway.post(
            "Content-Type: application/json\r\nOrigin: http://localhost:3000\r\n", streamed, host));
        QCOMPARE(response.status, 200);
        QCOMPARE(response.header("access-control-allow-origin"), "http://localhost:3000"_ba);
        QCOMPARE(response.header("content-type"), "text/event-stream"_ba);
        // A name given with --allowed-host is accepted like the address itself.
        response = gateway.exchange(gateway.post("Content-Type: application/json\r\n", chatBody,
            "chat.lan:" + QByteArray::number(port)));
        QCOMPARE(response.status, 200);
        QCOMPARE(gateway.server().streamRequests().size(), 3);
    }
};

QTEST_GUILESS_MAIN(TestServeCommand)
#include "tst_servecommand.moc"
