// SPDX-License-Identifier: Apache-2.0
#include "cody/sourcegraphclient.h"
#include "context/repositorybycloneurl.h"
#include "fakesourcegraph.h"
#include "graphqltestsupport.h"
#include "recordings.h"
#include "replyrunner.h"

#include <QJsonDocument>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace cody;
using namespace cody::test;

class TestRepositoryByCloneUrl : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void resolves_data()
    {
        QTest::addColumn<QString>("cloneUrl");
        QTest::addColumn<QString>("name");
        QTest::newRow("scp-style")
            << u"git@github.com:sourcegraph/cody.git"_s << u"github.com/sourcegraph/cody"_s;
        QTest::newRow("https") << u"https://gitlab.example.com/platform/billing.git"_s
                               << u"gitlab.example.com/platform/billing"_s;
        QTest::newRow("unknown: no name, no error")
            << u"git@github.com:nobody/nothing.git"_s << QString();
    }

    void resolves()
    {
        QFETCH(QString, cloneUrl);
        QFETCH(QString, name);
        FakeInstance fake;
        QVERIFY(fake.listen());
        RepositoryByCloneUrl request(fake.client(), cloneUrl);
        QVERIFY(runToEnd(request));
        QVERIFY(!request.error().isError());
        QCOMPARE(request.name(), name);
        QCOMPARE(variablesOf(graphqlCalls(fake.server, u"ResolveRepoName"_s).constFirst()),
            (QJsonObject {{u"cloneURL"_s, cloneUrl}}));
    }

    void recordedRequest()
    {
        REQUIRE_RECORDING(path, u"25-*-request.json"_s);
        QCOMPARE(RepositoryByCloneUrl::queryText(), readRecordingJson(path)[u"query"_s].toString());
    }

    void nothingToResolve()
    {
        FakeInstance fake;
        QVERIFY(fake.listen());
        RepositoryByCloneUrl request(fake.client(), u" "_s);
        QVERIFY(runToEnd(request));
        QVERIFY(request.name().isEmpty());
        QVERIFY(fake.server.requests().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestRepositoryByCloneUrl)
#include "tst_repositorybycloneurl.moc"
