// SPDX-License-Identifier: Apache-2.0
// Gathering a question's mentions against the fake instance: file contents and retrieval together,
// the context filters fetched or given, and the difference between a mention the user must
// correct (refused) and a read that failed on the way (failure).
#include "cody/sourcegraphclient.h"
#include "context/contextgathering.h"
#include "contextsamples.h"
#include "fakesourcegraph.h"
#include "graphqltestsupport.h"

#include <QFile>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace cody;
using namespace cody::test;

namespace {

const QString Cody = u"github.com/sourcegraph/cody"_s;
const QString Sourcegraph = u"github.com/sourcegraph/sourcegraph"_s;
const QString LangExample = u"github.com/acme/lang-example"_s;

QString corpusLines(const QString &repo, const QString &path, int start, int end)
{
    QFile source(QStringLiteral(CODY_TEST_DATA_DIR "/corpus/") + repo + u'/' + path);
    if (!source.open(QIODevice::ReadOnly))
        return {};
    const QStringList lines = QString::fromUtf8(source.readAll()).split(u'\n');
    return lines.mid(start - 1, end - start + 1).join(u'\n') + u'\n';
}

} // namespace

class TestContextGathering : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void filesAndRepositoriesTogether()
    {
        FakeInstance fake;
        QVERIFY(fake.listen());
        const QList<ContextItem> mentions {
            remoteFileMention(Cody, u"vscode/src/chat/context.ts"_s, 3, 6),
            repositoryMention(Sourcegraph)};
        ContextGathering gathering(fake.client(), mentions, u"how does squirrel find symbols"_s);
        gathering.setRewriteQuery(false);
        QVERIFY(runToEnd(gathering));
        QVERIFY2(!gathering.error().isError(), qPrintable(gathering.error().message));
        QVERIFY(!gathering.failure().isError());
        QVERIFY(gathering.refused().isEmpty());

        const QList<ContextItem> &items = gathering.items();
        QVERIFY(items.size() > 2);
        // The mentions first, in their order: the range with exactly its lines, pinned to the
        // commit read; the repository with its ID.
        QCOMPARE(items.at(0).path, u"vscode/src/chat/context.ts"_s);
        QCOMPARE(items.at(0).content, corpusLines(Cody, u"vscode/src/chat/context.ts"_s, 3, 6));
        QVERIFY(!items.at(0).revision.isEmpty());
        QVERIFY(items.at(0).omittedReason.isEmpty());
        QCOMPARE(items.at(1).kind, ContextItem::Kind::Repository);
        QCOMPARE(items.at(1).repoId, u"UmVwb3NpdG9yeTozOTk="_s);
        // Then what retrieval found, from the repository mentioned only.
        for (qsizetype i = 2; i < items.size(); ++i) {
            QCOMPARE(items.at(i).source, ContextItem::Source::Retrieved);
            QCOMPARE(items.at(i).repoName, Sourcegraph);
            QVERIFY(!items.at(i).content.isEmpty());
        }
        QCOMPARE(gathering.query(), u"how does squirrel find symbols"_s);
        // Filters were not given, so they were fetched: once.
        QCOMPARE(graphqlCalls(fake.server, u"ContextFilters"_s).size(), 1);
        QVERIFY(!ContextGathering::isNeeded(items));
    }

    void givenFiltersAreNotFetched()
    {
        FakeInstance fake;
        QVERIFY(fake.listen());
        ContextGathering gathering(
            fake.client(), {remoteFileMention(Cody, u"agent/README.md"_s)}, u"q"_s);
        gathering.setFilters(ContextFilters::includeEverything());
        QVERIFY(runToEnd(gathering));
        QCOMPARE(graphqlCalls(fake.server, u"ContextFilters"_s).size(), 0);
        QVERIFY(!gathering.items().at(0).content.isEmpty());
        // Nothing to search: no getCodyContext, no keyword rewrite.
        QCOMPARE(graphqlCalls(fake.server, u"GetCodyContext"_s).size(), 0);
        QCOMPARE(fake.server.streamRequests().size(), 0);
    }

    void mentionsTheUserMustCorrectAreRefused()
    {
        FakeInstance fake(excludingLangExample());
        QVERIFY(fake.listen());
        const QList<ContextItem> mentions {
            repositoryMention(u"github.com/nobody/nothing"_s),
            remoteFileMention(Cody, u"no/such/file.ts"_s),
            remoteFileMention(LangExample, u"src/main.py"_s),
            remoteFileMention(Cody, u"agent/README.md"_s),
        };
        ContextGathering gathering(fake.client(), mentions, u"what is this"_s);
        gathering.setRewriteQuery(false);
        QVERIFY(runToEnd(gathering));
        QVERIFY(!gathering.error().isError());
        QVERIFY(!gathering.failure().isError());

        const QList<ContextItem> refused = gathering.refused();
        QCOMPARE(refused.size(), 3);
        QCOMPARE(refused.at(0).repoName, u"github.com/nobody/nothing"_s);
        QVERIFY2(refused.at(0).omittedReason.contains(u"no repository"_s),
            qPrintable(refused.at(0).omittedReason));
        QCOMPARE(refused.at(1).path, u"no/such/file.ts"_s);
        QVERIFY2(refused.at(1).omittedReason.contains(u"no file"_s),
            qPrintable(refused.at(1).omittedReason));
        QCOMPARE(refused.at(2).repoName, LangExample);
        QVERIFY2(refused.at(2).omittedReason.contains(u"context filters"_s),
            qPrintable(refused.at(2).omittedReason));
        // The excluded file was never asked for; the good one still came.
        for (const RecordedRequest &call : graphqlCalls(fake.server, u"FileContentsQuery"_s))
            QVERIFY(variablesOf(call).value(u"repoName"_s).toString() != LangExample);
        QVERIFY(gathering.items().at(2).content.isEmpty());
        QVERIFY(!gathering.items().at(3).content.isEmpty());
        QVERIFY(gathering.items().at(3).omittedReason.isEmpty());
    }

    void aFailedReadIsAFailureNotTheUsersMistake()
    {
        FakeInstance fake(failing(u"FileContentsQuery"_s, u"http-500"_s));
        QVERIFY(fake.listen());
        ContextGathering gathering(
            fake.client(), {remoteFileMention(Cody, u"agent/README.md"_s)}, u"q"_s);
        gathering.setFilters(ContextFilters::includeEverything());
        QVERIFY(runToEnd(gathering, 60'000));
        QVERIFY(!gathering.error().isError());
        QVERIFY(gathering.refused().isEmpty());
        QCOMPARE(gathering.failure().kind, ErrorKind::Server);
        QVERIFY2(gathering.items().at(0).omittedReason.startsWith(u"could not be read: "_s),
            qPrintable(gathering.items().at(0).omittedReason));
    }

    void aFailedSearchLeavesTheRepositoryOutWithWhy()
    {
        FakeInstance fake(failing(u"GetCodyContext"_s, u"graphql-error"_s));
        QVERIFY(fake.listen());
        ContextGathering gathering(fake.client(), {repositoryMention(Sourcegraph)}, u"squirrel"_s);
        gathering.setRewriteQuery(false);
        QVERIFY(runToEnd(gathering, 60'000));
        QVERIFY(gathering.refused().isEmpty());
        QCOMPARE(gathering.failure().kind, ErrorKind::Http);
        QCOMPARE(gathering.items().size(), 1);
        QVERIFY2(gathering.items().at(0).omittedReason.startsWith(u"the search failed: "_s),
            qPrintable(gathering.items().at(0).omittedReason));
    }

    void cancelStopsEverything()
    {
        FakeInstance fake(failing(u"GetCodyContext"_s, u"stall"_s));
        QVERIFY(fake.listen());
        ContextGathering gathering(fake.client(),
            {repositoryMention(Sourcegraph), remoteFileMention(Cody, u"agent/README.md"_s)},
            u"squirrel"_s);
        gathering.setRewriteQuery(false);
        QSignalSpy finished(&gathering, &GraphqlRequest::finished);
        gathering.start();
        QTRY_COMPARE(graphqlCalls(fake.server, u"GetCodyContext"_s).size(), 1);
        gathering.cancel();
        QVERIFY(finished.wait(5000));
        QCOMPARE(gathering.error().kind, ErrorKind::Cancelled);
        QTest::qWait(100);
        QCOMPARE(finished.size(), 1);
    }

    void isNeeded_data()
    {
        QTest::addColumn<QList<ContextItem>>("items");
        QTest::addColumn<bool>("needed");
        ContextItem read = remoteFileMention(Cody, u"a.ts"_s);
        read.content = u"x"_s;
        ContextItem refused = repositoryMention(Sourcegraph);
        refused.omittedReason = u"excluded"_s;
        ContextItem chunk = read;
        chunk.source = ContextItem::Source::Retrieved;
        ContextItem local;
        local.kind = ContextItem::Kind::LocalFile;
        local.path = u"/tmp/a"_s;
        local.content = u"x"_s;
        QTest::newRow("nothing") << QList<ContextItem>() << false;
        QTest::newRow("a repository mentioned")
            << QList<ContextItem> {repositoryMention(Sourcegraph)} << true;
        QTest::newRow("a file mentioned")
            << QList<ContextItem> {remoteFileMention(Cody, u"a.ts"_s)} << true;
        QTest::newRow("a file read") << QList<ContextItem> {read} << false;
        QTest::newRow("a file read and a repository to search")
            << QList<ContextItem> {read, repositoryMention(Sourcegraph)} << true;
        QTest::newRow("a repository searched")
            << QList<ContextItem> {repositoryMention(Sourcegraph), chunk} << false;
        QTest::newRow("a refused repository and an unread file")
            << QList<ContextItem> {refused, remoteFileMention(Cody, u"a.ts"_s)} << false;
        QTest::newRow("a local file only") << QList<ContextItem> {local} << false;
    }

    void isNeeded()
    {
        QFETCH(QList<ContextItem>, items);
        QFETCH(bool, needed);
        QCOMPARE(ContextGathering::isNeeded(items), needed);
    }
};

QTEST_GUILESS_MAIN(TestContextGathering)
#include "tst_contextgathering.moc"
