// SPDX-License-Identifier: Apache-2.0
#include "ui/chat/chatview.h"

#include "chat/messagemodel.h"
#include "ui/chat/contextblock.h"

#include <QAbstractTextDocumentLayout>
#include <QApplication>
#include <QClipboard>
#include <QContextMenuEvent>
#include <QDesktopServices>
#include <QMenu>
#include <QRegularExpression>
#include <QScrollBar>
#include <QTextFrame>

using namespace Qt::StringLiterals;

namespace cody {

namespace {

QString escapedParagraphs(const QString &text)
{
    return u"<p style=\"white-space: pre-wrap;\">"_s + text.toHtmlEscaped() + u"</p>"_s;
}

} // namespace

ChatView::ChatView(QWidget *parent)
    : QTextBrowser(parent)
    , m_renderer(isDark())
{
    setOpenLinks(false);
    setOpenExternalLinks(false);
    setUndoRedoEnabled(false);
    setObjectName(u"chatView"_s);
    setAccessibleName(tr("Conversation"));
    setAccessibleDescription(
        tr("Shows the messages of the open conversation; Tab moves between its links"));
    document()->setDocumentMargin(12);
    m_updateTimer.setSingleShot(true);
    m_updateTimer.setInterval(UpdateIntervalMs);
    connect(&m_updateTimer, &QTimer::timeout, this, &ChatView::flushPending);
    connect(this, &QTextBrowser::anchorClicked, this, &ChatView::onAnchorClicked);
    // The document lays out lazily, so the scroll range grows after a redraw: follow it there.
    QScrollBar *bar = verticalScrollBar();
    connect(bar, &QScrollBar::valueChanged, this,
        [this, bar](int value) { m_followBottom = value >= bar->maximum() - 4; });
    connect(bar, &QScrollBar::rangeChanged, this, [this, bar](int, int maximum) {
        if (m_followBottom)
            bar->setValue(maximum);
    });
}

bool ChatView::isDark() const
{
    return palette().color(QPalette::Base).lightness() < 128;
}

void ChatView::setModel(MessageModel *model)
{
    if (m_model)
        m_model->disconnect(this);
    m_model = model;
    connect(model, &QAbstractItemModel::rowsInserted, this,
        [this](const QModelIndex &, int first, int last) { onRowsInserted(first, last); });
    connect(model, &QAbstractItemModel::dataChanged, this, &ChatView::onDataChanged);
    connect(model, &QAbstractItemModel::rowsRemoved, this, &ChatView::rebuild);
    connect(model, &QAbstractItemModel::modelReset, this, &ChatView::rebuild);
    rebuild();
}

void ChatView::setPlaceholder(const QString &html)
{
    m_placeholder = html;
    if (!m_model || m_model->rowCount() == 0)
        rebuild();
}

void ChatView::setInstanceUrl(const QUrl &url)
{
    if (url == m_instance)
        return;
    m_instance = url;
    // Which context items link depends on it: only the prompts with context are redrawn.
    for (int row = 0; m_model && row < m_frames.size(); ++row) {
        if (!m_model->message(row).context.isEmpty())
            scheduleRender(row);
    }
}

void ChatView::changeEvent(QEvent *event)
{
    QTextBrowser::changeEvent(event);
    if (event->type() == QEvent::PaletteChange) {
        m_renderer = MarkdownRenderer(isDark());
        rebuild();
    }
}

void ChatView::rebuild()
{
    m_pending.clear();
    // Rows removed (an edit, a new conversation): nothing of theirs stays open for the next.
    const int rows = m_model ? m_model->rowCount() : 0;
    m_expandedContext.removeIf([rows](int row) { return row >= rows; });
    m_frames.clear();
    m_group = nullptr;
    m_groupSize = 0;
    m_codeBlocks.clear();
    document()->clear();
    if (!m_model || m_model->rowCount() == 0) {
        setHtml(m_placeholder);
        return;
    }
    onRowsInserted(0, m_model->rowCount() - 1);
}

void ChatView::onRowsInserted(int first, int last)
{
    if (m_frames.isEmpty())
        document()->clear(); // drop the placeholder
    // The message before is no longer the last: a Continue link on it goes.
    if (first > 0 && first - 1 < m_frames.size()
        && m_model->index(first - 1).data(MessageModel::ContinuableRole).toBool())
        scheduleRender(first - 1);
    // One edit block for all the rows: QTextDocument re-scans its whole frame tree at the end of
    // every edit, so inserting frame after frame one edit at a time is quadratic.
    QTextCursor batch(document());
    batch.beginEditBlock();
    // Rows are only ever appended (a removal rebuilds), so the frames go at the end.
    for (int row = first; row <= last; ++row) {
        if (!m_group || m_groupSize == MessagesPerGroup)
            startGroup();
        QTextCursor cursor = m_group->lastCursorPosition();
        ++m_groupSize;
        QTextFrameFormat format;
        format.setTopMargin(4);
        format.setBottomMargin(4);
        format.setPadding(8);
        const auto speaker
            = ChatMessage::Speaker(m_model->index(row).data(MessageModel::SpeakerRole).toInt());
        if (speaker == ChatMessage::Speaker::Human)
            format.setBackground(palette().alternateBase());
        m_frames.append(cursor.insertFrame(format));
        m_codeBlocks.append(QStringList());
        renderRow(row);
    }
    batch.endEditBlock();
}

void ChatView::startGroup()
{
    // A frame keeps an empty block before and after its children: both would add a line
    // between two groups, where two messages have one (the root frame's block between them).
    QTextBlockFormat flat;
    flat.setLineHeight(0, QTextBlockFormat::FixedHeight);
    if (m_group) // full: nothing more goes in after its last message
        QTextCursor(m_group->lastCursorPosition()).setBlockFormat(flat);
    QTextCursor cursor(document());
    cursor.movePosition(QTextCursor::End);
    QTextFrameFormat invisible;
    invisible.setMargin(0);
    invisible.setPadding(0);
    invisible.setBorder(0);
    m_group = cursor.insertFrame(invisible);
    m_groupSize = 0;
    // Messages go in at the end, so this block stays first.
    QTextCursor(m_group->firstCursorPosition()).setBlockFormat(flat);
}

void ChatView::onDataChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight)
{
    for (int row = topLeft.row(); row <= bottomRight.row(); ++row)
        scheduleRender(row);
}

