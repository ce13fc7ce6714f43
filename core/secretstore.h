// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QObject>
#include <QString>

#include <functional>

namespace cody {

/// The outcome of one secret-store operation.
struct SecretResult
{
    enum class Status {
        Ok,
        NotFound, ///< read or remove: there is no secret under that key
        Unavailable, ///< no keychain (no Secret Service, locked, no D-Bus session): say so plainly
        Failed, ///< anything else; `error` says what
    };
    Status status = Status::Ok;
    QString secret; ///< read: the secret when status is Ok
    QString error; ///< one readable line when status is not Ok (never contains the secret)

    bool ok() const { return status == Status::Ok; }
};

/**
 * @brief Where access tokens live: the OS keychain, one entry per endpoint URL.
 *
 * Asynchronous like the keychain it wraps: `done` is called exactly once, later (never from
 * inside the call), in `context`'s thread, and not at all if `context` was destroyed. Nothing
 * else in Cody Chat sees the keychain library. There is deliberately no plaintext fallback.
 */
class SecretStore : public QObject
{
    Q_OBJECT

public:
    using Callback = std::function<void(const SecretResult &)>;

    using QObject::QObject;

    virtual void read(const QString &key, QObject *context, Callback done) = 0;
    virtual void write(const QString &key, const QString &secret, QObject *context, Callback done)
        = 0;
    virtual void remove(const QString &key, QObject *context, Callback done) = 0;

    /// The keychain key for an endpoint: its normalized URL (no trailing slash).
    static QString keyForEndpoint(const QUrl &baseUrl);
};

} // namespace cody
