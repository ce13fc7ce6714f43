// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QProcess>
#include <QProcessEnvironment>
#include <QStringList>
#include <QTemporaryDir>
#include <QUrl>

#include <functional>

namespace cody::test {

class FakeSourcegraph;

/// How one run of cody-chat-cli ended.
struct CliRun
{
    bool finished = false; ///< false: killed after the timeout
    QProcess::ExitStatus exitStatus = QProcess::NormalExit;
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
    qint64 elapsedMs = 0;
    QString outText() const { return QString::fromUtf8(out); }
    QString errText() const { return QString::fromUtf8(err); }
};

/// Runs cody-chat-cli in a clean environment with its own config directory, keeping this
/// process's event loop (and so an in-process fake server) running meanwhile.
class CliRunner
{
public:
    CliRunner();

    /// The cody-chat-cli binary, for tests that must start it themselves (on a terminal).
    static QString program();

    /// Point LLM_BASE_URL and LLM_API_KEY at `server`.
    void useServer(const FakeSourcegraph &server);
    void useServer(const QUrl &baseUrl, const QByteArray &token);
    /// Give the program a D-Bus session bus (and so a Secret Service): `address`, or this
    /// process's when empty. Without this call it has none, like a machine without a keychain.
    void useSessionBus(const QString &address = {});
    QProcessEnvironment &environment() { return m_environment; }
    /// The cody-chat settings file this run reads (INI, under XDG_CONFIG_HOME).
    QString settingsPath() const;
    /// The history database chat records into (under XDG_DATA_HOME).
    QString historyPath() const;
    /// The directory standing in for the user's home, with config/ and data/ below it.
    QString homePath() const { return m_home.path(); }

    /// The next run() gets `signalNumber` this long after it started.
    void interruptAfter(int milliseconds, int signalNumber);

    /// Passed as `input`: standard input stays open, as if a user had not typed the prompt yet.
    static const QByteArray KeepStandardInputOpen;

    /// `onOutput` runs whenever standard output grew (e.g. to interrupt the program mid-stream).
    CliRun run(const QStringList &arguments, const QByteArray &input = {}, int timeoutMs = 30'000,
        const std::function<void(QProcess &)> &onOutput = {});

private:
    QTemporaryDir m_home;
    QProcessEnvironment m_environment;
    int m_interruptAfterMs = -1;
    int m_interruptSignal = 0;
};

} // namespace cody::test
