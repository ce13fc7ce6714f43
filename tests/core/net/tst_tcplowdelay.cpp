// SPDX-License-Identifier: Apache-2.0
// tcplowdelay on real loopback connections: Nagle off on both ends, other descriptors untouched.
#include "net/tcplowdelay.h"

#include <QLocalServer>
#include <QLocalSocket>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>

class TestTcpLowDelay : public QObject
{
    Q_OBJECT

private:
    static int noDelay(qintptr fd)
    {
        int value = -1;
        socklen_t length = sizeof value;
        if (::getsockopt(int(fd), IPPROTO_TCP, TCP_NODELAY, &value, &length) != 0)
            return -1;
        return value;
    }

private Q_SLOTS:
    void setsEveryTcpSocket()
    {
        QTcpServer server;
        QVERIFY(server.listen(QHostAddress::LocalHost));
        QTcpSocket client;
        client.connectToHost(QHostAddress::LocalHost, server.serverPort());
        QVERIFY(client.waitForConnected(5000));
        QVERIFY(server.waitForNewConnection(5000));
        QTcpSocket *accepted = server.nextPendingConnection();
        QVERIFY(accepted);
        QCOMPARE(noDelay(client.socketDescriptor()), 0); // Linux's default: Nagle on
        QCOMPARE(noDelay(accepted->socketDescriptor()), 0);

        QVERIFY(cody::tcplowdelay::applyToOpenSockets() >= 2);
        QCOMPARE(noDelay(client.socketDescriptor()), 1);
        QCOMPARE(noDelay(accepted->socketDescriptor()), 1);
        // The connection still carries data both ways.
        client.write("ping");
        QVERIFY(client.waitForBytesWritten(5000));
        QVERIFY(accepted->waitForReadyRead(5000));
        QCOMPARE(accepted->readAll(), QByteArray("ping"));
    }

    void leavesOtherSocketsAlone()
    {
        QLocalServer server;
        QVERIFY(server.listen(u"tst_tcplowdelay-%1"_qs.arg(QCoreApplication::applicationPid())));
        QLocalSocket local;
        local.connectToServer(server.serverName());
        QVERIFY(local.waitForConnected(5000));
        QVERIFY(server.waitForNewConnection(5000));
        QLocalSocket *accepted = server.nextPendingConnection();
        cody::tcplowdelay::applyToOpenSockets();
        QCOMPARE(noDelay(local.socketDescriptor()), -1); // not TCP: nothing to set
        local.write("ping");
        QVERIFY(local.waitForBytesWritten(5000));
        QVERIFY(accepted->waitForReadyRead(5000));
        QCOMPARE(accepted->readAll(), QByteArray("ping"));
    }
};

QTEST_GUILESS_MAIN(TestTcpLowDelay)
#include "tst_tcplowdelay.moc"
