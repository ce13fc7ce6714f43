// SPDX-License-Identifier: Apache-2.0
#include "serveprocess.h"

#include "clirunner.h"

#include <QRegularExpression>
#include <QSignalSpy>

using namespace Qt::StringLiterals;

namespace cody::test {

ServeProcess::ServeProcess(CliRunner &cli, const QStringList &options)
{
    m_process.setProcessEnvironment(cli.environment());
    m_process.start(CliRunner::program(), QStringList {u"serve"_s, u"--port"_s, u"0"_s} + options);
}

ServeProcess::~ServeProcess()
{
    m_process.terminate();
    if (!m_process.waitForFinished(10'000))
        m_process.kill();
}

quint16 ServeProcess::waitForPort()
{
    static const QRegularExpression serving(u"serving http://127\\.0\\.0\\.1:(\\d+)/v1"_s);
    QSignalSpy output(&m_process, &QProcess::readyReadStandardOutput);
    while (!m_process.canReadLine()) {
        if (!output.wait(30'000))
            return 0;
    }
    const auto match = serving.match(QString::fromUtf8(m_process.readLine()));
    return match.hasMatch() ? quint16(match.captured(1).toUInt()) : 0;
}

QByteArray ServeProcess::log()
{
    return m_process.readAllStandardError();
}

RawHttpClient::Response ServeProcess::exchange(quint16 port, const QByteArray &request)
{
    RawHttpClient client;
    if (!client.connectTo(port))
        return {};
    client.send(request);
    return client.readResponse(30'000);
}

QByteArray ServeProcess::post(
    const QByteArray &host, const QByteArray &headers, const QByteArray &body)
{
    return "POST /v1/chat/completions HTTP/1.1\r\nHost: " + host + "\r\n" + headers
        + "Content-Length: " + QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n"
        + body;
}

} // namespace cody::test
