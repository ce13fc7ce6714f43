// SPDX-License-Identifier: Apache-2.0
#include "recordedrequest.h"

#include <QJsonDocument>

namespace cody::test {

QByteArray RecordedRequest::header(QByteArrayView lowerName) const
{
    for (const auto &[name, value] : headers) {
        if (name == lowerName)
            return value;
    }
    return {};
}

QJsonObject RecordedRequest::json() const
{
    return QJsonDocument::fromJson(body).object();
}

} // namespace cody::test
