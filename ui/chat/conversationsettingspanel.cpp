// SPDX-License-Identifier: Apache-2.0
#include "ui/chat/conversationsettingspanel.h"

#include "ui/chat/contextrepositorieseditor.h"
#include "ui/common/accessible.h"

#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>

using namespace Qt::StringLiterals;

namespace cody {

namespace {
// The spin boxes' minimum stands for "unset": it shows the special text instead of a number.
constexpr double UnsetTemperature = -0.1;
constexpr int UnsetMaxTokens = 0;
constexpr int MaxTokensLimit = 1'000'000;
} // namespace

ConversationSettingsPanel::ConversationSettingsPanel(QWidget *parent)
    : QWidget(parent)
    , m_model(new QLabel(this))
    , m_change(accessible(new QPushButton(tr("C&hange…"), this), u"changeModel"_s,
          tr("Change the model"), tr("Opens the model list to choose another model")))
    , m_systemPrompt(new QPlainTextEdit(this))
    , m_temperature(new QDoubleSpinBox(this))
    , m_maxTokens(new QSpinBox(this))
    , m_repositories(new ContextRepositoriesEditor(this))
{
    setObjectName(u"conversationSettingsPanel"_s);
    setAccessibleName(tr("Conversation settings"));
    auto *form = new QFormLayout(this);
    form->setContentsMargins(0, 0, 0, 4);

    auto *modelRow = new QHBoxLayout();
    m_model->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_model->setAccessibleName(tr("Model of this conversation"));
    m_model->setAccessibleDescription(tr("The model that answers in this conversation"));
    m_change->setToolTip(tr("Choose another model (Ctrl+M); the change shows in the conversation"));
    connect(
        m_change, &QPushButton::clicked, this, &ConversationSettingsPanel::changeModelRequested);
    modelRow->addWidget(m_model, 1);
    modelRow->addWidget(m_change);
    form->addRow(tr("Model:"), modelRow);

    m_systemPrompt->setPlaceholderText(tr("Optional: instructions the model follows in this "
                                          "conversation, e.g. \"Answer in German.\""));
    accessible(m_systemPrompt, u"systemPrompt"_s, tr("System prompt"),
        tr("Sets instructions the model follows in this conversation"));
    m_systemPrompt->setTabChangesFocus(true);
    m_systemPrompt->setFixedHeight(m_systemPrompt->fontMetrics().lineSpacing() * 3 + 12);
    form->addRow(tr("&System prompt:"), m_systemPrompt);

    auto *numbers = new QHBoxLayout();
    m_temperature->setRange(UnsetTemperature, 2.0);
    m_temperature->setSingleStep(0.1);
    m_temperature->setDecimals(1);
    m_temperature->setSpecialValueText(tr("Server default"));
    accessible(m_temperature, u"temperature"_s, tr("Temperature"),
        tr("Sets how varied the replies are, from 0 (most predictable) to 2"));
    m_temperature->setToolTip(tr("0 is most predictable, 2 most varied"));
    m_maxTokens->setRange(UnsetMaxTokens, MaxTokensLimit);
    m_maxTokens->setSingleStep(256);
    accessible(m_maxTokens, u"maxTokens"_s, tr("Maximum reply tokens"),
        tr("Limits the length of each reply in tokens"));
    m_maxTokens->setToolTip(tr("Longer replies are continued automatically when this limit "
                               "cuts them off (unless switched off in Settings)"));
    auto *temperatureLabel = new QLabel(tr("&Temperature:"), this);
    temperatureLabel->setBuddy(m_temperature);
    auto *maxTokensLabel = new QLabel(tr("Max &tokens per reply:"), this);
    maxTokensLabel->setBuddy(m_maxTokens);
    numbers->addWidget(temperatureLabel);
    numbers->addWidget(m_temperature);
    numbers->addSpacing(16);
    numbers->addWidget(maxTokensLabel);
    numbers->addWidget(m_maxTokens);
    numbers->addStretch(1);
    form->addRow(numbers);

    auto *contextLabel = new QLabel(tr("Conte&xt:"), this);
    contextLabel->setBuddy(m_repositories->nameField());
    contextLabel->setToolTip(tr("Repositories of the instance every question in this "
                                "conversation searches, without mentioning them again"));
    form->addRow(contextLabel, m_repositories);
    connect(m_repositories, &ContextRepositoriesEditor::repositoriesEdited, this,
        &ConversationSettingsPanel::edited);

    m_typingPause.setSingleShot(true);
    m_typingPause.setInterval(400);
    connect(&m_typingPause, &QTimer::timeout, this, &ConversationSettingsPanel::edited);
    connect(m_systemPrompt, &QPlainTextEdit::textChanged, this, [this] {
        if (!m_updating)
            m_typingPause.start();
    });
    connect(m_temperature, &QDoubleSpinBox::valueChanged, this, &ConversationSettingsPanel::edited);
    connect(m_maxTokens, &QSpinBox::valueChanged, this, &ConversationSettingsPanel::edited);
}

void ConversationSettingsPanel::setSettings(
    const ConversationSettings &settings, int defaultMaxTokens)
{
    m_updating = true;
    m_typingPause.stop();
    if (m_systemPrompt->toPlainText() != settings.systemPrompt)
        m_systemPrompt->setPlainText(settings.systemPrompt);
    m_temperature->setValue(settings.temperature.value_or(UnsetTemperature));
    m_maxTokens->setSpecialValueText(tr("Default (%1)").arg(defaultMaxTokens));
    m_maxTokens->setValue(settings.maxTokens.value_or(UnsetMaxTokens));
    // Another conversation's: a check still under way was for the one before.
    m_repositories->setRepositories(settings.repositories);
    m_updating = false;
}

ConversationSettings ConversationSettingsPanel::settings() const
{
    ConversationSettings settings;
    settings.systemPrompt = m_systemPrompt->toPlainText();
    if (m_temperature->value() > UnsetTemperature)
        settings.temperature = m_temperature->value();
    if (m_maxTokens->value() > UnsetMaxTokens)
        settings.maxTokens = m_maxTokens->value();
    settings.repositories = m_repositories->repositories();
    return settings;
}

QList<QWidget *> ConversationSettingsPanel::focusOrder() const
{
    return QList<QWidget *> {m_change, m_systemPrompt, m_temperature, m_maxTokens}
    + m_repositories->focusOrder();
}

void ConversationSettingsPanel::setClient(SourcegraphClient *client)
{
    m_repositories->setClient(client);
}

void ConversationSettingsPanel::setModelName(const QString &name)
{
    m_model->setText(name);
}

void ConversationSettingsPanel::commit()
{
    if (m_typingPause.isActive())
        edited();
}

void ConversationSettingsPanel::hideEvent(QHideEvent *event)
{
    commit();
    QWidget::hideEvent(event);
}

void ConversationSettingsPanel::edited()
{
    m_typingPause.stop();
    if (!m_updating)
        Q_EMIT settingsEdited(settings());
}

} // namespace cody
