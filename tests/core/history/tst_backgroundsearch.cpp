// SPDX-License-Identifier: Apache-2.0
// BackgroundSearch on a real history file: the same hits as the store's own search, delivered on
// the caller's thread, and only for the newest of searches typed in quick succession.
#include "conversationstoretestsupport.h"
#include "history/backgroundsearch.h"

#include <QSignalSpy>

using namespace cody;
using namespace cody::test;

class TestBackgroundSearch : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    QString filled(ConversationStore *store)
    {
        // A file of its own per test.
        const QString path
            = m_dir.filePath(QString::fromLatin1(QTest::currentTestFunction()) + u".sqlite"_s);
        QString error;
        if (!store->open(path, &error))
            qFatal("%s", qPrintable(error));
        for (int i = 0; i < 20; ++i) {
            const qint64 id
                = store->createConversation(makeConversation(u"chat %1"_s.arg(i)), &error);
            store->appendMessage(makeMessage(id, ChatMessage::Speaker::Human,
                                     u"about otters and the river %1, abc%1"_s.arg(i)),
                &error);
        }
        return path;
    }

private Q_SLOTS:
    void sameHitsAsTheStore()
    {
        ConversationStore store;
        BackgroundSearch search(filled(&store));
        QSignalSpy finished(&search, &BackgroundSearch::finished);
        search.search(u"otters river"_s, 100);
        QVERIFY(finished.wait(10'000));
        QCOMPARE(finished.constFirst().at(0).toString(), u"otters river"_s);
        const auto hits = finished.constFirst().at(1).value<QList<SearchHit>>();
        QString error;
        const QList<SearchHit> expected = store.search(u"otters river"_s, 100, &error);
        QCOMPARE(hits.size(), 20);
        QCOMPARE(hits.size(), expected.size());
        for (qsizetype i = 0; i < hits.size(); ++i) {
            QCOMPARE(hits.at(i).conversationId, expected.at(i).conversationId);
            QCOMPARE(hits.at(i).snippet, expected.at(i).snippet);
        }
        QCOMPARE(finished.constFirst().at(2).toString(), QString());
    }

    // Typing "ot", "otters", "abc17" quickly: only the last search's hits arrive.
    void onlyTheNewestIsDelivered()
    {
        ConversationStore store;
        BackgroundSearch search(filled(&store));
        QSignalSpy finished(&search, &BackgroundSearch::finished);
        search.search(u"ot"_s, 100);
        search.search(u"otters"_s, 100);
        search.search(u"abc17"_s, 100);
        QVERIFY(finished.wait(10'000));
        QVERIFY2(!finished.wait(500), "an older search was delivered too");
        QCOMPARE(finished.size(), 1);
        QCOMPARE(finished.constFirst().at(0).toString(), u"abc17"_s);
        QCOMPARE(finished.constFirst().at(1).value<QList<SearchHit>>().size(), 1);
    }

    void destroyedWhileSearching()
    {
        ConversationStore store;
        const QString path = filled(&store);
        for (int i = 0; i < 20; ++i) {
            BackgroundSearch search(path);
            search.search(u"otters"_s, 100);
        } // each waits for its thread; nothing is delivered to a deleted object
        QVERIFY(store.isOpen());
    }
};

QTEST_GUILESS_MAIN(TestBackgroundSearch)
#include "tst_backgroundsearch.moc"
