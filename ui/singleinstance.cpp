// SPDX-License-Identifier: Apache-2.0
#include "ui/singleinstance.h"

#include <QCryptographicHash>
#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocalServer>
#include <QLocalSocket>
#include <QStandardPaths>

using namespace Qt::StringLiterals;

namespace cody {

namespace {

QByteArray request(const QString &prompt)
{
    const QJsonObject object = prompt.isEmpty()
        ? QJsonObject {{u"action"_s, u"raise"_s}}
        : QJsonObject {{u"action"_s, u"new-chat"_s}, {u"prompt"_s, prompt}};
    return QJsonDocument(object).toJson(QJsonDocument::Compact) + '\n';
}

} // namespace

SingleInstance::SingleInstance(const QString &key, QObject *parent)
    : QObject(parent)
{
    // A hash keeps the name short (a socket path has ~100 bytes) and free of path separators.
    const QByteArray digest
        = QCryptographicHash::hash(key.toUtf8(), QCryptographicHash::Sha256).toHex().left(16);
    QString directory = QStandardPaths::writableLocation(QStandardPaths::RuntimeLocation);
    if (directory.isEmpty())
        directory = QDir::tempPath();
    m_path = QDir(directory).filePath(u"cody-chat-%1.socket"_s.arg(QLatin1String(digest)));
}

SingleInstance::~SingleInstance() = default;

bool SingleInstance::handOver(const QString &prompt, int timeoutMs)
{
    QLocalSocket socket;
    socket.connectToServer(m_path);
    if (!socket.waitForConnected(timeoutMs))
        return false;
    socket.write(request(prompt));
    if (!socket.waitForBytesWritten(timeoutMs))
        return false;
    while (!socket.canReadLine()) {
        if (!socket.waitForReadyRead(timeoutMs))
            return false;
    }
    return socket.readLine().trimmed() == "ok";
}

bool SingleInstance::listen(QString *error)
{
    m_server = new QLocalServer(this);
    m_server->setSocketOptions(QLocalServer::UserAccessOption);
    connect(m_server, &QLocalServer::newConnection, this, &SingleInstance::onNewConnection);
    if (m_server->listen(m_path))
        return true;
    // handOver() found nobody answering there: what is left is a crashed instance's socket.
    QLocalServer::removeServer(m_path);
    if (m_server->listen(m_path))
        return true;
    if (error)
        *error = m_server->errorString();
    return false;
}

void SingleInstance::onNewConnection()
{
    while (QLocalSocket *socket = m_server->nextPendingConnection()) {
        connect(socket, &QLocalSocket::disconnected, socket, &QObject::deleteLater);
        connect(socket, &QLocalSocket::readyRead, this, [this, socket] {
            if (!socket->canReadLine()) {
                if (socket->bytesAvailable() > MaxRequestBytes)
                    socket->abort(); // no request is that long
                return;
            }
            const QJsonObject object = QJsonDocument::fromJson(socket->readLine()).object();
            const QString action = object.value(u"action"_s).toString();
            const QString prompt = object.value(u"prompt"_s).toString();
            if (action == u"raise") {
                Q_EMIT raiseRequested();
            } else if (action == u"new-chat" && !prompt.trimmed().isEmpty()) {
                Q_EMIT newChatRequested(prompt);
            } else {
                socket->write("unknown request\n");
                socket->disconnectFromServer();
                return;
            }
            socket->write("ok\n");
            socket->disconnectFromServer();
        });
    }
}

} // namespace cody
