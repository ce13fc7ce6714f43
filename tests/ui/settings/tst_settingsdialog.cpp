// SPDX-License-Identifier: Apache-2.0
#include "account/config.h"
#include "darkpalette.h"
#include "fakesourcegraph.h"
#include "memorysecretstore.h"
#include "settingsdialogfixture.h"
#include "testcertificate.h"
#include "ui/settings/aliaseditor.h"
#include "ui/settings/settingsdialog.h"
#include "ui/settings/settingstokeneditor.h"

#include <QAbstractItemView>
#include <QAbstractSpinBox>
#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStyleFactory>
#include <QTabWidget>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QToolButton>

#include <algorithm>
#include <memory>

using namespace Qt::StringLiterals;
using cody::SecretResult;
using cody::SecretStore;
using cody::SettingsDialog;
using cody::test::FakeSourcegraph;
using cody::test::MemorySecretStore;

using namespace cody::test;

class TestSettingsDialog : public SettingsDialogFixture
{
    Q_OBJECT

private Q_SLOTS:
    void init() { reset(); }

    void roundTrip()
    {
        QString cert;
        QString key;
        QString error;
        QVERIFY2(cody::test::generateSelfSignedCertificate(
                     m_dir.path(), {u"127.0.0.1"_s}, &cert, &key, &error),
            qPrintable(error));
        {
            auto dialog = open();
            QTRY_VERIFY(!tokenBusy(dialog.get()));
            setUrl(dialog.get(), u"https://sg.example.com/"_s);
            QTRY_VERIFY(!tokenBusy(dialog.get()));
            typeToken(dialog.get(), u"sgp_round_trip"_s);
            child<QCheckBox>(dialog.get(), u"sslBypass"_s)->setChecked(true);
            child<QLineEdit>(dialog.get(), u"caFile"_s)->setText(cert);
            child<QRadioButton>(dialog.get(), u"proxyManual"_s)->setChecked(true);
            child<QLineEdit>(dialog.get(), u"proxyHost"_s)->setText(u"proxy.corp:3128"_s);
            child<QLineEdit>(dialog.get(), u"clientName"_s)->setText(u"mytool"_s);
            child<QSpinBox>(dialog.get(), u"defaultMaxTokens"_s)->setValue(2048);
            child<QSpinBox>(dialog.get(), u"maxContinuations"_s)->setValue(3);
            child<QCheckBox>(dialog.get(), u"autoContinue"_s)->setChecked(false);
            child<QCheckBox>(dialog.get(), u"contextRewrite"_s)->setChecked(false);
            QVERIFY(!child<QSpinBox>(dialog.get(), u"maxContinuations"_s)->isEnabled());
            dialog->findChild<cody::AliasEditor *>()->setEntries({{u"fast"_s, FastTarget}});

            QSignalSpy saved(dialog.get(), &SettingsDialog::settingsSaved);
            clickOk(dialog.get());
            QTRY_COMPARE(saved.count(), 1);
            QCOMPARE(dialog->result(), int(QDialog::Accepted));
            QVERIFY(!dialog->isVisible());
        }

        m_settings->sync();
        QCOMPARE(m_settings->value(u"endpoint/url"_s).toString(), u"https://sg.example.com"_s);
        // Bound to the host it was turned on for.
        QCOMPARE(m_settings->value(u"tls/bypass"_s).toString(), u"sg.example.com"_s);
        QCOMPARE(m_settings->value(u"tls/caFile"_s).toString(), cert);
        QCOMPARE(m_settings->value(u"network/proxyMode"_s).toString(), u"manual"_s);
        QCOMPARE(m_settings->value(u"network/proxyHost"_s).toString(), u"proxy.corp:3128"_s);
        QCOMPARE(m_settings->value(u"client/name"_s).toString(), u"mytool"_s);
        QCOMPARE(m_settings->value(u"chat/defaultMaxTokens"_s).toInt(), 2048);
        QCOMPARE(m_settings->value(u"chat/autoContinue"_s).toString(), u"false"_s);
        QCOMPARE(m_settings->value(u"chat/contextRewrite"_s).toString(), u"false"_s);
        QCOMPARE(m_settings->value(u"chat/maxContinuations"_s).toInt(), 3);
        QCOMPARE(m_settings->value(u"aliases/fast"_s).toString(), FastTarget);
        QCOMPARE(m_secrets.secrets().value(u"https://sg.example.com"_s), u"sgp_round_trip"_s);
        QCOMPARE(m_secrets.secrets().size(), 1);

        // What the rest of the app reads back.
        QStringList errors;
        const auto config = cody::Config::load({}, m_settings.get(), &errors);
        QVERIFY2(errors.isEmpty(), qPrintable(errors.join(u'\n')));
        QCOMPARE(config.proxy.httpsProxy, u"http://proxy.corp:3128"_s);

        // The token is in the store and nowhere in the settings directory.
        QDirIterator files(m_dir.path(), QDir::Files, QDirIterator::Subdirectories);
        while (files.hasNext()) {
            const QString path = files.next();
            QVERIFY2(!fileBytes(path).contains("sgp_round_trip"), qPrintable(path));
        }
        QVERIFY(fileBytes(iniPath()).contains("proxy.corp"));

        auto dialog = open();
        QTRY_COMPARE(tokenEdit(dialog.get())->text(), u"sgp_round_trip"_s);
        QCOMPARE(tokenEdit(dialog.get())->echoMode(), QLineEdit::Password);
        QCOMPARE(child<QLineEdit>(dialog.get(), u"url"_s)->text(), u"https://sg.example.com"_s);
        QVERIFY(child<QCheckBox>(dialog.get(), u"sslBypass"_s)->isChecked());
        QCOMPARE(child<QLineEdit>(dialog.get(), u"caFile"_s)->text(), cert);
        QVERIFY(child<QRadioButton>(dialog.get(), u"proxyManual"_s)->isChecked());
        QCOMPARE(child<QLineEdit>(dialog.get(), u"proxyHost"_s)->text(), u"proxy.corp:3128"_s);
        QCOMPARE(child<QLineEdit>(dialog.get(), u"clientName"_s)->text(), u"mytool"_s);
        QCOMPARE(child<QSpinBox>(dialog.get(), u"defaultMaxTokens"_s)->value(), 2048);
        QVERIFY(!child<QCheckBox>(dialog.get(), u"autoContinue"_s)->isChecked());
        QVERIFY(!child<QCheckBox>(dialog.get(), u"contextRewrite"_s)->isChecked());
        QCOMPARE(child<QSpinBox>(dialog.get(), u"maxContinuations"_s)->value(), 3);
        const QList<cody::AliasEditor::Entry> aliases {{u"fast"_s, FastTarget}};
        QCOMPARE(dialog->findChild<cody::AliasEditor *>()->entries(), aliases);
        // Unchanged values are not written again, and defaults never were.
        QVERIFY(!m_settings->contains(u"chat/model"_s));
    }

