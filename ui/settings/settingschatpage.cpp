// SPDX-License-Identifier: Apache-2.0
#include "ui/settings/settingschatpage.h"

#include "ui/common/accessible.h"
#include "ui/settings/aliaseditor.h"
#include "ui/settings/settingsstyle.h"

#include <QCheckBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>

using namespace Qt::StringLiterals;

namespace cody {

SettingsChatPage::SettingsChatPage(QWidget *parent)
    : QWidget(parent)
    , m_clientName(new QLineEdit(this))
    , m_maxTokens(new QSpinBox(this))
    , m_autoContinue(
          new QCheckBox(tr("&Automatically continue replies cut off by the output limit"), this))
    , m_maxContinuations(new QSpinBox(this))
    , m_contextRewrite(new QCheckBox(
          tr("&Rewrite questions into search keywords before searching repositories"), this))
    , m_aliases(new AliasEditor(this))
{
    auto *form = new QFormLayout(this);
    const auto addRow
        = [&](const QString &label, QWidget *field, Config::Key key, const QString &toolTip) {
              field->setToolTip(toolTip);
              QLabel *note = SettingsStyle::statusLabel(field->objectName() + u"Note"_s, this);
              // Always a label, if empty: QFormLayout sizes label-less rows by their size hint, not
              // by their height for the width they get, which leaves a gap under a wrapped note.
              auto *buddy = new QLabel(label, this);
              if (!label.isEmpty())
                  buddy->setBuddy(field);
              form->addRow(buddy, SettingsStyle::withStatus(field, note));
              m_fields.append({key, field, note});
          };

    accessible(m_clientName, u"clientName"_s, tr("Client name"),
        tr("Sets the client name sent to the server with each request"));
    m_clientName->setPlaceholderText(QString::fromUtf16(defaults::ClientName));
    addRow(tr("C&lient name:"), m_clientName, Config::Key::ClientName,
        tr("The client-name the server sees. Also set by CODY_CLIENT_NAME."));

    accessible(m_maxTokens, u"defaultMaxTokens"_s, tr("Default maximum tokens"),
        tr("Sets how many output tokens a reply may have unless a conversation sets its own"));
    m_maxTokens->setRange(1, 1'000'000);
    m_maxTokens->setGroupSeparatorShown(true);
    addRow(tr("Default max to&kens:"), m_maxTokens, Config::Key::DefaultMaxTokens,
        tr("Output tokens asked for per request, capped at the model's limit. Also set by "
           "CODY_DEFAULT_MAX_TOKENS."));

    accessible(m_autoContinue, u"autoContinue"_s,
        tr("Automatically continue replies cut off by the output limit"),
        tr("Asks the model to go on when a reply is cut off and joins the pieces"));
    addRow({}, m_autoContinue, Config::Key::AutoContinue,
        tr("Ask the model to go on, and join the pieces into one reply. Also set by "
           "CODY_AUTO_CONTINUE."));

    accessible(m_maxContinuations, u"maxContinuations"_s, tr("Maximum continuations"),
        tr("Limits how many times one reply is continued; 0 means no limit"));
    m_maxContinuations->setRange(0, 1000);
    m_maxContinuations->setSpecialValueText(tr("Unlimited"));
    addRow(tr("Maximum c&ontinuations:"), m_maxContinuations, Config::Key::MaxContinuations,
        tr("Continuation requests after the first; a reply that stops making progress ends "
           "anyway. Also set by CODY_MAX_CONTINUATIONS."));
    connect(m_autoContinue, &QCheckBox::toggled, m_maxContinuations, &QWidget::setEnabled);

    accessible(m_contextRewrite, u"contextRewrite"_s,
        tr("Rewrite questions into search keywords before searching repositories"),
        tr("Asks a fast model for search keywords before searching repositories for context"));
    addRow({}, m_contextRewrite, Config::Key::ContextRewrite,
        tr("As Cody does: a fast model turns the question into keywords for the search; if that "
           "fails, the question is searched as it is. Also set by CODY_CONTEXT_REWRITE."));

    auto *aliasLabel = new QLabel(tr("Model al&iases:"), this);
    aliasLabel->setBuddy(m_aliases->table());
    form->addRow(aliasLabel);
    form->addRow(m_aliases);
}

void SettingsChatPage::load(const Config &config, QSettings &settings)
{
    m_clientName->setText(config.clientName);
    m_maxTokens->setValue(config.defaultMaxTokens);
    m_autoContinue->setChecked(config.autoContinue);
    m_maxContinuations->setValue(config.maxContinuations);
    m_maxContinuations->setEnabled(config.autoContinue);
    m_contextRewrite->setChecked(config.contextRewrite);
    for (const Field &field : std::as_const(m_fields)) {
        if (config.source(field.key) == Config::Source::Environment)
            SettingsStyle::markFromEnvironment(field.widget, field.note, config.origin(field.key));
    }
    m_aliases->load(settings);
}

bool SettingsChatPage::validate()
{
    return m_aliases->validate();
}

void SettingsChatPage::save(QSettings &settings, const Saver &save) const
{
    save(Config::Key::ClientName, m_clientName->text().trimmed(),
        QString::fromUtf16(defaults::ClientName));
    save(Config::Key::DefaultMaxTokens, m_maxTokens->value(), defaults::MaxTokens);
    save(Config::Key::AutoContinue, m_autoContinue->isChecked(), true);
    save(Config::Key::MaxContinuations, m_maxContinuations->value(), 0);
    save(Config::Key::ContextRewrite, m_contextRewrite->isChecked(), true);
    m_aliases->save(settings);
}

QString SettingsChatPage::clientName() const
{
    const QString name = m_clientName->text().trimmed();
    return name.isEmpty() ? QString::fromUtf16(defaults::ClientName) : name;
}

QList<QWidget *> SettingsChatPage::focusOrder() const
{
    return {m_clientName, m_maxTokens, m_autoContinue, m_maxContinuations, m_contextRewrite,
        m_aliases->table(), m_aliases->addButton(), m_aliases->removeButton()};
}

} // namespace cody
