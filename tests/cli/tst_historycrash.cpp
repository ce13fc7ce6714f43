// SPDX-License-Identifier: Apache-2.0
// The history survives `kill -9` mid-reply, and two cody-chat-cli processes can share its file.
#include "clirunner.h"
#include "fakesourcegraph.h"
#include "history/conversationschema.h"
#include "history/conversationstore.h"

#include <QDirIterator>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QRandomGenerator>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

#include <algorithm>
#include <memory>

using namespace Qt::StringLiterals;
using namespace cody;
using namespace cody::test;

namespace {

QString expectedReply(const QString &prompt)
{
    return u"Hello from the fake Sourcegraph! You said: "_s + prompt;
}

/// One cody-chat-cli started with QProcess, its standard output collected as it comes.
struct Child
{
    std::unique_ptr<QProcess> process = std::make_unique<QProcess>();
    QByteArray out;

    void start(const QProcessEnvironment &environment, const QStringList &arguments)
    {
        process->setProcessEnvironment(environment);
        QObject::connect(process.get(), &QProcess::readyReadStandardOutput, process.get(),
            [this] { out += process->readAllStandardOutput(); });
        process->start(CliRunner::program(), arguments);
        process->closeWriteChannel();
    }
    bool running() const { return process->state() != QProcess::NotRunning; }
    /// Keeps this process's event loop (and so the fake server) running meanwhile.
    bool waitForExit(int timeoutMs)
    {
        return QTest::qWaitFor([this] { return !running(); }, timeoutMs);
    }
    bool exitedCleanly() const
    {
        return process->exitStatus() == QProcess::NormalExit && process->exitCode() == 0;
    }
    QString describe() const
    {
        return u"exit status %1, code %2, stderr: %3"_s.arg(int(process->exitStatus()))
            .arg(process->exitCode())
            .arg(QString::fromUtf8(process->readAllStandardError()));
    }
};

/// PRAGMA integrity_check through a connection of its own, next to whatever else has the file.
QString integrityCheck(const QString &path)
{
    const QString name = u"tst_historycrash-integrity"_s;
    QString result;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
        db.setDatabaseName(path);
        if (!db.open())
            return u"cannot open: "_s + db.lastError().text();
        QSqlQuery q(db);
        if (!q.exec(u"PRAGMA integrity_check"_s))
            result = u"cannot check: "_s + q.lastError().text();
        while (q.next())
            result += (result.isEmpty() ? QString() : u"\n"_s) + q.value(0).toString();
    }
    QSqlDatabase::removeDatabase(name);
    return result;
}

int streamingMessages(const QString &path)
{
    const QString name = u"tst_historycrash-streaming"_s;
    int count = -1;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
        db.setDatabaseName(path);
        QSqlQuery q(db);
        if (db.open() && q.exec(u"SELECT COUNT(*) FROM messages WHERE state = 'streaming'"_s)
            && q.next())
            count = q.value(0).toInt();
    }
    QSqlDatabase::removeDatabase(name);
    return count;
}

/// Every history.sqlite under `dataHome` (there should be exactly one).
QStringList historyFiles(const QString &dataHome)
{
    QStringList files;
    QDirIterator it(dataHome, {u"history.sqlite"_s}, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext())
        files.append(it.next());
    return files;
}

} // namespace

