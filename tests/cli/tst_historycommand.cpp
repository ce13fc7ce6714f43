// SPDX-License-Identifier: Apache-2.0
// `chat` recording its conversations and `history` reading them back, through the real binary.
#include "clirunner.h"
#include "contextsamples.h"
#include "exportjson.h"
#include "fakesourcegraph.h"
#include "history/conversationstore.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QScopeGuard>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTest>

#include <csignal>
#include <sys/stat.h>

using namespace Qt::StringLiterals;
using namespace cody::test;

class TestHistoryCommand : public QObject
{
    Q_OBJECT

private:
    static QJsonArray listJson(CliRunner &cli)
    {
        const CliRun run = cli.run({u"history"_s, u"list"_s, u"--json"_s});
        if (run.exitCode != 0)
            qWarning("history list failed: %s", run.err.constData());
        return QJsonDocument::fromJson(run.out).array();
    }

    // A conversation whose prompt went with context, written through the store into the file
    // the CLI reads (the chat command's context flags are not needed for that): its id.
    static qint64 recordWithContext(const QString &historyPath)
    {
        cody::ConversationStore store;
        QString error;
        if (!store.open(historyPath, &error))
            qWarning("cannot open the history: %s", qPrintable(error));
        cody::StoredConversation conversation;
        conversation.title = u"Squirrel"_s;
        const qint64 id = store.createConversation(conversation, &error);
        cody::StoredMessage prompt;
        prompt.conversationId = id;
        prompt.text = u"What is squirrel?"_s;
        prompt.context
            = {mentionedRepository(), sentChunk(u"package squirrel // wombatish"_s), leftOutFile()};
        cody::StoredMessage reply;
        reply.conversationId = id;
        reply.speaker = cody::ChatMessage::Speaker::Assistant;
        reply.text = u"A symbol service."_s;
        reply.model = u"fake::v1::normal"_s;
        if (!store.appendMessage(prompt, &error) || !store.appendMessage(reply, &error))
            qWarning("cannot record: %s", qPrintable(error));
        return id;
    }

private Q_SLOTS:
    // `history show` lists what each prompt was sent with and what was left out, never the
    // chunks; --json and the exports carry the items, --json and JSON with their contents.
    void showListsTheContext()
    {
        CliRunner cli;
        const QString id = QString::number(recordWithContext(cli.historyPath()));
        const CliRun show = cli.run({u"history"_s, u"show"_s, id});
        QVERIFY2(show.exitCode == 0, show.err.constData());
        const QString context
            = u"What is squirrel?\n"
              u"\n**Context:** 1 mentioned, 1 sent (312 tokens), 1 left out\n\n"
              u"- mentioned: repository `github.com/sourcegraph/sourcegraph`\n"
              u"- sent: [`cmd/symbols/squirrel/service.go`](https://sourcegraph.example.com/"
              u"github.com/sourcegraph/sourcegraph/-/blob/cmd/symbols/squirrel/service.go?L1-20) "
              u"lines 1-20 in `github.com/sourcegraph/sourcegraph`, 312 tokens, retrieved\n"
              u"- left out: local file `/home/me/big.log`, 9000 tokens — over the token budget\n"
              u"\n## Cody (fake::v1::normal)\n"_s;
        QVERIFY2(show.outText().contains(context), qPrintable(show.outText()));
        QVERIFY(!show.outText().contains(u"wombatish"_s));
        const CliRun markdown = cli.run({u"history"_s, u"export"_s, id, u"--format"_s, u"md"_s});
        QVERIFY2(markdown.outText().contains(context.section(u'\n', 1, 6)),
            qPrintable(markdown.outText()));

        const CliRun json = cli.run({u"history"_s, u"show"_s, id, u"--json"_s});
        QCOMPARE(json.exitCode, 0);
        const QJsonArray messages = exportedMessages(json.out);
        const QJsonArray items = messages.at(0).toObject().value(u"context"_s).toArray();
        QCOMPARE(items.size(), 3);
        QCOMPARE(items.at(1).toObject().value(u"path"_s).toString(),
            u"cmd/symbols/squirrel/service.go"_s);
        QCOMPARE(items.at(1).toObject().value(u"tokens"_s).toInt(), 312);
        QCOMPARE(items.at(1).toObject().value(u"content"_s).toString(),
            u"package squirrel // wombatish"_s);
        QCOMPARE(items.at(2).toObject().value(u"reason"_s).toString(), u"over the token budget"_s);
        QCOMPARE(messages.at(1).toObject().value(u"context"_s).toArray().size(), 0);
        // A word only in a chunk finds nothing.
        QCOMPARE(QJsonDocument::fromJson(
                     cli.run({u"history"_s, u"search"_s, u"wombatish"_s, u"--json"_s}).out)
                     .array()
                     .size(),
            0);

        // Imported elsewhere, the conversation shows the same.
        const QString file = cli.homePath() + u"/export.json"_s;
        QFile out(file);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(cli.run({u"history"_s, u"export"_s, id, u"--format"_s, u"json"_s}).out);
        out.close();
        CliRunner other;
        const CliRun imported = other.run({u"history"_s, u"import"_s, file});
        QVERIFY2(imported.exitCode == 0, imported.err.constData());
        const QString newId = imported.outText().trimmed().section(u' ', -1);
        QCOMPARE(other.run({u"history"_s, u"show"_s, newId}).outText(), show.outText());
    }

