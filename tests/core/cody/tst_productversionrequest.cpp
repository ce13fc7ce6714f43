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
        const QString version = u"282533_2024-07-16_5.5-a0a18a60e904"_s;
        FakeInstance fake(onVersion(version));
        QVERIFY(fake.listen());

        ProductVersionRequest first(fake.client());
        QVERIFY(runToEnd(first));
        QVERIFY(!first.error().isError());
        QCOMPARE(first.productVersion(), version);
        QVERIFY(!first.wasKnown());
        QCOMPARE(fake.client()->knownProductVersion(), std::optional(version));

        ProductVersionRequest second(fake.client());
        QVERIFY(runToEnd(second)); // still never from inside start()
        QCOMPARE(second.productVersion(), version);
        QVERIFY(second.wasKnown());
        QCOMPARE(graphqlCalls(fake.server, u"SiteProductVersion"_s).size(), 1);

        // New settings (another instance, perhaps) forget it.
        fake.client()->setSettings(clientSettingsFor(fake.server));
        QCOMPARE(fake.client()->knownProductVersion(), std::nullopt);
    }

    // The same text as recording 14's request.
    void queryTextIsTheRecordedOne()
    {
        REQUIRE_RECORDING(path, u"14-*-request.json"_s);
        const QJsonObject recorded = readRecordingJson(path);
        QCOMPARE(ProductVersionRequest::queryText(), recorded.value(u"query"_s).toString());
    }

    void failuresAreNotRemembered_data() { addGraphqlFaultRows(); }

    void failuresAreNotRemembered()
    {
        QFETCH(QString, fault);
        QFETCH(ErrorKind, kind);
        FakeInstance fake(failing(u"SiteProductVersion"_s, fault));
        QVERIFY(fake.listen());
        ProductVersionRequest request(fake.client());
        QVERIFY(runToEnd(request));
        QCOMPARE(request.error().kind, kind);
        QVERIFY(request.productVersion().isEmpty());
        QCOMPARE(fake.client()->knownProductVersion(), std::nullopt);
    }

    void noVersionInTheAnswer()
    {
        FakeSourcegraph::Options options;
        options.productVersion.clear();
        FakeInstance fake(options);
        QVERIFY(fake.listen());
        ProductVersionRequest request(fake.client());
        QVERIFY(runToEnd(request));
        QCOMPARE(request.error().kind, ErrorKind::Protocol);
    }

    void cancelFinishesOnceAsCancelled()
    {
        FakeInstance fake(failing(u"SiteProductVersion"_s, u"stall"_s));
        QVERIFY(fake.listen());
        ProductVersionRequest request(fake.client());
        QSignalSpy finished(&request, &GraphqlRequest::finished);
        request.start();
        request.start(); // does nothing
        QTRY_COMPARE(fake.server.requests().size(), 1);
        request.cancel();
        QCOMPARE(finished.size(), 0); // never from inside cancel()
        QVERIFY(finished.wait());
        request.cancel();
        QVERIFY(!finished.wait(200));
        QCOMPARE(finished.size(), 1);
        QCOMPARE(request.error().kind, ErrorKind::Cancelled);
        QCOMPARE(fake.server.requests().size(), 1);
    }

    // The probe and the connection check read the version the same way: once for both.
    void probeAndConnectionCheckShareIt()
    {
        FakeSourcegraph::Options options;
        options.advertisedApiVersion.reset(); // the probe falls back to the product version
        options.productVersion = u"5.8.1"_s;
        FakeInstance fake(options);
        QVERIFY(fake.listen());

        ConnectionCheck check(fake.client());
        QSignalSpy checked(&check, &ConnectionCheck::finished);
        check.start();
        QVERIFY(checked.wait());
        QCOMPARE(check.productVersion(), u"5.8.1"_s);

        ApiVersionProbe probe(fake.client());
        QSignalSpy probed(&probe, &ApiVersionProbe::finished);
        probe.start();
        QVERIFY(probed.wait());
        QCOMPARE(probe.version(), 5);
        QCOMPARE(graphqlCalls(fake.server, u"SiteProductVersion"_s).size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestProductVersionRequest)
#include "tst_productversionrequest.moc"
