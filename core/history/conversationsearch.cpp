// SPDX-License-Identifier: Apache-2.0
#include "history/conversationsearch.h"

#include "history/conversationschema.h"
#include "history/searchsnippet.h"

#include <QCoreApplication>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>

#include <algorithm>
#include <optional>

using namespace Qt::StringLiterals;

namespace cody::conversationsearch {

namespace {

constexpr int MaxPrefixTerms = 64;

QString quoted(const QString &word)
{
    return u'"' + QString(word).replace(u'"', u"\"\""_s) + u'"';
}

// Words with no letter or digit are dropped: the tokenizer would find nothing in them.
QStringList searchableWords(const QString &input)
{
    QStringList words;
    for (const QString &word : input.split(u' ', Qt::SkipEmptyParts)) {
        const QString trimmed = word.trimmed();
        if (std::any_of(
                trimmed.begin(), trimmed.end(), [](QChar c) { return c.isLetterOrNumber(); }))
            words.append(trimmed);
    }
    return words;
}

// Search as you type: the last word may be unfinished. Not after one character, though: a prefix
// that short matches nearly every message, which costs much and finds little.
bool lastWordIsPrefix(const QStringList &words)
{
    return !words.isEmpty() && words.last().size() >= 2;
}

// Only a word the tokenizer keeps whole and folds by lower-casing alone (ASCII letters and digits)
// can be compared with the index's terms as it is.
bool isPlainToken(const QString &word)
{
    return std::all_of(word.begin(), word.end(),
        [](QChar c) { return c.unicode() < 0x80 && c.isLetterOrNumber(); });
}

QString describe(const QSqlQuery &q)
{
    return conversationschema::describe(
        QCoreApplication::translate("cody::conversationsearch", "Searching the conversations"),
        q.lastError());
}

// FTS5 (SQLite 3.40) builds the whole merged list of every term a prefix query matches before it
// returns a row: "th*" over 1 M messages costs 340 ms however few rows are wanted. The same terms
// listed with OR match the same messages lazily, so newest-first and rowid ranges read only what
// they need. The terms are found by seeking in the index's vocabulary, one seek per term. Returns
// nothing when the word is not a plain token or has too many terms to list: the caller then
// falls back to the prefix query.
std::optional<QStringList> prefixTerms(QSqlDatabase &db, const QString &word, QString *error)
{
    const QString prefix = word.toLower();
    if (!isPlainToken(prefix))
        return std::nullopt;
    QSqlQuery q(db);
    if (!q.exec(u"CREATE VIRTUAL TABLE IF NOT EXISTS temp.cody_search_terms "
                u"USING fts5vocab(main, messages_fts, instance)"_s)) {
        *error = describe(q);
        return std::nullopt;
    }
    q.setForwardOnly(true);
    q.prepare(u"SELECT term FROM temp.cody_search_terms WHERE term >= ? LIMIT 1"_s);
    QStringList terms;
    QString from = prefix;
    while (terms.size() <= MaxPrefixTerms) {
        q.addBindValue(from);
        if (!q.exec()) {
            *error = describe(q);
            return std::nullopt;
        }
        if (!q.next())
            break;
        const QString term = q.value(0).toString();
        if (!term.startsWith(prefix))
            break;
        terms.append(term);
        from = term + QChar(1); // the smallest string after `term`: skips its entries unread
    }
    if (terms.size() > MaxPrefixTerms)
        return std::nullopt;
    return terms;
}

struct Match
{
    QStringList words; ///< one FTS5 expression per word typed; all must match
    SearchSnippet snippet {{}, false};

