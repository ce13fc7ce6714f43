// SPDX-License-Identifier: Apache-2.0
// Full-text search over the stored messages: any word, ranking, snippets, hostile input, edits.
#include "conversationstoretestsupport.h"
#include "history/conversationsearch.h"
#include "history/conversationstore.h"

#include <QSqlDatabase>

using namespace cody::test;

class TestConversationSearch : public ConversationStoreFixture
{
    Q_OBJECT

private Q_SLOTS:
    void init() { makeDirectory(); }
    void searchFindsAnyWord_data();
    void searchFindsAnyWord();
    void searchRanksMoreMatchesFirst();
    void searchOneHitPerConversation();
    void searchSnippetHasMarkers();
    void searchHostileQueries_data();
    void searchHostileQueries();
    void searchFollowsEdits();
    void searchPrefixTerms_data();
    void searchPrefixTerms();
    void searchRanksSelectiveWords();
};

void TestConversationSearch::searchFindsAnyWord_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QStringList>("expected");

    QTest::newRow("first message") << u"kangaroo"_s << QStringList {u"animals"_s};
    QTest::newRow("later reply") << u"quokka"_s << QStringList {u"animals"_s};
    QTest::newRow("other conversation") << u"lasagna"_s << QStringList {u"food"_s};
    QTest::newRow("in both") << u"favourite"_s << QStringList {u"animals"_s, u"food"_s};
    QTest::newRow("case and diacritics") << u"CAFE"_s << QStringList {u"food"_s};
    QTest::newRow("prefix of last word") << u"kanga"_s << QStringList {u"animals"_s};
    QTest::newRow("all words must occur") << u"lasagna kangaroo"_s << QStringList {};
    QTest::newRow("two words, one message") << u"lasagna café"_s << QStringList {u"food"_s};
    QTest::newRow("absent") << u"zebra"_s << QStringList {};
}

void TestConversationSearch::searchFindsAnyWord()
{
    QFETCH(QString, query);
    QFETCH(QStringList, expected);
    ConversationStore store;
    QString error;
    QVERIFY(store.open(dbPath(), &error));
    const qint64 animals = store.createConversation(makeConversation(u"animals"_s), &error);
    const qint64 food = store.createConversation(makeConversation(u"food"_s), &error);
    QVERIFY(store.appendMessage(
        makeMessage(animals, ChatMessage::Speaker::Human, u"Is a kangaroo my favourite?"_s),
        &error));
    QVERIFY(store.appendMessage(
        makeMessage(animals, ChatMessage::Speaker::Assistant, u"Maybe the quokka."_s), &error));
    QVERIFY(store.appendMessage(
        makeMessage(food, ChatMessage::Speaker::Human, u"My favourite: lasagna at the café"_s),
        &error));

    QStringList found = hitTitles(store.search(query, 10, &error));
    QVERIFY2(error.isEmpty(), qPrintable(error));
    found.sort();
    QCOMPARE(found, expected);
}

void TestConversationSearch::searchRanksMoreMatchesFirst()
{
    ConversationStore store;
    QString error;
    QVERIFY(store.open(dbPath(), &error));
    const qint64 few = store.createConversation(makeConversation(u"few"_s), &error);
    const qint64 many = store.createConversation(makeConversation(u"many"_s), &error);
    QVERIFY(store.appendMessage(
        makeMessage(few, ChatMessage::Speaker::Human,
            u"one mention of rust among a lot of other words about gardens and weather"_s),
        &error));
    QVERIFY(store.appendMessage(
        makeMessage(many, ChatMessage::Speaker::Human, u"rust rust rust, why rust?"_s), &error));
    const QList<SearchHit> hits = store.search(u"rust"_s, 10, &error);
    QCOMPARE(hitTitles(hits), (QStringList {u"many"_s, u"few"_s}));
    QVERIFY(hits.at(0).rank < hits.at(1).rank);
    QCOMPARE(store.search(u"rust"_s, 1, &error).size(), 1);
}

void TestConversationSearch::searchOneHitPerConversation()
{
    ConversationStore store;
    QString error;
    QVERIFY(store.open(dbPath(), &error));
    const qint64 cid = store.createConversation(makeConversation(u"c"_s), &error);
    QVERIFY(store.appendMessage(
        makeMessage(cid, ChatMessage::Speaker::Human, u"tell me about otters and more and more"_s),
        &error));
    const qint64 best = store.appendMessage(
        makeMessage(cid, ChatMessage::Speaker::Assistant, u"otters! otters!"_s), &error);
    QVERIFY(store.appendMessage(makeMessage(cid, ChatMessage::Speaker::Human,
                                    u"and the otters' dens, in a long sentence here"_s),
        &error));
    const QList<SearchHit> hits = store.search(u"otters"_s, 10, &error);
    QCOMPARE(hits.size(), 1);
    QCOMPARE(hits.first().conversationId, cid);
    QCOMPARE(hits.first().messageId, best);
}

