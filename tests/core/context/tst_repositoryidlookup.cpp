// SPDX-License-Identifier: Apache-2.0
#include "cody/sourcegraphclient.h"
#include "context/repositoryidlookup.h"
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

class TestRepositoryIdLookup : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void looksUpNames()
    {
        FakeInstance fake;
        QVERIFY(fake.listen());
        RepositoryIdLookup lookup(fake.client(),
            {u"github.com/sourcegraph/sourcegraph"_s, u" github.com/nobody/nothing "_s,
                u"github.com/sourcegraph/cody"_s, u"github.com/sourcegraph/sourcegraph"_s});
        QVERIFY(runToEnd(lookup));
        QVERIFY(!lookup.error().isError());
        QCOMPARE(lookup.repositories(),
            (QList<RemoteRepository> {
                {u"UmVwb3NpdG9yeTozOTk="_s, u"github.com/sourcegraph/sourcegraph"_s, {}, 0},
                {u"UmVwb3NpdG9yeTozNzI2MQ=="_s, u"github.com/sourcegraph/cody"_s, {}, 0}}));
        QCOMPARE(lookup.missing(), QStringList {u"github.com/nobody/nothing"_s});
        const QList<RecordedRequest> calls = graphqlCalls(fake.server, u"Repositories"_s);
        QCOMPARE(calls.size(), 1);
        QCOMPARE(variablesOf(calls[0]),
            (QJsonObject {
                {u"names"_s,
                    QJsonArray {u"github.com/sourcegraph/sourcegraph"_s,
                        u"github.com/nobody/nothing"_s, u"github.com/sourcegraph/cody"_s}},
                {u"first"_s, 3}}));
    }

    // An empty list would answer the instance's first repositories: it is never sent.
    void noNamesNoCall()
    {
        FakeInstance fake;
        QVERIFY(fake.listen());
        RepositoryIdLookup lookup(fake.client(), {u""_s, u"  "_s});
        QVERIFY(runToEnd(lookup));
        QVERIFY(!lookup.error().isError());
        QVERIFY(lookup.repositories().isEmpty());
        QVERIFY(fake.server.requests().isEmpty());
    }

    // Recording 24: the same text and variables for one name, and its answer read.
    void recordedLookup()
    {
        REQUIRE_RECORDING(requestPath, u"24-*-request.json"_s);
        const QJsonObject recorded = readRecordingJson(requestPath);
        FakeSourcegraph::Options options;
        options.recordingsDir = recordingsDir().path();
        options.graphqlReplays.insert(u"Repositories"_s, {u"24"_s});
        FakeInstance fake(options);
        QVERIFY(fake.listen());
        RepositoryIdLookup lookup(fake.client(), {u"github.com/sourcegraph/sourcegraph"_s});
        QVERIFY(runToEnd(lookup));
        const RecordedRequest call = graphqlCalls(fake.server, u"Repositories"_s).constFirst();
        QCOMPARE(queryOf(call), recorded[u"query"_s].toString());
        QCOMPARE(variablesOf(call), recorded[u"variables"_s].toObject());
        QCOMPARE(lookup.repositories().size(), 1);
        QCOMPARE(lookup.repositories().constFirst().id, u"UmVwb3NpdG9yeTozOTk="_s);
    }

    void failure()
    {
        FakeInstance fake(failing(u"Repositories"_s, u"http-500"_s));
        QVERIFY(fake.listen());
        RepositoryIdLookup lookup(fake.client(), {u"github.com/sourcegraph/cody"_s});
        QVERIFY(runToEnd(lookup));
        QCOMPARE(lookup.error().kind, ErrorKind::Server);
    }
};

QTEST_GUILESS_MAIN(TestRepositoryIdLookup)
#include "tst_repositoryidlookup.moc"
