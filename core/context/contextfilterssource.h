// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "context/contextfilters.h"
#include "context/contextfiltersrefetch.h"
#include "net/error.h"

#include <QObject>
#include <QPointer>
#include <QTimer>

namespace cody {

class ContextFiltersRequest;
class SourcegraphClient;

/**
 * @brief The site's context filters, kept current: fetched on start(), then again on
 * ContextFiltersRefetch's schedule (1 h; after a failure 7 s, growing ×1.5).
 *
 * Until the first answer, and after an answer that cannot be trusted, nothing is allowed: a
 * caller that must not wait shows the mention as left out and says why. Apply
 * isRepositoryAllowed() to every mention and to every retrieved chunk.
 *
 * @code
 * auto *filters = new cody::ContextFiltersSource(client, this);
 * connect(filters, &cody::ContextFiltersSource::changed, picker, &Picker::refreshIgnored);
 * filters->start();
 * QString why;
 * if (!filters->isRepositoryAllowed(u"github.com/org/repo"_s, &why))
 *     chip->setOmitted(why);
 * @endcode
 */
class ContextFiltersSource final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ContextFiltersSource)

public:
    explicit ContextFiltersSource(SourcegraphClient *client, QObject *parent = nullptr);
    ~ContextFiltersSource() override;

    /// Fetches now (unless a fetch is running), then on the schedule.
    void start();
    /// True once an answer arrived (whatever it decided).
    bool isLoaded() const { return m_loaded; }
    const ContextFilters &filters() const { return m_filters; }
    bool isRepositoryAllowed(const QString &repoName, QString *why = nullptr) const;
    /// The last fetch's failure, if it failed.
    const Error &lastError() const { return m_lastError; }
    /// The wait before the next fetch that the last answer scheduled (ContextFiltersRefetch);
    /// zero before the first one.
    std::chrono::milliseconds refetchDelay() const { return m_delay; }
    /// Time left until that fetch (a coarse timer: up to 5 % more); negative when none is
    /// scheduled.
    std::chrono::milliseconds nextFetchIn() const;

Q_SIGNALS:
    /// A fetch ended (isLoaded() is true from the first one on).
    void fetched();
    /// The filters differ from before.
    void changed();

private:
    void onFetched();

    SourcegraphClient *m_client;
    QPointer<ContextFiltersRequest> m_request;
    ContextFiltersRefetch m_refetch;
    QTimer m_timer;
    std::chrono::milliseconds m_delay {0};
    ContextFilters m_filters;
    Error m_lastError;
    bool m_loaded = false;
};

} // namespace cody
