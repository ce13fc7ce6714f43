// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "net/error.h"
#include "net/replywatchdog.h"

#include <QByteArray>
#include <QJsonDocument>
#include <QObject>
#include <QPointer>

#include <chrono>

class QNetworkReply;

namespace cody {

/**
 * @brief One small request/response call (client-config, GraphQL, model list). Owns its reply.
 *
 * Emits finished() exactly once, asynchronously, also after cancel(). A server that sends
 * nothing for `idleTimeout` ends the call with a Timeout error. The owner deleteLater()s it.
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
    QByteArray m_body;
    Error m_error;
    int m_httpStatus = 0;
    bool m_done = false;
};

} // namespace cody
