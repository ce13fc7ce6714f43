// SPDX-License-Identifier: Apache-2.0
// The fake server's endpoints, HTTP handling, TLS and program, driven with plain
// QNetworkAccessManager and raw sockets (never the project's core), so that the fake is pinned
// down independently of its clients. The stream scenarios are in tst_completionscenarios.
#include "fakeservertestsupport.h"
#include "rawhttpclient.h"
#include "recordings.h"
#include "requestshape.h"
#include "testcertificate.h"

#include <QDir>
#include <QFileInfo>
#include <QMap>
#include <QProcess>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace cody::test;

class TestFakeSourcegraph : public QObject
{
    Q_OBJECT

private:
    QnamTestClient m_http;

private Q_SLOTS:
    // A later server may get a port number of an earlier one; no stale connection may be reused.
    void cleanup() { m_http.manager().clearConnectionCache(); }

    void rejectsMissingOrWrongToken_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QByteArray>("token");
        QTest::newRow("client-config, none") << u"/.api/client-config"_s << QByteArray();
        QTest::newRow("graphql, wrong") << u"/.api/graphql?CurrentUser"_s << "sgp_wrong"_ba;
        QTest::newRow("models, none")
            << u"/.api/modelconfig/supported-models.json"_s << QByteArray();
        QTest::newRow("stream, wrong") << u"/.api/completions/stream?api-version=8"_s << "x"_ba;
        QTest::newRow("unknown api path") << u"/.api/nothing"_s << QByteArray();
    }

    void rejectsMissingOrWrongToken()
    {
        QFETCH(QString, path);
        QFETCH(QByteArray, token);
        FakeSourcegraph server;
        QVERIFY2(server.listen(), qPrintable(server.errorString()));
        const QUrl url = QUrl(server.baseUrl().toString() + path);
        const HttpResult result = path.contains(u"graphql") || path.contains(u"stream")
            ? m_http.post(url, streamBody(u"normal"_s), token)
            : m_http.get(url, token);
        QVERIFY(result.finished);
        QCOMPARE(result.status, 401);
        QCOMPARE(result.body, "Invalid access token.\n"_ba);
        QCOMPARE(result.header("content-type"), "text/plain; charset=utf-8"_ba);
    }

    void servesHealthzWithoutToken()
    {
        FakeSourcegraph server;
        QVERIFY(server.listen());
        const HttpResult result = m_http.get(endpoint(server, u"/healthz"_s), {});
        QCOMPARE(result.status, 200);
        QCOMPARE(result.body, "ok"_ba);
        QCOMPARE(m_http.get(endpoint(server, u"/nothing"_s)).status, 404);
    }

    void checksStreamQueryAndBody_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("expected");
        const QString client = u"&client-name=tst&client-version=1.0.0"_s;
        const QByteArray unsupported = "Unsupported API Version (Please update your client)\n";
        const QByteArray ok = streamBody(u"normal"_s);
        QTest::newRow("missing version") << client.mid(1) << ok << 406 << unsupported;
        QTest::newRow("version 0") << u"api-version=0"_s + client << ok << 406 << unsupported;
        QTest::newRow("version 9") << u"api-version=9"_s + client << ok << 406 << unsupported;
        QTest::newRow("version x") << u"api-version=x"_s + client << ok << 406 << unsupported;
        QTest::newRow("no client-name")
            << u"api-version=8&client-version=1.0.0"_s << ok << 406
            << R"(ClientCodyIgnoreCompatibilityError: "client-name" query param is required.)"_ba;
        QTest::newRow("no client-version")
            << u"api-version=8&client-name=tst"_s << ok << 406
            << R"(ClientCodyIgnoreCompatibilityError: "client-version" query param is required.)"_ba;
        QTest::newRow("not json") << u"api-version=8"_s + client << "{"_ba << 400
                                  << "could not decode request body"_ba;
        QTest::newRow("no messages") << u"api-version=8"_s + client << R"({"model":"x"})"_ba << 400
                                     << "could not decode request body"_ba;
        QTest::newRow("unknown scenario") << u"api-version=8"_s + client << streamBody(u"nope"_s)
                                          << 400 << R"(unknown fake scenario "nope")"_ba;
        // Byte for byte what recording 02 shows the real server sending.
        QTest::newRow("empty message")
            << u"api-version=1"_s + client
            << streamBody(u"normal"_s, {message(u"human"_s, u"Hi"_s), message(u"assistant"_s, {})})
            << 200
            << "event: error\ndata: {\"error\":\"message content cannot be empty\"}\n\n"
               "event: done\ndata: {}\n\n"_ba;
    }

    void checksStreamQueryAndBody()
    {
        QFETCH(QString, query);
        QFETCH(QByteArray, body);
        QFETCH(int, status);
        QFETCH(QByteArray, expected);
        FakeSourcegraph server;
        QVERIFY(server.listen());
        const HttpResult result = m_http.post(streamUrl(server, query), body);
        QCOMPARE(result.status, status);
        QCOMPARE(result.body, expected);
    }

    void servesClientConfig_data()
    {
        QTest::addColumn<int>("advertised"); // 0: none
        QTest::newRow("8") << 8;
        QTest::newRow("5") << 5;
        QTest::newRow("none") << 0;
    }

    void servesClientConfig()
    {
        QFETCH(int, advertised);
        FakeSourcegraph::Options options;
        options.advertisedApiVersion
            = advertised ? std::optional<int>(advertised) : std::optional<int>();
        FakeSourcegraph server(options);
        QVERIFY(server.listen());
        const HttpResult result = m_http.get(endpoint(server, u"/.api/client-config"_s));
        QCOMPARE(result.status, advertised ? 200 : 404);
        if (!advertised)
            return;
        const QJsonObject config = QJsonDocument::fromJson(result.body).object();
        QCOMPARE(config.value(u"latestSupportedCompletionsStreamAPIVersion"_s).toInt(), advertised);
        QCOMPARE(config.value(u"codyEnabled"_s).toBool(), true);
    }

    void answersGraphql_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QByteArray>("expected");
        QTest::newRow("CurrentUser")
            << u"query CurrentUser { currentUser { id username } }"_s
            << R"({"data":{"currentUser":{"id":"VXNlcjox","username":"fake-user","displayName":"Fake User","hasVerifiedEmail":true,"avatarURL":null,"primaryEmail":{"email":"fake@example.com"},"organizations":{"nodes":[]}}}})"_ba;
        QTest::newRow("SiteProductVersion")
            << u"query SiteProductVersion { site { productVersion } }"_s
            << R"({"data":{"site":{"productVersion":"9.9.9"}}})"_ba;
        QTest::newRow("other") << u"query Nope { x }"_s
                               << R"({"errors":[{"message":"unsupported query"}]})"_ba;
    }

    void answersGraphql()
    {
        QFETCH(QString, query);
        QFETCH(QByteArray, expected);
        FakeSourcegraph::Options options;
        options.productVersion = u"9.9.9"_s;
        FakeSourcegraph server(options);
        QVERIFY(server.listen());
        const QByteArray body = QJsonDocument(QJsonObject {{u"query"_s, query}}).toJson();
        const HttpResult result
            = m_http.post(QUrl(server.baseUrl().toString() + u"/.api/graphql?X"_s), body);
        QCOMPARE(result.status, 200);
        QCOMPARE(QJsonDocument::fromJson(result.body), QJsonDocument::fromJson(expected));
    }

    void servesSupportedModels()
    {
        FakeSourcegraph server;
        QVERIFY(server.listen());
        const HttpResult result
            = m_http.get(endpoint(server, u"/.api/modelconfig/supported-models.json"_s));
        QCOMPARE(result.status, 200);
        QCOMPARE(result.header("content-type"), "text/plain; charset=utf-8"_ba);
        const QJsonObject document = QJsonDocument::fromJson(result.body).object();
        QCOMPARE(document.value(u"schemaVersion"_s).toString(), u"1.0"_s);
        QCOMPARE(document.value(u"defaultModels"_s)[u"chat"_s].toString(),
            u"anthropic::2023-06-01::claude-3.5-sonnet"_s);
        QStringList refs;
        for (const QJsonValue &model : document.value(u"models"_s).toArray()) {
            refs.append(model[u"modelRef"_s].toString());
            QVERIFY(model[u"contextWindow"_s][u"maxOutputTokens"_s].toInt() > 0);
            QVERIFY(!model[u"capabilities"_s].toArray().isEmpty());
        }
        QCOMPARE(refs.size(), 24);
        QVERIFY(!refs.contains(u"google::v1::gemini-pro"_s));

        FakeSourcegraph::Options stable;
        stable.catalog = FakeDocuments::Catalog::StableSonnet;
        FakeSourcegraph older(stable);
        QVERIFY(older.listen());
        const QJsonArray olderModels = QJsonDocument::fromJson(
            m_http.get(endpoint(older, u"/.api/modelconfig/supported-models.json"_s)).body)
                                           .object()
                                           .value(u"models"_s)
                                           .toArray();
        QCOMPARE(olderModels.size(), 6);
        QCOMPARE(olderModels.first()[u"status"_s].toString(), u"stable"_s);

        FakeSourcegraph::Options options;
        options.supportedModelsJson = R"({"models":[]})";
        FakeSourcegraph custom(options);
        QVERIFY(custom.listen());
        QCOMPARE(m_http.get(endpoint(custom, u"/.api/modelconfig/supported-models.json"_s)).body,
            options.supportedModelsJson);
    }

    // The default catalog is the recorded one: the same models with the same statuses as
    // sourcegraph.com (16), and no status that the enterprise recording (17) contradicts.
    void defaultCatalogMatchesTheRecordings()
    {
        REQUIRE_RECORDING(dotcomPath, u"16-supported-models-dotcom-response.json"_s);
        REQUIRE_RECORDING(enterprisePath, u"17-supported-models-enterprise-s2-response.json"_s);
        FakeSourcegraph server;
        QVERIFY(server.listen());
        const auto statuses = [](const QByteArray &json) {
            QMap<QString, QString> byRef;
            for (const QJsonValue &model :
                QJsonDocument::fromJson(json).object().value(u"models"_s).toArray())
                byRef.insert(model[u"modelRef"_s].toString(), model[u"status"_s].toString());
            return byRef;
        };
        const auto recorded = [](const QString &path) {
            QFile file(path);
            return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
        };
        const auto served = statuses(
            m_http.get(endpoint(server, u"/.api/modelconfig/supported-models.json"_s)).body);
        const auto dotcom = statuses(recorded(dotcomPath));
        QCOMPARE(served, dotcom);
        const auto enterprise = statuses(recorded(enterprisePath));
        for (auto it = enterprise.begin(); it != enterprise.end(); ++it) {
            if (served.contains(it.key()))
                QCOMPARE(served.value(it.key()), it.value());
        }
        QCOMPARE(served.value(u"anthropic::2023-06-01::claude-3.5-sonnet"_s), u"deprecated"_s);
    }

    // The shape check passes every recorded stream request and refuses what none of them does.
    void checksRequestShapes_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("mismatch"); // empty: accepted
        const QByteArray turns = R"("messages":[{"speaker":"human","text":"hi"}])";
        QTest::newRow("ours") << R"({"model":"m",)" + turns
                + R"(,"maxTokensToSample":512,"temperature":0,"topK":-1,"topP":-1})"
                              << QString();
        QTest::newRow("no model")
            << "{" + turns + R"(,"maxTokensToSample":512})"
            << u"no model (only the legacy requests with \"fast\" have none)"_s;
        QTest::newRow("legacy fast, no model")
            << "{" + turns + R"(,"maxTokensToSample":512,"fast":true})" << QString();
        QTest::newRow("no maxTokensToSample")
            << R"({"model":"m",)" + turns + "}" << u"no maxTokensToSample"_s;
        QTest::newRow("unrecorded field")
            << R"({"model":"m",)" + turns + R"(,"maxTokensToSample":5,"max_tokens":5})"
            << u"unrecorded field \"max_tokens\""_s;
        QTest::newRow("wrong type") << R"({"model":"m",)" + turns + R"(,"maxTokensToSample":"512"})"
                                    << u"\"maxTokensToSample\" has the wrong type"_s;
        QTest::newRow("OpenAI role")
            << R"({"model":"m","messages":[{"role":"user","content":"hi"}],"maxTokensToSample":5})"_ba
            << u"messages[0] has an unrecorded field \"content\""_s;
        QTest::newRow("two questions in a row")
            << R"({"model":"m","messages":[{"speaker":"human","text":"a"},)"
               R"({"speaker":"human","text":"b"}],"maxTokensToSample":5})"_ba
            << u"messages[1] is a second human message in a row"_s;
        QTest::newRow("system later")
            << R"({"model":"m","messages":[{"speaker":"human","text":"a"},)"
               R"({"speaker":"system","text":"b"}],"maxTokensToSample":5})"_ba
            << u"messages[1] is a system message after the first"_s;

        // Every recorded stream request, found by its meta file's request line.
        for (const QString &path : recordingsMatching(u"*-request.json"_s)) {
            QFile meta(path.chopped(12) + u"meta.txt"_s);
            QFile request(path);
            QVERIFY2(meta.open(QIODevice::ReadOnly) && request.open(QIODevice::ReadOnly),
                qPrintable(path));
            if (meta.readAll().contains("/.api/completions/stream")) {
                QTest::newRow(qPrintable(u"recording "_s + QFileInfo(path).fileName()))
                    << request.readAll() << QString();
            }
        }
    }

    void checksRequestShapes()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, mismatch);
        const QJsonDocument document = QJsonDocument::fromJson(body);
        QVERIFY(document.isObject());
        QCOMPARE(RequestShape::mismatch(document.object()), mismatch);
        if (mismatch.isEmpty())
            return;
        FakeSourcegraph::Options options;
        options.failTestsOnUnrecordedRequests = false; // the refusal is what is tested here
        FakeSourcegraph server(options);
        QVERIFY(server.listen());
        const HttpResult result = m_http.post(
            streamUrl(server, u"api-version=8&client-name=tst&client-version=1.0.0"_s), body);
        QCOMPARE(result.status, 400);
        QVERIFY2(result.body.contains(mismatch.toUtf8()), result.body.constData());
        QCOMPARE(server.shapeMismatches(), QStringList {mismatch});
    }

    void streamsNormalReply_data()
    {
        QTest::addColumn<QString>("scenario");
        QTest::addColumn<int>("apiVersion");
        QTest::addColumn<QByteArray>("expected");
        // No recorded stream carries usage: only the `usage` scenario sends it.
        const QByteArray usage
            = R"(,"usage":{"completion_tokens":12,"prompt_tokens":1,"total_tokens":13}})";
        QTest::newRow("v8 with usage")
            << u"usage"_s << 8
            << "event: completion\ndata: {\"deltaText\":\"Hello fr\",\"stopReason\":\"\"}\n\n"
               "event: completion\ndata: {\"deltaText\":\"om the f\",\"stopReason\":\"\"}\n\n"
               "event: completion\ndata: {\"deltaText\":\"ake Sour\",\"stopReason\":\"\"}\n\n"
               "event: completion\ndata: {\"deltaText\":\"cegraph!\",\"stopReason\":\"\"}\n\n"
               "event: completion\ndata: {\"deltaText\":\" You sai\",\"stopReason\":\"\"}\n\n"
               "event: completion\ndata: {\"deltaText\":\"d: Hi\",\"stopReason\":\"end_turn\""
                + usage + "\n\nevent: done\ndata: {}\n\n";
        // The last event of recording 06: no stopReason field at all.
        QTest::newRow("v8 without stopReason")
            << u"no-stop-reason"_s << 8
            << "event: completion\ndata: {\"deltaText\":\"Hello fr\"}\n\n"
               "event: completion\ndata: {\"deltaText\":\"om the f\"}\n\n"
               "event: completion\ndata: {\"deltaText\":\"ake Sour\"}\n\n"
               "event: completion\ndata: {\"deltaText\":\"cegraph!\"}\n\n"
               "event: completion\ndata: {\"deltaText\":\" You sai\"}\n\n"
               "event: completion\ndata: {\"deltaText\":\"d: Hi\"}\n\n"
               "event: done\ndata: {}\n\n"_ba;
        QTest::newRow("v8")
            << u"normal"_s << 8
            << "event: completion\ndata: {\"deltaText\":\"Hello fr\",\"stopReason\":\"\"}\n\n"
               "event: completion\ndata: {\"deltaText\":\"om the f\",\"stopReason\":\"\"}\n\n"
               "event: completion\ndata: {\"deltaText\":\"ake Sour\",\"stopReason\":\"\"}\n\n"
               "event: completion\ndata: {\"deltaText\":\"cegraph!\",\"stopReason\":\"\"}\n\n"
               "event: completion\ndata: {\"deltaText\":\" You sai\",\"stopReason\":\"\"}\n\n"
               "event: completion\ndata: {\"deltaText\":\"d: Hi\",\"stopReason\":\"end_turn\"}"
               "\n\nevent: done\ndata: {}\n\n"_ba;
        QTest::newRow("v1")
            << u"normal"_s << 1
            << "event: completion\ndata: {\"completion\":\"Hello fr\",\"stopReason\":\"\"}\n\n"
               "event: completion\ndata: {\"completion\":\"Hello from the "
               "f\",\"stopReason\":\"\"}\n\n"
               "event: completion\ndata: {\"completion\":\"Hello from the fake "
               "Sour\",\"stopReason\":\"\"}\n\n"
               "event: completion\ndata: {\"completion\":\"Hello from the fake "
               "Sourcegraph!\",\"stopReason\":\"\"}\n\n"
               "event: completion\ndata: {\"completion\":\"Hello from the fake Sourcegraph! You "
               "sai\",\"stopReason\":\"\"}\n\n"
               "event: completion\ndata: {\"completion\":\"Hello from the fake Sourcegraph! You "
               "said: Hi\",\"stopReason\":\"end_turn\"}"
               "\n\nevent: done\ndata: {}\n\n"_ba;
    }

    void streamsNormalReply()
    {
        QFETCH(QString, scenario);
        QFETCH(int, apiVersion);
        QFETCH(QByteArray, expected);
        FakeSourcegraph server;
        QVERIFY(server.listen());
        const HttpResult result = m_http.post(
            streamUrl(
                server, u"api-version=%1&client-name=tst&client-version=1.0.0"_s.arg(apiVersion)),
            streamBody(scenario));
        QCOMPARE(result.status, 200);
        QCOMPARE(result.header("content-type"), "text/event-stream"_ba);
        QCOMPARE(result.header("cache-control"), "no-cache"_ba);
        QCOMPARE(result.body, expected);
    }

    void keepsConnectionsAlive()
    {
        FakeSourcegraph server;
        QVERIFY(server.listen());
        RawHttpClient client;
        QVERIFY(client.connectTo(server.port()));
        client.sendRequest("GET", "/healthz");
        QCOMPARE(client.readResponse().body, "ok"_ba);
        client.send(rawStreamRequest("normal"));
        const RawHttpClient::Response stream = client.readResponse();
        QVERIFY(stream.complete);
        QVERIFY(stream.chunked);
        QCOMPARE(stream.header("connection"), "keep-alive"_ba);
        QCOMPARE(
            textOf(parseEvents(stream.body)), u"Hello from the fake Sourcegraph! You said: Hi"_s);
        // Pipelined: both requests in one write, answered in order.
        client.send(
            "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\nGET /nothing HTTP/1.1\r\nHost: x\r\n\r\n");
        QCOMPARE(client.readResponse().status, 200);
        QCOMPARE(client.readResponse().status, 404);
        QVERIFY(client.isConnected());
        QCOMPARE(server.openConnections(), 1);
        QCOMPARE(server.requests().size(), 4);
    }

    void recordsRequests()
    {
        FakeSourcegraph server;
        QVERIFY(server.listen());
        QSignalSpy received(&server, &FakeSourcegraph::requestReceived);
        QCOMPARE(m_http.get(endpoint(server, u"/healthz"_s)).status, 200);
        QCOMPARE(m_http.post(streamUrl(server), streamBody(u"normal"_s)).status, 200);
        QCOMPARE(received.size(), 2);
        QCOMPARE(server.requests().size(), 2);
        const QList<FakeSourcegraph::RecordedRequest> stream = server.streamRequests();
        QCOMPARE(stream.size(), 1);
        QCOMPARE(stream.first().path, "/.api/completions/stream"_ba);
        QCOMPARE(stream.first().query.queryItemValue(u"client-name"_s), u"tst"_s);
        QCOMPARE(stream.first().header("authorization"), "token " + validToken);
        QCOMPARE(stream.first().json().value(u"model"_s).toString(), u"fake::v1::normal"_s);
        const auto signalled = received.at(1).at(0).value<FakeSourcegraph::RecordedRequest>();
        QCOMPARE(signalled.body, stream.first().body);
    }

    void servesUnderPathPrefix()
    {
        FakeSourcegraph::Options options;
        options.pathPrefix = u"/sourcegraph/"_s;
        FakeSourcegraph server(options);
        QVERIFY(server.listen());
        QCOMPARE(server.baseUrl().path(), u"/sourcegraph"_s);
        QCOMPARE(m_http.get(endpoint(server, u"/.api/client-config"_s)).status, 200);
        QUrl outside = server.baseUrl();
        outside.setPath(u"/.api/client-config"_s);
        QCOMPARE(m_http.get(outside).status, 404);
        QCOMPARE(m_http.post(streamUrl(server), streamBody(u"normal"_s)).status, 200);
        QCOMPARE(server.streamRequests().size(), 1);
    }

    void replaysRecording_data()
    {
        QTest::addColumn<QString>("number");
        QTest::addColumn<int>("status");
        QTest::newRow("05 v8 stream") << u"05"_s << 200;
        QTest::newRow("01 406") << u"01"_s << 406;
        QTest::newRow("19 raw multi-event") << u"19"_s << 200;
    }

    void replaysRecording()
    {
        QFETCH(QString, number);
        QFETCH(int, status);
        const QDir recordings(QStringLiteral(CODY_RECORDINGS_DIR));
        if (!recordings.exists())
            QSKIP(
                qPrintable(u"no recordings at %1 (CODY_RECORDINGS_DIR)"_s.arg(recordings.path())));
        const QStringList files = recordings.entryList({number + u"-*-response.*"_s});
        QCOMPARE(files.size(), 1);
        QFile file(recordings.filePath(files.first()));
        QVERIFY(file.open(QIODevice::ReadOnly));
        FakeSourcegraph::Options options;
        options.recordingsDir = recordings.path();
        FakeSourcegraph server(options);
        QVERIFY(server.listen());
        const HttpResult result = m_http.post(streamUrl(server), streamBody(u"replay-"_s + number));
        QCOMPARE(result.status, status);
        QCOMPARE(result.body, file.readAll());

        FakeSourcegraph withoutRecordings;
        QVERIFY(withoutRecordings.listen());
        const HttpResult missing
            = m_http.post(streamUrl(withoutRecordings), streamBody(u"replay-"_s + number));
        QCOMPARE(missing.status, 404);
        QCOMPARE(missing.body, "no recording " + number.toUtf8());
    }

    void servesHttps()
    {
        if (!QSslSocket::supportsSsl())
            QSKIP("this Qt has no TLS backend");
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QString certPath, keyPath, error;
        QVERIFY2(generateSelfSignedCertificate(
                     dir.path(), {u"127.0.0.1"_s, u"localhost"_s}, &certPath, &keyPath, &error),
            qPrintable(error));
        FakeSourcegraph::Options options;
        options.tlsCertFile = certPath;
        options.tlsKeyFile = keyPath;
        FakeSourcegraph server(options);
        QVERIFY2(server.listen(), qPrintable(server.errorString()));
        QCOMPARE(server.baseUrl().scheme(), u"https"_s);

        QNetworkRequest untrusted = m_http.request(endpoint(server, u"/healthz"_s), {});
        QCOMPARE(m_http.run(m_http.manager().get(untrusted)).error,
            QNetworkReply::SslHandshakeFailedError);

        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.setCaCertificates(QSslCertificate::fromPath(certPath));
        QNetworkRequest trusted = m_http.request(streamUrl(server), validToken);
        trusted.setSslConfiguration(tls);
        // QNAM keeps one connection per host and port, with the TLS settings it was made with.
        m_http.manager().clearConnectionCache();
        const HttpResult result
            = m_http.run(m_http.manager().post(trusted, streamBody(u"normal"_s)));
        QCOMPARE(result.error, QNetworkReply::NoError);
        QCOMPARE(
            textOf(parseEvents(result.body)), u"Hello from the fake Sourcegraph! You said: Hi"_s);
    }

    void runsAsProgram()
    {
        QProcess program;
        program.start(QStringLiteral(CODY_FAKE_SERVER_PATH),
            {u"--port"_s, u"0"_s, u"--token"_s, u"t"_s, u"--prefix"_s, u"/sg"_s});
        QVERIFY(program.waitForStarted());
        QSignalSpy output(&program, &QProcess::readyReadStandardOutput);
        QVERIFY(program.canReadLine() || output.wait(10000));
        const QByteArray line = program.readLine().trimmed();
        QVERIFY2(line.startsWith("listening on http://127.0.0.1:") && line.endsWith("/sg"),
            line.constData());
        const QUrl base = QUrl(QString::fromUtf8(line.mid(13)));
        QCOMPARE(m_http.get(QUrl(base.toString() + u"/.api/client-config"_s), "t").status, 200);
        program.terminate();
        QVERIFY(program.waitForFinished(10000));
        QCOMPARE(program.exitStatus(), QProcess::NormalExit);
        QCOMPARE(program.exitCode(), 0);
    }
};

QTEST_GUILESS_MAIN(TestFakeSourcegraph)
#include "tst_fakesourcegraph.moc"
