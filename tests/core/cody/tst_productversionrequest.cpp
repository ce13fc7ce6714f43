// SPDX-License-Identifier: Apache-2.0
// The site version is asked once per client and shared by everything that gates on it: the
// api-version probe, the connection check and context.
#include "account/connectioncheck.h"
#include "cody/apiversionprobe.h"
#include "cody/productversionrequest.h"
#include "cody/sourcegraphclient.h"
#include "fakesourcegraph.h"
#include "graphqltestsupport.h"
#include "recordings.h"
#include "replyrunner.h"

#include <QFile>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace cody;
using namespace cody::test;

class TestProductVersionRequest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void asksOnceAndRemembers()
    {
        FakeSourcegraph::Options options;
        options.productVersion = u"282533_2024-07-16_5.5-a0a18a60e904"_s;
        FakeSourcegraph server(options);
        QVERIFY(server.listen());
        SourcegraphClient client(clientSettingsFor(server));

        ProductVersionRequest first(&client);
        QVERIFY(runToEnd(first));
        QVERIFY(!first.error().isError());
        QCOMPARE(first.productVersion(), options.productVersion);
        QVERIFY(!first.wasKnown());
        QCOMPARE(client.knownProductVersion(), std::optional(options.productVersion));

        ProductVersionRequest second(&client);
        QVERIFY(runToEnd(second)); // still never from inside start()
        QCOMPARE(second.productVersion(), options.productVersion);
        QVERIFY(second.wasKnown());
        QCOMPARE(graphqlCalls(server, u"SiteProductVersion"_s).size(), 1);

        // New settings (another instance, perhaps) forget it.
        client.setSettings(clientSettingsFor(server));
        QCOMPARE(client.knownProductVersion(), std::nullopt);
    }

    // The same text as recording 14's request.
    void queryTextIsTheRecordedOne()
    {
        REQUIRE_RECORDING(path, u"14-*-request.json"_s);
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QJsonObject recorded = QJsonDocument::fromJson(file.readAll()).object();
        QCOMPARE(ProductVersionRequest::queryText(), recorded.value(u"query"_s).toString());
    }

    void failuresAreNotRemembered_data()
    {
        QTest::addColumn<QString>("fault");
        QTest::addColumn<ErrorKind>("kind");
        QTest::newRow("HTTP 500") << u"http-500"_s << ErrorKind::Server;
        QTest::newRow("GraphQL error") << u"graphql-error"_s << ErrorKind::Http;
        QTest::newRow("login page") << u"html"_s << ErrorKind::Protocol;
    }

    void failuresAreNotRemembered()
    {
        QFETCH(QString, fault);
        QFETCH(ErrorKind, kind);
        FakeSourcegraph::Options options;
        options.graphqlFaults.insert(u"SiteProductVersion"_s, fault);
        FakeSourcegraph server(options);
        QVERIFY(server.listen());
        SourcegraphClient client(clientSettingsFor(server));
        ProductVersionRequest request(&client);
        QVERIFY(runToEnd(request));
        QCOMPARE(request.error().kind, kind);
        QVERIFY(request.productVersion().isEmpty());
        QCOMPARE(client.knownProductVersion(), std::nullopt);
    }

    void noVersionInTheAnswer()
    {
        FakeSourcegraph::Options options;
        options.productVersion.clear();
        FakeSourcegraph server(options);
        QVERIFY(server.listen());
        SourcegraphClient client(clientSettingsFor(server));
        ProductVersionRequest request(&client);
        QVERIFY(runToEnd(request));
        QCOMPARE(request.error().kind, ErrorKind::Protocol);
    }

    void cancelFinishesOnceAsCancelled()
    {
        FakeSourcegraph::Options options;
        options.graphqlFaults.insert(u"SiteProductVersion"_s, u"stall"_s);
        FakeSourcegraph server(options);
        QVERIFY(server.listen());
        SourcegraphClient client(clientSettingsFor(server));
        ProductVersionRequest request(&client);
        QSignalSpy finished(&request, &GraphqlRequest::finished);
        request.start();
        QTRY_COMPARE(server.requests().size(), 1);
        request.cancel();
        QCOMPARE(finished.size(), 0); // never from inside cancel()
        QVERIFY(finished.wait());
        request.cancel();
        QVERIFY(!finished.wait(200));
        QCOMPARE(finished.size(), 1);
        QCOMPARE(request.error().kind, ErrorKind::Cancelled);
    }

    // The probe and the connection check read the version the same way: once for both.
    void probeAndConnectionCheckShareIt()
    {
        FakeSourcegraph::Options options;
        options.advertisedApiVersion.reset(); // the probe falls back to the product version
        options.productVersion = u"5.8.1"_s;
        FakeSourcegraph server(options);
        QVERIFY(server.listen());
        SourcegraphClient client(clientSettingsFor(server));

        ConnectionCheck check(&client);
        QSignalSpy checked(&check, &ConnectionCheck::finished);
        check.start();
        QVERIFY(checked.wait());
        QCOMPARE(check.productVersion(), u"5.8.1"_s);

        ApiVersionProbe probe(&client);
        QSignalSpy probed(&probe, &ApiVersionProbe::finished);
        probe.start();
        QVERIFY(probed.wait());
        QCOMPARE(probe.version(), 5);
        QCOMPARE(graphqlCalls(server, u"SiteProductVersion"_s).size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestProductVersionRequest)
#include "tst_productversionrequest.moc"
