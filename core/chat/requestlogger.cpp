// SPDX-License-Identifier: Apache-2.0
#include "chat/requestlogger.h"

#include "chat/replyorchestrator.h"

#include <QDateTime>
#include <QIODevice>

using namespace Qt::StringLiterals;

namespace cody {

RequestLogger::RequestLogger(QIODevice *sink, QObject *parent)
    : QObject(parent)
    , m_sink(sink)
{ }

void RequestLogger::write(const QString &line)
{
    const QString stamp = QDateTime::currentDateTime().toString(u"HH:mm:ss.zzz"_s);
    m_sink->write((stamp + u' ' + line + u'\n').toUtf8());
}

void RequestLogger::watch(ReplyOrchestrator *reply)
{
    connect(reply, &ReplyOrchestrator::requestStarted, this,
        [this](int segment, int attempt, const QUrl &url, int apiVersion) {
            // The URL carries no credentials; strip user info anyway in case one was typed there.
            write(u"request: segment %1, attempt %2, POST %3 (api-version %4)"_s.arg(segment)
                      .arg(attempt)
                      .arg(url.toDisplayString(QUrl::RemoveUserInfo))
                      .arg(apiVersion));
        });
    connect(reply, &ReplyOrchestrator::retryScheduled, this,
        [this](int segment, int attempt, qint64 delayMs, const QString &reason) {
            write(u"retry: segment %1, attempt %2 in %3 ms: %4"_s.arg(segment)
                      .arg(attempt)
                      .arg(delayMs)
                      .arg(reason));
        });
    connect(reply, &ReplyOrchestrator::segmentFinished, this,
        [this](int segment, const QString &stopReason, qsizetype characters) {
            write(u"segment %1 finished: stopReason \"%2\", %3 characters"_s.arg(segment)
                      .arg(stopReason)
                      .arg(characters));
        });
    connect(reply, &ReplyOrchestrator::finished, this, [this](const CompletionResult &result) {
        if (result.error.isError()) {
            write(u"finished with error (%1): %2"_s.arg(
                errorKindName(result.error.kind), result.error.message));
        } else {
            write(
                u"finished: %1 segment(s), stopReason \"%2\", %3 characters"_s.arg(result.segments)
                    .arg(result.stopReason)
                    .arg(result.text.size()));
        }
    });
}

} // namespace cody
