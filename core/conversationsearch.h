// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "conversationstore.h"

#include <QList>
#include <QString>

class QSqlDatabase;

namespace cody::conversationsearch {

/// The FTS5 MATCH expression for what the user typed: every word must occur, the last one may be
/// a prefix; empty if there is nothing to search for.
QString matchExpression(const QString &input);

/// One hit per conversation (its best-ranked message), best first, with a [[…]] snippet.
QList<SearchHit> search(QSqlDatabase &db, const QString &query, int limit, QString *error);

} // namespace cody::conversationsearch
