// SPDX-License-Identifier: Apache-2.0
#include "ui/chat/mentionlistmodel.h"

using namespace Qt::StringLiterals;

namespace cody {

namespace {

QString kindOf(const ContextItem &item)
{
    switch (item.kind) {
    case ContextItem::Kind::Repository:
        return MentionListModel::tr("repository");
    case ContextItem::Kind::RemoteFolder:
        return MentionListModel::tr("folder");
    case ContextItem::Kind::RemoteFile:
    case ContextItem::Kind::LocalFile:
        break;
    }
    return MentionListModel::tr("file");
}

/// The lines of a range; nothing else needs saying beside the icon and the name.
QString detailOf(const ContextItem &item)
{
    if (!item.hasRange())
        return {};
    return item.startLine == item.endLine
        ? MentionListModel::tr("line %L1").arg(item.startLine)
        : MentionListModel::tr("lines %L1–%L2").arg(item.startLine).arg(item.endLine);
}

/// The last part of a path, and the folder it is in ("src/" and "a/b/c.cpp" → "c.cpp", "a/b").
std::pair<QString, QString> splitPath(const ContextItem &item)
{
    if (item.kind == ContextItem::Kind::Repository)
        return {item.repoName, {}};
    const qsizetype slash = item.path.lastIndexOf(u'/');
    const QString name = item.path.mid(slash + 1)
        + (item.kind == ContextItem::Kind::RemoteFolder ? u"/"_s : QString());
    return {name, slash < 0 ? QString() : item.path.left(slash)};
}

} // namespace

MentionListModel::MentionListModel(QObject *parent)
    : QAbstractListModel(parent)
{ }

void MentionListModel::setEntries(const QList<Entry> &entries)
{
    beginResetModel();
    m_entries = entries;
    endResetModel();
}

QString MentionListModel::label(const ContextItem &item)
{
    if (item.kind == ContextItem::Kind::RemoteFolder)
        return item.path + u'/';
    return item.displayName();
}

int MentionListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

QVariant MentionListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Entry &entry = m_entries.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return label(entry.item);
    case DetailRole:
        return entry.unavailable.isEmpty() ? detailOf(entry.item) : entry.unavailable;
    case Qt::ToolTipRole:
        return entry.unavailable.isEmpty()
            ? entry.item.displayName()
            : tr("%1 cannot be added: %2").arg(entry.item.displayName(), entry.unavailable);
    case Qt::AccessibleTextRole:
        return entry.unavailable.isEmpty()
            ? tr("%1, %2").arg(label(entry.item), kindOf(entry.item))
            : tr("%1, %2, unavailable: %3")
                  .arg(label(entry.item), kindOf(entry.item), entry.unavailable);
    case NameRole:
        return splitPath(entry.item).first;
    case FolderRole:
        return splitPath(entry.item).second;
    case KindRole:
        return int(entry.item.kind);
    case AvailableRole:
        return entry.unavailable.isEmpty();
    default:
        return {};
    }
}

Qt::ItemFlags MentionListModel::flags(const QModelIndex &index) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return Qt::NoItemFlags;
    return m_entries.at(index.row()).unavailable.isEmpty()
        ? Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren
        : Qt::ItemNeverHasChildren;
}

} // namespace cody
