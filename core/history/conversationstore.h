// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "cody/completionrequest.h"
#include "cody/contextitem.h"
#include "cody/tokenusage.h"

#include <QDateTime>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>

#include <optional>

// At global scope: `class QTimer *` inside namespace cody would declare a cody::QTimer.
class QTimer;

namespace cody {

namespace conversationexport {
struct ExportedConversation;
}

struct StoredConversation
{
    qint64 id = 0;
    QString title;
    QString model; ///< full cody/… name or alias as chosen
    QString systemPrompt;
    std::optional<double> temperature;
    std::optional<int> maxTokens;
    /// Standing codebase context: repository names searched for every question.
    QStringList contextRepositories;
    QDateTime created;
    QDateTime updated;
    bool pinned = false;
};

struct StoredMessage
{
    enum class State { Complete, Streaming, Partial, Failed };

    qint64 id = 0;
    qint64 conversationId = 0;
    ChatMessage::Speaker speaker = ChatMessage::Speaker::Human;
    QString text;
    QString model;
    QString stopReason;
    int segments = 0;
    std::optional<TokenUsage> usage;
    State state = State::Complete;
    QString error;
    QDateTime created;
    /// The codebase context the message went with (a prompt's mentions, what retrieval found,
    /// what was sent and what was left out and why), in prompt order. ConversationStore::messages()
    /// leaves each item's content empty unless asked for it (ContextContent::Load).
    QList<ContextItem> context;
    /// Stored context items that could not be read (a damaged or hand-edited row): left out of
    /// `context`, and said so where the context is shown.
    int unreadableContextItems = 0;
};

struct SearchHit
{
    qint64 conversationId = 0;
    qint64 messageId = 0;
    QString title;
    QString snippet; ///< the matching text with the match wrapped in [[ and ]]
    double rank = 0.0; ///< lower is better (FTS5 bm25)
};

/**
 * @brief All conversations, in one SQLite database (QtSql, QSQLITE): WAL mode, schema versioned
 * with PRAGMA user_version and migrated forward, an FTS5 index over all message text kept in sync
 * by triggers. The only place in Cody Chat with SQL.
 *
 * A corrupt or unreadable database is never wiped: open() moves it aside as
 * "<file>.corrupt-<yyyyMMdd-HHmmss>", starts a new one, and movedAside() says where it went.
 * Messages left in the Streaming state (the app died mid-reply) become Partial on open().
 */
class ConversationStore final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConversationStore)

public:
    explicit ConversationStore(QObject *parent = nullptr);
    ~ConversationStore() override;

    /// <GenericDataLocation>/cody-chat/history.sqlite: one file shared by the app and the CLI
    /// (their application names differ, so AppDataLocation would not be).
    static QString defaultPath();
    static int schemaVersion();

    bool open(const QString &path, QString *error);
    bool isOpen() const;
    QString path() const;
    QString movedAside() const;
    /// The history's folder and files that other users could read, made private by open().
    QStringList tightened() const;

    qint64 createConversation(
        const StoredConversation &conversation, QString *error); ///< 0 on failure
    bool updateConversation(const StoredConversation &conversation, QString *error);
    bool deleteConversation(qint64 id, QString *error);
    std::optional<StoredConversation> conversation(qint64 id) const;
    /// Pinned first, then most recently updated first.
    QList<StoredConversation> conversations(int offset, int limit) const;
    int conversationCount() const;
    std::optional<qint64> latestConversationId() const;

    /// Whether messages() reads the contents of context items, or only what describes them.
    enum class ContextContent { Skip, Load };

    /// Stores the message and its context in one transaction: its id, or 0 on failure; touches
    /// the conversation's updated time.
    qint64 appendMessage(const StoredMessage &message, QString *error);
    /// Saves the message's text, state and usage; its context stays as it is (see
    /// setMessageContext()).
    bool updateMessage(const StoredMessage &message, QString *error);
    /// Appends streamed text to a message in one transaction (a StreamingWriter batch).
    bool appendToMessage(qint64 messageId, const QString &text, QString *error);
    /// A reply that was streaming and ended without its final state (its conversation was
    /// closed mid-reply) becomes Partial, as after a crash.
    bool markInterrupted(qint64 messageId, QString *error);
    /// Deletes `firstMessageId` and every later message of its conversation (edit and resend).
    bool deleteMessagesFrom(qint64 conversationId, qint64 firstMessageId, QString *error);
    /// The conversation's messages in order, each with its context items; their contents only
    /// with ContextContent::Load, as opening a conversation shows no chunk text.
    QList<StoredMessage> messages(
        qint64 conversationId, ContextContent content = ContextContent::Skip) const;

    /// Replaces the context items of message `messageId` with `items` (an empty list removes
    /// them), in one transaction: when what a prompt was sent with is known.
    bool setMessageContext(qint64 messageId, const QList<ContextItem> &items, QString *error);
    /// The context items of message `messageId` with their contents, as stored: what sending
    /// it again needs. *unreadable (if given) counts the items a damaged row made unreadable.
    QList<ContextItem> messageContext(qint64 messageId, int *unreadable = nullptr) const;

    /// FTS5 query over all message text: one hit per conversation (its best message), ranked.
    QList<SearchHit> search(const QString &query, int limit, QString *error) const;

    QByteArray exportJson(qint64 conversationId) const;
    QByteArray exportAllJson() const;
    QString exportMarkdown(qint64 conversationId) const;
    /// Imports what exportJson/exportAllJson wrote, as new conversations: all of them or none.
    bool importJson(const QByteArray &json, QList<qint64> *imported, QString *error);
    /// Adds already parsed conversations (conversationexport::fromJson), all of them or none.
    bool importConversations(const QList<conversationexport::ExportedConversation> &conversations,
        QList<qint64> *imported, QString *error);

private:
    /// False, with *error, when conversations cannot be written (an older read-only file).
    bool writesConversations(QString *error) const;
    class Private;
    std::unique_ptr<Private> d;
};

/**
 * @brief Writes a streaming reply to the store in batches — at least every 500 ms or 4 KiB, each
 * in a transaction — so a crash loses at most the last batch.
 */
class StreamingWriter final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StreamingWriter)

public:
    static constexpr int FlushIntervalMs = 500;
    static constexpr int FlushBytes = 4096;

    StreamingWriter(ConversationStore *store, qint64 messageId, QObject *parent = nullptr);
    /// Flushes what is pending; a reply not finish()ed is marked Partial.
    ~StreamingWriter() override;

    void append(const QString &text);
    /// Flushes, then stores the final state of the message.
    bool finish(const StoredMessage &final, QString *error);

Q_SIGNALS:
    void failed(const QString &error);

private:
    void flush();

    // QPointer: the destructor flushes, and the store may already be gone by then.
    QPointer<ConversationStore> m_store;
    qint64 m_messageId;
    QString m_pending;
    qsizetype m_pendingBytes = 0;
    bool m_finished = false;
    QTimer *m_timer;
};

} // namespace cody
