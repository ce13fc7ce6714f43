// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QStyledItemDelegate>

namespace cody {

/// Draws a row of the @-mention popup compactly: an icon for its kind, the name, and a muted
/// second text on the right (the kind, the lines, or why it cannot be added). The view's current
/// row is highlighted even when it cannot be chosen, so that the keyboard can reach it and hear
/// why.
class MentionDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MentionDelegate)

public:
    explicit MentionDelegate(QObject *parent = nullptr);

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
        const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};

} // namespace cody
