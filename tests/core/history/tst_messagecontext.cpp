// SPDX-License-Identifier: Apache-2.0
// The codebase context stored with messages (history/messagecontext): written with the message
// or afterwards, read back with and without contents, kept out of the full-text index, deleted
// with its messages, and a damaged row skipped and counted instead of losing the message.
#include "contextsamples.h"
#include "conversationstoretestsupport.h"
#include "exportjson.h"
#include "history/conversationexport.h"
#include "history/conversationstore.h"

using namespace cody::test;
using cody::ContextItem;

Q_DECLARE_METATYPE(ContextItem)

namespace {

// A retrieved chunk that was sent, a local file left out with its reason, and the repository the
// chunk was retrieved from: what a prompt with an @-mentioned repository ends up with.
QList<ContextItem> sampleContext()
{
    return {sentChunk(u"package squirrel\n\n// quokkaesque: a word found only in this chunk\n"_s),
        leftOutFile(), mentionedRepository()};
}

QList<ContextItem> withoutContent(QList<ContextItem> items)
{
    for (ContextItem &item : items)
        item.content.clear();
    return items;
}

} // namespace

class TestMessageContext : public ConversationStoreFixture
{
    Q_OBJECT

private:
    // A conversation with a prompt carrying sampleContext() and a reply: the prompt's id.
    qint64 promptWithContext(ConversationStore &store, qint64 *conversationId = nullptr)
    {
        QString error;
        const qint64 cid = store.createConversation(makeConversation(u"squirrel"_s), &error);
        StoredMessage prompt
            = makeMessage(cid, ChatMessage::Speaker::Human, u"What is squirrel?"_s);
        prompt.context = sampleContext();
        const qint64 id = store.appendMessage(prompt, &error);
        store.appendMessage(
            makeMessage(cid, ChatMessage::Speaker::Assistant, u"A service."_s), &error);
        if (conversationId)
            *conversationId = cid;
        return id;
    }

    int rows(const QString &table) const
    {
        return rawExec(dbPath(), {u"SELECT COUNT(*) FROM "_s + table});
    }

private Q_SLOTS:
    void init() { makeDirectory(); }

    void roundTripsWithAndWithoutContents()
    {
        qint64 cid = 0;
        qint64 id = 0;
        {
            ConversationStore store;
            QString error;
            QVERIFY(store.open(dbPath(), &error));
            id = promptWithContext(store, &cid);
            QVERIFY(id);
            // Opening a conversation reads what describes the items, not their contents.
            const QList<StoredMessage> shown = store.messages(cid);
            QCOMPARE(shown.size(), 2);
            QCOMPARE(shown.at(0).context, withoutContent(sampleContext()));
            QCOMPARE(shown.at(0).unreadableContextItems, 0);
            QCOMPARE(shown.at(1).context, QList<ContextItem>());
        }
        // Reopened from the file, everything is there, in order, contents when asked for.
        ConversationStore store;
        QString error;
        QVERIFY(store.open(dbPath(), &error));
        const QList<StoredMessage> full
            = store.messages(cid, ConversationStore::ContextContent::Load);
        QCOMPARE(full.at(0).context, sampleContext());
        QCOMPARE(full.at(0).text, u"What is squirrel?"_s);
        int unreadable = -1;
        QCOMPARE(store.messageContext(id, &unreadable), sampleContext());
        QCOMPARE(unreadable, 0);
        QCOMPARE(store.messageContext(full.at(1).id), QList<ContextItem>());
        // Only items with content have a row for it, and the rows messages() reads hold none.
        QCOMPARE(rows(u"message_context"_s), 3);
        QCOMPARE(rows(u"context_contents"_s), 2);
        QCOMPARE(rows(u"message_context WHERE item LIKE '%quokkaesque%'"_s), 0);
    }

