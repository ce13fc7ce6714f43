// SPDX-License-Identifier: Apache-2.0
#include "ui/history/sidebaritemdelegate.h"

#include <QListView>

namespace cody {

SidebarItemDelegate::SidebarItemDelegate(QListView *view)
    : QStyledItemDelegate(view)
    , m_view(view)
{
    view->setItemDelegate(this);
    view->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    view->setTextElideMode(Qt::ElideRight);
    // Lays the rows out again at the new width whenever the list is resized.
    view->setResizeMode(QListView::Adjust);
}

QSize SidebarItemDelegate::sizeHint(
    const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    // QListView makes every row as wide as the widest hint; the text's own width would make
    // that wider than the list.
    size.setWidth(m_view->viewport()->width());
    return size;
}

} // namespace cody
