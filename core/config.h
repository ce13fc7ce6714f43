// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "defaults.h"
#include "proxyfactory.h"

#include <QHash>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>
#include <QUrl>

class QSettings;

namespace cody {

/**
 * @brief Every setting Cody Chat reads, typed, resolved in one place.
 *
 * Precedence: environment, then saved settings (QSettings), then defaults. The access token is
 * never read from or written to settings: it comes from the environment here (and from the OS
 * keychain in the desktop app).
 *
 * @code
 * QStringList errors;
 * const auto config = cody::Config::load(QProcessEnvironment::systemEnvironment(), &settings,
 * &errors); if (!errors.isEmpty()) fail(errors.join(u'\n'));
 * @endcode
 */
struct Config
{
    enum class Key {
        BaseUrl,
        AccessToken,
        SslBypass,
        ClientName,
        DefaultMaxTokens,
        Model,
        CaFile,
        IdleTimeout,
        AutoContinue,
        MaxContinuations,
    };
    enum class Source { Default, Settings, Environment };

    QUrl baseUrl; ///< empty when not configured
    QString accessToken;
    bool sslBypass = false;
    QString clientName = QString::fromUtf16(defaults::ClientName);
    int defaultMaxTokens = defaults::MaxTokens;
    QString model = QString::fromUtf16(defaults::Model);
    QString caFile;
    int idleTimeoutSeconds = defaults::IdleTimeoutSeconds;
    bool autoContinue = true;
    int maxContinuations = 0; ///< 0 = unlimited
    ProxySettings proxy; ///< from https_proxy, http_proxy, no_proxy

    Source source(Key key) const { return m_sources.value(key, Source::Default); }
    /// The environment variable or settings key a value came from, for messages ("LLM_BASE_URL").
    QString origin(Key key) const;

    /// Reads `environment` and `settings` (may be null). Invalid values are reported in *errors
    /// (one line each, naming the variable) and leave the default in place.
    static Config load(
        const QProcessEnvironment &environment, const QSettings *settings, QStringList *errors);

    /// Settings key for each value that may be saved (not the token).
    static QString settingsKey(Key key);

    /// Parses a base URL the way users type it: http(s) only, a path prefix and trailing slash
    /// allowed.
    static QUrl parseBaseUrl(const QString &text, QString *error);

private:
    QHash<Key, Source> m_sources;
    QHash<Key, QString> m_origins;
};

} // namespace cody
