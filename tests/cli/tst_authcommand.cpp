// SPDX-License-Identifier: Apache-2.0
// `cody-chat-cli auth` and the keychain token in `chat`, against the fake server and the real
// Secret Service of the test session (scripts/test.sh starts a private gnome-keyring).
#include "account/secretstore.h"
#include "clirunner.h"
#include "fakesourcegraph.h"
#include "filescan.h"
#include "keychaintestsupport.h"

#include <QDirIterator>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QScopeGuard>
#include <QSocketNotifier>
#include <QTest>
#include <QTimer>

#include <pty.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace cody::test;
using cody::SecretStore;

class TestAuthCommand : public QObject
{
    Q_OBJECT

private:
    QStringList m_keys; // removed at the end, whatever happened

    // Configures `cli` for `server` (LLM_BASE_URL) with no token in its environment, reaching
    // this test's Secret Service.
    void useKeychain(CliRunner &cli, const FakeSourcegraph &server)
    {
        m_keys.append(SecretStore::keyForEndpoint(server.baseUrl()));
        cli.environment().insert(u"LLM_BASE_URL"_s, server.baseUrl().toString());
        cli.useSessionBus();
    }

    static QByteArray tokenOf(const FakeSourcegraph &server) { return server.options().token; }

private Q_SLOTS:
    void cleanupTestCase()
    {
        for (const QString &key : std::as_const(m_keys))
            secretToolClear(key);
    }

    void loginStatusChatLogout()
    {
        CODY_REQUIRE_SECRET_SERVICE();
        FakeSourcegraph server;
        QVERIFY(server.listen());
        CliRunner cli;
        useKeychain(cli, server);
        const QString key = SecretStore::keyForEndpoint(server.baseUrl());
        const QByteArray token = tokenOf(server);

        // login: the token on standard input (not a terminal: no prompt), checked, stored.
        CliRun run = cli.run({u"auth"_s, u"login"_s}, token + '\n');
        QVERIFY(run.finished);
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QCOMPARE(run.outText(),
            u"Signed in as Fake User (fake-user) on Sourcegraph 6.2.0; token stored in the "
            "keychain for %1\n"_s.arg(key));
        QVERIFY(!run.out.contains(token) && !run.err.contains(token));
        QCOMPARE(secretToolLookup(key), token);

        // status: endpoint, "keychain", the user; never the token.
        run = cli.run({u"auth"_s, u"status"_s});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QVERIFY2(run.outText().contains(u"Endpoint: %1\n"_s.arg(key)), run.out.constData());
        QVERIFY2(run.outText().contains(u"keychain"_s), run.out.constData());
        QVERIFY(run.outText().contains(u"Signed in as Fake User (fake-user)"_s));
        QVERIFY(!run.out.contains(token) && !run.err.contains(token));

        // chat and models without LLM_API_KEY use the keychain token (the fake server answers
        // 401 to any other).
        QVERIFY(!cli.environment().contains(u"LLM_API_KEY"_s));
        run = cli.run({u"chat"_s, u"hi"_s});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QVERIFY(run.outText().contains(u"You said: hi"_s));
        const auto streams = server.streamRequests();
        QVERIFY(!streams.isEmpty());
        QCOMPARE(streams.constLast().header("authorization"), "token " + token);
        run = cli.run({u"models"_s});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QVERIFY(run.outText().contains(u"Server chat models"_s));

        // Nothing the program writes holds the token: not its settings, data or home.
        const QProcessEnvironment &environment = cli.environment();
        for (const auto name : {"XDG_CONFIG_HOME", "XDG_DATA_HOME", "HOME"}) {
            const QString root = environment.value(QString::fromLatin1(name));
            QVERIFY(!root.isEmpty());
            const QStringList leaks = filesContaining(root, token);
            QVERIFY2(leaks.isEmpty(), qPrintable(leaks.join(u", "_s)));
        }

        // logout deletes the entry, and says whether there was one.
        run = cli.run({u"auth"_s, u"logout"_s});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QCOMPARE(run.outText(), u"Removed the token for %1 from the keychain\n"_s.arg(key));
        QCOMPARE(secretToolLookup(key), QByteArray());
        run = cli.run({u"auth"_s, u"logout"_s});
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.outText().contains(u"No token was stored"_s), run.out.constData());

