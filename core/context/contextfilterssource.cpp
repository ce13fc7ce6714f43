// SPDX-License-Identifier: Apache-2.0
#include "context/contextfilterssource.h"

#include "cody/discardrequest.h"
#include "context/contextfiltersrequest.h"

namespace cody {

ContextFiltersSource::ContextFiltersSource(SourcegraphClient *client, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_filters(ContextFilters::excludeEverything(
          tr("the context filters have not been read yet, so no repository is used")))
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &ContextFiltersSource::start);
}

ContextFiltersSource::~ContextFiltersSource()
{
    discardRequest(m_request, this);
}

void ContextFiltersSource::start()
{
    if (m_request)
        return;
    m_timer.stop();
    m_request = new ContextFiltersRequest(m_client, this);
    connect(m_request, &ContextFiltersRequest::finished, this, &ContextFiltersSource::onFetched);
    m_request->start();
}

bool ContextFiltersSource::isRepositoryAllowed(const QString &repoName, QString *why) const
{
    return m_filters.isRepositoryAllowed(repoName, why);
}

std::chrono::milliseconds ContextFiltersSource::nextFetchIn() const
{
    return m_timer.isActive() ? m_timer.remainingTimeAsDuration() : std::chrono::milliseconds(-1);
}

void ContextFiltersSource::onFetched()
{
    ContextFiltersRequest *request = m_request;
    m_request = nullptr;
    request->deleteLater();
    m_lastError = request->error();
    m_loaded = true;
    m_delay = m_refetch.next(request->refetchHint());
    m_timer.start(m_delay);
    const bool differs = !(request->filters() == m_filters);
    m_filters = request->filters();
    Q_EMIT fetched();
    if (differs)
        Q_EMIT changed();
}

} // namespace cody
