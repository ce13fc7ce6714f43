// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "chat/conversationsettings.h"

#include <QTimer>
#include <QWidget>

class QDoubleSpinBox;
class QLabel;
class QPushButton;
class QPlainTextEdit;
class QSpinBox;

namespace cody {

class ContextRepositoriesEditor;
class SourcegraphClient;

/**
 * @brief The open conversation's model, system prompt, temperature, max tokens and standing
 * context repositories, in a small panel above the chat. Edits are reported through
 * settingsEdited(); the model is chosen with the toolbar's picker, which "Change…" opens.
 */
class ConversationSettingsPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConversationSettingsPanel)

public:
    explicit ConversationSettingsPanel(QWidget *parent = nullptr);

    /// Shows `settings` without reporting them as edited. `defaultMaxTokens` is what an unset
    /// max tokens means.
    void setSettings(const ConversationSettings &settings, int defaultMaxTokens);
    ConversationSettings settings() const;
    void setModelName(const QString &name);
    /// The instance standing repositories are checked on (null: not connected).
    void setClient(SourcegraphClient *client);

    QPlainTextEdit *systemPromptEdit() const { return m_systemPrompt; }
    QDoubleSpinBox *temperatureBox() const { return m_temperature; }
    QSpinBox *maxTokensBox() const { return m_maxTokens; }
    ContextRepositoriesEditor *contextRepositories() const { return m_repositories; }
    /// The panel's controls in the order Tab visits them.
    QList<QWidget *> focusOrder() const;

    /// Reports a system prompt still being typed now rather than after the pause.
    void commit();

Q_SIGNALS:
    void settingsEdited(const cody::ConversationSettings &settings);
    void changeModelRequested();

protected:
    void hideEvent(QHideEvent *event) override;

private:
    void edited();

    QLabel *m_model;
    QPushButton *m_change;
    QPlainTextEdit *m_systemPrompt;
    QDoubleSpinBox *m_temperature;
    QSpinBox *m_maxTokens;
    ContextRepositoriesEditor *m_repositories;
    QTimer m_typingPause; ///< one report per pause in typing, not one per keystroke
    bool m_updating = false;
};

} // namespace cody
