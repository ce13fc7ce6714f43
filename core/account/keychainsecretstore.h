// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "account/secretstore.h"

#include <chrono>

namespace cody {

/**
 * @brief The SecretStore of the real OS keychain (QtKeychain: Secret Service, macOS Keychain,
 * Windows Credential Manager).
 *
 * Entries live under the service name `cody-chat`; the key is the caller's entry name (usually
 * SecretStore::keyForEndpoint()). There is no plaintext fallback. Every keychain job gets
 * `timeout`: a keychain that does not answer in time (a Secret Service waiting for an unlock
 * prompt nobody sees, a session bus that accepts but never replies) is reported as Unavailable
 * instead of hanging the caller.
 *
 * @code
 * auto *store = new cody::KeychainSecretStore(std::chrono::seconds(10), this);
 * store->read(cody::SecretStore::keyForEndpoint(url), this, [](const cody::SecretResult &r) {
 *     if (r.ok()) useToken(r.secret);
 *     else if (r.status == cody::SecretResult::Status::Unavailable) explain(r.error);
 * });
 * @endcode
 */
class KeychainSecretStore final : public SecretStore
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(KeychainSecretStore)

public:
    static constexpr std::chrono::milliseconds DefaultTimeout = std::chrono::seconds(10);

    explicit KeychainSecretStore(
        std::chrono::milliseconds timeout = DefaultTimeout, QObject *parent = nullptr);
    ~KeychainSecretStore() override;

    /// The keychain's service name for Cody Chat's entries.
    static QString serviceName();

    void read(const QString &key, QObject *context, Callback done) override;
    void write(const QString &key, const QString &secret, QObject *context, Callback done) override;
    /// Answers NotFound when there was no entry (the Secret Service itself does not say).
    void remove(const QString &key, QObject *context, Callback done) override;

private:
    std::chrono::milliseconds m_timeout;
};

} // namespace cody
