// SPDX-License-Identifier: Apache-2.0
#include "ui/chat/mentioncompleter.h"

#include "context/contextfilterssource.h"
#include "ui/chat/composer.h"
#include "ui/chat/mentionpopup.h"
#include "ui/chat/mentionsearch.h"

#include <QKeyEvent>
#include <QTextBlock>

using namespace Qt::StringLiterals;

namespace cody {

namespace {

bool isPopupKey(const QKeyEvent *event)
{
    if (event->modifiers() & (Qt::ControlModifier | Qt::AltModifier | Qt::MetaModifier))
        return false;
    switch (event->key()) {
    case Qt::Key_Up:
    case Qt::Key_Down:
    case Qt::Key_Escape:
    case Qt::Key_Tab:
        return true;
    case Qt::Key_Return:
    case Qt::Key_Enter:
        return !(event->modifiers() & Qt::ShiftModifier);
    default:
        return false;
    }
}

} // namespace

MentionCompleter::MentionCompleter(Composer *composer, QObject *parent)
    : QObject(parent)
    , m_composer(composer)
    // Beside the box until it first opens, then in the box's window, over everything.
    , m_popup(new MentionPopup(composer->parentWidget() ? composer->parentWidget() : composer))
    , m_search(new MentionSearch(this))
{
    m_composer->installEventFilter(this);
    connect(m_composer, &QPlainTextEdit::textChanged, this, &MentionCompleter::update);
    connect(m_composer, &QPlainTextEdit::cursorPositionChanged, this, &MentionCompleter::update);
    connect(m_search, &MentionSearch::searching, this, [this] {
        if (isOpen())
            m_popup->setStatus(tr("Searching…"));
    });
    connect(m_search, &MentionSearch::finished, this, &MentionCompleter::showResults);
    connect(m_popup, &MentionPopup::clicked, this, &MentionCompleter::choose);
}

MentionCompleter::~MentionCompleter() = default;

void MentionCompleter::setSource(SourcegraphClient *client, ContextFiltersSource *filters)
{
    m_search->setClient(client);
    if (m_filters)
        m_filters->disconnect(this);
    m_filters = filters;
    if (filters) {
        // Filters that arrive or change while the popup is open decide its rows at once.
        connect(filters, &ContextFiltersSource::fetched, this, [this] {
            if (isOpen())
                update();
        });
    }
    if (isOpen()) {
        close();
        update();
    }
}

bool MentionCompleter::isOpen() const
{
    return m_popup->isVisible();
}

bool MentionCompleter::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_composer) {
        switch (event->type()) {
        case QEvent::ShortcutOverride:
            // Esc, Enter and Tab belong to the popup while it is open, not to the window.
            if (isOpen() && isPopupKey(static_cast<QKeyEvent *>(event))) {
                event->accept();
                return true;
            }
            break;
        case QEvent::KeyPress:
            if (handleKey(static_cast<QKeyEvent *>(event)))
                return true;
            break;
        case QEvent::FocusOut:
            if (static_cast<QFocusEvent *>(event)->reason() != Qt::PopupFocusReason)
                close();
            break;
        default:
            break;
        }
    } else if (event->type() == QEvent::Resize && isOpen()) {
        open(); // the window's size changed: place it again
    }
    return QObject::eventFilter(watched, event);
}

bool MentionCompleter::handleKey(QKeyEvent *event)
{
    if (!isOpen() || !isPopupKey(event))
        return false;
    switch (event->key()) {
    case Qt::Key_Up:
        m_popup->moveCurrent(-1);
        break;
    case Qt::Key_Down:
        m_popup->moveCurrent(1);
        break;
    case Qt::Key_Escape:
        m_dismissedAt = m_mention ? m_mention->start : -1;
        close();
        break;
    case Qt::Key_Tab:
        if (!m_popup->current())
            return false; // nothing to open: Tab moves on as usual
        enter(m_popup->currentRow());
        break;
    default: // Enter
        // Rows of an earlier search do not match what is typed now: wait for the answer.
        if (!m_search->isSearching() && m_popup->current())
            choose(m_popup->currentRow());
        break;
    }
    return true;
}

void MentionCompleter::update()
{
    const QTextCursor cursor = m_composer->textCursor();
    std::optional<MentionText> mention = cursor.hasSelection()
        ? std::nullopt
        : MentionText::at(m_composer->toPlainText(), cursor.position());
    if (!mention || mention->start != m_dismissedAt)
        m_dismissedAt = -1;
    if (!mention || m_dismissedAt >= 0) {
        close();
        return;
    }
    // Rows of another scope would mislead while the new ones are searched for.
    if (!m_mention || m_mention->inRepository != mention->inRepository
        || (mention->inRepository && m_mention->repository != mention->repository))
        m_popup->setEntries({});
    m_mention = mention;
    open();
    if (!mention->inRepository) {
        m_popup->setTitle(tr("Repositories"));
        m_popup->setHint(tr("↑↓ move · Enter adds · Tab lists its files · Esc closes"));
        m_search->findRepositories(mention->repository);
    } else {
        m_popup->setTitle(tr("Folders and files in %1").arg(mention->repository));
        m_popup->setHint(
            tr("↑↓ move · Enter adds · Tab opens · :10-20 after a file adds lines · Esc closes"));
        // While the filters are read, its paths are listed, greyed as its repository would be.
        if (const QString why = unavailable(mention->repository);
            !why.isEmpty() && m_filters && m_filters->isLoaded()) {
            m_search->cancel();
            m_popup->setEntries({});
            m_popup->setStatus(tr("%1 cannot be used: %2").arg(mention->repository, why), true);
            return;
        }
        m_search->findPaths(mention->repository, mention->path, mention->hasRange);
    }
    if (m_search->isSearching())
        m_popup->setStatus(tr("Searching…"));
    else
        showResults();
}