    void showHideToken()
    {
        m_secrets.write(
            u"https://sg.example.com"_s, u"sgp_shown"_s, this, [](const SecretResult &) {});
        m_settings->setValue(u"endpoint/url"_s, u"https://sg.example.com"_s);
        auto dialog = open();
        QLineEdit *edit = tokenEdit(dialog.get());
        QTRY_COMPARE(edit->text(), u"sgp_shown"_s);
        QCOMPARE(edit->echoMode(), QLineEdit::Password);
        QAction *show = dialog->findChild<QAction *>(u"showToken"_s);
        QVERIFY(show && show->isEnabled());
        show->trigger();
        QCOMPARE(edit->echoMode(), QLineEdit::Normal);
        QCOMPARE(show->text(), u"Hide token"_s);
        show->trigger();
        QCOMPARE(edit->echoMode(), QLineEdit::Password);

        // The in-field button takes no focus; the keyboard has Ctrl+H in the field.
        QApplication::setActiveWindow(dialog.get());
        QVERIFY(QTest::qWaitForWindowActive(dialog.get()));
        edit->setFocus();
        QTest::keyClick(edit, Qt::Key_H, Qt::ControlModifier);
        QCOMPARE(edit->echoMode(), QLineEdit::Normal);
        QCOMPARE(edit->text(), u"sgp_shown"_s);
        const auto buttons = edit->findChildren<QToolButton *>();
        QVERIFY(std::any_of(buttons.begin(), buttons.end(),
            [](QToolButton *button) { return button->accessibleName() == u"Hide token"_s; }));
    }

