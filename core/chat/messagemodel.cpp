// SPDX-License-Identifier: Apache-2.0
#include "chat/messagemodel.h"

using namespace Qt::StringLiterals;

namespace cody {

MessageModel::MessageModel(QObject *parent)
    : QAbstractListModel(parent)
{ }

int MessageModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_messages.size());
}

QVariant MessageModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.parent().isValid() || index.row() >= m_messages.size())
        return {};
    const Message &message = m_messages.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case TextRole:
        return message.text;
    case SpeakerRole:
        return int(message.speaker);
    case StateRole:
        return int(message.state);
    case ErrorRole:
        return message.error;
    case ModelRole:
        return message.model;
    case DetailsRole:
        return message.details;
    case NoticeRole:
        return message.notice;
    case StoredIdRole:
        return message.storedId;
    case ContinuableRole:
        return message.isContinuable();
    case ContextRole:
        return QVariant::fromValue(message.context);
    case UnreadableContextRole:
        return message.unreadableContextItems;
    default:
        return {};
    }
}

QHash<int, QByteArray> MessageModel::roleNames() const
{
    return {
        {SpeakerRole, "speaker"},
        {TextRole, "text"},
        {StateRole, "state"},
        {ErrorRole, "error"},
        {ModelRole, "model"},
        {DetailsRole, "details"},
        {NoticeRole, "notice"},
        {StoredIdRole, "storedId"},
        {ContinuableRole, "continuable"},
        {ContextRole, "context"},
        {UnreadableContextRole, "unreadableContext"},
    };
}

int MessageModel::rowForStoredId(qint64 storedId) const
{
    for (qsizetype row = 0; row < m_messages.size(); ++row) {
        if (storedId != 0 && m_messages.at(row).storedId == storedId)
            return int(row);
    }
    return -1;
}

int MessageModel::append(Message message)
{
    const int row = int(m_messages.size());
    beginInsertRows({}, row, row);
    m_messages.append(std::move(message));
    endInsertRows();
    return row;
}

void MessageModel::appendText(int row, const QString &text)
{
    m_messages[row].text += text;
    const QModelIndex changed = index(row);
    Q_EMIT dataChanged(changed, changed, {TextRole});
}

void MessageModel::update(int row, Message message)
{
    m_messages[row] = std::move(message);
    const QModelIndex changed = index(row);
    Q_EMIT dataChanged(changed, changed);
}

void MessageModel::setContext(int row, QList<ContextItem> context)
{
    m_messages[row].context = std::move(context);
    m_messages[row].unreadableContextItems = 0; // replaced along with the readable ones
    const QModelIndex changed = index(row);
    Q_EMIT dataChanged(changed, changed, {ContextRole, UnreadableContextRole});
}

void MessageModel::removeFrom(int row)
{
    if (row >= m_messages.size())
        return;
    beginRemoveRows({}, row, int(m_messages.size()) - 1);
    m_messages.resize(row);
    endRemoveRows();
}

void MessageModel::clear()
{
    if (m_messages.isEmpty())
        return;
    beginResetModel();
    m_messages.clear();
    endResetModel();
}

} // namespace cody
