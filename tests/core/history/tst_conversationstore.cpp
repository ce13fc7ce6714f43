// SPDX-License-Identifier: Apache-2.0
// ConversationStore: conversations and messages, their states, and export and import.
#include "conversationstoretestsupport.h"
#include "history/conversationstore.h"

using namespace cody::test;

class TestConversationStore : public ConversationStoreFixture
{
    Q_OBJECT

private Q_SLOTS:
    void init() { makeDirectory(); }
    void basics();
    void failsWhenNotOpen();
    void createAndListOrder();
    void updateConversation();
    void deleteCascades();
    void messagesRoundTrip_data();
    void messagesRoundTrip();
    void appendMessageNeedsConversation();
    void appendToMessage();
    void deleteMessagesFrom();
    void streamingBecomesPartialOnReopen();
    void exportImportRoundTrip();
    void exportAllImportsEverything();
    void importRejectsBadInput_data();
    void importRejectsBadInput();
    void markdownShape();
};

void TestConversationStore::basics()
{
    QCOMPARE(ConversationStore::schemaVersion(), 2);
    QVERIFY(ConversationStore::defaultPath().endsWith(u"/history.sqlite"_s));
    ConversationStore store;
    QString error;
    QVERIFY2(store.open(dbPath(), &error), qPrintable(error));
    QVERIFY(store.isOpen());
    QCOMPARE(store.path(), dbPath());
    QVERIFY(store.movedAside().isEmpty());
    QCOMPARE(store.conversationCount(), 0);
    QVERIFY(!store.latestConversationId());
    QSqlDatabase::addDatabase(u"QSQLITE"_s, u"mode"_s).setDatabaseName(dbPath());
    {
        QSqlDatabase db = QSqlDatabase::database(u"mode"_s);
        QSqlQuery q(db);
        QVERIFY(q.exec(u"PRAGMA journal_mode"_s) && q.next());
        QCOMPARE(q.value(0).toString(), u"wal"_s);
        QVERIFY(q.exec(u"PRAGMA user_version"_s) && q.next());
        QCOMPARE(q.value(0).toInt(), 2);
    }
    QSqlDatabase::removeDatabase(u"mode"_s);
}

void TestConversationStore::failsWhenNotOpen()
{
    ConversationStore store;
    QString error;
    QCOMPARE(store.createConversation(makeConversation(u"x"_s), &error), 0);
    QVERIFY(error.contains(u"not open"_s));
    error.clear();
    QVERIFY(!store.appendToMessage(1, u"x"_s, &error));
    QVERIFY(!error.isEmpty());
    error.clear();
    QVERIFY(store.search(u"x"_s, 10, &error).isEmpty());
    QVERIFY(!error.isEmpty());
    QVERIFY(store.conversations(0, 10).isEmpty());
    QVERIFY(store.exportAllJson().isEmpty());
    QVERIFY(!store.importJson(R"({"version":1,"conversations":[]})", nullptr, &error));
}

void TestConversationStore::createAndListOrder()
{
    ConversationStore store;
    QString error;
    QVERIFY(store.open(dbPath(), &error));
    const qint64 base = QDateTime::currentMSecsSinceEpoch() - 100'000;
    QVERIFY(store.createConversation(makeConversation(u"old"_s, base + 1000), &error));
    QVERIFY(store.createConversation(makeConversation(u"old pinned"_s, base + 500, true), &error));
    const qint64 newest
        = store.createConversation(makeConversation(u"newest"_s, base + 3000), &error);
    QVERIFY2(newest, qPrintable(error));
    QVERIFY(store.createConversation(makeConversation(u"middle"_s, base + 2000), &error));

    QCOMPARE(titles(store.conversations(0, 10)),
        (QStringList {u"old pinned"_s, u"newest"_s, u"middle"_s, u"old"_s}));
    QCOMPARE(titles(store.conversations(1, 2)), (QStringList {u"newest"_s, u"middle"_s}));
    QCOMPARE(store.conversationCount(), 4);
    QCOMPARE(store.latestConversationId(), newest);
    const auto c = store.conversation(newest);
    QVERIFY(c);
    QCOMPARE(c->updated.toMSecsSinceEpoch(), base + 3000);
    QCOMPARE(c->created.toMSecsSinceEpoch(), base + 2000);
    QVERIFY(!c->temperature);
    QVERIFY(!c->maxTokens);
    QVERIFY(!store.conversation(9999));
}