    // An item damaged by hand is said to be unreadable; the message and the others are shown.
    void showSaysWhatCouldNotBeRead()
    {
        CliRunner cli;
        const QString id = QString::number(recordWithContext(cli.historyPath()));
        QSqlDatabase::addDatabase(u"QSQLITE"_s, u"edit"_s).setDatabaseName(cli.historyPath());
        {
            QSqlQuery q(QSqlDatabase::database(u"edit"_s));
            QVERIFY(q.exec(u"UPDATE message_context SET item = '{oops' WHERE position = 2"_s));
            QCOMPARE(q.numRowsAffected(), 1);
        }
        QSqlDatabase::removeDatabase(u"edit"_s);
        const CliRun show = cli.run({u"history"_s, u"show"_s, id});
        QVERIFY2(show.exitCode == 0, show.err.constData());
        QVERIFY(show.outText().contains(u"What is squirrel?"_s));
        QVERIFY(show.outText().contains(u"A symbol service."_s));
        QVERIFY2(show.outText().contains(
                     u"**Context:** 1 mentioned, 1 sent (312 tokens), 1 unreadable\n"_s),
            qPrintable(show.outText()));
        QVERIFY(
            show.outText().contains(u"- 1 context item could not be read from the history\n"_s));
        QVERIFY(!show.outText().contains(u"big.log"_s));
    }

    // Conversations and settings are the user's alone after a first run under any umask, and an
    // older installation (0755 / 0644) is tightened, with a note, the next time.
    void filesArePrivate_data()
    {
        QTest::addColumn<int>("umask");
        QTest::newRow("umask 022") << 022;
        QTest::newRow("umask 000") << 000;
    }