void MentionCompleter::open()
{
    QWidget *window = m_composer->window();
    if (m_popup->parentWidget() != window) {
        m_popup->setParent(window); // above everything in the window, not clipped by the box
        window->installEventFilter(this);
    }
    QTextCursor at(m_composer->document());
    at.setPosition(m_mention ? m_mention->start : 0);
    QRect caret = m_composer->cursorRect(at);
    caret.moveTopLeft(m_composer->viewport()->mapTo(window, caret.topLeft()));
    m_popup->show();
    m_popup->placeAt(caret);
}

void MentionCompleter::close()
{
    m_popup->hide();
    m_search->cancel();
    m_mention.reset();
}

QString MentionCompleter::unavailable(const QString &repoName) const
{
    if (!m_filters)
        return tr("the context filters are not available");
    if (!m_filters->isLoaded())
        return tr("checking the context filters…");
    QString why;
    return m_filters->isRepositoryAllowed(repoName, &why) ? QString() : why;
}

void MentionCompleter::showResults()
{
    if (!isOpen() || !m_mention || m_search->isSearching())
        return;
    const MentionText &mention = *m_mention;
    QList<MentionListModel::Entry> entries;
    for (ContextItem item : m_search->results()) {
        if (item.kind == ContextItem::Kind::RemoteFile && mention.rangeComplete()) {
            item.startLine = mention.startLine;
            item.endLine = mention.endLine;
        }
        const QString why = unavailable(item.repoName);
        entries.append({std::move(item), why});
    }
    m_popup->setEntries(entries);
    // Finding nothing is an answer; a failed search or a bad range is a problem.
    if (const Error &error = m_search->error(); error.isError())
        m_popup->setStatus(tr("Could not search the instance: %1").arg(error.message), true);
    else if (entries.isEmpty() && !mention.inRepository)
        m_popup->setStatus(tr("No repository matches \"%1\"").arg(mention.repository));
    else if (entries.isEmpty() && mention.path.isEmpty())
        m_popup->setStatus(tr("Nothing found in %1").arg(mention.repository));
    else if (entries.isEmpty())
        m_popup->setStatus(tr("No folder or file matches \"%1\"").arg(mention.path));
    else
        m_popup->setStatus(mention.rangeProblem, true);
}

void MentionCompleter::choose(int row)
{
    if (!m_mention || row < 0 || row >= m_popup->model()->rowCount())
        return;
    const MentionListModel::Entry entry = m_popup->model()->entry(row);
    if (!entry.unavailable.isEmpty())
        return; // the popup says why
    if (entry.item.kind == ContextItem::Kind::RemoteFile && m_mention->hasRange
        && !m_mention->rangeComplete()) {
        m_popup->setStatus(m_mention->rangeProblem.isEmpty()
                ? tr("Finish the line range, e.g. :10-20, or remove the last colon")
                : m_mention->rangeProblem,
            true);
        return;
    }
    replaceMention({});
    close();
    Q_EMIT chosen(entry.item);
}

void MentionCompleter::enter(int row)
{
    const MentionListModel::Entry entry = m_popup->model()->entry(row);
    if (!entry.unavailable.isEmpty())
        return;
    const ContextItem &item = entry.item;
    switch (item.kind) {
    case ContextItem::Kind::Repository:
        replaceMention(MentionText::typed(item.repoName, u""_s));
        break;
    case ContextItem::Kind::RemoteFolder:
        replaceMention(MentionText::typed(item.repoName, item.path + u'/'));
        break;
    case ContextItem::Kind::RemoteFile:
    case ContextItem::Kind::LocalFile:
        replaceMention(MentionText::typed(item.repoName, item.path));
        break;
    }
}

void MentionCompleter::replaceMention(const QString &text)
{
    if (!m_mention)
        return;
    const QString all = m_composer->toPlainText();
    int end = m_mention->end;
    // Taking a mention out takes one space with it, so that no double space is left.
    const bool spaceBefore = m_mention->start == 0 || all.at(m_mention->start - 1).isSpace();
    if (text.isEmpty() && spaceBefore && end < all.size() && all.at(end) == u' ')
        ++end;
    QTextCursor cursor = m_composer->textCursor();
    cursor.setPosition(m_mention->start);
    cursor.setPosition(end, QTextCursor::KeepAnchor);
    cursor.insertText(text);
    m_composer->setTextCursor(cursor);
}

} // namespace cody