    QString expression() const { return words.join(u" AND "_s); }
};

// An empty match when nothing can match.
Match buildMatch(QSqlDatabase &db, const QString &input, QString *error)
{
    QStringList words = searchableWords(input);
    if (words.isEmpty())
        return {};
    const bool prefix = lastWordIsPrefix(words);
    const SearchSnippet snippet(words, prefix);
    const QString last = prefix ? words.takeLast() : QString();
    std::transform(words.begin(), words.end(), words.begin(), quoted);
    if (!prefix)
        return {words, snippet};
    // A star typed at the end asks for what search as you type does anyway.
    QString stem = last;
    while (stem.endsWith(u'*'))
        stem.chop(1);
    const std::optional<QStringList> terms = prefixTerms(db, stem, error);
    if (!error->isEmpty())
        return {};
    if (!terms) {
        words.append(quoted(last) + u'*');
        return {words, snippet};
    }
    if (terms->isEmpty())
        return {}; // no word in any message starts so
    QStringList alternatives = *terms;
    std::transform(alternatives.begin(), alternatives.end(), alternatives.begin(), quoted);
    words.append(u'(' + alternatives.join(u" OR "_s) + u')');
    return {words, snippet};
}

// bm25 counts, for each word, every message that contains it (to weigh rare words above common
// ones), whatever else the query asks: 80 ms for "the" over 1 M messages, 1.3 s with the ranking
// of all those messages. So relevance ranks a query only when each of its words occurs in at most
// `limit` messages; one more common than that is found newest first. Finding out reads at most
// `limit` + 1 entries per word, newest first.
bool everyWordIsSelective(QSqlDatabase &db, const Match &match, int limit, QString *error)
{
    QSqlQuery q(db);
    q.setForwardOnly(true);
    q.prepare(u"SELECT 1 FROM messages_fts WHERE messages_fts MATCH ? "
              u"ORDER BY rowid DESC LIMIT 1 OFFSET ?"_s);
    for (const QString &word : match.words) {
        q.addBindValue(word);
        q.addBindValue(limit);
        if (!q.exec()) {
            *error = describe(q);
            return false;
        }
        if (q.next())
            return false;
    }
    return true;
}

class HitCollector
{
public:
    HitCollector(QSqlDatabase &db, const Match &match, int limit)
        : m_db(db)
        , m_match(match)
        , m_limit(limit)
    { }

    bool full() const { return m_limit > 0 && m_hits.size() >= m_limit; }
    QList<SearchHit> hits() const { return m_hits; }

    // Steps through the matches, best first, and keeps each new conversation's first: reading
    // stops as soon as the limit is reached.
    bool collect(bool byRelevance, QString *error)
    {
        QSqlQuery q(m_db);
        q.setForwardOnly(true);
        // The rank column costs a bm25 per row even where it does not order them.
        q.prepare(u"SELECT m.conversation_id, messages_fts.rowid, c.title, %1 "
                  u"FROM messages_fts JOIN messages m ON m.id = messages_fts.rowid "
                  u"JOIN conversations c ON c.id = m.conversation_id "
                  u"WHERE messages_fts MATCH ? ORDER BY %2"_s.arg(
                      byRelevance ? u"messages_fts.rank"_s : u"0"_s,
                      byRelevance ? u"messages_fts.rank"_s : u"messages_fts.rowid DESC"_s));
        q.addBindValue(m_match.expression());
        if (!q.exec()) {
            *error = describe(q);
            return false;
        }
        while (!full() && q.next()) {
            const qint64 conversationId = q.value(0).toLongLong();
            if (m_seen.contains(conversationId))
                continue; // a better message of this conversation came first
            m_seen.insert(conversationId);
            SearchHit hit;
            hit.conversationId = conversationId;
            hit.messageId = q.value(1).toLongLong();
            hit.title = q.value(2).toString();
            hit.rank = q.value(3).toDouble();
            m_hits.append(hit);
        }
        if (q.lastError().isValid()) {
            *error = describe(q);
            return false;
        }
        return true;
    }

    // Only the hits kept pay for a snippet.
    bool addSnippets(QString *error)
    {
        QSqlQuery q(m_db);
        q.setForwardOnly(true);
        q.prepare(u"SELECT text FROM messages WHERE id = ?"_s);
        for (SearchHit &hit : m_hits) {
            q.addBindValue(hit.messageId);
            if (!q.exec()) {
                *error = describe(q);
                return false;
            }
            if (q.next())
                hit.snippet = m_match.snippet.make(q.value(0).toString());
        }
        return true;
    }

private:
    QSqlDatabase &m_db;
    const Match &m_match;
    const int m_limit;
    QList<SearchHit> m_hits;
    QSet<qint64> m_seen;
};

} // namespace

QList<SearchHit> search(
    QSqlDatabase &db, const QString &query, int limit, QString *error, int rankLimit)
{
    QString failure;
    const auto fail = [&] {
        if (error)
            *error = failure;
        return QList<SearchHit> {};
    };
    const Match match = buildMatch(db, query, &failure);
    if (!failure.isEmpty())
        return fail();
    if (match.words.isEmpty())
        return {};
    const bool byRelevance = everyWordIsSelective(db, match, rankLimit, &failure);
    if (!failure.isEmpty())
        return fail();
    HitCollector hits(db, match, limit);
    if (!hits.collect(byRelevance, &failure) || !hits.addSnippets(&failure))
        return fail();
    return hits.hits();
}

} // namespace cody::conversationsearch