void ChatView::scheduleRender(int row)
{
    m_pending.insert(row);
    // Coalesce: however fast text arrives, redraw at most once per interval.
    if (!m_updateTimer.isActive())
        m_updateTimer.start();
}

void ChatView::flushPending()
{
    const QSet<int> rows = std::exchange(m_pending, {});
    for (const int row : rows) {
        if (row < m_frames.size())
            renderRow(row);
    }
}

void ChatView::renderRow(int row)
{
    QScrollBar *bar = verticalScrollBar();
    const bool followBottom = m_followBottom;
    const int position = bar->value();

    QTextFrame *frame = m_frames.at(row);
    QTextCursor cursor = frame->firstCursorPosition();
    cursor.setPosition(frame->lastPosition(), QTextCursor::KeepAnchor);
    cursor.insertHtml(htmlFor(row));
    ++m_renderCount;

    m_followBottom = followBottom; // replacing the text must not count as the reader scrolling
    bar->setValue(followBottom ? bar->maximum() : position);
}

QString ChatView::htmlFor(int row)
{
    const QModelIndex index = m_model->index(row);
    const auto speaker = ChatMessage::Speaker(index.data(MessageModel::SpeakerRole).toInt());
    const auto state = MessageModel::State(index.data(MessageModel::StateRole).toInt());
    const QString text = index.data(MessageModel::TextRole).toString();
    const QString muted = palette().color(QPalette::PlaceholderText).name();

    QString html;
    if (speaker == ChatMessage::Speaker::Human) {
        html += u"<p><b>%1</b></p>"_s.arg(tr("You"));
        html += escapedParagraphs(text);
        // Only this message's own context: redrawing a row stays O(message).
        const MessageModel::Message &message = m_model->message(row);
        html += ContextBlock::html({row, message.context, message.unreadableContextItems,
            m_expandedContext.contains(row), m_instance, muted});
    } else {
        const QString model = index.data(MessageModel::ModelRole).toString();
        html += u"<p><b>%1</b> <span style=\"color:%2;\">%3</span></p>"_s.arg(
            tr("Cody"), muted, model.toHtmlEscaped());
        const QString switched = modelChangeBefore(row);
        if (!switched.isEmpty())
            html += u"<p style=\"color:%1;\"><i>%2</i></p>"_s.arg(muted, switched.toHtmlEscaped());
        const QString notice = index.data(MessageModel::NoticeRole).toString();
        if (!notice.isEmpty())
            html += u"<p style=\"color:%1;\"><i>%2</i></p>"_s.arg(muted, notice.toHtmlEscaped());
        const auto rendered = m_renderer.render(text);
        m_codeBlocks[row] = rendered.codeBlocks;
        // Copy links name their message too, so one handler serves the whole view. Model text
        // cannot forge this: its HTML is escaped by the renderer.
        static const QRegularExpression copyCode(u"href=\"cody-copy-code:"_s);
        QString body = rendered.html;
        body.replace(copyCode, u"href=\"cody-copy-code:%1-"_s.arg(row));
        if (text.isEmpty() && state == MessageModel::State::Streaming)
            body = u"<p style=\"color:%1;\"><i>%2</i></p>"_s.arg(
                muted, tr("Waiting for the reply…"));
        html += body;
    }

    QStringList footer;
    const bool last = row == m_model->rowCount() - 1;
    if (state == MessageModel::State::Failed) {
        html += u"<p style=\"color:#d32f2f;\">⚠ %1</p>"_s.arg(
            index.data(MessageModel::ErrorRole).toString().toHtmlEscaped());
        footer.append(u"<a href=\"cody-retry:\">%1</a>"_s.arg(tr("Retry")));
    } else if (state == MessageModel::State::Cancelled) {
        footer.append(u"<span style=\"color:%1;\">%2</span>"_s.arg(muted, tr("Stopped.")));
        footer.append(u"<a href=\"cody-retry:\">%1</a>"_s.arg(tr("Retry")));
    }
    // Only the last reply can be continued: a later turn already built on the earlier ones.
    if (last && index.data(MessageModel::ContinuableRole).toBool())
        footer.append(u"<a href=\"cody-continue:\">%1</a>"_s.arg(tr("Continue")));
    const QString details = index.data(MessageModel::DetailsRole).toString();
    if (!details.isEmpty())
        footer.append(u"<span style=\"color:%1;\">%2</span>"_s.arg(muted, details.toHtmlEscaped()));
    if (state != MessageModel::State::Streaming && !text.isEmpty())
        footer.append(
            u"<a href=\"cody-copy-message:%1\">%2</a>"_s.arg(row).arg(tr("Copy as Markdown")));
    if (speaker == ChatMessage::Speaker::Human)
        footer.append(u"<a href=\"cody-edit:%1\">%2</a>"_s.arg(row).arg(tr("Edit")));
    if (hasSentRequest(row))
        footer.append(u"<a href=\"cody-sent:%1\">%2</a>"_s.arg(row).arg(tr("What was sent")));
    if (!footer.isEmpty())
        html += u"<p style=\"font-size:small;\">"_s + footer.join(u" &nbsp;·&nbsp; "_s) + u"</p>"_s;
    return html;
}

