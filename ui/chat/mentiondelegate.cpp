// SPDX-License-Identifier: Apache-2.0
#include "ui/chat/mentiondelegate.h"

#include "cody/contextitem.h"
#include "ui/chat/mentionlistmodel.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QPainter>
#include <QPainterPath>

namespace cody {

namespace {

constexpr int IconSize = 16;
constexpr int Padding = 6;

QIcon iconFor(ContextItem::Kind kind, const QStyle *style)
{
    switch (kind) {
    case ContextItem::Kind::Repository:
        return style->standardIcon(QStyle::SP_DriveNetIcon);
    case ContextItem::Kind::RemoteFolder:
        return style->standardIcon(QStyle::SP_DirIcon);
    case ContextItem::Kind::RemoteFile:
    case ContextItem::Kind::LocalFile:
        break;
    }
    return style->standardIcon(QStyle::SP_FileIcon);
}

} // namespace

MentionDelegate::MentionDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
{ }

void MentionDelegate::paint(
    QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const auto *view = qobject_cast<const QAbstractItemView *>(option.widget);
    const QStyle *style = option.widget ? option.widget->style() : QApplication::style();
    const bool current = view && view->currentIndex() == index;
    const bool available = index.data(MentionListModel::AvailableRole).toBool();
    const QPalette &palette = option.palette;

    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    const QRect row = option.rect.adjusted(2, 1, -2, -1);
    if (current) {
        QColor fill = palette.color(QPalette::Highlight);
        if (!available)
            fill.setAlphaF(0.35f); // reachable, visibly not choosable
        QPainterPath path;
        path.addRoundedRect(QRectF(row), 4, 4);
        painter->fillPath(path, fill);
    }
    const QColor text = !available ? palette.color(QPalette::Disabled, QPalette::Text)
        : current                  ? palette.color(QPalette::HighlightedText)
                                   : palette.color(QPalette::Text);
    QColor muted = current && available ? text : palette.color(QPalette::PlaceholderText);
    if (!available)
        muted = text;

    const auto kind = ContextItem::Kind(index.data(MentionListModel::KindRole).toInt());
    const QRect iconRect(row.left() + Padding, row.center().y() - IconSize / 2, IconSize, IconSize);
    iconFor(kind, style)
        .paint(painter, iconRect, Qt::AlignCenter, available ? QIcon::Normal : QIcon::Disabled);

    const int textLeft = iconRect.right() + Padding + 2;
    const int width = row.right() - Padding - textLeft;
    QFont small = option.font;
    small.setPointSizeF(option.font.pointSizeF() * 0.88);
    const QFontMetrics smallMetrics(small);
    // The second text takes what it needs, up to half the row; the name gets the rest.
    const QString detail = smallMetrics.elidedText(
        index.data(MentionListModel::DetailRole).toString(), Qt::ElideRight, width / 2);
    const int detailWidth = smallMetrics.horizontalAdvance(detail);
    const QString name = option.fontMetrics.elidedText(
        index.data(Qt::DisplayRole).toString(), Qt::ElideMiddle, width - detailWidth - 12);

    painter->setPen(text);
    painter->setFont(option.font);
    painter->drawText(
        QRect(textLeft, row.top(), width, row.height()), Qt::AlignLeft | Qt::AlignVCenter, name);
    painter->setPen(muted);
    painter->setFont(small);
    painter->drawText(
        QRect(textLeft, row.top(), width, row.height()), Qt::AlignRight | Qt::AlignVCenter, detail);
    painter->restore();
}

QSize MentionDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &) const
{
    return {option.rect.width(), std::max(option.fontMetrics.height(), IconSize) + 10};
}

} // namespace cody
