// SPDX-License-Identifier: Apache-2.0
#include "net/proxyfactory.h"

#include <QCoreApplication>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace cody {

ProxySettings ProxySettings::fromEnvironment(const QProcessEnvironment &environment)
{
    auto variable = [&environment](const QString &lowerName) {
        const QString lower = environment.value(lowerName);
        return lower.isEmpty() ? environment.value(lowerName.toUpper()) : lower;
    };
    return {variable(u"http_proxy"_s), variable(u"https_proxy"_s), variable(u"no_proxy"_s)};
}

ProxySettings ProxySettings::forMode(
    Mode mode, const QString &manualHost, const QProcessEnvironment &environment)
{
    switch (mode) {
    case Mode::System:
        return fromEnvironment(environment);
    case Mode::None:
        return {};
    case Mode::Manual: {
        // An explicit scheme keeps proxyFor() from reading "host:port" as "scheme:path".
        const QString proxy = u"http://"_s + manualHost.trimmed();
        return {proxy, proxy, fromEnvironment(environment).noProxy};
    }
    }
    return {};
}

QString ProxySettings::hostPortProblem(const QString &text)
{
    const QString trimmed = text.trimmed();
    const QString example = QCoreApplication::translate(
        "cody::ProxySettings", "write it as host:port, for example proxy.example.com:3128");
    if (trimmed.isEmpty())
        return QCoreApplication::translate("cody::ProxySettings", "The proxy is missing: %1")
            .arg(example);
    if (trimmed.contains("://"_L1))
        return QCoreApplication::translate("cody::ProxySettings", "\"%1\" has a scheme; %2")
            .arg(trimmed, example);
    const QUrl url(u"http://"_s + trimmed, QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty() || !url.userInfo().isEmpty() || !url.path().isEmpty()
        || url.hasQuery() || url.hasFragment())
        return QCoreApplication::translate(
            "cody::ProxySettings", "\"%1\" is not a host and port; %2")
            .arg(trimmed, example);
    if (url.port() < 1)
        return QCoreApplication::translate("cody::ProxySettings", "\"%1\" has no port; %2")
            .arg(trimmed, example);
    return {};
}

QString ProxySettings::modeName(Mode mode)
{
    switch (mode) {
    case Mode::System:
        return u"system"_s;
    case Mode::None:
        return u"none"_s;
    case Mode::Manual:
        return u"manual"_s;
    }
    return {};
}

std::optional<ProxySettings::Mode> ProxySettings::parseMode(const QString &name)
{
    const QString word = name.trimmed().toLower();
    for (const Mode mode : {Mode::System, Mode::None, Mode::Manual}) {
        if (word == modeName(mode))
            return mode;
    }
    return std::nullopt;
}

ProxyFactory::ProxyFactory(ProxySettings settings)
    : m_settings(std::move(settings))
{ }

QList<QNetworkProxy> ProxyFactory::queryProxy(const QNetworkProxyQuery &query)
{
    return {proxyFor(query.url())};
}

bool ProxyFactory::excluded(const QString &host) const
{
    const QString hostLower = host.toLower();
    const auto entries = m_settings.noProxy.split(u',', Qt::SkipEmptyParts);
    for (const auto &raw : entries) {
        QString entry = raw.trimmed().toLower();
        if (entry == "*"_L1)
            return true;
        if (entry.startsWith(u'.'))
            entry.remove(0, 1);
        if (entry.isEmpty())
            continue;
        if (hostLower == entry || hostLower.endsWith(u'.' + entry))
            return true;
    }
    return false;
}

QNetworkProxy ProxyFactory::proxyFor(const QUrl &url) const
{
    const bool https = url.scheme().compare("https"_L1, Qt::CaseInsensitive) == 0;
    const QString setting = (https ? m_settings.httpsProxy : m_settings.httpProxy).trimmed();
    if (setting.isEmpty() || excluded(url.host()))
        return QNetworkProxy(QNetworkProxy::NoProxy);
    // "proxy:3128" without a scheme is common; it means an HTTP proxy.
    const QUrl proxyUrl = QUrl::fromUserInput(setting);
    if (!proxyUrl.isValid() || proxyUrl.host().isEmpty())
        return QNetworkProxy(QNetworkProxy::NoProxy);
    const bool socks = proxyUrl.scheme().startsWith("socks"_L1);
    const auto type = socks ? QNetworkProxy::Socks5Proxy : QNetworkProxy::HttpProxy;
    return QNetworkProxy(type, proxyUrl.host(), quint16(proxyUrl.port(socks ? 1080 : 80)),
        proxyUrl.userName(), proxyUrl.password());
}

} // namespace cody
