// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "cody/defaults.h"
#include "net/proxyfactory.h"

#include <QHash>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>
#include <QUrl>
#include <QVariant>

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
        ContextRewrite,
        ProxyMode, ///< set by the environment when it names a proxy (https_proxy, http_proxy)
        ProxyHost, ///< the manual proxy, host:port; from the environment: its proxy URL
    };
    enum class Source { Default, Settings, Environment };

    QUrl baseUrl; ///< empty when not configured
    QString accessToken;
    /// Skip TLS verification for baseUrl's host. From the environment: CODY_SSL_BYPASS=true.
    /// From settings: saved as the host it was turned on for, and on only while baseUrl is on
    /// that host, so a changed address is verified again.
    bool sslBypass = false;
    /// The host a saved bypass names (empty: none, or an older "true" saved with the URL).
    QString sslBypassHost;
    QString clientName = QString::fromUtf16(defaults::ClientName);
    int defaultMaxTokens = defaults::MaxTokens;
    QString model = QString::fromUtf16(defaults::Model);
    QString caFile;
    int idleTimeoutSeconds = defaults::IdleTimeoutSeconds;
    bool autoContinue = true;
    int maxContinuations = 0; ///< 0 = unlimited
    /// Rewrite a question into search keywords with a fast model before searching repositories
    /// for codebase context, as Cody does (on failure the question is searched as it is).
    bool contextRewrite = true;
    /// System unless saved otherwise; always System when the environment sets a proxy.
    ProxySettings::Mode proxyMode = ProxySettings::Mode::System;
    QString proxyHost; ///< the saved manual proxy (host:port), or the environment's proxy URL
    /// What to use: the environment's proxies when it sets one (it wins, as everywhere), else
    /// the saved proxyMode with no_proxy from the environment.
    ProxySettings proxy;

    Source source(Key key) const { return m_sources.value(key, Source::Default); }
    /// The environment variable or settings key a value came from, for messages ("LLM_BASE_URL").
    QString origin(Key key) const;

    /// Reads `environment` and `settings` (may be null). Invalid values are reported in *errors
    /// (one line each, naming the variable) and leave the default in place.
    static Config load(
        const QProcessEnvironment &environment, const QSettings *settings, QStringList *errors);

    /// Settings key for each value that may be saved (not the token).
    static QString settingsKey(Key key);

    /**
     * Saves one value under settingsKey(key) after checking it as load() would, so that nothing
     * is saved that load() would then reject. An invalid QVariant or empty text removes the saved
     * value (the default applies again). ProxyMode takes a ProxySettings::Mode or its modeName().
     * Returns false with *error for a bad value and for the token, which never goes to settings.
     */
    static bool save(QSettings &settings, Key key, const QVariant &value, QString *error = nullptr);

    /// Parses a base URL the way users type it: http(s) only, a path prefix and trailing slash
    /// allowed.
    static QUrl parseBaseUrl(const QString &text, QString *error);

private:
    static void bindSavedBypass(Config *config);
    static void resolveProxy(Config *config, const QProcessEnvironment &environment,
        const QSettings *settings, QStringList *errors);

    QHash<Key, Source> m_sources;
    QHash<Key, QString> m_origins;
};

} // namespace cody
