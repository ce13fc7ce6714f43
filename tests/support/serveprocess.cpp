// SPDX-License-Identifier: Apache-2.0
#include "serveprocess.h"

#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;

namespace cody::test {

ServeProcess::ServeProcess(const QStringList &options)
    : m_options(options)
{ }

ServeProcess::~ServeProcess()
{
    m_process.terminate();
    if (!m_process.waitForFinished(10'000))
        m_process.kill();
}

bool ServeProcess::start()
{
    if (!m_server.listen())
        return false;
    m_cli.useServer(m_server);
    m_process.setProcessEnvironment(m_cli.environment());
    m_process.start(
        CliRunner::program(), QStringList {u"serve"_s, u"--port"_s, u"0"_s} + m_options);
    // "serving http://127.0.0.1:PORT/v1 for …" on its first line.
    static const QRegularExpression serving(u"serving http://127\\.0\\.0\\.1:(\\d+)/v1"_s);
    QSignalSpy output(&m_process, &QProcess::readyReadStandardOutput);
    while (!m_process.canReadLine()) {
        if (!output.wait(30'000))
            return false;
    }
    const auto match = serving.match(QString::fromUtf8(m_process.readLine()));
    m_port = match.hasMatch() ? quint16(match.captured(1).toUInt()) : 0;
    return m_port != 0;
}

bool ServeProcess::waitForModels()
{
    const QByteArray models
        = "GET /v1/models HTTP/1.1\r\nHost: " + host() + "\r\nConnection: close\r\n\r\n";
    return QTest::qWaitFor(
        [&] { return exchange(models).body.contains("claude-3-haiku"); }, 30'000);
}

QByteArray ServeProcess::host() const
{
    return "127.0.0.1:" + QByteArray::number(m_port);
}

QByteArray ServeProcess::log()
{
    return m_process.readAllStandardError();
}

RawHttpClient::Response ServeProcess::exchange(const QByteArray &request) const
{
    RawHttpClient client;
    if (!client.connectTo(m_port))
        return {};
    client.send(request);
    return client.readResponse(30'000);
}

QByteArray ServeProcess::post(
    const QByteArray &headers, const QByteArray &body, const QByteArray &host) const
{
    return "POST /v1/chat/completions HTTP/1.1\r\nHost: " + (host.isEmpty() ? this->host() : host)
        + "\r\n" + headers + "Content-Length: " + QByteArray::number(body.size())
        + "\r\nConnection: close\r\n\r\n" + body;
}

} // namespace cody::test
