// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "account/keychainsecretstore.h"

#include <QEventLoop>
#include <QProcess>
#include <QStandardPaths>
#include <QTest>
#include <QUuid>

// Helpers for tests against the real Secret Service (scripts/test.sh starts a throw-away one).
// Header-only so that only the tests that need a keychain pull it in.
namespace cody::test {

/// Runs one SecretStore operation to its end (the tests, like the CLI, may block).
template <typename Operation> SecretResult waitForSecret(Operation operation)
{
    SecretResult result;
    QEventLoop loop;
    operation(&loop, [&](const SecretResult &answer) {
        result = answer;
        loop.quit();
    });
    loop.exec();
    return result;
}

/// A keychain key no other test run uses.
inline QString uniqueKeychainKey(const QString &purpose)
{
    return QStringLiteral("cody-chat-test-%1-%2")
        .arg(purpose, QUuid::createUuid().toString(QUuid::WithoutBraces));
}

/// What `secret-tool lookup server cody-chat user <key>` prints: the stored secret, or nothing.
inline QByteArray secretToolLookup(const QString &key)
{
    QProcess tool;
    tool.start(QStringLiteral("secret-tool"),
        {QStringLiteral("lookup"), QStringLiteral("server"), KeychainSecretStore::serviceName(),
            QStringLiteral("user"), key});
    if (!tool.waitForFinished(10'000))
        return "<secret-tool did not finish>";
    return tool.readAllStandardOutput();
}

/// Deletes the entry with secret-tool, so a failed test leaves nothing behind.
inline void secretToolClear(const QString &key)
{
    QProcess::execute(QStringLiteral("secret-tool"),
        {QStringLiteral("clear"), QStringLiteral("server"), KeychainSecretStore::serviceName(),
            QStringLiteral("user"), key});
}

/// Why these tests cannot reach a Secret Service, or an empty string when they can.
inline QString secretServiceProblem()
{
    if (QStandardPaths::findExecutable(QStringLiteral("secret-tool")).isEmpty())
        return QStringLiteral("secret-tool (libsecret-tools) is not installed");
    KeychainSecretStore store(std::chrono::seconds(5));
    const SecretResult probe = waitForSecret([&](QObject *context, SecretStore::Callback done) {
        store.read(uniqueKeychainKey(QStringLiteral("probe")), context, std::move(done));
    });
    if (probe.status == SecretResult::Status::NotFound)
        return {};
    return QStringLiteral("no Secret Service reachable (%1)").arg(probe.error);
}

} // namespace cody::test

/// In initTestCase(): skips the test program when no Secret Service is reachable, unless
/// CODY_REQUIRE_KEYCHAIN is set (CI sets it): then it fails, so CI cannot pass by skipping.
#define CODY_REQUIRE_SECRET_SERVICE()                                                              \
    do {                                                                                           \
        const QString problem = cody::test::secretServiceProblem();                                \
        if (!problem.isEmpty()) {                                                                  \
            if (qEnvironmentVariableIsSet("CODY_REQUIRE_KEYCHAIN"))                                \
                QFAIL(qPrintable(                                                                  \
                    problem + QStringLiteral(" although CODY_REQUIRE_KEYCHAIN is set")));          \
            QSKIP(qPrintable(problem                                                               \
                + QStringLiteral(": run scripts/test.sh, which starts a private gnome-keyring"))); \
        }                                                                                          \
    } while (false)
