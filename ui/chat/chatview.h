// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "ui/chat/markdownrenderer.h"

#include <QPointer>
#include <QSet>
#include <QTextBrowser>
#include <QTimer>
#include <QUrl>

namespace cody {

class MessageModel;

/**
 * @brief Shows a conversation: one text frame per message of a MessageModel.
 *
 * A streamed change redraws only that message's frame, at most ~30 times a second however fast
 * the text arrives, so the cost of an update depends on the message, not on the conversation.
 * The scroll position is kept unless the reader was at the bottom, who then follows the reply.
 * Links in the text: "Copy" on code blocks and messages, "Edit" on prompts, "Retry" on a failed
 * reply, "Continue" on one cut short and "What was sent" on every reply that is not streaming
 * (also in the context menu of a reply). A reply written by another model than the one before it
 * says so, so a model change mid-conversation shows in the transcript. Under a prompt with
 * codebase context, its ContextBlock: the items sent (opened on the instance in the browser) and
 * those left out with why.
 */
class ChatView final : public QTextBrowser
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ChatView)

public:
    static constexpr int UpdateIntervalMs = 33;

    explicit ChatView(QWidget *parent = nullptr);

    void setModel(MessageModel *model);
    /// Shown when there are no messages (first run, a new chat).
    void setPlaceholder(const QString &html);
    /// The configured Sourcegraph URL: context items link only to pages under it.
    void setInstanceUrl(const QUrl &url);
    /// The message shown at `position` of the document, or -1.
    int rowAt(int position) const;

    /// How often messages were redrawn: for tests and benchmarks.
    int renderCount() const { return m_renderCount; }
    /// Scrolls to the recorded message `storedId` and selects the first `match` in it (a search
    /// hit). False when the message is not shown.
    bool showStoredMessage(qint64 storedId, const QString &match);

Q_SIGNALS:
    void retryRequested();
    void continueRequested();
    void editRequested(int row);
    /// "What was sent" for the reply in `row`.
    void sentRequestRequested(int row);
    void copied(const QString &what);

protected:
    void changeEvent(QEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;

private:
    void rebuild();
    void onRowsInserted(int first, int last);
    void startGroup();
    void onDataChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight);
    void scheduleRender(int row);
    void flushPending();
    void renderRow(int row);
    QString htmlFor(int row);
    /// "Model changed from … to …" when `row` is a reply by another model than the reply before.
    QString modelChangeBefore(int row) const;
    void onAnchorClicked(const QUrl &url);
    /// Opens item `index` of the prompt in `row` on the instance, if it has a page there.
    void openContextItem(int row, qsizetype index);
    void toggleContext(int row);
    /// Whether "What was sent" applies to `row`: a reply that is not streaming.
    bool hasSentRequest(int row) const;
    bool isDark() const;

    QPointer<MessageModel> m_model;
    MarkdownRenderer m_renderer;
    QList<QTextFrame *> m_frames; ///< one per message, inside the groups
    /// Invisible frames holding MessagesPerGroup message frames each. On every edit, Qt's layout
    /// visits each child of the frames around the change: with all messages in the root frame a
    /// streamed update cost O(messages) (~0.8 µs each: 4.8 ms at 4 000), with groups O(√n).
    QTextFrame *m_group = nullptr;
    int m_groupSize = 0;
    static constexpr int MessagesPerGroup = 64;
    QList<QStringList> m_codeBlocks; ///< per row, for the Copy links of code blocks
    QSet<int> m_pending;
    QTimer m_updateTimer;
    QString m_placeholder;
    QUrl m_instance;
    QSet<int> m_expandedContext; ///< rows whose collapsed context block the reader opened
    int m_renderCount = 0;
    bool m_followBottom = true; ///< the reader is at the bottom: keep showing the newest text
};

} // namespace cody
