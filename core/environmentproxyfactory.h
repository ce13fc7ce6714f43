// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QNetworkProxyFactory>
#include <QProcessEnvironment>

namespace cody {

/**
 * @brief Proxies as curl and most command-line tools read them: `https_proxy` for https URLs,
 * `http_proxy` for http URLs (upper-case spellings too), and `no_proxy` (comma-separated host
 * names, domain suffixes such as `.corp.example` or `corp.example`, IP addresses, or `*`).
 *
 * Qt's own system factory only reads http_proxy here, so corporate HTTPS proxies would be missed.
 */
class EnvironmentProxyFactory final : public QNetworkProxyFactory
{
public:
    explicit EnvironmentProxyFactory(QProcessEnvironment environment);

    QList<QNetworkProxy> queryProxy(const QNetworkProxyQuery &query) override;

    /// The proxy for `url`, or NoProxy.
    QNetworkProxy proxyFor(const QUrl &url) const;

private:
    QString variable(const QString &lowerName) const;
    bool excluded(const QString &host) const;

    QProcessEnvironment m_environment;
};

} // namespace cody