    void filesArePrivate()
    {
        QFETCH(int, umask);
        const mode_t previous = ::umask(mode_t(umask)); // the child inherits it
        const auto restore = qScopeGuard([previous] { ::umask(previous); });
        FakeSourcegraph server;
        QVERIFY(server.listen());
        CliRunner cli;
        cli.useServer(server);
        const CliRun first = cli.run({u"chat"_s, u"-m"_s, u"cody-opus"_s, u"a secret"_s});
        QVERIFY2(first.exitCode == 0, first.err.constData());
        const auto mode = [](const QString &path) {
            struct stat info = {};
            return ::stat(QFile::encodeName(path).constData(), &info) == 0
                ? QString::number(info.st_mode & 0777, 8)
                : u"missing: "_s + path;
        };
        const QString settingsDir = QFileInfo(cli.settingsPath()).absolutePath();
        const QString dataDir = QFileInfo(cli.historyPath()).absolutePath();
        QCOMPARE(mode(settingsDir), u"700"_s);
        QCOMPARE(mode(cli.settingsPath()), u"600"_s);
        QCOMPARE(mode(dataDir), u"700"_s);
        QCOMPARE(mode(cli.historyPath()), u"600"_s);
        QVERIFY2(!first.errText().contains(u"readable by other users"_s), first.err.constData());

        for (const QString &path : {settingsDir, dataDir})
            QVERIFY(::chmod(QFile::encodeName(path).constData(), 0755) == 0);
        for (const QString &path : {cli.settingsPath(), cli.historyPath()})
            QVERIFY(::chmod(QFile::encodeName(path).constData(), 0644) == 0);
        const CliRun second = cli.run({u"history"_s, u"list"_s});
        QVERIFY2(second.exitCode == 0, second.err.constData());
        QCOMPARE(mode(settingsDir), u"700"_s);
        QCOMPARE(mode(cli.settingsPath()), u"600"_s);
        QCOMPARE(mode(dataDir), u"700"_s);
        QCOMPARE(mode(cli.historyPath()), u"600"_s);
        QVERIFY2(second.errText().contains(u"readable by other users"_s), second.err.constData());
        QVERIFY2(second.errText().contains(cli.historyPath()), second.err.constData());
        QVERIFY2(second.errText().contains(cli.settingsPath()), second.err.constData());

        // Only the database open to others (a copy restored from a backup): that one line.
        QVERIFY(::chmod(QFile::encodeName(cli.historyPath()).constData(), 0644) == 0);
        const CliRun third = cli.run({u"history"_s, u"list"_s});
        QVERIFY2(third.exitCode == 0, third.err.constData());
        QCOMPARE(mode(cli.historyPath()), u"600"_s);
        QCOMPARE(third.errText().count(u"readable by other users"_s), 1);
        QVERIFY2(third.errText().contains(cli.historyPath() + u" was readable"_s),
            third.err.constData());

        // Once tightened, nothing more is said.
        const CliRun fourth = cli.run({u"history"_s, u"list"_s});
        QVERIFY2(!fourth.errText().contains(u"readable by other users"_s), fourth.err.constData());
    }

    void chatIsRecordedAndShown()
    {
        FakeSourcegraph server;
        QVERIFY(server.listen());
        CliRunner cli;
        cli.useServer(server);
        QCOMPARE(
            cli.run({u"chat"_s, u"-m"_s, u"fake::v1::normal"_s, u"What is a zebra?"_s}).exitCode,
            0);

        const QJsonArray conversations = listJson(cli);
        QCOMPARE(conversations.size(), 1);
        const QJsonObject conversation = conversations.first().toObject();
        QCOMPARE(conversation.value(u"title"_s).toString(), u"What is a zebra?"_s);
        const QString id = QString::number(conversation.value(u"id"_s).toInteger());

        const CliRun show = cli.run({u"history"_s, u"show"_s, id});
        QCOMPARE(show.exitCode, 0);
        QVERIFY(show.outText().contains(u"What is a zebra?"_s));
        QVERIFY(show.outText().contains(
            u"Hello from the fake Sourcegraph! You said: What is a zebra?"_s));

        const CliRun markdown = cli.run({u"history"_s, u"export"_s, id, u"--format"_s, u"md"_s});
        QCOMPARE(markdown.exitCode, 0);
        QVERIFY(markdown.outText().startsWith(u"# What is a zebra?"_s));
        const CliRun json = cli.run({u"history"_s, u"export"_s, id, u"--format"_s, u"json"_s});
        QCOMPARE(json.exitCode, 0);
        QVERIFY(QJsonDocument::fromJson(json.out).isObject());
    }

