// SPDX-License-Identifier: Apache-2.0
#include "history/backgroundsearch.h"

#include "history/conversationsearch.h"
#include "history/sqlitefile.h"

#include <QSqlDatabase>
#include <QSqlError>

using namespace Qt::StringLiterals;

namespace cody {

/// Lives on the search thread, with its own connection (a QSqlDatabase belongs to one thread).
class BackgroundSearch::Worker final : public QObject
{
public:
    Worker(QString path, const QAtomicInteger<quint64> *latest)
        : m_path(std::move(path))
        , m_latest(latest)
        , m_connection(u"cody-search-%1"_s.arg(quintptr(this)))
    { }

    ~Worker() override
    {
        if (!QSqlDatabase::contains(m_connection))
            return;
        QSqlDatabase::database(m_connection, false).close();
        QSqlDatabase::removeDatabase(m_connection);
    }

    void run(quint64 generation, const QString &query, int limit, BackgroundSearch *owner)
    {
        // Typing queues a search per pause; only the newest is worth running.
        if (generation != m_latest->loadAcquire())
            return;
        QString error;
        QList<SearchHit> hits;
        if (QSqlDatabase db = connection(&error); db.isOpen())
            hits = conversationsearch::search(db, query, limit, &error);
        QMetaObject::invokeMethod(
            owner,
            [owner, generation, query, hits, error] {
                if (generation == owner->m_latest.loadAcquire())
                    Q_EMIT owner->finished(query, hits, error);
            },
            Qt::QueuedConnection);
    }

private:
    QSqlDatabase connection(QString *error)
    {
        if (QSqlDatabase::contains(m_connection))
            return QSqlDatabase::database(m_connection);
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, m_connection);
        // As the store opens it (a file it may not write is opened immutable), but read-only
        // always: the store in the main thread does every write, and WAL lets both read at once.
        sqlitefile::setFile(db, m_path);
        if (db.connectOptions().isEmpty())
            db.setConnectOptions(u"QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=2000"_s);
        if (!db.open())
            *error = BackgroundSearch::tr("Cannot search the conversation database: %1")
                         .arg(db.lastError().text());
        return db;
    }

    QString m_path;
    const QAtomicInteger<quint64> *m_latest;
    QString m_connection;
};

BackgroundSearch::BackgroundSearch(const QString &databasePath, QObject *parent)
    : QObject(parent)
    , m_worker(new Worker(databasePath, &m_latest))
{
    m_thread.setObjectName(u"cody-search"_s);
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread.start(QThread::LowPriority);
}

BackgroundSearch::~BackgroundSearch()
{
    m_latest.storeRelease(m_latest.loadAcquire() + 1); // what is still queued is not run
    m_thread.quit();
    m_thread.wait();
}

void BackgroundSearch::search(const QString &query, int limit)
{
    const quint64 generation = m_latest.fetchAndAddOrdered(1) + 1;
    QMetaObject::invokeMethod(
        m_worker,
        [worker = m_worker, generation, query, limit, owner = this] {
            worker->run(generation, query, limit, owner);
        },
        Qt::QueuedConnection);
}

} // namespace cody