        // Without a token anywhere, chat says how to provide one.
        run = cli.run({u"chat"_s, u"hi"_s});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.errText().contains(u"no access token"_s), run.err.constData());
        QVERIFY(run.errText().contains(u"LLM_API_KEY"_s));
        QVERIFY(run.errText().contains(u"auth login"_s));
        run = cli.run({u"auth"_s, u"status"_s});
        QCOMPARE(run.exitCode, 2);
        QVERIFY(run.outText().contains(u"Token:    none"_s));
    }

    // On a terminal: a prompt on stderr, the token not echoed, the terminal restored after.
    void loginFromTerminalDoesNotEcho()
    {
        CODY_REQUIRE_SECRET_SERVICE();
        FakeSourcegraph server;
        QVERIFY(server.listen());
        CliRunner cli;
        useKeychain(cli, server);
        const QString key = SecretStore::keyForEndpoint(server.baseUrl());
        const QByteArray token = tokenOf(server);

        int master = -1;
        int slave = -1;
        QVERIFY(::openpty(&master, &slave, nullptr, nullptr, nullptr) == 0);
        const auto closeTerminal = qScopeGuard([&] {
            ::close(master);
            ::close(slave);
        });
        QProcess process;
        process.setProcessEnvironment(cli.environment());
        // Standard input and error become the terminal, as in an interactive shell.
        process.setChildProcessModifier([slave] {
            ::setsid();
            ::ioctl(slave, TIOCSCTTY, 0);
            ::dup2(slave, STDIN_FILENO);
            ::dup2(slave, STDERR_FILENO);
        });
        const QByteArray prompt = QByteArray("Access token for " + key.toUtf8() + ": ");
        QByteArray screen; // everything the terminal showed
        QEventLoop loop;
        bool typed = false;
        bool typedAll = false;
        QSocketNotifier notifier(master, QSocketNotifier::Read);
        connect(&notifier, &QSocketNotifier::activated, &loop, [&] {
            char buffer[4096];
            const auto n = ::read(master, buffer, sizeof buffer);
            if (n <= 0) {
                notifier.setEnabled(false);
                return;
            }
            screen.append(buffer, n);
            if (!typed && screen.contains(prompt)) {
                typed = true;
                const QByteArray line = token + '\n';
                typedAll = ::write(master, line.constData(), size_t(line.size())) == line.size();
            }
        });
        connect(&process, &QProcess::finished, &loop, &QEventLoop::quit);
        QTimer::singleShot(20'000, &loop, &QEventLoop::quit);
        process.start(CliRunner::program(), {u"auth"_s, u"login"_s});
        loop.exec();
        QCOMPARE(process.state(), QProcess::NotRunning);
        QVERIFY2(process.exitCode() == 0, screen.constData());
        QVERIFY(typed && typedAll);
        QVERIFY2(!screen.contains(token), screen.constData());
        QVERIFY(process.readAllStandardOutput().startsWith("Signed in as Fake User"));
        QCOMPARE(secretToolLookup(key), token);
        termios after {};
        QVERIFY(::tcgetattr(slave, &after) == 0);
        QVERIFY(after.c_lflag & ECHO);
    }

    void endpointOptionIsNormalised()
    {
        CODY_REQUIRE_SECRET_SERVICE();
        FakeSourcegraph server;
        QVERIFY(server.listen());
        CliRunner cli;
        useKeychain(cli, server);
        cli.environment().remove(u"LLM_BASE_URL"_s);
        const QString key = SecretStore::keyForEndpoint(server.baseUrl());
        // A trailing slash names the same entry.
        const QString typed = server.baseUrl().toString() + u'/';
        CliRun run = cli.run(
            {u"auth"_s, u"login"_s, u"--endpoint"_s, typed}, "  " + tokenOf(server) + "  \n");
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QCOMPARE(secretToolLookup(key), tokenOf(server)); // trimmed
        run = cli.run({u"auth"_s, u"status"_s, u"--endpoint"_s, typed});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        run = cli.run({u"auth"_s, u"logout"_s, u"--endpoint"_s, key});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QVERIFY(run.outText().startsWith(u"Removed"_s));
        QCOMPARE(secretToolLookup(key), QByteArray());
    }

    void rejectedTokenIsNotStored()
    {
        CODY_REQUIRE_SECRET_SERVICE();
        FakeSourcegraph server;
        QVERIFY(server.listen());
        CliRunner cli;
        useKeychain(cli, server);
        const CliRun run = cli.run({u"auth"_s, u"login"_s}, "sgp_wrong_token\n");
        QCOMPARE(run.exitCode, 3);
        QVERIFY2(run.errText().contains(u"NOT stored"_s), run.err.constData());
        QVERIFY(run.errText().contains(u"rejected"_s));
        QVERIFY(run.out.isEmpty());
        QCOMPARE(secretToolLookup(SecretStore::keyForEndpoint(server.baseUrl())), QByteArray());
    }

    void unreachableServerStoresNothing()
    {
        CODY_REQUIRE_SECRET_SERVICE();
        CliRunner cli;
        cli.useSessionBus();
        const QString key = u"http://127.0.0.1:9"_s;
        m_keys.append(key);
        const CliRun run = cli.run({u"auth"_s, u"login"_s, u"--endpoint"_s, key}, "sgp_x\n");
        QCOMPARE(run.exitCode, 4);
        QCOMPARE(secretToolLookup(key), QByteArray());
    }

    void environmentTokenWinsWithoutTouchingTheKeychain()
    {
        FakeSourcegraph server;
        QVERIFY(server.listen());
        CliRunner cli;
        cli.useServer(server);
        // A keychain read would fail loudly here; with LLM_API_KEY set there must be none.
        cli.useSessionBus(u"unix:path=/nonexistent/cody-chat-test-bus"_s);
        CliRun run = cli.run({u"auth"_s, u"status"_s});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QVERIFY(run.outText().contains(u"Token:    environment (LLM_API_KEY)\n"_s));
        QVERIFY(!run.out.contains(tokenOf(server)));
        // A model the server calls stable, so that stderr has no deprecation note either.
        run = cli.run({u"chat"_s, u"-m"_s, u"cody-opus"_s, u"hi"_s});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QVERIFY2(run.err.isEmpty(), run.err.constData());
    }

    void usageErrors_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QString>("stderrPart");
        QTest::newRow("no subcommand") << QStringList {u"auth"_s} << QByteArray() << u"login"_s;
        QTest::newRow("unknown subcommand")
            << QStringList {u"auth"_s, u"frobnicate"_s} << QByteArray() << u"frobnicate"_s;
        QTest::newRow("extra argument")
            << QStringList {u"auth"_s, u"login"_s, u"sgp_x"_s} << QByteArray() << u"no arguments"_s;
        QTest::newRow("empty token")
            << QStringList {u"auth"_s, u"login"_s} << QByteArray("  \n") << u"no access token"_s;
        QTest::newRow("bad endpoint")
            << QStringList {u"auth"_s, u"login"_s, u"--endpoint"_s, u"ftp://x"_s}
            << QByteArray("sgp_x\n") << u"--endpoint"_s;
    }

    void usageErrors()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QByteArray, input);
        QFETCH(QString, stderrPart);
        FakeSourcegraph server;
        QVERIFY(server.listen());
        CliRunner cli;
        cli.useSessionBus(); // the keychain is there: the usage error is what gets reported
        cli.environment().insert(u"LLM_BASE_URL"_s, server.baseUrl().toString());
        const CliRun run = cli.run(arguments, input);
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.errText().contains(stderrPart), run.err.constData());
        QVERIFY(server.requests().isEmpty());
    }

    void noEndpoint_data()
    {
        QTest::addColumn<QString>("subcommand");
        QTest::newRow("login") << u"login"_s;
        QTest::newRow("status") << u"status"_s;
        QTest::newRow("logout") << u"logout"_s;
    }

    void noEndpoint()
    {
        QFETCH(QString, subcommand);
        CliRunner cli; // no LLM_BASE_URL
        const CliRun run = cli.run({u"auth"_s, subcommand}, "sgp_x\n");
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.errText().contains(u"--endpoint"_s), run.err.constData());
        QVERIFY(run.errText().contains(u"LLM_BASE_URL"_s));
    }

    // LLM_API_KEY belongs to LLM_BASE_URL: 'auth status --endpoint OTHER' must not send it there.
    void environmentTokenStaysWithItsHost()
    {
        FakeSourcegraph configured;
        FakeSourcegraph other;
        QVERIFY(configured.listen());
        QVERIFY(other.listen());
        CliRunner cli;
        cli.useServer(configured);
        const CliRun run
            = cli.run({u"auth"_s, u"status"_s, u"--endpoint"_s, other.baseUrl().toString()});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.errText().contains(u"not sent"_s), run.err.constData());
        QVERIFY(other.requests().isEmpty());
        QVERIFY(!run.out.contains(configured.options().token)
            && !run.err.contains(configured.options().token));
    }

    void help()
    {
        CliRunner cli;
        CliRun run = cli.run({u"auth"_s, u"--help"_s});
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.outText().contains(u"auth login"_s));
        run = cli.run({u"auth"_s, u"login"_s, u"--help"_s});
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.outText().contains(u"--endpoint"_s));
        run = cli.run({u"--help"_s});
        QVERIFY(run.outText().contains(u"auth login|status|logout"_s));
    }

    // No keychain: a dead session bus address, or none at all (the clean environment).
    void keychainUnavailable_data()
    {
        QTest::addColumn<QString>("busAddress"); // empty: no bus
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("stderrPart");
        const QString dead = u"unix:path=/nonexistent/cody-chat-test-bus"_s;
        for (const auto &[name, address] :
            {std::pair {"dead bus", dead}, std::pair {"no bus", QString()}}) {
            QTest::addRow("%s: login", name) << address << QStringList {u"auth"_s, u"login"_s}
                                             << u"the token cannot be stored"_s;
            QTest::addRow("%s: status", name)
                << address << QStringList {u"auth"_s, u"status"_s} << u"no access token"_s;
            QTest::addRow("%s: logout", name)
                << address << QStringList {u"auth"_s, u"logout"_s} << u"could not remove"_s;
            QTest::addRow("%s: chat", name)
                << address << QStringList {u"chat"_s, u"hi"_s} << u"no access token"_s;
            QTest::addRow("%s: models", name)
                << address << QStringList {u"models"_s} << u"no access token"_s;
        }
    }

    void keychainUnavailable()
    {
        QFETCH(QString, busAddress);
        QFETCH(QStringList, arguments);
        QFETCH(QString, stderrPart);
        FakeSourcegraph server;
        QVERIFY(server.listen());
        CliRunner cli;
        cli.environment().insert(u"LLM_BASE_URL"_s, server.baseUrl().toString());
        if (!busAddress.isEmpty())
            cli.useSessionBus(busAddress);
        QElapsedTimer clock;
        clock.start();
        const CliRun run = cli.run(arguments, tokenOf(server) + '\n', 20'000);
        QVERIFY2(run.finished, "hung instead of saying there is no keychain");
        // Noticed at once, not after the keychain job's 10 s timeout (the margin is start-up on
        // a busy machine).
        QVERIFY2(clock.elapsed() < 9000, qPrintable(QString::number(clock.elapsed())));
        QCOMPARE(run.exitCode, 2);
        const QString error = run.errText();
        QVERIFY2(error.contains(stderrPart), qPrintable(error));
        QVERIFY2(error.contains(u"no keychain is available"_s), qPrintable(error));
        QCOMPARE(error.count(u"keychain"_s, Qt::CaseInsensitive),
            1); // said once; the cause follows in parentheses
        QCOMPARE(error.count(u"set LLM_API_KEY"_s), 1);
        QVERIFY(!run.out.contains(tokenOf(server)) && !run.err.contains(tokenOf(server)));
    }
};

QTEST_GUILESS_MAIN(TestAuthCommand)
#include "tst_authcommand.moc"
