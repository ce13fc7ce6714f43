// SPDX-License-Identifier: Apache-2.0
#include "conversationsearch.h"

#include "conversationschema.h"

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
    // Search as you type: the last word may be unfinished.
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
    // Rank every matching message, keep each conversation's best one; snippets are made after,
    // for the few hits returned, as they are the costly part.
    QSqlQuery q(db);
    q.setForwardOnly(true);
    q.prepare(u"WITH ranked AS (SELECT m.conversation_id AS cid, m.id AS mid, "
              u"bm25(messages_fts) AS rank FROM messages_fts JOIN messages m ON m.id = "
              u"messages_fts.rowid "
              u"WHERE messages_fts MATCH ?), "
              u"best AS (SELECT cid, mid, rank, ROW_NUMBER() OVER (PARTITION BY cid ORDER BY rank, "
              u"mid) AS n "
              u"FROM ranked) "
              u"SELECT best.cid, best.mid, c.title, best.rank FROM best JOIN conversations c ON "
              u"c.id = best.cid "
              u"WHERE best.n = 1 ORDER BY best.rank, c.updated DESC LIMIT ?"_s);
    q.addBindValue(match);
    q.addBindValue(limit <= 0 ? -1 : limit);
    if (!q.exec()) {
        if (error)
            *error = conversationschema::describe(what, q.lastError());
        return {};
    }
    while (q.next()) {
        SearchHit hit;
        hit.conversationId = q.value(0).toLongLong();
        hit.messageId = q.value(1).toLongLong();
        hit.title = q.value(2).toString();
        hit.rank = q.value(3).toDouble();
        hits.append(hit);
    }
    q.finish();
    QSqlQuery snippet(db);
    snippet.prepare(u"SELECT snippet(messages_fts, 0, '[[', ']]', '…', 16) FROM messages_fts "
                    u"WHERE messages_fts MATCH ? AND rowid = ?"_s);
    for (SearchHit &hit : hits) {
        snippet.addBindValue(match);
        snippet.addBindValue(hit.messageId);
        if (!snippet.exec()) {
            if (error)
                *error = conversationschema::describe(what, snippet.lastError());
            return {};
        }
        if (snippet.next())
            hit.snippet = snippet.value(0).toString();
        snippet.finish();
    }
    return hits;
}

} // namespace cody::conversationsearch
