// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "account/connectioncheck.h"
#include "cody/sourcegraphclient.h"

#include <QPointer>
#include <QWidget>

class QLabel;
class QPushButton;

namespace cody {

/**
 * @brief "Test connection" in the settings dialog: a button and the result under it.
 *
 * The dialog answers requested() with start(settings) built from its unsaved values, or with
 * showFailure() when they cannot make a client. The check runs on its own SourcegraphClient,
 * which goes away with the check; cancel() (or destroying the widget) is safe at any time.
 */
class SettingsConnectionTest final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SettingsConnectionTest)

public:
    explicit SettingsConnectionTest(QWidget *parent = nullptr);
    ~SettingsConnectionTest() override;

    QPushButton *button() const { return m_button; }
    QLabel *resultLabel() const { return m_result; }
    bool isRunning() const { return m_check != nullptr; }

    /// Runs CurrentUser and SiteProductVersion with `settings`, replacing a running check.
    void start(SourcegraphClient::Settings settings);
    /// Shows a problem found before connecting (a bad URL, an unreadable CA file).
    void showFailure(const QString &message);
    /// Stops a running check; its result is never shown.
    void cancel();

Q_SIGNALS:
    void requested();
    /// A check ended (not after cancel()); `ok` when the server accepted the token.
    void finished(bool ok);

private:
    void onFinished();

    QPushButton *m_button;
    QLabel *m_result;
    QPointer<SourcegraphClient> m_client;
    QPointer<ConnectionCheck> m_check;
    QString m_bypassed; ///< the certificate problem that the bypass let through, if any
};

} // namespace cody
