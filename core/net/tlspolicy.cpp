// SPDX-License-Identifier: Apache-2.0
#include "net/tlspolicy.h"

#include <QCoreApplication>
#include <QFile>
#include <QSslCertificate>

using namespace Qt::StringLiterals;

namespace cody {

TlsPolicy::TlsPolicy()
    : m_configuration(QSslConfiguration::defaultConfiguration())
{ }

bool TlsPolicy::configure(const QUrl &baseUrl, bool bypass, const QString &caFile, QString *error)
{
    m_configuration = QSslConfiguration::defaultConfiguration();
    m_bypassHost = bypass ? baseUrl.host().toLower() : QString();
    if (caFile.isEmpty())
        return true;
    QFile file(caFile);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QCoreApplication::translate("cody::TlsPolicy", "cannot read the CA file %1: %2")
                     .arg(caFile, file.errorString());
        return false;
    }
    const auto certificates = QSslCertificate::fromData(file.readAll(), QSsl::Pem);
    if (certificates.isEmpty()) {
        *error = QCoreApplication::translate(
            "cody::TlsPolicy", "the CA file %1 holds no PEM certificate")
                     .arg(caFile);
        return false;
    }
    // Adding to the default configuration would switch off Qt's on-demand loading of the system
    // roots, so the extra CA would replace them instead of joining them.
    m_configuration.setCaCertificates(QSslConfiguration::systemCaCertificates() + certificates);
    return true;
}

bool TlsPolicy::bypasses(const QUrl &url) const
{
    return !m_bypassHost.isEmpty() && url.host().toLower() == m_bypassHost;
}

QString TlsPolicy::describe(const QUrl &url, const QList<QSslError> &errors)
{
    QStringList reasons;
    for (const auto &error : errors) {
        if (!reasons.contains(error.errorString()))
            reasons.append(error.errorString());
    }
    return QCoreApplication::translate("cody::TlsPolicy",
        "TLS certificate of %1 was not accepted (%2). Set CODY_CA_FILE to your CA bundle, or "
        "CODY_SSL_BYPASS=true to skip verification for this host (insecure)")
        .arg(url.host(), reasons.join("; "_L1));
}

} // namespace cody
