// SPDX-License-Identifier: Apache-2.0
#include "fakeserverprocess.h"

#include "fakesourcegraphoptions.h"

#include <QDeadlineTimer>

using namespace Qt::StringLiterals;

namespace cody::test {

FakeServerProcess::~FakeServerProcess()
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_process.terminate();
    if (!m_process.waitForFinished(10'000))
        m_process.kill();
    m_process.waitForFinished(10'000);
}

QByteArray FakeServerProcess::token() const
{
    return FakeSourcegraphOptions().token;
}

bool FakeServerProcess::start(const QStringList &arguments)
{
    m_process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    m_process.start(QStringLiteral(CODY_FAKE_SERVER_PATH),
        QStringList {u"--port"_s, u"0"_s, u"--token"_s, QString::fromLatin1(token())} + arguments);
    if (!m_process.waitForStarted(30'000)) {
        m_error = m_process.errorString();
        return false;
    }
    // Generous: start-up is slow on a busy machine, and nothing is timed before the line.
    const QDeadlineTimer deadline(60'000);
    while (!m_process.canReadLine()) {
        if (deadline.hasExpired() || !m_process.waitForReadyRead(int(deadline.remainingTime()))) {
            m_error = u"fake-sourcegraph did not say where it listens"_s;
            return false;
        }
    }
    const QByteArray line = m_process.readLine().trimmed();
    const QByteArray prefix = "listening on ";
    if (!line.startsWith(prefix)) {
        m_error = u"fake-sourcegraph said: "_s + QString::fromUtf8(line);
        return false;
    }
    m_baseUrl = QUrl(QString::fromUtf8(line.mid(prefix.size())));
    return true;
}

} // namespace cody::test