    void continueSendsTheEarlierTurns()
    {
        FakeSourcegraph server;
        QVERIFY(server.listen());
        CliRunner cli;
        cli.useServer(server);
        QCOMPARE(cli.run({u"chat"_s, u"-m"_s, u"fake::v1::normal"_s, u"first"_s}).exitCode, 0);
        QCOMPARE(
            cli.run({u"chat"_s, u"-m"_s, u"fake::v1::normal"_s, u"-c"_s, u"second"_s}).exitCode, 0);
        const QJsonArray messages
            = server.streamRequests().constLast().json().value(u"messages"_s).toArray();
        QCOMPARE(messages.size(), 3);
        QCOMPARE(messages.at(0).toObject().value(u"text"_s).toString(), u"first"_s);
        QCOMPARE(messages.at(2).toObject().value(u"text"_s).toString(), u"second"_s);
        QCOMPARE(listJson(cli).size(), 1);

        const QString id
            = QString::number(listJson(cli).first().toObject().value(u"id"_s).toInteger());
        QCOMPARE(cli.run({u"chat"_s, u"-m"_s, u"fake::v1::normal"_s, u"--cid"_s, id, u"third"_s})
                     .exitCode,
            0);
        QCOMPARE(
            server.streamRequests().constLast().json().value(u"messages"_s).toArray().size(), 5);
        QCOMPARE(cli.run({u"chat"_s, u"--cid"_s, u"9999"_s, u"x"_s}).exitCode, 2);
    }

    // A conversation keeps the system prompt it was started with; a --system given when
    // continuing replaces it (the API takes one system message, first).
    void continuedConversationKeepsItsSystemPrompt()
    {
        FakeSourcegraph server;
        QVERIFY(server.listen());
        CliRunner cli;
        cli.useServer(server);
        const auto firstMessage = [&server] {
            return server.streamRequests()
                .constLast()
                .json()
                .value(u"messages"_s)
                .toArray()
                .at(0)
                .toObject();
        };
        QCOMPARE(cli.run({u"chat"_s, u"-m"_s, u"fake::v1::normal"_s, u"--system"_s,
                             u"Answer in German."_s, u"first"_s})
                     .exitCode,
            0);
        QCOMPARE(
            cli.run({u"chat"_s, u"-m"_s, u"fake::v1::normal"_s, u"-c"_s, u"second"_s}).exitCode, 0);
        QCOMPARE(firstMessage().value(u"speaker"_s).toString(), u"system"_s);
        QCOMPARE(firstMessage().value(u"text"_s).toString(), u"Answer in German."_s);
        QCOMPARE(
            server.streamRequests().constLast().json().value(u"messages"_s).toArray().size(), 4);

        QCOMPARE(cli.run({u"chat"_s, u"-m"_s, u"fake::v1::normal"_s, u"-c"_s, u"--system"_s,
                             u"Answer in French."_s, u"third"_s})
                     .exitCode,
            0);
        const QJsonArray sent
            = server.streamRequests().constLast().json().value(u"messages"_s).toArray();
        QCOMPARE(sent.at(0).toObject().value(u"text"_s).toString(), u"Answer in French."_s);
        QCOMPARE(sent.at(1).toObject().value(u"speaker"_s).toString(), u"human"_s);
        QCOMPARE(sent.size(), 6);
    }

    void noHistoryRecordsNothing()
    {
        FakeSourcegraph server;
        QVERIFY(server.listen());
        CliRunner cli;
        cli.useServer(server);
        QCOMPARE(
            cli.run({u"chat"_s, u"--no-history"_s, u"-m"_s, u"fake::v1::normal"_s, u"secret"_s})
                .exitCode,
            0);
        QCOMPARE(listJson(cli).size(), 0);
        QCOMPARE(cli.run({u"chat"_s, u"-c"_s, u"hi"_s}).exitCode, 2); // nothing to continue
    }

