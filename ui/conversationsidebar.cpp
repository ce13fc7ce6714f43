// SPDX-License-Identifier: Apache-2.0
#include "conversationsidebar.h"

#include "conversationlistmodel.h"

#include <QLabel>
#include <QListView>
#include <QVBoxLayout>

namespace cody {

ConversationSidebar::ConversationSidebar(QWidget *parent)
    : QWidget(parent)
    , m_view(new QListView(this))
    , m_model(new ConversationListModel(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 0, 0); // aligned with the chat area beside it
    auto *title = new QLabel(tr("&Conversations"), this);
    title->setBuddy(m_view);
    layout->addWidget(title);
    layout->addWidget(m_view, 1);
    m_view->setModel(m_model);
    m_view->setUniformItemSizes(true); // cheap layout for thousands of rows
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
