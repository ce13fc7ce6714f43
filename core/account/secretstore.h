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
    /// The technical cause behind `error` (the keychain library's own words), for a details line
    /// or a tooltip; may be empty.
    QString detail = {};

    bool ok() const { return status == Status::Ok; }
    /// `error`, followed by the detail in parentheses when there is one: for one-line output.
    QString errorWithDetail() const;

    /// "No keychain here", said once in plain words with what to do; `cause` becomes the detail.
    static SecretResult unavailable(const QString &cause);
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
