// SPDX-License-Identifier: Apache-2.0
// `cody-chat-cli chat --repo NAME --remote-file REPO:PATH[:START-END]` through the real binary and
// the fake instance: the request carries Cody's context messages, `--json` reports every item's
// fate, the history keeps them, and a mention that cannot be used exits 2 before anything is sent.
#include "clirunner.h"
#include "fakesourcegraph.h"
#include "graphqltestsupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace cody::test;

namespace {

QString sentText(const FakeSourcegraph &server)
{
    QString text;
    const QJsonArray messages
        = server.streamRequests().constLast().json().value(u"messages"_s).toArray();
    for (const QJsonValue &message : messages)
        text += message[u"text"_s].toString() + u"\n---\n"_s;
    return text;
}

} // namespace

class TestChatContext : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void repositoryAndFileRange()
    {
        FakeSourcegraph server;
        QVERIFY(server.listen());
        CliRunner cli;
        cli.useServer(server);
        const CliRun run = cli.run({u"chat"_s, u"-m"_s, u"fake::v1::normal"_s, u"--json"_s,
            u"--no-rewrite"_s, u"--repo"_s, u"github.com/sourcegraph/sourcegraph"_s,
            u"--remote-file"_s, u"github.com/sourcegraph/cody:vscode/src/chat/context.ts:3-6"_s,
            u"how does squirrel find symbols"_s});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QCOMPARE(server.streamRequests().size(), 1);
        const QString sent = sentText(server);
        QVERIFY2(sent.contains(u"Codebase context from file /vscode/src/chat/context.ts"_s),
            qPrintable(sent));
        QVERIFY(sent.contains(u"Codebase context from file /cmd/symbols/squirrel/"_s));

        const QJsonObject out = QJsonDocument::fromJson(run.out).object();
        const QJsonArray context = out[u"context"_s].toArray();
        QVERIFY(context.size() > 2);
        const QJsonObject repository = context.at(0).toObject();
        QCOMPARE(repository[u"kind"_s].toString(), u"repository"_s);
        QCOMPARE(repository[u"repo"_s].toString(), u"github.com/sourcegraph/sourcegraph"_s);
        QCOMPARE(repository[u"sent"_s].toBool(), true);
        QVERIFY(repository[u"reason"_s].isNull());
        const QJsonObject range = context.at(1).toObject();
        QCOMPARE(range[u"kind"_s].toString(), u"file"_s);
        QCOMPARE(range[u"source"_s].toString(), u"user"_s);
        QCOMPARE(range[u"path"_s].toString(), u"vscode/src/chat/context.ts"_s);
        QCOMPARE(range[u"startLine"_s].toInt(), 3);
        QCOMPARE(range[u"endLine"_s].toInt(), 6);
        QVERIFY(range[u"tokens"_s].toInt() > 0);
        QCOMPARE(range[u"sent"_s].toBool(), true);
        for (qsizetype i = 2; i < context.size(); ++i)
            QCOMPARE(context.at(i)[u"source"_s].toString(), u"retrieved"_s);

        // The history keeps them, and shows them.
        const CliRun list = cli.run({u"history"_s, u"list"_s, u"--json"_s});
        const QJsonArray conversations = QJsonDocument::fromJson(list.out).array();
        QCOMPARE(conversations.size(), 1);
        const CliRun show = cli.run(
            {u"history"_s, u"show"_s, QString::number(conversations.at(0)[u"id"_s].toInteger())});
        QVERIFY2(show.exitCode == 0, show.err.constData());
        QVERIFY2(show.outText().contains(u"vscode/src/chat/context.ts"_s), show.out.constData());
    }

    // Cody rewrites the question into keywords with a fast model first; CODY_CONTEXT_REWRITE and
    // --no-rewrite turn that off, and then only the chat itself reaches the completions API.
    void theKeywordRewriteIsASetting()
    {
        FakeSourcegraph server;
        QVERIFY(server.listen());
        CliRunner cli;
        cli.useServer(server);
        const QStringList chat {u"chat"_s, u"-m"_s, u"fake::v1::normal"_s, u"--repo"_s,
            u"github.com/sourcegraph/sourcegraph"_s, u"how does squirrel find symbols"_s};
        QCOMPARE(cli.run(chat).exitCode, 0);
        QCOMPARE(server.streamRequests().size(), 2); // the rewrite, then the chat
        cli.environment().insert(u"CODY_CONTEXT_REWRITE"_s, u"false"_s);
        QCOMPARE(cli.run(chat).exitCode, 0);
        QCOMPARE(server.streamRequests().size(), 3);
        cli.environment().remove(u"CODY_CONTEXT_REWRITE"_s);
        QCOMPARE(cli.run(chat + QStringList {u"--no-rewrite"_s}).exitCode, 0);
        QCOMPARE(server.streamRequests().size(), 4);
    }

    void withoutContextTheJsonHasNone()
    {
        FakeSourcegraph server;
        QVERIFY(server.listen());
        CliRunner cli;
        cli.useServer(server);
        const CliRun run
            = cli.run({u"chat"_s, u"-m"_s, u"fake::v1::normal"_s, u"--json"_s, u"hello"_s});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QVERIFY(!QJsonDocument::fromJson(run.out).object().contains(u"context"_s));
    }

    void aMentionThatCannotBeUsedExits2BeforeSending_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("named");
        QTest::newRow("no such repository") << QStringList {u"--repo"_s, u"github.com/nope/nope"_s}
                                            << u"--repo github.com/nope/nope: "_s;
        QTest::newRow("excluded repository")
            << QStringList {u"--repo"_s, u"github.com/acme/lang-example"_s}
            << u"--repo github.com/acme/lang-example: "_s;
        QTest::newRow("excluded file")
            << QStringList {u"--remote-file"_s, u"github.com/acme/lang-example:src/main.py"_s}
            << u"--remote-file github.com/acme/lang-example:src/main.py: "_s;
        QTest::newRow("no such file")
            << QStringList {u"--remote-file"_s, u"github.com/sourcegraph/cody:no/such.ts:1-2"_s}
            << u"--remote-file github.com/sourcegraph/cody:no/such.ts:1-2: "_s;
    }

    void aMentionThatCannotBeUsedExits2BeforeSending()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, named);
        FakeSourcegraph server(excludingLangExample());
        QVERIFY(server.listen());
        CliRunner cli;
        cli.useServer(server);
        const CliRun run = cli.run(QStringList {u"chat"_s, u"-m"_s, u"fake::v1::normal"_s}
            + arguments + QStringList {u"what is this"_s});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.errText().contains(named), run.err.constData());
        QCOMPARE(run.errText().count(u'\n'), 1); // one line
        QVERIFY(run.out.isEmpty());
        QCOMPARE(server.streamRequests().size(), 0);
        // Nothing was recorded either.
        const CliRun list = cli.run({u"history"_s, u"list"_s, u"--json"_s});
        QCOMPARE(QJsonDocument::fromJson(list.out).array().size(), 0);
    }

    void badArguments_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::newRow("no path") << QStringList {u"--remote-file"_s, u"github.com/o/r"_s};
        QTest::newRow("empty path") << QStringList {u"--remote-file"_s, u"github.com/o/r:"_s};
        QTest::newRow("line 0") << QStringList {u"--remote-file"_s, u"github.com/o/r:a.go:0-3"_s};
        QTest::newRow("backwards")
            << QStringList {u"--remote-file"_s, u"github.com/o/r:a.go:9-3"_s};
        QTest::newRow("empty repository") << QStringList {u"--repo"_s, u" "_s};
    }

    void badArguments()
    {
        QFETCH(QStringList, arguments);
        FakeSourcegraph server;
        QVERIFY(server.listen());
        CliRunner cli;
        cli.useServer(server);
        const CliRun run
            = cli.run(QStringList {u"chat"_s} + arguments + QStringList {u"question"_s});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.errText().contains(u"--remote-file"_s) || run.errText().contains(u"--repo"_s),
            run.err.constData());
        QVERIFY(server.requests().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestChatContext)
#include "tst_chatcontext.moc"
