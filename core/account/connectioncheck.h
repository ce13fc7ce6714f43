// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "net/error.h"

#include <QObject>
#include <QPointer>

namespace cody {

class ApiCall;
class ProductVersionRequest;
class SourcegraphClient;

/**
 * @brief "Test connection": who is signed in, on which Sourcegraph version.
 *
 * Runs GraphQL CurrentUser and SiteProductVersion (cody-api.md §4) at the same time. finished()
 * comes once, never from inside start(). On failure error() says exactly what failed (DNS, TLS
 * with the certificate's problem, token rejected, timeout, …).
 *
 * @code
 * auto *check = new cody::ConnectionCheck(client, this);
 * connect(check, &cody::ConnectionCheck::finished, this, [check] {
 *     show(check->error().isError() ? check->error().message : check->summary());
 *     check->deleteLater();
 * });
 * check->start();
 * @endcode
 */
class ConnectionCheck final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConnectionCheck)

public:
    explicit ConnectionCheck(SourcegraphClient *client, QObject *parent = nullptr);
    ~ConnectionCheck() override;

    void start();

    const Error &error() const { return m_error; }
    QString username() const { return m_username; }
    QString displayName() const { return m_displayName; }
    QString productVersion() const { return m_productVersion; }
    /// "Signed in as <user> on Sourcegraph <version>".
    QString summary() const;

Q_SIGNALS:
    void finished();

private:
    void onUser();
    void onVersion();
    void finishWhenDone();

    SourcegraphClient *m_client;
    QPointer<ApiCall> m_user;
    QPointer<ProductVersionRequest> m_version;
    QString m_username;
    QString m_displayName;
    QString m_productVersion;
    Error m_error;
    bool m_done = false;
};

} // namespace cody
