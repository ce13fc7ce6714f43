// SPDX-License-Identifier: Apache-2.0
#include "testcertificate.h"

#include <QDir>
#include <QFile>
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

bool runOpenssl(const QStringList &arguments, QString *error)
{
    QProcess openssl;
    openssl.setProcessChannelMode(QProcess::MergedChannels);
    openssl.start(u"openssl"_s, arguments);
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
    return true;
}

QString altNamesFor(const QStringList &hosts)
{
    QStringList names;
    for (const QString &host : hosts)
        names.append((QHostAddress(host).isNull() ? u"DNS:"_s : u"IP:"_s) + host);
    return names.join(u',');
}

} // namespace

bool generateSelfSignedCertificate(const QString &dir, const QStringList &hosts, QString *certPath,
    QString *keyPath, QString *error)
{
    if (hosts.isEmpty())
        return fail(error, u"no host names for the certificate"_s);
    if (!QDir().mkpath(dir))
        return fail(error, u"cannot create %1"_s.arg(dir));
    const QString cert = QDir(dir).filePath(u"cert.pem"_s);
    const QString key = QDir(dir).filePath(u"key.pem"_s);
    if (!runOpenssl({u"req"_s, u"-x509"_s, u"-newkey"_s, u"rsa:2048"_s, u"-nodes"_s, u"-days"_s,
                        u"2"_s, u"-subj"_s, u"/CN="_s + hosts.first(), u"-addext"_s,
                        u"subjectAltName="_s + altNamesFor(hosts), u"-addext"_s,
                        u"basicConstraints=critical,CA:TRUE"_s, u"-keyout"_s, key, u"-out"_s, cert},
            error))
        return false;
    if (certPath)
        *certPath = cert;
    if (keyPath)
        *keyPath = key;
    return true;
}

bool generateExpiredCertificate(const QString &dir, const QStringList &hosts, QString *certPath,
    QString *keyPath, QString *error)
{
    if (!generateSelfSignedCertificate(dir, hosts, nullptr, keyPath, error))
        return false;
    // Re-signed from a request with the same key, valid until yesterday: `req -x509` refuses a
    // negative validity, `x509 -req` does not.
    const QDir where(dir);
    const QString request = where.filePath(u"expired.csr"_s);
    const QString extensions = where.filePath(u"expired.ext"_s);
    const QString cert = where.filePath(u"expired.pem"_s);
    QFile file(extensions);
    if (!file.open(QIODevice::WriteOnly)
        || file.write(QString(u"subjectAltName="_s + altNamesFor(hosts)
               + u"\nbasicConstraints=critical,CA:TRUE\n"_s)
                          .toUtf8())
            < 0)
        return fail(error, u"cannot write %1"_s.arg(extensions));
    file.close();
    if (!runOpenssl({u"req"_s, u"-new"_s, u"-key"_s, *keyPath, u"-subj"_s,
                        u"/CN="_s + hosts.first(), u"-out"_s, request},
            error)
        || !runOpenssl({u"x509"_s, u"-req"_s, u"-in"_s, request, u"-signkey"_s, *keyPath,
                           u"-days"_s, u"-1"_s, u"-extfile"_s, extensions, u"-out"_s, cert},
            error))
        return false;
    if (certPath)
        *certPath = cert;
    return true;
}

} // namespace cody::test
