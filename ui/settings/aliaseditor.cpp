// SPDX-License-Identifier: Apache-2.0
#include "ui/settings/aliaseditor.h"

#include "cody/modelaliases.h"
#include "ui/settings/settingsstyle.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSettings>
#include <QTableWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace cody {

namespace {

const QString Group = u"aliases"_s; // read by ModelAliases::loadUserAliases()

QString cellText(const QTableWidget *table, int row, int column)
{
    const QTableWidgetItem *item = table->item(row, column);
    return item ? item->text().trimmed() : QString();
}

} // namespace

AliasEditor::AliasEditor(QWidget *parent)
    : QWidget(parent)
    , m_table(new QTableWidget(0, 2, this))
    , m_add(new QPushButton(tr("A&dd alias"), this))
    , m_remove(new QPushButton(tr("&Remove alias"), this))
    , m_message(SettingsStyle::statusLabel(u"aliasMessage"_s, this))
{
    m_table->setObjectName(u"aliases"_s);
    m_table->setAccessibleName(tr("Model aliases"));
    m_table->setAccessibleDescription(
        tr("Lists short names for models, each with the cody/… model it stands for"));
    m_table->setToolTip(tr("Short names for models: an alias and the cody/… model it stands for"));
    m_table->setHorizontalHeaderLabels({tr("Alias"), tr("Model")});
    m_table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Interactive);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setColumnWidth(0, fontMetrics().horizontalAdvance(u"cody-sonnet-fast"_s) + 16);
    m_table->verticalHeader()->hide();
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    // Tab moves on to the buttons instead of walking every cell.
    m_table->setTabKeyNavigation(false);
    m_table->setEditTriggers(QAbstractItemView::AllEditTriggers);

    m_add->setObjectName(u"addAlias"_s);
    m_add->setAccessibleName(tr("Add alias"));
    m_add->setAccessibleDescription(tr("Adds an empty row to the alias table and edits it"));
    m_remove->setObjectName(u"removeAlias"_s);
    m_remove->setAccessibleName(tr("Remove alias"));
    m_remove->setAccessibleDescription(tr("Removes the selected row from the alias table"));
    m_remove->setToolTip(tr("Remove the selected alias"));

    auto *hint = new QLabel(tr("For example fast → cody/anthropic::2023-06-01::claude-3-haiku. An "
                               "alias may not replace a built-in one (%1).")
                                .arg(ModelAliases().aliasNames()),
        this);
    hint->setWordWrap(true);
    SettingsStyle::setTone(hint, SettingsStyle::Tone::Note);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_add);
    buttons->addWidget(m_remove);
    buttons->addStretch(1);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_table, 1);
    layout->addLayout(buttons);
    layout->addWidget(m_message);
    layout->addWidget(hint);

    connect(m_add, &QPushButton::clicked, this, [this] { addRow(); });
    connect(m_remove, &QPushButton::clicked, this, [this] {
        const int row = m_table->currentRow();
        if (row >= 0)
            m_table->removeRow(row);
        m_message->hide();
    });
    connect(m_table, &QTableWidget::itemChanged, m_message, &QLabel::hide);
    const auto updateRemove = [this] { m_remove->setEnabled(m_table->currentRow() >= 0); };
    connect(m_table, &QTableWidget::currentCellChanged, this, updateRemove);
    updateRemove();
}

void AliasEditor::load(QSettings &settings)
{
    QList<Entry> entries;
    settings.beginGroup(Group);
    const auto keys = settings.childKeys();
    for (const QString &key : keys) {
        // QSettings reads "a, b" as a list; ModelAliases joins it back the same way.
        const QVariant value = settings.value(key);
        entries.append({key,
            value.metaType().id() == QMetaType::QStringList ? value.toStringList().join(u", "_s)
                                                            : value.toString()});
    }
    settings.endGroup();
    setEntries(entries);
}

QList<AliasEditor::Entry> AliasEditor::entries() const
{
    QList<Entry> entries;
    for (int row = 0; row < m_table->rowCount(); ++row) {
        Entry entry {cellText(m_table, row, 0), cellText(m_table, row, 1)};
        if (!entry.first.isEmpty() || !entry.second.isEmpty())
            entries.append(entry);
    }
    return entries;
}

void AliasEditor::setEntries(const QList<Entry> &entries)
{
    m_table->setRowCount(0);
    for (const auto &[name, target] : entries) {
        const int row = m_table->rowCount();
        m_table->insertRow(row);
        m_table->setItem(row, 0, new QTableWidgetItem(name));
        m_table->setItem(row, 1, new QTableWidgetItem(target));
    }
    m_message->hide();
}

void AliasEditor::addRow(const QString &name, const QString &target)
{
    const int row = m_table->rowCount();
    m_table->insertRow(row);
    m_table->setItem(row, 0, new QTableWidgetItem(name));
    m_table->setItem(row, 1, new QTableWidgetItem(target));
    m_table->setCurrentCell(row, 0);
    m_table->setFocus();
    m_table->editItem(m_table->item(row, 0));
}

bool AliasEditor::validate()
{
    QStringList names;
    for (int row = 0; row < m_table->rowCount(); ++row)
        names.append(cellText(m_table, row, 0));
    ModelAliases aliases;
    for (int row = 0; row < m_table->rowCount(); ++row) {
        const QString name = cellText(m_table, row, 0);
        const QString target = cellText(m_table, row, 1);
        if (name.isEmpty() && target.isEmpty())
            continue;
        if (name.isEmpty()) {
            showProblem(row, 0, tr("Row %1: the alias needs a name.").arg(row + 1));
            return false;
        }
        const QString label = tr("Alias “%1”").arg(name);
        if (target.isEmpty()) {
            showProblem(row, 1, tr("%1: enter the model it stands for.").arg(label));
            return false;
        }
        if (names.mid(0, row).contains(name, Qt::CaseInsensitive)) {
            showProblem(row, 0, tr("%1 is listed twice.").arg(label));
            return false;
        }
        // addUserAlias() only knows the rows above; a target naming any row is a chain.
        if (names.contains(target, Qt::CaseInsensitive)) {
            showProblem(row, 1,
                tr("%1: its target “%2” is itself an alias, and aliases cannot point at other "
                   "aliases.")
                    .arg(label, target));
            return false;
        }
        QString problem;
        if (!aliases.addUserAlias(name, target, &problem)) {
            while (problem.endsWith(u'.'))
                problem.chop(1);
            // Point at the cell at fault: the target's problems say "target".
            const int column = problem.contains("target"_L1) ? 1 : 0;
            showProblem(row, column, tr("%1: %2.").arg(label, problem));
            return false;
        }
    }
    m_message->hide();
    return true;
}

void AliasEditor::showProblem(int row, int column, const QString &problem)
{
    SettingsStyle::showStatus(m_message, problem, SettingsStyle::Tone::Error);
    m_table->setCurrentCell(row, column);
    m_table->scrollToItem(m_table->item(row, column));
}

void AliasEditor::save(QSettings &settings) const
{
    settings.beginGroup(Group);
    settings.remove(QString()); // the whole group: removed rows must go too
    for (const auto &[name, target] : entries())
        settings.setValue(name, target);
    settings.endGroup();
}

} // namespace cody
