// SPDX-License-Identifier: Apache-2.0
// Retrieval end to end against the fake: the getCodyContext variant each site version gets (the
// exact query text and variables, compared with recordings 21 and 22), folders, filters, the
// keyword rewrite, name-to-ID lookups, and every way it can fail.
#include "cody/sourcegraphclient.h"
#include "context/contextretrieval.h"
#include "fakecorpus.h"
#include "fakerepositoryoperations.h"
#include "fakesourcegraph.h"
#include "graphqltestsupport.h"
#include "recordings.h"
#include "replyrunner.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace cody;
using namespace cody::test;
using Variant = CodyContextQuery::Variant;

Q_DECLARE_METATYPE(CodyContextQuery::Variant)

namespace {

const QString Sourcegraph = u"github.com/sourcegraph/sourcegraph"_s;
const QString SourcegraphId = u"UmVwb3NpdG9yeTozOTk="_s;
const QString Billing = u"gitlab.example.com/platform/billing"_s;
const QString BillingId = u"UmVwb3NpdG9yeTo3Nw=="_s;
const QString LangExampleId = u"UmVwb3NpdG9yeTo1MTI="_s;

ContextItem repository(const QString &name, const QString &id = {})
{
    ContextItem item;
    item.kind = ContextItem::Kind::Repository;
    item.repoName = name;
    item.repoId = id;
    return item;
}

ContextItem folder(const QString &name, const QString &path, const QString &id = {})
{
    ContextItem item = repository(name, id);
    item.kind = ContextItem::Kind::RemoteFolder;
    item.path = path;
    return item;
}

ContextFilters excluding(const QString &pattern)
{
    return ContextFilters::fromRaw(
        QJsonObject {{u"exclude"_s, QJsonArray {QJsonObject {{u"repoNamePattern"_s, pattern}}}}});
}

QStringList queriesOf(const QList<RecordedRequest> &calls)
{
    QStringList texts;
    for (const RecordedRequest &call : calls)
        texts.append(queryOf(call));
    return texts;
}

} // namespace

