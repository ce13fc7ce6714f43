// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "cody/contextitem.h"

#include <QAbstractListModel>

namespace cody {

/// What the @-mention popup offers: repositories, or folders and files of one, each either
/// available or not with the reason (a repository the context filters exclude).
class MentionListModel final : public QAbstractListModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MentionListModel)

public:
    enum Role {
        DetailRole = Qt::UserRole + 1, ///< on the right: why it cannot be added, or the lines
        KindRole, ///< ContextItem::Kind as int
        AvailableRole, ///< bool: can be added
        NameRole, ///< what to show first: the repository, or the last part of the path
        FolderRole, ///< the folder a path is in ("" at the root and for repositories)
    };

    struct Entry
    {
        ContextItem item;
        QString unavailable; ///< why it cannot be added; empty when it can
    };

    explicit MentionListModel(QObject *parent = nullptr);

    void setEntries(const QList<Entry> &entries);
    const QList<Entry> &entries() const { return m_entries; }
    const Entry &entry(int row) const { return m_entries.at(row); }

    /// "github.com/org/repo", "src/", "src/main.cpp:10-20".
    static QString label(const ContextItem &item);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;

private:
    QList<Entry> m_entries;
};

} // namespace cody
