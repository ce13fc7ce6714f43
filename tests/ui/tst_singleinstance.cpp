// SPDX-License-Identifier: Apache-2.0
// SingleInstance between threads and between real cody-chat processes: a second start raises the
// first or hands it a prompt, which the first sends to the server; a crashed instance's socket is
// taken over; instances of different histories never meet.
#include "fakesourcegraph.h"
#include "ui/singleinstance.h"

#include <QDir>
#include <QFile>
#include <QLocalSocket>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

using namespace Qt::StringLiterals;
using cody::SingleInstance;
using cody::test::FakeSourcegraph;

namespace {

/// A SingleInstance listening on a thread of its own: handOver() blocks the caller's thread.
struct RunningInstance
{
    explicit RunningInstance(const QString &key)
        : instance(new SingleInstance(key))
    {
        instance->moveToThread(&thread);
        thread.start();
        bool listening = false;
        QMetaObject::invokeMethod(
            instance, [&] { listening = instance->listen(); }, Qt::BlockingQueuedConnection);
        if (!listening)
            qFatal("cannot listen on %s", qPrintable(instance->socketPath()));
    }
    ~RunningInstance()
    {
        QMetaObject::invokeMethod(
            instance, [this] { delete instance; }, Qt::BlockingQueuedConnection);
        thread.quit();
        thread.wait();
    }

    QThread thread;
    SingleInstance *instance;
};

} // namespace

class TestSingleInstance : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

private Q_SLOTS:
    void initTestCase() { qputenv("XDG_RUNTIME_DIR", m_dir.path().toUtf8()); }

    void secondStartRaisesTheFirst()
    {
        RunningInstance first(u"/home/a/history.sqlite"_s);
        QSignalSpy raised(first.instance, &SingleInstance::raiseRequested);
        QSignalSpy newChat(first.instance, &SingleInstance::newChatRequested);
        SingleInstance second(u"/home/a/history.sqlite"_s);
        QCOMPARE(second.socketPath(), first.instance->socketPath());
        QVERIFY(second.handOver({}));
        QTRY_COMPARE(raised.size(), 1);
        QCOMPARE(newChat.size(), 0);
    }

    void secondStartHandsOverItsPrompt()
    {
        RunningInstance first(u"/home/a/history.sqlite"_s);
        QSignalSpy newChat(first.instance, &SingleInstance::newChatRequested);
        const QString prompt = u"Explain “RAII”\nin two lines"_s;
        QVERIFY(SingleInstance(u"/home/a/history.sqlite"_s).handOver(prompt));
        QTRY_COMPARE(newChat.size(), 1);
        QCOMPARE(newChat.first().first().toString(), prompt);
    }

    void otherHistoriesNeverMeet()
    {
        RunningInstance first(u"/home/a/history.sqlite"_s);
        SingleInstance other(u"/home/b/history.sqlite"_s);
        QVERIFY(other.socketPath() != first.instance->socketPath());
        QVERIFY(!other.handOver({}, 500));
        QVERIFY(other.listen());
    }

    // Only this user may hand the window a prompt: the socket is 0600 (or 0700), whatever the
    // umask, so no other local user can drive the app.
    void socketIsTheUsersAlone()
    {
        const mode_t previous = ::umask(0);
        RunningInstance first(u"/home/d/history.sqlite"_s);
        ::umask(previous);
        struct stat info = {};
        QVERIFY(::stat(QFile::encodeName(first.instance->socketPath()).constData(), &info) == 0);
        QVERIFY(S_ISSOCK(info.st_mode));
        QCOMPARE(QString::number(info.st_mode & 077, 8), u"0"_s);
    }

    void nobodyRunning()
    {
        SingleInstance alone(u"/home/c/history.sqlite"_s);
        QVERIFY(!alone.handOver(u"hi"_s, 500));
    }

    void takesOverACrashedInstancesSocket()
    {
        SingleInstance next(u"/home/d/history.sqlite"_s);
        // What a killed instance leaves: a socket file nobody accepts on.
        const int fd = ::socket(AF_UNIX, SOCK_STREAM, 0);
        QVERIFY(fd >= 0);
        sockaddr_un address {};
        address.sun_family = AF_UNIX;
        const QByteArray path = QFile::encodeName(next.socketPath());
        qstrncpy(address.sun_path, path.constData(), sizeof address.sun_path);
        QVERIFY(::bind(fd, reinterpret_cast<sockaddr *>(&address), sizeof address) == 0);
        ::close(fd);
        QVERIFY(QFile::exists(next.socketPath()));

        QVERIFY(!next.handOver({}, 500));
        QVERIFY(next.listen());
        SingleInstance third(u"/home/d/history.sqlite"_s);
        QSignalSpy raised(&next, &SingleInstance::raiseRequested);
        // `next` listens on this thread: answer it from another.
        bool handed = false;
        QThread *caller = QThread::create([&] { handed = third.handOver({}); });
        caller->start();
        QTRY_VERIFY(caller->isFinished());
        delete caller;
        QVERIFY(handed);
        QCOMPARE(raised.size(), 1);
    }

    void refusesGarbage()
    {
        RunningInstance first(u"/home/e/history.sqlite"_s);
        QSignalSpy newChat(first.instance, &SingleInstance::newChatRequested);
        QLocalSocket client;
        client.connectToServer(first.instance->socketPath());
        QVERIFY(client.waitForConnected(3000));
        client.write("{\"action\":\"format-disk\"}\n");
        QVERIFY(client.waitForReadyRead(3000));
        QCOMPARE(client.readLine(), QByteArray("unknown request\n"));
        QCOMPARE(newChat.size(), 0);
    }

    // The real program: a second `cody-chat --new-chat` exits at once, and the first sends it.
    void realProgramHandsOverToTheRunningOne()
    {
        FakeSourcegraph server;
        QVERIFY(server.listen());
        QTemporaryDir home;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(u"HOME"_s, home.path());
        environment.insert(u"XDG_CONFIG_HOME"_s, home.filePath(u"config"_s));
        environment.insert(u"XDG_DATA_HOME"_s, home.filePath(u"data"_s));
        environment.insert(u"XDG_RUNTIME_DIR"_s, m_dir.path());
        environment.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
        environment.insert(u"LLM_BASE_URL"_s, server.baseUrl().toString());
        environment.insert(u"LLM_API_KEY"_s, QString::fromLatin1(server.options().token));

        QProcess first;
        first.setProcessEnvironment(environment);
        first.start(QStringLiteral(CODY_GUI_PATH), {});
        QVERIFY(first.waitForStarted());
        const QDir runtime(m_dir.path());
        QTRY_VERIFY_WITH_TIMEOUT(
            !runtime.entryList({u"cody-chat-*.socket"_s}, QDir::System).isEmpty(), 20000);

        QProcess second;
        second.setProcessEnvironment(environment);
        second.start(QStringLiteral(CODY_GUI_PATH), {u"--new-chat"_s, u"say hello to otters"_s});
        QVERIFY(second.waitForFinished(20000));
        QCOMPARE(second.exitStatus(), QProcess::NormalExit);
        QCOMPARE(second.exitCode(), 0);

        QTRY_VERIFY_WITH_TIMEOUT(!server.streamRequests().isEmpty(), 20000);
        QVERIFY(server.streamRequests().first().body.contains("say hello to otters"));
        QCOMPARE(first.state(), QProcess::Running); // one window, still open
        first.terminate();
        QVERIFY(first.waitForFinished(20000));
    }
};

QTEST_MAIN(TestSingleInstance)
#include "tst_singleinstance.moc"
