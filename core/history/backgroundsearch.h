// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "history/conversationstore.h"

#include <QAtomicInteger>
#include <QObject>
#include <QThread>

namespace cody {

/**
 * @brief History searches on a thread of their own, over a read-only connection of their own, so
 * that typing in the search field never waits for SQLite: ranking a common word over years of
 * history takes a second. Only the newest search's result is delivered.
 *
 * @code
 * cody::BackgroundSearch search(store.path());
 * connect(&search, &cody::BackgroundSearch::finished, this, &Sidebar::showHits);
 * search.search(u"sqlite wal"_s, 100);
 * @endcode
 */
class BackgroundSearch final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BackgroundSearch)

public:
    explicit BackgroundSearch(const QString &databasePath, QObject *parent = nullptr);
    /// Waits for a search still running (one SQLite statement), then stops the thread.
    ~BackgroundSearch() override;

    /// Searches for `query` (ConversationStore::search's rules); finished() follows unless
    /// another search() comes first.
    void search(const QString &query, int limit);

Q_SIGNALS:
    void finished(const QString &query, const QList<cody::SearchHit> &hits, const QString &error);

private:
    class Worker;

    QThread m_thread;
    Worker *m_worker;
    QAtomicInteger<quint64> m_latest = 0; ///< the generation of the newest search()
};

} // namespace cody
