// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "rawhttpclient.h"

#include <QByteArray>
#include <QProcess>
#include <QStringList>

namespace cody::test {

class CliRunner;

/// One running `cody-chat-cli serve` with the CliRunner's environment, on a port of the system's
/// choice; stopped when destroyed.
class ServeProcess
{
public:
    ServeProcess(CliRunner &cli, const QStringList &options);
    ~ServeProcess();
    Q_DISABLE_COPY_MOVE(ServeProcess)

    /// The port from "serving http://127.0.0.1:PORT/v1 for …"; 0 when it does not come.
    quint16 waitForPort();
    QByteArray log();
    qint64 processId() const { return m_process.processId(); }

    /// Sends `request` on a new connection and reads the answer (30 s at most).
    static RawHttpClient::Response exchange(quint16 port, const QByteArray &request);
    /// A `POST /v1/chat/completions` with `Connection: close`.
    static QByteArray post(
        const QByteArray &host, const QByteArray &headers, const QByteArray &body);

private:
    QProcess m_process;
};

} // namespace cody::test
