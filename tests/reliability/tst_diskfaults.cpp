// SPDX-License-Identifier: Apache-2.0
// The history's disk misbehaving under the real cody-chat-cli: a read-only file system, a full
// disk (at open and mid-chat), a database another process holds locked, a corrupt file. The
// reply always reaches the user; what the history already held is never lost.
#include "fakesourcegraph.h"
#include "faultmatrixsupport.h"

#include <QDir>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStorageInfo>
#include <QTemporaryDir>

using namespace Qt::StringLiterals;
using namespace cody;
using namespace cody::test;

namespace {

const QString Normal = u"Hello from the fake Sourcegraph! You said: hi"_s;

bool runCommand(const QString &program, const QStringList &arguments, QString *output = nullptr)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(program, arguments);
    const bool ok = process.waitForFinished(20'000) && process.exitStatus() == QProcess::NormalExit
        && process.exitCode() == 0;
    if (output)
        *output = QString::fromLocal8Bit(process.readAll()).trimmed();
    return ok;
}

// A small tmpfs over the CLI's data directory: a disk that can be filled or made read-only
// without touching the machine's own. Needs root (CI runs as root).
class SmallDisk
{
public:
    explicit SmallDisk(const QString &path, const QString &size)
        : m_path(path)
    {
        QDir().mkpath(path);
        m_mounted = runCommand(u"mount"_s,
            {u"-t"_s, u"tmpfs"_s, u"-o"_s, u"size="_s + size, u"tmpfs"_s, path}, &m_problem);
    }
    ~SmallDisk()
    {
        if (m_mounted)
            runCommand(u"umount"_s, {u"-l"_s, m_path});
    }
    bool mounted() const { return m_mounted; }
    QString problem() const { return m_problem; }
    bool remount(const QString &mode) const
    {
        return runCommand(u"mount"_s, {u"-o"_s, u"remount,"_s + mode, m_path});
    }
    // Fills the disk until only `freeBytes` (about) are left.
    bool fill(qint64 freeBytes) const
    {
        QFile filler(m_path + u"/filler"_s);
        if (!filler.open(QIODevice::WriteOnly))
            return false;
        const QByteArray block(4096, 'f');
        while (QStorageInfo(m_path).bytesAvailable() > freeBytes + block.size()) {
            if (filler.write(block) != block.size() || !filler.flush())
                return false;
        }
        return true;
    }

private:
    QString m_path;
    QString m_problem;
    bool m_mounted = false;
};

// Runs `query` on its own connection to `path`, closed again before returning.
template <typename Query> auto onConnection(const QString &path, Query query)
{
    decltype(query(std::declval<QSqlDatabase &>())) result {};
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"probe"_s);
        db.setDatabaseName(path);
        db.setConnectOptions(u"QSQLITE_BUSY_TIMEOUT=0"_s);
        if (db.open())
            result = query(db);
    }
    QSqlDatabase::removeDatabase(u"probe"_s);
    return result;
}

QString integrity(const QString &path)
{
    return onConnection(path, [](QSqlDatabase &db) {
        QSqlQuery q(db);
        return q.exec(u"PRAGMA integrity_check"_s) && q.next() ? q.value(0).toString() : QString();
    });
}

bool isLocked(const QString &path)
{
    return onConnection(path, [](QSqlDatabase &db) {
        QSqlQuery q(db);
        const bool locked
            = !q.exec(u"BEGIN IMMEDIATE"_s) && q.lastError().text().contains(u"locked"_s);
        q.exec(u"ROLLBACK"_s);
        return locked;
    });
}

QStringList titles(const QString &path)
{
    ConversationStore store;
    QString error;
    QStringList list;
    if (!store.open(path, &error))
        return {u"cannot open: "_s + error};
    for (const auto &conversation : store.conversations(0, 100))
        list.append(conversation.title);
    return list;
}

} // namespace

class TestDiskFaults : public QObject
{
    Q_OBJECT

private:
    struct Setup
    {
        Setup()
        {
            QVERIFY(server.listen());
            cli.useServer(server);
        }
        FakeSourcegraph server;
        CliRunner cli;
        QString dataDir() const { return cli.homePath() + u"/data"_s; }
        ChatOutcome chat(const QString &prompt = u"hi"_s)
        {
            ChatOutcome outcome;
            outcome.run = cli.run({u"chat"_s, u"--json"_s, u"-m"_s, u"fake::v1::normal"_s, prompt});
            outcome.json = QJsonDocument::fromJson(outcome.run.out).object();
            return outcome;
        }
    };

