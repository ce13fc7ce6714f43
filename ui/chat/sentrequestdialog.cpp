// SPDX-License-Identifier: Apache-2.0
#include "ui/chat/sentrequestdialog.h"

#include "chat/chatcontroller.h"
#include "chat/contextwindow.h"
#include "ui/common/accessible.h"

#include <QClipboard>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QGuiApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace cody {

namespace {

// A row's label: its place, speaker and tokens, then the start of its text on one line.
QString rowLabel(int index, const ChatMessage &message)
{
    QString start = message.text.left(120).simplified();
    if (message.text.size() > 120)
        start += u'…';
    return SentRequestDialog::tr("%1 · %2 · about %L3 tokens — %4")
        .arg(index + 1)
        .arg(speakerName(message.speaker))
        .arg(ContextWindow::estimateTokens(message))
        .arg(start);
}

} // namespace

SentRequestDialog::SentRequestDialog(QWidget *parent)
    : QDialog(parent)
    , m_summary(new QLabel(this))
    , m_list(accessible(new QListWidget(this), u"sentMessages"_s, tr("Messages sent"),
          tr("Every message of the request, in the order the model read them")))
    , m_text(accessible(new QPlainTextEdit(this), u"sentMessageText"_s, tr("Message text"),
          tr("The selected message, exactly as sent")))
{
    setWindowTitle(tr("What was sent"));
    m_summary->setWordWrap(true);
    m_summary->setTextFormat(Qt::PlainText);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    // One line per message, cut at the edge: the full text is below.
    m_list->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_list->setTextElideMode(Qt::ElideRight);
    m_list->setUniformItemSizes(true);
    m_text->setReadOnly(true);
    m_text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_text->setLineWrapMode(QPlainTextEdit::WidgetWidth);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_list);
    splitter->addWidget(m_text);
    splitter->setStretchFactor(1, 2);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    QPushButton *copy = buttons->addButton(tr("Copy as JSON"), QDialogButtonBox::ActionRole);
    copy->setObjectName(u"copyJson"_s);
    connect(copy, &QPushButton::clicked, this,
        [this] { QGuiApplication::clipboard()->setText(QString::fromUtf8(messagesJson())); });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_list, &QListWidget::currentRowChanged, this, &SentRequestDialog::showMessage);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(splitter, 1);
    layout->addWidget(buttons);
    resize(820, 640);
}

SentRequestDialog *SentRequestDialog::showFor(const ChatController &chat, int row, QWidget *parent)
{
    const std::optional<ChatController::SentRequest> sent = chat.sentRequest(row);
    if (!sent)
        return nullptr;
    auto *dialog = new SentRequestDialog(parent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setRequest(sent->messages, sent->model, sent->notice);
    dialog->show();
    dialog->raise();
    dialog->activateWindow();
    return dialog;
}

void SentRequestDialog::setRequest(
    const QList<ChatMessage> &messages, const QString &model, const QString &notice)
{
    m_messages = messages;
    m_list->clear();
    qint64 tokens = 0;
    for (int i = 0; i < messages.size(); ++i) {
        tokens += ContextWindow::estimateTokens(messages.at(i));
        m_list->addItem(rowLabel(i, messages.at(i)));
    }
    // Spelled out per form rather than "%n message(s)", which reads badly without a translation.
    QString summary = messages.size() == 1
        ? tr("1 message sent to %1, about %L2 tokens.").arg(model).arg(tokens)
        : tr("%L1 messages sent to %2, about %L3 tokens in all.")
              .arg(messages.size())
              .arg(model)
              .arg(tokens);
    if (!notice.isEmpty())
        summary += u'\n' + notice;
    m_summary->setText(summary);
    if (!messages.isEmpty())
        m_list->setCurrentRow(int(messages.size()) - 1); // the question
    else
        m_text->clear();
}

QByteArray SentRequestDialog::messagesJson() const
{
    QJsonArray array;
    for (const ChatMessage &message : m_messages)
        array.append(
            QJsonObject {{u"speaker"_s, speakerName(message.speaker)}, {u"text"_s, message.text}});
    return QJsonDocument(array).toJson(QJsonDocument::Indented);
}

void SentRequestDialog::showMessage(int row)
{
    m_text->setPlainText(row >= 0 && row < m_messages.size() ? m_messages.at(row).text : QString());
}

} // namespace cody
