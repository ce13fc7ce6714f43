// SPDX-License-Identifier: Apache-2.0
// TlsPolicy alone, and HTTPS end to end against the fake server with a certificate generated for
// this run: refused by default, accepted with the bypass for that host only, accepted with a CA
// file.
#include "fakesourcegraph.h"
#include "net/tlspolicy.h"
#include "replyrunner.h"
#include "testcertificate.h"

#include <QSignalSpy>
#include <QSslCertificate>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace cody;
using namespace cody::test;

class TestTlsPolicy : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_cert;
    QString m_key;
    std::unique_ptr<FakeSourcegraph> m_server;

    SourcegraphClient::Settings httpsSettings(
        bool bypass, const QString &caFile, const QUrl &bypassFor = {}) const
    {
        auto settings = clientSettingsFor(*m_server);
        QString error;
        if (!settings.tls.configure(
                bypassFor.isEmpty() ? settings.baseUrl : bypassFor, bypass, caFile, &error))
            qFatal("%s", qPrintable(error));
        return settings;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QString error;
        QVERIFY2(generateSelfSignedCertificate(
                     m_dir.path(), {u"127.0.0.1"_s, u"localhost"_s}, &m_cert, &m_key, &error),
            qPrintable(error));
        FakeSourcegraph::Options options;
        options.tlsCertFile = m_cert;
        options.tlsKeyFile = m_key;
        m_server = std::make_unique<FakeSourcegraph>(options);
        QVERIFY2(m_server->listen(), qPrintable(m_server->errorString()));
        QCOMPARE(m_server->baseUrl().scheme(), u"https"_s);
    }

    void bypassIsScopedToTheConfiguredHost()
    {
        TlsPolicy policy;
        QString error;
        QVERIFY(policy.configure(QUrl(u"https://sg.example.com/prefix"_s), true, {}, &error));
        QVERIFY(policy.bypassEnabled());
        QVERIFY(policy.bypasses(QUrl(u"https://sg.example.com/.api/graphql"_s)));
        QVERIFY(policy.bypasses(QUrl(u"https://SG.example.com:8443/"_s)));
        QVERIFY(!policy.bypasses(QUrl(u"https://other.example.com/"_s)));
        QVERIFY(!policy.bypasses(QUrl(u"https://sg.example.com.evil.test/"_s)));
        QVERIFY(policy.configure(QUrl(u"https://sg.example.com"_s), false, {}, &error));
        QVERIFY(!policy.bypasses(QUrl(u"https://sg.example.com/"_s)));
    }

    void badCaFiles()
    {
        TlsPolicy policy;
        QString error;
        QVERIFY(!policy.configure(
            QUrl(u"https://a.example"_s), false, m_dir.filePath(u"missing.pem"_s), &error));
        QVERIFY2(error.contains(u"missing.pem"_s), qPrintable(error));
        QFile junk(m_dir.filePath(u"junk.pem"_s));
        QVERIFY(junk.open(QIODevice::WriteOnly));
        junk.write("not a certificate\n");
        junk.close();
        QVERIFY(!policy.configure(QUrl(u"https://a.example"_s), false, junk.fileName(), &error));
        QVERIFY2(error.contains(u"no PEM certificate"_s), qPrintable(error));
    }

    // The CA file joins the system's roots; it must not replace them.
    void caFileAddsToTheSystemRoots()
    {
        const auto system = QSslConfiguration::systemCaCertificates();
        if (system.isEmpty())
            QSKIP("this machine has no system CA certificates (package ca-certificates)");
        TlsPolicy policy;
        QString error;
        QVERIFY(policy.configure(QUrl(u"https://a.example"_s), false, m_cert, &error));
        const auto trusted = policy.sslConfiguration().caCertificates();
        QCOMPARE(trusted.size(), system.size() + 1);
        QVERIFY(trusted.contains(QSslCertificate::fromPath(m_cert).constFirst()));
        QVERIFY(trusted.contains(system.constFirst()));
    }

    void selfSignedIsRefusedByDefault()
    {
        SourcegraphClient client(httpsSettings(false, {}));
        const ReplyRun run = runReply(client, scenarioRequest(u"normal"_s));
        QCOMPARE(run.result.error.kind, ErrorKind::Tls);
        QVERIFY2(run.result.error.message.contains(u"CODY_CA_FILE"_s),
            qPrintable(run.result.error.message));
        QVERIFY(run.result.error.message.contains(u"self-signed"_s, Qt::CaseInsensitive));
    }

    void bypassForTheConfiguredHostIsAccepted()
    {
        SourcegraphClient client(httpsSettings(true, {}));
        QSignalSpy bypassed(&client, &SourcegraphClient::tlsBypassed);
        const ReplyRun run = runReply(client, scenarioRequest(u"normal"_s));
        QVERIFY2(!run.result.error.isError(), qPrintable(run.result.error.message));
        QVERIFY(run.result.text.startsWith(u"Hello from the fake Sourcegraph"_s));
        QVERIFY(bypassed.count() >= 1);
        QCOMPARE(bypassed.constFirst().at(0).toUrl().host(), u"127.0.0.1"_s);
    }

    void bypassForAnotherHostDoesNotApply()
    {
        SourcegraphClient client(httpsSettings(true, {}, QUrl(u"https://localhost"_s)));
        QSignalSpy bypassed(&client, &SourcegraphClient::tlsBypassed);
        const ReplyRun run = runReply(client, scenarioRequest(u"normal"_s));
        QCOMPARE(run.result.error.kind, ErrorKind::Tls);
        QCOMPARE(bypassed.count(), 0);
    }

    void caFileIsAccepted()
    {
        SourcegraphClient client(httpsSettings(false, m_cert));
        QSignalSpy bypassed(&client, &SourcegraphClient::tlsBypassed);
        const ReplyRun run = runReply(client, scenarioRequest(u"normal"_s));
        QVERIFY2(!run.result.error.isError(), qPrintable(run.result.error.message));
        QCOMPARE(bypassed.count(), 0);
    }

    // A policy change drops pooled connections, so a connection accepted under the bypass is not
    // reused once verification is back on.
    void bypassedConnectionIsNotReusedAfterPolicyChange()
    {
        SourcegraphClient client(httpsSettings(true, {}));
        QVERIFY(!runReply(client, scenarioRequest(u"normal"_s)).result.error.isError());
        client.setSettings(httpsSettings(false, {}));
        const ReplyRun run = runReply(client, scenarioRequest(u"normal"_s));
        QCOMPARE(run.result.error.kind, ErrorKind::Tls);
    }
};

QTEST_GUILESS_MAIN(TestTlsPolicy)
#include "tst_tlspolicy.moc"
