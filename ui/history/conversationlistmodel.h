// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "history/conversationstore.h"

#include <QAbstractListModel>
#include <QPointer>

#include <memory>

namespace cody {

/**
 * @brief The recorded conversations for the sidebar, pinned first, then newest first, loaded a
 * page at a time as the view scrolls (canFetchMore/fetchMore), so a history of thousands of
 * conversations opens at once.
 */
class BackgroundSearch;

class ConversationListModel final : public QAbstractListModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConversationListModel)

public:
    static constexpr int PageSize = 100;
    enum Role {
        IdRole = Qt::UserRole + 1,
        PinnedRole,
        UpdatedRole,
        SnippetRole,
        MessageIdRole, ///< a search hit's best message, 0 otherwise
        MatchRole, ///< the first matched text of a search hit's snippet
    };

    explicit ConversationListModel(QObject *parent = nullptr);
    ~ConversationListModel() override;

    void setStore(ConversationStore *store);
    /// Reloads from the store (after a conversation was added, renamed or removed).
    void refresh();
    /// Shows the conversations whose messages match `query` (full-text, best first), each with a
    /// snippet, once the search (on its own thread) is done: searchFinished() says when. An empty
    /// query shows all conversations again, at once.
    void setQuery(const QString &query);
    QString query() const { return m_query; }
    int rowForId(qint64 id) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    /// Renames (EditRole) in the store.
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

Q_SIGNALS:
    /// The hits of the current query are shown.
    void searchFinished();

private:
    void showHits(const QString &query, const QList<SearchHit> &hits, const QString &error);

    QPointer<ConversationStore> m_store;
    std::unique_ptr<BackgroundSearch> m_search;
    QList<StoredConversation> m_rows;
    struct Hit
    {
        QString snippet;
        qint64 messageId = 0;
        QString match;
    };
    QList<Hit> m_hits; ///< per row while a query is shown
    QString m_query;
    int m_total = 0;
};

} // namespace cody
