// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "chat/contextwindow.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

namespace cody::openai {

/**
 * @brief The parts of a chat completions body that decide whether it can be sent at all — the
 * model, the output limit and each message's role and length — read without decoding the
 * messages' text.
 *
 * A body at the gateway's size limit holds tens of MiB of text: QJsonDocument would copy it and
 * QString double it again before ContextWindow could say it is far too long, and a body of many
 * small values (`[1,1,1,…]`) takes QJsonDocument 8 bytes of memory per byte. The outline reads
 * the body as a stream of SAX events (RapidJSON), holding at most one decoded string at a time and
 * counting the UTF-16 code units each would take as a QString, so a request that must be refused
 * costs little more than its own bytes; only one that may be sent is then parsed in full by
 * parseChatRequest(), and only when it has at most MaxValues values.
 *
 * Lengths are never undercounted: every `content` string and every `text` of its parts counts,
 * also under duplicate keys or in messages parseChatRequest() will refuse for another reason.
 */
struct ChatRequestOutline
{
    QString model;
    std::optional<qint64> maxTokens; ///< max_tokens or max_completion_tokens
    /// In the order parseChatRequest() sends them: all system messages merged into one, first.
    QList<ContextWindow::MessageSize> messages;

    /// More JSON values than a chat request has any use for (a transcript of 10 000 messages has
    /// about 30 000); a body with more is refused before QJsonDocument would hold it.
    static constexpr qint64 MaxValues = 200'000;
    /// Nesting deeper than QJsonDocument reads.
    static constexpr int MaxDepth = 1024;

    /// The outline of `body`, or nullopt with *error set when it is not a JSON object, or has
    /// too many values or levels.
    static std::optional<ChatRequestOutline> read(const QByteArray &body, QString *error);
};

} // namespace cody::openai
