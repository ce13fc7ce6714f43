// SPDX-License-Identifier: Apache-2.0
#include "cody/sourcegraphclient.h"
#include "context/repositorysuggestions.h"
#include "fakesourcegraph.h"
#include "graphqltestsupport.h"
#include "replyrunner.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace cody;
using namespace cody::test;

namespace {

QStringList namesOf(const QList<RemoteRepository> &repositories)
{
    QStringList names;
    for (const RemoteRepository &repository : repositories)
        names.append(repository.name);
    return names;
}

} // namespace

class TestRepositorySuggestions : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void suggests()
    {
        FakeInstance fake;
        QVERIFY(fake.listen());
        RepositorySuggestions suggestions(fake.client(), u"cody"_s);
        QVERIFY(runToEnd(suggestions));
        QVERIFY(!suggestions.error().isError());
        QCOMPARE(suggestions.repositories().size(), 1);
        const RemoteRepository &cody = suggestions.repositories().constFirst();
        QCOMPARE(cody.id, u"UmVwb3NpdG9yeTozNzI2MQ=="_s);
        QCOMPARE(cody.url, u"/github.com/sourcegraph/cody"_s);
        QCOMPARE(cody.stars, 2911);
        const RecordedRequest call = graphqlCalls(fake.server, u"SuggestionsRepo"_s).constFirst();
        QCOMPARE(variablesOf(call),
            (QJsonObject {{u"query"_s, u"context:global type:repo count:10 repo:cody"_s}}));
        QCOMPARE(queryOf(call), RepositorySuggestions::queryText());
        QVERIFY(queryOf(call).contains(u"search(patternType: regexp, query: $query)"_s));
    }

    // What matches the typed text closer comes first; stars break ties.
    void ranking()
    {
        const QList<RemoteRepository> found {
            {u"1"_s, u"github.com/other/my-cody-fork"_s, {}, 5000},
            {u"2"_s, u"github.com/sourcegraph/cody"_s, {}, 2900},
            {u"3"_s, u"github.com/sourcegraph/cody-docs"_s, {}, 10},
            {u"4"_s, u"github.com/sourcegraph/sourcegraph"_s, {}, 9800},
            {u"5"_s, u"github.com/sourcegraph/code"_s, {}, 1},
        };
        QCOMPARE(namesOf(RepositorySuggestions::ranked(found, u"sourcegraph/cody"_s)),
            (QStringList {u"github.com/sourcegraph/cody"_s, u"github.com/sourcegraph/cody-docs"_s,
                u"github.com/sourcegraph/sourcegraph"_s, u"github.com/other/my-cody-fork"_s,
                u"github.com/sourcegraph/code"_s}));
        // A regular expression is read plainly: ^ $ and \. dropped.
        QCOMPARE(namesOf(RepositorySuggestions::ranked(found, u"^github\\.com/sourcegraph/code$"_s))
                     .constFirst(),
            u"github.com/sourcegraph/code"_s);
        // Nothing typed: by stars.
        QCOMPARE(namesOf(RepositorySuggestions::ranked(found, QString())).constFirst(),
            u"github.com/sourcegraph/sourcegraph"_s);
    }

    void failure()
    {
        FakeInstance fake(failing(u"SuggestionsRepo"_s, u"graphql-error"_s));
        QVERIFY(fake.listen());
        RepositorySuggestions suggestions(fake.client(), u"x"_s);
        QVERIFY(runToEnd(suggestions));
        QCOMPARE(suggestions.error().kind, ErrorKind::Http);
        QVERIFY(suggestions.repositories().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestRepositorySuggestions)
#include "tst_repositorysuggestions.moc"
