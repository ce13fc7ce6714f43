// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "history/conversationexport.h"

#include <QRandomGenerator>
#include <QStringList>

namespace cody {
class ConversationStore;
}

namespace cody::bench {

/// A deterministic, realistic-looking chat history: the same seed and index always give the same
/// conversation, so two runs of the benchmark measure the same database.
class HistoryGenerator
{
public:
    explicit HistoryGenerator(quint32 seed = 0x636f6479);
    /// Messages per conversation; 0 (the default) means 4–12, varying.
    void setMessagesPerConversation(int messages) { m_messagesPerConversation = messages; }
    /// Codebase context per prompt: a repository mention and this many retrieved chunks of 20
    /// lines, sent (getCodyContext returned 17 and 20 in the recordings); 0, the default, none.
    /// The messages' text is the same either way.
    void setContextChunks(int chunks) { m_contextChunks = chunks; }

    /// Words that occur in about three conversations each (for the "rare word" search).
    static QStringList rareWords();
    int vocabularySize() const { return int(m_vocabulary.size()); }

    /// Conversation `index` of a history of `count`: 4–12 messages, human and assistant in turn.
    conversationexport::ExportedConversation conversation(int index, int count) const;

    /// Writes `count` conversations through ConversationStore::importJson, in batches: the only
    /// public API that puts many messages in one transaction.
    bool populate(ConversationStore *store, int count, QString *error) const;

private:
    QString word(QRandomGenerator &rng) const;
    QString prose(QRandomGenerator &rng, int chars) const;
    QString codeBlock(QRandomGenerator &rng) const;
    QString messageText(QRandomGenerator &rng, bool human) const;
    QList<ContextItem> context(QRandomGenerator &rng) const;

    quint32 m_seed;
    int m_messagesPerConversation = 0;
    int m_contextChunks = 0;
    QStringList m_vocabulary; ///< most frequent first
};

} // namespace cody::bench