    void invalidEnvironmentValuesAreReported()
    {
        QProcessEnvironment environment;
        environment.insert(u"CODY_DEFAULT_MAX_TOKENS"_s, u"lots"_s);
        auto dialog = open(environment);
        auto *problems = child<QLabel>(dialog.get(), u"configProblems"_s);
        QVERIFY(problems->isVisible());
        QVERIFY2(
            problems->text().contains(u"CODY_DEFAULT_MAX_TOKENS"_s), qPrintable(problems->text()));
        QCOMPARE(child<QSpinBox>(dialog.get(), u"defaultMaxTokens"_s)->value(), 512);
    }

    void changingTheUrlShowsItsToken()
    {
        m_secrets.write(u"https://a.example"_s, u"sgp_a"_s, this, [](const SecretResult &) {});
        m_secrets.write(u"https://b.example"_s, u"sgp_b"_s, this, [](const SecretResult &) {});
        m_settings->setValue(u"endpoint/url"_s, u"https://a.example"_s);
        auto dialog = open();
        QTRY_COMPARE(tokenEdit(dialog.get())->text(), u"sgp_a"_s);
        setUrl(dialog.get(), u"https://b.example"_s);
        QTRY_COMPARE(tokenEdit(dialog.get())->text(), u"sgp_b"_s);
        setUrl(dialog.get(), u"https://c.example"_s);
        QTRY_VERIFY(!tokenBusy(dialog.get()));
        QCOMPARE(tokenEdit(dialog.get())->text(), QString());
        // A typed token is kept when the URL changes afterwards, and stored for the new URL.
        typeToken(dialog.get(), u"sgp_d"_s);
        setUrl(dialog.get(), u"https://d.example"_s);
        QCOMPARE(tokenEdit(dialog.get())->text(), u"sgp_d"_s);
        QSignalSpy saved(dialog.get(), &SettingsDialog::settingsSaved);
        clickOk(dialog.get());
        QTRY_COMPARE(saved.count(), 1);
        QCOMPARE(m_secrets.secrets().value(u"https://d.example"_s), u"sgp_d"_s);
        QCOMPARE(m_secrets.secrets().value(u"https://a.example"_s), u"sgp_a"_s);
    }

    void emptiedTokenIsRemoved()
    {
        m_secrets.write(
            u"https://sg.example.com"_s, u"sgp_old"_s, this, [](const SecretResult &) {});
        m_settings->setValue(u"endpoint/url"_s, u"https://sg.example.com"_s);
        auto dialog = open();
        QTRY_COMPARE(tokenEdit(dialog.get())->text(), u"sgp_old"_s);
        typeToken(dialog.get(), QString());
        QCOMPARE(tokenEdit(dialog.get())->text(), QString());
        QSignalSpy saved(dialog.get(), &SettingsDialog::settingsSaved);
        clickOk(dialog.get());
        QTRY_COMPARE(saved.count(), 1);
        QVERIFY(m_secrets.secrets().isEmpty());
    }