class TestHistoryCrash : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // The store's own documentation: one file shared by the app and the CLI.
    void cliWritesTheSharedFile()
    {
        FakeSourcegraph server;
        QVERIFY(server.listen());
        CliRunner cli;
        cli.useServer(server);
        QCOMPARE(cli.run({u"chat"_s, u"-m"_s, u"fake::v1::normal"_s, u"where?"_s}).exitCode, 0);
        const QString dataHome = cli.environment().value(u"XDG_DATA_HOME"_s);
        QCOMPARE(historyFiles(dataHome), QStringList {dataHome + u"/cody-chat/history.sqlite"_s});
    }

    void crashMidReply()
    {
        // 7 deltas of 8 characters 120 ms apart: the reply streams for ~0.7 s, longer than
        // StreamingWriter's 500 ms, so kills land before, between and after its flushes.
        FakeSourcegraph::Options options;
        options.slowDelayMs = 120;
        FakeSourcegraph server(options);
        QVERIFY(server.listen());
        CliRunner cli;
        cli.useServer(server);
        const QProcessEnvironment environment = cli.environment();
        const QString dataHome = environment.value(u"XDG_DATA_HOME"_s);

        constexpr int Runs = 12;
        QRandomGenerator random(20261125);
        QHash<QString, bool> finishedOnItsOwn; // prompt => exited 0 before the kill
        int killed = 0;
        QElapsedTimer clock;
        clock.start();
        for (int i = 0; i < Runs; ++i) {
            const QString prompt = u"PROMPT-%1"_s.arg(i);
            Child child;
            child.start(environment, {u"chat"_s, u"-m"_s, u"fake::v1::slow"_s, prompt});
            QVERIFY2(child.process->waitForStarted(10'000), qPrintable(child.describe()));
            // One run in three dies while starting up (opening, migrating, the prompt); the rest
            // at some moment of the reply or just after it.
            const bool whileStarting = random.bounded(3) == 0;
            if (!whileStarting) {
                QVERIFY2(QTest::qWaitFor(
                             [&] { return !child.out.isEmpty() || !child.running(); }, 10'000),
                    qPrintable(prompt));
            }
            const int delayMs = int(random.bounded(whileStarting ? 300 : 1'200));
            QTest::qWait(delayMs);
            if (child.running()) {
                child.process->kill();
                QVERIFY(child.waitForExit(10'000));
                ++killed;
                finishedOnItsOwn.insert(prompt, false);
            } else {
                QVERIFY2(child.exitedCleanly(), qPrintable(child.describe()));
                finishedOnItsOwn.insert(prompt, true);
            }
            qInfo("%s: %s after %d ms%s", qPrintable(prompt),
                finishedOnItsOwn.value(prompt) ? "finished" : "killed", delayMs,
                whileStarting ? " (from the start)" : " (from the first output)");
        }
        qInfo("%d runs, %d killed, %lld ms", Runs, killed, clock.elapsed());

        const QStringList files = historyFiles(dataHome);
        QCOMPARE(files.size(), 1);
        const QString path = files.constFirst();
        QCOMPARE(integrityCheck(path), u"ok"_s);
        const int streamingBeforeOpen = streamingMessages(path);
        qInfo("messages left streaming by the kills: %d", streamingBeforeOpen);

        ConversationStore store;
        QString error;
        QVERIFY2(store.open(path, &error), qPrintable(error));
        QVERIFY2(store.movedAside().isEmpty(), qPrintable(store.movedAside()));
        QCOMPARE(integrityCheck(path), u"ok"_s);
        QCOMPARE(streamingMessages(path), 0);

        const QList<StoredConversation> conversations = store.conversations(0, 1000);
        QCOMPARE(store.conversationCount(), conversations.size());
        QSet<QString> seen;
        int empty = 0;
        int partial = 0;
        int complete = 0;
        for (const StoredConversation &conversation : conversations) {
            const QString prompt = conversation.title;
            QVERIFY2(finishedOnItsOwn.contains(prompt), qPrintable(prompt));
            QVERIFY2(!seen.contains(prompt), qPrintable(prompt));
            seen.insert(prompt);
            const QList<StoredMessage> messages = store.messages(conversation.id);
            QVERIFY2(messages.size() <= 2, qPrintable(prompt));
            if (messages.isEmpty()) {
                // Killed between creating the conversation and storing its prompt (two
                // transactions): nothing of the prompt was committed, so nothing is damaged.
                ++empty;
                QVERIFY2(!finishedOnItsOwn.value(prompt), qPrintable(prompt));
                continue;
            }
            const StoredMessage &asked = messages.at(0);
            QCOMPARE(asked.speaker, ChatMessage::Speaker::Human);
            QCOMPARE(asked.text, prompt);
            QCOMPARE(asked.state, StoredMessage::State::Complete);
            if (messages.size() == 1) {
                QVERIFY2(!finishedOnItsOwn.value(prompt), qPrintable(prompt));
                continue;
            }
            const StoredMessage &reply = messages.at(1);
            const QString full = expectedReply(prompt);
            const QString what = u"%1: %2 reply \"%3\""_s.arg(
                prompt, cody::conversationschema::stateName(reply.state), reply.text);
            qInfo("%s", qPrintable(what));
            QCOMPARE(reply.speaker, ChatMessage::Speaker::Assistant);
            switch (reply.state) {
            case StoredMessage::State::Complete:
                ++complete;
                QVERIFY2(reply.text == full, qPrintable(what));
                break;
            case StoredMessage::State::Partial:
                ++partial;
                QVERIFY2(!finishedOnItsOwn.value(prompt), qPrintable(what));
                QVERIFY2(full.startsWith(reply.text), qPrintable(what));
                break;
            case StoredMessage::State::Streaming:
            case StoredMessage::State::Failed:
                QFAIL(qPrintable(what));
            }
        }
        // What ran to its end was recorded.
        for (auto it = finishedOnItsOwn.cbegin(); it != finishedOnItsOwn.cend(); ++it) {
            if (it.value())
                QVERIFY2(seen.contains(it.key()), qPrintable(it.key()));
        }
        qInfo("%lld conversations: %d complete, %d partial, %d without messages",
            conversations.size(), complete, partial, empty);
    }

    void twoProcessesShareTheFile_data()
    {
        QTest::addColumn<bool>("fresh");
        QTest::newRow("both create the file") << true;
        QTest::newRow("existing file") << false;
    }

    void twoProcessesShareTheFile()
    {
        QFETCH(bool, fresh);
        FakeSourcegraph::Options options;
        options.slowDelayMs = 60;
        FakeSourcegraph server(options);
        QVERIFY(server.listen());
        CliRunner cli;
        cli.useServer(server);
        if (!fresh) {
            QCOMPARE(
                cli.run({u"chat"_s, u"-m"_s, u"fake::v1::normal"_s, u"earlier"_s}).exitCode, 0);
        }
        const QProcessEnvironment environment = cli.environment();

        const QStringList prompts = {u"first of two"_s, u"second of two"_s};
        Child first;
        Child second;
        first.start(environment, {u"chat"_s, u"-m"_s, u"fake::v1::slow"_s, prompts.at(0)});
        second.start(environment, {u"chat"_s, u"-m"_s, u"fake::v1::slow"_s, prompts.at(1)});
        // A reader while both replies stream.
        QVERIFY(
            QTest::qWaitFor([&] { return !first.out.isEmpty() && !second.out.isEmpty(); }, 10'000));
        QVERIFY(first.running() && second.running());
        Child reader;
        reader.start(environment, {u"history"_s, u"list"_s, u"--json"_s});
        QVERIFY(reader.waitForExit(15'000));
        QVERIFY(first.waitForExit(15'000));
        QVERIFY(second.waitForExit(15'000));
        const QByteArray firstErr = first.process->readAllStandardError();
        const QByteArray secondErr = second.process->readAllStandardError();
        const QByteArray readerErr = reader.process->readAllStandardError();
        // A history the CLI could not open is only a warning there (exit 0), but the chat is lost.
        QVERIFY2(firstErr.isEmpty(), firstErr.constData());
        QVERIFY2(secondErr.isEmpty(), secondErr.constData());
        QVERIFY2(readerErr.isEmpty(), readerErr.constData());
        QVERIFY2(reader.exitedCleanly(), qPrintable(reader.describe()));
        QVERIFY2(first.exitedCleanly(), qPrintable(first.describe()));
        QVERIFY2(second.exitedCleanly(), qPrintable(second.describe()));
        QJsonParseError parseError;
        const QJsonDocument listed = QJsonDocument::fromJson(reader.out, &parseError);
        QVERIFY2(listed.isArray(), qPrintable(parseError.errorString()));
        QCOMPARE(QString::fromUtf8(first.out).trimmed(), expectedReply(prompts.at(0)));
        QCOMPARE(QString::fromUtf8(second.out).trimmed(), expectedReply(prompts.at(1)));

        const QStringList files = historyFiles(environment.value(u"XDG_DATA_HOME"_s));
        QCOMPARE(files.size(), 1);
        QCOMPARE(integrityCheck(files.constFirst()), u"ok"_s);
        ConversationStore store;
        QString error;
        QVERIFY2(store.open(files.constFirst(), &error), qPrintable(error));
        QVERIFY(store.movedAside().isEmpty());
        const QList<StoredConversation> conversations = store.conversations(0, 100);
        QCOMPARE(conversations.size(), fresh ? 2 : 3);
        for (const QString &prompt : prompts) {
            const auto it = std::find_if(conversations.cbegin(), conversations.cend(),
                [&](const StoredConversation &c) { return c.title == prompt; });
            QVERIFY2(it != conversations.cend(), qPrintable(prompt));
            const QList<StoredMessage> messages = store.messages(it->id);
            QCOMPARE(messages.size(), 2);
            QCOMPARE(messages.at(0).text, prompt);
            QCOMPARE(messages.at(0).state, StoredMessage::State::Complete);
            QCOMPARE(messages.at(1).text, expectedReply(prompt));
            QCOMPARE(messages.at(1).state, StoredMessage::State::Complete);
        }
    }
};

QTEST_GUILESS_MAIN(TestHistoryCrash)
#include "tst_historycrash.moc"
