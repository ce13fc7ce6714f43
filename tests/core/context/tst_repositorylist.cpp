// SPDX-License-Identifier: Apache-2.0
#include "cody/sourcegraphclient.h"
#include "context/repositorylist.h"
#include "fakesourcegraph.h"
#include "graphqltestsupport.h"
#include "recordings.h"
#include "replyrunner.h"

#include <QJsonDocument>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace cody;
using namespace cody::test;

namespace { } // namespace

class TestRepositoryList : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // Recording 30's lesson: a partial page still has a cursor; only the empty page ends it.
    void pagesUntilTheEmptyPage()
    {
        FakeSourcegraph::Options options;
        options.repositoryPageLimit = 3;
        FakeInstance fake(options);
        QVERIFY(fake.listen());
        RepositoryList list(fake.client());
        QVERIFY(runToEnd(list));
        QVERIFY2(!list.error().isError(), qPrintable(list.error().message));
        QCOMPARE(list.pages(), 3);
        QCOMPARE(list.repositories().size(), 4);
        QCOMPARE(list.repositories().constFirst().name, u"github.com/acme/lang-example"_s);
        QCOMPARE(list.repositories().constFirst().id, u"UmVwb3NpdG9yeTo1MTI="_s);
        QVERIFY(!list.isTruncated());

        const QList<RecordedRequest> calls = graphqlCalls(fake.server, u"Repositories"_s);
        QCOMPARE(calls.size(), 3);
        QCOMPARE(variablesOf(calls[0]),
            (QJsonObject {
                {u"first"_s, 10000}, {u"after"_s, QJsonValue()}, {u"query"_s, QJsonValue()}}));
        QVERIFY(variablesOf(calls[1])[u"after"_s].isString());
        QVERIFY(variablesOf(calls[2])[u"after"_s] != variablesOf(calls[1])[u"after"_s]);
        for (const RecordedRequest &call : calls)
            QCOMPARE(queryOf(call), RepositoryList::queryText());
    }

    // Cody HEAD's REPOSITORY_LIST_QUERY: recording 23's text with the name filter added.
    void queryTextIsTheRecordedOneWithAFilter()
    {
        REQUIRE_RECORDING(path, u"23-*-request.json"_s);
        QString recorded = readRecordingJson(path)[u"query"_s].toString();
        recorded.replace(u"$after: String)"_s, u"$after: String, $query: String)"_s);
        recorded.replace(u"after: $after)"_s, u"after: $after, query: $query)"_s);
        QCOMPARE(RepositoryList::queryText(), recorded);
    }

    void filterAndLimit()
    {
        FakeInstance fake;
        QVERIFY(fake.listen());
        RepositoryList filtered(fake.client(), u" sourcegraph/ "_s);
        QVERIFY(runToEnd(filtered));
        QCOMPARE(filtered.repositories().size(), 2);
        QCOMPARE(variablesOf(graphqlCalls(fake.server, u"Repositories"_s).constFirst())[u"query"_s],
            QJsonValue(u"sourcegraph/"_s));

        RepositoryList limited(fake.client());
        limited.setPageSize(2);
        limited.setLimit(3);
        QVERIFY(runToEnd(limited));
        QCOMPARE(limited.repositories().size(), 3);
        QVERIFY(limited.isTruncated());
    }

    // The real first page (1000 of a 9-page run), then the real empty last page.
    void recordedPages()
    {
        SKIP_WITHOUT_RECORDINGS();
        FakeSourcegraph::Options options;
        options.recordingsDir = recordingsDir().path();
        options.graphqlReplays.insert(u"Repositories"_s, {u"23"_s, u"30"_s});
        FakeInstance fake(options);
        QVERIFY(fake.listen());
        RepositoryList list(fake.client());
        QVERIFY(runToEnd(list));
        QVERIFY2(!list.error().isError(), qPrintable(list.error().message));
        QCOMPARE(list.repositories().size(), 1000);
        QCOMPARE(list.repositories().constFirst().name,
            u"bitbucket.org/sourcegraph-batch-changes/batch-changes-test-repo"_s);
        const QList<RecordedRequest> calls = graphqlCalls(fake.server, u"Repositories"_s);
        QCOMPARE(calls.size(), 2);
        const QJsonObject page = readRecordingJson(findRecording(u"23-*-response.json"_s));
        QCOMPARE(variablesOf(calls[1])[u"after"_s],
            page[u"data"_s][u"repositories"_s][u"pageInfo"_s][u"endCursor"_s]);
    }

    // A server that hands out the same cursor again would page forever.
    void aRepeatedCursorEndsTheRun()
    {
        SKIP_WITHOUT_RECORDINGS();
        FakeSourcegraph::Options options;
        options.recordingsDir = recordingsDir().path();
        options.graphqlReplays.insert(u"Repositories"_s, {u"23"_s});
        FakeInstance fake(options);
        QVERIFY(fake.listen());
        RepositoryList list(fake.client());
        QVERIFY(runToEnd(list));
        QCOMPARE(list.error().kind, ErrorKind::Protocol);
        QCOMPARE(list.repositories().size(), 1000); // what came before is kept, once
        QCOMPARE(graphqlCalls(fake.server, u"Repositories"_s).size(), 2);
    }

    void failures_data() { addGraphqlFaultRows(); }

    void failures()
    {
        QFETCH(QString, fault);
        QFETCH(ErrorKind, kind);
        FakeInstance fake(failing(u"Repositories"_s, fault));
        QVERIFY(fake.listen());
        RepositoryList list(fake.client());
        QVERIFY(runToEnd(list));
        QCOMPARE(list.error().kind, kind);
        QVERIFY(list.repositories().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestRepositoryList)
#include "tst_repositorylist.moc"
