// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QList>
#include <QWidget>

#include <utility>

class QLabel;
class QPushButton;
class QSettings;
class QTableWidget;

namespace cody {

/**
 * @brief The user's model aliases (name → target) in the settings dialog, checked with
 * ModelAliases::addUserAlias() before saving, the problem shown under the table.
 */
class AliasEditor final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AliasEditor)

public:
    using Entry = std::pair<QString, QString>; ///< name, target

    explicit AliasEditor(QWidget *parent = nullptr);

    /// Shows the `aliases` group as saved, rejected entries included so they can be fixed.
    void load(QSettings &settings);
    /// The rows with something in them, spaces around removed.
    QList<Entry> entries() const;
    void setEntries(const QList<Entry> &entries);
    /// Adds a row and starts editing its name.
    void addRow(const QString &name = {}, const QString &target = {});

    /// True when every row would be accepted; otherwise selects the first bad row and says why.
    bool validate();
    /// Replaces the `aliases` group with entries(); call after validate().
    void save(QSettings &settings) const;

    QTableWidget *table() const { return m_table; }
    QPushButton *addButton() const { return m_add; }
    QPushButton *removeButton() const { return m_remove; }

private:
    void showProblem(int row, int column, const QString &problem);

    QTableWidget *m_table;
    QPushButton *m_add;
    QPushButton *m_remove;
    QLabel *m_message;
};

} // namespace cody
