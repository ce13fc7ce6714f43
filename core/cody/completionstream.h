// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "cody/completionevent.h"
#include "cody/tokenusage.h"
#include "net/error.h"
#include "net/replywatchdog.h"
#include "net/retrypolicy.h"
#include "net/sseparser.h"

#include <QObject>
#include <QPointer>

#include <chrono>
#include <optional>

class QNetworkReply;

namespace cody {

/**
 * @brief One streaming request to `/.api/completions/stream` and its reply.
 *
 * Owns the QNetworkReply. `readyRead` only feeds bytes to the SseParser, a bounded slice at a
 * time; decoded text leaves as textReceived() once per slice, so the cost is O(new bytes) and the
 * memory O(slice), however fast the server sends. Exactly one finished() follows, also after
 * cancel() or the idle timeout, and never from inside cancel().
 *
 * @code
 * auto *stream = client->openCompletionStream(body, apiVersion);
 * connect(stream, &CompletionStream::textReceived, this, &Me::show);
 * connect(stream, &CompletionStream::finished, this, [stream] {
 *     use(stream->outcome());
 *     stream->deleteLater();
 * });
 * @endcode
 */
class CompletionStream final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CompletionStream)

public:
    struct Outcome
    {
        QString text; ///< this request's text (empty with setKeepText(false), but at api-version 1)
        qsizetype textChars = 0; ///< characters of this request's text, kept or not
        QString stopReason;
        std::optional<TokenUsage> usage;
        Error error;
        bool receivedText = false; ///< any text arrived (then a retry would repeat it)
        bool beforeFirstByte = true; ///< no body byte of a 200 answer arrived
        std::optional<RetryPolicy::Millis> retryAfter;
        int httpStatus = 0;
        QByteArray errorBody; ///< body of a non-200 answer (first KiB)
    };

    CompletionStream(
        QNetworkReply *reply, std::chrono::milliseconds idleTimeout, QObject *parent = nullptr);
    ~CompletionStream() override;

    void cancel();
    /// A caller that keeps the text itself (as ReplyOrchestrator does, to continue it) turns this
    /// off, so that a long reply is not held twice; outcome().textChars still counts it.
    void setKeepText(bool keep) { m_keepText = keep; }
    const Outcome &outcome() const { return m_outcome; }

Q_SIGNALS:
    void textReceived(const QString &text);
    void finished();

private:
    void onMetaData();
    void onReadyRead();
    void parseSlice(const QByteArray &bytes);
    void onFinished();
    bool handleEvents();
    void abortWith(Error error);
    void finish();

    QPointer<QNetworkReply> m_reply;
    SseParser m_parser;
    QList<CompletionEvent> m_events; ///< of the slice being handled
    ReplyWatchdog m_watchdog;
    Outcome m_outcome;
    QString m_serverError; ///< message of an SSE `error` event
    bool m_isEventStream = false;
    bool m_sawDone = false;
    bool m_sawEvent = false;
    bool m_done = false;
    bool m_keepText = true;
    std::optional<Error> m_abortReason;
};

} // namespace cody
