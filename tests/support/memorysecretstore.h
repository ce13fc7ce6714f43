// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "account/secretstore.h"

#include <QHash>

namespace cody::test {

/// A SecretStore in memory, for tests of code that only needs some store. Tests of the real
/// keychain use KeychainSecretStore against a Secret Service instead.
class MemorySecretStore final : public SecretStore
{
    Q_OBJECT

public:
    using SecretStore::SecretStore;

    void read(const QString &key, QObject *context, Callback done) override;
    void write(const QString &key, const QString &secret, QObject *context, Callback done) override;
    void remove(const QString &key, QObject *context, Callback done) override;

    /// Makes every operation answer Unavailable, like a machine without a keychain.
    void setUnavailable(bool unavailable) { m_unavailable = unavailable; }
    const QHash<QString, QString> &secrets() const { return m_secrets; }

private:
    void answer(QObject *context, Callback done, SecretResult result);

    QHash<QString, QString> m_secrets;
    bool m_unavailable = false;
};

} // namespace cody::test
