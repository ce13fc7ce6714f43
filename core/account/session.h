// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "account/config.h"
#include "cody/modelcatalog.h"

#include <QObject>
#include <QPointer>
#include <QProcessEnvironment>

#include <memory>

class QSettings;

namespace cody {

class ApiCall;
class ConnectionCheck;
class SecretStore;
class SourcegraphClient;

/**
 * @brief The configured connection of the desktop app: Config, the token (environment first,
 * else the OS keychain), the SourcegraphClient, the model catalog and who is signed in.
 *
 * reload() after the settings changed; it is asynchronous because the keychain is. Until a
 * client exists, problem() says in one sentence what is missing, for the window to explain.
 */
class Session final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Session)

public:
    Session(QSettings *settings, QProcessEnvironment environment, SecretStore *secrets,
        QObject *parent = nullptr);
    ~Session() override;

    void reload();

    const Config &config() const { return m_config; }
    const QProcessEnvironment &environment() const { return m_environment; }
    SourcegraphClient *client() const { return m_client.get(); }
    ModelCatalog *catalog() { return &m_catalog; }
    /// Why there is no client ("no Sourcegraph URL", …), or empty.
    QString problem() const { return m_problem; }
    /// "Signed in as …" once checked, or what failed.
    QString account() const { return m_account; }
    /// User aliases from the settings that were rejected, one line each.
    const QStringList &aliasWarnings() const { return m_aliasWarnings; }
    /// Where the token came from: "LLM_API_KEY", "keychain", or empty.
    QString tokenSource() const { return m_tokenSource; }

    /// The model the user picked last (saved), else the configured default.
    QString selectedModel() const;
    /// True when the user chose the model: CODY_MODEL, a default saved in Settings, or a pick
    /// from the model list. False means the built-in default (cody-sonnet) is in use.
    bool hasModelChoice() const;
    void saveSelectedModel(const QString &name);

Q_SIGNALS:
    /// The client was replaced (or removed): read client(), problem(), config() again.
    void changed();
    void modelsChanged();
    void accountChanged();

private:
    void onToken(const QString &token, const QString &source, const QString &problem);
    void loadModels();
    void checkAccount();

    QSettings *m_settings;
    QProcessEnvironment m_environment;
    SecretStore *m_secrets;
    Config m_config;
    ModelCatalog m_catalog;
    std::unique_ptr<SourcegraphClient> m_client;
    QPointer<ApiCall> m_modelsCall;
    QPointer<ConnectionCheck> m_check;
    QString m_problem;
    QString m_account;
    QString m_tokenSource;
    QStringList m_aliasWarnings;
    int m_generation = 0; ///< ignores keychain answers for an older reload()
};

} // namespace cody
