// SPDX-License-Identifier: Apache-2.0
#include "cody/apicall.h"

#include "cody/replyerror.h"

#include <QJsonObject>
#include <QNetworkReply>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace cody {

ApiCall::ApiCall(QNetworkReply *reply, std::chrono::milliseconds idleTimeout, QObject *parent)
    : QObject(parent)
    , m_reply(reply)
    , m_watchdog(reply, idleTimeout)
{
    connect(reply, &QNetworkReply::readyRead, this, [this] {
        m_body += m_reply->readAll();
        if (m_body.size() > MaxBodyBytes)
            m_reply->abort();
    });
    connect(reply, &QNetworkReply::finished, this, &ApiCall::onFinished);
    m_deadline.setSingleShot(true);
    m_deadline.setTimerType(Qt::PreciseTimer);
    connect(&m_deadline, &QTimer::timeout, this, [this] {
        if (m_done)
            return;
        const QString seconds = QString::number(m_deadline.interval() / 1000.0);
        const QString host = m_reply ? m_reply->url().host() : QString();
        if (m_reply) {
            m_reply->disconnect(this);
            m_reply->abort();
        }
        finish({ErrorKind::Timeout,
            tr("no complete answer from %1 within %2 s (timeout)").arg(host, seconds)});
    });
}

void ApiCall::setDeadline(std::chrono::milliseconds deadline)
{
    if (!m_done)
        m_deadline.start(deadline);
}

ApiCall::~ApiCall()
{
    if (m_reply) {
        // Nothing may reach this half-destroyed object, nor its owner, from the abort.
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
    }
}

void ApiCall::cancel()
{
    if (m_done)
        return;
    // finished() must stay asynchronous even when the caller cancels from a slot.
    m_done = true;
    m_watchdog.stop();
    m_deadline.stop();
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
    }
    m_error = {ErrorKind::Cancelled, tr("cancelled")};
    QTimer::singleShot(0, this, [this] { Q_EMIT finished(); });
}

void ApiCall::onFinished()
{
    if (m_done)
        return;
    if (m_watchdog.fired()) {
        finish({ErrorKind::Timeout, m_watchdog.message()});
        return;
    }
    m_body += m_reply->readAll();
    m_httpStatus = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (m_body.size() > MaxBodyBytes) {
        finish({ErrorKind::Protocol,
            tr("the answer from %1 is larger than %2 MiB; refusing it")
                .arg(m_reply->url().host())
                .arg(MaxBodyBytes / (1024 * 1024))});
        return;
    }
    if (m_reply->error() == QNetworkReply::NoError && m_httpStatus >= 200 && m_httpStatus < 300) {
        finish({});
        return;
    }
    finish(classifyReply(ReplyFacts::from(m_reply, m_body)));
}

void ApiCall::finish(Error error)
{
    m_done = true;
    m_deadline.stop();
    m_error = std::move(error);
    Q_EMIT finished();
}

QJsonObject ApiCall::jsonObject(Error *error) const
{
    QJsonParseError parseError;
    const auto document = QJsonDocument::fromJson(m_body, &parseError);
    if (!document.isObject()) {
        *error = {ErrorKind::Protocol,
            tr("the server's answer is not the expected JSON (%1): %2")
                .arg(parseError.error == QJsonParseError::NoError ? tr("not an object")
                                                                  : parseError.errorString(),
                    bodySnippet(m_body))};
        return {};
    }
    return document.object();
}

} // namespace cody
