// SPDX-License-Identifier: Apache-2.0
#include "cody/completionstream.h"

#include "cody/completionevent.h"
#include "cody/replyerror.h"

#include <QDateTime>
#include <QNetworkReply>

using namespace Qt::StringLiterals;

namespace cody {

namespace {
constexpr qsizetype ErrorBodyLimit = 4096;
constexpr qint64 ReadBufferBytes = 1024 * 1024;
// What one parse step takes from the reply: the events and text of one step are held at once.
constexpr qint64 ReadSliceBytes = 64 * 1024;
} // namespace

CompletionStream::CompletionStream(
    QNetworkReply *reply, std::chrono::milliseconds idleTimeout, QObject *parent)
    : QObject(parent)
    , m_reply(reply)
    , m_watchdog(reply, idleTimeout)
{
    // Back-pressure: Qt stops reading the socket while this much is waiting, so a flood (a giant
    // event the parser will refuse anyway) is never buffered whole ahead of the parser.
    reply->setReadBufferSize(ReadBufferBytes);
    // Qt 6.4 passes this limit to its HTTP thread only once the request exists there (a limit set
    // earlier is dropped), and the first sign of that is the upload of the body. Set again then,
    // it is in force before the answer starts; set only when the headers arrive, a fast server's
    // answer may already be buffered whole (85 MB of a 90 MB stream, benchmarks/streaming).
    connect(reply, &QNetworkReply::uploadProgress, this,
        [this] { m_reply->setReadBufferSize(ReadBufferBytes); });
    connect(reply, &QNetworkReply::metaDataChanged, this, &CompletionStream::onMetaData);
    connect(reply, &QNetworkReply::readyRead, this, &CompletionStream::onReadyRead);
    connect(reply, &QNetworkReply::finished, this, &CompletionStream::onFinished);
}

CompletionStream::~CompletionStream()
{
    if (m_reply) {
        // Nothing may reach this half-destroyed object, nor its owner, from the abort.
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
    }
}

void CompletionStream::cancel()
{
    if (!m_done && !m_abortReason)
        abortWith({ErrorKind::Cancelled, tr("cancelled")});
}

void CompletionStream::onMetaData()
{
    // Also here, for a request without a body (no uploadProgress).
    m_reply->setReadBufferSize(ReadBufferBytes);
    m_outcome.httpStatus = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QString type = m_reply->header(QNetworkRequest::ContentTypeHeader).toString().toLower();
    m_isEventStream = m_outcome.httpStatus == 200 && type.startsWith("text/event-stream"_L1);
    if (m_outcome.httpStatus == 429 || m_outcome.httpStatus == 503) {
        const auto retryAfter = RetryPolicy::parseRetryAfter(
            m_reply->rawHeader("Retry-After"), QDateTime::currentDateTimeUtc());
        m_outcome.retryAfter = retryAfter;
    }
}

void CompletionStream::onReadyRead()
{
    if (!m_isEventStream) {
        const QByteArray bytes = m_reply->readAll();
        if (bytes.isEmpty() || m_done || m_abortReason)
            return;
        // Keep the start of an error page for the message; the rest is of no use.
        if (m_outcome.errorBody.size() < ErrorBodyLimit)
            m_outcome.errorBody += bytes.left(ErrorBodyLimit - m_outcome.errorBody.size());
        return;
    }
    // Slice by slice: what Qt buffered may be megabytes, and its events and text need not all
    // be held at once.
    while (!m_done && !m_abortReason) {
        const QByteArray bytes = m_reply->read(ReadSliceBytes);
        if (bytes.isEmpty())
            return;
        parseSlice(bytes);
    }
}

void CompletionStream::parseSlice(const QByteArray &bytes)
{
    m_outcome.beforeFirstByte = false;
    // Decoded straight from the parser's views (no copy of each event's bytes), handled once the
    // parser is done with this slice: handling may abort the reply.
    m_events.clear();
    const bool ok = m_parser.feedViews(bytes, [this](const SseEventView &event) {
        m_events.append(CompletionEvent::decode(event.type, event.data));
    });
    if (!handleEvents())
        return;
    if (!ok)
        abortWith({ErrorKind::Protocol, m_parser.errorString()});
}

bool CompletionStream::handleEvents()
{
    QString batch;
    for (const CompletionEvent &decoded : std::as_const(m_events)) {
        switch (decoded.kind) {
        case CompletionEvent::Kind::Completion:
            m_sawEvent = true;
            if (decoded.deltaText) {
                batch += *decoded.deltaText;
                m_outcome.textChars += decoded.deltaText->size();
                if (m_keepText)
                    m_outcome.text += *decoded.deltaText;
            } else if (decoded.completion) {
                // api-version <= 1 sends the whole text so far (kept whatever m_keepText says: it
                // is the event's own string). If the server ever rewrote earlier text, what was
                // shown cannot be taken back; keep the longer, newer text.
                const QString &full = *decoded.completion;
                if (full.startsWith(m_outcome.text))
                    batch += QStringView(full).mid(m_outcome.text.size());
                m_outcome.text = full;
                m_outcome.textChars = full.size();
            }
            if (!decoded.stopReason.isEmpty())
                m_outcome.stopReason = decoded.stopReason;
            if (decoded.usage)
                m_outcome.usage = decoded.usage;
            break;
        case CompletionEvent::Kind::Error:
            m_sawEvent = true;
            m_serverError = decoded.errorMessage;
            break;
        case CompletionEvent::Kind::Done:
            m_sawEvent = true;
            m_sawDone = true;
            break;
        case CompletionEvent::Kind::Unknown:
            break; // e.g. attribution-error: not ours to handle
        case CompletionEvent::Kind::Malformed:
            if (!batch.isEmpty()) {
                m_outcome.receivedText = true;
                Q_EMIT textReceived(batch);
            }
            abortWith({ErrorKind::Protocol, decoded.errorMessage});
            return false;
        }
    }
    if (!batch.isEmpty()) {
        m_outcome.receivedText = true;
        Q_EMIT textReceived(batch);
    }
    return true;
}

void CompletionStream::abortWith(Error error)
{
    m_abortReason = std::move(error);
    if (m_reply)
        m_reply->abort(); // finished() follows from the reply, synchronously or not
    else
        finish();
}

void CompletionStream::onFinished()
{
    if (m_done)
        return;
    if (m_watchdog.fired() && !m_abortReason)
        m_abortReason = Error {ErrorKind::Timeout, m_watchdog.message()};
    if (!m_abortReason && m_isEventStream) {
        // Whatever is still buffered (a final chunk delivered with finished) counts too.
        onReadyRead();
    }
    Error &error = m_outcome.error;
    const qsizetype chars = m_outcome.textChars;
    if (m_abortReason) {
        error = *m_abortReason;
    } else if (!m_isEventStream) {
        const auto facts = ReplyFacts::from(m_reply, m_outcome.errorBody);
        if (facts.httpStatus == 200) {
            const QString type = m_reply->header(QNetworkRequest::ContentTypeHeader).toString();
            const bool html = type.contains("html"_L1, Qt::CaseInsensitive);
            error = {ErrorKind::Protocol,
                html ? tr("an HTML page answered instead of Sourcegraph's API (%1): a proxy or "
                          "single sign-on page is probably in the way")
                           .arg(bodySnippet(facts.body))
                     : tr("the server answered with \"%1\" instead of an event stream: %2")
                           .arg(type, bodySnippet(facts.body)),
                200};
        } else {
            error = classifyReply(facts);
        }
    } else if (!m_serverError.isEmpty()) {
        error = {ErrorKind::Stream,
            tr("the server reported an error: %1").arg(m_serverError.simplified()), 200};
    } else if (m_reply->error() != QNetworkReply::NoError || !m_sawDone) {
        const QString how = m_reply->error() != QNetworkReply::NoError
            ? m_reply->errorString().simplified()
            : tr("the stream ended before the server said it was done");
        error = !m_sawEvent ? Error {ErrorKind::Dropped,
                    tr("the connection closed without any event (%1); this may be an outage of the "
                       "upstream LLM provider")
                        .arg(how)}
                            : Error {ErrorKind::Dropped,
                                tr("the connection dropped after %1 characters of the reply (%2)")
                                    .arg(chars)
                                    .arg(how)};
    }
    finish();
}

void CompletionStream::finish()
{
    if (m_done)
        return;
    m_done = true;
    m_watchdog.stop();
    // Queued, so that finished() never fires from inside cancel() or a reply's abort().
    QMetaObject::invokeMethod(this, &CompletionStream::finished, Qt::QueuedConnection);
}

} // namespace cody
