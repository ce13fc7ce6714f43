// SPDX-License-Identifier: Apache-2.0
#include "ui/chat/contextchips.h"

#include "ui/common/accessible.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QToolButton>

using namespace Qt::StringLiterals;

namespace cody {

namespace {

bool sameItem(const ContextItem &a, const ContextItem &b)
{
    return a.kind == b.kind && a.repoName == b.repoName && a.path == b.path
        && a.startLine == b.startLine && a.endLine == b.endLine;
}

QString kindText(ContextItem::Kind kind)
{
    switch (kind) {
    case ContextItem::Kind::Repository:
        return ContextChips::tr("repository");
    case ContextItem::Kind::RemoteFolder:
        return ContextChips::tr("folder");
    case ContextItem::Kind::RemoteFile:
        return ContextChips::tr("file");
    case ContextItem::Kind::LocalFile:
        return ContextChips::tr("local file");
    }
    return {};
}

} // namespace

ContextChips::ContextChips(QWidget *parent)
    : QWidget(parent)
    , m_layout(new QHBoxLayout(this))
{
    m_layout->setContentsMargins(0, 0, 0, 0);
    m_layout->addStretch(1);
    hide();
}

QString ContextChips::chipText(const ContextItem &item)
{
    QString name = item.displayName();
    if (item.kind == ContextItem::Kind::RemoteFile && !item.repoName.isEmpty())
        name = item.repoName + u'/' + name;
    if (item.tokens <= 0)
        return name;
    return tr("%1 · about %L2 tokens").arg(name).arg(item.tokens);
}

void ContextChips::setItems(const QList<ContextItem> &items)
{
    m_items = items;
    rebuild();
}

void ContextChips::addItem(const ContextItem &item)
{
    for (const ContextItem &existing : std::as_const(m_items)) {
        if (sameItem(existing, item))
            return;
    }
    m_items.append(item);
    rebuild();
    Q_EMIT itemsChanged(m_items);
}

void ContextChips::removeAt(int index)
{
    if (index < 0 || index >= m_items.size())
        return;
    m_items.removeAt(index);
    rebuild();
    Q_EMIT itemsChanged(m_items);
    // Keep the keyboard where it was: on the chip that took this one's place, or the last.
    if (!m_items.isEmpty())
        m_layout->itemAt(int(qMin<qsizetype>(index, m_items.size() - 1)))->widget()->setFocus();
}

void ContextChips::setMeasured(const QList<ContextItem> &measured)
{
    if (measured.size() != m_items.size())
        return;
    for (qsizetype i = 0; i < m_items.size(); ++i) {
        m_items[i].tokens = measured.at(i).tokens;
        m_items[i].omittedReason = measured.at(i).omittedReason;
    }
    rebuild();
}

void ContextChips::rebuild()
{
    while (m_layout->count() > 1) { // the stretch stays last
        QLayoutItem *entry = m_layout->takeAt(0);
        delete entry->widget();
        delete entry;
    }
    for (qsizetype i = 0; i < m_items.size(); ++i) {
        const ContextItem &item = m_items.at(i);
        auto *chip = accessible(new QToolButton(this), u"contextChip%1"_s.arg(i),
            tr("%1 %2").arg(kindText(item.kind), item.displayName()),
            item.omittedReason.isEmpty()
                ? tr("Sent with the message; Delete removes it")
                : tr("Would be left out: %1; Delete removes it").arg(item.omittedReason));
        chip->setText(chipText(item) + u"  ×"_s);
        chip->setToolTip(item.omittedReason.isEmpty()
                ? chip->accessibleDescription()
                : tr("Would be left out: %1").arg(item.omittedReason));
        chip->setFocusPolicy(Qt::StrongFocus);
        // A chip that would be left out looks it, before anything is sent.
        chip->setProperty("leftOut", !item.omittedReason.isEmpty());
        if (!item.omittedReason.isEmpty())
            chip->setStyleSheet(u"QToolButton { text-decoration: line-through; }"_s);
        chip->installEventFilter(this);
        connect(
            chip, &QToolButton::clicked, this, [this, chip] { removeAt(m_layout->indexOf(chip)); });
        m_layout->insertWidget(int(i), chip);
    }
    setVisible(!m_items.isEmpty());
}

bool ContextChips::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::KeyPress) {
        const int key = static_cast<QKeyEvent *>(event)->key();
        if (key == Qt::Key_Delete || key == Qt::Key_Backspace) {
            if (auto *chip = qobject_cast<QWidget *>(watched)) {
                removeAt(m_layout->indexOf(chip));
                return true;
            }
        }
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace cody
