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
        // A row that cannot be added can be current (to hear why), but is not drawn as chosen.
        QPainterPath path;
        path.addRoundedRect(QRectF(row), 5, 5);
        painter->fillPath(
            path, palette.color(available ? QPalette::Highlight : QPalette::AlternateBase));
    }
    const bool chosen = current && available;
    // Greyed text that stays readable: the placeholder colour, not the disabled one.
    const QColor text = chosen ? palette.color(QPalette::HighlightedText)
        : available            ? palette.color(QPalette::Text)
                               : palette.color(QPalette::PlaceholderText);
    const QColor muted = chosen ? text : palette.color(QPalette::PlaceholderText);

    const auto kind = ContextItem::Kind(index.data(MentionListModel::KindRole).toInt());
    const QRect iconRect(row.left() + Padding, row.center().y() - IconSize / 2, IconSize, IconSize);
    iconFor(kind, style)
        .paint(painter, iconRect, Qt::AlignCenter, available ? QIcon::Normal : QIcon::Disabled);

    const int left = iconRect.right() + Padding + 2;
    const int width = row.right() - Padding - left;
    QFont small = option.font;
    small.setPointSizeF(option.font.pointSizeF() * 0.88);
    const QFontMetrics smallMetrics(small);
    // Right: why not, or the lines (up to half the row). Left: the name, then its folder, muted.
    const QString detail = smallMetrics.elidedText(
        index.data(MentionListModel::DetailRole).toString(), Qt::ElideRight, width / 2);
    const int room = width - smallMetrics.horizontalAdvance(detail) - 12;
    const QString name = option.fontMetrics.elidedText(
        index.data(MentionListModel::NameRole).toString(), Qt::ElideMiddle, room);
    const int nameWidth = option.fontMetrics.horizontalAdvance(name);
    const QString folder = smallMetrics.elidedText(
        index.data(MentionListModel::FolderRole).toString(), Qt::ElideMiddle, room - nameWidth - 8);
    const QRect line(left, row.top(), width, row.height());

    painter->setPen(text);
    painter->setFont(option.font);
    painter->drawText(line, Qt::AlignLeft | Qt::AlignVCenter, name);
    painter->setPen(muted);
    painter->setFont(small);
    painter->drawText(
        line.adjusted(nameWidth + 8, 0, 0, 0), Qt::AlignLeft | Qt::AlignVCenter, folder);
    if (!available) {
        QFont italic = small;
        italic.setItalic(true);
        painter->setFont(italic);
    }
    painter->drawText(line, Qt::AlignRight | Qt::AlignVCenter, detail);
    painter->restore();
}

QSize MentionDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &) const
{
    return {option.rect.width(), std::max(option.fontMetrics.height(), IconSize) + 10};
}

} // namespace cody