    // The request's items become known after the prompt is recorded: they replace what it had,
    // and the rest of the message (and the reply's streaming updates) leave them alone.
    void setReplacesAndUpdatesKeep()
    {
        ConversationStore store;
        QString error;
        QVERIFY(store.open(dbPath(), &error));
        qint64 cid = 0;
        const qint64 id = promptWithContext(store, &cid);
        const QList<ContextItem> sent = sampleContext().mid(0, 1);
        QVERIFY2(store.setMessageContext(id, sent, &error), qPrintable(error));
        QCOMPARE(store.messageContext(id), sent);
        QCOMPARE(rows(u"context_contents"_s), 1); // the old contents went with their items

        StoredMessage prompt = store.messages(cid).at(0);
        prompt.text = u"What is squirrel, exactly?"_s;
        prompt.context.clear(); // updateMessage() does not write context
        QVERIFY(store.updateMessage(prompt, &error));
        QVERIFY(store.appendToMessage(id, u" Please."_s, &error));
        QCOMPARE(store.messageContext(id), sent);
        QCOMPARE(store.messages(cid).at(0).text, u"What is squirrel, exactly? Please."_s);

        QVERIFY(store.setMessageContext(id, {}, &error));
        QCOMPARE(store.messageContext(id), QList<ContextItem>());
        QCOMPARE(rows(u"message_context"_s), 0);
        QCOMPARE(rows(u"context_contents"_s), 0);

        QVERIFY(!store.setMessageContext(9999, sent, &error));
        QVERIFY2(error.contains(u"no such message"_s), qPrintable(error));
        QCOMPARE(rows(u"message_context"_s), 0);
        ConversationStore closed;
        QVERIFY(!closed.setMessageContext(id, sent, &error));
        QVERIFY(closed.messageContext(id).isEmpty());
    }

    // Context is not message text: a word found only in a chunk (or its path) finds nothing, and
    // the index holds no term of it.
    void contextIsNotSearchable()
    {
        ConversationStore store;
        QString error;
        QVERIFY(store.open(dbPath(), &error));
        promptWithContext(store);
        QVERIFY(store.search(u"quokkaesque"_s, 10, &error).isEmpty());
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(store.search(u"symbols"_s, 10, &error).isEmpty());
        QCOMPARE(store.search(u"squirrel"_s, 10, &error).size(), 1); // the prompt's own text
        QCOMPARE(rawExec(dbPath(),
                     {u"CREATE VIRTUAL TABLE temp.terms USING fts5vocab(main, messages_fts, row)"_s,
                         u"SELECT COUNT(*) FROM temp.terms WHERE term = 'quokkaesque'"_s}),
            0);
    }

    // Edit and resend deletes from the edited prompt on: its context and the later ones go, the
    // earlier ones stay; deleting the conversation leaves no item or content behind.
    void deletedWithTheirMessages()
    {
        ConversationStore store;
        QString error;
        QVERIFY(store.open(dbPath(), &error));
        qint64 cid = 0;
        const qint64 first = promptWithContext(store, &cid);
        StoredMessage second = makeMessage(cid, ChatMessage::Speaker::Human, u"And then?"_s);
        second.context = sampleContext().mid(1);
        const qint64 secondId = store.appendMessage(second, &error);
        QVERIFY(secondId);
        QCOMPARE(rows(u"message_context"_s), 5);

        QVERIFY(store.deleteMessagesFrom(cid, secondId, &error));
        QCOMPARE(store.messageContext(secondId), QList<ContextItem>());
        QCOMPARE(store.messageContext(first), sampleContext());
        QCOMPARE(rows(u"message_context"_s), 3);
        QCOMPARE(rows(u"context_contents"_s), 2);

        const qint64 other = promptWithContext(store);
        QVERIFY(store.deleteConversation(cid, &error));
        QCOMPARE(rows(u"message_context"_s), 3);
        QCOMPARE(store.messageContext(other), sampleContext());
        QCOMPARE(rows(u"context_contents"_s), 2);
    }

    // A row edited by hand into something that is not a context item costs that item only: the
    // message, its text and its other items are read, and the loss is counted and shown.
    void damagedRowIsSkippedAndCounted_data()
    {
        QTest::addColumn<QString>("item");
        QTest::newRow("not JSON") << u"{\"kind\": \"file\", "_s;
        QTest::newRow("an array") << u"[1, 2]"_s;
        QTest::newRow("unknown kind") << u"{\"kind\": \"spreadsheet\", \"path\": \"a\"}"_s;
        QTest::newRow("file without path") << u"{\"kind\": \"file\", \"repo\": \"r\"}"_s;
        QTest::newRow("a number") << u"42"_s;
    }

