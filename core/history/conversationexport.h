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

/// {"version":1,"conversations":[…]}; each message has a "context" array of ContextItem::toJson()
/// objects, contents included (fromJson() reads exports from before context without one).
QByteArray toJson(const QList<ExportedConversation> &conversations);
/// "# Title", then a "**You:**" / "**Cody** (model):" section per message, each followed by its
/// contextToMarkdown().
QString toMarkdown(const ExportedConversation &conversation);
/// A message's context as Markdown, empty when it has none: a "**Context:**" summary line, then
/// one line per item in prompt order —
///   - sent: `src/a.go` lines 3-9 in `github.com/o/r`, 120 tokens, retrieved
///   - left out: local file `/home/me/big.log`, 9000 tokens — over the token budget
///   - mentioned: repository `github.com/o/r`
/// and how many stored items could not be read. Contents are never included.
QString contextToMarkdown(const StoredMessage &message);
/// Parses and validates all of `json` before returning anything: false and *error on the first
/// problem, with its place ("conversations[2].messages[0].role").
bool fromJson(const QByteArray &json, QList<ExportedConversation> *conversations, QString *error);
/// Reads an export file for fromJson(): false and *error when it cannot be read, or when it is
/// larger than any history a person could have typed (1 GiB), so that a wrong file (a disk image
/// picked by mistake) is never read into memory.
bool readFile(const QString &path, QByteArray *json, QString *error);

} // namespace cody::conversationexport
