// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "history/conversationstore.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace cody::conversationexport {

/// One conversation with its messages, as exported and imported. Ids are not exported.
struct ExportedConversation
{
    StoredConversation conversation;
    QList<StoredMessage> messages;
};

constexpr int FormatVersion = 1;

/// {"version":1,"conversations":[…]}
QByteArray toJson(const QList<ExportedConversation> &conversations);
/// "# Title", then a "**You:**" / "**Cody** (model):" section per message.
QString toMarkdown(const ExportedConversation &conversation);
/// Parses and validates all of `json` before returning anything: false and *error on the first
/// problem, with its place ("conversations[2].messages[0].role").
bool fromJson(const QByteArray &json, QList<ExportedConversation> *conversations, QString *error);
/// Reads an export file for fromJson(): false and *error when it cannot be read, or when it is
/// larger than any history a person could have typed (1 GiB), so that a wrong file (a disk image
/// picked by mistake) is never read into memory.
bool readFile(const QString &path, QByteArray *json, QString *error);

} // namespace cody::conversationexport