void TestConversationSearch::searchSnippetHasMarkers()
{
    ConversationStore store;
    QString error;
    QVERIFY(store.open(dbPath(), &error));
    const qint64 cid = store.createConversation(makeConversation(u"c"_s), &error);
    QVERIFY(store.appendMessage(makeMessage(cid, ChatMessage::Speaker::Assistant,
                                    u"Use QSqlDatabase with the QSQLITE driver."_s),
        &error));
    const QList<SearchHit> hits = store.search(u"driver"_s, 10, &error);
    QCOMPARE(hits.size(), 1);
    QVERIFY2(hits.first().snippet.contains(u"[[driver]]"_s), qPrintable(hits.first().snippet));
    QCOMPARE(hits.first().title, u"c"_s);
}

void TestConversationSearch::searchHostileQueries_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<int>("hits");

    QTest::newRow("quote") << u"\""_s << 0;
    QTest::newRow("unbalanced quote") << u"\"foo"_s << 1;
    QTest::newRow("quote inside") << u"fo\"o"_s << 0;
    QTest::newRow("minus") << u"-foo"_s << 1;
    QTest::newRow("column filter") << u"a:b"_s << 0;
    QTest::newRow("column filter on text") << u"text:foo"_s << 0; // the phrase "text foo"
    QTest::newRow("colons join a phrase") << u"bar:text"_s << 1;
    QTest::newRow("star") << u"*"_s << 0;
    QTest::newRow("NEAR(") << u"NEAR("_s << 0;
    QTest::newRow("operators") << u"foo AND OR NOT"_s << 0;
    QTest::newRow("parentheses") << u"(foo) )"_s << 1;
    QTest::newRow("caret and plus") << u"^foo + bar"_s << 1;
    QTest::newRow("empty") << QString() << 0;
    QTest::newRow("spaces") << u"   "_s << 0;
    QTest::newRow("braces") << u"{text}: foo"_s << 1;
    QTest::newRow("unfinished word") << u"fo"_s << 1;
    QTest::newRow("unfinished word, not the first") << u"foo ba"_s << 1;
    QTest::newRow("one letter is not a prefix") << u"f"_s << 0;
}

void TestConversationSearch::searchHostileQueries()
{
    QFETCH(QString, query);
    QFETCH(int, hits);
    ConversationStore store;
    QString error;
    QVERIFY(store.open(dbPath(), &error));
    const qint64 cid = store.createConversation(makeConversation(u"c"_s), &error);
    QVERIFY(store.appendMessage(
        makeMessage(cid, ChatMessage::Speaker::Human, u"foo bar text"_s), &error));
    const QList<SearchHit> found = store.search(query, 10, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(found.size(), hits);
}

void TestConversationSearch::searchFollowsEdits()
{
    ConversationStore store;
    QString error;
    QVERIFY(store.open(dbPath(), &error));
    const qint64 cid = store.createConversation(makeConversation(u"c"_s), &error);
    StoredMessage m = makeMessage(cid, ChatMessage::Speaker::Human, u"original walrus"_s);
    m.id = store.appendMessage(m, &error);
    QCOMPARE(store.search(u"walrus"_s, 10, &error).size(), 1);
    m.text = u"edited narwhal"_s;
    QVERIFY(store.updateMessage(m, &error));
    QVERIFY(store.search(u"walrus"_s, 10, &error).isEmpty());
    QCOMPARE(store.search(u"narwhal"_s, 10, &error).size(), 1);
    QVERIFY(store.appendToMessage(m.id, u" and beluga"_s, &error));
    QCOMPARE(store.search(u"beluga"_s, 10, &error).size(), 1);
    QCOMPARE(store.search(u"narwhal beluga"_s, 10, &error).size(), 1);
    QVERIFY(store.deleteMessagesFrom(cid, m.id, &error));
    QVERIFY(store.search(u"narwhal"_s, 10, &error).isEmpty());
    QVERIFY(error.isEmpty());
    // The external-content index agrees with its table.
    QCOMPARE(
        rawExec(dbPath(),
            {u"INSERT INTO messages_fts (messages_fts, rank) VALUES ('integrity-check', 1)"_s}),
        0);
}

// The last word's terms are listed from the index when there are few and it is plain ASCII;
// otherwise the prefix query runs. Both must find the same messages.
void TestConversationSearch::searchPrefixTerms_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QStringList>("expected");

    QTest::newRow("more terms than are listed") << u"pre"_s << QStringList {u"many"_s, u"one"_s};
    QTest::newRow("one term") << u"prel"_s << QStringList {u"one"_s};
    QTest::newRow("digits") << u"pre6"_s << QStringList {u"many"_s};
    QTest::newRow("upper case") << u"PRE69"_s << QStringList {u"many"_s};
    QTest::newRow("no term starts so") << u"prex"_s << QStringList {};
    QTest::newRow("after another word") << u"zither pre"_s << QStringList {u"one"_s};
    QTest::newRow("diacritics, folded by the index") << u"naïv"_s << QStringList {u"one"_s};
    QTest::newRow("diacritics in the message only") << u"NAIV"_s << QStringList {u"one"_s};
    QTest::newRow("a phrase of tokens") << u"x-pre"_s << QStringList {u"one"_s};
}

