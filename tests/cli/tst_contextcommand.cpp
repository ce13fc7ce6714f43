// SPDX-License-Identifier: Apache-2.0
// `cody-chat-cli context QUERY --repo NAME`: what retrieval returns from the fake's corpus,
// through the real binary, and exit 2 naming a repository that cannot be used.
#include "clirunner.h"
#include "fakesourcegraph.h"
#include "graphqltestsupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace cody::test;

class TestContextCommand : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void showsWhatRetrievalReturns()
    {
        FakeSourcegraph server;
        QVERIFY(server.listen());
        CliRunner cli;
        cli.useServer(server);
        const CliRun text = cli.run({u"context"_s, u"what is squirrel?"_s, u"--repo"_s,
            u"github.com/sourcegraph/sourcegraph"_s});
        QVERIFY2(text.exitCode == 0, text.err.constData());
        QVERIFY2(text.outText().startsWith(u"Searched for: squirrel\n"_s), text.out.constData());
        QVERIFY(text.outText().contains(
            u"\n== github.com/sourcegraph/sourcegraph/cmd/symbols/squirrel/"_s));
        QVERIFY(text.outText().contains(u"package squirrel"_s));

        const CliRun json = cli.run({u"context"_s, u"what is squirrel?"_s, u"--repo"_s,
            u"github.com/sourcegraph/sourcegraph"_s, u"--no-rewrite"_s, u"--json"_s});
        QVERIFY2(json.exitCode == 0, json.err.constData());
        const QJsonObject out = QJsonDocument::fromJson(json.out).object();
        QCOMPARE(out[u"query"_s].toString(), u"what is squirrel?"_s);
        const QJsonArray items = out[u"items"_s].toArray();
        QVERIFY(!items.isEmpty());
        for (const QJsonValue &item : items) {
            QCOMPARE(item[u"kind"_s].toString(), u"file"_s);
            QCOMPARE(item[u"source"_s].toString(), u"retrieved"_s);
            QCOMPARE(item[u"repo"_s].toString(), u"github.com/sourcegraph/sourcegraph"_s);
            QVERIFY(item[u"startLine"_s].toInt() >= 1);
            QVERIFY(!item[u"content"_s].toString().isEmpty());
        }
    }

    void aRepositoryThatCannotBeUsedIsNamed()
    {
        FakeSourcegraph server(excludingLangExample());
        QVERIFY(server.listen());
        CliRunner cli;
        cli.useServer(server);
        const CliRun missing
            = cli.run({u"context"_s, u"x"_s, u"--repo"_s, u"github.com/nope/nope"_s});
        QCOMPARE(missing.exitCode, 2);
        QVERIFY2(missing.errText().contains(u"--repo github.com/nope/nope: "_s),
            missing.err.constData());
        QVERIFY(missing.out.isEmpty());
        const CliRun excluded
            = cli.run({u"context"_s, u"main"_s, u"--repo"_s, u"github.com/acme/lang-example"_s});
        QCOMPARE(excluded.exitCode, 2);
        QVERIFY2(excluded.errText().contains(u"--repo github.com/acme/lang-example: "_s),
            excluded.err.constData());
        QVERIFY(excluded.out.isEmpty());
        // Nothing was asked of getCodyContext for them.
        for (const auto &request : server.requests())
            QVERIFY(!request.body.contains("getCodyContext"));
    }

    void usage()
    {
        CliRunner cli;
        QCOMPARE(cli.run({u"context"_s, u"no repository given"_s}).exitCode, 2);
        QCOMPARE(cli.run({u"context"_s, u"--repo"_s, u"github.com/o/r"_s}).exitCode, 2);
    }
};

QTEST_GUILESS_MAIN(TestContextCommand)
#include "tst_contextcommand.moc"
