// SPDX-License-Identifier: Apache-2.0
#include "clirunner.h"

#include "fakesourcegraph.h"

#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QTimer>

#include <csignal>

using namespace Qt::StringLiterals;

namespace cody::test {

const QByteArray CliRunner::KeepStandardInputOpen = QByteArrayLiteral("\0keep-open");

CliRunner::CliRunner()
{
    // Only what the program needs: a test must not pick up the developer's own token or proxy.
    m_environment.insert(u"PATH"_s, qEnvironmentVariable("PATH"));
    m_environment.insert(u"HOME"_s, m_home.path());
    m_environment.insert(u"XDG_CONFIG_HOME"_s, m_home.filePath(u"config"_s));
    m_environment.insert(u"XDG_DATA_HOME"_s, m_home.filePath(u"data"_s));
    m_environment.insert(u"LANG"_s, u"C.UTF-8"_s);
    // Under scripts/sanitize.sh the program must report (and fail) with the same sanitizer
    // settings as the test itself: suppressions, log files, leak detection.
    for (const QString &name : {u"ASAN_OPTIONS"_s, u"UBSAN_OPTIONS"_s, u"LSAN_OPTIONS"_s}) {
        if (qEnvironmentVariableIsSet(name.toLatin1().constData()))
            m_environment.insert(name, qEnvironmentVariable(name.toLatin1().constData()));
    }
}

QString CliRunner::program()
{
    return QStringLiteral(CODY_CLI_PATH);
}

void CliRunner::useServer(const FakeSourcegraph &server)
{
    m_environment.insert(u"LLM_BASE_URL"_s, server.baseUrl().toString());
    m_environment.insert(u"LLM_API_KEY"_s, QString::fromLatin1(server.options().token));
}

void CliRunner::useServer(const QUrl &baseUrl, const QByteArray &token)
{
    m_environment.insert(u"LLM_BASE_URL"_s, baseUrl.toString());
    m_environment.insert(u"LLM_API_KEY"_s, QString::fromLatin1(token));
}

void CliRunner::useSessionBus(const QString &address)
{
    m_environment.insert(u"DBUS_SESSION_BUS_ADDRESS"_s,
        address.isEmpty() ? qEnvironmentVariable("DBUS_SESSION_BUS_ADDRESS") : address);
}

void CliRunner::interruptAfter(int milliseconds, int signalNumber)
{
    m_interruptAfterMs = milliseconds;
    m_interruptSignal = signalNumber;
}

QString CliRunner::settingsPath() const
{
    return m_home.filePath(u"config/cody-chat/cody-chat.ini"_s);
}

QString CliRunner::historyPath() const
{
    return m_home.filePath(u"data/cody-chat/history.sqlite"_s);
}

CliRun CliRunner::run(const QStringList &arguments, const QByteArray &input, int timeoutMs,
    const std::function<void(QProcess &)> &onOutput)
{
    QProcess process;
    process.setProcessEnvironment(m_environment);
    // Whoever started the tests may have left SIGINT ignored (background jobs do); the program
    // must start with the dispositions a terminal gives it.
    process.setChildProcessModifier([] {
        ::signal(SIGINT, SIG_DFL);
        ::signal(SIGTERM, SIG_DFL);
    });
    CliRun result;
    QEventLoop loop;
    QObject::connect(&process, &QProcess::readyReadStandardOutput, &loop, [&] {
        result.out += process.readAllStandardOutput();
        if (onOutput)
            onOutput(process);
    });
    QObject::connect(&process, &QProcess::finished, &loop, [&] {
        result.finished = true;
        loop.quit();
    });
    QObject::connect(&process, &QProcess::errorOccurred, &loop, [&](QProcess::ProcessError error) {
        if (error == QProcess::FailedToStart)
            loop.quit();
    });
    process.start(program(), arguments);
    if (input != KeepStandardInputOpen) {
        if (!input.isNull())
            process.write(input);
        process.closeWriteChannel();
    }
    if (m_interruptAfterMs >= 0) {
        QTimer::singleShot(m_interruptAfterMs, &loop, [&process, signalNumber = m_interruptSignal] {
            if (process.state() == QProcess::Running)
                ::kill(pid_t(process.processId()), signalNumber);
        });
        m_interruptAfterMs = -1;
    }
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    QElapsedTimer clock;
    clock.start();
    loop.exec();
    result.elapsedMs = clock.elapsed();
    if (!result.finished) {
        // Killed here, it must not look like a run that ended (and crashed) on its own.
        QObject::disconnect(&process, &QProcess::finished, &loop, nullptr);
        process.kill();
        process.waitForFinished();
    }
    result.out += process.readAllStandardOutput();
    result.err = process.readAllStandardError();
    result.exitStatus = process.exitStatus();
    result.exitCode = process.exitCode();
    return result;
}

} // namespace cody::test
