// SPDX-License-Identifier: Apache-2.0
#include "context/contextgathering.h"

#include "context/contextfiltersrequest.h"
#include "context/contextretrieval.h"
#include "context/remotefilecontent.h"

using namespace Qt::StringLiterals;

namespace cody {

namespace {

bool isUnreadRemoteFile(const ContextItem &item)
{
    return item.kind == ContextItem::Kind::RemoteFile && item.content.isEmpty()
        && item.omittedReason.isEmpty();
}

} // namespace

ContextGathering::ContextGathering(
    SourcegraphClient *client, QList<ContextItem> mentions, QString question, QObject *parent)
    : GraphqlRequest(client, parent)
    , m_mentions(std::move(mentions))
    , m_question(std::move(question))
{ }

ContextGathering::~ContextGathering() = default;

bool ContextGathering::isNeeded(const QList<ContextItem> &items)
{
    const bool mentionsTheInstance = std::any_of(items.cbegin(), items.cend(),
        [](const ContextItem &item) { return item.isScope() || isUnreadRemoteFile(item); });
    // A file's content alone decides nothing: the message box fetches it when its chip is added.
    const bool decided = std::any_of(items.cbegin(), items.cend(), [](const ContextItem &item) {
        return item.sent || !item.omittedReason.isEmpty()
            || item.source == ContextItem::Source::Retrieved;
    });
    return mentionsTheInstance && !decided;
}

QList<ContextItem> ContextGathering::refused() const
{
    QList<ContextItem> refused;
    for (const qsizetype index : m_refused)
        refused.append(m_items.at(index));
    return refused;
}

void ContextGathering::begin()
{
    if (m_filters) {
        gather();
        return;
    }
    m_filtersRequest = new ContextFiltersRequest(client(), this);
    connect(m_filtersRequest, &ContextFiltersRequest::finished, this, &ContextGathering::onFilters);
    m_filtersRequest->start();
}

void ContextGathering::onFilters()
{
    // Filters that could not be read exclude everything, with a reason that says so: the
    // question still goes out, without context, and every mention says why.
    m_filters = m_filtersRequest->filters();
    m_filtersRequest->deleteLater();
    m_filtersRequest = nullptr;
    gather();
}

void ContextGathering::handle(const GraphqlResult &)
{
    // Every call is made by the requests this one runs.
}

void ContextGathering::stopOthers()
{
    discard(m_filtersRequest);
    discard(m_retrieval);
    for (QPointer<RemoteFileContent> &read : m_reads)
        discard(read);
}

void ContextGathering::gather()
{
    m_items = m_mentions;
    bool search = false;
    for (qsizetype i = 0; i < m_items.size(); ++i) {
        ContextItem &item = m_items[i];
        search = search || (item.isScope() && item.omittedReason.isEmpty());
        if (!isUnreadRemoteFile(item))
            continue;
        QString why;
        if (!m_filters->isRepositoryAllowed(item.repoName, &why)) {
            item.omittedReason = why;
            m_refused.append(i);
            continue;
        }
        auto *read = new RemoteFileContent(client(), item, this);
        connect(read, &RemoteFileContent::finished, this, [this, read, i] { onFileRead(read, i); });
        m_reads.append(read);
        ++m_pending;
    }
    if (search) {
        m_retrieval = new ContextRetrieval(client(), *m_filters, m_mentions, m_question, this);
        m_retrieval->setRewriteQuery(m_rewrite);
        connect(m_retrieval, &ContextRetrieval::finished, this, &ContextGathering::onRetrieved);
        ++m_pending;
    }
    // Started only now: none of them finishes inside start(), but all are counted first.
    for (const QPointer<RemoteFileContent> &read : std::as_const(m_reads))
        read->start();
    if (m_retrieval)
        m_retrieval->start();
    concludeIfDone();
}

void ContextGathering::onFileRead(RemoteFileContent *read, qsizetype index)
{
    read->deleteLater();
    --m_pending;
    ContextItem &item = m_items[index];
    if (!read->error().isError()) {
        item = read->item();
    } else if (read->isMissing()) {
        item.omittedReason = read->error().message;
        m_refused.append(index);
    } else {
        item.omittedReason = tr("could not be read: %1").arg(read->error().message);
        noteFailure(read->error());
    }
    concludeIfDone();
}

void ContextGathering::onRetrieved()
{
    ContextRetrieval *retrieval = m_retrieval;
    m_retrieval = nullptr;
    retrieval->deleteLater();
    --m_pending;
    m_query = retrieval->query();
    const QList<ContextItem> &mentions = retrieval->mentions();
    for (qsizetype i = 0; i < m_items.size() && i < mentions.size(); ++i) {
        ContextItem &item = m_items[i];
        if (!item.isScope() || !item.omittedReason.isEmpty())
            continue;
        item.repoId = mentions.at(i).repoId;
        if (!mentions.at(i).omittedReason.isEmpty()) {
            // Excluded by the filters, or not on the instance: the user's to correct.
            item.omittedReason = mentions.at(i).omittedReason;
            m_refused.append(i);
        } else if (retrieval->error().isError()) {
            item.omittedReason = tr("the search failed: %1").arg(retrieval->error().message);
        }
    }
    if (retrieval->error().isError())
        noteFailure(retrieval->error());
    m_items += retrieval->items();
    concludeIfDone();
}

void ContextGathering::noteFailure(const Error &error)
{
    if (!m_failure.isError())
        m_failure = error;
}

void ContextGathering::concludeIfDone()
{
    if (m_pending > 0)
        return;
    std::sort(m_refused.begin(), m_refused.end());
    finish();
}

} // namespace cody