void TestConversationStore::updateConversation()
{
    ConversationStore store;
    QString error;
    QVERIFY(store.open(dbPath(), &error));
    const qint64 id
        = store.createConversation(makeConversation(u"before"_s, 1'700'000'000'000), &error);
    QVERIFY(id);
    StoredConversation c = *store.conversation(id);
    c.title = u"after"_s;
    c.systemPrompt = u"Be brief."_s;
    c.temperature = 0.25;
    c.maxTokens = 1000;
    c.pinned = true;
    c.updated = {};
    QVERIFY2(store.updateConversation(c, &error), qPrintable(error));
    const StoredConversation read = *store.conversation(id);
    QCOMPARE(read.title, u"after"_s);
    QCOMPARE(read.systemPrompt, u"Be brief."_s);
    QCOMPARE(read.temperature, 0.25);
    QCOMPARE(read.maxTokens, 1000);
    QVERIFY(read.pinned);
    // Renaming or pinning keeps the time, so the list does not jump around.
    QCOMPARE(read.updated.toMSecsSinceEpoch(), 1'700'000'000'000);

    c.temperature.reset();
    c.maxTokens.reset();
    QVERIFY(store.updateConversation(c, &error));
    QVERIFY(!store.conversation(id)->temperature);
    QVERIFY(!store.conversation(id)->maxTokens);

    c.id = 4242;
    QVERIFY(!store.updateConversation(c, &error));
    QVERIFY(error.contains(u"4242"_s));
}

void TestConversationStore::deleteCascades()
{
    ConversationStore store;
    QString error;
    QVERIFY(store.open(dbPath(), &error));
    const qint64 keep = store.createConversation(makeConversation(u"keep"_s), &error);
    const qint64 gone = store.createConversation(makeConversation(u"gone"_s), &error);
    QVERIFY(store.appendMessage(
        makeMessage(keep, ChatMessage::Speaker::Human, u"kept words"_s), &error));
    QVERIFY(store.appendMessage(
        makeMessage(gone, ChatMessage::Speaker::Human, u"doomed words"_s), &error));
    QVERIFY(store.appendMessage(
        makeMessage(gone, ChatMessage::Speaker::Assistant, u"doomed reply"_s), &error));
    QCOMPARE(store.search(u"doomed"_s, 10, &error).size(), 1);

    QVERIFY2(store.deleteConversation(gone, &error), qPrintable(error));
    QVERIFY(!store.conversation(gone));
    QVERIFY(store.messages(gone).isEmpty());
    QCOMPARE(store.messages(keep).size(), 1);
    QVERIFY(store.search(u"doomed"_s, 10, &error).isEmpty());
    QVERIFY(error.isEmpty());
    QCOMPARE(store.search(u"words"_s, 10, &error).size(), 1);
    QVERIFY(!store.deleteConversation(gone, &error));
    QVERIFY(!error.isEmpty());
}

void TestConversationStore::messagesRoundTrip_data()
{
    QTest::addColumn<int>("speaker");
    QTest::addColumn<int>("state");
    QTest::addColumn<bool>("hasUsage");
    QTest::addColumn<QString>("errorText");

    QTest::newRow("user") << int(ChatMessage::Speaker::Human) << int(StoredMessage::State::Complete)
                          << false << QString();
    QTest::newRow("system") << int(ChatMessage::Speaker::System)
                            << int(StoredMessage::State::Complete) << false << QString();
    QTest::newRow("assistant complete with usage")
        << int(ChatMessage::Speaker::Assistant) << int(StoredMessage::State::Complete) << true
        << QString();
    QTest::newRow("assistant partial") << int(ChatMessage::Speaker::Assistant)
                                       << int(StoredMessage::State::Partial) << false << QString();
    QTest::newRow("assistant failed")
        << int(ChatMessage::Speaker::Assistant) << int(StoredMessage::State::Failed) << true
        << u"HTTP 429: rate limited"_s;
}

