// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QUrlQuery>

#include <utility>

namespace cody::test {

// One HTTP request as the fake server received it.
struct RecordedRequest
{
    QByteArray method;
    QByteArray path; // without the query
    QUrlQuery query;
    QList<std::pair<QByteArray, QByteArray>> headers; // names lower-cased, in arrival order
    QByteArray body;
    QByteArray httpVersion = "HTTP/1.1";

    // The first header with this (lower-case) name, or an empty array.
    QByteArray header(QByteArrayView lowerName) const;
    // The body as a JSON object; empty when it is not one.
    QJsonObject json() const;
};

} // namespace cody::test

Q_DECLARE_METATYPE(cody::test::RecordedRequest)