    void searchFindsAnyWord()
    {
        FakeSourcegraph server;
        QVERIFY(server.listen());
        CliRunner cli;
        cli.useServer(server);
        QCOMPARE(cli.run({u"chat"_s, u"-m"_s, u"fake::v1::normal"_s, u"tell me about aardvarks"_s})
                     .exitCode,
            0);
        QCOMPARE(
            cli.run({u"chat"_s, u"-m"_s, u"fake::v1::normal"_s, u"and about otters"_s}).exitCode,
            0);
        const CliRun run = cli.run({u"history"_s, u"search"_s, u"aardvarks"_s, u"--json"_s});
        QCOMPARE(run.exitCode, 0);
        const QJsonArray hits = QJsonDocument::fromJson(run.out).array();
        QCOMPARE(hits.size(), 1);
        QVERIFY(
            hits.first().toObject().value(u"snippet"_s).toString().contains(u"[[aardvarks]]"_s));
        // Words from the reply are indexed too, and hostile input is just text.
        QCOMPARE(QJsonDocument::fromJson(
                     cli.run({u"history"_s, u"search"_s, u"Sourcegraph"_s, u"--json"_s}).out)
                     .array()
                     .size(),
            2);
        QCOMPARE(cli.run({u"history"_s, u"search"_s, u"\"unbalanced -x:y*"_s}).exitCode, 0);
    }

    void deleteRemoves()
    {
        FakeSourcegraph server;
        QVERIFY(server.listen());
        CliRunner cli;
        cli.useServer(server);
        QCOMPARE(cli.run({u"chat"_s, u"-m"_s, u"fake::v1::normal"_s, u"bye"_s}).exitCode, 0);
        const QString id
            = QString::number(listJson(cli).first().toObject().value(u"id"_s).toInteger());
        QCOMPARE(cli.run({u"history"_s, u"delete"_s, id}).exitCode, 0);
        QCOMPARE(listJson(cli).size(), 0);
        QCOMPARE(cli.run({u"history"_s, u"show"_s, id}).exitCode, 2);
    }

    // An interrupted reply keeps what arrived, marked partial.
    void interruptedReplyIsKeptAsPartial()
    {
        FakeSourcegraph server;
        QVERIFY(server.listen());
        CliRunner cli;
        cli.useServer(server);
        bool sent = false;
        const CliRun run = cli.run({u"chat"_s, u"-m"_s, u"fake::v1::stall"_s, u"hi"_s}, {}, 30'000,
            [&](QProcess &process) {
                if (!std::exchange(sent, true))
                    ::kill(pid_t(process.processId()), SIGINT);
            });
        QCOMPARE(run.exitCode, 130);
        const QString id
            = QString::number(listJson(cli).first().toObject().value(u"id"_s).toInteger());
        const CliRun show = cli.run({u"history"_s, u"show"_s, id});
        QVERIFY(show.outText().contains(u"Hello"_s));
        QVERIFY2(show.outText().contains(u"[partial"_s), qPrintable(show.outText()));
    }

    // What `export --format json` (or the app's History menu) wrote comes back whole.
    void importAddsWhatExportWrote()
    {
        FakeSourcegraph server;
        QVERIFY(server.listen());
        CliRunner source;
        source.useServer(server);
        QCOMPARE(
            source.run({u"chat"_s, u"-m"_s, u"fake::v1::normal"_s, u"What is a zebra?"_s}).exitCode,
            0);
        const QString id
            = QString::number(listJson(source).first().toObject().value(u"id"_s).toInteger());
        const CliRun exported
            = source.run({u"history"_s, u"export"_s, id, u"--format"_s, u"json"_s});
        QCOMPARE(exported.exitCode, 0);
        const QString file = source.homePath() + u"/export.json"_s;
        QFile out(file);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(exported.out);
        out.close();

        CliRunner target;
        const CliRun imported = target.run({u"history"_s, u"import"_s, file});
        QVERIFY2(imported.exitCode == 0, imported.err.constData());
        QVERIFY2(imported.outText().startsWith(u"Imported 1 conversation: "_s),
            qPrintable(imported.outText()));
        const QJsonArray conversations = listJson(target);
        QCOMPARE(conversations.size(), 1);
        const QString newId
            = QString::number(conversations.first().toObject().value(u"id"_s).toInteger());
        QVERIFY(imported.outText().trimmed().endsWith(newId));
        const CliRun original = source.run({u"history"_s, u"show"_s, id});
        const CliRun copy = target.run({u"history"_s, u"show"_s, newId});
        QCOMPARE(copy.exitCode, 0);
        QCOMPARE(copy.outText(), original.outText());

        // Again, from standard input: a second copy, not a merge.
        const CliRun piped = target.run({u"history"_s, u"import"_s, u"-"_s}, exported.out);
        QVERIFY2(piped.exitCode == 0, piped.err.constData());
        QCOMPARE(listJson(target).size(), 2);
    }

