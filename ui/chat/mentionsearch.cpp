// SPDX-License-Identifier: Apache-2.0
#include "ui/chat/mentionsearch.h"

#include "cody/discardrequest.h"
#include "cody/sourcegraphclient.h"
#include "context/bloburl.h"
#include "context/remotepathsearch.h"
#include "context/repositorysuggestions.h"

namespace cody {

MentionSearch::MentionSearch(QObject *parent)
    : QObject(parent)
{
    m_timer.setSingleShot(true);
    m_timer.setInterval(Pause);
    connect(&m_timer, &QTimer::timeout, this, &MentionSearch::run);
}

MentionSearch::~MentionSearch()
{
    stop();
}

void MentionSearch::setClient(SourcegraphClient *client)
{
    if (client == m_client && client)
        return;
    cancel();
    m_client = client;
    m_results.clear();
    m_error = {};
}

void MentionSearch::findRepositories(const QString &typed)
{
    ask({false, typed.trimmed(), {}, false});
}

void MentionSearch::findPaths(const QString &repository, const QString &path, bool filesOnly)
{
    ask({true, repository.trimmed(), path.trimmed(), filesOnly});
}

void MentionSearch::cancel()
{
    stop();
    m_query.reset();
}

void MentionSearch::ask(const Query &query)
{
    if (m_query == query)
        return; // waiting, running or answered already
    stop();
    m_query = query;
    m_timer.start();
    Q_EMIT searching();
}

void MentionSearch::stop()
{
    m_timer.stop();
    discardRequest(m_repositories, this);
    discardRequest(m_folders, this);
    discardRequest(m_files, this);
    m_running = 0;
}

void MentionSearch::run()
{
    m_results.clear();
    m_error = {};
    if (!m_client) {
        m_error = {ErrorKind::Config, tr("not connected to a Sourcegraph instance")};
        Q_EMIT finished();
        return;
    }
    const Query &query = *m_query;
    const auto begin = [this](auto *request) {
        connect(request, &GraphqlRequest::finished, this, &MentionSearch::onFinished);
        ++m_running;
        request->start();
        return request;
    };
    if (!query.paths) {
        m_repositories = begin(new RepositorySuggestions(m_client, query.repository, this));
        return;
    }
    if (!query.filesOnly) {
        m_folders = begin(new RemotePathSearch(
            m_client, query.repository, query.path, RemotePathSearch::Kind::Folders, this));
    }
    m_files = begin(new RemotePathSearch(
        m_client, query.repository, query.path, RemotePathSearch::Kind::Files, this));
}

void MentionSearch::onFinished()
{
    if (--m_running > 0)
        return;
    if (m_repositories) {
        if (m_repositories->error().isError())
            m_error = m_repositories->error();
        const QUrl base = m_client->settings().baseUrl;
        for (const RemoteRepository &repository : m_repositories->repositories()) {
            ContextItem item;
            item.kind = ContextItem::Kind::Repository;
            item.repoName = repository.name;
            item.repoId = repository.id;
            if (!repository.url.isEmpty())
                item.url = BlobUrl::resolve(base, repository.url);
            m_results.append(item);
        }
    }
    for (RemotePathSearch *search : {m_folders.data(), m_files.data()}) {
        if (!search)
            continue;
        if (search->error().isError() && !m_error.isError())
            m_error = search->error();
        m_results.append(search->items());
    }
    // Done with them; the query stays, so asking it again does not ask the instance again.
    for (QObject *request : {static_cast<QObject *>(m_repositories.data()),
             static_cast<QObject *>(m_folders.data()), static_cast<QObject *>(m_files.data())}) {
        if (request)
            request->deleteLater();
    }
    m_repositories = nullptr;
    m_folders = nullptr;
    m_files = nullptr;
    Q_EMIT finished();
}

} // namespace cody
