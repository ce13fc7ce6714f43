// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "account/secretstore.h"

#include <QObject>
#include <QPointer>
#include <QUrl>

#include <memory>
#include <optional>

namespace cody {
class ConnectionCheck;
class SourcegraphClient;
} // namespace cody

namespace cody::cli {

class CliContext;

/// `cody-chat-cli auth login|status|logout`: the access token in the OS keychain.
class AuthCommand final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AuthCommand)

public:
    explicit AuthCommand(CliContext &context, QObject *parent = nullptr);
    ~AuthCommand() override;

    /// Parses `arguments` (after "auth"). Returns an exit code when there is nothing to wait for;
    /// otherwise done() follows.
    std::optional<int> start(const QStringList &arguments);
    void cancel();

Q_SIGNALS:
    void done(int exitCode);

private:
    enum class Action { Login, Status, Logout };

    std::optional<int> parse(const QStringList &arguments);
    std::optional<int> login();
    std::optional<int> readAndCheckToken();
    std::optional<int> status();
    std::optional<int> logout();
    void check();
    void onChecked();
    void onStored(const QString &summary, const SecretResult &result);
    void onRemoved(const SecretResult &result);
    void warnAboutEnvironmentToken() const;
    void finish(int exitCode);

    CliContext &m_context;
    Action m_action = Action::Status;
    QUrl m_endpoint;
    QUrl m_configuredUrl; ///< LLM_BASE_URL/settings, when --endpoint named another
    QString m_key; ///< the keychain entry: SecretStore::keyForEndpoint(m_endpoint)
    QString m_token; ///< login only, until it is stored
    std::unique_ptr<SourcegraphClient> m_client;
    QPointer<ConnectionCheck> m_check;
    bool m_finished = false;
};

} // namespace cody::cli