void TestConversationStore::messagesRoundTrip()
{
    QFETCH(int, speaker);
    QFETCH(int, state);
    QFETCH(bool, hasUsage);
    QFETCH(QString, errorText);

    ConversationStore store;
    QString error;
    QVERIFY(store.open(dbPath(), &error));
    const qint64 cid = store.createConversation(makeConversation(u"c"_s), &error);
    StoredMessage m
        = makeMessage(cid, ChatMessage::Speaker(speaker), u"Hello — ünïcødé ✓\nline two"_s);
    m.model = u"anthropic::2023-06-01::claude-3.5-sonnet"_s;
    m.stopReason = u"end_turn"_s;
    m.segments = 2;
    if (hasUsage)
        m.usage = TokenUsage {123, 456};
    m.state = StoredMessage::State(state);
    m.error = errorText;
    m.created = QDateTime::fromMSecsSinceEpoch(1'700'000'000'123, Qt::UTC);
    const qint64 id = store.appendMessage(m, &error);
    QVERIFY2(id, qPrintable(error));
    QVERIFY(
        store.appendMessage(makeMessage(cid, ChatMessage::Speaker::Human, u"second"_s), &error));

    const QList<StoredMessage> read = store.messages(cid);
    QCOMPARE(read.size(), 2);
    const StoredMessage &r = read.first();
    QCOMPARE(r.id, id);
    QCOMPARE(r.conversationId, cid);
    QCOMPARE(int(r.speaker), speaker);
    QCOMPARE(r.text, m.text);
    QCOMPARE(r.model, m.model);
    QCOMPARE(r.stopReason, m.stopReason);
    QCOMPARE(r.segments, 2);
    QCOMPARE(r.usage, m.usage);
    QCOMPARE(int(r.state), state);
    QCOMPARE(r.error, errorText);
    QCOMPARE(r.created, m.created);
    QCOMPARE(read.last().text, u"second"_s);
    // Appending touched the conversation.
    QVERIFY(store.conversation(cid)->updated.msecsTo(QDateTime::currentDateTimeUtc()) < 60'000);

    StoredMessage changed = r;
    changed.text = u"rewritten"_s;
    changed.state = StoredMessage::State::Complete;
    changed.usage = TokenUsage {1, 2};
    QVERIFY2(store.updateMessage(changed, &error), qPrintable(error));
    QCOMPARE(store.messages(cid).first().text, u"rewritten"_s);
    QCOMPARE(store.messages(cid).first().usage, (TokenUsage {1, 2}));
    changed.id = 99'999;
    QVERIFY(!store.updateMessage(changed, &error));
    QVERIFY(error.contains(u"99999"_s));
}

void TestConversationStore::appendMessageNeedsConversation()
{
    ConversationStore store;
    QString error;
    QVERIFY(store.open(dbPath(), &error));
    QCOMPARE(
        store.appendMessage(makeMessage(777, ChatMessage::Speaker::Human, u"orphan"_s), &error), 0);
    QVERIFY2(error.contains(u"777"_s) && error.contains(u"FOREIGN KEY"_s, Qt::CaseInsensitive),
        qPrintable(error));
    QVERIFY(store.search(u"orphan"_s, 10, &error).isEmpty());
}

void TestConversationStore::appendToMessage()
{
    ConversationStore store;
    QString error;
    QVERIFY(store.open(dbPath(), &error));
    const qint64 cid
        = store.createConversation(makeConversation(u"c"_s, 1'600'000'000'000), &error);
    StoredMessage reply = makeMessage(cid, ChatMessage::Speaker::Assistant, {});
    reply.state = StoredMessage::State::Streaming;
    const qint64 id = store.appendMessage(reply, &error);
    QVERIFY(id);
    StoredConversation c = *store.conversation(cid);
    c.updated = QDateTime::fromMSecsSinceEpoch(1'600'000'000'000, Qt::UTC);
    QVERIFY(store.updateConversation(c, &error));

    QVERIFY2(store.appendToMessage(id, u"Hello, "_s, &error), qPrintable(error));
    QVERIFY(store.appendToMessage(id, u"world"_s, &error));
    QCOMPARE(store.messages(cid).first().text, u"Hello, world"_s);
    QVERIFY(store.conversation(cid)->updated.toMSecsSinceEpoch() > 1'600'000'000'000);
    QCOMPARE(store.search(u"world"_s, 10, &error).size(), 1);
    QVERIFY(!store.appendToMessage(id + 100, u"x"_s, &error));
    QVERIFY(!error.isEmpty());
}

void TestConversationStore::deleteMessagesFrom()
{
    ConversationStore store;
    QString error;
    QVERIFY(store.open(dbPath(), &error));
    const qint64 cid = store.createConversation(makeConversation(u"c"_s), &error);
    const qint64 other = store.createConversation(makeConversation(u"other"_s), &error);
    QList<qint64> ids;
    for (const QString &text : {u"one"_s, u"two"_s, u"three"_s, u"four"_s})
        ids.append(
            store.appendMessage(makeMessage(cid, ChatMessage::Speaker::Human, text), &error));
    const qint64 otherMessage
        = store.appendMessage(makeMessage(other, ChatMessage::Speaker::Human, u"five"_s), &error);

    QVERIFY2(store.deleteMessagesFrom(cid, ids.at(2), &error), qPrintable(error));
    const QList<StoredMessage> left = store.messages(cid);
    QCOMPARE(left.size(), 2);
    QCOMPARE(left.last().text, u"two"_s);
    QCOMPARE(store.messages(other).size(), 1);
    QVERIFY(store.search(u"three"_s, 10, &error).isEmpty());
    QVERIFY(store.search(u"four"_s, 10, &error).isEmpty());
    // A message of another conversation is not a starting point here.
    QVERIFY(!store.deleteMessagesFrom(cid, otherMessage, &error));
    QVERIFY(!error.isEmpty());
}

void TestConversationStore::streamingBecomesPartialOnReopen()
{
    qint64 cid = 0;
    {
        ConversationStore store;
        QString error;
        QVERIFY(store.open(dbPath(), &error));
        cid = store.createConversation(makeConversation(u"c"_s), &error);
        StoredMessage m = makeMessage(cid, ChatMessage::Speaker::Assistant, u"half a repl"_s);
        m.state = StoredMessage::State::Streaming;
        QVERIFY(store.appendMessage(m, &error));
        m.state = StoredMessage::State::Failed;
        QVERIFY(store.appendMessage(m, &error));
        QCOMPARE(store.messages(cid).first().state, StoredMessage::State::Streaming);
    }
    ConversationStore store;
    QString error;
    QVERIFY(store.open(dbPath(), &error));
    const QList<StoredMessage> messages = store.messages(cid);
    QCOMPARE(messages.at(0).state, StoredMessage::State::Partial);
    QCOMPARE(messages.at(0).text, u"half a repl"_s);
    QCOMPARE(messages.at(1).state, StoredMessage::State::Failed);
}

void TestConversationStore::exportImportRoundTrip()
{
    ConversationStore store;
    QString error;
    QVERIFY(store.open(dbPath(), &error));
    StoredConversation c = makeConversation(u"Round trip"_s, 1'700'000'000'000, true);
    c.systemPrompt = u"Answer in French."_s;
    c.temperature = 0.5;
    c.maxTokens = 2048;
    const qint64 cid = store.createConversation(c, &error);
    StoredMessage question = makeMessage(cid, ChatMessage::Speaker::Human, u"Bonjour ?"_s);
    question.created = QDateTime::fromMSecsSinceEpoch(1'700'000'000'500, Qt::UTC);
    StoredMessage answer = makeMessage(cid, ChatMessage::Speaker::Assistant, u"Bonjour !"_s);
    answer.model = u"anthropic::2023-06-01::claude-3.5-sonnet"_s;
    answer.stopReason = u"max_tokens"_s;
    answer.segments = 3;
    answer.usage = TokenUsage {10, 20};
    answer.state = StoredMessage::State::Partial;
    answer.error = u"stopped"_s;
    QVERIFY(store.appendMessage(question, &error));
    QVERIFY(store.appendMessage(answer, &error));

    const QByteArray json = store.exportJson(cid);
    const QJsonObject root = QJsonDocument::fromJson(json).object();
    QCOMPARE(root.value(u"version"_s).toInt(), 1);
    const QJsonObject exported = root.value(u"conversations"_s).toArray().at(0).toObject();
    QCOMPARE(exported.value(u"systemPrompt"_s).toString(), c.systemPrompt);
    QCOMPARE(exported.value(u"maxTokens"_s).toInt(), 2048);
    const QJsonArray messages = exported.value(u"messages"_s).toArray();
    QCOMPARE(messages.at(0).toObject().value(u"role"_s).toString(), u"user"_s);
    QVERIFY(messages.at(0).toObject().value(u"usage"_s).isNull());
    QCOMPARE(messages.at(1)
                 .toObject()
                 .value(u"usage"_s)
                 .toObject()
                 .value(u"completion_tokens"_s)
                 .toInt(),
        20);
    QCOMPARE(messages.at(1).toObject().value(u"state"_s).toString(), u"partial"_s);
    QVERIFY(store.exportJson(9999).isEmpty());

    QList<qint64> imported;
    QVERIFY2(store.importJson(json, &imported, &error), qPrintable(error));
    QCOMPARE(imported.size(), 1);
    QVERIFY(imported.first() != cid);
    const StoredConversation copy = *store.conversation(imported.first());
    const StoredConversation original = *store.conversation(cid);
    QCOMPARE(copy.title, original.title);
    QCOMPARE(copy.systemPrompt, original.systemPrompt);
    QCOMPARE(copy.temperature, original.temperature);
    QCOMPARE(copy.maxTokens, original.maxTokens);
    QCOMPARE(copy.pinned, original.pinned);
    QCOMPARE(copy.created, original.created);
    const QList<StoredMessage> a = store.messages(cid);
    const QList<StoredMessage> b = store.messages(imported.first());
    QCOMPARE(b.size(), a.size());
    for (qsizetype i = 0; i < a.size(); ++i) {
        QCOMPARE(b[i].speaker, a[i].speaker);
        QCOMPARE(b[i].text, a[i].text);
        QCOMPARE(b[i].model, a[i].model);
        QCOMPARE(b[i].stopReason, a[i].stopReason);
        QCOMPARE(b[i].segments, a[i].segments);
        QCOMPARE(b[i].usage, a[i].usage);
        QCOMPARE(b[i].state, a[i].state);
        QCOMPARE(b[i].error, a[i].error);
        QCOMPARE(b[i].created, a[i].created);
    }
    // Exporting the copy gives the same document.
    QCOMPARE(store.exportJson(imported.first()), json);
}

void TestConversationStore::exportAllImportsEverything()
{
    ConversationStore store;
    QString error;
    QVERIFY(store.open(dbPath(), &error));
    for (const QString &title : {u"one"_s, u"two"_s, u"three"_s}) {
        const qint64 cid = store.createConversation(makeConversation(title), &error);
        QVERIFY(store.appendMessage(
            makeMessage(cid, ChatMessage::Speaker::Human, title + u" text"_s), &error));
    }
    const QByteArray all = store.exportAllJson();
    ConversationStore other;
    QVERIFY(other.open(m_dir->filePath(u"other.sqlite"_s), &error));
    QList<qint64> imported;
    QVERIFY2(other.importJson(all, &imported, &error), qPrintable(error));
    QCOMPARE(imported.size(), 3);
    QCOMPARE(other.conversationCount(), 3);
    QCOMPARE(other.messages(imported.at(1)).first().text, u"two text"_s);
    QCOMPARE(other.search(u"three"_s, 10, &error).size(), 1);
}

void TestConversationStore::importRejectsBadInput_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("mentions");

    const QByteArray good = R"({"title":"ok","messages":[{"role":"user","text":"hi"}]})";
    QTest::newRow("not json") << QByteArray("{nope") << u"JSON"_s;
    QTest::newRow("array at top") << QByteArray("[]") << u"object"_s;
    QTest::newRow("wrong version")
        << QByteArray(R"({"version":2,"conversations":[]})") << u"version"_s;
    QTest::newRow("no conversations") << QByteArray(R"({"version":1})") << u"conversations"_s;
    QTest::newRow("bad role") << QByteArray(
        R"({"version":1,"conversations":[{"messages":[{"role":"robot"}]}]})")
                              << u"conversations[0].messages[0].role"_s;
    QTest::newRow("bad usage") << QByteArray(
        R"({"version":1,"conversations":[{"messages":[{"role":"user","usage":{"prompt_tokens":-1}}]}]})")
                               << u"prompt_tokens"_s;
    QTest::newRow("temperature is text")
        << QByteArray(R"({"version":1,"conversations":[{"temperature":"hot"}]})")
        << u"temperature"_s;
    QTest::newRow("bad time") << QByteArray(
        R"({"version":1,"conversations":[{"created":"yesterday"}]})")
                              << u"created"_s;
    QTest::newRow("second one bad, first not imported")
        << QByteArray(R"({"version":1,"conversations":[)" + good
               + R"(,{"messages":[{"role":"user","state":"odd"}]}]})")
        << u"conversations[1].messages[0].state"_s;
}

