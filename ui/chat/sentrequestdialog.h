// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "cody/completionrequest.h"

#include <QDialog>

class QLabel;
class QListWidget;
class QPlainTextEdit;

namespace cody {

class ChatController;

/**
 * @brief "What was sent": the exact messages of the request that produced a reply — preamble,
 * context messages, the transcript and the question — one per row with its estimated tokens, and
 * the selected one in full, so that nobody has to guess why a model ignored something.
 *
 * It shows only message texts, which never hold the access token (that goes in a header).
 * "Copy as JSON" copies the messages as they went on the wire.
 */
class SentRequestDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SentRequestDialog)

public:
    explicit SentRequestDialog(QWidget *parent = nullptr);

    /// Shows `messages`, as sent to `model`; `notice` says what the context limit left out.
    void setRequest(
        const QList<ChatMessage> &messages, const QString &model, const QString &notice = {});
    /// Opens a dialog (non-modal, deleted on close) with the request that produced the reply in
    /// `row` of `chat` (ChatController::sentRequest()); null when `row` holds no reply.
    static SentRequestDialog *showFor(const ChatController &chat, int row, QWidget *parent);

    QListWidget *messageList() const { return m_list; }
    QPlainTextEdit *messageText() const { return m_text; }
    QLabel *summary() const { return m_summary; }
    /// The messages as the completions API received them (a JSON array), for the clipboard.
    QByteArray messagesJson() const;

private:
    void showMessage(int row);

    QList<ChatMessage> m_messages;
    QLabel *m_summary;
    QListWidget *m_list;
    QPlainTextEdit *m_text;
};

} // namespace cody
