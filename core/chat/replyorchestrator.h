// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "chat/continuationstitcher.h"
#include "cody/completionrequest.h"
#include "cody/completionstream.h"

#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QUrl>

namespace cody {

class ModelCatalog;
class ReplyPreparation;
class SourcegraphClient;

/**
 * @brief Runs one user-visible reply: api-version negotiation, retries, and automatic
 * continuation across as many requests as the output limit makes necessary, stitched into one
 * seamless stream of text.
 *
 * The signals other than textReceived() and finished() are observer hooks for logging; they never
 * carry the token. finished() is emitted exactly once, never from inside cancel(). Deleting the
 * orchestrator stops its request.
 *
 * @code
 * auto *reply = new cody::ReplyOrchestrator(client, request, this);
 * reply->setModelCatalog(&catalog); // optional: caps maxTokens at the model's output limit
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

    /// With a catalog, no request asks for more output tokens than the model allows; a catalog
    /// without the server's models is filled while the api-version is negotiated.
    void setModelCatalog(ModelCatalog *catalog) { m_catalog = catalog; }

    void start();
    /// Stops the reply; finished() follows with ErrorKind::Cancelled and the text so far.
    void cancel();

    const CompletionResult &result() const { return m_result; }

Q_SIGNALS:
    void textReceived(const QString &text);
    void requestStarted(int segment, int attempt, const QUrl &url, int apiVersion);
    void retryScheduled(int segment, int attempt, qint64 delayMs, const QString &reason);
    void segmentFinished(int segment, const QString &stopReason, qsizetype characters);
    /// The reply failed (not emitted for a cancellation); finished() follows.
    void errorOccurred(const cody::Error &error);
    void finished(const cody::CompletionResult &result);

private:
    void onPrepared();
    void startAttempt();
    void onStreamFinished();
    bool handleFailure(const CompletionStream::Outcome &outcome);
    bool shouldSwitchToInstruct(const CompletionStream::Outcome &outcome) const;
    void finishSegment();
    void complete(Error error);
    QList<ChatMessage> transcript() const;

    QPointer<SourcegraphClient> m_client; ///< may be destroyed under a waiting retry
    ModelCatalog *m_catalog = nullptr;
    CompletionRequest m_request;
    CompletionResult m_result;
    ContinuationStitcher m_stitcher;
    ContinuationStyle m_style = ContinuationStyle::Prefill;
    QPointer<ReplyPreparation> m_preparation;
    QPointer<CompletionStream> m_stream;
    QTimer m_retryTimer;
    int m_apiVersion = 0;
    int m_segment = 1; ///< 1 = the original request, 2 = the first continuation, …
    int m_attempt = 0;
    qsizetype m_attemptPromptChars = 0;
    bool m_everySegmentHadUsage = true;
    bool m_triedInstructStyle = false;
    bool m_started = false;
    bool m_done = false;
};

} // namespace cody
