// SPDX-License-Identifier: Apache-2.0
// KeychainSecretStore against the real Secret Service (scripts/test.sh runs a private
// gnome-keyring), checked from outside with secret-tool. The "no keychain" cases run in a child
// process of this binary: GLib keeps a process's first session bus for good, so only a fresh
// process can be given no bus, a dead one or one that never answers.
#include "account/keychainsecretstore.h"
#include "keychaintestsupport.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QLocalServer>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QUrl>

#include <cstdio>
#include <cstring>

using namespace Qt::StringLiterals;
using namespace cody::test;
using cody::KeychainSecretStore;
using cody::SecretResult;
using cody::SecretStore;
using Status = SecretResult::Status;

namespace {

constexpr char HelperFlag[] = "--keychain-helper";

// Child mode: `--keychain-helper read|write|remove KEY TIMEOUT_MS [SECRET]`; prints the status
// number and the error on two lines.
int runHelper(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList arguments = QCoreApplication::arguments();
    const QString operation = arguments.value(2);
    const QString key = arguments.value(3);
    KeychainSecretStore store(std::chrono::milliseconds(arguments.value(4).toInt()));
    const SecretResult result = waitForSecret([&](QObject *context, SecretStore::Callback done) {
        if (operation == "write"_L1)
            store.write(key, arguments.value(5), context, std::move(done));
        else if (operation == "remove"_L1)
            store.remove(key, context, std::move(done));
        else
            store.read(key, context, std::move(done));
    });
    std::printf("%d\n%s\n%s\n", int(result.status), result.error.toUtf8().constData(),
        result.detail.toUtf8().constData());
    return 0;
}

} // namespace

class TestKeychainSecretStore : public QObject
{
    Q_OBJECT

public:
    enum class Bus { None, Dead, Silent, NoKeyring };
    Q_ENUM(Bus)

private:
    QStringList m_keys; // removed at the end, whatever happened

    QString newKey(const QString &purpose)
    {
        m_keys.append(uniqueKeychainKey(purpose));
        return m_keys.constLast();
    }

    static SecretResult read(SecretStore &store, const QString &key)
    {
        return waitForSecret([&](QObject *context, SecretStore::Callback done) {
            store.read(key, context, std::move(done));
        });
    }
    static SecretResult write(SecretStore &store, const QString &key, const QString &secret)
    {
        return waitForSecret([&](QObject *context, SecretStore::Callback done) {
            store.write(key, secret, context, std::move(done));
        });
    }
    static SecretResult remove(SecretStore &store, const QString &key)
    {
        return waitForSecret([&](QObject *context, SecretStore::Callback done) {
            store.remove(key, context, std::move(done));
        });
    }

