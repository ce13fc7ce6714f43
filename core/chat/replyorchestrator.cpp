// SPDX-License-Identifier: Apache-2.0
#include "chat/replyorchestrator.h"

#include "chat/replypreparation.h"
#include "cody/apiversionpolicy.h"
#include "cody/modelcatalog.h"
#include "cody/sourcegraphclient.h"

#include <QRandomGenerator>

using namespace Qt::StringLiterals;

namespace cody {

namespace {

const QString ContinuePrompt = u"Your previous response was cut off by the output length limit. "
                               "Continue exactly where it stopped, starting with the very next "
                               "character. Do not repeat anything and do not comment on the "
                               "interruption."_s;

qsizetype characterCount(const QList<ChatMessage> &messages)
{
    qsizetype count = 0;
    for (const auto &message : messages)
        count += message.text.size();
    return count;
}

} // namespace

ReplyOrchestrator::ReplyOrchestrator(
    SourcegraphClient *client, CompletionRequest request, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_request(std::move(request))
{
    m_result.model = m_request.model;
    // Gemini does not take a final assistant turn (CODY completions/utils.ts pops it).
    if (m_request.model.provider() == "google"_L1)
        m_style = ContinuationStyle::Instruct;
    if (!m_request.resumeText.isEmpty())
        m_stitcher.resume(m_request.resumeText);
    m_retryTimer.setSingleShot(true);
    // A coarse timer may fire up to 5 % early; a Retry-After must be waited out in full.
    m_retryTimer.setTimerType(Qt::PreciseTimer);
    connect(&m_retryTimer, &QTimer::timeout, this, &ReplyOrchestrator::startAttempt);
}

ReplyOrchestrator::~ReplyOrchestrator()
{
    // Stop the request now: a stream left running would keep downloading (and costing) tokens.
    if (m_stream) {
        m_stream->disconnect(this);
        delete m_stream;
    }
    delete m_preparation;
}

void ReplyOrchestrator::start()
{
    if (m_started)
        return;
    m_started = true;
    // The client owns the stream: should it go (new settings), end the reply rather than wait
    // for a stream that will never finish.
    connect(m_client, &QObject::destroyed, this, [this] {
        if (m_stream)
            m_stream->disconnect(this);
        m_stream = nullptr;
        m_retryTimer.stop();
        delete m_preparation;
        complete({ErrorKind::Network, tr("the connection was closed (its settings changed)")});
    });
    m_preparation = new ReplyPreparation(m_client, m_catalog, this);
    connect(m_preparation, &ReplyPreparation::finished, this, &ReplyOrchestrator::onPrepared);
    m_preparation->start();
}

void ReplyOrchestrator::cancel()
{
    if (m_done)
        return;
    if (m_stream) {
        m_stream->cancel(); // its finished() comes later and completes the reply as cancelled
        return;
    }
    m_retryTimer.stop();
    if (m_preparation) {
        m_preparation->disconnect(this);
        m_preparation->deleteLater();
    }
    m_done = true; // nothing else may complete the reply meanwhile
    QMetaObject::invokeMethod(
        this,
        [this] {
            m_done = false;
            complete({ErrorKind::Cancelled, tr("cancelled")});
        },
        Qt::QueuedConnection);
}

void ReplyOrchestrator::onPrepared()
{
    m_preparation->deleteLater();
    if (m_preparation->error().isError()) {
        complete(m_preparation->error());
        return;
    }
    m_apiVersion = m_preparation->apiVersion();
    if (m_catalog)
        m_request.maxTokens = m_catalog->clampMaxTokens(m_request.model, m_request.maxTokens);
    startAttempt();
}

QList<ChatMessage> ReplyOrchestrator::transcript() const
{
    QList<ChatMessage> messages = m_request.messages;
    if (m_segment == 1 && m_request.resumeText.isEmpty())
        return messages;
    // Trailing whitespace in a final assistant turn is rejected by Anthropic (cody-api.md §7).
    messages.append({ChatMessage::Speaker::Assistant, m_stitcher.continuationPrefix()});
    if (m_style == ContinuationStyle::Instruct)
        messages.append({ChatMessage::Speaker::Human, ContinuePrompt});
    return messages;
}

void ReplyOrchestrator::startAttempt()
{
    if (!m_client) {
        complete({ErrorKind::Network, tr("the connection was closed (its settings changed)")});
        return;
    }
    ++m_attempt;
    const QList<ChatMessage> messages = transcript();
    m_attemptPromptChars = characterCount(messages);
    m_stream
        = m_client->openCompletionStream(completionRequestBody(m_request, messages), m_apiVersion);
    // The stitcher keeps the reply's text; a second copy in the stream would double the memory.
    m_stream->setKeepText(false);
    connect(m_stream, &CompletionStream::textReceived, this, [this](const QString &text) {
        const QString shown = m_stitcher.feed(text);
        if (!shown.isEmpty())
            Q_EMIT textReceived(shown);
    });
    connect(m_stream, &CompletionStream::finished, this, &ReplyOrchestrator::onStreamFinished);
    Q_EMIT requestStarted(
        m_segment, m_attempt, m_client->endpoint(u"/.api/completions/stream"), m_apiVersion);
}

void ReplyOrchestrator::onStreamFinished()
{
    CompletionStream *stream = m_stream;
    m_stream = nullptr;
    stream->deleteLater();
    const auto &outcome = stream->outcome();
    if (!outcome.beforeFirstByte)
        m_result.promptCharacters += m_attemptPromptChars;
    if (outcome.usage) {
        m_result.usage = m_result.usage.value_or(TokenUsage {});
        *m_result.usage += *outcome.usage;
    } else if (!outcome.beforeFirstByte) {
        m_everySegmentHadUsage = false;
    }
    if (outcome.error.isError()) {
        if (!outcome.receivedText && handleFailure(outcome))
            return;
        Error error = outcome.error;
        if (outcome.retryAfter) // rounded up: waiting less than asked would be refused again
            error.retryAfterSeconds = (outcome.retryAfter->count() + 999) / 1000;
        if (m_segment > 1 && error.kind != ErrorKind::Cancelled)
            error.message = tr("continuation %1 failed: %2").arg(m_segment - 1).arg(error.message);
        m_result.stopReason = outcome.stopReason;
        complete(error);
        return;
    }
    m_result.stopReason = outcome.stopReason;
    ++m_result.segments;
    Q_EMIT segmentFinished(m_segment, outcome.stopReason, outcome.textChars);
    finishSegment();
}

bool ReplyOrchestrator::shouldSwitchToInstruct(const CompletionStream::Outcome &outcome) const
{
    // Only a refusal of the request's shape: a 400, or an SSE error before any text. Rate limits,
    // server errors and version trouble are handled by the retry policy instead.
    const bool continuing = m_segment > 1 || !m_request.resumeText.isEmpty();
    if (!continuing || m_style != ContinuationStyle::Prefill || m_triedInstructStyle)
        return false;
    return (outcome.error.kind == ErrorKind::Http && outcome.httpStatus == 400)
        || outcome.error.kind == ErrorKind::Stream;
}

bool ReplyOrchestrator::handleFailure(const CompletionStream::Outcome &outcome)
{
    const Error &error = outcome.error;
    if (error.kind == ErrorKind::Cancelled)
        return false;

    if (outcome.httpStatus == 406 && outcome.errorBody.contains("Unsupported API Version")) {
        if (const auto lower = ApiVersionPolicy::stepDown(m_apiVersion)) {
            m_apiVersion = *lower;
            m_client->rememberApiVersion(*lower);
            --m_attempt; // not the request's fault: the same attempt at another version
            Q_EMIT retryScheduled(m_segment, m_attempt + 1, 0,
                u"api-version not supported; stepping down to %1"_s.arg(*lower));
            startAttempt();
            return true;
        }
        return false;
    }

    if (shouldSwitchToInstruct(outcome)) {
        m_triedInstructStyle = true;
        m_style = ContinuationStyle::Instruct;
        Q_EMIT retryScheduled(m_segment, m_attempt + 1, 0,
            u"continuation refused (%1); asking the model to continue instead"_s.arg(
                error.message));
        startAttempt();
        return true;
    }

    RetryPolicy::Failure failure;
    failure.httpStatus = outcome.httpStatus == 200 ? 0 : outcome.httpStatus;
    failure.beforeFirstByte = outcome.beforeFirstByte;
    failure.connectionFailed = error.kind == ErrorKind::Network || error.kind == ErrorKind::Dropped;
    failure.retryAfter = outcome.retryAfter;
    const auto decision = m_client->retryPolicy().decide(
        m_attempt, failure, QRandomGenerator::global()->generateDouble());
    if (!decision.retry)
        return false;
    Q_EMIT retryScheduled(m_segment, m_attempt + 1, decision.delay.count(), error.message);
    m_retryTimer.start(decision.delay);
    return true;
}

void ReplyOrchestrator::finishSegment()
{
    const bool truncated = isTruncationStopReason(m_result.stopReason);
    const int continuations = m_segment - 1;
    const bool allowed = m_request.autoContinue
        && (m_request.maxContinuations == 0 || continuations < m_request.maxContinuations);
    if (!truncated || !allowed) {
        m_result.truncated = truncated;
        if (truncated && m_request.autoContinue) {
            m_result.note = tr("auto-continuation stopped after %1 continuation(s), the limit set")
                                .arg(continuations);
        }
        complete({});
        return;
    }
    const QString shown = m_stitcher.endSegment();
    if (!shown.isEmpty())
        Q_EMIT textReceived(shown);
    if (!m_stitcher.lastSegmentMadeProgress()) {
        m_result.truncated = true;
        m_result.note
            = tr("auto-continuation stopped: segment %1 added no new text").arg(m_segment);
        complete({});
        return;
    }
    ++m_segment;
    m_attempt = 0;
    m_stitcher.beginContinuation();
    startAttempt();
}

void ReplyOrchestrator::complete(Error error)
{
    if (m_done)
        return;
    m_done = true;
    const QString rest = m_stitcher.finish();
    if (!rest.isEmpty())
        Q_EMIT textReceived(rest);
    m_result.text = m_stitcher.text();
    if (!m_everySegmentHadUsage)
        m_result.usage.reset(); // partial counts would understate the cost
    m_result.error = std::move(error);
    if (m_result.error.isError() && m_result.error.kind != ErrorKind::Cancelled)
        Q_EMIT errorOccurred(m_result.error);
    Q_EMIT finished(m_result);
}

} // namespace cody
