// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QObject>
#include <QPointer>
#include <QTimer>

#include <chrono>

class QNetworkReply;

namespace cody {

/// Aborts a reply that receives nothing — no headers, no body bytes — for the idle timeout.
class ReplyWatchdog final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ReplyWatchdog)

public:
    ReplyWatchdog(QNetworkReply *reply, std::chrono::milliseconds timeout);

    /// True once the timeout aborted the reply.
    bool fired() const { return m_fired; }
    void stop() { m_timer.stop(); }
    /// "no data from HOST for N s (idle timeout)".
    QString message() const;

private:
    QPointer<QNetworkReply> m_reply;
    QTimer m_timer;
    QString m_host;
    bool m_fired = false;
};

} // namespace cody
