// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "cody/completionrequest.h"
#include "context/transcriptfit.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

namespace cody {

/**
 * @brief Chooses which messages of a transcript are sent so that the request stays within the
 * model's input limit. Pure: no I/O.
 *
 * The oldest turns (a human message with the replies that follow it) are left out first, whole
 * turns at a time; a leading system message and the last human message (with anything after it)
 * are always kept. Callers show omittedNote() so that nothing is dropped silently.
 *
 * @code
 * const auto fit = ContextWindow::choose(transcript, model.maxInputTokens, request.maxTokens);
 * request.messages = fit.messages;
 * if (fit.omitted > 0)
 *     view->showMarker(ContextWindow::omittedNote(fit.omitted));
 * @endcode
 */
class ContextWindow
{
    Q_DECLARE_TR_FUNCTIONS(ContextWindow)

public:
    struct Fit
    {
        QList<ChatMessage> messages; ///< in transcript order
        int omitted = 0; ///< messages left out
        qint64 estimatedTokens = 0; ///< estimate for `messages`
        bool fits = true; ///< false when even the messages that are always kept exceed the limit
    };

    /// What choosing needs to know of a message: who says it and how long it is, in UTF-16 code
    /// units (QString::size()). Lets a request be measured before its text is decoded.
    using MessageSize = TranscriptFit::MessageSize;

    /// Chooses the messages to send so that prompt tokens + maxOutputTokens <= maxInputTokens
    /// (when maxInputTokens > 0; otherwise the limit is unknown and everything is kept). The
    /// system message (if first) and the newest turns are kept; the oldest turns are left out,
    /// whole turns at a time, never the last human message. fits=false when even the system
    /// message + the last human message exceed the limit: they are still returned, and the caller
    /// decides what to tell the user. O(n) in the number of messages.
    static Fit choose(
        const QList<ChatMessage> &transcript, qint64 maxInputTokens, int maxOutputTokens);

    /// Characters / 4 rounded up, plus a small per-message overhead; 0 for an empty message,
    /// which is not sent.
    static qint64 estimateTokens(const ChatMessage &message);
    static qint64 estimateTokens(qint64 characters);

    /// "12 earlier messages not sent (context limit)".
    static QString omittedNote(int omitted);

    /// Why `messages` cannot be sent to the model at all — even its system message and last
    /// question, with room for the reply, exceed its input limit — with the numbers; empty when
    /// they can, or when the limit is unknown (maxInputTokens <= 0). Checked before sending, so
    /// that nothing is spent on a request the server must refuse.
    static QString tooLong(const QList<ChatMessage> &messages, const QString &modelName,
        qint64 maxInputTokens, int maxOutputTokens);
    static QString tooLong(const QList<MessageSize> &messages, const QString &modelName,
        qint64 maxInputTokens, int maxOutputTokens);

private:
    /// Which messages choose() keeps: the system message (when first) and [keptStart, end).
    struct Plan
    {
        bool hasSystem = false;
        qsizetype keptStart = 0;
        qint64 estimatedTokens = 0;
        bool fits = true;
    };
    static Plan plan(const QList<MessageSize> &sizes, qint64 maxInputTokens, int maxOutputTokens);
};

} // namespace cody
