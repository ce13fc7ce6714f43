// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QWidget>

class QLineEdit;
class QListView;

namespace cody {

class ConversationListModel;
class ConversationStore;

/// The list of recorded conversations beside the chat; choosing one opens it.
class ConversationSidebar final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConversationSidebar)

public:
    explicit ConversationSidebar(QWidget *parent = nullptr);

    void setStore(ConversationStore *store);
    /// Reloads the list and marks `currentId` (0: none).
    void refresh(qint64 currentId);
    QListView *view() const { return m_view; }
    QLineEdit *searchField() const { return m_search; }
    ConversationListModel *model() const { return m_model; }

    /// Toggles the pin of the selected conversation.
    void togglePin();
    /// Deletes the selected conversation; conversationDeleted() carries what Undo needs.
    void deleteSelected();

Q_SIGNALS:
    /// `messageId` and `match` say where a search hit matched (0 and empty otherwise).
    void conversationActivated(qint64 id, qint64 messageId, const QString &match);
    void conversationDeleted(qint64 id, const QByteArray &backup);
    void conversationRenamed(qint64 id);

private:
    QLineEdit *m_search;
    QListView *m_view;
    ConversationListModel *m_model;
    ConversationStore *m_store = nullptr;
};

} // namespace cody
