// SPDX-License-Identifier: Apache-2.0
#include "ui/settings/settingsdialog.h"

#include "net/tlspolicy.h"
#include "ui/common/accessible.h"
#include "ui/settings/aliaseditor.h"
#include "ui/settings/proxyeditor.h"
#include "ui/settings/settingschatpage.h"
#include "ui/settings/settingsconnectiontest.h"
#include "ui/settings/settingsstyle.h"
#include "ui/settings/settingstokeneditor.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace cody {

namespace {

constexpr auto TestIdleTimeout = std::chrono::seconds(15);

QLabel *buddyLabel(const QString &text, QWidget *buddy, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setBuddy(buddy);
    return label;
}

template <typename Widget>
Widget *named(Widget *widget, const QString &objectName, const QString &accessibleName,
    const QString &description, const QString &toolTip = {})
{
    accessible(widget, objectName, accessibleName, description);
    if (!toolTip.isEmpty())
        widget->setToolTip(toolTip);
    return widget;
}

} // namespace

SettingsDialog::SettingsDialog(QSettings &settings, const QProcessEnvironment &environment,
    SecretStore *secrets, QWidget *parent)
    : QDialog(parent)
    , m_settings(settings)
    , m_environment(environment)
    , m_secrets(secrets)
    , m_config(Config::load(environment, &settings, &m_configErrors))
{
    setWindowTitle(tr("Cody Chat Settings"));
    m_problems = SettingsStyle::statusLabel(u"configProblems"_s, this);
    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(u"settingsTabs"_s);
    m_tabs->setAccessibleName(tr("Settings pages"));
    m_tabs->setAccessibleDescription(tr("Switches between the Connection and Chat settings"));
    m_tabs->addTab(createConnectionPage(), tr("&Connection"));
    m_chat = new SettingsChatPage(this);
    m_tabs->addTab(m_chat, tr("C&hat"));
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    accessible(m_buttons->button(QDialogButtonBox::Ok), u"okButton"_s,
        tr("Save settings and close"),
        tr("Saves the settings, stores the token in the keychain and closes the dialog"));
    accessible(m_buttons->button(QDialogButtonBox::Cancel), u"cancelButton"_s,
        tr("Close without saving"), tr("Closes the dialog and forgets the changes"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &SettingsDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_problems);
    layout->addWidget(m_tabs, 1);
    layout->addWidget(m_buttons);

    // Focus moves down each page in reading order, then to the buttons.
    const QList<QWidget *> order
        = QList<QWidget *> {m_url, m_token->lineEdit(), m_bypass, m_caFile, m_browse,
              m_proxy->button(ProxySettings::Mode::System),
              m_proxy->button(ProxySettings::Mode::None),
              m_proxy->button(ProxySettings::Mode::Manual), m_proxy->hostEdit(), m_test->button()}
        + m_chat->focusOrder()
        + QList<QWidget *> {
            m_buttons->button(QDialogButtonBox::Ok), m_buttons->button(QDialogButtonBox::Cancel)};
    for (qsizetype i = 1; i < order.size(); ++i)
        setTabOrder(order.at(i - 1), order.at(i));

    loadValues();
    // Opens ready for what a new user types first: the URL, or the token when the environment
    // sets the URL. (Left alone, focus would start on the tab bar.)
    (m_url->isReadOnly() ? m_token->lineEdit() : m_url)->setFocus();
    // Wrapped status lines are as tall as their width makes them: height for the final width.
    const int width = qMax(sizeHint().width(), 620);
    resize(width,
        layout->hasHeightForWidth() ? layout->totalHeightForWidth(width) : sizeHint().height());
}

SettingsDialog::~SettingsDialog()
{
    // The URL field usually has the focus; losing it while QDialog's destructor runs emits
    // editingFinished, which must not reach this half-destroyed dialog.
    disconnect(m_url, nullptr, this, nullptr);
}

QWidget *SettingsDialog::createConnectionPage()
{
    auto *page = new QWidget(this);
    // The stretch under the form takes the height the taller Chat page leaves over; the form
    // would hand it to the wrapped labels, opening gaps between the rows.
    auto *pageLayout = new QVBoxLayout(page);
    auto *form = new QFormLayout;
    pageLayout->addLayout(form);
    pageLayout->addStretch(1);

    m_url = named(new QLineEdit(page), u"url"_s, tr("Sourcegraph URL"),
        tr("Sets the address of the Sourcegraph instance to chat with"),
        tr("The address of your Sourcegraph instance; a path prefix is fine. Also set by "
           "LLM_BASE_URL."));
    m_url->setPlaceholderText(u"https://sourcegraph.example.com"_s);
    m_urlMessage = SettingsStyle::statusLabel(u"urlMessage"_s, page);
    form->addRow(buddyLabel(tr("Sourcegraph &URL:"), m_url, page),
        SettingsStyle::withStatus(m_url, m_urlMessage));

    m_token = new SettingsTokenEditor(m_secrets, page);
    form->addRow(buddyLabel(tr("Access &token:"), m_token->lineEdit(), page), m_token);

    m_bypass = named(new QCheckBox(tr("&Skip TLS certificate verification for this host"), page),
        u"sslBypass"_s, tr("Skip TLS certificate verification for this host"),
        tr("Turns off certificate checks for this host only; insecure, see the warning below"));
    m_bypassWarning = SettingsStyle::statusLabel(u"sslBypassWarning"_s, page);
    // An empty label rather than none: QFormLayout sizes label-less rows by their size hint, not
    // by their height for the width they get, which leaves a gap under a wrapped status line.
    form->addRow(new QLabel(page), SettingsStyle::withStatus(m_bypass, m_bypassWarning));

    m_caFile = named(new QLineEdit(page), u"caFile"_s, tr("CA certificate file"),
        tr("Sets an extra CA certificate file to trust besides the system's certificates"),
        tr("An extra PEM CA bundle trusted besides the system's, the safe fix for a company TLS "
           "proxy. Also set by CODY_CA_FILE."));
    m_caFile->setPlaceholderText(tr("none: the system's certificates only"));
    m_browse = named(new QPushButton(tr("&Browse…"), page), u"browseCaFile"_s,
        tr("Browse for a CA certificate file"),
        tr("Opens a file dialog to choose the CA certificate file"));
    m_browse->setAutoDefault(false);
    m_caMessage = SettingsStyle::statusLabel(u"caFileMessage"_s, page);
    auto *caRow = new QHBoxLayout;
    caRow->addWidget(m_caFile, 1);
    caRow->addWidget(m_browse);
    form->addRow(buddyLabel(tr("CA &file:"), m_caFile, page),
        SettingsStyle::withStatus(caRow, m_caMessage, page));

    m_proxy = new ProxyEditor(page);
    form->addRow(new QLabel(tr("Proxy:"), page), m_proxy);

    m_test = new SettingsConnectionTest(page);
    form->addRow(new QLabel(page), m_test);

    connect(m_url, &QLineEdit::textChanged, this, &SettingsDialog::updateBypassWarning);
    connect(m_url, &QLineEdit::editingFinished, this, &SettingsDialog::onUrlEdited);
    connect(m_bypass, &QCheckBox::toggled, this, &SettingsDialog::updateBypassWarning);
    connect(m_browse, &QPushButton::clicked, this, &SettingsDialog::chooseCaFile);
    connect(m_caFile, &QLineEdit::textEdited, m_caMessage, &QLabel::hide);
    connect(m_test, &SettingsConnectionTest::requested, this, &SettingsDialog::testConnection);
    return page;
}

void SettingsDialog::loadValues()
{
    using Key = Config::Key;
    m_url->setText(m_config.baseUrl.toString());
    m_bypass->setChecked(m_config.sslBypass);
    m_caFile->setText(m_config.caFile);
    m_proxy->setMode(m_config.proxyMode);
    m_proxy->setHost(m_config.proxyHost);
    m_chat->load(m_config, m_settings);

    const auto fromEnvironment = [this](Key key, QWidget *field, QLabel *note) {
        if (m_config.source(key) == Config::Source::Environment)
            SettingsStyle::markFromEnvironment(field, note, m_config.origin(key));
    };
    fromEnvironment(Key::BaseUrl, m_url, m_urlMessage);
    fromEnvironment(Key::SslBypass, m_bypass, nullptr); // the warning under it names the variable
    fromEnvironment(Key::CaFile, m_caFile, m_caMessage);
    m_browse->setEnabled(!m_caFile->isReadOnly());
    if (m_config.source(Key::ProxyMode) == Config::Source::Environment)
        m_proxy->setFromEnvironment(m_config.origin(Key::ProxyMode), m_config.proxyHost);
    if (m_config.source(Key::AccessToken) == Config::Source::Environment)
        m_token->setFromEnvironment(m_config.origin(Key::AccessToken));
    m_token->load(m_config.baseUrl);
    if (!m_configErrors.isEmpty()) {
        SettingsStyle::showStatus(m_problems,
            tr("These values could not be used, so the defaults apply:\n%1")
                .arg(m_configErrors.join(u'\n')),
            SettingsStyle::Tone::Error);
    }
    updateBypassWarning();
}

void SettingsDialog::onUrlEdited()
{
    const QString text = m_url->text().trimmed();
    QString error;
    const QUrl url = text.isEmpty() ? QUrl() : Config::parseBaseUrl(text, &error);
    if (m_url->isReadOnly())
        return;
    SettingsStyle::showStatus(m_urlMessage, error, SettingsStyle::Tone::Error);
    // The token belongs to the URL: show the one stored for the new address (unless typed).
    if (error.isEmpty())
        m_token->load(url);
}

void SettingsDialog::updateBypassWarning()
{
    QString error;
    const QString host = Config::parseBaseUrl(m_url->text(), &error).host();
    const QString where = host.isEmpty() ? tr("the host in the URL above") : host;
    if (m_bypass->isChecked()) {
        SettingsStyle::showStatus(m_bypassWarning,
            tr("⚠ Certificates are not checked for %1 (and only for it). Anyone on the network "
               "path could pose as the server and read your access token and chats. A CA file "
               "is the safe fix.")
                .arg(where),
            SettingsStyle::Tone::Warning);
    } else {
        SettingsStyle::showStatus(m_bypassWarning,
            tr("Only for a server whose certificate cannot be verified. It applies to %1 only; "
               "while it is on, anyone on the network path could read your access token.")
                .arg(where),
            SettingsStyle::Tone::Note);
    }
    if (m_config.source(Config::Key::SslBypass) == Config::Source::Environment) {
        m_bypassWarning->setText(m_bypassWarning->text() + u' '
            + SettingsStyle::environmentNote(m_config.origin(Config::Key::SslBypass)));
    }
}

void SettingsDialog::chooseCaFile()
{
    const QString start
        = m_caFile->text().isEmpty() ? QString() : QFileInfo(m_caFile->text()).absolutePath();
    const QString file = QFileDialog::getOpenFileName(this, tr("Choose a CA certificate file"),
        start, tr("PEM certificates (*.pem *.crt *.cer);;All files (*)"));
    if (!file.isEmpty()) {
        m_caFile->setText(file);
        m_caMessage->hide();
    }
}

bool SettingsDialog::validate()
{
    QWidget *firstBad = nullptr;
    const auto fail = [&firstBad](QWidget *widget) {
        if (!firstBad)
            firstBad = widget;
    };
    QString error;
    const QString urlText = m_url->text().trimmed();
    if (!urlText.isEmpty() && Config::parseBaseUrl(urlText, &error).isEmpty()) {
        SettingsStyle::showStatus(m_urlMessage, error, SettingsStyle::Tone::Error);
        fail(m_url);
    } else if (urlText.isEmpty() && m_token->isEdited() && !m_token->token().isEmpty()) {
        SettingsStyle::showStatus(m_urlMessage,
            tr("Enter the Sourcegraph URL: the token is stored for it."),
            SettingsStyle::Tone::Error);
        fail(m_url);
    }
    const QString caFile = m_caFile->text().trimmed();
    if (!caFile.isEmpty() && !m_caFile->isReadOnly()
        && !TlsPolicy().configure(QUrl(), false, caFile, &error)) {
        SettingsStyle::showStatus(m_caMessage, error, SettingsStyle::Tone::Error);
        fail(m_caFile);
    }
    if (!m_proxy->validate())
        fail(m_proxy->hostEdit());
    if (!m_chat->validate())
        fail(m_chat->aliases()->table());
    if (firstBad) {
        m_tabs->setCurrentIndex(firstBad == m_chat->aliases()->table() ? 1 : 0);
        firstBad->setFocus();
    }
    return !firstBad;
}

bool SettingsDialog::saveSettings()
{
    using Key = Config::Key;
    QStringList errors;
    // Environment values are not the user's choice, and a value never changed from its default
    // is not written, so that it keeps following the default.
    const auto save = [&](Key key, const QVariant &value, const QVariant &defaultValue) {
        if (m_config.source(key) == Config::Source::Environment)
            return;
        if (!m_settings.contains(Config::settingsKey(key)) && value == defaultValue)
            return;
        QString error;
        if (!Config::save(m_settings, key, value, &error))
            errors.append(error);
    };
    QString ignored;
    const QUrl url = Config::parseBaseUrl(m_url->text(), &ignored);
    save(Key::BaseUrl, url.isEmpty() ? QVariant() : QVariant(url.toString()), QVariant());
    // Saved as the host it is for: it must not silently cover an address typed later.
    save(Key::SslBypass,
        m_bypass->isChecked() && !url.isEmpty() ? QVariant(url.host()) : QVariant(false), false);
    save(Key::CaFile, m_caFile->text().trimmed(), QString());
    const QString host = m_proxy->host();
    save(Key::ProxyMode, ProxySettings::modeName(m_proxy->mode()),
        ProxySettings::modeName(ProxySettings::Mode::System));
    // A half-typed host for a mode that does not use it is dropped rather than refused.
    if (host.isEmpty() || ProxySettings::hostPortProblem(host).isEmpty())
        save(Key::ProxyHost, host, QString());
    m_chat->save(m_settings, save);
    m_settings.sync();
    if (m_settings.status() != QSettings::NoError)
        errors.append(tr("The settings file %1 could not be written.").arg(m_settings.fileName()));
    SettingsStyle::showStatus(m_problems, errors.join(u'\n'), SettingsStyle::Tone::Error);
    return errors.isEmpty();
}

void SettingsDialog::accept()
{
    if (m_saving || !validate())
        return;
    m_saving = true;
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(false);
    QString ignored;
    const QUrl url = Config::parseBaseUrl(m_url->text(), &ignored);
    const int generation = ++m_saveGeneration;
    // Settings are written only once the keychain has the token, so that a failure leaves both
    // untouched and Cancel still means "nothing changed".
    m_token->save(url, [this, generation](const QString &error) {
        if (generation != m_saveGeneration)
            return;
        m_saving = false;
        m_buttons->button(QDialogButtonBox::Ok)->setEnabled(true);
        if (!error.isEmpty()) {
            m_tabs->setCurrentIndex(0);
            m_token->lineEdit()->setFocus();
            return;
        }
        if (!saveSettings())
            return;
        Q_EMIT settingsSaved();
        QDialog::accept();
    });
}

void SettingsDialog::done(int result)
{
    m_test->cancel();
    if (result != QDialog::Accepted) {
        ++m_saveGeneration;
        m_saving = false;
        m_buttons->button(QDialogButtonBox::Ok)->setEnabled(true);
    }
    QDialog::done(result);
}

void SettingsDialog::testConnection()
{
    QString error;
    const QString urlText = m_url->text().trimmed();
    if (urlText.isEmpty()) {
        m_test->showFailure(tr("Enter the Sourcegraph URL first."));
        return;
    }
    SourcegraphClient::Settings settings;
    settings.baseUrl = Config::parseBaseUrl(urlText, &error);
    if (settings.baseUrl.isEmpty()) {
        m_test->showFailure(error);
        return;
    }
    if (!m_proxy->validate()) {
        m_test->showFailure(tr("The manual proxy is not usable; see above."));
        return;
    }
    settings.accessToken = m_token->isFromEnvironment() ? m_config.accessToken : m_token->token();
    settings.clientName = m_chat->clientName();
    settings.idleTimeout = TestIdleTimeout;
    settings.proxy = m_proxy->proxySettings(m_environment);
    if (!settings.tls.configure(
            settings.baseUrl, m_bypass->isChecked(), m_caFile->text().trimmed(), &error)) {
        m_test->showFailure(error);
        return;
    }
    m_test->start(std::move(settings));
}

void SettingsDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange)
        SettingsStyle::refresh(this);
    QDialog::changeEvent(event);
}

} // namespace cody