QString ChatView::modelChangeBefore(int row) const
{
    const QString model = m_model->index(row).data(MessageModel::ModelRole).toString();
    for (int earlier = row - 1; earlier >= 0; --earlier) {
        const QModelIndex index = m_model->index(earlier);
        if (ChatMessage::Speaker(index.data(MessageModel::SpeakerRole).toInt())
            != ChatMessage::Speaker::Assistant)
            continue;
        const QString before = index.data(MessageModel::ModelRole).toString();
        if (before.isEmpty() || model.isEmpty() || before == model)
            return {};
        return tr("Model changed from %1 to %2").arg(before, model);
    }
    return {};
}

bool ChatView::showStoredMessage(qint64 storedId, const QString &match)
{
    const int row = m_model ? m_model->rowForStoredId(storedId) : -1;
    if (row < 0 || row >= m_frames.size())
        return false;
    flushPending();
    QTextFrame *frame = m_frames.at(row);
    QTextCursor cursor(frame->firstCursorPosition());
    if (!match.isEmpty()) {
        const QTextCursor found = document()->find(match, cursor);
        if (!found.isNull() && found.selectionEnd() <= frame->lastPosition())
            cursor = found;
    }
    const QRectF box = document()->documentLayout()->frameBoundingRect(frame);
    m_followBottom = false;
    verticalScrollBar()->setValue(int(box.top()));
    setTextCursor(cursor);
    m_followBottom = verticalScrollBar()->value() >= verticalScrollBar()->maximum() - 4;
    return true;
}

