// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QString>

namespace cody::test {

/// The "messages" of conversation `index` in a JSON export (ConversationStore::exportJson, or
/// `history show --json`); empty when there is no such thing.
inline QJsonArray exportedMessages(const QByteArray &json, qsizetype index = 0)
{
    return QJsonDocument::fromJson(json)
        .object()
        .value(QStringLiteral("conversations"))
        .toArray()
        .at(index)
        .toObject()
        .value(QStringLiteral("messages"))
        .toArray();
}

} // namespace cody::test
