// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QList>
#include <QSslConfiguration>
#include <QSslError>
#include <QString>
#include <QUrl>

namespace cody {

/**
 * @brief How TLS is checked: verified by default, an extra CA bundle, and the opt-in bypass that
 * applies to the configured host only.
 */
class TlsPolicy
{
public:
    TlsPolicy();

    /// Builds the policy for `baseUrl`. A CA file that cannot be read or holds no PEM certificate
    /// is an error (returned as false with *error), never silently ignored.
    bool configure(const QUrl &baseUrl, bool bypass, const QString &caFile, QString *error);

    QSslConfiguration sslConfiguration() const { return m_configuration; }
    bool bypassEnabled() const { return !m_bypassHost.isEmpty(); }
    QString bypassHost() const { return m_bypassHost; }
    /// True only when the bypass is on and `url` is on the configured host.
    bool bypasses(const QUrl &url) const;

    /// One line describing certificate errors, with the way out.
    static QString describe(const QUrl &url, const QList<QSslError> &errors);

private:
    QSslConfiguration m_configuration;
    QString m_bypassHost;
};

} // namespace cody