    void damagedRowIsSkippedAndCounted()
    {
        QFETCH(QString, item);
        ConversationStore store;
        QString error;
        QVERIFY(store.open(dbPath(), &error));
        qint64 cid = 0;
        const qint64 id = promptWithContext(store, &cid);
        QSqlDatabase::addDatabase(u"QSQLITE"_s, u"edit"_s).setDatabaseName(dbPath());
        {
            QSqlQuery q(QSqlDatabase::database(u"edit"_s));
            q.prepare(u"UPDATE message_context SET item = ? WHERE position = 1"_s);
            q.addBindValue(item);
            QVERIFY(q.exec());
            QCOMPARE(q.numRowsAffected(), 1);
        }
        QSqlDatabase::removeDatabase(u"edit"_s);

        const QList<ContextItem> kept = {sampleContext().at(0), sampleContext().at(2)};
        for (const auto content :
            {ConversationStore::ContextContent::Skip, ConversationStore::ContextContent::Load}) {
            const QList<StoredMessage> messages = store.messages(cid, content);
            QCOMPARE(messages.size(), 2);
            QCOMPARE(messages.at(0).text, u"What is squirrel?"_s);
            QCOMPARE(messages.at(0).context.size(), 2);
            QCOMPARE(messages.at(0).context.at(1), kept.at(1));
            QCOMPARE(messages.at(0).unreadableContextItems, 1);
        }
        int unreadable = 0;
        QCOMPARE(store.messageContext(id, &unreadable), kept);
        QCOMPARE(unreadable, 1);
        QVERIFY2(store.exportMarkdown(cid).contains(
                     u"- 1 context item could not be read from the history\n"_s),
            qPrintable(store.exportMarkdown(cid)));
        // The export carries what could be read, and imports.
        QList<qint64> imported;
        QVERIFY2(store.importJson(store.exportJson(cid), &imported, &error), qPrintable(error));
        QCOMPARE(store.messageContext(store.messages(imported.first()).at(0).id), kept);
    }

    // What a message was sent with goes into the JSON export, contents included, and comes back
    // from it; an export from before context items imports as messages without any.
    void exportAndImportKeepContext()
    {
        ConversationStore store;
        QString error;
        QVERIFY(store.open(dbPath(), &error));
        qint64 cid = 0;
        promptWithContext(store, &cid);
        const QByteArray json = store.exportJson(cid);
        const QJsonArray messages = exportedMessages(json);
        const QJsonArray context = messages.at(0).toObject().value(u"context"_s).toArray();
        QCOMPARE(context.size(), 3);
        QCOMPARE(context.at(0).toObject(), sampleContext().at(0).toJson());
        QCOMPARE(
            context.at(0).toObject().value(u"content"_s).toString(), sampleContext().at(0).content);
        QCOMPARE(messages.at(1).toObject().value(u"context"_s), QJsonValue(QJsonArray()));
        QCOMPARE(store.exportAllJson(), json);

        ConversationStore other;
        QVERIFY(other.open(m_dir->filePath(u"other.sqlite"_s), &error));
        QList<qint64> imported;
        QVERIFY2(other.importJson(json, &imported, &error), qPrintable(error));
        const QList<StoredMessage> copy
            = other.messages(imported.first(), ConversationStore::ContextContent::Load);
        QCOMPARE(copy.at(0).context, sampleContext());
        QCOMPARE(copy.at(1).context, QList<ContextItem>());
        QCOMPARE(other.exportJson(imported.first()), json);

        QFile old(QStringLiteral(CODY_TEST_DATA_DIR "/history-v1.json"));
        QVERIFY(old.open(QIODevice::ReadOnly));
        QVERIFY2(other.importJson(old.readAll(), &imported, &error), qPrintable(error));
        QCOMPARE(imported.size(), 2);
        const QList<StoredMessage> before = other.messages(imported.first());
        QCOMPARE(before.size(), 4);
        for (const StoredMessage &message : before)
            QVERIFY(message.context.isEmpty());
    }

