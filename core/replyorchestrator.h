// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "completionrequest.h"
#include "completionstream.h"
#include "continuationstitcher.h"

#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QUrl>

namespace cody {

class ApiVersionProbe;
class SourcegraphClient;

/**
 * @brief Runs one user-visible reply: api-version negotiation, retries, and automatic
 * continuation across as many requests as the output limit makes necessary, stitched into one
 * seamless stream of text.
 *
 * The signals other than textReceived() and finished() are observer hooks for logging; they never
 * carry the token. finished() is emitted exactly once.
 *
 * @code
 * auto *reply = new cody::ReplyOrchestrator(client, request, this);
 * connect(reply, &cody::ReplyOrchestrator::textReceived, view, &View::append);
 * connect(reply, &cody::ReplyOrchestrator::finished, this, [reply](const cody::CompletionResult &r)
 * { report(r); reply->deleteLater();
 * });
 * reply->start();
 * @endcode
 */
class ReplyOrchestrator final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ReplyOrchestrator)

public:
    /// How a continuation asks the model to go on (cody-api.md §7).
    enum class ContinuationStyle {
        Prefill, ///< the text so far as a final assistant message: the model resumes mid-sentence
        Instruct, ///< the text so far, then a human message asking to continue
    };

    ReplyOrchestrator(
        SourcegraphClient *client, CompletionRequest request, QObject *parent = nullptr);
    ~ReplyOrchestrator() override;

    void start();
    /// Stops the reply; finished() follows with ErrorKind::Cancelled and the text so far.
    void cancel();

    const CompletionResult &result() const { return m_result; }

Q_SIGNALS:
    void textReceived(const QString &text);
    void requestStarted(int segment, int attempt, const QUrl &url, int apiVersion);
    void retryScheduled(int segment, int attempt, qint64 delayMs, const QString &reason);
    void segmentFinished(int segment, const QString &stopReason, qsizetype characters);
    void finished(const CompletionResult &result);

private:
    void onProbeFinished();
    void startAttempt();
    void onStreamFinished();
    bool handleFailure(const CompletionStream::Outcome &outcome);
    void finishSegment();
    void complete(Error error);
    QList<ChatMessage> transcript() const;

    SourcegraphClient *m_client;
    CompletionRequest m_request;
    CompletionResult m_result;
    ContinuationStitcher m_stitcher;
    ContinuationStyle m_style = ContinuationStyle::Prefill;
    QPointer<ApiVersionProbe> m_probe;
    QPointer<CompletionStream> m_stream;
    QTimer m_retryTimer;
    int m_apiVersion = 0;
    int m_segment = 1; ///< 1 = the original request, 2 = the first continuation, …
    int m_attempt = 0;
    bool m_triedInstructStyle = false;
    bool m_started = false;
    bool m_done = false;
};

} // namespace cody