    // One bad conversation in a file imports none of them; a wrong or unreadable file is said
    // so, and the history keeps what it had.
    void importIsAllOrNothing_data()
    {
        QTest::addColumn<QByteArray>("content"); // empty: no such file
        QTest::addColumn<QString>("errorPart");
        QTest::newRow("no such file") << QByteArray() << u"cannot be read"_s;
        QTest::newRow("not JSON") << QByteArray("{\"version\": 1, ") << u"not valid JSON"_s;
        QTest::newRow("another program's JSON")
            << QByteArray(R"({"messages": []})") << u"unsupported export version"_s;
        QTest::newRow("newer export version")
            << QByteArray(R"({"version": 99, "conversations": []})") << u"version 99"_s;
        QTest::newRow("second conversation broken")
            << QByteArray("second broken") << u"conversations[1]"_s;
    }

    void importIsAllOrNothing()
    {
        QFETCH(QByteArray, content);
        QFETCH(QString, errorPart);
        FakeSourcegraph server;
        QVERIFY(server.listen());
        CliRunner cli;
        cli.useServer(server);
        QCOMPARE(cli.run({u"chat"_s, u"-m"_s, u"fake::v1::normal"_s, u"kept"_s}).exitCode, 0);
        const QString id
            = QString::number(listJson(cli).first().toObject().value(u"id"_s).toInteger());
        if (content == "second broken") {
            // A valid conversation, then one whose messages are not a list.
            QJsonObject root = QJsonDocument::fromJson(
                cli.run({u"history"_s, u"export"_s, id, u"--format"_s, u"json"_s}).out)
                                   .object();
            QJsonArray conversations = root.value(u"conversations"_s).toArray();
            QJsonObject broken = conversations.first().toObject();
            broken.insert(u"messages"_s, u"none"_s);
            conversations.append(broken);
            root.insert(u"conversations"_s, conversations);
            content = QJsonDocument(root).toJson();
        }
        const QString file = cli.homePath() + u"/import.json"_s;
        if (!content.isEmpty()) {
            QFile out(file);
            QVERIFY(out.open(QIODevice::WriteOnly));
            out.write(content);
        }
        const CliRun run = cli.run({u"history"_s, u"import"_s, file});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.errText().contains(u"nothing was imported"_s), run.err.constData());
        QVERIFY2(run.errText().contains(errorPart), run.err.constData());
        const QJsonArray conversations = listJson(cli);
        QCOMPARE(conversations.size(), 1);
        QCOMPARE(conversations.first().toObject().value(u"title"_s).toString(), u"kept"_s);
    }

    void usage()
    {
        CliRunner cli;
        QCOMPARE(cli.run({u"history"_s}).exitCode, 2);
        QCOMPARE(cli.run({u"history"_s, u"show"_s, u"abc"_s}).exitCode, 2);
        QCOMPARE(cli.run({u"history"_s, u"export"_s, u"1"_s, u"--format"_s, u"pdf"_s}).exitCode, 2);
        QCOMPARE(cli.run({u"history"_s, u"list"_s, u"--limit"_s, u"0"_s}).exitCode, 2);
        QCOMPARE(cli.run({u"history"_s, u"import"_s}).exitCode, 2);
        QCOMPARE(cli.run({u"history"_s, u"list"_s}).exitCode, 0);
    }
};

QTEST_GUILESS_MAIN(TestHistoryCommand)
#include "tst_historycommand.moc"
