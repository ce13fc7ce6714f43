// SPDX-License-Identifier: Apache-2.0
#include "ui/settings/settingsconnectiontest.h"

#include "account/connectioncheck.h"
#include "ui/settings/settingsstyle.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>

using namespace Qt::StringLiterals;

namespace cody {

namespace {

/// Core messages are sentence fragments ("cannot connect to …"); here they stand alone.
QString sentence(QString text)
{
    if (!text.isEmpty())
        text[0] = text[0].toUpper();
    if (!text.endsWith(u'.') && !text.endsWith(u')'))
        text += u'.';
    return text;
}

} // namespace

SettingsConnectionTest::SettingsConnectionTest(QWidget *parent)
    : QWidget(parent)
    , m_button(new QPushButton(tr("T&est connection"), this))
    , m_result(SettingsStyle::statusLabel(u"connectionResult"_s, this))
{
    m_button->setObjectName(u"testConnection"_s);
    m_button->setAccessibleName(tr("Test connection"));
    m_button->setAccessibleDescription(
        tr("Signs in with the values above, without saving them, and shows the result below"));
    m_button->setToolTip(tr("Sign in with the values above, without saving them"));
    m_button->setAutoDefault(false); // Enter in a field means OK, not a network request

    auto *row = new QHBoxLayout;
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(m_button);
    row->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(row);
    layout->addWidget(m_result);

    connect(m_button, &QPushButton::clicked, this, &SettingsConnectionTest::requested);
}

SettingsConnectionTest::~SettingsConnectionTest()
{
    cancel();
}

void SettingsConnectionTest::start(SourcegraphClient::Settings settings)
{
    cancel();
    m_bypassed.clear();
    const QUrl url = settings.baseUrl;
    m_client = new SourcegraphClient(std::move(settings), this);
    connect(m_client, &SourcegraphClient::tlsBypassed, this,
        [this](const QUrl &, const QString &problem) { m_bypassed = problem; });
    m_check = new ConnectionCheck(m_client, this);
    connect(m_check, &ConnectionCheck::finished, this, &SettingsConnectionTest::onFinished);
    m_button->setEnabled(false);
    SettingsStyle::showStatus(m_result,
        tr("Connecting to %1…").arg(url.toDisplayString(QUrl::RemoveUserInfo)),
        SettingsStyle::Tone::Note);
    m_check->start();
}

void SettingsConnectionTest::showFailure(const QString &message)
{
    cancel();
    SettingsStyle::showStatus(m_result, sentence(message), SettingsStyle::Tone::Error);
}

void SettingsConnectionTest::cancel()
{
    if (m_check) {
        // The check's destructor drops its calls; the client goes after it, as it owns them.
        m_check->disconnect(this);
        delete m_check;
        m_result->hide(); // "Connecting…" would be a lie from now on
    }
    delete m_client;
    m_button->setEnabled(true);
}

void SettingsConnectionTest::onFinished()
{
    const Error error = m_check->error();
    if (error.isError()) {
        SettingsStyle::showStatus(m_result, sentence(error.message), SettingsStyle::Tone::Error);
    } else if (!m_bypassed.isEmpty()) {
        SettingsStyle::showStatus(m_result,
            tr("%1, without checking the certificate (verification is skipped for this host).")
                .arg(m_check->summary()),
            SettingsStyle::Tone::Warning);
    } else {
        SettingsStyle::showStatus(
            m_result, sentence(m_check->summary()), SettingsStyle::Tone::Success);
    }
    // Not deleted here: this runs inside the check's own signal.
    m_check->deleteLater();
    m_client->deleteLater();
    m_check = nullptr;
    m_client = nullptr;
    m_button->setEnabled(true);
    Q_EMIT finished(!error.isError());
}

} // namespace cody
