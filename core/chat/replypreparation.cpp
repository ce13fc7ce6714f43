// SPDX-License-Identifier: Apache-2.0
#include "chat/replypreparation.h"

#include "cody/apicall.h"
#include "cody/apiversionprobe.h"
#include "cody/modelcatalog.h"
#include "cody/sourcegraphclient.h"

using namespace Qt::StringLiterals;

namespace cody {

ReplyPreparation::ReplyPreparation(
    SourcegraphClient *client, ModelCatalog *catalog, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_catalog(catalog)
{ }

ReplyPreparation::~ReplyPreparation()
{
    stopModels();
}

void ReplyPreparation::start()
{
    m_probe = new ApiVersionProbe(m_client, this);
    connect(m_probe, &ApiVersionProbe::finished, this, &ReplyPreparation::onProbeFinished);
    m_probe->start();
    if (m_catalog && !m_catalog->hasServerModels()) {
        m_models = m_client->getSupportedModels();
        connect(m_models, &ApiCall::finished, this, &ReplyPreparation::onModelsFinished);
    }
}

void ReplyPreparation::stopModels()
{
    if (m_models) {
        m_models->disconnect(this);
        m_models->deleteLater();
        m_models = nullptr;
    }
}

void ReplyPreparation::onProbeFinished()
{
    m_probe->deleteLater();
    m_apiVersion = m_probe->version();
    m_error = m_probe->error();
    m_probe = nullptr;
    // Without a usable connection the model list cannot help: do not wait for it.
    if (m_error.isError())
        stopModels();
    finishWhenDone();
}

void ReplyPreparation::onModelsFinished()
{
    if (!m_models->error().isError())
        m_catalog->loadSupportedModels(m_models->body());
    stopModels();
    finishWhenDone();
}

void ReplyPreparation::finishWhenDone()
{
    if (m_done || m_probe || m_models)
        return;
    m_done = true;
    Q_EMIT finished();
}

} // namespace cody
