// SPDX-License-Identifier: Apache-2.0
// `cody-chat-cli repos`: the instance's repositories from the fake's corpus, and which of them
// the context filters exclude, through the real binary.
#include "clirunner.h"
#include "fakesourcegraph.h"
#include "graphqltestsupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace cody::test;

class TestReposCommand : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void listsTheInstancesRepositories()
    {
        FakeSourcegraph server;
        QVERIFY(server.listen());
        CliRunner cli;
        cli.useServer(server);
        const CliRun all = cli.run({u"repos"_s});
        QVERIFY2(all.exitCode == 0, all.err.constData());
        QStringList names = all.outText().split(u'\n', Qt::SkipEmptyParts);
        names.sort();
        QCOMPARE(names,
            QStringList({u"github.com/acme/lang-example"_s, u"github.com/sourcegraph/cody"_s,
                u"github.com/sourcegraph/sourcegraph"_s,
                u"gitlab.example.com/platform/billing"_s}));
        const CliRun some = cli.run({u"repos"_s, u"sourcegraph/co"_s});
        QVERIFY2(some.exitCode == 0, some.err.constData());
        QCOMPARE(some.outText(), u"github.com/sourcegraph/cody\n"_s);
        const CliRun none = cli.run({u"repos"_s, u"no-such-repository"_s});
        QCOMPARE(none.exitCode, 0);
        QCOMPARE(none.outText(), u"No repository matches.\n"_s);
        const CliRun first = cli.run({u"repos"_s, u"--limit"_s, u"1"_s});
        QCOMPARE(first.outText().count(u'\n'), 1);
        QVERIFY2(first.errText().contains(u"--limit"_s), first.err.constData());
    }

    void saysWhichTheFiltersExclude()
    {
        FakeSourcegraph server(excludingLangExample());
        QVERIFY(server.listen());
        CliRunner cli;
        cli.useServer(server);
        const CliRun text = cli.run({u"repos"_s, u"example"_s});
        QVERIFY2(text.exitCode == 0, text.err.constData());
        QVERIFY2(text.outText().startsWith(u"github.com/acme/lang-example  (excluded: "_s),
            text.out.constData());
        QVERIFY(text.outText().contains(u"\ngitlab.example.com/platform/billing\n"_s));

        const CliRun json = cli.run({u"repos"_s, u"--json"_s});
        QVERIFY2(json.exitCode == 0, json.err.constData());
        const QJsonArray repositories
            = QJsonDocument::fromJson(json.out).object().value(u"repositories"_s).toArray();
        QCOMPARE(repositories.size(), 4);
        for (const QJsonValue &entry : repositories) {
            const bool excluded = entry[u"name"_s].toString() == u"github.com/acme/lang-example";
            QCOMPARE(entry[u"excluded"_s].toBool(), excluded);
            QCOMPARE(entry[u"reason"_s].toString().isEmpty(), !excluded);
            QVERIFY(!entry[u"id"_s].toString().isEmpty());
        }
    }

    // Filters that cannot be read exclude everything, as Cody does, and say why.
    void unreadableFiltersExcludeEverything()
    {
        FakeSourcegraph::Options options;
        options.contextFilters = FakeSourcegraph::Options::ContextFiltersAnswer::Error;
        FakeSourcegraph server(options);
        QVERIFY(server.listen());
        CliRunner cli;
        cli.useServer(server);
        const CliRun run = cli.run({u"repos"_s, u"--json"_s});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        const QJsonArray repositories
            = QJsonDocument::fromJson(run.out).object().value(u"repositories"_s).toArray();
        QCOMPARE(repositories.size(), 4);
        for (const QJsonValue &entry : repositories)
            QVERIFY(entry[u"excluded"_s].toBool());
    }

    void failuresSayWhat()
    {
        CliRunner cli;
        const CliRun badLimit = cli.run({u"repos"_s, u"--limit"_s, u"0"_s});
        QCOMPARE(badLimit.exitCode, 2);
        QVERIFY2(badLimit.errText().contains(u"--limit"_s), badLimit.err.constData());

        FakeSourcegraph::Options options;
        options.graphqlFaults.insert(u"Repositories"_s, u"http-500"_s);
        FakeSourcegraph server(options);
        QVERIFY(server.listen());
        cli.useServer(server);
        const CliRun failed = cli.run({u"repos"_s});
        QCOMPARE(failed.exitCode, 5);
        QVERIFY2(failed.errText().contains(u"could not list the repositories"_s),
            failed.err.constData());
    }
};

QTEST_GUILESS_MAIN(TestReposCommand)
#include "tst_reposcommand.moc"
