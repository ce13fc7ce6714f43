// SPDX-License-Identifier: Apache-2.0
#include "ui/chat/mentionpopup.h"

#include "ui/chat/mentiondelegate.h"
#include "ui/common/accessible.h"

#include <QAccessible>
#include <QLabel>
#include <QListView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace cody {

MentionPopup::MentionPopup(QWidget *parent)
    : QFrame(parent)
    , m_model(new MentionListModel(this))
    , m_title(new QLabel(this))
    , m_view(accessible(new QListView(this), u"mentionList"_s, tr("Mention suggestions"),
          tr("Up and Down choose, Enter adds it to the message, Tab opens a repository or "
             "folder, Esc closes")))
    , m_status(new QLabel(this))
    , m_hint(new QLabel(this))
{
    setObjectName(u"mentionPopup"_s);
    setAccessibleName(tr("Mention popup"));
    setAccessibleDescription(tr("Repositories, folders and files to add to the message"));
    setFocusPolicy(Qt::NoFocus);
    setAutoFillBackground(true);
    // Rounded, with a hairline border from the palette, so that it reads in light and dark.
    setStyleSheet(u"#mentionPopup { background: palette(base); border: 1px solid palette(mid);"
                  " border-radius: 8px; }"
                  " #mentionPopup QListView { background: transparent; border: none; }"
                  " #mentionPopup QLabel { background: transparent; }"_s);

    m_title->setObjectName(u"mentionTitle"_s);
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 0.88);
    m_title->setFont(titleFont);
    m_title->setForegroundRole(QPalette::PlaceholderText);
    m_title->setTextFormat(Qt::PlainText);

    m_view->setModel(m_model);
    m_view->setItemDelegate(new MentionDelegate(m_view));
    m_view->setFocusPolicy(Qt::NoFocus);
    m_view->setSelectionMode(QAbstractItemView::NoSelection);
    m_view->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_view->setUniformItemSizes(true);
    m_view->setMouseTracking(true);
    m_view->viewport()->setAutoFillBackground(false);
    connect(m_view, &QListView::entered, this,
        [this](const QModelIndex &index) { setCurrentRow(index.row()); });
    connect(m_view, &QListView::clicked, this,
        [this](const QModelIndex &index) { Q_EMIT clicked(index.row()); });

    m_status->setObjectName(u"mentionStatus"_s);
    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::PlainText);
    m_status->setAccessibleName(tr("Mention status"));
    m_status->hide();

    m_hint->setObjectName(u"mentionHint"_s);
    QFont hintFont = m_hint->font();
    hintFont.setPointSizeF(hintFont.pointSizeF() * 0.82);
    m_hint->setFont(hintFont);
    m_hint->setForegroundRole(QPalette::PlaceholderText);
    m_hint->setTextFormat(Qt::PlainText);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->setSpacing(4);
    layout->addWidget(m_title);
    layout->addWidget(m_view);
    layout->addWidget(m_status);
    layout->addWidget(m_hint);
    m_title->setContentsMargins(6, 0, 6, 0);
    m_status->setContentsMargins(6, 0, 6, 0);
    m_hint->setContentsMargins(6, 2, 6, 0);
    hide();
}

void MentionPopup::setTitle(const QString &title)
{
    m_title->setText(title);
}

QString MentionPopup::title() const
{
    return m_title->text();
}

void MentionPopup::setEntries(const QList<MentionListModel::Entry> &entries)
{
    m_model->setEntries(entries);
    const auto available = std::find_if(entries.cbegin(), entries.cend(),
        [](const MentionListModel::Entry &entry) { return entry.unavailable.isEmpty(); });
    const int rows = int(entries.size());
    m_view->setVisible(rows > 0);
    if (rows > 0) {
        const int visible = std::min(rows, MaxVisibleRows);
        m_view->setFixedHeight(visible * m_view->sizeHintForRow(0) + 2 * m_view->frameWidth());
        setCurrentRow(available == entries.cend() ? 0 : int(available - entries.cbegin()));
    }
    showStatus();
}

void MentionPopup::setStatus(const QString &text, bool problem)
{
    m_statusText = text;
    m_problem = problem;
    showStatus();
}

QString MentionPopup::statusText() const
{
    return m_status->isHidden() ? QString() : m_status->text();
}

void MentionPopup::setHint(const QString &hint)
{
    m_hint->setText(hint);
}

int MentionPopup::currentRow() const
{
    const QModelIndex index = m_view->currentIndex();
    return index.isValid() ? index.row() : -1;
}

const MentionListModel::Entry *MentionPopup::current() const
{
    const int row = currentRow();
    return row >= 0 && row < m_model->rowCount() ? &m_model->entry(row) : nullptr;
}

void MentionPopup::moveCurrent(int steps)
{
    const int rows = m_model->rowCount();
    if (rows == 0)
        return;
    const int row = currentRow() < 0 ? 0 : currentRow() + steps;
    setCurrentRow(((row % rows) + rows) % rows);
}

void MentionPopup::setCurrentRow(int row)
{
    // NoUpdate: a row that cannot be added cannot be selected, but it can be current.
    m_view->selectionModel()->setCurrentIndex(m_model->index(row), QItemSelectionModel::NoUpdate);
    m_view->scrollTo(m_model->index(row));
    m_view->viewport()->update();
    showStatus();
    // The keyboard stays in the message box: tell a screen reader which row is current, as the
    // list would if it had the focus.
    if (QAccessible::isActive() && isVisible()) {
        QAccessibleEvent event(m_view, QAccessible::Focus);
        event.setChild(row);
        QAccessible::updateAccessibility(&event);
    }
}

void MentionPopup::showStatus()
{
    QString text = m_statusText;
    bool problem = m_problem;
    if (text.isEmpty()) {
        if (const MentionListModel::Entry *entry = current();
            entry && !entry->unavailable.isEmpty()) {
            text = tr("%1 cannot be added: %2")
                       .arg(MentionListModel::label(entry->item), entry->unavailable);
            problem = true;
        }
    }
    m_status->setText(text);
    m_status->setAccessibleDescription(text);
    // A problem reads in the text colour, anything else is muted like the hint.
    m_status->setForegroundRole(problem ? QPalette::Text : QPalette::PlaceholderText);
    m_status->setVisible(!text.isEmpty());
    if (isVisible())
        placeAt(m_caret);
}

void MentionPopup::placeAt(const QRect &caret)
{
    m_caret = caret;
    const QWidget *area = parentWidget();
    if (!area)
        return;
    const int margin = 8;
    const int width = std::min(PreferredWidth, area->width() - 2 * margin);
    layout()->activate();
    const int height = heightForWidth(width) > 0 ? heightForWidth(width) : sizeHint().height();
    const int x
        = std::clamp(caret.left() - 12, margin, std::max(margin, area->width() - width - margin));
    int y = caret.top() - height - 4;
    if (y < margin)
        y = std::min(caret.bottom() + 4, area->height() - height - margin);
    setGeometry(x, std::max(0, y), width, height);
    raise();
}

} // namespace cody
