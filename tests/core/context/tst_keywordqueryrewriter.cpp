// SPDX-License-Identifier: Apache-2.0
#include "cody/sourcegraphclient.h"
#include "context/keywordqueryrewriter.h"
#include "fakesourcegraph.h"
#include "graphqltestsupport.h"
#include "recordings.h"
#include "replyrunner.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace cody;
using namespace cody::test;

namespace {

struct Rewrite
{
    bool finishedOnce = false;
    QString query;
    bool rewritten = false;
    QString fallbackReason;
};

Rewrite rewrite(SourcegraphClient *client, const QString &question,
    std::chrono::milliseconds timeout = std::chrono::seconds(20))
{
    KeywordQueryRewriter rewriter(client, question);
    rewriter.setTimeout(timeout);
    QSignalSpy finished(&rewriter, &KeywordQueryRewriter::finished);
    rewriter.start();
    Rewrite result;
    result.finishedOnce = finished.isEmpty() && finished.wait(10'000) && finished.size() == 1;
    result.query = rewriter.query();
    result.rewritten = rewriter.isRewritten();
    result.fallbackReason = rewriter.fallbackReason();
    return result;
}

} // namespace

class TestKeywordQueryRewriter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rewritesIntoKeywords()
    {
        FakeInstance fake;
        QVERIFY(fake.listen());
        const Rewrite result = rewrite(fake.client(), u"How does the ledger balance work?"_s);
        QVERIFY(result.finishedOnce);
        QVERIFY(result.rewritten);
        QCOMPARE(result.query, u"balance ledger work"_s);
        QVERIFY(result.fallbackReason.isEmpty());
        // Recording 28's framing, at api-version 1 (Cody's LEGACY_API_VERSION).
        const RecordedRequest request = fake.server.streamRequests().constFirst();
        QCOMPARE(request.query.queryItemValue(u"api-version"_s), u"1"_s);
        const QJsonObject body = request.json();
        QCOMPARE(body.value(u"fast"_s).toBool(), true);
        QVERIFY(!body.contains(u"model"_s));
        QVERIFY(body[u"messages"_s][2][u"text"_s].toString().contains(
            u"<userQuery>How does the ledger balance work?</userQuery>"_s));
        QVERIFY(fake.server.shapeMismatches().isEmpty());
    }

    void recordedAnswer()
    {
        SKIP_WITHOUT_RECORDINGS();
        FakeSourcegraph::Options options;
        options.fastScenario = u"replay-28"_s;
        options.recordingsDir = recordingsDir().path();
        FakeInstance fake(options);
        QVERIFY(fake.listen());
        const Rewrite result
            = rewrite(fake.client(), u"what is squirrel? Explain as briefly as possible."_s);
        QVERIFY(result.rewritten);
        QCOMPARE(result.query, u"overview squirrel"_s);
    }

    // Any failure: the question itself, and why.
    void fallsBackToTheQuestion_data()
    {
        QTest::addColumn<QString>("scenario");
        QTest::addColumn<QString>("reason");
        QTest::newRow("HTTP 500") << u"server-error-forever"_s << u"HTTP 500"_s;
        QTest::newRow("401") << u"unauthorized"_s << u"rejected"_s;
        QTest::newRow("error event") << u"error-event"_s << u"failed"_s;
        QTest::newRow("an empty answer") << u"loop-empty"_s << u"no keywords"_s;
        QTest::newRow("a login page") << u"html"_s << u"failed"_s;
        QTest::newRow("dropped midway") << u"drop"_s << u"failed"_s;
        QTest::newRow("silence") << u"stall"_s << u"longer than"_s;
    }

    void fallsBackToTheQuestion()
    {
        QFETCH(QString, scenario);
        QFETCH(QString, reason);
        FakeSourcegraph::Options options;
        options.fastScenario = scenario;
        FakeInstance fake(options);
        QVERIFY(fake.listen());
        const QString question = u"Where is the ledger balanced?"_s;
        const Rewrite result = rewrite(fake.client(), question, std::chrono::milliseconds(500));
        QVERIFY(result.finishedOnce);
        QVERIFY(!result.rewritten);
        QCOMPARE(result.query, question);
        QVERIFY2(result.fallbackReason.contains(reason), qPrintable(result.fallbackReason));
    }

    void emptyQuestionSendsNothing()
    {
        FakeInstance fake;
        QVERIFY(fake.listen());
        const Rewrite result = rewrite(fake.client(), u"  "_s);
        QVERIFY(result.finishedOnce);
        QVERIFY(!result.rewritten);
        QVERIFY(fake.server.requests().isEmpty());
    }

    void cancelFinishesOnce()
    {
        FakeSourcegraph::Options options;
        options.fastScenario = u"stall"_s;
        FakeInstance fake(options);
        QVERIFY(fake.listen());
        KeywordQueryRewriter rewriter(fake.client(), u"ledger"_s);
        QSignalSpy finished(&rewriter, &KeywordQueryRewriter::finished);
        rewriter.start();
        QTRY_COMPARE(fake.server.streamRequests().size(), 1);
        rewriter.cancel();
        QCOMPARE(finished.size(), 0);
        QVERIFY(finished.wait());
        rewriter.cancel();
        QVERIFY(!finished.wait(200));
        QCOMPARE(finished.size(), 1);
        QCOMPARE(rewriter.query(), u"ledger"_s);
        QCOMPARE(rewriter.fallbackReason(), u"cancelled"_s);
    }
};

QTEST_GUILESS_MAIN(TestKeywordQueryRewriter)
#include "tst_keywordqueryrewriter.moc"
