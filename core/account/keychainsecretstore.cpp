// SPDX-License-Identifier: Apache-2.0
#include "account/keychainsecretstore.h"

#include <QCoreApplication>
#include <QPointer>
#include <QTimer>
#include <qt6keychain/keychain.h>

#include <functional>
#include <memory>
#include <utility>

using namespace Qt::StringLiterals;

namespace cody {

namespace {

using Status = SecretResult::Status;
using Callback = SecretStore::Callback;
using Milliseconds = std::chrono::milliseconds;

QString seconds(Milliseconds timeout)
{
    const auto ms = timeout.count();
    return ms % 1000 == 0 ? QString::number(ms / 1000) : QString::number(double(ms) / 1000.0);
}

// libsecret reports a missing session bus ("Cannot autolaunch D-Bus without X11 $DISPLAY"), a
// dead bus socket, an absent Secret Service and a keyring that could not be created because
// nobody could answer the prompt ("Object does not exist at path
// /org/freedesktop/secrets/collection/login") as generic GLib errors (OtherError), so they are
// recognised by their text: to the user they all mean "there is no keychain here".
bool meansNoKeychain(QKeychain::Error code, const QString &message)
{
    switch (code) {
    case QKeychain::NoBackendAvailable:
    case QKeychain::AccessDeniedByUser:
    case QKeychain::AccessDenied: // libsecret: the collection is locked
    case QKeychain::NotImplemented:
        return true;
    case QKeychain::OtherError:
        break;
    default:
        return false;
    }
    for (const auto marker : {"d-bus"_L1, "dbus"_L1, "autolaunch"_L1, "org.freedesktop.secrets"_L1,
             "/org/freedesktop/secrets/"_L1, "could not connect"_L1, "locked"_L1,
             "secret service"_L1}) {
        if (message.contains(marker, Qt::CaseInsensitive))
            return true;
    }
    return false;
}

SecretResult failure(const QKeychain::Job *job, const QString &key)
{
    const QString message = job->errorString().simplified();
    if (job->error() == QKeychain::EntryNotFound)
        return {Status::NotFound, {},
            QCoreApplication::translate(
                "cody::KeychainSecretStore", "nothing is stored in the keychain for %1")
                .arg(key)};
    if (meansNoKeychain(job->error(), message))
        return SecretResult::unavailable(message);
    return {Status::Failed, {},
        QCoreApplication::translate("cody::KeychainSecretStore", "the keychain failed: %1")
            .arg(message)};
}

// Calls `done` later in `context`'s thread, unless `context` is gone by then.
void deliver(const QPointer<QObject> &context, const Callback &done, const SecretResult &result)
{
    if (!context)
        return;
    QMetaObject::invokeMethod(
        context.data(), [done, result] { done(result); }, Qt::QueuedConnection);
}

// Starts `job` and answers through `done` with onFinished(job), or with Unavailable when the job
// takes longer than `timeout`, whichever comes first.
//
// A late job is left running rather than deleted: libsecret holds a raw pointer to it until its
// D-Bus call returns, so deleting it early would crash. It deletes itself (autoDelete) if it ever
// finishes. Until then QtKeychain's one-job-at-a-time queue is stuck, so later jobs in this
// process time out as well, which is the truth: the keychain is not answering.
void run(QKeychain::Job *job, const QString &key, Milliseconds timeout, QObject *context,
    Callback done, std::function<SecretResult(QKeychain::Job *)> onSuccess)
{
    job->setAutoDelete(true);
    job->setInsecureFallback(false); // never a plaintext file, whatever the default becomes
    job->setKey(key);

    auto settled = std::make_shared<bool>(false);
    const QPointer<QObject> guard(context);
    auto *timer = new QTimer(job);
    timer->setSingleShot(true);
    QObject::connect(timer, &QTimer::timeout, job, [=] {
        if (std::exchange(*settled, true))
            return;
        deliver(guard, done,
            SecretResult::unavailable(QCoreApplication::translate("cody::KeychainSecretStore",
                "the keychain did not answer within %1 s: is a Secret Service such as "
                "gnome-keyring running and unlocked?")
                                          .arg(seconds(timeout))));
    });
    QObject::connect(job, &QKeychain::Job::finished, job, [=](QKeychain::Job *finished) {
        timer->stop();
        if (std::exchange(*settled, true))
            return;
        deliver(guard, done,
            finished->error() == QKeychain::NoError ? onSuccess(finished) : failure(finished, key));
    });
    timer->start(timeout);
    job->start();
}

void readEntry(const QString &key, Milliseconds timeout, QObject *context, Callback done)
{
    run(new QKeychain::ReadPasswordJob(KeychainSecretStore::serviceName()), key, timeout, context,
        std::move(done), [](QKeychain::Job *job) {
            return SecretResult {
                Status::Ok, static_cast<QKeychain::ReadPasswordJob *>(job)->textData(), {}};
        });
}

} // namespace

KeychainSecretStore::KeychainSecretStore(std::chrono::milliseconds timeout, QObject *parent)
    : SecretStore(parent)
    , m_timeout(timeout)
{ }

KeychainSecretStore::~KeychainSecretStore() = default;

QString KeychainSecretStore::serviceName()
{
    return u"cody-chat"_s;
}

void KeychainSecretStore::read(const QString &key, QObject *context, Callback done)
{
    readEntry(key, m_timeout, context, std::move(done));
}

void KeychainSecretStore::write(
    const QString &key, const QString &secret, QObject *context, Callback done)
{
    auto *job = new QKeychain::WritePasswordJob(serviceName());
    job->setTextData(secret);
    run(job, key, m_timeout, context, std::move(done),
        [](QKeychain::Job *) { return SecretResult {}; });
}

void KeychainSecretStore::remove(const QString &key, QObject *context, Callback done)
{
    // The Secret Service deletes a missing entry without complaint, and `auth logout` must say
    // whether there was one: look first. Nothing here refers to `this`, so the answer still comes
    // if the store is destroyed meanwhile.
    const Milliseconds timeout = m_timeout;
    readEntry(key, timeout, context, [key, timeout, context, done](const SecretResult &found) {
        // This runs in `context`, so it is alive.
        if (!found.ok()) {
            done({found.status, {}, found.error, found.detail});
            return;
        }
        run(new QKeychain::DeletePasswordJob(serviceName()), key, timeout, context, done,
            [](QKeychain::Job *) { return SecretResult {}; });
    });
}

} // namespace cody