    void environmentOverridesAreReadOnly()
    {
        QProcessEnvironment environment;
        const QList<std::pair<QString, QString>> variables {
            {u"LLM_BASE_URL"_s, u"https://env.example.com"_s},
            {u"LLM_API_KEY"_s, u"sgp_environment_secret"_s},
            {u"CODY_SSL_BYPASS"_s, u"true"_s},
            {u"CODY_CA_FILE"_s, u"/etc/env-ca.pem"_s},
            {u"https_proxy"_s, u"http://user:hunter2@envproxy:3128"_s},
            {u"CODY_CLIENT_NAME"_s, u"envtool"_s},
            {u"CODY_DEFAULT_MAX_TOKENS"_s, u"4000"_s},
            {u"CODY_AUTO_CONTINUE"_s, u"false"_s},
            {u"CODY_MAX_CONTINUATIONS"_s, u"7"_s},
            {u"CODY_CONTEXT_REWRITE"_s, u"false"_s},
        };
        for (const auto &[name, value] : variables)
            environment.insert(name, value);
        m_secrets.write(
            u"https://env.example.com"_s, u"sgp_keychain"_s, this, [](const SecretResult &) {});
        m_settings->setValue(u"client/name"_s, u"savedtool"_s);

        auto dialog = open(environment);
        QTRY_VERIFY(!tokenBusy(dialog.get()));
        QCoreApplication::processEvents(); // a keychain answer, if one were asked for

        const auto expectNamed = [&](QWidget *field, const QString &variable) {
            QVERIFY2(field->toolTip().contains(u"Set by "_s + variable),
                qPrintable(field->objectName() + u": "_s + field->toolTip()));
            QVERIFY(field->toolTip().contains(u"the environment wins"_s));
            if (auto *edit = qobject_cast<QLineEdit *>(field))
                QVERIFY2(edit->isReadOnly(), qPrintable(field->objectName()));
            else if (auto *spin = qobject_cast<QAbstractSpinBox *>(field))
                QVERIFY2(spin->isReadOnly(), qPrintable(field->objectName()));
            else
                QVERIFY2(!field->isEnabled(), qPrintable(field->objectName()));
        };
        auto *url = child<QLineEdit>(dialog.get(), u"url"_s);
        QCOMPARE(url->text(), u"https://env.example.com"_s);
        expectNamed(url, u"LLM_BASE_URL"_s);
        QVERIFY(child<QLabel>(dialog.get(), u"urlMessage"_s)->isVisible());
        QVERIFY(child<QLabel>(dialog.get(), u"urlMessage"_s)->text().contains(u"LLM_BASE_URL"_s));

        QLineEdit *token = tokenEdit(dialog.get());
        expectNamed(token, u"LLM_API_KEY"_s);
        QCOMPARE(token->text(), QString());
        QVERIFY(token->placeholderText().contains(u"set by LLM_API_KEY"_s));
        QVERIFY(child<QLabel>(dialog.get(), u"tokenStatus"_s)->text().contains(u"LLM_API_KEY"_s));

        auto *bypass = child<QCheckBox>(dialog.get(), u"sslBypass"_s);
        QVERIFY(bypass->isChecked());
        expectNamed(bypass, u"CODY_SSL_BYPASS"_s);
        QVERIFY(child<QLabel>(dialog.get(), u"sslBypassWarning"_s)
                    ->text()
                    .contains(u"CODY_SSL_BYPASS"_s));
        expectNamed(child<QLineEdit>(dialog.get(), u"caFile"_s), u"CODY_CA_FILE"_s);
        QVERIFY(!child<QPushButton>(dialog.get(), u"browseCaFile"_s)->isEnabled());

        for (const auto &name : {u"proxySystem"_s, u"proxyNone"_s, u"proxyManual"_s})
            expectNamed(child<QRadioButton>(dialog.get(), name), u"https_proxy"_s);
        QVERIFY(child<QRadioButton>(dialog.get(), u"proxySystem"_s)->isChecked());
        auto *proxyHost = child<QLineEdit>(dialog.get(), u"proxyHost"_s);
        expectNamed(proxyHost, u"https_proxy"_s);
        QVERIFY2(proxyHost->text().contains(u"envproxy:3128"_s), qPrintable(proxyHost->text()));

        auto *clientName = child<QLineEdit>(dialog.get(), u"clientName"_s);
        QCOMPARE(clientName->text(), u"envtool"_s);
        expectNamed(clientName, u"CODY_CLIENT_NAME"_s);
        QCOMPARE(child<QSpinBox>(dialog.get(), u"defaultMaxTokens"_s)->value(), 4000);
        expectNamed(
            child<QSpinBox>(dialog.get(), u"defaultMaxTokens"_s), u"CODY_DEFAULT_MAX_TOKENS"_s);
        expectNamed(child<QCheckBox>(dialog.get(), u"autoContinue"_s), u"CODY_AUTO_CONTINUE"_s);
        QVERIFY(!child<QCheckBox>(dialog.get(), u"contextRewrite"_s)->isChecked());
        expectNamed(child<QCheckBox>(dialog.get(), u"contextRewrite"_s), u"CODY_CONTEXT_REWRITE"_s);
        QCOMPARE(child<QSpinBox>(dialog.get(), u"maxContinuations"_s)->value(), 7);
        expectNamed(
            child<QSpinBox>(dialog.get(), u"maxContinuations"_s), u"CODY_MAX_CONTINUATIONS"_s);

        // Neither secret appears anywhere in the dialog.
        const auto walk = dialog->findChildren<QWidget *>();
        for (QWidget *widget : walk) {
            QString text;
            if (auto *edit = qobject_cast<QLineEdit *>(widget))
                text = edit->text() + edit->placeholderText() + edit->toolTip();
            else if (auto *label = qobject_cast<QLabel *>(widget))
                text = label->text();
            for (const auto &secret :
                {u"sgp_environment_secret"_s, u"sgp_keychain"_s, u"hunter2"_s})
                QVERIFY2(!text.contains(secret), qPrintable(widget->objectName()));
        }

        // OK keeps the saved settings as they were: environment values are not the user's choice.
        QSignalSpy saved(dialog.get(), &SettingsDialog::settingsSaved);
        clickOk(dialog.get());
        QTRY_COMPARE(saved.count(), 1);
        m_settings->sync();
        QCOMPARE(m_settings->value(u"client/name"_s).toString(), u"savedtool"_s);
        for (const auto &key : {u"endpoint/url"_s, u"tls/bypass"_s, u"tls/caFile"_s,
                 u"network/proxyMode"_s, u"network/proxyHost"_s, u"chat/defaultMaxTokens"_s,
                 u"chat/autoContinue"_s, u"chat/maxContinuations"_s, u"chat/contextRewrite"_s})
            QVERIFY2(!m_settings->contains(key), qPrintable(key));
        QVERIFY(!fileBytes(iniPath()).contains("sgp_"));
        QCOMPARE(m_secrets.secrets().value(u"https://env.example.com"_s), u"sgp_keychain"_s);
    }

