// SPDX-License-Identifier: Apache-2.0
#include "cody/sourcegraphclient.h"
#include "context/remotepathsearch.h"
#include "fakesourcegraph.h"
#include "graphqltestsupport.h"
#include "replyrunner.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace cody;
using namespace cody::test;
using Kind = RemotePathSearch::Kind;

namespace {

const QString Sourcegraph = u"github.com/sourcegraph/sourcegraph"_s;

QStringList pathsOf(const QList<ContextItem> &items)
{
    QStringList paths;
    for (const ContextItem &item : items)
        paths.append(item.path);
    return paths;
}

} // namespace

class TestRemotePathSearch : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void escapesLikeCody_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("escaped");
        QTest::newRow("plain") << u"cmd/symbols"_s << u"cmd/symbols"_s;
        QTest::newRow("dots") << u"github.com/org/repo"_s << u"github\\.com/org/repo"_s;
        QTest::newRow("all") << u".*+?^${}()|[]\\"_s
                             << u"\\.\\*\\+\\?\\^\\$\\{\\}\\(\\)\\|\\[\\]\\\\"_s;
    }

    void escapesLikeCody()
    {
        QFETCH(QString, text);
        QFETCH(QString, escaped);
        QCOMPARE(RemotePathSearch::escapeRegExp(text), escaped);
    }

    void searchQueries()
    {
        QCOMPARE(RemotePathSearch::searchQuery(Sourcegraph, u"service.go"_s, Kind::Files),
            u"repo:^github\\.com/sourcegraph/sourcegraph$ file:service\\.go type:file count:10"_s);
        QCOMPARE(RemotePathSearch::searchQuery(Sourcegraph, {}, Kind::Files),
            u"repo:^github\\.com/sourcegraph/sourcegraph$ file:^.*$ type:file count:10"_s);
        QCOMPARE(RemotePathSearch::searchQuery(Sourcegraph, u"cmd/symbols"_s, Kind::Folders),
            u"repo:^github\\.com/sourcegraph/sourcegraph$ file:cmd/symbols.*\\/.* "
            "select:file.directory count:10"_s);
    }

    void findsFiles()
    {
        FakeInstance fake;
        QVERIFY(fake.listen());
        RemotePathSearch search(fake.client(), Sourcegraph, u"service"_s, Kind::Files);
        QVERIFY(runToEnd(search));
        QVERIFY(!search.error().isError());
        QCOMPARE(pathsOf(search.items()),
            (QStringList {
                u"cmd/symbols/squirrel/service.go"_s, u"cmd/symbols/squirrel/service_test.go"_s}));
        const ContextItem &file = search.items().constFirst();
        QCOMPARE(file.kind, ContextItem::Kind::RemoteFile);
        QCOMPARE(file.source, ContextItem::Source::User);
        QCOMPARE(file.repoName, Sourcegraph);
        QCOMPARE(file.repoId, u"UmVwb3NpdG9yeTozOTk="_s);
        QCOMPARE(file.revision, u"5a3c9e1f0b7d2c4e6f8a1b3d5c7e9f0a2b4c6d8e"_s);
        QVERIFY(!file.hasRange());
        QCOMPARE(file.url.toString(),
            fake.server.baseUrl().toString()
                + u"/github.com/sourcegraph/sourcegraph/-/blob/cmd/symbols/squirrel/service.go"_s);
        const RecordedRequest call
            = graphqlCalls(fake.server, u"FileMatchSearchQuery"_s).constFirst();
        QCOMPARE(queryOf(call), RemotePathSearch::queryText());
        QCOMPARE(variablesOf(call)[u"query"_s].toString(),
            RemotePathSearch::searchQuery(Sourcegraph, u"service"_s, Kind::Files));

        RemotePathSearch any(fake.client(), Sourcegraph, {}, Kind::Files);
        QVERIFY(runToEnd(any));
        QCOMPARE(any.items().size(), 5);
    }

    void findsFolders()
    {
        FakeInstance fake;
        QVERIFY(fake.listen());
        RemotePathSearch search(fake.client(), Sourcegraph, u"cmd/symbols"_s, Kind::Folders);
        QVERIFY(runToEnd(search));
        QCOMPARE(pathsOf(search.items()),
            (QStringList {u"cmd/symbols/internal/api"_s, u"cmd/symbols/squirrel"_s}));
        QCOMPARE(search.items().constFirst().kind, ContextItem::Kind::RemoteFolder);
        QCOMPARE(search.items().constFirst().displayName(),
            u"github.com/sourcegraph/sourcegraph/cmd/symbols/internal/api/"_s);
        // Literal: the dot of "lang-example" does not match any character.
        RemotePathSearch none(fake.client(), u"github.com/acme/lang.example"_s, {}, Kind::Folders);
        QVERIFY(runToEnd(none));
        QVERIFY(none.items().isEmpty());
    }

    void failure()
    {
        FakeInstance fake(failing(u"FileMatchSearchQuery"_s, u"http-500"_s));
        QVERIFY(fake.listen());
        RemotePathSearch search(fake.client(), Sourcegraph, u"x"_s, Kind::Files);
        QVERIFY(runToEnd(search));
        QCOMPARE(search.error().kind, ErrorKind::Server);
    }
};

QTEST_GUILESS_MAIN(TestRemotePathSearch)
#include "tst_remotepathsearch.moc"
