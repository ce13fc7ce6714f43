// SPDX-License-Identifier: Apache-2.0
// Token hygiene through the real cody-chat-cli and a real Secret Service: after a whole session
// (login, chats, errors, retries, verbose logs, a crash) the token is nowhere but the keychain;
// the Authorization header reaches the configured origin only, as its receivers see it.
#include "fakesourcegraph.h"
#include "faultmatrixsupport.h"
#include "filescan.h"
#include "keychaintestsupport.h"
#include "testcertificate.h"

#include <QDirIterator>
#include <QTemporaryDir>

#include <csignal>

using namespace Qt::StringLiterals;
using namespace cody;
using namespace cody::test;

namespace {

int filesUnder(const QString &root)
{
    int count = 0;
    QDirIterator files(
        root, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (files.hasNext()) {
        files.next();
        ++count;
    }
    return count;
}

} // namespace

class TestTokenHygiene : public QObject
{
    Q_OBJECT

private:
    QStringList m_keys; // removed from the keychain at the end, whatever happened

private Q_SLOTS:
    void cleanupTestCase()
    {
        for (const QString &key : std::as_const(m_keys))
            secretToolClear(key);
    }

    void wholeSessionLeavesNoTokenBehind()
    {
        CODY_REQUIRE_SECRET_SERVICE();
        FakeSourcegraph server;
        QVERIFY(server.listen());
        const QByteArray token = server.options().token;
        CliRunner cli;
        cli.environment().insert(u"LLM_BASE_URL"_s, server.baseUrl().toString());
        cli.useSessionBus();
        m_keys.append(SecretStore::keyForEndpoint(server.baseUrl()));
        QByteArray everythingPrinted;
        auto run = [&](const QStringList &arguments, const QByteArray &input = {}) {
            const CliRun result = cli.run(arguments, input);
            everythingPrinted += result.out + result.err;
            return result;
        };

        QCOMPARE(run({u"auth"_s, u"login"_s}, token + '\n').exitCode, 0);
        QCOMPARE(run({u"auth"_s, u"status"_s}).exitCode, 0);
        // Chats that succeed, retry, fail midway and are refused, all with verbose logging.
        for (const char *scenario : {"normal", "rate-limited", "server-error", "truncated",
                 "error-event", "drop", "html", "unknown-model", "redirect"}) {
            run({u"chat"_s, u"-v"_s, u"--idle-timeout"_s, u"2"_s, u"-m"_s,
                u"fake::v1::"_s + QString::fromLatin1(scenario), u"hello"_s});
        }
        run({u"chat"_s, u"-v"_s, u"-c"_s, u"-m"_s, u"fake::v1::normal"_s, u"again"_s});
        // A crash mid-reply: kill -9 once the reply has started.
        const CliRun crashed
            = cli.run({u"chat"_s, u"-v"_s, u"-m"_s, u"fake::v1::slow"_s, u"crash now"_s}, {},
                30'000, [](QProcess &process) { ::kill(pid_t(process.processId()), SIGKILL); });
        everythingPrinted += crashed.out + crashed.err;
        QCOMPARE(crashed.exitStatus, QProcess::CrashExit);
        for (const QStringList &history :
            {QStringList {u"history"_s, u"list"_s}, QStringList {u"history"_s, u"show"_s, u"1"_s},
                QStringList {u"history"_s, u"export"_s, u"1"_s, u"--format"_s, u"json"_s},
                QStringList {u"history"_s, u"search"_s, u"hello"_s}})
            QCOMPARE(run(history).exitCode, 0);

        // Every request carried the token from the keychain…
        QVERIFY(server.streamRequests().size() >= 10);
        for (const auto &request : server.streamRequests())
            QCOMPARE(request.header("authorization"), "token " + token);
        // …and nothing written or printed holds it: settings, history database (with its WAL),
        // logs and the crash's output.
        QVERIFY(QFile::exists(cli.historyPath()));
        QVERIFY(filesUnder(cli.homePath()) >= 1);
        QCOMPARE(filesContaining(cli.homePath(), token), QStringList());
        QVERIFY(!everythingPrinted.contains(token));
        // Verbose logs name requests, never their headers.
        QVERIFY(everythingPrinted.contains("/.api/completions/stream"));
        QVERIFY(!everythingPrinted.toLower().contains("authorization:"));
        run({u"auth"_s, u"logout"_s});
        QCOMPARE(secretToolLookup(m_keys.constLast()), QByteArray());
    }

    // The header goes to the configured origin only: a redirect to another origin, or from
    // https down to http, is not followed, and its target never sees the token.
    void authorizationStaysWithTheConfiguredOrigin_data()
    {
        QTest::addColumn<bool>("tls");
        QTest::newRow("to another origin") << false;
        QTest::newRow("from https down to http") << true;
    }

    void authorizationStaysWithTheConfiguredOrigin()
    {
        QFETCH(bool, tls);
        FakeSourcegraph target; // a plain HTTP server that records whatever reaches it
        QVERIFY(target.listen());
        QTemporaryDir dir;
        FakeSourcegraph::Options options;
        QString cert, key, error;
        if (tls) {
            QVERIFY2(
                generateSelfSignedCertificate(dir.path(), {u"127.0.0.1"_s}, &cert, &key, &error),
                qPrintable(error));
            options.tlsCertFile = cert;
            options.tlsKeyFile = key;
        }
        options.redirectTarget = target.baseUrl();
        FakeSourcegraph server(options);
        QVERIFY(server.listen());
        CliRunner cli;
        cli.useServer(server);
        if (tls)
            cli.environment().insert(u"CODY_CA_FILE"_s, cert);
        const ChatOutcome outcome = chatOnce(cli, {u"-m"_s, u"fake::v1::redirect"_s});
        QCOMPARE(outcome.run.exitCode, 4);
        QVERIFY2(
            outcome.message().contains(target.baseUrl().toString()), qPrintable(outcome.message()));
        QCOMPARE(server.streamRequests().size(), 1);
        QCOMPARE(server.streamRequests().constFirst().header("authorization"),
            "token " + server.options().token);
        for (const auto &request : target.requests())
            QVERIFY2(request.header("authorization").isEmpty(), request.path.constData());
        QCOMPARE(target.streamRequests().size(), 0);
    }
};

QTEST_GUILESS_MAIN(TestTokenHygiene)
#include "tst_tokenhygiene.moc"
