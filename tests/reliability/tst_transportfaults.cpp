// SPDX-License-Identifier: Apache-2.0
// Network and TLS faults through the real cody-chat-cli: nothing listening, a name that does not
// resolve, TLS that fails in each way a certificate can be wrong, and the bypass that applies to
// the configured host only.
#include "fakesourcegraph.h"
#include "faultmatrixsupport.h"
#include "testcertificate.h"

#include <QSettings>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>

using namespace Qt::StringLiterals;
using namespace cody;
using namespace cody::test;

class TestTransportFaults : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fault_data()
    {
        QTest::addColumn<QString>("setup");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("messagePart");
        QTest::addColumn<QString>("stderrPart"); // also on stderr (warnings); empty: not checked

        auto row = [](const char *name, const char *setup, int exitCode, const QString &kind,
                       const QString &messagePart, const QString &stderrPart = {}) {
            QTest::newRow(name) << QString::fromLatin1(setup) << exitCode << kind << messagePart
                                << stderrPart;
        };
        row("connection refused", "refused", 4, u"network"_s, u"connection refused"_s);
        row("DNS failure", "dns", 4, u"network"_s, u"cannot resolve the host name"_s);
        row("404: the base URL is not Sourcegraph's", "wrong-path", 5, u"http"_s,
            u"is LLM_BASE_URL the address of a Sourcegraph instance?"_s);
        row("TLS handshake failure (plain HTTP on https)", "handshake", 4, u"tls"_s,
            u"TLS handshake"_s);
        row("self-signed, verified by default", "self-signed", 4, u"tls"_s, u"CODY_CA_FILE"_s);
        row("self-signed, CA file given", "self-signed ca", 0, u"none"_s, {});
        row("self-signed, bypass", "self-signed bypass", 0, u"none"_s, {},
            u"verification is OFF"_s);
        row("self-signed, bypass saved for this host", "self-signed saved-bypass-here", 0,
            u"none"_s, {}, u"verification is OFF"_s);
        row("self-signed, bypass saved for another host", "self-signed saved-bypass-elsewhere", 4,
            u"tls"_s, u"CODY_CA_FILE"_s);
        row("self-signed, older bypass saved with another URL", "self-signed saved-bypass-legacy",
            4, u"tls"_s, u"CODY_CA_FILE"_s);
        row("expired certificate", "expired ca", 4, u"tls"_s, u"expired"_s);
        row("hostname mismatch", "mismatch ca", 4, u"tls"_s, u"host name"_s);
    }

    void fault()
    {
        QFETCH(QString, setup);
        QFETCH(int, exitCode);
        QFETCH(QString, kind);
        QFETCH(QString, messagePart);
        QFETCH(QString, stderrPart);
        const QStringList parts = setup.split(u' ');
        QTemporaryDir certificates;
        QString cert, key, error;
        const QString tlsKind = parts.constFirst();
        // The certificate names 127.0.0.1, except for the mismatch, and is trusted as a CA when
        // CODY_CA_FILE is given, so only its one defect shows.
        if (tlsKind == "self-signed"_L1)
            QVERIFY2(generateSelfSignedCertificate(
                         certificates.path(), {u"127.0.0.1"_s}, &cert, &key, &error),
                qPrintable(error));
        else if (tlsKind == "expired"_L1)
            QVERIFY2(generateExpiredCertificate(
                         certificates.path(), {u"127.0.0.1"_s}, &cert, &key, &error),
                qPrintable(error));
        else if (tlsKind == "mismatch"_L1)
            QVERIFY2(generateSelfSignedCertificate(certificates.path(),
                         {u"sourcegraph.example.invalid"_s}, &cert, &key, &error),
                qPrintable(error));
        FakeSourcegraph::Options options;
        if (setup == "wrong-path"_L1)
            options.pathPrefix = u"/sourcegraph"_s; // and LLM_BASE_URL without it
        options.tlsCertFile = cert;
        options.tlsKeyFile = key;
        FakeSourcegraph server(options);
        QVERIFY(server.listen());
        CliRunner cli;
        cli.useServer(server);
        QProcessEnvironment &environment = cli.environment();
        QTcpServer plain;
        if (setup == "refused"_L1) {
            QTcpServer closed; // a port that was free a moment ago and is closed again
            QVERIFY(closed.listen(QHostAddress::LocalHost));
            const quint16 port = closed.serverPort();
            closed.close();
            environment.insert(u"LLM_BASE_URL"_s, u"http://127.0.0.1:%1"_s.arg(port));
        } else if (setup == "wrong-path"_L1) {
            QUrl withoutPrefix = server.baseUrl();
            withoutPrefix.setPath({});
            environment.insert(u"LLM_BASE_URL"_s, withoutPrefix.toString());
        } else if (setup == "dns"_L1) {
            // .invalid never resolves (RFC 6761).
            environment.insert(u"LLM_BASE_URL"_s, u"https://sourcegraph.cody-chat-test.invalid"_s);
        } else if (setup == "handshake"_L1) {
            // A plain HTTP server, as on a wrong port: it answers the TLS hello with a 400.
            QObject::connect(&plain, &QTcpServer::newConnection, &plain, [&plain] {
                QTcpSocket *socket = plain.nextPendingConnection();
                QObject::connect(socket, &QTcpSocket::readyRead, socket, [socket] {
                    socket->readAll();
                    socket->write("HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n");
                    socket->disconnectFromHost();
                });
            });
            QVERIFY(plain.listen(QHostAddress::LocalHost));
            environment.insert(
                u"LLM_BASE_URL"_s, u"https://127.0.0.1:%1"_s.arg(plain.serverPort()));
        }
        if (parts.contains(u"ca"_s))
            environment.insert(u"CODY_CA_FILE"_s, cert);
        if (parts.contains(u"bypass"_s))
            environment.insert(u"CODY_SSL_BYPASS"_s, u"true"_s);
        if (setup.contains(u"saved-bypass"_s)) {
            // Saved in Settings while another address was configured: it is bound to that host.
            QSettings settings(cli.settingsPath(), QSettings::IniFormat);
            if (setup.contains(u"legacy"_s))
                settings.setValue(u"endpoint/url"_s, u"https://sourcegraph.example.com"_s);
            settings.setValue(u"tls/bypass"_s,
                setup.contains(u"saved-bypass-here"_s) ? u"127.0.0.1"_s
                    : setup.contains(u"legacy"_s)      ? u"true"_s
                                                       : u"localhost"_s);
        }

        const ChatOutcome outcome = chatOnce(cli, {u"-m"_s, u"fake::v1::normal"_s}, 20'000);
        const CliRun &run = outcome.run;
        QVERIFY2(run.finished, "the run did not end");
        QCOMPARE(run.exitStatus, QProcess::NormalExit);
        QVERIFY2(run.exitCode == exitCode,
            qPrintable(u"exit %1: %2"_s.arg(run.exitCode).arg(run.errText())));
        QCOMPARE(outcome.kind(), kind);
        QVERIFY2(outcome.message().contains(messagePart), qPrintable(outcome.message()));
        if (!stderrPart.isEmpty())
            QVERIFY2(run.errText().contains(stderrPart), qPrintable(run.errText()));
        if (exitCode == 0) {
            QCOMPARE(outcome.text(), u"Hello from the fake Sourcegraph! You said: hi"_s);
            QCOMPARE(storedStateName(outcome.storedReply), u"complete"_s);
        } else {
            QCOMPARE(storedStateName(outcome.storedReply), u"failed"_s);
        }
        QVERIFY2(run.elapsedMs < 15'000, qPrintable(QString::number(run.elapsedMs)));
        QVERIFY(!run.err.contains(server.options().token));
    }

    void unreadableCaFileIsAConfigurationError()
    {
        FakeSourcegraph server;
        QVERIFY(server.listen());
        CliRunner cli;
        cli.useServer(server);
        cli.environment().insert(u"CODY_CA_FILE"_s, cli.homePath() + u"/missing.pem"_s);
        const CliRun run = cli.run({u"chat"_s, u"-m"_s, u"fake::v1::normal"_s, u"hi"_s});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.errText().contains(u"CODY_CA_FILE"_s), qPrintable(run.errText()));
        QVERIFY(server.streamRequests().isEmpty()); // nothing was sent
    }
};

QTEST_GUILESS_MAIN(TestTransportFaults)
#include "tst_transportfaults.moc"
