// SPDX-License-Identifier: Apache-2.0
#include "ui/history/conversationlistmodel.h"

#include "history/backgroundsearch.h"

#include <QLocale>

using namespace Qt::StringLiterals;

namespace cody {

ConversationListModel::ConversationListModel(QObject *parent)
    : QAbstractListModel(parent)
{ }

ConversationListModel::~ConversationListModel() = default;

void ConversationListModel::setStore(ConversationStore *store)
{
    m_store = store;
    m_search.reset();
    if (store && store->isOpen()) {
        // Searches run on their own thread: ranking a common word over years of history takes
        // a second, and the sidebar must not freeze while the user types.
        m_search = std::make_unique<BackgroundSearch>(store->path());
        connect(
            m_search.get(), &BackgroundSearch::finished, this, &ConversationListModel::showHits);
    }
    refresh();
}

void ConversationListModel::setQuery(const QString &query)
{
    m_query = query.trimmed();
    refresh();
}

void ConversationListModel::refresh()
{
    if (!m_query.isEmpty() && m_search) {
        m_search->search(m_query, PageSize);
        return; // showHits() follows
    }
    m_hits.clear();
    // The first page comes with the reset; the view asks for more as it scrolls. (Fetching from
    // a modelReset handler would insert rows while views still handle the reset.)
    beginResetModel();
    m_total = m_store ? m_store->conversationCount() : 0;
    m_rows = m_store ? m_store->conversations(0, PageSize) : QList<StoredConversation>();
    endResetModel();
}

void ConversationListModel::showHits(
    const QString &query, const QList<SearchHit> &hits, const QString &error)
{
    if (query != m_query)
        return; // the user typed on meanwhile
    Q_UNUSED(error) // nothing found is all a search field can show; the store reports failures
    beginResetModel();
    m_rows.clear();
    m_hits.clear();
    for (const SearchHit &hit : hits) {
        StoredConversation row;
        row.id = hit.conversationId;
        row.title = hit.title;
        m_rows.append(row);
        // The store marks matches with [[ ]]; guillemets read well in a plain list.
        Hit shown;
        shown.snippet
            = QString(hit.snippet).replace(u"[["_s, u"»"_s).replace(u"]]"_s, u"«"_s).simplified();
        shown.messageId = hit.messageId;
        const qsizetype open = hit.snippet.indexOf(u"[["_s);
        const qsizetype close = hit.snippet.indexOf(u"]]"_s, open);
        if (open >= 0 && close > open)
            shown.match = hit.snippet.mid(open + 2, close - open - 2);
        m_hits.append(shown);
    }
    m_total = int(m_rows.size());
    endResetModel();
    Q_EMIT searchFinished();
}

int ConversationListModel::rowForId(qint64 id) const
{
    for (qsizetype row = 0; row < m_rows.size(); ++row) {
        if (m_rows.at(row).id == id)
            return int(row);
    }
    return -1;
}

int ConversationListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant ConversationListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.parent().isValid() || index.row() >= m_rows.size())
        return {};
    const StoredConversation &conversation = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        if (index.row() < m_hits.size())
            return u"%1\n%2"_s.arg(conversation.title, m_hits.at(index.row()).snippet);
        return conversation.pinned ? u"📌 "_s + conversation.title : conversation.title;
    case Qt::EditRole:
        return conversation.title;
    case SnippetRole:
        return index.row() < m_hits.size() ? m_hits.at(index.row()).snippet : QString();
    case MessageIdRole:
        return index.row() < m_hits.size() ? m_hits.at(index.row()).messageId : 0;
    case MatchRole:
        return index.row() < m_hits.size() ? m_hits.at(index.row()).match : QString();
    case Qt::ToolTipRole:
        return u"%1\n%2"_s.arg(conversation.title,
            QLocale().toString(conversation.updated.toLocalTime(), QLocale::ShortFormat));
    case Qt::AccessibleTextRole:
        return conversation.title;
    case IdRole:
        return conversation.id;
    case PinnedRole:
        return conversation.pinned;
    case UpdatedRole:
        return conversation.updated;
    default:
        return {};
    }
}

Qt::ItemFlags ConversationListModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsEditable;
}

bool ConversationListModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::EditRole || !index.isValid() || index.row() >= m_rows.size() || !m_store)
        return false;
    const QString title = value.toString().simplified();
    auto conversation = m_store->conversation(m_rows.at(index.row()).id);
    if (title.isEmpty() || !conversation)
        return false;
    conversation->title = title;
    conversation->updated = {}; // keep its place in the list
    QString error;
    if (!m_store->updateConversation(*conversation, &error))
        return false;
    m_rows[index.row()].title = title;
    Q_EMIT dataChanged(index, index);
    return true;
}

bool ConversationListModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && m_store && m_rows.size() < m_total;
}

void ConversationListModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent))
        return;
    const auto page = m_store->conversations(int(m_rows.size()), PageSize);
    if (page.isEmpty()) {
        m_total = int(m_rows.size()); // the store shrank meanwhile
        return;
    }
    beginInsertRows({}, int(m_rows.size()), int(m_rows.size() + page.size()) - 1);
    m_rows += page;
    endInsertRows();
}

} // namespace cody
