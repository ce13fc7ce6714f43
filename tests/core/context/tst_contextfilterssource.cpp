// SPDX-License-Identifier: Apache-2.0
#include "cody/sourcegraphclient.h"
#include "context/contextfilterssource.h"
#include "fakesourcegraph.h"
#include "graphqltestsupport.h"
#include "replyrunner.h"

#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace cody;
using namespace cody::test;
using namespace std::chrono_literals;
using Answer = FakeSourcegraph::Options::ContextFiltersAnswer;

namespace {

const QString LangExample = u"github.com/acme/lang-example"_s;
const QString Cody = u"github.com/sourcegraph/cody"_s;

} // namespace

class TestContextFiltersSource : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void nothingIsAllowedBeforeTheFirstAnswer()
    {
        FakeInstance fake;
        QVERIFY(fake.listen());
        ContextFiltersSource source(fake.client());
        QVERIFY(!source.isLoaded());
        QString why;
        QVERIFY(!source.isRepositoryAllowed(Cody, &why));
        QVERIFY2(why.contains(u"not been read yet"_s), qPrintable(why));
        QCOMPARE(source.nextFetchIn(), -1ms);
    }

    // A failure excludes everything and asks again in 7 s; the site's answer then holds for
    // an hour, and changed() says when the filters became different.
    void keepsTheFiltersCurrent()
    {
        FakeSourcegraph::Options options;
        options.productVersion = u"5.5.0"_s;
        options.contextFilters = Answer::Error;
        FakeInstance fake(options);
        QVERIFY(fake.listen());
        ContextFiltersSource source(fake.client());
        QSignalSpy fetched(&source, &ContextFiltersSource::fetched);
        QSignalSpy changed(&source, &ContextFiltersSource::changed);

        source.start();
        QVERIFY(fetched.wait());
        QVERIFY(source.isLoaded());
        QVERIFY(source.lastError().isError());
        QVERIFY(source.filters().excludesEverything());
        QCOMPARE(source.refetchDelay(), 7s);
        QVERIFY(source.nextFetchIn() > 6s);
        QCOMPARE(changed.size(), 1); // "not read yet" became "could not be read"

        fake.server.setContextFilters(
            Answer::Raw, R"({"exclude":[{"repoNamePattern":"lang-example"}]})");
        source.start();
        QVERIFY(fetched.wait());
        QVERIFY(!source.lastError().isError());
        QVERIFY(!source.isRepositoryAllowed(LangExample));
        QVERIFY(source.isRepositoryAllowed(Cody));
        QCOMPARE(source.refetchDelay(), 1h);
        QVERIFY(source.nextFetchIn() > 59min);
        QCOMPARE(changed.size(), 2);

        source.start();
        QVERIFY(fetched.wait());
        QCOMPARE(changed.size(), 2); // the same filters again
        QCOMPARE(graphqlCalls(fake.server, u"ContextFilters"_s).size(), 3);
        QCOMPARE(graphqlCalls(fake.server, u"SiteProductVersion"_s).size(), 1);
    }

    void oneFetchAtATime()
    {
        FakeInstance fake(failing(u"ContextFilters"_s, u"stall"_s));
        QVERIFY(fake.listen());
        auto *source = new ContextFiltersSource(fake.client());
        source->start();
        source->start();
        QTRY_COMPARE(graphqlCalls(fake.server, u"ContextFilters"_s).size(), 1);
        // A second fetch would have asked for the version at the same time as the first.
        QCOMPARE(graphqlCalls(fake.server, u"SiteProductVersion"_s).size(), 1);
        QSignalSpy destroyed(source, &QObject::destroyed);
        delete source; // with a fetch in flight: nothing may reach the deleted source
        QCOMPARE(destroyed.size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestContextFiltersSource)
#include "tst_contextfilterssource.moc"
