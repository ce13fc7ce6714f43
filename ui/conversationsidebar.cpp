// SPDX-License-Identifier: Apache-2.0
#include "conversationsidebar.h"

#include "conversationlistmodel.h"

#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QTimer>
#include <QVBoxLayout>

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
    m_search->setAccessibleName(tr("Search conversations"));
    m_search->setAccessibleDescription(tr("Finds conversations by any word of any message"));
    // Search as the user types, but not on every keystroke of a fast typist.
    auto *debounce = new QTimer(this);
    debounce->setSingleShot(true);
    debounce->setInterval(150);
    connect(m_search, &QLineEdit::textChanged, debounce, qOverload<>(&QTimer::start));
    connect(debounce, &QTimer::timeout, this, [this] { m_model->setQuery(m_search->text()); });
    m_view->setModel(m_model);
    m_view->setUniformItemSizes(false); // search hits have a second line
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setAccessibleName(tr("Conversations"));
    m_view->setAccessibleDescription(tr("Recorded conversations, newest first; Enter opens one"));
    auto open = [this](const QModelIndex &index) {
        Q_EMIT conversationActivated(index.data(ConversationListModel::IdRole).toLongLong());
    };
    connect(m_view, &QListView::clicked, this, open);
    connect(m_view, &QListView::activated, this, open);
}

void ConversationSidebar::setStore(ConversationStore *store)
{
    m_model->setStore(store);
}

void ConversationSidebar::refresh(qint64 currentId)
{
    m_model->refresh();
    const int row = currentId ? m_model->rowForId(currentId) : -1;
    m_view->setCurrentIndex(row >= 0 ? m_model->index(row) : QModelIndex());
}

} // namespace cody
