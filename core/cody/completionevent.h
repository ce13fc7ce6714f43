// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "cody/tokenusage.h"

#include <QByteArrayView>
#include <QString>

#include <optional>

namespace cody {

struct SseEvent;

/**
 * @brief The meaning of one Sourcegraph completions SSE event (cody-api.md §1.6).
 *
 * `completion` events carry `deltaText` (api-version >= 2: the increment) and/or `completion`
 * (api-version <= 1: the whole text so far), a `stopReason` ("" or absent while streaming) and an
 * optional `usage`. `error` events carry `{"error": message}`. `done` ends the stream. Any other
 * event type is Unknown and must be skipped by the caller; undecodable JSON is Malformed.
 */
struct CompletionEvent
{
    enum class Kind { Completion, Error, Done, Unknown, Malformed };

    Kind kind = Kind::Unknown;
    std::optional<QString> deltaText;
    std::optional<QString> completion;
    QString stopReason;
    std::optional<TokenUsage> usage;
    QString errorMessage; ///< Error: the server's message; Malformed: what was wrong

    static CompletionEvent decode(const SseEvent &event);
    /// The same, on an event's type and data as SseParser::feedViews() hands them over.
    static CompletionEvent decode(QByteArrayView type, QByteArrayView data);
};

} // namespace cody