    static void expectReplyDelivered(const ChatOutcome &outcome, const QString &stderrPart)
    {
        QVERIFY(outcome.run.finished);
        QCOMPARE(outcome.run.exitStatus, QProcess::NormalExit);
        QVERIFY2(outcome.run.exitCode == 0, qPrintable(outcome.run.errText()));
        QVERIFY2(outcome.text().startsWith(u"Hello from the fake Sourcegraph!"_s),
            qPrintable(outcome.run.outText()));
        QVERIFY2(outcome.run.errText().contains(stderrPart), qPrintable(outcome.run.errText()));
        QVERIFY2(outcome.run.errText().contains(u"not recorded"_s)
                || outcome.run.errText().contains(u"could not be written"_s),
            qPrintable(outcome.run.errText()));
    }

private Q_SLOTS:
    void readOnlyFileSystem()
    {
        Setup s;
        SmallDisk disk(s.dataDir(), u"4m"_s);
        if (!disk.mounted())
            QSKIP(qPrintable(u"cannot mount a tmpfs (needs root): "_s + disk.problem()));
        QCOMPARE(s.chat(u"before"_s).run.exitCode, 0);
        QVERIFY(disk.remount(u"ro"_s));
        const ChatOutcome outcome = s.chat();
        expectReplyDelivered(outcome, u"readonly"_s);
        // Reading still works, and nothing was lost.
        const CliRun list = s.cli.run({u"history"_s, u"list"_s});
        QCOMPARE(list.exitCode, 0);
        QVERIFY2(list.outText().contains(u"before"_s), qPrintable(list.outText()));
        QVERIFY(disk.remount(u"rw"_s));
        QCOMPARE(titles(s.cli.historyPath()), QStringList {u"before"_s});
    }

    void diskFullWhenOpening()
    {
        Setup s;
        SmallDisk disk(s.dataDir(), u"1m"_s);
        if (!disk.mounted())
            QSKIP(qPrintable(u"cannot mount a tmpfs (needs root): "_s + disk.problem()));
        QCOMPARE(s.chat(u"before"_s).run.exitCode, 0);
        QVERIFY(disk.fill(0));
        const ChatOutcome outcome = s.chat();
        expectReplyDelivered(outcome, u"full"_s);
        QVERIFY(QFile::remove(s.dataDir() + u"/filler"_s));
        QCOMPARE(integrity(s.cli.historyPath()), u"ok"_s);
        QCOMPARE(titles(s.cli.historyPath()), QStringList {u"before"_s});
    }

    void diskFullMidChat()
    {
        Setup s;
        SmallDisk disk(s.dataDir(), u"1m"_s);
        if (!disk.mounted())
            QSKIP(qPrintable(u"cannot mount a tmpfs (needs root): "_s + disk.problem()));
        QCOMPARE(s.chat(u"before"_s).run.exitCode, 0);
        // Room to open the database, not to store a long prompt.
        QVERIFY(disk.fill(48 * 1024));
        const ChatOutcome outcome = s.chat(u"long "_s + QString(u'x').repeated(100'000));
        expectReplyDelivered(outcome, u"full"_s);
        QVERIFY(QFile::remove(s.dataDir() + u"/filler"_s));
        QCOMPARE(integrity(s.cli.historyPath()), u"ok"_s);
        QVERIFY(titles(s.cli.historyPath()).contains(u"before"_s));
    }

    // Another process holds the database locked: the chat waits a bounded time, then goes on
    // unrecorded.
    void lockedByAnotherProcess()
    {
        Setup s;
        QCOMPARE(s.chat(u"before"_s).run.exitCode, 0);
        QProcess holder;
        holder.setProcessChannelMode(QProcess::MergedChannels);
        holder.start(u"sqlite3"_s, {s.cli.historyPath()});
        if (!holder.waitForStarted())
            QSKIP("the sqlite3 command-line tool is not installed");
        holder.write("BEGIN EXCLUSIVE;\n");
        // sqlite3 buffers its output on a pipe: see the lock from here instead.
        QTRY_VERIFY_WITH_TIMEOUT(isLocked(s.cli.historyPath()), 60'000); // slow on a busy machine
        const ChatOutcome outcome = s.chat();
        expectReplyDelivered(outcome, u"locked"_s);
        QVERIFY2(
            outcome.run.elapsedMs < 20'000, qPrintable(QString::number(outcome.run.elapsedMs)));
        holder.write("ROLLBACK;\n.quit\n");
        holder.closeWriteChannel();
        QVERIFY(holder.waitForFinished(10'000));
        QCOMPARE(titles(s.cli.historyPath()), QStringList {u"before"_s});
    }

    // A damaged file is kept under another name, the user is told, and a new one is started.
    void corruptDatabase()
    {
        Setup s;
        QVERIFY(QDir().mkpath(QFileInfo(s.cli.historyPath()).absolutePath()));
        QFile file(s.cli.historyPath());
        QVERIFY(file.open(QIODevice::WriteOnly));
        QByteArray garbage("SQLite format 3");
        garbage.append(QByteArray(8192, '\x5a'));
        file.write(garbage);
        file.close();
        const ChatOutcome outcome = s.chat();
        QCOMPARE(outcome.run.exitCode, 0);
        QCOMPARE(outcome.text(), Normal);
        QVERIFY2(outcome.run.errText().contains(u"damaged"_s), qPrintable(outcome.run.errText()));
        const QStringList kept = QDir(QFileInfo(s.cli.historyPath()).absolutePath())
                                     .entryList({u"history.sqlite.corrupt-*"_s}, QDir::Files);
        QCOMPARE(kept.size(), 1);
        QFile moved(QFileInfo(s.cli.historyPath()).absolutePath() + u'/' + kept.first());
        QVERIFY(moved.open(QIODevice::ReadOnly));
        QCOMPARE(moved.readAll(), garbage); // kept byte for byte
        QCOMPARE(titles(s.cli.historyPath()), QStringList {u"hi"_s});
    }
};

QTEST_GUILESS_MAIN(TestDiskFaults)
#include "tst_diskfaults.moc"
