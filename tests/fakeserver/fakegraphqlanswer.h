// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QString>

namespace cody::test {

// A GraphQL answer body: `{"data": …}` or `{"errors": [{"message": …}]}` (no data, as recording
// 27 and graph-gophers' validation errors have it).
inline QJsonObject graphqlData(const QJsonObject &data)
{
    return QJsonObject {{QStringLiteral("data"), data}};
}

inline QJsonObject graphqlError(const QString &message)
{
    return QJsonObject {{QStringLiteral("errors"),
        QJsonArray {QJsonObject {{QStringLiteral("message"), message}}}}};
}

} // namespace cody::test
