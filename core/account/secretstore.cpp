// SPDX-License-Identifier: Apache-2.0
#include "account/secretstore.h"

#include <QCoreApplication>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace cody {

QString SecretResult::errorWithDetail() const
{
    return detail.isEmpty() ? error : u"%1 (%2)"_s.arg(error, detail);
}

SecretResult SecretResult::unavailable(const QString &cause)
{
    return {Status::Unavailable, {},
        QCoreApplication::translate(
            "cody::SecretResult", "no keychain is available; set LLM_API_KEY instead"),
        cause};
}

QString SecretStore::keyForEndpoint(const QUrl &baseUrl)
{
    QString key = baseUrl.toString(QUrl::RemoveUserInfo | QUrl::RemoveQuery | QUrl::RemoveFragment
        | QUrl::NormalizePathSegments);
    while (key.endsWith(u'/'))
        key.chop(1);
    return key;
}

} // namespace cody