    void cancelSavesNothing()
    {
        m_settings->setValue(u"endpoint/url"_s, u"https://sg.example.com"_s);
        m_settings->setValue(u"client/name"_s, u"before"_s);
        m_settings->setValue(u"aliases/fast"_s, FastTarget);
        m_settings->sync();
        const QByteArray before = fileBytes(iniPath());
        m_secrets.write(
            u"https://sg.example.com"_s, u"sgp_before"_s, this, [](const SecretResult &) {});

        auto dialog = open();
        QTRY_COMPARE(tokenEdit(dialog.get())->text(), u"sgp_before"_s);
        typeToken(dialog.get(), u"sgp_after"_s);
        child<QLineEdit>(dialog.get(), u"clientName"_s)->setText(u"after"_s);
        child<QCheckBox>(dialog.get(), u"sslBypass"_s)->setChecked(true);
        child<QRadioButton>(dialog.get(), u"proxyNone"_s)->setChecked(true);
        dialog->findChild<cody::AliasEditor *>()->setEntries({});
        QSignalSpy saved(dialog.get(), &SettingsDialog::settingsSaved);
        dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Cancel)->click();
        QCOMPARE(dialog->result(), int(QDialog::Rejected));
        QVERIFY(!dialog->isVisible());
        dialog.reset();
        QCoreApplication::processEvents();

