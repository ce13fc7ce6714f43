// SPDX-License-Identifier: Apache-2.0
#include "cody/graphqlrequest.h"

#include "cody/apicall.h"
#include "cody/graphqlresult.h"
#include "cody/sourcegraphclient.h"

#include <QTimer>

namespace cody {

GraphqlRequest::GraphqlRequest(SourcegraphClient *client, QObject *parent)
    : QObject(parent)
    , m_client(client)
{ }

GraphqlRequest::~GraphqlRequest()
{
    dropCall();
}

void GraphqlRequest::dropCall()
{
    discardRequest(m_call, this);
}

void GraphqlRequest::start()
{
    if (m_started || m_done)
        return;
    m_started = true;
    m_starting = true;
    begin();
    m_starting = false;
}

void GraphqlRequest::cancel()
{
    if (m_done)
        return;
    m_done = true;
    m_error = {ErrorKind::Cancelled, tr("cancelled")};
    dropCall();
    stopOthers();
    QTimer::singleShot(0, this, [this] { Q_EMIT finished(); });
}

void GraphqlRequest::send(
    const QString &operationName, const QString &query, const QJsonObject &variables)
{
    if (m_done)
        return;
    dropCall();
    m_call = m_client->graphql(operationName, query, variables);
    connect(m_call, &ApiCall::finished, this, &GraphqlRequest::onCallFinished);
}

void GraphqlRequest::onCallFinished()
{
    ApiCall *call = m_call;
    m_call = nullptr;
    call->deleteLater();
    if (m_done)
        return;
    handle(GraphqlResult::from(*call));
}

void GraphqlRequest::finish(Error error)
{
    if (m_done)
        return;
    m_done = true;
    m_error = std::move(error);
    dropCall();
    if (m_starting) {
        QTimer::singleShot(0, this, [this] { Q_EMIT finished(); });
        return;
    }
    Q_EMIT finished();
}

} // namespace cody
