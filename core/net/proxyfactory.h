// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QNetworkProxyFactory>
#include <QProcessEnvironment>
#include <QString>

#include <optional>

namespace cody {

/// The proxies to use, as curl and most command-line tools read them from the environment.
struct ProxySettings
{
    /// How the user chose the proxy (saved as `network/proxyMode`).
    enum class Mode {
        System, ///< the environment's https_proxy, http_proxy and no_proxy
        None, ///< direct connections, whatever the environment says
        Manual, ///< one HTTP proxy (host:port) for both schemes; no_proxy still honoured
    };

    QString httpProxy; ///< for http:// URLs (`http_proxy`)
    QString httpsProxy; ///< for https:// URLs (`https_proxy`)
    QString noProxy; ///< comma-separated hosts, domain suffixes, IPs or `*` (`no_proxy`)

    /// Lower-case variables first, then their upper-case spellings.
    static ProxySettings fromEnvironment(const QProcessEnvironment &environment);

    /// The proxies for `mode`. Manual uses `manualHost` (host:port, see hostPortProblem()) as an
    /// HTTP proxy for http and https URLs, with the environment's no_proxy.
    static ProxySettings forMode(
        Mode mode, const QString &manualHost, const QProcessEnvironment &environment);

    /// Empty when `text` is a usable manual proxy ("host:port", "[::1]:3128"); otherwise one
    /// line saying what is wrong, with an example.
    static QString hostPortProblem(const QString &text);

    /// "system", "none", "manual": the words saved in settings.
    static QString modeName(Mode mode);
    /// The inverse of modeName(), ignoring case and surrounding spaces; nullopt for other words.
    static std::optional<Mode> parseMode(const QString &name);
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