void TestConversationSearch::searchPrefixTerms()
{
    QFETCH(QString, query);
    QFETCH(QStringList, expected);
    ConversationStore store;
    QString error;
    QVERIFY(store.open(dbPath(), &error));
    QStringList many;
    for (int i = 0; i < 70; ++i)
        many.append(u"pre%1"_s.arg(i));
    const qint64 a = store.createConversation(makeConversation(u"many"_s), &error);
    QVERIFY(
        store.appendMessage(makeMessage(a, ChatMessage::Speaker::Human, many.join(u' ')), &error));
    const qint64 b = store.createConversation(makeConversation(u"one"_s), &error);
    QVERIFY(store.appendMessage(
        makeMessage(b, ChatMessage::Speaker::Human, u"a zither prelude, naïve, x-prelude"_s),
        &error));

    const QList<SearchHit> hits = store.search(query, 10, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QStringList found = hitTitles(hits);
    found.sort();
    QCOMPARE(found, expected);
    for (const SearchHit &hit : hits)
        QVERIFY2(hit.snippet.contains(u"[["_s), qPrintable(hit.snippet));
}

// Relevance ranks a query whose words are all selective; a word more common than the limit puts
// the newest first, at a cost that does not grow with how common it is.
void TestConversationSearch::searchRanksSelectiveWords()
{
    QStringList titles;
    {
        ConversationStore store;
        QString error;
        QVERIFY(store.open(dbPath(), &error));
        const QStringList texts = {u"otter otter otter"_s, u"otter"_s, u"otter otter"_s,
            u"otter among a great many other words that dilute it"_s};
        for (int i = 0; i < texts.size(); ++i) {
            const qint64 cid
                = store.createConversation(makeConversation(u"c%1"_s.arg(i + 1)), &error);
            QVERIFY(store.appendMessage(
                makeMessage(cid, ChatMessage::Speaker::Human, texts.at(i)), &error));
        }
    }
    QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"direct"_s);
    db.setDatabaseName(dbPath());
    QVERIFY(db.open());
    QString error;
    const QList<SearchHit> all = cody::conversationsearch::search(db, u"otter"_s, 10, &error);
    QCOMPARE(hitTitles(all), (QStringList {u"c1"_s, u"c3"_s, u"c2"_s, u"c4"_s}));
    QCOMPARE(
        hitTitles(cody::conversationsearch::search(db, u"otter"_s, 10, &error, 4)), hitTitles(all));
    const QList<SearchHit> newest = cody::conversationsearch::search(db, u"otter"_s, 10, &error, 3);
    QCOMPARE(hitTitles(newest), (QStringList {u"c4"_s, u"c3"_s, u"c2"_s, u"c1"_s}));
    QCOMPARE(hitTitles(cody::conversationsearch::search(db, u"otter"_s, 2, &error, 3)),
        (QStringList {u"c4"_s, u"c3"_s}));
    // "many" is selective, "otter" is not: still newest first.
    QCOMPARE(hitTitles(cody::conversationsearch::search(db, u"otter many"_s, 10, &error, 3)),
        (QStringList {u"c4"_s}));
    for (const SearchHit &hit : newest)
        QVERIFY2(hit.snippet.contains(u"[[otter]]"_s), qPrintable(hit.snippet));
    QVERIFY2(error.isEmpty(), qPrintable(error));
    db.close();
    db = {};
    QSqlDatabase::removeDatabase(u"direct"_s);
}

QTEST_GUILESS_MAIN(TestConversationSearch)
#include "tst_conversationsearch.moc"
