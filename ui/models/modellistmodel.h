// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "cody/modelref.h"

#include <QAbstractListModel>

namespace cody {

class ModelCatalog;

/**
 * @brief The model picker's rows: aliases first (with what each resolves to), then the server's
 * chat models grouped under their provider. Deprecated and waitlisted models are left out; an
 * alias whose target the server does not offer stays, marked unavailable and not selectable.
 */
class ModelListModel final : public QAbstractListModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ModelListModel)

public:
    enum class Kind { Alias, Header, Model };
    enum Role {
        NameRole = Qt::UserRole + 1, ///< what to send: the alias or the full cody/… name
        RefRole, ///< the resolved full cody/… name
        KindRole, ///< Kind as int
        AvailableRole, ///< bool
        ContextWindowRole, ///< max input tokens, 0 when unknown
    };

    explicit ModelListModel(QObject *parent = nullptr);

    void setCatalog(const ModelCatalog &catalog);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;

    /// The row whose name or resolved reference is `ref`, preferring an alias; -1 if none.
    int rowFor(const QString &name) const;

private:
    struct Row
    {
        Kind kind = Kind::Model;
        QString name;
        ModelRef ref;
        QString display;
        QString toolTip;
        qint64 contextWindow = 0;
        bool available = true;
    };
    QList<Row> m_rows;
};

} // namespace cody
