// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QTcpServer>

namespace cody::cli {

/// The listening socket of `serve`: hands each connection to QHttpServer with a RequestSizeGate
/// in front of it, so that a body over the limit is refused before it is read.
class GatewayTcpServer final : public QTcpServer
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GatewayTcpServer)

public:
    GatewayTcpServer(qint64 maxBodyBytes, int idleTimeoutMs, QObject *parent = nullptr);

protected:
    void incomingConnection(qintptr descriptor) override;

private:
    const qint64 m_maxBody;
    const int m_idleTimeoutMs;
};

} // namespace cody::cli
