// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "account/config.h"

#include <QWidget>

#include <functional>

class QCheckBox;
class QLabel;
class QLineEdit;
class QSettings;
class QSpinBox;

namespace cody {

class AliasEditor;

/// The "Chat" page of the settings dialog: client name, max tokens, continuation, model aliases.
class SettingsChatPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SettingsChatPage)

public:
    /// Config::save() for one key, unless the environment sets it or it stays at `defaultValue`.
    using Saver
        = std::function<void(Config::Key key, const QVariant &value, const QVariant &defaultValue)>;

    explicit SettingsChatPage(QWidget *parent = nullptr);

    /// Shows `config`'s values (those from the environment read-only) and the saved aliases.
    void load(const Config &config, QSettings &settings);
    /// Checks the aliases, showing the first problem under the table.
    bool validate();
    void save(QSettings &settings, const Saver &save) const;

    /// The client name to send: the typed one, else the default.
    QString clientName() const;
    /// The controls in reading order, for the dialog's tab order.
    QList<QWidget *> focusOrder() const;
    AliasEditor *aliases() const { return m_aliases; }

private:
    struct Field
    {
        Config::Key key;
        QWidget *widget;
        QLabel *note;
    };

    QList<Field> m_fields;
    QLineEdit *m_clientName;
    QSpinBox *m_maxTokens;
    QCheckBox *m_autoContinue;
    QSpinBox *m_maxContinuations;
    QCheckBox *m_contextRewrite;
    AliasEditor *m_aliases;
};

} // namespace cody
