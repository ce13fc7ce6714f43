// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "cody/contextitem.h"

#include <QPointer>
#include <QTimer>
#include <QWidget>

#include <chrono>

namespace cody {

class ChatController;
class Composer;
class ContextBudgetMeter;
class ContextChips;
class ContextContentLoader;
class ContextFiltersSource;
class MentionCompleter;
class SourcegraphClient;

/**
 * @brief Where the next message is written: the message box with its @-mention popup, the
 * chips of the codebase context it will carry above it, and the meter of how much of the
 * model's input it will use — measured (ChatController::measure) while typing, when the chips
 * change and when the model or the conversation does, so that whatever would be left out is
 * pointed out before sending.
 *
 * Enter in the message box is submitted(text, items); the window sends them and, once sent,
 * calls clear(). Backspace in an empty message box removes the last chip.
 */
class MessageComposerPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MessageComposerPanel)

public:
    /// How long typing must pause before the message is measured again.
    static constexpr std::chrono::milliseconds MeasurePause {250};

    explicit MessageComposerPanel(QWidget *parent = nullptr);
    ~MessageComposerPanel() override;

    Composer *composer() const { return m_composer; }
    ContextChips *chips() const { return m_chips; }
    ContextBudgetMeter *meter() const { return m_meter; }
    MentionCompleter *mentions() const { return m_mentions; }

    /// The conversation and model the message is measured against.
    void setChat(ChatController *chat);
    /// The instance mentions are looked up on; each one gets its own context filters, read now
    /// and kept current. Null: not connected.
    void setClient(SourcegraphClient *client);
    /// The context filters of the current instance (null without one).
    ContextFiltersSource *contextFilters() const;
    /// The chips' items as the next message carries them, with the files' contents fetched so
    /// far; their fate is decided anew when sending.
    QList<ContextItem> items() const;
    /// Empties the message box, and removes the chips when `items`.
    void clear(bool items = true);
    /// Measures again at once: the model or the conversation changed.
    void remeasure();

Q_SIGNALS:
    void submitted(const QString &text, const QList<cody::ContextItem> &items);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void onItemsChanged();
    void measure();
    /// Puts the chips in the Tab order right before the message box, as they are shown.
    void orderChips();

    Composer *m_composer;
    ContextChips *m_chips;
    ContextBudgetMeter *m_meter;
    MentionCompleter *m_mentions;
    ContextContentLoader *m_contents;
    QPointer<ChatController> m_chat;
    QPointer<SourcegraphClient> m_client;
    QPointer<ContextFiltersSource> m_filters;
    QTimer m_measureTimer;
};

} // namespace cody