void TestConversationStore::importRejectsBadInput()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, mentions);
    ConversationStore store;
    QString error;
    QVERIFY(store.open(dbPath(), &error));
    QList<qint64> imported {42};
    QVERIFY(!store.importJson(json, &imported, &error));
    QVERIFY2(error.contains(mentions), qPrintable(error));
    QCOMPARE(imported, QList<qint64> {42});
    QCOMPARE(store.conversationCount(), 0);
}

void TestConversationStore::markdownShape()
{
    ConversationStore store;
    QString error;
    QVERIFY(store.open(dbPath(), &error));
    StoredConversation c = makeConversation(u"Sorting in C++"_s);
    c.model = u"cody/default"_s;
    const qint64 cid = store.createConversation(c, &error);
    QVERIFY(store.appendMessage(
        makeMessage(cid, ChatMessage::Speaker::Human, u"How do I sort?"_s), &error));
    StoredMessage reply = makeMessage(cid, ChatMessage::Speaker::Assistant, u"Use `std::sort`."_s);
    reply.model = u"anthropic::2023-06-01::claude-3.5-sonnet"_s;
    QVERIFY(store.appendMessage(reply, &error));
    reply.model.clear();
    reply.text = u"And ranges"_s;
    reply.state = StoredMessage::State::Partial;
    QVERIFY(store.appendMessage(reply, &error));
    QCOMPARE(store.exportMarkdown(cid),
        u"# Sorting in C++\n"
        u"\n**You:**\n\nHow do I sort?\n"
        u"\n**Cody** (anthropic::2023-06-01::claude-3.5-sonnet):\n\nUse `std::sort`.\n"
        u"\n**Cody** (cody/default):\n\nAnd ranges\n\n*(reply incomplete)*\n"_s);
    QVERIFY(store.exportMarkdown(9999).isEmpty());
}

QTEST_GUILESS_MAIN(TestConversationStore)
#include "tst_conversationstore.moc"