    // A conversation's standing repositories: stored, exported (only when there are any, so
    // older exports stay as they were), imported, listed in the Markdown; a bad list is refused.
    void standingRepositoriesTravelWithTheConversation()
    {
        ConversationStore store;
        QString error;
        QVERIFY(store.open(dbPath(), &error));
        StoredConversation conversation = makeConversation(u"standing"_s);
        conversation.contextRepositories
            = QStringList {u"github.com/sourcegraph/cody"_s, u"github.com/acme/lang-example"_s};
        const qint64 cid = store.createConversation(conversation, &error);
        QVERIFY2(cid, qPrintable(error));
        QCOMPARE(store.conversation(cid)->contextRepositories, conversation.contextRepositories);
        const qint64 plain = store.createConversation(makeConversation(u"plain"_s), &error);
        QVERIFY(store.conversation(plain)->contextRepositories.isEmpty());
        QVERIFY(!store.exportJson(plain).contains("contextRepositories"));

        const QByteArray json = store.exportJson(cid);
        QVERIFY(json.contains("contextRepositories"));
        QVERIFY(store.exportMarkdown(cid).contains(
            u"**Repositories searched for every question:** github.com/sourcegraph/cody, "
            u"github.com/acme/lang-example"_s));
        QList<qint64> imported;
        QVERIFY2(store.importJson(json, &imported, &error), qPrintable(error));
        QCOMPARE(store.conversation(imported.first())->contextRepositories,
            conversation.contextRepositories);

        QByteArray bad = json;
        bad.replace("\"github.com/acme/lang-example\"", "3");
        QVERIFY(!store.importJson(bad, nullptr, &error));
        QVERIFY2(error.contains(u"contextRepositories"_s), qPrintable(error));
    }

    void importRejectsBadContext_data()
    {
        QTest::addColumn<QByteArray>("context");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("not an array") << QByteArray(R"({"kind":"repository"})")
                                      << u"conversations[0].messages[0].context must be"_s;
        QTest::newRow("not an object") << QByteArray(R"([{"kind":"repository","repo":"r"}, 3])")
                                       << u"conversations[0].messages[0].context[1]"_s;
        QTest::newRow("unknown kind")
            << QByteArray(R"([{"kind":"image","path":"a.png"}])") << u"context[0]"_s;
        QTest::newRow("repository without name")
            << QByteArray(R"([{"kind":"repository"}])") << u"context[0]"_s;
    }

    // All or nothing, like the rest of an import.
    void importRejectsBadContext()
    {
        QFETCH(QByteArray, context);
        QFETCH(QString, mentions);
        ConversationStore store;
        QString error;
        QVERIFY(store.open(dbPath(), &error));
        const QByteArray json = R"({"version":1,"conversations":[{"title":"t","messages":[)"
                                R"({"role":"user","text":"hi","context":)"
            + context + "}]}]}";
        QVERIFY(!store.importJson(json, nullptr, &error));
        QVERIFY2(error.contains(mentions), qPrintable(error));
        QCOMPARE(store.conversationCount(), 0);
    }

    // The Markdown lists each message's context under it: sent items with repository, path,
    // lines and tokens, left-out ones with the reason; never the contents.
    void markdownListsContext()
    {
        ConversationStore store;
        QString error;
        QVERIFY(store.open(dbPath(), &error));
        qint64 cid = 0;
        promptWithContext(store, &cid);
        QCOMPARE(store.exportMarkdown(cid),
            u"# squirrel\n"
            u"\n**You:**\n\nWhat is squirrel?\n"
            u"\n**Context:** 1 sent (312 tokens), 1 left out, 1 mentioned\n\n"
            u"- sent: [`cmd/symbols/squirrel/service.go`](https://sourcegraph.example.com/"
            u"github.com/sourcegraph/sourcegraph/-/blob/cmd/symbols/squirrel/service.go?L1-20)"
            u" lines 1-20 in `github.com/sourcegraph/sourcegraph`, 312 tokens, retrieved\n"
            u"- left out: local file `/home/me/big.log`, 9000 tokens — over the token budget\n"
            u"- mentioned: repository `github.com/sourcegraph/sourcegraph`\n"
            u"\n**Cody** (anthropic::2023-06-01::claude-3.5-sonnet):\n\nA service.\n"_s);

        StoredMessage message;
        ContextItem folder;
        folder.kind = ContextItem::Kind::RemoteFolder;
        folder.repoName = u"github.com/o/r"_s;
        folder.path = u"src/`odd`/"_s;
        message.context = {folder};
        QCOMPARE(cody::conversationexport::contextToMarkdown(message),
            u"\n**Context:** 1 mentioned\n\n- mentioned: folder `` src/`odd`/ `` in "
            u"`github.com/o/r`\n"_s);
        QCOMPARE(cody::conversationexport::contextToMarkdown(StoredMessage()), QString());
    }
};

QTEST_GUILESS_MAIN(TestMessageContext)
#include "tst_messagecontext.moc"
