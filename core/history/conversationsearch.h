// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "history/conversationstore.h"

#include <QList>
#include <QString>

class QSqlDatabase;

namespace cody::conversationsearch {

/// Above how many matching messages a word is too common to rank by (see search()).
inline constexpr int DefaultRankLimit = 10000;

/// Every word typed must occur; the last may be unfinished (a prefix, from two characters on).
/// One hit per conversation (its best message), best first, with a [[…]] snippet. "Best" is bm25
/// relevance when every word occurs in at most `rankLimit` messages, and otherwise the newest:
/// relevance costs time in proportion to how common the words are, and means little for a word
/// found everywhere.
QList<SearchHit> search(QSqlDatabase &db, const QString &query, int limit, QString *error,
    int rankLimit = DefaultRankLimit);

} // namespace cody::conversationsearch
