// SPDX-License-Identifier: Apache-2.0
#include "testcertificate.h"

#include <QDir>
#include <QHostAddress>
#include <QProcess>

using namespace Qt::StringLiterals;

namespace cody::test {

namespace {

bool fail(QString *error, const QString &message)
{
    if (error)
        *error = message;
    return false;
}

} // namespace

bool generateSelfSignedCertificate(const QString &dir, const QStringList &hosts, QString *certPath,
    QString *keyPath, QString *error)
{
    if (hosts.isEmpty())
        return fail(error, u"no host names for the certificate"_s);
    if (!QDir().mkpath(dir))
        return fail(error, u"cannot create %1"_s.arg(dir));

    QStringList altNames;
    for (const QString &host : hosts)
        altNames.append((QHostAddress(host).isNull() ? u"DNS:"_s : u"IP:"_s) + host);
    const QString cert = QDir(dir).filePath(u"cert.pem"_s);
    const QString key = QDir(dir).filePath(u"key.pem"_s);

    QProcess openssl;
    openssl.setProcessChannelMode(QProcess::MergedChannels);
    openssl.start(u"openssl"_s,
        {u"req"_s, u"-x509"_s, u"-newkey"_s, u"rsa:2048"_s, u"-nodes"_s, u"-days"_s, u"2"_s,
            u"-subj"_s, u"/CN="_s + hosts.first(), u"-addext"_s,
            u"subjectAltName="_s + altNames.join(u','), u"-addext"_s,
            u"basicConstraints=critical,CA:TRUE"_s, u"-keyout"_s, key, u"-out"_s, cert});
    if (!openssl.waitForStarted())
        return fail(error, u"cannot run openssl: %1"_s.arg(openssl.errorString()));
    openssl.closeWriteChannel();
    if (!openssl.waitForFinished(60'000)) {
        openssl.kill();
        openssl.waitForFinished();
        return fail(error, u"openssl did not finish"_s);
    }
    if (openssl.exitStatus() != QProcess::NormalExit || openssl.exitCode() != 0) {
        return fail(error,
            u"openssl failed (exit code %1): %2"_s.arg(openssl.exitCode())
                .arg(QString::fromLocal8Bit(openssl.readAll()).trimmed()));
    }
    if (certPath)
        *certPath = cert;
    if (keyPath)
        *keyPath = key;
    return true;
}

} // namespace cody::test
