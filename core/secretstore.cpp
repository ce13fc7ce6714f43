// SPDX-License-Identifier: Apache-2.0
#include "secretstore.h"

#include <QUrl>

namespace cody {

QString SecretStore::keyForEndpoint(const QUrl &baseUrl)
{
    QString key = baseUrl.toString(QUrl::RemoveUserInfo | QUrl::RemoveQuery | QUrl::RemoveFragment
        | QUrl::NormalizePathSegments);
    while (key.endsWith(u'/'))
        key.chop(1);
    return key;
}

} // namespace cody
