// SPDX-License-Identifier: Apache-2.0
#include "cody/apicall.h"
#include "fakesourcegraph.h"
#include "replyrunner.h"

#include <QJsonObject>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace cody;
using namespace cody::test;

class TestApiCall : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void jsonAnswer()
    {
        FakeSourcegraph server;
        QVERIFY(server.listen());
        SourcegraphClient client(clientSettingsFor(server));
        ApiCall *call = client.get(u"/.api/client-config");
        QSignalSpy finished(call, &ApiCall::finished);
        QVERIFY(finished.wait());
        QVERIFY(!call->error().isError());
        QCOMPARE(call->httpStatus(), 200);
        Error error;
        QCOMPARE(
            call->jsonObject(&error).value(u"latestSupportedCompletionsStreamAPIVersion"_s).toInt(),
            8);
        QVERIFY(!error.isError());
        QCOMPARE(finished.count(), 1);
        delete call;
    }

    void errorsAreClassified_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("token");
        QTest::addColumn<ErrorKind>("kind");
        QTest::addColumn<QString>("messagePart");
        QTest::newRow("404") << u"/.api/nothing-here"_s << QString() << ErrorKind::Http
                             << u"LLM_BASE_URL"_s;
        QTest::newRow("401") << u"/.api/client-config"_s << u"sgp_bad"_s << ErrorKind::Auth
                             << u"Invalid access token."_s;
    }

    void errorsAreClassified()
    {
        QFETCH(QString, path);
        QFETCH(QString, token);
        QFETCH(ErrorKind, kind);
        QFETCH(QString, messagePart);
        FakeSourcegraph server;
        QVERIFY(server.listen());
        auto settings = clientSettingsFor(server);
        if (!token.isEmpty())
            settings.accessToken = token;
        SourcegraphClient client(settings);
        ApiCall *call = client.get(path);
        QSignalSpy finished(call, &ApiCall::finished);
        QVERIFY(finished.wait());
        QCOMPARE(call->error().kind, kind);
        QVERIFY2(call->error().message.contains(messagePart), qPrintable(call->error().message));
        QVERIFY(!call->error().message.contains(u"sgp_"_s));
        delete call;
    }

    void notJson()
    {
        FakeSourcegraph server;
        QVERIFY(server.listen());
        SourcegraphClient client(clientSettingsFor(server));
        ApiCall *call = client.get(u"/healthz");
        QSignalSpy finished(call, &ApiCall::finished);
        QVERIFY(finished.wait());
        Error error;
        call->jsonObject(&error);
        QCOMPARE(error.kind, ErrorKind::Protocol);
        delete call;
    }

    // A server that accepts the connection and then never answers must not hang the caller.
    void silentServerTimesOut()
    {
        QTcpServer silent;
        QVERIFY(silent.listen(QHostAddress::LocalHost));
        SourcegraphClient::Settings settings;
        settings.baseUrl = QUrl(u"http://127.0.0.1:%1"_s.arg(silent.serverPort()));
        settings.accessToken = u"sgp_x"_s;
        settings.idleTimeout = std::chrono::milliseconds(300);
        SourcegraphClient client(settings);
        ApiCall *call = client.get(u"/.api/client-config");
        QSignalSpy finished(call, &ApiCall::finished);
        QVERIFY(finished.wait(5000));
        QCOMPARE(call->error().kind, ErrorKind::Timeout);
        QVERIFY(call->error().message.contains(u"idle timeout"_s));
        delete call;
    }

    void cancelFinishesOnceAndLater()
    {
        FakeSourcegraph server;
        QVERIFY(server.listen());
        SourcegraphClient client(clientSettingsFor(server));
        ApiCall *call = client.get(u"/.api/modelconfig/supported-models.json");
        QSignalSpy finished(call, &ApiCall::finished);
        call->cancel();
        QCOMPARE(finished.count(), 0); // never from inside cancel()
        QVERIFY(finished.wait());
        QCOMPARE(call->error().kind, ErrorKind::Cancelled);
        call->cancel();
        QVERIFY2(!finished.wait(500), "finished() came twice");
        QCOMPARE(finished.count(), 1);
        delete call;
    }
};

QTEST_GUILESS_MAIN(TestApiCall)
#include "tst_apicall.moc"
