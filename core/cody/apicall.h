// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "net/error.h"
#include "net/replywatchdog.h"

#include <QByteArray>
#include <QJsonDocument>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <chrono>

class QNetworkReply;

namespace cody {

/**
 * @brief One small request/response call (client-config, GraphQL, model list). Owns its reply.
 *
 * Emits finished() exactly once, asynchronously, also after cancel(). A server that sends
 * nothing for `idleTimeout`, or that has not answered by the deadline (when one is set), ends the
 * call with a Timeout error. The owner deleteLater()s it.
 */
class ApiCall final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ApiCall)

public:
    static constexpr qsizetype MaxBodyBytes = 8 * 1024 * 1024;

    ApiCall(QNetworkReply *reply, std::chrono::milliseconds idleTimeout, QObject *parent = nullptr);
    ~ApiCall() override;

    void cancel();
    /// Ends the call with a Timeout error when the whole answer has not arrived `deadline` after
    /// now, however steadily bytes trickle in (GraphQL calls: 20 s, cody-api.md §0).
    void setDeadline(std::chrono::milliseconds deadline);

    const Error &error() const { return m_error; }
    int httpStatus() const { return m_httpStatus; }
    const QByteArray &body() const { return m_body; }
    /// The body as a JSON object; a body that is not one becomes a Protocol error.
    QJsonObject jsonObject(Error *error) const;

Q_SIGNALS:
    void finished();

private:
    void onFinished();
    void finish(Error error);

    QPointer<QNetworkReply> m_reply;
    ReplyWatchdog m_watchdog;
    QTimer m_deadline;
    QByteArray m_body;
    Error m_error;
    int m_httpStatus = 0;
    bool m_done = false;
};

} // namespace cody
