// SPDX-License-Identifier: Apache-2.0
#include "gateway/gatewaytcpserver.h"

#include "gateway/requestsizegate.h"

#include <QTcpSocket>

namespace cody::cli {

GatewayTcpServer::GatewayTcpServer(qint64 maxBodyBytes, int idleTimeoutMs, QObject *parent)
    : QTcpServer(parent)
    , m_maxBody(maxBodyBytes)
    , m_idleTimeoutMs(idleTimeoutMs)
{ }

void GatewayTcpServer::incomingConnection(qintptr descriptor)
{
    auto *socket = new QTcpSocket(this);
    if (!socket->setSocketDescriptor(descriptor)) {
        delete socket;
        return;
    }
    // Connected before QHttpServer connects its own readyRead, so the gate sees every byte first.
    new RequestSizeGate(socket, m_maxBody, m_idleTimeoutMs);
    addPendingConnection(socket);
    Q_EMIT newConnection();
}

} // namespace cody::cli