class TestContextRetrieval : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void variantPerVersion_data()
    {
        QTest::addColumn<QString>("productVersion");
        QTest::addColumn<QList<Variant>>("tried");
        QTest::newRow("5.3.11625") << u"5.3.11625"_s << QList<Variant> {Variant::Legacy};
        QTest::newRow("5.6.0") << u"5.6.0"_s << QList<Variant> {Variant::Legacy};
        QTest::newRow("5.7.0") << u"5.7.0"_s << QList<Variant> {Variant::FilePatterns};
        QTest::newRow("5.8.0") << u"5.8.0"_s << QList<Variant> {Variant::MatchedRanges};
        QTest::newRow("6.2.0") << u"6.2.0"_s << QList<Variant> {Variant::MatchedRanges};
        QTest::newRow("dev") << u"0.0.0+dev"_s << QList<Variant> {Variant::MatchedRanges};
        // An insider passes every gate, but this one (a 5.5 build from main) refuses both newer
        // schemas: each refusal is answered with the next older variant.
        QTest::newRow("insider 5.5 build")
            << u"282533_2024-07-16_5.5-a0a18a60e904"_s
            << QList<Variant> {Variant::MatchedRanges, Variant::FilePatterns, Variant::Legacy};
    }

    void variantPerVersion()
    {
        QFETCH(QString, productVersion);
        QFETCH(QList<Variant>, tried);
        FakeInstance fake(onVersion(productVersion));
        QVERIFY(fake.listen());
        ContextRetrieval retrieval(fake.client(), ContextFilters::includeEverything(),
            {repository(Sourcegraph, SourcegraphId)}, u"squirrel service"_s);
        retrieval.setRewriteQuery(false);
        QVERIFY(runToEnd(retrieval));
        QVERIFY2(!retrieval.error().isError(), qPrintable(retrieval.error().message));
        QCOMPARE(retrieval.variant(), tried.constLast());

        const QList<RecordedRequest> calls = graphqlCalls(fake.server, u"GetCodyContext"_s);
        QStringList expected;
        for (const Variant variant : tried)
            expected.append(CodyContextQuery::text(variant));
        QCOMPARE(queriesOf(calls), expected);
        const QJsonObject variables {{u"repos"_s, QJsonArray {SourcegraphId}},
            {u"query"_s, u"squirrel service"_s}, {u"codeResultsCount"_s, 15},
            {u"textResultsCount"_s, 5}};
        for (const RecordedRequest &call : calls)
            QCOMPARE(variablesOf(call), variables);

        QVERIFY(!retrieval.items().isEmpty());
        for (const ContextItem &item : retrieval.items()) {
            QCOMPARE(item.repoName, Sourcegraph);
            QCOMPARE(item.source, ContextItem::Source::Retrieved);
            QVERIFY(item.omittedReason.isEmpty());
        }
    }

    // The chunks as items: the fake's 0..20 is lines 1-20, with Cody's link, and the content is
    // exactly those lines of the file.
    void chunksBecomeItems()
    {
        FakeInstance fake(onVersion(u"5.8.0"_s));
        QVERIFY(fake.listen());
        ContextRetrieval retrieval(fake.client(), ContextFilters::includeEverything(),
            {repository(Billing, BillingId)}, u"ledger balance"_s);
        retrieval.setRewriteQuery(false);
        QVERIFY(runToEnd(retrieval));
        const FakeCorpus corpus;
        QVERIFY(!retrieval.items().isEmpty());
        for (const ContextItem &item : retrieval.items()) {
            QCOMPARE(item.kind, ContextItem::Kind::RemoteFile);
            QCOMPARE(item.repoId, BillingId);
            QCOMPARE(item.revision, u"c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00"_s);
            QVERIFY(item.hasRange());
            QCOMPARE(item.content.toUtf8(),
                FakeRepositoryOperations::pageContent(
                    corpus.byName(Billing)->files.value(item.path), item.startLine, item.endLine));
            QCOMPARE(item.url.toString(),
                u"%1/%2/-/blob/%3?L%4-%5"_s
                    .arg(fake.server.baseUrl().toString(), Billing, item.path)
                    .arg(item.startLine)
                    .arg(item.endLine));
        }
        // The fake's first chunk, 0..20 on the wire.
        const auto first = std::find_if(
            retrieval.items().cbegin(), retrieval.items().cend(), [](const ContextItem &item) {
                return item.path == u"invoices/ledger.go" && item.startLine == 1;
            });
        QVERIFY(first != retrieval.items().cend());
        QCOMPARE(first->endLine, 20);
    }

    // Recording 21 (5.3, two repositories, the raw question): the same request, and its answer
    // read.
    void recordedRequestOn53()
    {
        REQUIRE_RECORDING(requestPath, u"21-*-request.json"_s);
        FakeSourcegraph::Options options;
        options.productVersion = u"5.3.11625"_s;
        options.recordingsDir = recordingsDir().path();
        options.graphqlReplays.insert(u"GetCodyContext"_s, {u"21"_s});
        FakeInstance fake(options);
        QVERIFY(fake.listen());
        ContextRetrieval retrieval(fake.client(), ContextFilters::includeEverything(),
            {repository(u"github.com/sourcegraph/cody"_s, u"UmVwb3NpdG9yeTozNzI2MQ=="_s),
                repository(Sourcegraph, u"UmVwb3NpdG9yeTozMTA="_s)},
            u"What is Squirrel?"_s);
        retrieval.setRewriteQuery(false);
        QVERIFY(runToEnd(retrieval));
        const QList<RecordedRequest> calls = graphqlCalls(fake.server, u"GetCodyContext"_s);
        QCOMPARE(calls.size(), 1);
        QCOMPARE(calls.constFirst().json(), readRecordingJson(requestPath));
        QCOMPARE(retrieval.items().size(), 17);
        QCOMPARE(retrieval.items().constFirst().url.toString(),
            fake.server.baseUrl().toString()
                + u"/github.com/sourcegraph/sourcegraph/-/blob/cmd/symbols/squirrel/service_test.go?L1-20"_s);
    }

    // Recording 22's turn on a 5.5 build from main: the name looked up as in recording 24, the
    // question rewritten as in recording 28, and, after the two newer variants are refused,
    // the same getCodyContext request as recording 22's.
    void recordedRequestOnAnInsiderBuild()
    {
        REQUIRE_RECORDING(lookupPath, u"24-*-request.json"_s);
        REQUIRE_RECORDING(searchPath, u"22-*-request.json"_s);
        FakeSourcegraph::Options options;
        options.productVersion = u"282533_2024-07-16_5.5-a0a18a60e904"_s;
        options.recordingsDir = recordingsDir().path();
        options.fastScenario = u"replay-28"_s;
        FakeInstance fake(options);
        QVERIFY(fake.listen());
        ContextRetrieval retrieval(fake.client(), ContextFilters::includeEverything(),
            {repository(Sourcegraph)}, u"what is squirrel? Explain as briefly as possible."_s);
        QVERIFY(runToEnd(retrieval));
        QVERIFY2(!retrieval.error().isError(), qPrintable(retrieval.error().message));
        QCOMPARE(retrieval.query(), u"overview squirrel"_s);
        QCOMPARE(retrieval.mentions().constFirst().repoId, SourcegraphId);
        QCOMPARE(graphqlCalls(fake.server, u"Repositories"_s).constFirst().json(),
            readRecordingJson(lookupPath));
        const QList<RecordedRequest> searches = graphqlCalls(fake.server, u"GetCodyContext"_s);
        QCOMPARE(searches.size(), 3);
        QCOMPARE(searches.constLast().json(), readRecordingJson(searchPath));
        QVERIFY(!retrieval.items().isEmpty());
    }

    void folders_data()
    {
        QTest::addColumn<QString>("productVersion");
        QTest::addColumn<bool>("filePatterns");
        QTest::newRow("5.8: filePatterns") << u"5.8.0"_s << true;
        QTest::newRow("5.7: filePatterns") << u"5.7.0"_s << true;
        QTest::newRow("5.3: kept to the folder here") << u"5.3.11625"_s << false;
    }

    void folders()
    {
        QFETCH(QString, productVersion);
        QFETCH(bool, filePatterns);
        FakeInstance fake(onVersion(productVersion));
        QVERIFY(fake.listen());
        // "squirrel" is also all over cmd/symbols/internal/api/handler.go.
        ContextRetrieval retrieval(fake.client(), ContextFilters::includeEverything(),
            {folder(Sourcegraph, u"cmd/symbols/squirrel/"_s, SourcegraphId)}, u"squirrel"_s);
        retrieval.setRewriteQuery(false);
        QVERIFY(runToEnd(retrieval));
        QVERIFY2(!retrieval.error().isError(), qPrintable(retrieval.error().message));
        const QJsonObject variables
            = variablesOf(graphqlCalls(fake.server, u"GetCodyContext"_s).constFirst());
        QCOMPARE(variables.contains(u"filePatterns"_s), filePatterns);
        if (filePatterns)
            QCOMPARE(
                variables[u"filePatterns"_s].toArray(), QJsonArray {u"^cmd/symbols/squirrel/.*"_s});
        QCOMPARE(retrieval.restrictedClientSide(), !filePatterns);
        QVERIFY(!retrieval.items().isEmpty());
        for (const ContextItem &item : retrieval.items())
            QVERIFY2(item.path.startsWith(u"cmd/symbols/squirrel/"_s), qPrintable(item.path));
    }

    void oneCallForWholeRepositoriesAndOnePerOtherFolder()
    {
        FakeInstance fake(onVersion(u"5.8.0"_s));
        QVERIFY(fake.listen());
        ContextRetrieval retrieval(fake.client(), ContextFilters::includeEverything(),
            {repository(Sourcegraph, SourcegraphId),
                folder(Sourcegraph, u"cmd/symbols/squirrel"_s, SourcegraphId),
                folder(Billing, u"invoices"_s, BillingId),
                folder(Billing, u"invoices/"_s, BillingId)},
            u"squirrel ledger"_s);
        retrieval.setRewriteQuery(false);
        QVERIFY(runToEnd(retrieval));
        const QList<RecordedRequest> calls = graphqlCalls(fake.server, u"GetCodyContext"_s);
        QCOMPARE(calls.size(), 2);
        QCOMPARE(variablesOf(calls[0])[u"repos"_s].toArray(), QJsonArray {SourcegraphId});
        QVERIFY(!variablesOf(calls[0]).contains(u"filePatterns"_s));
        QCOMPARE(variablesOf(calls[1])[u"repos"_s].toArray(), QJsonArray {BillingId});
        QCOMPARE(
            variablesOf(calls[1])[u"filePatterns"_s].toArray(), QJsonArray {u"^invoices/.*"_s});
    }

    void filtersApplyToMentionsAndChunks()
    {
        FakeInstance fake(onVersion(u"5.8.0"_s));
        QVERIFY(fake.listen());
        // The mention says billing, but its ID names lang-example: the chunks that come back are
        // checked again, by their own repository.
        ContextRetrieval retrieval(fake.client(), excluding(u"lang-example"_s),
            {repository(u"github.com/acme/lang-example"_s, LangExampleId),
                repository(Billing, LangExampleId)},
            u"evaluate expression"_s);
        retrieval.setRewriteQuery(false);
        QVERIFY(runToEnd(retrieval));
        QVERIFY2(retrieval.mentions().at(0).omittedReason.contains(u"lang-example"_s),
            qPrintable(retrieval.mentions().at(0).omittedReason));
        QVERIFY(retrieval.mentions().at(1).omittedReason.isEmpty());
        QVERIFY(!retrieval.items().isEmpty());
        for (const ContextItem &item : retrieval.items()) {
            QCOMPARE(item.repoName, u"github.com/acme/lang-example"_s);
            QVERIFY(item.omittedReason.contains(u"excluded by the context filters"_s));
            QVERIFY(item.content.isEmpty());
        }
    }

    void nothingToSearchNoCall()
    {
        FakeInstance fake;
        QVERIFY(fake.listen());
        ContextItem local;
        local.kind = ContextItem::Kind::LocalFile;
        local.path = u"/home/me/notes.md"_s;
        ContextRetrieval onlyLocal(
            fake.client(), ContextFilters::includeEverything(), {local}, u"x"_s);
        QVERIFY(runToEnd(onlyLocal));
        ContextRetrieval allExcluded(fake.client(), ContextFilters::excludeEverything(u"no"_s),
            {repository(Billing, BillingId)}, u"x"_s);
        QVERIFY(runToEnd(allExcluded));
        QCOMPARE(allExcluded.mentions().constFirst().omittedReason, u"no"_s);
        QVERIFY(onlyLocal.items().isEmpty() && allExcluded.items().isEmpty());
        QVERIFY(fake.server.requests().isEmpty());
    }

    void unknownNamesAreLeftOut()
    {
        FakeInstance fake(onVersion(u"5.8.0"_s));
        QVERIFY(fake.listen());
        ContextRetrieval retrieval(fake.client(), ContextFilters::includeEverything(),
            {repository(u"github.com/nobody/nothing"_s), repository(Billing)}, u"ledger"_s);
        retrieval.setRewriteQuery(false);
        QVERIFY(runToEnd(retrieval));
        QVERIFY(retrieval.mentions().at(0).omittedReason.contains(u"no repository"_s));
        QCOMPARE(retrieval.mentions().at(1).repoId, BillingId);
        QCOMPARE(
            variablesOf(graphqlCalls(fake.server, u"GetCodyContext"_s).constFirst())[u"repos"_s]
                .toArray(),
            QJsonArray {BillingId});
    }

    // The chip's text is not part of what is rewritten; a failed rewrite uses the question.
    void keywordRewrite()
    {
        FakeInstance fake(onVersion(u"5.8.0"_s));
        QVERIFY(fake.listen());
        const QString chip = u"@github.com/sourcegraph/sourcegraph"_s;
        ContextRetrieval retrieval(fake.client(), ContextFilters::includeEverything(),
            {repository(Sourcegraph, SourcegraphId)},
            chip + u" how does the squirrel service work?"_s);
        retrieval.setMentionTexts({chip});
        QVERIFY(runToEnd(retrieval));
        QCOMPARE(retrieval.query(), u"service squirrel work"_s);
        QVERIFY(retrieval.rewriteFallbackReason().isEmpty());
        const QString prompt = fake.server.streamRequests()
                                   .constFirst()
                                   .json()[u"messages"_s][2][u"text"_s]
                                   .toString();
        QVERIFY(prompt.contains(u"<userQuery>how does the squirrel service work?</userQuery>"_s));
        QCOMPARE(
            variablesOf(graphqlCalls(fake.server, u"GetCodyContext"_s).constFirst())[u"query"_s],
            QJsonValue(u"service squirrel work"_s));

        FakeSourcegraph::Options options = onVersion(u"5.8.0"_s);
        options.fastScenario = u"server-error-forever"_s;
        FakeInstance broken(options);
        QVERIFY(broken.listen());
        ContextRetrieval fallback(broken.client(), ContextFilters::includeEverything(),
            {repository(Sourcegraph, SourcegraphId)},
            chip + u" how does the squirrel service work?"_s);
        fallback.setMentionTexts({chip});
        QVERIFY(runToEnd(fallback));
        QVERIFY(!fallback.error().isError());
        QCOMPARE(fallback.query(), u"how does the squirrel service work?"_s);
        QVERIFY(!fallback.rewriteFallbackReason().isEmpty());
        QVERIFY(!fallback.items().isEmpty());
    }

    void failures_data()
    {
        QTest::addColumn<QString>("operation");
        QTest::addColumn<QString>("fault");
        QTest::addColumn<ErrorKind>("kind");
        QTest::addColumn<int>("searches");
        QTest::newRow("500") << u"GetCodyContext"_s << u"http-500"_s << ErrorKind::Server << 1;
        QTest::newRow("401") << u"GetCodyContext"_s << u"unauthorized"_s << ErrorKind::Auth << 1;
        QTest::newRow("other GraphQL error: no downgrade")
            << u"GetCodyContext"_s << u"graphql-error"_s << ErrorKind::Http << 1;
        QTest::newRow("login page") << u"GetCodyContext"_s << u"html"_s << ErrorKind::Protocol << 1;
        QTest::newRow("silence") << u"GetCodyContext"_s << u"stall"_s << ErrorKind::Timeout << 1;
        QTest::newRow("redirect") << u"GetCodyContext"_s << u"redirect"_s << ErrorKind::Network
                                  << 1;
        QTest::newRow("lookup fails")
            << u"Repositories"_s << u"http-500"_s << ErrorKind::Server << 0;
        // A version that cannot be read passes no gate: the oldest query still works.
        QTest::newRow("version unreadable")
            << u"SiteProductVersion"_s << u"http-500"_s << ErrorKind::None << 1;
    }

    void failures()
    {
        QFETCH(QString, operation);
        QFETCH(QString, fault);
        QFETCH(ErrorKind, kind);
        QFETCH(int, searches);
        FakeSourcegraph::Options options = failing(operation, fault);
        options.productVersion = u"5.8.0"_s;
        FakeInstance fake(options, std::chrono::milliseconds(300));
        QVERIFY(fake.listen());
        ContextRetrieval retrieval(
            fake.client(), ContextFilters::includeEverything(), {repository(Billing)}, u"ledger"_s);
        retrieval.setRewriteQuery(false);
        QVERIFY(runToEnd(retrieval));
        QCOMPARE(retrieval.error().kind, kind);
        QCOMPARE(graphqlCalls(fake.server, u"GetCodyContext"_s).size(), searches);
        if (operation == u"SiteProductVersion") {
            QCOMPARE(retrieval.variant(), Variant::Legacy);
            QVERIFY(!retrieval.items().isEmpty());
        }
        for (const RecordedRequest &request : fake.server.requests())
            QCOMPARE(request.header("authorization"), "token " + fake.server.options().token);
    }

    void cancelFinishesOnce()
    {
        FakeInstance fake(failing(u"GetCodyContext"_s, u"stall"_s));
        QVERIFY(fake.listen());
        ContextRetrieval retrieval(fake.client(), ContextFilters::includeEverything(),
            {repository(Billing, BillingId)}, u"ledger"_s);
        QSignalSpy finished(&retrieval, &GraphqlRequest::finished);
        retrieval.start();
        QTRY_COMPARE(graphqlCalls(fake.server, u"GetCodyContext"_s).size(), 1);
        retrieval.cancel();
        QCOMPARE(finished.size(), 0);
        QVERIFY(finished.wait());
        QVERIFY(!finished.wait(200));
        QCOMPARE(finished.size(), 1);
        QCOMPARE(retrieval.error().kind, ErrorKind::Cancelled);
    }
};

QTEST_GUILESS_MAIN(TestContextRetrieval)
#include "tst_contextretrieval.moc"
