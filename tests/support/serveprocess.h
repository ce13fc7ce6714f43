// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "clirunner.h"
#include "fakesourcegraph.h"
#include "rawhttpclient.h"

#include <QByteArray>
#include <QProcess>
#include <QStringList>

namespace cody::test {

/// A fake Sourcegraph and `cody-chat-cli serve` in front of it (started with `options`, on a port
/// of the system's choice), the CLI's environment pointed at the fake; stopped when destroyed.
///
/// @code
/// ServeProcess gateway({u"--max-body"_s, u"1"_s});
/// QVERIFY2(gateway.start(), gateway.log().constData());
/// const auto response = gateway.exchange(gateway.post("Content-Type: application/json\r\n"));
/// @endcode
class ServeProcess
{
public:
    explicit ServeProcess(const QStringList &options = {});
    ~ServeProcess();
    Q_DISABLE_COPY_MOVE(ServeProcess)

    /// Starts the fake and serve; false when serve does not say where it listens (see log()).
    bool start();
    /// Waits until serve has loaded the server's model list, which brings the models' input
    /// limits; false after 30 s.
    bool waitForModels();

    quint16 port() const { return m_port; }
    /// "127.0.0.1:PORT", for the Host header.
    QByteArray host() const;
    QByteArray log();
    qint64 processId() const { return m_process.processId(); }
    FakeSourcegraph &server() { return m_server; }

    /// Sends `request` on a new connection to serve and reads the answer (30 s at most).
    RawHttpClient::Response exchange(const QByteArray &request) const;
    /// A `POST /v1/chat/completions` with `Connection: close`; Host is host() unless given.
    QByteArray post(
        const QByteArray &headers, const QByteArray &body, const QByteArray &host = {}) const;

private:
    QStringList m_options;
    FakeSourcegraph m_server;
    CliRunner m_cli;
    QProcess m_process;
    quint16 m_port = 0;
};

} // namespace cody::test
