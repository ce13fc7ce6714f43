// SPDX-License-Identifier: Apache-2.0
#include "account/config.h"

#include <QCoreApplication>
#include <QSettings>

using namespace Qt::StringLiterals;

namespace cody {

namespace {

struct KeyInfo
{
    Config::Key key;
    QStringList environment; ///< in order of preference
    QString settingsKey; ///< empty: never saved
};

QStringList proxyVariables()
{
    // Any of them makes the environment decide the proxy; the first one set is named as the
    // origin, https first as Sourcegraph instances normally are.
    return {u"https_proxy"_s, u"HTTPS_PROXY"_s, u"http_proxy"_s, u"HTTP_PROXY"_s};
}

const QList<KeyInfo> &keyTable()
{
    static const QList<KeyInfo> table {
        {Config::Key::BaseUrl, {u"LLM_BASE_URL"_s, u"SRC_ENDPOINT"_s}, u"endpoint/url"_s},
        {Config::Key::AccessToken, {u"LLM_API_KEY"_s, u"SRC_ACCESS_TOKEN"_s}, {}},
        {Config::Key::SslBypass, {u"CODY_SSL_BYPASS"_s}, u"tls/bypass"_s},
        {Config::Key::ClientName, {u"CODY_CLIENT_NAME"_s}, u"client/name"_s},
        {Config::Key::DefaultMaxTokens, {u"CODY_DEFAULT_MAX_TOKENS"_s}, u"chat/defaultMaxTokens"_s},
        {Config::Key::Model, {u"CODY_MODEL"_s}, u"chat/model"_s},
        {Config::Key::CaFile, {u"CODY_CA_FILE"_s}, u"tls/caFile"_s},
        {Config::Key::IdleTimeout, {u"CODY_IDLE_TIMEOUT"_s}, u"network/idleTimeoutSeconds"_s},
        {Config::Key::AutoContinue, {u"CODY_AUTO_CONTINUE"_s}, u"chat/autoContinue"_s},
        {Config::Key::MaxContinuations, {u"CODY_MAX_CONTINUATIONS"_s}, u"chat/maxContinuations"_s},
        {Config::Key::ContextRewrite, {u"CODY_CONTEXT_REWRITE"_s}, u"chat/contextRewrite"_s},
        // A proxy variable in the environment decides the proxy outright, so it overrides both
        // saved proxy keys.
        {Config::Key::ProxyMode, proxyVariables(), u"network/proxyMode"_s},
        {Config::Key::ProxyHost, proxyVariables(), u"network/proxyHost"_s},
    };
    return table;
}

bool parseFlag(const QString &text)
{
    const QString value = text.trimmed().toLower();
    return value == "true"_L1 || value == "1"_L1 || value == "yes"_L1;
}

bool isFlagWord(const QString &text)
{
    static const QStringList words {u"true"_s, u"false"_s, u"1"_s, u"0"_s, u"yes"_s, u"no"_s};
    return words.contains(text.trimmed().toLower());
}

std::optional<int> parseInt(const QString &text, int minimum)
{
    bool ok = false;
    const int value = text.trimmed().toInt(&ok);
    if (!ok || value < minimum)
        return std::nullopt;
    return value;
}

/// Sets the field of `key` from `raw` as read from `source`. False, with *why, when the value
/// is unusable; the field keeps its default then.
bool applyValue(
    Config *config, Config::Key key, const QString &raw, Config::Source source, QString *why)
{
    using Key = Config::Key;
    // Sets *target from a whole number of at least `minimum`.
    auto setInt = [&](int *target, int minimum, const QString &expected) {
        if (const auto value = parseInt(raw, minimum)) {
            *target = *value;
            return true;
        }
        *why = QCoreApplication::translate("cody::Config", "must be %1, got \"%2\"")
                   .arg(expected, raw);
        return false;
    };
    switch (key) {
    case Key::BaseUrl:
        config->baseUrl = Config::parseBaseUrl(raw, why);
        return !config->baseUrl.isEmpty();
    case Key::AccessToken:
        config->accessToken = raw.trimmed();
        return true;
    case Key::SslBypass:
        // A saved bypass names its host; the environment's is a flag for LLM_BASE_URL's host.
        if (source == Config::Source::Settings && !isFlagWord(raw)) {
            config->sslBypassHost = raw.trimmed().toLower();
            config->sslBypass = !config->sslBypassHost.isEmpty();
            return true;
        }
        config->sslBypass = parseFlag(raw);
        return true;
    case Key::ClientName:
        config->clientName = raw.trimmed();
        return true;
    case Key::DefaultMaxTokens:
        return setInt(&config->defaultMaxTokens, 1,
            QCoreApplication::translate("cody::Config", "a whole number greater than 0"));
    case Key::Model:
        config->model = raw.trimmed();
        return true;
    case Key::CaFile:
        config->caFile = raw;
        return true;
    case Key::IdleTimeout:
        return setInt(&config->idleTimeoutSeconds, 1,
            QCoreApplication::translate(
                "cody::Config", "a whole number of seconds greater than 0"));
    case Key::AutoContinue:
        config->autoContinue = parseFlag(raw);
        return true;
    case Key::ContextRewrite:
        config->contextRewrite = parseFlag(raw);
        return true;
    case Key::MaxContinuations:
        return setInt(&config->maxContinuations, 0,
            QCoreApplication::translate("cody::Config", "a whole number (0 = unlimited)"));
    case Key::ProxyMode:
        // A proxy variable means "the environment's proxies", which is what System is.
        if (source == Config::Source::Environment) {
            config->proxyMode = ProxySettings::Mode::System;
            return true;
        }
        if (const auto mode = ProxySettings::parseMode(raw)) {
            config->proxyMode = *mode;
            return true;
        }
        *why = QCoreApplication::translate(
            "cody::Config", "must be system, none or manual, got \"%1\"")
                   .arg(raw);
        return false;
    case Key::ProxyHost:
        // The environment's value is a proxy URL as curl reads it, not our host:port.
        if (source != Config::Source::Environment) {
            *why = ProxySettings::hostPortProblem(raw);
            if (!why->isEmpty())
                return false;
        }
        config->proxyHost = raw.trimmed();
        return true;
    }
    return false;
}

} // namespace

QString Config::settingsKey(Key key)
{
    for (const auto &info : keyTable()) {
        if (info.key == key)
            return info.settingsKey;
    }
    return {};
}

QString Config::origin(Key key) const
{
    return m_origins.value(key, QCoreApplication::translate("cody::Config", "default"));
}

QUrl Config::parseBaseUrl(const QString &text, QString *error)
{
    const QString trimmed = text.trimmed();
    QUrl url(trimmed, QUrl::StrictMode);
    const QString scheme = url.scheme().toLower();
    if (!url.isValid() || (scheme != "http"_L1 && scheme != "https"_L1) || url.host().isEmpty()) {
        *error = QCoreApplication::translate(
            "cody::Config", "\"%1\" is not an http(s) URL such as https://sourcegraph.example.com")
                     .arg(trimmed);
        return {};
    }
    if (url.hasQuery() || url.hasFragment() || !url.userInfo().isEmpty()) {
        *error = QCoreApplication::translate(
            "cody::Config", "\"%1\" must not carry a query, fragment or user info")
                     .arg(url.toDisplayString(QUrl::RemoveUserInfo));
        return {};
    }
    // A path prefix (https://host/sourcegraph/) is kept; the trailing slash is not, so that
    // "/.api/…" can be appended uniformly.
    QString path = url.path();
    while (path.endsWith(u'/'))
        path.chop(1);
    url.setPath(path);
    return url;
}

Config Config::load(
    const QProcessEnvironment &environment, const QSettings *settings, QStringList *errors)
{
    Config config;
    for (const auto &info : keyTable()) {
        QString raw;
        QString origin;
        Source source = Source::Default;
        for (const auto &name : info.environment) {
            if (environment.contains(name) && !environment.value(name).isEmpty()) {
                raw = environment.value(name);
                origin = name;
                source = Source::Environment;
                break;
            }
        }
        if (source == Source::Default && settings && !info.settingsKey.isEmpty()
            && settings->contains(info.settingsKey)) {
            raw = settings->value(info.settingsKey).toString();
            origin
                = QCoreApplication::translate("cody::Config", "setting %1").arg(info.settingsKey);
            source = Source::Settings;
        }
        if (source == Source::Default)
            continue;

        QString why;
        if (!applyValue(&config, info.key, raw, source, &why)) {
            errors->append(u"%1: %2"_s.arg(origin, why));
            continue;
        }
        config.m_sources.insert(info.key, source);
        config.m_origins.insert(info.key, origin);
    }
    resolveProxy(&config, environment, settings, errors);
    bindSavedBypass(&config);
    return config;
}

void Config::bindSavedBypass(Config *config)
{
    if (!config->sslBypass || config->source(Key::SslBypass) != Source::Settings)
        return;
    // A bypass saved for one host never covers another: after the address changed (in Settings
    // or through LLM_BASE_URL), certificates are verified until the user opts in again. An older
    // "true" was saved with the URL in Settings, and holds only while that URL is used.
    const bool sameHost = config->sslBypassHost.isEmpty()
        ? config->source(Key::BaseUrl) == Source::Settings
        : config->sslBypassHost == config->baseUrl.host().toLower();
    if (!sameHost)
        config->sslBypass = false;
}

void Config::resolveProxy(Config *config, const QProcessEnvironment &environment,
    const QSettings *settings, QStringList *errors)
{
    using Mode = ProxySettings::Mode;
    if (config->source(Key::ProxyMode) == Source::Environment) {
        config->proxy = ProxySettings::fromEnvironment(environment);
        return;
    }
    const QString hostKey = settingsKey(Key::ProxyHost);
    if (config->proxyMode == Mode::Manual && config->proxyHost.isEmpty()) {
        // An unusable saved host has been reported already; a missing one has not.
        if (!settings || !settings->contains(hostKey)) {
            errors->append(QCoreApplication::translate(
                "cody::Config", "setting %1: manual proxy mode needs %2 (host:port)")
                               .arg(settingsKey(Key::ProxyMode), hostKey));
        }
        config->proxyMode = Mode::System;
        config->m_sources.remove(Key::ProxyMode);
        config->m_origins.remove(Key::ProxyMode);
    }
    config->proxy = ProxySettings::forMode(config->proxyMode, config->proxyHost, environment);
}

bool Config::save(QSettings &settings, Key key, const QVariant &value, QString *error)
{
    const auto fail = [error](const QString &reason) {
        if (error)
            *error = reason;
        return false;
    };
    const QString name = settingsKey(key);
    if (name.isEmpty())
        return fail(
            QCoreApplication::translate("cody::Config", "this value is never saved in settings"));

    QString raw;
    if (value.metaType() == QMetaType::fromType<ProxySettings::Mode>())
        raw = ProxySettings::modeName(value.value<ProxySettings::Mode>());
    else if (value.metaType() == QMetaType::fromType<bool>())
        raw = value.toBool() ? u"true"_s : u"false"_s;
    else
        raw = value.toString().trimmed();
    if (!value.isValid() || raw.isEmpty()) {
        settings.remove(name);
        return true;
    }

    Config checked;
    QString why;
    if (!applyValue(&checked, key, raw, Source::Settings, &why))
        return fail(u"%1: %2"_s.arg(name, why));
    // Saved in the form load() prints back: a normalized URL, true/false for flags.
    if (key == Key::BaseUrl)
        raw = checked.baseUrl.toString();
    else if (key == Key::AutoContinue || key == Key::ContextRewrite
        || (key == Key::SslBypass && isFlagWord(raw)))
        raw = parseFlag(raw) ? u"true"_s : u"false"_s;
    else if (key == Key::SslBypass)
        raw = raw.toLower();
    settings.setValue(name, raw);
    return true;
}

} // namespace cody
