// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "account/config.h"

#include <QDialog>
#include <QList>
#include <QProcessEnvironment>

class QCheckBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSettings;
class QTabWidget;

namespace cody {

class ProxyEditor;
class SecretStore;
class SettingsChatPage;
class SettingsConnectionTest;
class SettingsTokenEditor;

/**
 * @brief Cody Chat's settings: connection (URL, token, TLS, proxy, "Test connection") and chat
 * defaults (client name, max tokens, auto-continue, model aliases).
 *
 * Values set by environment variables are shown read-only, naming the variable. OK checks every
 * value, stores the token in the SecretStore (never in `settings`), waits for the keychain, then
 * saves the rest with Config::save() and emits settingsSaved(); problems are shown next to the
 * field at fault and keep the dialog open. Cancel saves nothing.
 *
 * Child object names are stable for tests and scripts: url, accessToken, sslBypass, caFile,
 * browseCaFile, proxySystem, proxyNone, proxyManual, proxyHost, testConnection,
 * connectionResult, clientName, defaultMaxTokens, autoContinue, maxContinuations, aliases.
 */
class SettingsDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SettingsDialog)

public:
    SettingsDialog(QSettings &settings, const QProcessEnvironment &environment,
        SecretStore *secrets, QWidget *parent = nullptr);
    ~SettingsDialog() override;

    void accept() override;
    void done(int result) override;

Q_SIGNALS:
    /// Everything was saved; reload the configuration.
    void settingsSaved();

protected:
    void changeEvent(QEvent *event) override;

private:
    QWidget *createConnectionPage();
    void loadValues();
    void onUrlEdited();
    void updateBypassWarning();
    void chooseCaFile();
    bool validate();
    bool saveSettings();
    void testConnection();

    QSettings &m_settings;
    QProcessEnvironment m_environment;
    SecretStore *m_secrets;
    QStringList m_configErrors; ///< before m_config, whose initializer fills it
    Config m_config;
    int m_saveGeneration = 0; ///< a keychain answer for an abandoned OK is ignored
    bool m_saving = false;

    QTabWidget *m_tabs = nullptr;
    QLabel *m_problems = nullptr;
    QLineEdit *m_url = nullptr;
    QLabel *m_urlMessage = nullptr;
    SettingsTokenEditor *m_token = nullptr;
    QCheckBox *m_bypass = nullptr;
    QLabel *m_bypassWarning = nullptr;
    QLineEdit *m_caFile = nullptr;
    QPushButton *m_browse = nullptr;
    QLabel *m_caMessage = nullptr;
    ProxyEditor *m_proxy = nullptr;
    SettingsConnectionTest *m_test = nullptr;
    SettingsChatPage *m_chat = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

} // namespace cody
