// SPDX-License-Identifier: Apache-2.0
#include "ui/chat/contextcontentloader.h"

#include "cody/discardrequest.h"
#include "cody/sourcegraphclient.h"
#include "context/remotefilecontent.h"

#include <QSet>

using namespace Qt::StringLiterals;

namespace cody {

ContextContentLoader::ContextContentLoader(QObject *parent)
    : QObject(parent)
{ }

ContextContentLoader::~ContextContentLoader()
{
    clear();
}

void ContextContentLoader::setClient(SourcegraphClient *client)
{
    if (client == m_client && client)
        return;
    clear();
    m_client = client;
}

void ContextContentLoader::clear()
{
    for (Entry &entry : m_entries)
        discardRequest(entry.request, this);
    m_entries.clear();
}

QString ContextContentLoader::keyOf(const ContextItem &item)
{
    return u"%1\n%2\n%3\n%4\n%5-%6"_s.arg(ContextItem::kindName(item.kind), item.repoName,
        item.path, item.revision, QString::number(item.startLine), QString::number(item.endLine));
}

void ContextContentLoader::keep(const QList<ContextItem> &items)
{
    QSet<QString> wanted;
    for (const ContextItem &item : items) {
        if (item.kind != ContextItem::Kind::RemoteFile)
            continue;
        const QString key = keyOf(item);
        wanted.insert(key);
        if (m_entries.contains(key) || !m_client)
            continue;
        Entry &entry = m_entries[key];
        entry.item = item;
        entry.request = new RemoteFileContent(m_client, item, this);
        connect(entry.request, &GraphqlRequest::finished, this, [this, key] { onFinished(key); });
        entry.request->start();
    }
    for (auto it = m_entries.begin(); it != m_entries.end();) {
        if (wanted.contains(it.key())) {
            ++it;
            continue;
        }
        discardRequest(it->request, this);
        it = m_entries.erase(it);
    }
}

void ContextContentLoader::onFinished(const QString &key)
{
    const auto it = m_entries.find(key);
    if (it == m_entries.end() || !it->request)
        return;
    RemoteFileContent *request = it->request;
    it->request = nullptr;
    request->deleteLater();
    it->done = true;
    if (request->error().isError())
        it->problem = tr("could not be fetched: %1").arg(request->error().message);
    else
        it->item = request->item();
    Q_EMIT loaded();
}

ContextItem ContextContentLoader::filled(const ContextItem &item) const
{
    const auto it = m_entries.constFind(keyOf(item));
    if (it == m_entries.cend() || !it->done)
        return item;
    if (!it->problem.isEmpty()) {
        ContextItem failed = item;
        failed.omittedReason = it->problem;
        return failed;
    }
    ContextItem result = it->item;
    result.tokens = item.tokens;
    result.omittedReason = item.omittedReason;
    result.sent = item.sent;
    return result;
}

bool ContextContentLoader::isLoading(const ContextItem &item) const
{
    const auto it = m_entries.constFind(keyOf(item));
    return it != m_entries.cend() && !it->done;
}

} // namespace cody
