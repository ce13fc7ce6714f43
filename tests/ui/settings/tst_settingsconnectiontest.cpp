// SPDX-License-Identifier: Apache-2.0
// The settings dialog's "Test connection" against the fake server: success, a rejected token, a
// refused connection, TLS, and closing the dialog while a test runs.
#include "settingsdialogfixture.h"
#include "ui/settings/settingsdialog.h"

using namespace cody::test;

class TestSettingsConnectionTest : public SettingsDialogFixture
{
    Q_OBJECT

private Q_SLOTS:
    void init() { reset(); }

    void testConnection_data()
    {
        QTest::addColumn<QString>("token");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<QStringList>("mentions");
        QTest::newRow("signed in")
            << QString() << true << QStringList {u"Signed in as"_s, u"fake-user"_s, u"6.2.0"_s};
        QTest::newRow("wrong token")
            << u"sgp_wrong"_s << false << QStringList {u"rejected"_s, u"401"_s};
    }

    void testConnection()
    {
        QFETCH(QString, token);
        QFETCH(bool, ok);
        QFETCH(QStringList, mentions);
        FakeSourcegraph server;
        QVERIFY(server.listen());
        auto dialog = open();
        QTRY_VERIFY(!tokenBusy(dialog.get()));
        setUrl(dialog.get(), server.baseUrl().toString());
        QTRY_VERIFY(!tokenBusy(dialog.get()));
        typeToken(
            dialog.get(), token.isEmpty() ? QString::fromLatin1(server.options().token) : token);
        child<QLineEdit>(dialog.get(), u"clientName"_s)->setText(u"dialogtest"_s);
        auto *button = child<QPushButton>(dialog.get(), u"testConnection"_s);
        button->click();
        QVERIFY(!button->isEnabled());
        QTRY_VERIFY(button->isEnabled());
        const QString text = resultText(dialog.get());
        for (const auto &word : mentions)
            QVERIFY2(text.contains(word), qPrintable(text));
        QCOMPARE(text.startsWith(u"Signed in"_s), ok);
        // The unsaved values were used, and nothing was saved.
        QVERIFY(!server.requests().isEmpty());
        QCOMPARE(server.requests().constFirst().header("x-sourcegraph-api-client-name"),
            QByteArray("dialogtest"));
        m_settings->sync();
        QVERIFY(m_settings->allKeys().isEmpty());
        QVERIFY(m_secrets.secrets().isEmpty());
    }

    void testConnectionRefused()
    {
        QTcpServer closed;
        QVERIFY(closed.listen(QHostAddress::LocalHost));
        const quint16 port = closed.serverPort();
        closed.close();
        auto dialog = open();
        QTRY_VERIFY(!tokenBusy(dialog.get()));
        setUrl(dialog.get(), u"http://127.0.0.1:%1"_s.arg(port));
        QTRY_VERIFY(!tokenBusy(dialog.get()));
        typeToken(dialog.get(), u"sgp_any"_s);
        child<QPushButton>(dialog.get(), u"testConnection"_s)->click();
        QTRY_VERIFY(resultText(dialog.get()).contains(u"refused"_s));
        QVERIFY(resultText(dialog.get()).contains(QString::number(port)));
    }

    void testConnectionTls()
    {
        QString cert;
        QString key;
        QString error;
        QVERIFY2(cody::test::generateSelfSignedCertificate(
                     m_dir.path(), {u"127.0.0.1"_s}, &cert, &key, &error),
            qPrintable(error));
        FakeSourcegraph::Options options;
        options.tlsCertFile = cert;
        options.tlsKeyFile = key;
        FakeSourcegraph server(options);
        QVERIFY2(server.listen(), qPrintable(server.errorString()));
        auto dialog = open();
        QTRY_VERIFY(!tokenBusy(dialog.get()));
        setUrl(dialog.get(), server.baseUrl().toString());
        QTRY_VERIFY(!tokenBusy(dialog.get()));
        typeToken(dialog.get(), QString::fromLatin1(server.options().token));
        auto *button = child<QPushButton>(dialog.get(), u"testConnection"_s);

        button->click();
        QTRY_VERIFY(button->isEnabled());
        QVERIFY2(resultText(dialog.get()).contains(u"certificate"_s),
            qPrintable(resultText(dialog.get())));
        QVERIFY(!resultText(dialog.get()).startsWith(u"Signed in"_s));

        // The CA file makes it verifiable.
        child<QLineEdit>(dialog.get(), u"caFile"_s)->setText(cert);
        button->click();
        QTRY_VERIFY(button->isEnabled());
        QVERIFY2(resultText(dialog.get()).startsWith(u"Signed in"_s),
            qPrintable(resultText(dialog.get())));

        // The bypass works too, and says that nothing was verified.
        child<QLineEdit>(dialog.get(), u"caFile"_s)->clear();
        child<QCheckBox>(dialog.get(), u"sslBypass"_s)->setChecked(true);
        QVERIFY(
            child<QLabel>(dialog.get(), u"sslBypassWarning"_s)->text().contains(u"127.0.0.1"_s));
        button->click();
        QTRY_VERIFY(button->isEnabled());
        QVERIFY2(resultText(dialog.get()).contains(u"without checking the certificate"_s),
            qPrintable(resultText(dialog.get())));

        // An unreadable CA file is reported before connecting.
        child<QCheckBox>(dialog.get(), u"sslBypass"_s)->setChecked(false);
        child<QLineEdit>(dialog.get(), u"caFile"_s)->setText(m_dir.filePath(u"none.pem"_s));
        button->click();
        QVERIFY(button->isEnabled());
        QVERIFY(resultText(dialog.get()).contains(u"none.pem"_s));
    }

    void closingDuringATestIsSafe()
    {
        // A server that accepts connections and never answers.
        QTcpServer silent;
        QVERIFY(silent.listen(QHostAddress::LocalHost));
        QSignalSpy connected(&silent, &QTcpServer::newConnection);
        auto dialog = open();
        QTRY_VERIFY(!tokenBusy(dialog.get()));
        setUrl(dialog.get(), u"http://127.0.0.1:%1"_s.arg(silent.serverPort()));
        QTRY_VERIFY(!tokenBusy(dialog.get()));
        auto *button = child<QPushButton>(dialog.get(), u"testConnection"_s);
        button->click();
        QVERIFY(connected.wait());
        QVERIFY(resultText(dialog.get()).startsWith(u"Connecting"_s));
        dialog->reject();
        QVERIFY(button->isEnabled());
        QVERIFY(!child<QLabel>(dialog.get(), u"connectionResult"_s)->isVisibleTo(dialog.get()));

        dialog->show();
        button->click();
        QTRY_VERIFY(connected.count() >= 2);
        dialog.reset(); // destroyed mid-test
        QTest::qWait(0);
        QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    }
};

QTEST_MAIN(TestSettingsConnectionTest)
#include "tst_settingsconnectiontest.moc"
