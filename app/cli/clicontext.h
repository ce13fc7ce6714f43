// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "config.h"
#include "modelcatalog.h"

#include <QSettings>
#include <QString>

#include <memory>
#include <optional>

class QCommandLineParser;

namespace cody {
class SourcegraphClient;
}

namespace cody::cli {

/// What every command needs: the configuration, the model catalog, the client and the terminal.
class CliContext
{
public:
    CliContext();

    const Config &config() const { return m_config; }
    Config &config() { return m_config; }
    /// Invalid environment or settings values, one line each.
    const QStringList &configErrors() const { return m_configErrors; }
    ModelCatalog &catalog() { return m_catalog; }

    /// Reports configuration errors and alias warnings on stderr; false if the configuration is
    /// unusable.
    bool reportConfiguration() const;

    /// A client for the configured instance, or nullptr with *error set (missing URL or token,
    /// unreadable CA file).
    std::unique_ptr<SourcegraphClient> createClient(QString *error) const;

    /// Parses a command's `arguments` (without the command word). Returns the exit code when
    /// there is nothing more to do: 0 after printing --help, 2 after reporting a usage error.
    static std::optional<int> parseArguments(
        QCommandLineParser &parser, const QString &command, const QStringList &arguments);

    static void writeOut(QStringView text);
    static void writeError(const QString &line);
    static void writeWarning(const QString &line);

private:
    // Declared before the members whose initialisers fill them.
    QStringList m_configErrors;
    QStringList m_aliasWarnings;
    QSettings m_settings;
    Config m_config;
    ModelCatalog m_catalog;
};

} // namespace cody::cli
