// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "account/secretstore.h"

#include <QUrl>
#include <QWidget>

#include <functional>

class QAction;
class QLabel;
class QLineEdit;

namespace cody {

/**
 * @brief The access-token field of the settings dialog: masked, with a show/hide action, read
 * from and written to the SecretStore only (one entry per endpoint URL).
 *
 * It says plainly when there is no keychain or when the environment provides the token, and
 * never shows the environment's token.
 */
class SettingsTokenEditor final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SettingsTokenEditor)

public:
    explicit SettingsTokenEditor(SecretStore *secrets, QWidget *parent = nullptr);

    QLineEdit *lineEdit() const { return m_edit; }
    QAction *showAction() const { return m_show; }

    /// The environment provides the token: the field stays empty and read-only, naming `variable`.
    void setFromEnvironment(const QString &variable);
    bool isFromEnvironment() const { return !m_variable.isEmpty(); }

    /// Shows the token stored for `baseUrl` (none for an empty URL). A token the user typed is
    /// kept, so that changing the URL after pasting the token does not lose it.
    void load(const QUrl &baseUrl);
    /// The token as typed (spaces around removed).
    QString token() const;
    /// True once the user typed into the field.
    bool isEdited() const { return m_edited; }
    /// True while the keychain is being read; the field stays editable meanwhile.
    bool isBusy() const { return m_busy; }
    /// False when there is no keychain or the environment decides.
    bool isWritable() const;

    /**
     * Stores an edited token for `baseUrl` (or removes the entry when the field was emptied);
     * does nothing when the token was not edited. `done` gets an empty string on success or one
     * line saying what failed (also shown under the field). It is called later, never from
     * inside save(), and not at all once this widget is gone.
     */
    void save(const QUrl &baseUrl, std::function<void(const QString &error)> done);

protected:
    void changeEvent(QEvent *event) override;

private:
    void onRead(int generation, const SecretResult &result);
    void showDefaultStatus();
    void updateState();

    SecretStore *m_secrets;
    QLineEdit *m_edit;
    QAction *m_show;
    QLabel *m_status;
    QString m_variable; ///< the environment variable that sets the token, if any
    QString m_key; ///< the keychain entry shown
    bool m_edited = false;
    bool m_unavailable = false;
    bool m_busy = false;
    int m_generation = 0; ///< ignores answers to an older load()
};

} // namespace cody
