// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "account/config.h"
#include "account/secretstore.h"
#include "cody/modelcatalog.h"
#include "net/error.h"

#include <QSettings>
#include <QString>

#include <functional>
#include <memory>
#include <optional>

class QCommandLineParser;

namespace cody {
class ApiCall;
class ConversationStore;
class SourcegraphClient;
} // namespace cody

namespace cody::cli {

/// What every command needs: the configuration, the model catalog, the client and the terminal.
class CliContext
{
public:
    CliContext();
    ~CliContext();

    const Config &config() const { return m_config; }
    Config &config() { return m_config; }
    /// Invalid environment or settings values, one line each.
    const QStringList &configErrors() const { return m_configErrors; }
    ModelCatalog &catalog() { return m_catalog; }
    /// Loads the answer of SourcegraphClient::getSupportedModels() into the catalog; the call's
    /// error, or a protocol error for a malformed list.
    Error loadServerModels(const ApiCall &call);

    /// Reports configuration errors and alias warnings on stderr; false if the configuration is
    /// unusable.
    bool reportConfiguration() const;

    enum class TokenSource { None, Environment, Keychain };

    /// Finds the access token for the configured URL: the environment's when set (the keychain
    /// is then not touched), else the keychain entry for the URL. Blocks until the keychain
    /// answers (bounded by its timeout). False with *error saying what is missing and why.
    bool resolveToken(QString *error);
    TokenSource tokenSource() const { return m_tokenSource; }
    /// Where tokens are kept: the OS keychain.
    SecretStore &secretStore() { return *m_secretStore; }
    /// The history database, opened on first use; null (and said why on stderr) if it cannot be.
    ConversationStore *historyStore();

    /// A client for the configured instance, or nullptr with *error set (missing URL or token,
    /// unreadable CA file). Resolves the token first (see resolveToken()).
    std::unique_ptr<SourcegraphClient> createClient(QString *error);
    /// What a command that needs the server starts with: reports the configuration's warnings and
    /// errors, then createClient(); nullptr, with everything said on stderr, when it cannot.
    std::unique_ptr<SourcegraphClient> configuredClient();
    /// A client for `baseUrl` with `accessToken`, using the configured TLS, proxy and client
    /// settings; nullptr with *error set when the CA file is unusable.
    std::unique_ptr<SourcegraphClient> createClient(
        const QUrl &baseUrl, const QString &accessToken, QString *error) const;

    /// Parses a command's `arguments` (without the command word). Returns the exit code when
    /// there is nothing more to do: 0 after printing --help, 2 after reporting a usage error.
    static std::optional<int> parseArguments(
        QCommandLineParser &parser, const QString &command, const QStringList &arguments);

    static void writeOut(QStringView text);
    static void writeError(const QString &line);
    static void writeWarning(const QString &line);
    /// All of standard input (empty if it cannot be read), for a prompt or an import.
    static QByteArray readStandardInput();
    /// A line of progress on stderr, for long-running commands (serve).
    static void writeInfo(const QString &line);

private:
    /// Runs one secret-store operation to its end with a local event loop (the CLI may block).
    static SecretResult wait(
        const std::function<void(QObject *, SecretStore::Callback)> &operation);

    // Declared before the members whose initialisers fill them.
    QStringList m_configErrors;
    QStringList m_aliasWarnings;
    QSettings m_settings;
    Config m_config;
    ModelCatalog m_catalog;
    std::unique_ptr<SecretStore> m_secretStore;
    std::unique_ptr<ConversationStore> m_history;
    TokenSource m_tokenSource = TokenSource::None;
};

} // namespace cody::cli
