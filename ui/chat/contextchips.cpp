// SPDX-License-Identifier: Apache-2.0
#include "ui/chat/contextchips.h"

#include "ui/chat/flowlayout.h"

#include <QEvent>
#include <QKeyEvent>
#include <QStyle>
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

/// What a chip names in full: a file with its repository, a folder, a repository.
QString chipName(const ContextItem &item)
{
    if (item.kind == ContextItem::Kind::RemoteFile && !item.repoName.isEmpty())
        return item.repoName + u'/' + item.displayName();
    return item.displayName();
}

/// What a chip shows: the path in its repository (with the lines), or the repository.
QString shortName(const ContextItem &item)
{
    if (item.kind == ContextItem::Kind::RemoteFolder)
        return item.path + u'/';
    return item.displayName();
}

QString withTokens(const QString &name, qint64 tokens)
{
    return tokens <= 0 ? name : ContextChips::tr("%1 · about %L2 tokens").arg(name).arg(tokens);
}

} // namespace

ContextChips::ContextChips(QWidget *parent)
    : QWidget(parent)
    , m_layout(new FlowLayout(this))
{
    m_layout->setContentsMargins(0, 0, 0, 0);
    // Wrapped onto more lines as they grow, never widening the window.
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Preferred);
    // Pills, coloured by the palette so that they read in light and dark themes.
    // One that would be left out has a warning outline and sign, readable rather than struck
    // through; the keyboard's focus ring still wins.
    setStyleSheet(
        u"QToolButton { border: 1px solid palette(mid); border-radius: 11px;"
        " padding: 2px 9px; background: palette(alternate-base); color: palette(text); }"
        " QToolButton[leftOut=\"true\"] { border: 1px solid #d9534f; }"
        " QToolButton:hover { border-color: palette(highlight); }"
        " QToolButton:focus { border: 2px solid palette(highlight); padding: 1px 8px; }"_s);
    hide();
}

QString ContextChips::chipText(const ContextItem &item)
{
    return withTokens(chipName(item), item.tokens);
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
        // In place: the chip with the keyboard keeps it while the user works through them.
        if (QLayoutItem *entry = m_layout->itemAt(int(i)))
            decorate(static_cast<QToolButton *>(entry->widget()), m_items.at(i));
    }
}

void ContextChips::decorate(QToolButton *chip, const ContextItem &item)
{
    const bool leftOut = !item.omittedReason.isEmpty();
    QString description;
    if (leftOut)
        description = tr("Would be left out: %1").arg(item.omittedReason);
    else if (item.kind == ContextItem::Kind::Repository
        || item.kind == ContextItem::Kind::RemoteFolder)
        description = tr("Searched for what your message asks when it is sent");
    else if (item.tokens <= 0)
        description = tr("Sent with the message; its size is known once it is fetched");
    else
        description = tr("Sent with the message");
    chip->setAccessibleName(tr("%1 %2").arg(kindText(item.kind), item.displayName()));
    chip->setAccessibleDescription(tr("%1; Delete removes it").arg(description));
    // Compact, as chat apps' chips are: the path in the repository, a long one keeping its end
    // (the file and its lines) in view; the tooltip and the accessible name have all of it.
    const QString name
        = chip->fontMetrics().elidedText(shortName(item), Qt::ElideMiddle, MaxNameWidth);
    chip->setText((leftOut ? u"⚠ "_s : QString()) + withTokens(name, item.tokens) + u"  ×"_s);
    chip->setToolTip(chipText(item) + u'\n' + description);
    // A chip that would be left out looks it, before anything is sent.
    if (chip->property("leftOut").toBool() != leftOut) {
        chip->setProperty("leftOut", leftOut);
        chip->style()->unpolish(chip);
        chip->style()->polish(chip);
    }
}

void ContextChips::rebuild()
{
    while (m_layout->count() > 0) {
        QLayoutItem *entry = m_layout->takeAt(0);
        delete entry->widget();
        delete entry;
    }
    for (qsizetype i = 0; i < m_items.size(); ++i) {
        auto *chip = new QToolButton(this);
        chip->setObjectName(u"contextChip%1"_s.arg(i));
        chip->setFocusPolicy(Qt::StrongFocus);
        chip->setProperty("leftOut", false);
        decorate(chip, m_items.at(i));
        chip->installEventFilter(this);
        connect(
            chip, &QToolButton::clicked, this, [this, chip] { removeAt(m_layout->indexOf(chip)); });
        m_layout->insertWidget(int(i), chip);
        chip->show(); // now, not once the event loop runs: the keyboard may go there next
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
