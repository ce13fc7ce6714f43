// SPDX-License-Identifier: Apache-2.0
#include "ui/settings/proxyeditor.h"

#include "ui/settings/settingsstyle.h"

#include <QButtonGroup>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QRadioButton>
#include <QUrl>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace cody {

using Mode = ProxySettings::Mode;

ProxyEditor::ProxyEditor(QWidget *parent)
    : QWidget(parent)
    , m_group(new QButtonGroup(this))
    , m_host(new QLineEdit(this))
    , m_message(SettingsStyle::statusLabel(u"proxyMessage"_s, this))
{
    struct Choice
    {
        Mode mode;
        QString objectName;
        QString text;
        QString toolTip;
        QString description;
    };
    const QList<Choice> choices {
        {Mode::System, u"proxySystem"_s, tr("S&ystem"),
            tr("Use the proxies of the environment (https_proxy, http_proxy, no_proxy)"),
            tr("Connects through the proxies the environment names")},
        {Mode::None, u"proxyNone"_s, tr("&None"), tr("Connect directly, without a proxy"),
            tr("Connects directly, without a proxy")},
        {Mode::Manual, u"proxyManual"_s, tr("&Manual:"),
            tr("Use this HTTP proxy for every connection (no_proxy is still honoured)"),
            tr("Connects through the HTTP proxy entered beside it")},
    };
    auto *row = new QHBoxLayout;
    row->setContentsMargins(0, 0, 0, 0);
    for (const auto &choice : choices) {
        auto *radio = new QRadioButton(choice.text, this);
        radio->setObjectName(choice.objectName);
        radio->setAccessibleName(tr("Proxy: %1").arg(QString(choice.text).remove(u'&')));
        radio->setAccessibleDescription(choice.description);
        radio->setToolTip(choice.toolTip);
        m_group->addButton(radio, int(choice.mode));
        row->addWidget(radio);
    }
    m_host->setObjectName(u"proxyHost"_s);
    m_host->setPlaceholderText(tr("host:port"));
    m_host->setAccessibleName(tr("Manual proxy host and port"));
    m_host->setAccessibleDescription(tr("Sets the HTTP proxy used in Manual mode, as host:port"));
    m_host->setToolTip(tr("An HTTP proxy as host:port, for example proxy.example.com:3128"));
    row->addWidget(m_host, 1);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(row);
    layout->addWidget(m_message);

    connect(m_group, &QButtonGroup::idToggled, this, [this] {
        m_message->hide();
        updateState();
    });
    connect(m_host, &QLineEdit::textEdited, m_message, &QLabel::hide);
    connect(m_host, &QLineEdit::editingFinished, this, [this] {
        if (!m_host->text().trimmed().isEmpty())
            validate();
    });
    setMode(Mode::System);
}

Mode ProxyEditor::mode() const
{
    return Mode(m_group->checkedId());
}

void ProxyEditor::setMode(Mode mode)
{
    button(mode)->setChecked(true);
    updateState();
}

QString ProxyEditor::host() const
{
    return m_host->text().trimmed();
}

void ProxyEditor::setHost(const QString &host)
{
    m_host->setText(host);
}

QRadioButton *ProxyEditor::button(Mode mode) const
{
    return qobject_cast<QRadioButton *>(m_group->button(int(mode)));
}

void ProxyEditor::setFromEnvironment(const QString &variable, const QString &value)
{
    m_variable = variable;
    setMode(Mode::System);
    // A proxy URL may carry a password; it has no business on screen.
    m_host->setText(QUrl::fromUserInput(value).toDisplayString(QUrl::RemovePassword));
    for (QAbstractButton *radio : m_group->buttons())
        SettingsStyle::markFromEnvironment(radio, nullptr, variable);
    SettingsStyle::markFromEnvironment(m_host, m_message, variable);
    updateState();
}

bool ProxyEditor::validate()
{
    if (isFromEnvironment() || mode() != Mode::Manual)
        return true;
    const QString problem = ProxySettings::hostPortProblem(m_host->text());
    SettingsStyle::showStatus(m_message, problem, SettingsStyle::Tone::Error);
    return problem.isEmpty();
}

ProxySettings ProxyEditor::proxySettings(const QProcessEnvironment &environment) const
{
    if (isFromEnvironment())
        return ProxySettings::fromEnvironment(environment);
    return ProxySettings::forMode(mode(), host(), environment);
}

void ProxyEditor::updateState()
{
    // The environment's value stays visible; a saved manual host stays editable only when used.
    m_host->setEnabled(isFromEnvironment() || mode() == Mode::Manual);
}

} // namespace cody
