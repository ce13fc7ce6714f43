// SPDX-License-Identifier: Apache-2.0
// Cody's decision rules for the context filters (context.md §6), as pure logic and end to end
// against the fake in each of its answers.
#include "cody/graphqlresult.h"
#include "cody/sourcegraphclient.h"
#include "context/contextfiltersrequest.h"
#include "context/siteversion.h"
#include "fakesourcegraph.h"
#include "graphqltestsupport.h"
#include "recordings.h"
#include "replyrunner.h"

#include <QJsonDocument>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace cody;
using namespace cody::test;
using Hint = ContextFiltersRefetch::Hint;
using Answer = FakeSourcegraph::Options::ContextFiltersAnswer;

Q_DECLARE_METATYPE(ContextFiltersRefetch::Hint)
Q_DECLARE_METATYPE(FakeSourcegraph::Options::ContextFiltersAnswer)

namespace {

const QByteArray RecordedRaw = R"({"exclude":[{"repoNamePattern":".*lang-example.*"}]})";

} // namespace

class TestContextFiltersRequest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void decides_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<bool>("langExample");
        QTest::addColumn<bool>("cody");
        QTest::addColumn<Hint>("hint");
        QTest::newRow("raw (recording 26)")
            << R"({"data":{"site":{"codyContextFilters":{"raw":{"exclude":[{"repoNamePattern":".*lang-example.*"}]}}}}})"_ba
            << false << true << Hint::Durable;
        QTest::newRow("raw null: include everything")
            << R"({"data":{"site":{"codyContextFilters":{"raw":null}}}})"_ba << true << true
            << Hint::Durable;
        QTest::newRow("Cannot query field (recording 27)")
            << "{\"errors\":[{\"message\":\"Cannot query field \\\"codyContextFilters\\\" on type "
               "\\\"Site\\\". Did you mean \\\"codyConfigFeatures\\\"?\"}]}"_ba
            << true << true << Hint::Durable;
        QTest::newRow("Unexpected end of JSON input")
            << QByteArray() << true << true << Hint::Durable;
        QTest::newRow("that message from elsewhere")
            << R"({"errors":[{"message":"Unexpected end of JSON input"}]})"_ba << true << true
            << Hint::Durable;
        QTest::newRow("another GraphQL error")
            << R"({"errors":[{"message":"site configuration unavailable"}]})"_ba << false << false
            << Hint::Transient;
        QTest::newRow("raw is a string")
            << R"({"data":{"site":{"codyContextFilters":{"raw":"x"}}}})"_ba << false << false
            << Hint::Transient;
        QTest::newRow("no codyContextFilters")
            << R"({"data":{"site":{"codyContextFilters":null}}})"_ba << false << false
            << Hint::Transient;
        QTest::newRow("no site") << R"({"data":{}})"_ba << false << false << Hint::Transient;
        QTest::newRow("not JSON") << "<html>"_ba << false << false << Hint::Transient;
        // The site's answer, but this client cannot compile it: nothing is sent, and asking again
        // soon would not change the answer.
        QTest::newRow("bad regex")
            << "{\"data\":{\"site\":{\"codyContextFilters\":{\"raw\":{\"include\":[{"
               "\"repoNamePattern\":\"[a-\"}]}}}}}"_ba
            << false << false << Hint::Durable;
    }

    void decides()
    {
        QFETCH(QByteArray, body);
        QFETCH(bool, langExample);
        QFETCH(bool, cody);
        QFETCH(Hint, hint);
        const auto decision = ContextFiltersRequest::decide(GraphqlResult::fromBody(200, body));
        QCOMPARE(
            decision.filters.isRepositoryAllowed(u"github.com/acme/lang-example"_s), langExample);
        QCOMPARE(decision.filters.isRepositoryAllowed(u"github.com/sourcegraph/cody"_s), cody);
        QCOMPARE(decision.hint, hint);
    }

    void transportAndHttpFailuresExcludeEverything()
    {
        GraphqlResult result;
        result.failure = GraphqlResult::Failure::Http;
        result.error = {ErrorKind::Server, u"the server failed (HTTP 500)"_s, 500};
        const auto decision = ContextFiltersRequest::decide(result);
        QVERIFY(decision.filters.excludesEverything());
        QCOMPARE(decision.hint, Hint::Transient);
        QString why;
        QVERIFY(!decision.filters.isRepositoryAllowed(u"x"_s, &why));
        QVERIFY2(why.contains(u"HTTP 500"_s), qPrintable(why));
    }

    void versionGate()
    {
        // Before 5.3.3 the query is not even sent; sourcegraph.com never filters.
        QVERIFY(ContextFiltersRequest::decideWithoutAsking(SiteVersion(u"5.3.2"_s), false)
                    ->filters.includesEverything());
        QVERIFY(ContextFiltersRequest::decideWithoutAsking(SiteVersion(u"5.2.3"_s), false));
        QVERIFY(!ContextFiltersRequest::decideWithoutAsking(SiteVersion(u"5.3.3"_s), false));
        QVERIFY(!ContextFiltersRequest::decideWithoutAsking(SiteVersion(u"5.3.11625"_s), false));
        QVERIFY(!ContextFiltersRequest::decideWithoutAsking(
            SiteVersion(u"282533_2024-07-16_5.5-a0a18a60e904"_s), false));
        QVERIFY(ContextFiltersRequest::decideWithoutAsking(SiteVersion(u"6.2.0"_s), true)
                    ->filters.includesEverything());
        QCOMPARE(ContextFiltersRequest::decideWithoutAsking(SiteVersion(u"5.0.0"_s), false)->hint,
            Hint::Durable);
    }

    void queryTextIsTheRecordedOne()
    {
        REQUIRE_RECORDING(path, u"26-*-request.json"_s);
        QCOMPARE(
            ContextFiltersRequest::queryText(), readRecordingJson(path)[u"query"_s].toString());
    }

    void endToEnd_data()
    {
        QTest::addColumn<QString>("productVersion");
        QTest::addColumn<Answer>("answer");
        QTest::addColumn<bool>("asked");
        QTest::addColumn<bool>("langExample");
        QTest::addColumn<bool>("cody");
        QTest::addColumn<Hint>("hint");
        QTest::addColumn<bool>("failed");
        QTest::newRow("exclude (5.5)")
            << u"5.5.0"_s << Answer::Raw << true << false << true << Hint::Durable << false;
        QTest::newRow("null") << u"5.5.0"_s << Answer::Null << true << true << true << Hint::Durable
                              << false;
        QTest::newRow("unsupported on 5.3") << u"5.3.11625"_s << Answer::Unsupported << true << true
                                            << true << Hint::Durable << false;
        QTest::newRow("empty body on 5.3")
            << u"5.3.9"_s << Answer::EmptyBody << true << true << true << Hint::Durable << false;
        QTest::newRow("other error")
            << u"5.5.0"_s << Answer::Error << true << false << false << Hint::Transient << true;
        QTest::newRow("unexpected shape") << u"5.5.0"_s << Answer::Malformed << true << false
                                          << false << Hint::Transient << false;
        QTest::newRow("5.2: not asked")
            << u"5.2.6"_s << Answer::Error << false << true << true << Hint::Durable << false;
    }

    void endToEnd()
    {
        QFETCH(QString, productVersion);
        QFETCH(Answer, answer);
        QFETCH(bool, asked);
        QFETCH(bool, langExample);
        QFETCH(bool, cody);
        QFETCH(Hint, hint);
        QFETCH(bool, failed);
        FakeSourcegraph::Options options;
        options.productVersion = productVersion;
        options.contextFilters = answer;
        options.contextFiltersRaw = RecordedRaw;
        FakeInstance fake(options);
        QVERIFY(fake.listen());
        ContextFiltersRequest request(fake.client());
        QVERIFY(runToEnd(request));
        QCOMPARE(graphqlCalls(fake.server, u"ContextFilters"_s).size(), asked ? 1 : 0);
        QCOMPARE(graphqlCalls(fake.server, u"SiteProductVersion"_s).size(), 1);
        QCOMPARE(
            request.filters().isRepositoryAllowed(u"github.com/acme/lang-example"_s), langExample);
        QCOMPARE(request.filters().isRepositoryAllowed(u"github.com/sourcegraph/cody"_s), cody);
        QCOMPARE(request.refetchHint(), hint);
        QCOMPARE(request.error().isError(), failed);
    }

    void unreadableVersionExcludesEverything()
    {
        FakeInstance fake(failing(u"SiteProductVersion"_s, u"http-500"_s));
        QVERIFY(fake.listen());
        ContextFiltersRequest request(fake.client());
        QVERIFY(runToEnd(request));
        QCOMPARE(request.error().kind, ErrorKind::Server);
        QVERIFY(request.filters().excludesEverything());
        QCOMPARE(request.refetchHint(), Hint::Transient);
        QCOMPARE(graphqlCalls(fake.server, u"ContextFilters"_s).size(), 0);
    }

    void replaysTheRecordedAnswers_data()
    {
        QTest::addColumn<QString>("number");
        QTest::addColumn<bool>("langExample");
        QTest::newRow("26: exclude") << u"26"_s << false;
        QTest::newRow("27: unsupported") << u"27"_s << true;
    }

    void replaysTheRecordedAnswers()
    {
        QFETCH(QString, number);
        QFETCH(bool, langExample);
        SKIP_WITHOUT_RECORDINGS();
        FakeSourcegraph::Options options;
        options.productVersion = u"5.5.0"_s;
        options.recordingsDir = recordingsDir().path();
        options.graphqlReplays.insert(u"ContextFilters"_s, {number});
        FakeInstance fake(options);
        QVERIFY(fake.listen());
        ContextFiltersRequest request(fake.client());
        QVERIFY(runToEnd(request));
        QVERIFY(!request.error().isError());
        QCOMPARE(
            request.filters().isRepositoryAllowed(u"github.com/acme/lang-example"_s), langExample);
        QCOMPARE(request.refetchHint(), Hint::Durable);
    }

    void cancelKeepsExcluding()
    {
        FakeInstance fake(failing(u"ContextFilters"_s, u"stall"_s));
        QVERIFY(fake.listen());
        ContextFiltersRequest request(fake.client());
        QSignalSpy finished(&request, &GraphqlRequest::finished);
        request.start();
        QTRY_COMPARE(graphqlCalls(fake.server, u"ContextFilters"_s).size(), 1);
        request.cancel();
        QVERIFY(finished.wait());
        QCOMPARE(finished.size(), 1);
        QCOMPARE(request.error().kind, ErrorKind::Cancelled);
        QVERIFY(request.filters().excludesEverything());
    }
};

QTEST_GUILESS_MAIN(TestContextFiltersRequest)
#include "tst_contextfiltersrequest.moc"