        QCOMPARE(saved.count(), 0);
        m_settings->sync();
        QCOMPARE(fileBytes(iniPath()), before);
        QCOMPARE(m_secrets.secrets().value(u"https://sg.example.com"_s), u"sgp_before"_s);
    }

    void invalidAliasIsShownInline_data()
    {
        QTest::addColumn<QList<cody::AliasEditor::Entry>>("entries");
        QTest::addColumn<QString>("mentions");
        using List = QList<cody::AliasEditor::Entry>;
        QTest::newRow("shadows a built-in") << List {{u"cody-opus"_s, FastTarget}} << u"built-in"_s;
        QTest::newRow("bad target") << List {{u"fast"_s, u"not a model"_s}} << u"not a model"_s;
        QTest::newRow("no target") << List {{u"fast"_s, QString()}} << u"fast"_s;
        QTest::newRow("no name") << List {{QString(), FastTarget}} << u"Row 1"_s;
        QTest::newRow("bad name") << List {{u"a/b"_s, FastTarget}} << u"a/b"_s;
        QTest::newRow("twice") << List {{u"fast"_s, FastTarget}, {u"FAST"_s, FastTarget}}
                               << u"twice"_s;
        QTest::newRow("chain") << List {{u"quick"_s, u"fast"_s}, {u"fast"_s, FastTarget}}
                               << u"itself an alias"_s;
    }

    void invalidAliasIsShownInline()
    {
        QFETCH(QList<cody::AliasEditor::Entry>, entries);
        QFETCH(QString, mentions);
        auto dialog = open();
        QTRY_VERIFY(!tokenBusy(dialog.get()));
        dialog->findChild<cody::AliasEditor *>()->setEntries(entries);
        QSignalSpy saved(dialog.get(), &SettingsDialog::settingsSaved);
        clickOk(dialog.get());
        auto *message = child<QLabel>(dialog.get(), u"aliasMessage"_s);
        QTRY_VERIFY(message->isVisible());
        QVERIFY2(message->text().contains(mentions), qPrintable(message->text()));
        QVERIFY(dialog->isVisible());
        QCOMPARE(child<QTabWidget>(dialog.get(), u"settingsTabs"_s)->currentIndex(), 1);
        QCOMPARE(QApplication::activeModalWidget(), nullptr); // no message box
        QTest::qWait(0);
        QCOMPARE(saved.count(), 0);
        m_settings->sync();
        QVERIFY(m_settings->allKeys().isEmpty());
    }

    void invalidFieldsAreShownInline()
    {
        auto dialog = open();
        QTRY_VERIFY(!tokenBusy(dialog.get()));
        setUrl(dialog.get(), u"sg.example.com"_s);
        QVERIFY(child<QLabel>(dialog.get(), u"urlMessage"_s)->text().contains(u"http"_s));
        child<QLineEdit>(dialog.get(), u"caFile"_s)->setText(m_dir.filePath(u"missing.pem"_s));
        child<QRadioButton>(dialog.get(), u"proxyManual"_s)->setChecked(true);
        child<QLineEdit>(dialog.get(), u"proxyHost"_s)->setText(u"proxy.corp"_s);
        clickOk(dialog.get());
        QVERIFY(dialog->isVisible());
        QVERIFY(child<QLabel>(dialog.get(), u"caFileMessage"_s)->text().contains(u"missing.pem"_s));
        QVERIFY(child<QLabel>(dialog.get(), u"proxyMessage"_s)->text().contains(u"host:port"_s));
        QCOMPARE(dialog->focusWidget(), child<QLineEdit>(dialog.get(), u"url"_s));
        m_settings->sync();
        QVERIFY(m_settings->allKeys().isEmpty());
    }

    void keychainUnavailable()
    {
        m_secrets.setUnavailable(true);
        auto dialog = open();
        // The keychain is asked once there is a URL to ask about.
        setUrl(dialog.get(), u"https://sg.example.com"_s);
        auto *status = child<QLabel>(dialog.get(), u"tokenStatus"_s);
        QTRY_VERIFY(status->text().contains(u"No keychain is available"_s));
        QVERIFY(status->text().contains(u"never stores tokens in plain text"_s));
        // Said once, with what to do; the technical cause is in the tooltip, not the sentence.
        QCOMPARE(status->text().count(u"keychain"_s, Qt::CaseInsensitive), 1);
        QCOMPARE(status->text().count(u"LLM_API_KEY"_s), 1);
        QVERIFY2(!status->text().contains(u"dbus-launch"_s), qPrintable(status->text()));
        QVERIFY2(status->toolTip().contains(u"dbus-launch"_s), qPrintable(status->toolTip()));
        QVERIFY(status->isVisible());
        QVERIFY(!tokenEdit(dialog.get())->isEnabled());

        // The other settings still save.
        child<QLineEdit>(dialog.get(), u"clientName"_s)->setText(u"nokeychain"_s);
        QSignalSpy saved(dialog.get(), &SettingsDialog::settingsSaved);
        clickOk(dialog.get());
        QTRY_COMPARE(saved.count(), 1);
        m_settings->sync();
        QCOMPARE(m_settings->value(u"client/name"_s).toString(), u"nokeychain"_s);
        QVERIFY(m_secrets.secrets().isEmpty());
    }

    void failedTokenWriteKeepsTheDialogOpen()
    {
        RefusingSecretStore refusing;
        auto dialog = open({}, &refusing);
        QTRY_VERIFY(!tokenBusy(dialog.get()));
        setUrl(dialog.get(), u"https://sg.example.com"_s);
        QTRY_VERIFY(!tokenBusy(dialog.get()));
        typeToken(dialog.get(), u"sgp_refused"_s);
        child<QLineEdit>(dialog.get(), u"clientName"_s)->setText(u"notsaved"_s);
        QSignalSpy saved(dialog.get(), &SettingsDialog::settingsSaved);
        clickOk(dialog.get());
        auto *status = child<QLabel>(dialog.get(), u"tokenStatus"_s);
        QTRY_VERIFY(status->text().contains(u"could not be saved"_s));
        QVERIFY(status->text().contains(u"locked (test)"_s));
        QVERIFY(dialog->isVisible());
        QCOMPARE(saved.count(), 0);
        QVERIFY(dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->isEnabled());
        m_settings->sync();
        QVERIFY(m_settings->allKeys().isEmpty());
    }

    void everyControlHasAnAccessibleName()
    {
        QProcessEnvironment environment;
        auto dialog = open(environment);
        QTRY_VERIFY(!tokenBusy(dialog.get()));
        dialog->findChild<cody::AliasEditor *>()->setEntries({{u"fast"_s, FastTarget}});
        const auto widgets = dialog->findChildren<QWidget *>();
        int checked = 0;
        for (QWidget *widget : widgets) {
            const bool interactive = qobject_cast<QAbstractButton *>(widget)
                || qobject_cast<QLineEdit *>(widget) || qobject_cast<QComboBox *>(widget)
                || qobject_cast<QAbstractSpinBox *>(widget)
                || qobject_cast<QAbstractItemView *>(widget);
            if (!interactive)
                continue;
            // Parts of a composite control (a spin box's line edit, a table's headers) are
            // presented by the control itself.
            QWidget *parent = widget->parentWidget();
            if (qobject_cast<QAbstractSpinBox *>(parent) || qobject_cast<QComboBox *>(parent)
                || qobject_cast<QAbstractItemView *>(parent)
                || (parent && qobject_cast<QAbstractItemView *>(parent->parentWidget())))
                continue;
            ++checked;
            QVERIFY2(!widget->accessibleName().isEmpty(),
                qPrintable(u"%1 \"%2\" has no accessible name"_s.arg(
                    QString::fromLatin1(widget->metaObject()->className()), widget->objectName())));
        }
        QVERIFY2(checked >= 20, qPrintable(QString::number(checked)));

        // Every label with a mnemonic leads somewhere.
        const auto labels = dialog->findChildren<QLabel *>();
        for (QLabel *label : labels) {
            if (label->text().contains(u'&') && label->textFormat() != Qt::PlainText)
                QVERIFY2(label->buddy(), qPrintable(label->text()));
        }
    }

    void tabOrderFollowsTheForm()
    {
        auto dialog = open();
        QTRY_VERIFY(!tokenBusy(dialog.get()));
        const QStringList expected {u"url"_s, u"accessToken"_s, u"sslBypass"_s, u"caFile"_s,
            u"browseCaFile"_s, u"proxySystem"_s, u"proxyNone"_s, u"proxyManual"_s, u"proxyHost"_s,
            u"testConnection"_s, u"clientName"_s, u"defaultMaxTokens"_s, u"autoContinue"_s,
            u"maxContinuations"_s, u"contextRewrite"_s, u"aliases"_s, u"addAlias"_s,
            u"removeAlias"_s};
        QStringList actual;
        QWidget *widget = child<QWidget>(dialog.get(), u"url"_s);
        while (actual.size() < expected.size()) {
            if (!widget->objectName().isEmpty() && expected.contains(widget->objectName()))
                actual.append(widget->objectName());
            widget = widget->nextInFocusChain();
            if (widget == child<QWidget>(dialog.get(), u"url"_s))
                break;
        }
        QCOMPARE(actual, expected);
    }

    // Saves the dialog, light and dark, into CODY_SCREENSHOT_DIR to look at; without it into a
    // throw-away folder, so the suite still renders both palettes and both connection results.
    void screenshots()
    {
        QTemporaryDir throwAway;
        QString dir = qEnvironmentVariable("CODY_SCREENSHOT_DIR");
        if (dir.isEmpty()) {
            QVERIFY(throwAway.isValid());
            dir = throwAway.path();
        }
        m_settings->setValue(u"endpoint/url"_s, u"https://sourcegraph.example.com"_s);
        m_settings->setValue(u"aliases/fast"_s, FastTarget);
        m_settings->setValue(u"aliases/smart"_s, u"cody/anthropic::2023-06-01::claude-3-opus"_s);
        m_secrets.write(u"https://sourcegraph.example.com"_s, u"sgp_0123456789abcdef"_s, this,
            [](const SecretResult &) {});
        QProcessEnvironment environment;
        environment.insert(u"CODY_CLIENT_NAME"_s, u"openhands"_s);
        FakeSourcegraph server;
        QVERIFY(server.listen());
        // Light: a successful test; dark: a failed one, so both result styles are seen.
        const auto shoot = [&](const QString &suffix, const QString &token) {
            environment.insert(u"LLM_BASE_URL"_s, server.baseUrl().toString());
            auto dialog = open(environment);
            QTRY_VERIFY(!tokenBusy(dialog.get()));
            typeToken(dialog.get(), token);
            child<QCheckBox>(dialog.get(), u"sslBypass"_s)->setChecked(true);
            child<QRadioButton>(dialog.get(), u"proxyNone"_s)->setChecked(true);
            child<QLineEdit>(dialog.get(), u"proxyHost"_s)->setText(u"proxy.corp:3128"_s);
            auto *button = child<QPushButton>(dialog.get(), u"testConnection"_s);
            button->click();
            QTRY_VERIFY(button->isEnabled());
            QVERIFY(!resultText(dialog.get()).isEmpty());
            auto *tabs = child<QTabWidget>(dialog.get(), u"settingsTabs"_s);
            QVERIFY(dialog->grab().save(dir + u"/settings-dialog"_s + suffix + u".png"_s));
            tabs->setCurrentIndex(1);
            QVERIFY(dialog->grab().save(dir + u"/settings-dialog-chat"_s + suffix + u".png"_s));
        };
        shoot({}, QString::fromLatin1(server.options().token));
        const QPalette light = QApplication::palette();
        QStyle *style = QStyleFactory::create(u"Fusion"_s);
        QApplication::setStyle(style);
        const QPalette dark = darkPalette();
        QApplication::setPalette(dark);
        shoot(u"-dark"_s, u"sgp_wrong"_s);
        QApplication::setPalette(light);
    }
};

QTEST_MAIN(TestSettingsDialog)
#include "tst_settingsdialog.moc"