void ChatView::onAnchorClicked(const QUrl &url)
{
    const QString scheme = url.scheme();
    const QString path = url.path();
    if (scheme == "cody-copy-code"_L1) {
        const int row = path.section(u'-', 0, 0).toInt();
        const int block = path.section(u'-', 1, 1).toInt();
        if (row < m_codeBlocks.size() && block < m_codeBlocks.at(row).size()) {
            QApplication::clipboard()->setText(m_codeBlocks.at(row).at(block));
            Q_EMIT copied(tr("Code copied"));
        }
    } else if (scheme == "cody-copy-message"_L1) {
        const int row = path.toInt();
        if (m_model && row < m_model->rowCount()) {
            QApplication::clipboard()->setText(
                m_model->index(row).data(MessageModel::TextRole).toString());
            Q_EMIT copied(tr("Message copied as Markdown"));
        }
    } else if (scheme == "cody-retry"_L1) {
        Q_EMIT retryRequested();
    } else if (scheme == "cody-continue"_L1) {
        Q_EMIT continueRequested();
    } else if (scheme == "cody-edit"_L1) {
        const int row = path.toInt();
        if (m_model && row < m_model->rowCount())
            Q_EMIT editRequested(row);
    } else if (scheme == "cody-sent"_L1) {
        const int row = path.toInt();
        if (hasSentRequest(row))
            Q_EMIT sentRequestRequested(row);
    } else if (const auto item = ContextBlock::parseItemHref(url)) {
        openContextItem(item->first, item->second);
    } else if (scheme == "cody-context-toggle"_L1) {
        toggleContext(path.toInt());
    } else if (scheme == "http"_L1 || scheme == "https"_L1 || scheme == "mailto"_L1) {
        QDesktopServices::openUrl(url);
    }
}

bool ChatView::hasSentRequest(int row) const
{
    if (!m_model || row < 0 || row >= m_model->rowCount())
        return false;
    const MessageModel::Message &message = m_model->message(row);
    return message.speaker == ChatMessage::Speaker::Assistant
        && message.state != MessageModel::State::Streaming;
}

void ChatView::openContextItem(int row, qsizetype index)
{
    if (!m_model || row < 0 || row >= m_model->rowCount())
        return;
    const QList<ContextItem> &items = m_model->message(row).context;
    // The address is read from the item itself, never from the link, and checked again here.
    if (index < items.size() && ContextBlock::isOnInstance(items.at(index).url, m_instance))
        QDesktopServices::openUrl(items.at(index).url);
}

void ChatView::toggleContext(int row)
{
    if (!m_model || row < 0 || row >= m_frames.size())
        return;
    if (!m_expandedContext.remove(row))
        m_expandedContext.insert(row);
    // A link reached with Tab is selected; a clicked one is not.
    const bool fromKeyboard = textCursor().hasSelection();
    renderRow(row);
    if (!fromKeyboard)
        return;
    // Keep the keyboard on the toggle, so Tab goes on into the list just opened.
    const QString href = ContextBlock::toggleHref(row);
    QTextFrame *frame = m_frames.at(row);
    for (auto it = frame->begin(); !it.atEnd(); ++it) {
        for (auto fragment = it.currentBlock().begin(); !fragment.atEnd(); ++fragment) {
            const QTextFragment piece = fragment.fragment();
            if (piece.charFormat().anchorHref() == href) {
                QTextCursor cursor(document());
                cursor.setPosition(piece.position());
                cursor.setPosition(piece.position() + piece.length(), QTextCursor::KeepAnchor);
                setTextCursor(cursor);
                return;
            }
        }
    }
}

int ChatView::rowAt(int position) const
{
    // Frames are in document order: the last one starting at or before the position.
    const auto after = std::upper_bound(m_frames.cbegin(), m_frames.cend(), position,
        [](int at, const QTextFrame *frame) { return at < frame->firstPosition(); });
    if (after == m_frames.cbegin())
        return -1;
    const QTextFrame *frame = *(after - 1);
    return position <= frame->lastPosition() ? int(after - m_frames.cbegin()) - 1 : -1;
}

void ChatView::contextMenuEvent(QContextMenuEvent *event)
{
    std::unique_ptr<QMenu> menu(createStandardContextMenu(event->pos()));
    // From the keyboard (the Menu key, Shift+F10), the message the cursor is in: Tab moves it
    // from link to link.
    const int position = event->reason() == QContextMenuEvent::Mouse
        ? cursorForPosition(event->pos()).position()
        : textCursor().position();
    const int row = rowAt(position);
    if (hasSentRequest(row)) {
        QAction *sent = new QAction(tr("What Was &Sent"), menu.get());
        sent->setObjectName(u"whatWasSentAction"_s);
        sent->setToolTip(tr("Shows the exact messages of the request that produced this reply"));
        connect(sent, &QAction::triggered, this, [this, row] { Q_EMIT sentRequestRequested(row); });
        menu->insertAction(menu->actions().value(0), sent);
        menu->insertSeparator(menu->actions().value(1));
    }
    menu->exec(event->globalPos());
}

} // namespace cody
