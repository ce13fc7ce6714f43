// SPDX-License-Identifier: Apache-2.0
#include "ui/chat/messagecomposerpanel.h"

#include "chat/chatcontroller.h"
#include "cody/sourcegraphclient.h"
#include "context/contextfilterssource.h"
#include "ui/chat/composer.h"
#include "ui/chat/contextbudgetmeter.h"
#include "ui/chat/contextchips.h"
#include "ui/chat/contextcontentloader.h"
#include "ui/chat/mentioncompleter.h"

#include <QApplication>
#include <QKeyEvent>
#include <QLayout>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace cody {

namespace {

bool isScope(const ContextItem &item)
{
    return item.kind == ContextItem::Kind::Repository
        || item.kind == ContextItem::Kind::RemoteFolder;
}

/// All of the model's input a message may use. A Result carries the budgets, not the window:
/// when user-added context shares the input, its budget is what the conversation left of it;
/// otherwise (a 15 000 + 30 000 window) it is the window's own, on top of the input.
qint64 capacityOf(const PromptBuilder::Result &result)
{
    const qint64 left
        = std::max<qint64>(0, result.inputBudget - result.preambleTokens - result.transcriptTokens);
    return result.inputBudget + (result.userBudget != left ? result.userBudget : 0);
}

} // namespace

MessageComposerPanel::MessageComposerPanel(QWidget *parent)
    : QWidget(parent)
    , m_composer(new Composer(this))
    , m_chips(new ContextChips(this))
    , m_meter(new ContextBudgetMeter(this))
    , m_mentions(new MentionCompleter(m_composer, this))
    , m_contents(new ContextContentLoader(this))
{
    setObjectName(u"messageComposerPanel"_s);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addWidget(m_chips);
    layout->addWidget(m_meter);
    layout->addWidget(m_composer);
    setFocusProxy(m_composer);

    m_measureTimer.setSingleShot(true);
    connect(&m_measureTimer, &QTimer::timeout, this, &MessageComposerPanel::measure);
    connect(m_composer, &QPlainTextEdit::textChanged, this,
        [this] { m_measureTimer.start(MeasurePause); });
    connect(m_composer, &Composer::submitted, this,
        [this](const QString &text) { Q_EMIT submitted(text, items()); });
    connect(m_mentions, &MentionCompleter::chosen, m_chips, &ContextChips::addItem);
    connect(m_chips, &ContextChips::itemsChanged, this, &MessageComposerPanel::onItemsChanged);
    connect(m_contents, &ContextContentLoader::loaded, this, &MessageComposerPanel::remeasure);
    m_composer->installEventFilter(this);
}

MessageComposerPanel::~MessageComposerPanel() = default;

void MessageComposerPanel::setChat(ChatController *chat)
{
    if (m_chat)
        m_chat->disconnect(this);
    m_chat = chat;
    if (chat) {
        // A reply that ended, a conversation opened or a new chat: the transcript changed.
        connect(chat, &ChatController::busyChanged, this, &MessageComposerPanel::remeasure);
        connect(chat, &ChatController::settingsReplaced, this, &MessageComposerPanel::remeasure);
    }
    remeasure();
}

void MessageComposerPanel::setClient(SourcegraphClient *client)
{
    if (client == m_client && client)
        return;
    if (m_client)
        m_client->disconnect(this);
    delete m_filters;
    m_client = client;
    if (client) {
        m_filters = new ContextFiltersSource(client, this);
        connect(m_filters, &ContextFiltersSource::fetched, this, &MessageComposerPanel::remeasure);
        m_filters->start();
        // Session deletes its client before it says so: let nothing outlive it.
        connect(client, &QObject::destroyed, this, [this] { setClient(nullptr); });
    }
    m_mentions->setSource(client, m_filters);
    m_contents->setClient(client);
    m_contents->keep(m_chips->items());
    remeasure();
}

ContextFiltersSource *MessageComposerPanel::contextFilters() const
{
    return m_filters;
}

QList<ContextItem> MessageComposerPanel::items() const
{
    QList<ContextItem> result;
    for (ContextItem item : m_chips->items()) {
        item.tokens = 0;
        item.sent = false;
        item = m_contents->filled(item);
        item.omittedReason.clear(); // decided when sending; a failed fetch is tried again
        result.append(item);
    }
    return result;
}

void MessageComposerPanel::clear(bool items)
{
    m_composer->clear();
    if (items)
        m_chips->setItems({});
    onItemsChanged();
}

void MessageComposerPanel::remeasure()
{
    m_measureTimer.start(0);
}

void MessageComposerPanel::onItemsChanged()
{
    m_contents->keep(m_chips->items());
    orderChips();
    // The chip that had the keyboard went with the last one: back to the message box.
    const QWidget *focus = QApplication::focusWidget();
    if (m_chips->items().isEmpty() && (!focus || m_chips->isAncestorOf(focus)))
        m_composer->setFocus();
    remeasure();
}

void MessageComposerPanel::orderChips()
{
    QWidget *before = m_composer->previousInFocusChain();
    // setTabOrder() ignores a widget that takes no focus.
    while (before && before != m_composer
        && (m_chips->isAncestorOf(before) || before->focusPolicy() == Qt::NoFocus))
        before = before->previousInFocusChain();
    const auto chips = m_chips->findChildren<QToolButton *>(Qt::FindDirectChildrenOnly);
    for (QToolButton *chip : chips) {
        QWidget::setTabOrder(before, chip);
        before = chip;
    }
}

void MessageComposerPanel::measure()
{
    if (!m_chat) {
        m_meter->hide();
        return;
    }
    QList<ContextItem> items = m_chips->items();
    for (ContextItem &item : items) {
        item.omittedReason.clear();
        item = m_contents->filled(item);
        QString why;
        if (m_filters && m_filters->isLoaded() && !item.repoName.isEmpty()
            && !m_filters->isRepositoryAllowed(item.repoName, &why))
            item.omittedReason = why;
    }
    PromptBuilder::Result result = m_chat->measure(m_composer->toPlainText(), items);
    int leftOut = 0;
    for (qsizetype i = 0; i < result.items.size() && i < items.size(); ++i) {
        ContextItem &measured = result.items[i];
        // What a repository or folder adds is known only once searched, and a file's size once
        // fetched: neither counts, nor is left out, before then.
        const bool unknown = isScope(items.at(i)) || m_contents->isLoading(items.at(i));
        if (unknown && items.at(i).omittedReason.isEmpty()) {
            measured.omittedReason.clear();
            measured.tokens = 0;
        }
        if (!measured.omittedReason.isEmpty())
            ++leftOut;
    }
    m_chips->setMeasured(result.items);
    m_meter->setMeasure(
        result.estimatedTokens, capacityOf(result), leftOut, result.omittedMessages);
    // Without chips the meter shows only when something would be left out: the conversation's
    // older messages, or the message itself being too long.
    m_meter->setVisible(!items.isEmpty() || result.omittedMessages > 0 || !result.fits);
}

bool MessageComposerPanel::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_composer && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if (key->key() == Qt::Key_Backspace && key->modifiers() == Qt::NoModifier
            && m_composer->document()->isEmpty() && !m_chips->items().isEmpty()) {
            m_chips->removeAt(int(m_chips->items().size()) - 1);
            m_composer->setFocus(); // removeAt() hands the keyboard to a chip
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace cody
