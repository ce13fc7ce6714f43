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
 * @brief Finds the completions api-version an instance speaks: `/.api/client-config` first, then
 * GraphQL `site.productVersion`, then the latest version (a 406 steps down later). The answer is
 * remembered on the client, so each endpoint is probed once.
 *
 * A rejected token, a TLS failure or a silent server ends the probe with that error: the
 * completion request would only fail the same way, later.
 */
class ApiVersionProbe final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ApiVersionProbe)

public:
    explicit ApiVersionProbe(SourcegraphClient *client, QObject *parent = nullptr);
    ~ApiVersionProbe() override;

    void start();
    int version() const { return m_version; }
    const Error &error() const { return m_error; }

Q_SIGNALS:
    void finished();

private:
    void onClientConfig();
    void onProductVersion();
    bool failsTheReply(const Error &error);
    void finish(int version, Error error = {});

    SourcegraphClient *m_client;
    QPointer<ApiCall> m_call;
    QPointer<ProductVersionRequest> m_productVersion;
    int m_version = 0;
    Error m_error;
    bool m_done = false;
    bool m_remember = true;
};

} // namespace cody
