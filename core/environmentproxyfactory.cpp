// SPDX-License-Identifier: Apache-2.0
#include "environmentproxyfactory.h"

#include <QUrl>

using namespace Qt::StringLiterals;

namespace cody {

EnvironmentProxyFactory::EnvironmentProxyFactory(QProcessEnvironment environment)
    : m_environment(std::move(environment))
{ }

QList<QNetworkProxy> EnvironmentProxyFactory::queryProxy(const QNetworkProxyQuery &query)
{
    return {proxyFor(query.url())};
}

QString EnvironmentProxyFactory::variable(const QString &lowerName) const
{
    const QString lower = m_environment.value(lowerName);
    return lower.isEmpty() ? m_environment.value(lowerName.toUpper()) : lower;
}

bool EnvironmentProxyFactory::excluded(const QString &host) const
{
    const QString hostLower = host.toLower();
    const auto entries = variable(u"no_proxy"_s).split(u',', Qt::SkipEmptyParts);
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

QNetworkProxy EnvironmentProxyFactory::proxyFor(const QUrl &url) const
{
    const QString scheme = url.scheme().toLower();
    const QString setting
        = variable(scheme == "https"_L1 ? u"https_proxy"_s : u"http_proxy"_s).trimmed();
    if (setting.isEmpty() || excluded(url.host()))
        return QNetworkProxy(QNetworkProxy::NoProxy);
    // "proxy:3128" without a scheme is common; it means an HTTP proxy.
    const QUrl proxyUrl = QUrl::fromUserInput(setting);
    if (!proxyUrl.isValid() || proxyUrl.host().isEmpty())
        return QNetworkProxy(QNetworkProxy::NoProxy);
    const auto type = proxyUrl.scheme().startsWith("socks"_L1) ? QNetworkProxy::Socks5Proxy
                                                               : QNetworkProxy::HttpProxy;
    return QNetworkProxy(type, proxyUrl.host(),
        quint16(proxyUrl.port(type == QNetworkProxy::HttpProxy ? 80 : 1080)), proxyUrl.userName(),
        proxyUrl.password());
}

} // namespace cody
