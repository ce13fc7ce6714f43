// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QStyledItemDelegate>

class QListView;

namespace cody {

/**
 * @brief Draws the sidebar's rows as wide as the list shows them, so that a long title is elided
 * at the edge (the tooltip has all of it) instead of giving the list a horizontal scrollbar.
 */
class SidebarItemDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SidebarItemDelegate)

public:
    /// Installs itself on `view` and keeps the rows at its width as it is resized.
    explicit SidebarItemDelegate(QListView *view);

    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

private:
    QListView *m_view;
};

} // namespace cody
