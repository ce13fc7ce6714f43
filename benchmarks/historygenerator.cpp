// SPDX-License-Identifier: Apache-2.0
#include "historygenerator.h"

#include "chat/conversationrecorder.h"
#include "history/conversationstore.h"

#include <QSet>

#include <cmath>

using namespace Qt::StringLiterals;

namespace cody::bench {

namespace {

// Frequent words first: word() draws ranks from a Zipf-like distribution, so the head of this
// list is in nearly every message and the tail in few, as in real text.
const QStringList &englishWords()
{
    static const QStringList words = (u"the to a of and is in it you that for this be with on "
                                      u"not can use are if as your or but we have will an by "
                                      u"from at which so when there should would here then also "
                                      u"one all need more like just what how value new make first "
                                      u"other way each only instead because case same into out "
                                      u"different below example change call check problem issue "
                                      u"work works working run return file line error code "
                                      u"question answer simple better faster slower without "
                                      u"before after again always never often usually correct "
                                      u"wrong help explain understand try tried expected actual "
                                      u"result results output input list order number string "
                                      u"name names type types data table row column query "
                                      u"request response server client user users window "
                                      u"memory thread threads loop time times version update"_s)
                                         .split(u' ');
    return words;
}

const QStringList &technicalWords()
{
    static const QStringList words
        = (u"function class method variable pointer reference template compiler linker build "
           u"cmake ninja library header module interface struct enum namespace lambda closure "
           u"iterator container vector map hash cache buffer stream socket signal slot event "
           u"widget layout model view delegate database migration schema index transaction "
           u"commit rollback refactor refactoring refactored regex parser lexer token tokens "
           u"async await promise future callback timeout retry latency throughput benchmark "
           u"profiler allocation leak mutex deadlock race atomic kernel syscall docker kubernetes "
           u"deployment pipeline release branch merge rebase diff patch review test tests "
           u"assertion fixture mock sqlite postgres json yaml toml http https endpoint graphql "
           u"token authentication authorization oauth certificate encryption unicode utf8 locale"_s)
              .split(u' ');
    return words;
}

const QStringList &codeTokens()
{
    static const QStringList tokens
        = (u"std::vector std::string std::unique_ptr QString QObject nullptr const_cast "
           u"static_cast m_buffer m_model d_ptr setValue getValue isEmpty toUtf8 "
           u"std::move emplace_back size_t int64_t uint8_t CMakeLists.txt main.cpp "
           u"config.json __init__ self.assertEqual def async_fn println! unwrap() "
           u"Result<T> Option<T> impl fn let mut &str Vec<u8> git rebase -i HEAD~3 "
           u"SELECT WHERE JOIN GROUP_BY O(n) O(log_n) 0x7fff 404 500 127.0.0.1 localhost:8080"_s)
              .split(u' ');
    return tokens;
}

// Identifiers like parseConfig, read_buffer, HttpClient: most of a code-heavy vocabulary.
QStringList compounds(quint32 seed, qsizetype wanted)
{
    const QStringList &parts = technicalWords();
    const QStringList verbs = (u"get set parse read write load save make build open close find "
                               u"update create delete handle process render send fetch"_s)
                                  .split(u' ');
    QRandomGenerator rng(seed);
    QSet<QString> seen;
    QStringList result;
    while (result.size() < wanted) {
        const QString verb = verbs.at(rng.bounded(int(verbs.size())));
        const QString noun = parts.at(rng.bounded(int(parts.size())));
        QString word;
        switch (rng.bounded(3)) {
        case 0: // camelCase
            word = verb + noun.left(1).toUpper() + noun.mid(1);
            break;
        case 1: // snake_case
            word = verb + u'_' + noun;
            break;
        default: // PascalCase type
            word = noun.left(1).toUpper() + noun.mid(1) + verb.left(1).toUpper() + verb.mid(1);
            break;
        }
        if (!seen.contains(word)) {
            seen.insert(word);
            result.append(word);
        }
    }
    return result;
}

const QString Model = u"cody/anthropic::2023-06-01::claude-3.5-sonnet"_s;
constexpr int VocabularySize = 2000;
constexpr int Batch = 250; // conversations per importJson transaction

} // namespace

HistoryGenerator::HistoryGenerator(quint32 seed)
    : m_seed(seed)
{
    m_vocabulary = englishWords() + technicalWords() + codeTokens();
    m_vocabulary += compounds(seed, VocabularySize - m_vocabulary.size());
}

QStringList HistoryGenerator::rareWords()
{
    return {u"flibbertigibbet"_s, u"zygomorphic"_s, u"quokkaFactory"_s, u"xylograph"_s,
        u"snorkelwhale"_s};
}

QString HistoryGenerator::word(QRandomGenerator &rng) const
{
    // Log-uniform ranks: P(rank r) ~ 1/(r+1), Zipf's law for word frequencies.
    const double u = rng.generateDouble();
    const int rank = int(std::exp(u * std::log(double(m_vocabulary.size()) + 1.0))) - 1;
    return m_vocabulary.at(qBound(0, rank, int(m_vocabulary.size()) - 1));
}

QString HistoryGenerator::prose(QRandomGenerator &rng, int chars) const
{
    QString text;
    text.reserve(chars + 64);
    int sentence = 0;
    while (text.size() < chars) {
        QString next = word(rng);
        if (sentence == 0)
            next = next.left(1).toUpper() + next.mid(1);
        text += next;
        ++sentence;
        if (sentence > 6 && rng.bounded(8) == 0) {
            text += rng.bounded(5) == 0 ? u"?"_s : u"."_s;
            text += rng.bounded(6) == 0 ? u"\n\n"_s : u" "_s;
            sentence = 0;
        } else {
            text += rng.bounded(12) == 0 ? u", "_s : u" "_s;
        }
    }
    return text.trimmed() + u'.';
}

QString HistoryGenerator::codeBlock(QRandomGenerator &rng) const
{
    const QStringList &tokens = codeTokens();
    QString code = u"\n\n```cpp\n"_s;
    const int lines = 3 + rng.bounded(15);
    for (int i = 0; i < lines; ++i) {
        code += QString(2 * rng.bounded(4), u' ') + word(rng) + u" = "_s
            + tokens.at(rng.bounded(int(tokens.size()))) + u'(' + word(rng) + u");\n"_s;
    }
    return code + u"```\n\n"_s;
}

QString HistoryGenerator::messageText(QRandomGenerator &rng, bool human) const
{
    // Questions are short; answers run to a few thousand characters, often with code.
    if (human)
        return prose(rng, 80 + rng.bounded(700));
    QString text = prose(rng, 300 + rng.bounded(1500));
    if (rng.bounded(2) == 0)
        text += codeBlock(rng) + prose(rng, 100 + rng.bounded(1200));
    return text;
}

QList<ContextItem> HistoryGenerator::context(QRandomGenerator &rng) const
{
    ContextItem repository;
    repository.kind = ContextItem::Kind::Repository;
    repository.repoName = u"github.com/example/%1"_s.arg(word(rng));
    QList<ContextItem> items {repository};
    const QStringList &tokens = codeTokens();
    for (int i = 0; i < m_contextChunks; ++i) {
        ContextItem chunk;
        chunk.source = ContextItem::Source::Retrieved;
        chunk.repoName = repository.repoName;
        chunk.path = u"src/%1/%2.cpp"_s.arg(word(rng), word(rng));
        chunk.startLine = 1 + 20 * rng.bounded(50);
        chunk.endLine = chunk.startLine + 19;
        for (int line = 0; line < 20; ++line) {
            chunk.content += QString(2 * rng.bounded(4), u' ') + word(rng) + u" = "_s
                + tokens.at(rng.bounded(int(tokens.size()))) + u'(' + word(rng) + u");\n"_s;
        }
        chunk.tokens = chunk.content.size() / 4;
        chunk.sent = true;
        items.append(chunk);
    }
    return items;
}

conversationexport::ExportedConversation HistoryGenerator::conversation(int index, int count) const
{
    QRandomGenerator rng(m_seed ^ (quint32(index) * 2654435761u));
    // Its own generator: with context or without, the messages are the same.
    QRandomGenerator contextRng(~m_seed ^ (quint32(index) * 2654435761u));
    conversationexport::ExportedConversation result;
    // Spread over two years, oldest first, so the sidebar's order is the insertion order reversed.
    const QDateTime start = QDateTime(QDate(2024, 1, 1), QTime(9, 0), Qt::UTC);
    QDateTime when = start.addSecs(qint64(index) * 2 * 365 * 86400 / qMax(1, count));
    const int messages
        = m_messagesPerConversation > 0 ? m_messagesPerConversation : 4 + rng.bounded(9);
    for (int i = 0; i < messages; ++i) {
        StoredMessage m;
        m.speaker = i % 2 ? ChatMessage::Speaker::Assistant : ChatMessage::Speaker::Human;
        m.text = messageText(rng, i % 2 == 0);
        m.model = i % 2 ? Model : QString();
        m.stopReason = i % 2 ? u"end_turn"_s : QString();
        m.segments = i % 2;
        when = when.addSecs(20 + rng.bounded(300));
        m.created = when;
        if (i % 2 == 0 && m_contextChunks > 0)
            m.context = context(contextRng);
        result.messages.append(m);
    }
    // Each rare word in about three conversations, evenly spread over the history.
    const QStringList rare = rareWords();
    const int stride = qMax(1, count / 3);
    for (int w = 0; w < rare.size(); ++w) {
        if (index % stride == (17 * w + 5) % stride)
            result.messages.last().text += u' ' + rare.at(w) + u'.';
    }
    result.conversation.title = ConversationRecorder::titleFor(result.messages.first().text);
    result.conversation.model = Model;
    result.conversation.created = result.messages.first().created;
    result.conversation.updated = when;
    return result;
}

bool HistoryGenerator::populate(ConversationStore *store, int count, QString *error) const
{
    for (int first = 0; first < count; first += Batch) {
        QList<conversationexport::ExportedConversation> batch;
        for (int index = first; index < qMin(count, first + Batch); ++index)
            batch.append(conversation(index, count));
        if (!store->importJson(conversationexport::toJson(batch), nullptr, error))
            return false;
    }
    return true;
}

} // namespace cody::bench
