// SPDX-License-Identifier: Apache-2.0
// What the ConversationStore tests share: building conversations and messages, and a fresh
// directory for each test's database file.
#pragma once

#include "history/conversationstore.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <unistd.h>

using namespace Qt::StringLiterals;
using cody::ChatMessage;
using cody::ConversationStore;
using cody::SearchHit;
using cody::StoredConversation;
using cody::StoredMessage;
using cody::TokenUsage;

namespace cody::test {

inline StoredConversation makeConversation(
    const QString &title, qint64 updatedMs = 0, bool pinned = false)
{
    StoredConversation c;
    c.title = title;
    c.model = u"anthropic::2023-06-01::claude-3.5-sonnet"_s;
    if (updatedMs) {
        c.created = QDateTime::fromMSecsSinceEpoch(updatedMs - 1000, Qt::UTC);
        c.updated = QDateTime::fromMSecsSinceEpoch(updatedMs, Qt::UTC);
    }
    c.pinned = pinned;
    return c;
}

inline StoredMessage makeMessage(
    qint64 conversationId, ChatMessage::Speaker speaker, const QString &text)
{
    StoredMessage m;
    m.conversationId = conversationId;
    m.speaker = speaker;
    m.text = text;
    return m;
}

QStringList titles(const QList<StoredConversation> &list)
{
    QStringList out;
    for (const StoredConversation &c : list)
        out.append(c.title);
    return out;
}

QStringList hitTitles(const QList<SearchHit> &hits)
{
    QStringList out;
    for (const SearchHit &h : hits)
        out.append(h.title);
    return out;
}

inline QByteArray fileHash(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256);
}

// Runs `statements` on `path` through a connection of its own, as another program would.
inline int rawExec(const QString &path, const QStringList &statements)
{
    int result = -1;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"raw"_s);
        db.setDatabaseName(path);
        if (db.open()) {
            for (const QString &statement : statements) {
                QSqlQuery q(db);
                if (!q.exec(statement)) {
                    result = -1;
                    break;
                }
                result = q.next() ? q.value(0).toInt() : 0;
            }
        }
    }
    QSqlDatabase::removeDatabase(u"raw"_s);
    return result;
}

} // namespace cody::test

class ConversationStoreFixture : public QObject
{
protected:
    QString dbPath() const { return m_dir->filePath(u"history.sqlite"_s); }
    void makeDirectory()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
    }
    std::unique_ptr<QTemporaryDir> m_dir;
};