    // How many entries `secret-tool search --all` finds for the key.
    static int entriesFor(const QString &key)
    {
        QProcess tool;
        tool.start(u"secret-tool"_s,
            {u"search"_s, u"--all"_s, u"server"_s, KeychainSecretStore::serviceName(), u"user"_s,
                key});
        if (!tool.waitForFinished(10'000))
            return -1;
        // secret-tool prints one "secret = …" line per item found.
        const QByteArray out = '\n' + tool.readAllStandardOutput();
        return int(out.count("\nsecret = "));
    }

private Q_SLOTS:
    void cleanupTestCase()
    {
        for (const QString &key : std::as_const(m_keys))
            secretToolClear(key);
    }

    void roundTrip()
    {
        CODY_REQUIRE_SECRET_SERVICE();
        KeychainSecretStore store;
        // Shaped like the real keys: an endpoint URL, normalised by the caller.
        const QString key = SecretStore::keyForEndpoint(
            QUrl(u"https://%1.example.com/sourcegraph/"_s.arg(newKey(u"roundtrip"_s))));
        m_keys.append(key);
        QVERIFY(!key.endsWith(u'/'));

        const SecretResult missing = read(store, key);
        QCOMPARE(missing.status, Status::NotFound);
        QVERIFY(missing.secret.isEmpty());

        const QString first = u"sgp_first_0123456789abcdef"_s;
        const SecretResult written = write(store, key, first);
        QVERIFY2(written.ok(), qPrintable(written.error));
        QCOMPARE(secretToolLookup(key), first.toUtf8());
        SecretResult found = read(store, key);
        QCOMPARE(found.status, Status::Ok);
        QCOMPARE(found.secret, first);

        // Overwriting replaces the entry rather than adding a second one.
        const QString second = u"sgp_second_fedcba9876543210"_s;
        QVERIFY(write(store, key, second).ok());
        QCOMPARE(secretToolLookup(key), second.toUtf8());
        QCOMPARE(entriesFor(key), 1);
        found = read(store, key);
        QCOMPARE(found.status, Status::Ok);
        QCOMPARE(found.secret, second);

        const SecretResult removed = remove(store, key);
        QCOMPARE(removed.status, Status::Ok);
        QVERIFY(removed.secret.isEmpty()); // remove looks first, but hands back nothing
        QCOMPARE(secretToolLookup(key), QByteArray());
        QCOMPARE(entriesFor(key), 0);
        QCOMPARE(read(store, key).status, Status::NotFound);
        const SecretResult removedAgain = remove(store, key);
        QCOMPARE(removedAgain.status, Status::NotFound);
        QVERIFY(!removedAgain.error.contains(second));
        QVERIFY(!removedAgain.error.contains(first));
    }

    void entriesAreSeparatePerKey()
    {
        CODY_REQUIRE_SECRET_SERVICE();
        KeychainSecretStore store;
        const QString a = newKey(u"a"_s);
        const QString b = newKey(u"b"_s);
        QVERIFY(write(store, a, u"secret-a"_s).ok());
        QVERIFY(write(store, b, u"secret-b"_s).ok());
        QVERIFY(remove(store, a).ok());
        QCOMPARE(read(store, a).status, Status::NotFound);
        QCOMPARE(read(store, b).secret, u"secret-b"_s);
        QVERIFY(remove(store, b).ok());
    }

    void callbackComesLaterOnceInContextThread()
    {
        CODY_REQUIRE_SECRET_SERVICE();
        KeychainSecretStore store;
        QObject context;
        int calls = 0;
        bool returned = false;
        bool calledDuringCall = false;
        QThread *thread = nullptr;
        store.read(newKey(u"contract"_s), &context, [&](const SecretResult &) {
            ++calls;
            calledDuringCall = !returned;
            thread = QThread::currentThread();
        });
        returned = true;
        QCOMPARE(calls, 0);
        QTRY_COMPARE(calls, 1);
        QVERIFY(!calledDuringCall);
        QCOMPARE(thread, context.thread());
        // Jobs run one after another: once a later one has answered, nothing of the first is
        // still pending, so a second call would have come by now.
        QCOMPARE(read(store, newKey(u"contract-after"_s)).status, Status::NotFound);
        QCOMPARE(calls, 1);
    }

    void noCallbackWhenContextIsGone()
    {
        CODY_REQUIRE_SECRET_SERVICE();
        KeychainSecretStore store;
        const QString key = newKey(u"context-gone"_s);
        auto *context = new QObject;
        bool called = false;
        store.write(
            key, u"written anyway"_s, context, [&](const SecretResult &) { called = true; });
        delete context;
        QCOMPARE(read(store, key).secret, u"written anyway"_s);
        QVERIFY(!called);
        QVERIFY(remove(store, key).ok());
    }

    void unavailableWithoutKeychain_data()
    {
        QTest::addColumn<Bus>("bus");
        QTest::addColumn<QString>("operation");
        QTest::addColumn<int>("timeoutMs");
        QTest::addColumn<QString>("detailPart"); // of the technical cause; empty: any
        for (const auto &operation : {u"read"_s, u"write"_s, u"remove"_s}) {
            QTest::addRow("no session bus, %s", qPrintable(operation))
                << Bus::None << operation << 10'000 << QString();
            QTest::addRow("dead bus socket, %s", qPrintable(operation))
                << Bus::Dead << operation << 10'000 << QString();
        }
        QTest::addRow("bus that never answers, read")
            << Bus::Silent << u"read"_s << 300 << u"did not answer within 0.3 s"_s;
        QTest::addRow("bus that never answers, write")
            << Bus::Silent << u"write"_s << 300 << u"did not answer within 0.3 s"_s;
        // A fresh session whose Secret Service (started by D-Bus activation) has no keyring and
        // cannot ask for a password to create one.
        QTest::addRow("no keyring set up, write")
            << Bus::NoKeyring << u"write"_s << 10'000 << QString();
    }

    void unavailableWithoutKeychain()
    {
        QFETCH(Bus, bus);
        QFETCH(QString, operation);
        QFETCH(int, timeoutMs);
        QFETCH(QString, detailPart);

        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        for (const auto name : {"DBUS_SESSION_BUS_ADDRESS", "DISPLAY", "WAYLAND_DISPLAY"})
            environment.remove(QString::fromLatin1(name));
        // GLib would otherwise find a bus at $XDG_RUNTIME_DIR/bus.
        environment.insert(u"XDG_RUNTIME_DIR"_s, dir.path());
        // Accepts connections (the kernel queues them) but never says a word.
        QLocalServer silent;
        if (bus == Bus::Dead) {
            environment.insert(
                u"DBUS_SESSION_BUS_ADDRESS"_s, u"unix:path=%1"_s.arg(dir.filePath(u"gone"_s)));
        } else if (bus == Bus::Silent) {
            QVERIFY(silent.listen(dir.filePath(u"silent"_s)));
            environment.insert(
                u"DBUS_SESSION_BUS_ADDRESS"_s, u"unix:path=%1"_s.arg(silent.fullServerName()));
        }

        QStringList command;
        if (bus == Bus::NoKeyring) {
            if (QStandardPaths::findExecutable(u"dbus-run-session"_s).isEmpty()
                || QStandardPaths::findExecutable(u"gnome-keyring-daemon"_s).isEmpty())
                QSKIP("needs dbus-run-session and gnome-keyring-daemon");
            QVERIFY(QDir(dir.path()).mkpath(u"data"_s));
            environment.insert(u"XDG_DATA_HOME"_s, dir.filePath(u"data"_s));
            command = QStringList {u"dbus-run-session"_s, u"--"_s};
        }
        const QString secret = u"sgp_never_stored_0123456789"_s;
        command += QStringList {QCoreApplication::applicationFilePath(),
            QString::fromLatin1(HelperFlag), operation, uniqueKeychainKey(u"unavailable"_s),
            QString::number(timeoutMs), secret};
        QProcess helper;
        helper.setProcessEnvironment(environment);
        QElapsedTimer clock;
        clock.start();
        helper.start(command.takeFirst(), command);
        QVERIFY(helper.waitForFinished(20'000));
        const qint64 elapsedMs = clock.elapsed();
        QCOMPARE(helper.exitStatus(), QProcess::NormalExit);
        const QStringList lines = QString::fromUtf8(helper.readAllStandardOutput()).split(u'\n');
        const QString error = lines.value(1);
        const QString detail = lines.value(2);
        QCOMPARE(lines.value(0).toInt(), int(Status::Unavailable));
        // Says once, plainly, what is wrong and what to do; the cause is kept apart as detail.
        QCOMPARE(error, u"no keychain is available; set LLM_API_KEY instead"_s);
        QVERIFY2(!detail.isEmpty() && detail.contains(detailPart), qPrintable(detail));
        QVERIFY2(!detail.contains(u"LLM_API_KEY"_s), qPrintable(detail));
        QVERIFY(!error.contains(secret) && !detail.contains(secret));
        // A missing keychain is noticed at once, not after the job timeout; a silent one within
        // the timeout plus start-up.
        // (8 s: far below the 10 s job timeout, far above start-up even on a busy machine.)
        QVERIFY2(elapsedMs < 8000, qPrintable(QString::number(elapsedMs)));
        if (bus != Bus::NoKeyring) // where the keyring daemon and dbus-daemon have their say
            QVERIFY(helper.readAllStandardError().isEmpty());
    }
};

int main(int argc, char *argv[])
{
    if (argc > 1 && std::strcmp(argv[1], HelperFlag) == 0)
        return runHelper(argc, argv);
    QCoreApplication app(argc, argv);
    TestKeychainSecretStore test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_keychainsecretstore.moc"
