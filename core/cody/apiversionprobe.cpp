// SPDX-License-Identifier: Apache-2.0
#include "cody/apiversionprobe.h"

#include "cody/apicall.h"
#include "cody/apiversionpolicy.h"
#include "cody/discardrequest.h"
#include "cody/productversionrequest.h"
#include "cody/sourcegraphclient.h"

#include <QJsonObject>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace cody {

ApiVersionProbe::ApiVersionProbe(SourcegraphClient *client, QObject *parent)
    : QObject(parent)
    , m_client(client)
{ }

ApiVersionProbe::~ApiVersionProbe()
{
    if (m_call) {
        m_call->disconnect(this);
        m_call->deleteLater();
    }
    discardRequest(m_productVersion, this);
}

void ApiVersionProbe::start()
{
    if (const auto known = m_client->knownApiVersion()) {
        QTimer::singleShot(0, this, [this, version = *known] { finish(version); });
        return;
    }
    m_call = m_client->get(u"/.api/client-config");
    connect(m_call, &ApiCall::finished, this, &ApiVersionProbe::onClientConfig);
}

bool ApiVersionProbe::failsTheReply(const Error &error)
{
    // These would fail the completion request the same way: say so now rather than after it.
    switch (error.kind) {
    case ErrorKind::Auth:
    case ErrorKind::Cancelled:
    case ErrorKind::Tls:
    case ErrorKind::Timeout:
        break;
    default:
        return false;
    }
    finish(0, error);
    return true;
}

void ApiVersionProbe::onClientConfig()
{
    m_call->deleteLater();
    const Error error = m_call->error();
    if (failsTheReply(error))
        return;
    if (!error.isError()) {
        if (const auto version = ApiVersionPolicy::fromClientConfig(m_call->body())) {
            finish(*version);
            return;
        }
    } else if (m_call->httpStatus() == 0) {
        // The server was not reached: asking GraphQL would fail the same way. The completion
        // request itself reports (and retries) the failure; probe again next time.
        m_remember = false;
        finish(ApiVersionPolicy::Latest);
        return;
    }
    m_productVersion = new ProductVersionRequest(m_client, this);
    connect(m_productVersion, &ProductVersionRequest::finished, this,
        &ApiVersionProbe::onProductVersion);
    m_productVersion->start();
}

void ApiVersionProbe::onProductVersion()
{
    m_productVersion->deleteLater();
    if (failsTheReply(m_productVersion->error()))
        return;
    const QString productVersion = m_productVersion->productVersion();
    // Neither source answered: start at the latest version and let a 406 step down.
    finish(productVersion.isEmpty() ? ApiVersionPolicy::Latest
                                    : ApiVersionPolicy::fromProductVersion(productVersion));
}

void ApiVersionProbe::finish(int version, Error error)
{
    if (m_done)
        return;
    m_done = true;
    m_version = version;
    m_error = std::move(error);
    if (!m_error.isError() && m_remember)
        m_client->rememberApiVersion(version);
    Q_EMIT finished();
}

} // namespace cody
