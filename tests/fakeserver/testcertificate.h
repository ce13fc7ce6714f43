// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>
#include <QStringList>

namespace cody::test {

// Writes cert.pem and key.pem into dir with the openssl command-line tool: a two-day
// self-signed RSA certificate for hosts (IP addresses become IP: names, the rest DNS: names)
// that is also marked CA:TRUE, so a client can trust it as its own CA file.
bool generateSelfSignedCertificate(const QString &dir, const QStringList &hosts, QString *certPath,
    QString *keyPath, QString *error);

// The same, but expired since yesterday (expired.pem beside cert.pem, same key).
bool generateExpiredCertificate(const QString &dir, const QStringList &hosts, QString *certPath,
    QString *keyPath, QString *error);

} // namespace cody::test
