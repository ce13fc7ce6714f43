// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QNetworkProxyFactory>
#include <QProcessEnvironment>
#include <QString>

namespace cody {

/// The proxies to use, as curl and most command-line tools read them from the environment.
struct ProxySettings
{
    QString httpProxy; ///< for http:// URLs (`http_proxy`)
    QString httpsProxy; ///< for https:// URLs (`https_proxy`)
    QString noProxy; ///< comma-separated hosts, domain suffixes, IPs or `*` (`no_proxy`)

    /// Lower-case variables first, then their upper-case spellings.
    static ProxySettings fromEnvironment(const QProcessEnvironment &environment);
};

/**
 * @brief Applies ProxySettings to a QNetworkAccessManager: `httpsProxy` for https URLs,
 * `httpProxy` for http URLs, nothing for hosts matched by `noProxy` (exact names, `.suffix` or
 * `suffix` domains, IP addresses, or `*`).
 *
 * Qt's own system factory reads only http_proxy on Linux, so corporate HTTPS proxies would be
 * missed.
 */
class ProxyFactory final : public QNetworkProxyFactory
{
public:
    explicit ProxyFactory(ProxySettings settings);

    QList<QNetworkProxy> queryProxy(const QNetworkProxyQuery &query) override;

    /// The proxy for `url`, or NoProxy.
    QNetworkProxy proxyFor(const QUrl &url) const;

private:
    bool excluded(const QString &host) const;

    ProxySettings m_settings;
};

} // namespace cody
