// SPDX-License-Identifier: Apache-2.0
// What the reliability tests share: one chat through the real cody-chat-cli with --json, and
// what it left in the history database.
#pragma once

#include "clirunner.h"
#include "history/conversationschema.h"
#include "history/conversationstore.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

namespace cody::test {

using namespace Qt::StringLiterals;

/// One chat's outcome: the process, the JSON it printed, and the reply the history kept.
struct ChatOutcome
{
    CliRun run;
    QJsonObject json; ///< empty when nothing (or no JSON) was printed
    std::optional<StoredMessage> storedReply; ///< the last message recorded, if a reply

    QString kind() const
    {
        return json.value(u"error"_s).toObject().value(u"kind"_s).toString(u"none"_s);
    }
    QString message() const
    {
        return json.value(u"error"_s).toObject().value(u"message"_s).toString();
    }
    QString text() const { return json.value(u"text"_s).toString(); }
};

inline QString storedStateName(const std::optional<StoredMessage> &message)
{
    return message ? conversationschema::stateName(message->state) : u"none"_s;
}

/// The last recorded message of the latest conversation in `path`, if it is a reply.
inline std::optional<StoredMessage> lastStoredReply(const QString &path)
{
    ConversationStore store;
    QString error;
    if (!QFile::exists(path) || !store.open(path, &error))
        return std::nullopt;
    const auto latest = store.latestConversationId();
    if (!latest)
        return std::nullopt;
    const QList<StoredMessage> messages = store.messages(*latest);
    if (messages.isEmpty() || messages.constLast().speaker != ChatMessage::Speaker::Assistant)
        return std::nullopt;
    return messages.constLast();
}

/// Runs `chat --json … hi` against whatever `cli` is configured for.
inline ChatOutcome chatOnce(CliRunner &cli, const QStringList &options, int timeoutMs = 60'000)
{
    ChatOutcome outcome;
    outcome.run = cli.run(
        QStringList {u"chat"_s, u"--json"_s} + options + QStringList {u"hi"_s}, {}, timeoutMs);
    outcome.json = QJsonDocument::fromJson(outcome.run.out).object();
    outcome.storedReply = lastStoredReply(cli.historyPath());
    return outcome;
}

} // namespace cody::test
