// SPDX-License-Identifier: Apache-2.0
#include "conversationsearch.h"

#include "conversationschema.h"

#include <QSet>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace cody::conversationsearch {

// Each word becomes an FTS5 string ("…", inner quotes doubled), so operators, column filters and
// stray quotes in what the user typed are searched for as text instead of breaking the query.
// Words with no letter or digit are dropped: the tokenizer would find nothing in them.
QString matchExpression(const QString &input)
{
    QStringList words;
    for (const QString &word : input.split(u' ', Qt::SkipEmptyParts)) {
        const QString trimmed = word.trimmed();
        if (std::any_of(
                trimmed.begin(), trimmed.end(), [](QChar c) { return c.isLetterOrNumber(); }))
            words.append(u'"' + QString(trimmed).replace(u'"', u"\"\""_s) + u'"');
    }
    if (words.isEmpty())
        return {};
    // Search as you type: the last word may be unfinished. Not after one character, though: a
    // prefix that short matches nearly every message, which costs much and finds little.
    if (words.last().size() > 3) // the quotes and at least two characters
        words.last() += u'*';
    return words.join(u' ');
}

QList<SearchHit> search(QSqlDatabase &db, const QString &query, int limit, QString *error)
{
    QList<SearchHit> hits;
    const QString match = matchExpression(query);
    if (match.isEmpty())
        return hits;
    const QString what = u"Searching the conversations"_s;
    // FTS5 hands out the matching messages best first (ORDER BY rank), and SQLite makes each row,
    // snippet included, only when it is stepped to: so reading stops as soon as `limit`
    // conversations have their best message, and only the rows read pay for a snippet. (A snippet
    // query per hit re-ran the whole match each time: 5.6 s for a one-letter prefix over 80 000
    // messages, against 0.2 s this way.)
    QSqlQuery q(db);
    q.setForwardOnly(true);
    q.prepare(u"SELECT m.conversation_id, messages_fts.rowid, c.title, messages_fts.rank, "
              u"snippet(messages_fts, 0, '[[', ']]', '…', 16) "
              u"FROM messages_fts JOIN messages m ON m.id = messages_fts.rowid "
              u"JOIN conversations c ON c.id = m.conversation_id "
              u"WHERE messages_fts MATCH ? ORDER BY messages_fts.rank"_s);
    q.addBindValue(match);
    if (!q.exec()) {
        if (error)
            *error = conversationschema::describe(what, q.lastError());
        return {};
    }
    QSet<qint64> seen;
    while ((limit <= 0 || hits.size() < limit) && q.next()) {
        const qint64 conversationId = q.value(0).toLongLong();
        if (seen.contains(conversationId))
            continue; // a better message of this conversation came first
        seen.insert(conversationId);
        SearchHit hit;
        hit.conversationId = conversationId;
        hit.messageId = q.value(1).toLongLong();
        hit.title = q.value(2).toString();
        hit.rank = q.value(3).toDouble();
        hit.snippet = q.value(4).toString();
        hits.append(hit);
    }
    if (q.lastError().isValid()) {
        if (error)
            *error = conversationschema::describe(what, q.lastError());
        return {};
    }
    return hits;
}

} // namespace cody::conversationsearch
