// SPDX-License-Identifier: Apache-2.0
#include "memorysecretstore.h"

#include <QPointer>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace cody::test {

void MemorySecretStore::answer(QObject *context, Callback done, SecretResult result)
{
    if (m_unavailable)
        result = SecretResult::unavailable(
            u"Failed to execute child process \u201Cdbus-launch\u201D (No such file or directory)"_s);
    // Never from inside the call, like the real keychain.
    QTimer::singleShot(0, context, [done = std::move(done), result] { done(result); });
}

void MemorySecretStore::read(const QString &key, QObject *context, Callback done)
{
    if (m_secrets.contains(key))
        answer(context, std::move(done), {SecretResult::Status::Ok, m_secrets.value(key), {}});
    else
        answer(
            context, std::move(done), {SecretResult::Status::NotFound, {}, u"no token stored"_s});
}

void MemorySecretStore::write(
    const QString &key, const QString &secret, QObject *context, Callback done)
{
    if (!m_unavailable)
        m_secrets.insert(key, secret);
    answer(context, std::move(done), {});
}

void MemorySecretStore::remove(const QString &key, QObject *context, Callback done)
{
    const bool existed = !m_unavailable && m_secrets.remove(key) > 0;
    answer(context, std::move(done),
        existed ? SecretResult {}
                : SecretResult {SecretResult::Status::NotFound, {}, u"no token stored"_s});
}

} // namespace cody::test
