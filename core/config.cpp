// SPDX-License-Identifier: Apache-2.0
#include "config.h"

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
    };
    return table;
}

bool parseFlag(const QString &text)
{
    const QString value = text.trimmed().toLower();
    return value == "true"_L1 || value == "1"_L1 || value == "yes"_L1;
}

std::optional<int> parseInt(const QString &text, int minimum)
{
    bool ok = false;
    const int value = text.trimmed().toInt(&ok);
    if (!ok || value < minimum)
        return std::nullopt;
    return value;
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
    return m_origins.value(key, u"default"_s);
}

QUrl Config::parseBaseUrl(const QString &text, QString *error)
{
    const QString trimmed = text.trimmed();
    QUrl url(trimmed, QUrl::StrictMode);
    const QString scheme = url.scheme().toLower();
    if (!url.isValid() || (scheme != "http"_L1 && scheme != "https"_L1) || url.host().isEmpty()) {
        *error = u"\"%1\" is not an http(s) URL such as https://sourcegraph.example.com"_s.arg(
            trimmed);
        return {};
    }
    if (url.hasQuery() || url.hasFragment() || !url.userInfo().isEmpty()) {
        *error = u"\"%1\" must not carry a query, fragment or user info"_s.arg(
            url.toDisplayString(QUrl::RemoveUserInfo));
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
    config.proxy = ProxySettings::fromEnvironment(environment);
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
            origin = u"setting %1"_s.arg(info.settingsKey);
            source = Source::Settings;
        }
        if (source == Source::Default)
            continue;

        auto reject = [&](const QString &why) { errors->append(u"%1: %2"_s.arg(origin, why)); };
        // Sets *target from a whole number of at least `minimum`; false (reported) otherwise.
        auto setInt = [&](int *target, int minimum, const QString &expected) {
            if (const auto value = parseInt(raw, minimum)) {
                *target = *value;
                return true;
            }
            reject(u"must be %1, got \"%2\""_s.arg(expected, raw));
            return false;
        };
        switch (info.key) {
        case Key::BaseUrl: {
            QString error;
            config.baseUrl = parseBaseUrl(raw, &error);
            if (config.baseUrl.isEmpty()) {
                reject(error);
                continue;
            }
            break;
        }
        case Key::AccessToken:
            config.accessToken = raw.trimmed();
            break;
        case Key::SslBypass:
            config.sslBypass = parseFlag(raw);
            break;
        case Key::ClientName:
            config.clientName = raw.trimmed();
            break;
        case Key::DefaultMaxTokens:
            if (!setInt(&config.defaultMaxTokens, 1, u"a whole number greater than 0"_s))
                continue;
            break;
        case Key::Model:
            config.model = raw.trimmed();
            break;
        case Key::CaFile:
            config.caFile = raw;
            break;
        case Key::IdleTimeout:
            if (!setInt(
                    &config.idleTimeoutSeconds, 1, u"a whole number of seconds greater than 0"_s))
                continue;
            break;
        case Key::AutoContinue:
            config.autoContinue = parseFlag(raw);
            break;
        case Key::MaxContinuations:
            if (!setInt(&config.maxContinuations, 0, u"a whole number (0 = unlimited)"_s))
                continue;
            break;
        }
        config.m_sources.insert(info.key, source);
        config.m_origins.insert(info.key, origin);
    }
    return config;
}

} // namespace cody
