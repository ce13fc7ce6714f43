// SPDX-License-Identifier: Apache-2.0
#include "ui/models/modellistmodel.h"

#include "cody/modelcatalog.h"

#include <QFont>

using namespace Qt::StringLiterals;

namespace cody {

namespace {

QString tokens(qint64 count)
{
    return count >= 1000 ? u"%1k"_s.arg(count / 1000) : QString::number(count);
}

} // namespace

ModelListModel::ModelListModel(QObject *parent)
    : QAbstractListModel(parent)
{ }

void ModelListModel::setCatalog(const ModelCatalog &catalog)
{
    beginResetModel();
    m_rows.clear();
    for (const auto &alias : catalog.aliases().aliases()) {
        Row row;
        row.kind = Kind::Alias;
        row.name = alias.name;
        row.ref = alias.target;
        const ModelInfo *info = catalog.find(alias.target);
        row.available = !catalog.hasServerModels() || (info && info->isUsableForChat());
        row.contextWindow = info ? info->maxInputTokens : 0;
        row.display = u"%1  →  %2"_s.arg(alias.name,
            info && !info->displayName.isEmpty() ? info->displayName : alias.target.modelId());
        // As Cody's own clients do: a deprecated model is marked and still answers; one the
        // server does not offer (or only to a waitlist) cannot be picked.
        if (!row.available)
            row.display += tr("  (not on this server)");
        else if (info && info->isDeprecated())
            row.display += tr("  (deprecated)");
        row.toolTip = alias.target.fullName();
        m_rows.append(row);
    }
    QString provider;
    for (const auto &model : catalog.chatModels()) {
        if (model.providerId != provider) {
            provider = model.providerId;
            Row header;
            header.kind = Kind::Header;
            header.display = model.providerName.isEmpty() ? provider : model.providerName;
            m_rows.append(header);
        }
        Row row;
        row.name = model.ref.fullName();
        row.ref = model.ref;
        row.contextWindow = model.maxInputTokens;
        row.display = u"    %1  ·  %2 context%3"_s.arg(
            model.displayName.isEmpty() ? model.ref.modelId() : model.displayName,
            tokens(model.maxInputTokens),
            model.status == "stable"_L1 || model.status.isEmpty() ? QString()
                                                                  : u"  ·  "_s + model.status);
        row.toolTip = model.ref.fullName();
        m_rows.append(row);
    }
    endResetModel();
}

int ModelListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant ModelListModel::data(const QModelIndex &index, int role) const
{
    // Views ask about the invalid index too (a combo box with nothing selected): not an error.
    if (!index.isValid() || index.parent().isValid() || index.row() >= m_rows.size())
        return {};
    const Row &row = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return row.display;
    case Qt::EditRole:
    case NameRole:
        return row.name;
    case Qt::ToolTipRole:
    case Qt::AccessibleDescriptionRole:
        return row.toolTip;
    case RefRole:
        return row.ref.isValid() ? row.ref.fullName() : QString();
    case KindRole:
        return int(row.kind);
    case AvailableRole:
        return row.available;
    case ContextWindowRole:
        return row.contextWindow;
    case Qt::FontRole:
        if (row.kind == Kind::Header) {
            QFont font;
            font.setBold(true);
            return font;
        }
        return {};
    default:
        return {};
    }
}

Qt::ItemFlags ModelListModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    const Row &row = m_rows.at(index.row());
    if (row.kind == Kind::Header || !row.available)
        return Qt::NoItemFlags; // shown, but not selectable
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable;
}

int ModelListModel::rowFor(const QString &name) const
{
    for (qsizetype i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).kind != Kind::Header && m_rows.at(i).name == name)
            return int(i);
    }
    for (qsizetype i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).kind != Kind::Header && m_rows.at(i).ref.fullName() == name)
            return int(i);
    }
    return -1;
}

} // namespace cody
