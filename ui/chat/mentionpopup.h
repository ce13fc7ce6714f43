// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "ui/chat/mentionlistmodel.h"

#include <QFrame>

class QLabel;
class QListView;

namespace cody {

/**
 * @brief The list the @-mention popup shows above the caret: a title, the repositories or paths
 * on offer (those that cannot be added greyed, with the reason), a line for what is going on
 * (searching, nothing found, an error) and the keys.
 *
 * It never takes the focus: the message box keeps it and moves the current row (moveCurrent()),
 * as chat apps' mention lists do; a click on a row is clicked().
 */
class MentionPopup final : public QFrame
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MentionPopup)

public:
    static constexpr int MaxVisibleRows = 8;
    static constexpr int PreferredWidth = 480;

    explicit MentionPopup(QWidget *parent = nullptr);

    void setTitle(const QString &title);
    QString title() const;
    /// Replaces the rows; the first that can be added becomes current (else the first).
    void setEntries(const QList<MentionListModel::Entry> &entries);
    /// The line under the rows ("Searching…", "No repository matches", an error); empty hides
    /// it, unless the current row cannot be added: then it says why.
    void setStatus(const QString &text, bool problem = false);
    /// The line shown now (a status, or why the current row cannot be added).
    QString statusText() const;
    void setHint(const QString &hint);

    MentionListModel *model() const { return m_model; }
    QListView *view() const { return m_view; }
    int currentRow() const;
    /// The row under the keyboard, or null when there are none.
    const MentionListModel::Entry *current() const;
    /// Moves the current row by `steps`, wrapping around.
    void moveCurrent(int steps);
    /// Above `caret` (a rectangle in the parent's coordinates), or below it when there is no
    /// room above, kept inside the parent.
    void placeAt(const QRect &caret);

Q_SIGNALS:
    void clicked(int row);

private:
    void setCurrentRow(int row);
    void showStatus();

    MentionListModel *m_model;
    QLabel *m_title;
    QListView *m_view;
    QLabel *m_status;
    QLabel *m_hint;
    QString m_statusText;
    bool m_problem = false;
    QRect m_caret;
};

} // namespace cody
