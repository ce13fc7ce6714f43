// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "cody/completionrequest.h"
#include "cody/contextitem.h"

#include <QAbstractListModel>

namespace cody {

/**
 * @brief The messages of the open conversation, one row each, for views to render.
 *
 * Only the row being streamed changes while a reply arrives (one dataChanged per appended
 * piece of text, never a reset), so a view can redraw that row alone.
 */
class MessageModel final : public QAbstractListModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MessageModel)

public:
    enum class State { Complete, Streaming, Failed, Cancelled };
    Q_ENUM(State)

    enum Role {
        SpeakerRole = Qt::UserRole + 1, ///< ChatMessage::Speaker as int
        TextRole, ///< Markdown for replies, plain text for prompts
        StateRole, ///< State as int
        ErrorRole, ///< the failure's one-line message, for Failed rows
        ModelRole, ///< full `cody/…` name of the model that answered (replies)
        DetailsRole, ///< after a reply: "123 tokens · $0.0021 · continued 2×"
        NoticeRole, ///< before a reply: "12 earlier messages not sent (context limit)"
        StoredIdRole, ///< the message's id in the history, 0 when not recorded
        ContinuableRole, ///< bool: a reply cut short that can be continued
        /// QList<ContextItem>: a prompt's codebase context (mentioned, sent, left out and why);
        /// a reopened conversation's items come without their content (see
        /// ChatController::contextWithContent())
        ContextRole,
        /// int: the prompt's stored context items that could not be read (a damaged history)
        UnreadableContextRole,
    };

    struct Message
    {
        Message() = default;
        Message(ChatMessage::Speaker speaker, QString text, State state = State::Complete)
            : speaker(speaker)
            , text(std::move(text))
            , state(state)
        { }

        ChatMessage::Speaker speaker = ChatMessage::Speaker::Human;
        QString text;
        State state = State::Complete;
        QString error;
        QString model;
        QString details;
        QString notice;
        qint64 storedId = 0;
        bool truncated = false; ///< ended at the output limit, not (fully) auto-continued
        QList<ContextItem> context; ///< ContextRole
        int unreadableContextItems = 0; ///< UnreadableContextRole

        /// A reply with text that was cut short: stopped, failed midway or truncated.
        bool isContinuable() const
        {
            return speaker == ChatMessage::Speaker::Assistant && state != State::Streaming
                && !text.trimmed().isEmpty() && (state != State::Complete || truncated);
        }
    };

    explicit MessageModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    const Message &message(int row) const { return m_messages.at(row); }
    /// The row of the recorded message `storedId`, or -1.
    int rowForStoredId(qint64 storedId) const;
    int append(Message message);
    /// Appends streamed text to `row`: O(text), one dataChanged for that row.
    void appendText(int row, const QString &text);
    void update(int row, Message message);
    /// Replaces the context items of `row`: one dataChanged for its two context roles.
    void setContext(int row, QList<ContextItem> context);
    void removeFrom(int row);
    void clear();

private:
    QList<Message> m_messages;
};

} // namespace cody
