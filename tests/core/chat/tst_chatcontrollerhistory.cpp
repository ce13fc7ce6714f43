// SPDX-License-Identifier: Apache-2.0
// ChatController with a real history file: per-conversation settings, edit and resend, continuing
// a reply cut short — what the request carries and what the database keeps.
#include "chat/chatcontroller.h"
#include "chat/messagemodel.h"
#include "contextsamples.h"
#include "fakesourcegraph.h"
#include "history/conversationstore.h"
#include "replyrunner.h"
#include "truncatedreply.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace cody;
using namespace cody::test;

class TestChatControllerHistory : public QObject
{
    Q_OBJECT

private:
    struct Fixture
    {
        Fixture()
            : client(nullptr)
            , chat(&messages)
        {
            QVERIFY(server.listen());
            client = std::make_unique<SourcegraphClient>(clientSettingsFor(server));
            QString error;
            QVERIFY2(store.open(dir.filePath(u"history.sqlite"_s), &error), qPrintable(error));
            chat.setClient(client.get());
            chat.setStore(&store);
            chat.setModel(*ModelRef::parse(u"fake::v1::normal"_s));
        }

        QJsonObject lastRequest() const { return server.streamRequests().constLast().json(); }
        QJsonArray lastMessages() const { return lastRequest().value(u"messages"_s).toArray(); }
        QList<StoredMessage> stored() const { return store.messages(chat.conversationId()); }

        QTemporaryDir dir;
        FakeSourcegraph server;
        std::unique_ptr<SourcegraphClient> client;
        ConversationStore store;
        MessageModel messages;
        ChatController chat;
    };

    // What a prompt about squirrel is sent with: a repository to retrieve from and a chunk.
    static QList<ContextItem> squirrelContext(const QString &chunkText)
    {
        return {mentionedRepository(), sentChunk(chunkText)};
    }

    static QList<ContextItem> withoutContent(QList<ContextItem> items)
    {
        for (ContextItem &item : items)
            item.content.clear();
        return items;
    }

    static void waitForReply(ChatController &chat)
    {
        QSignalSpy finished(&chat, &ChatController::replyFinished);
        QVERIFY(finished.wait(10'000));
    }

    static void sendAndWait(ChatController &chat, const QString &prompt)
    {
        QSignalSpy finished(&chat, &ChatController::replyFinished);
        QString error;
        QVERIFY2(chat.send(prompt, &error), qPrintable(error));
        QVERIFY(finished.wait(10'000));
    }

private Q_SLOTS:
    void settingsReachTheRequestAndTheHistory()
    {
        Fixture f;
        f.chat.setConversationSettings({u"Answer in German."_s, 0.3, 100, {}});
        sendAndWait(f.chat, u"hello"_s);
        const QJsonArray sent = f.lastMessages();
        QCOMPARE(sent.size(), 2);
        QCOMPARE(sent.at(0).toObject().value(u"speaker"_s).toString(), u"system"_s);
        QCOMPARE(sent.at(0).toObject().value(u"text"_s).toString(), u"Answer in German."_s);
        QCOMPARE(f.lastRequest().value(u"temperature"_s).toDouble(), 0.3);
        QCOMPARE(f.lastRequest().value(u"maxTokensToSample"_s).toInt(), 100);
        // The system prompt is a setting of the conversation, not one of its messages.
        QCOMPARE(f.messages.rowCount(), 2);

        const auto conversation = f.store.conversation(f.chat.conversationId());
        QVERIFY(conversation);
        QCOMPARE(conversation->systemPrompt, u"Answer in German."_s);
        QCOMPARE(conversation->temperature, 0.3);
        QCOMPARE(conversation->maxTokens, 100);

        // A change mid-conversation is kept too, and applies to the next reply.
        f.chat.setConversationSettings({{}, std::nullopt, std::nullopt, {}});
        QCOMPARE(f.store.conversation(f.chat.conversationId())->systemPrompt, QString());
        sendAndWait(f.chat, u"again"_s);
        QCOMPARE(f.lastMessages().at(0).toObject().value(u"speaker"_s).toString(), u"human"_s);
        QCOMPARE(f.lastRequest().value(u"maxTokensToSample"_s).toInt(), defaults::MaxTokens);
    }

    void openingRestoresModelAndSettings()
    {
        Fixture f;
        f.chat.setModel(*ModelRef::parse(u"fake::v1::slow"_s), u"fake::v1::slow"_s);
        f.chat.setConversationSettings(
            {u"Be brief."_s, 1.5, 64, {u"github.com/a/b"_s, u"github.com/c/d"_s}});
        sendAndWait(f.chat, u"first"_s);
        const qint64 id = f.chat.conversationId();
        // The model changes mid-conversation: the conversation keeps the new one, each reply its
        // own.
        f.chat.setModel(*ModelRef::parse(u"fake::v1::normal"_s), u"fake::v1::normal"_s);
        sendAndWait(f.chat, u"second"_s);
        QCOMPARE(f.store.conversation(id)->model, u"fake::v1::normal"_s);

        f.chat.newChat();
        QCOMPARE(f.chat.conversationSettings(), ConversationSettings());
        f.chat.setModel(*ModelRef::parse(u"fake::v1::trickle"_s));
        QSignalSpy replaced(&f.chat, &ChatController::settingsReplaced);
        QVERIFY(f.chat.openConversation(id));
        QCOMPARE(replaced.size(), 1);
        QCOMPARE(f.chat.conversationSettings(),
            ConversationSettings(
                {u"Be brief."_s, 1.5, 64, {u"github.com/a/b"_s, u"github.com/c/d"_s}}));
        QCOMPARE(f.chat.modelName(), u"fake::v1::normal"_s);
        QCOMPARE(f.chat.model().fullName(), u"cody/fake::v1::normal"_s);
        QCOMPARE(f.messages.message(1).model, u"cody/fake::v1::slow"_s);
        QCOMPARE(f.messages.message(3).model, u"cody/fake::v1::normal"_s);
        QVERIFY(f.messages.message(0).storedId != 0);
        QCOMPARE(f.messages.rowForStoredId(f.messages.message(2).storedId), 2);
    }

    void editAndResendReplacesTheLaterTurns()
    {
        Fixture f;
        sendAndWait(f.chat, u"one"_s);
        sendAndWait(f.chat, u"two"_s);
        sendAndWait(f.chat, u"three"_s);
        QString error;
        QVERIFY(!f.chat.editAndResend(1, u"uno"_s, &error)); // a reply, not a prompt
        QVERIFY(!f.chat.editAndResend(2, u"  "_s, &error));
        QCOMPARE(error, u"the message is empty"_s);

        QVERIFY(f.chat.editAndResend(2, u"deux"_s));
        waitForReply(f.chat);
        QCOMPARE(f.messages.rowCount(), 4);
        QCOMPARE(f.messages.message(2).text, u"deux"_s);
        QCOMPARE(f.messages.message(3).text, u"Hello from the fake Sourcegraph! You said: deux"_s);
        // The request carries the turns before the edited one, then the edited one.
        const QJsonArray sent = f.lastMessages();
        QCOMPARE(sent.size(), 3);
        QCOMPARE(sent.at(2).toObject().value(u"text"_s).toString(), u"deux"_s);
        // And the history holds the same four messages, in order.
        const auto stored = f.stored();
        QCOMPARE(stored.size(), 4);
        QCOMPARE(stored.at(0).text, u"one"_s);
        QCOMPARE(stored.at(2).text, u"deux"_s);
        QCOMPARE(stored.at(3).state, StoredMessage::State::Complete);
        QCOMPARE(stored.at(3).text, f.messages.message(3).text);
    }

    // A reply cut off by the output limit (auto-continuation off) is continued in the same
    // message, seamlessly, and recorded whole.
    void continueATruncatedReply()
    {
        Fixture f;
        f.chat.setModel(*ModelRef::parse(u"fake::v1::truncated"_s));
        f.chat.setOptions({defaults::MaxTokens, false, 0});
        QVERIFY(!f.chat.canContinue());
        sendAndWait(f.chat, u"tell me everything"_s);
        const QString first = f.messages.message(1).text;
        QVERIFY(first.size() < TruncatedReply::text().size());
        QVERIFY(f.messages.message(1).truncated);
        QVERIFY(f.chat.canContinue());
        QCOMPARE(f.stored().at(1).state, StoredMessage::State::Partial);

        f.chat.setOptions({defaults::MaxTokens, true, 0});
        QVERIFY(f.chat.continueReply());
        QCOMPARE(f.messages.message(1).state, MessageModel::State::Streaming);
        waitForReply(f.chat);
        QCOMPARE(f.messages.rowCount(), 2);
        QCOMPARE(f.messages.message(1).text, TruncatedReply::text());
        QCOMPARE(f.messages.message(1).state, MessageModel::State::Complete);
        QVERIFY(!f.chat.canContinue());
        // The first continuation request sent the reply so far as the final assistant turn.
        const auto requests = f.server.streamRequests();
        const QJsonArray resumed = requests.at(1).json().value(u"messages"_s).toArray();
        QCOMPARE(resumed.size(), 2);
        QCOMPARE(resumed.at(1).toObject().value(u"speaker"_s).toString(), u"assistant"_s);
        QCOMPARE(resumed.at(1).toObject().value(u"text"_s).toString(), first.trimmed());
        const auto stored = f.stored();
        QCOMPARE(stored.size(), 2);
        QCOMPARE(stored.at(1).text, TruncatedReply::text());
        QCOMPARE(stored.at(1).state, StoredMessage::State::Complete);
    }

    void continueAStoppedReply()
    {
        Fixture f;
        f.chat.setModel(*ModelRef::parse(u"fake::v1::slow"_s));
        QVERIFY(f.chat.send(u"go slowly"_s));
        QTRY_VERIFY(!f.messages.message(1).text.isEmpty());
        QSignalSpy finished(&f.chat, &ChatController::replyFinished);
        f.chat.stop();
        QVERIFY(finished.wait(10'000));
        const QString stopped = f.messages.message(1).text;
        QCOMPARE(f.messages.message(1).state, MessageModel::State::Cancelled);
        QVERIFY(f.chat.canContinue());
        QCOMPARE(f.stored().at(1).state, StoredMessage::State::Partial);

        QVERIFY(f.chat.continueReply());
        waitForReply(f.chat);
        QCOMPARE(f.messages.rowCount(), 2);
        QVERIFY2(f.messages.message(1).text.startsWith(stopped.trimmed()),
            qPrintable(f.messages.message(1).text));
        QVERIFY(f.messages.message(1).text.size() > stopped.trimmed().size());
        QCOMPARE(f.lastMessages().last().toObject().value(u"speaker"_s).toString(), u"assistant"_s);
        QCOMPARE(f.stored().at(1).text, f.messages.message(1).text);
        QCOMPARE(f.stored().at(1).state, StoredMessage::State::Complete);
    }

    void nothingToContinue()
    {
        Fixture f;
        QString error;
        QVERIFY(!f.chat.continueReply(&error));
        QCOMPARE(error, u"the last reply was not cut short"_s);
        sendAndWait(f.chat, u"hi"_s);
        QVERIFY(!f.chat.continueReply(&error));
        QCOMPARE(error, u"the last reply was not cut short"_s);
    }

    // A prompt's context is shown and recorded with it, comes back (without contents) when the
    // conversation is reopened, and whole for sending again; regenerate keeps it, edit and
    // resend drops the edited prompt's.
    void contextIsRecordedAndRestored()
    {
        Fixture f;
        sendAndWait(f.chat, u"what is squirrel?"_s);
        const QList<ContextItem> first = squirrelContext(u"package squirrel // first"_s);
        QSignalSpy historyErrors(&f.chat, &ChatController::historyError);
        f.chat.setContext(0, first);
        QCOMPARE(f.messages.message(0).context, first);
        QCOMPARE(f.store.messageContext(f.messages.message(0).storedId), first);
        sendAndWait(f.chat, u"and symbols?"_s);
        const QList<ContextItem> second = squirrelContext(u"package squirrel // second"_s);
        f.chat.setContext(2, second);
        QCOMPARE(historyErrors.size(), 0);
        QCOMPARE(f.chat.contextWithContent(2), second);

        const qint64 id = f.chat.conversationId();
        f.chat.newChat();
        QVERIFY(f.chat.openConversation(id));
        QCOMPARE(f.messages.rowCount(), 4);
        QCOMPARE(f.messages.message(0).context, withoutContent(first));
        QCOMPARE(f.messages.data(f.messages.index(2), MessageModel::ContextRole)
                     .value<QList<ContextItem>>(),
            withoutContent(second));
        QCOMPARE(f.messages.message(1).context, QList<ContextItem>());
        QCOMPARE(f.chat.contextWithContent(0), first);
        QCOMPARE(f.chat.contextWithContent(2), second);

        // Regenerating sends the question's context again, in Cody's prompt, and records what
        // this request made of each item.
        QVERIFY(f.chat.regenerate());
        waitForReply(f.chat);
        const QJsonArray sent = f.lastMessages();
        const QString chunk
            = u"Codebase context from file /cmd/symbols/squirrel/service.go in "
              u"repository github.com/sourcegraph/sourcegraph:\n"
              u"```go:/cmd/symbols/squirrel/service.go\npackage squirrel // second```"_s;
        QVERIFY2(std::any_of(sent.begin(), sent.end(),
                     [&](const QJsonValue &m) { return m[u"text"_s].toString() == chunk; }),
            QJsonDocument(sent).toJson().constData());
        QCOMPARE(sent.last()[u"text"_s].toString(), u"and symbols?"_s);
        const QList<ContextItem> resent = f.chat.contextWithContent(2);
        QCOMPARE(resent.size(), 2);
        QVERIFY(resent.at(0).sent); // the repository: a chunk of it was sent
        QVERIFY(resent.at(1).sent);
        QVERIFY(resent.at(1).tokens > 0);
        QCOMPARE(resent.at(1).content, second.at(1).content);
        QCOMPARE(f.stored().at(2).context, withoutContent(resent));

        // An edited question keeps what was mentioned and is searched again: what was retrieved
        // for the old wording goes.
        QVERIFY(f.chat.editAndResend(2, u"and the indexer?"_s));
        waitForReply(f.chat);
        const QList<ContextItem> edited = f.chat.contextWithContent(2);
        QVERIFY(!edited.isEmpty());
        QCOMPARE(edited.first().kind, ContextItem::Kind::Repository);
        QCOMPARE(edited.first().repoName, mentionedRepository().repoName);
        for (const ContextItem &item : edited)
            QVERIFY(!item.content.contains(u"// second"_s));
        QCOMPARE(f.stored().at(2).context, withoutContent(edited));
        QCOMPARE(f.chat.contextWithContent(0), first);
    }

    // A context item damaged in the file (by hand) is counted on its row; the prompt is shown.
    void damagedContextIsCounted()
    {
        Fixture f;
        sendAndWait(f.chat, u"what is squirrel?"_s);
        f.chat.setContext(0, squirrelContext(u"package squirrel"_s));
        const qint64 id = f.chat.conversationId();
        f.chat.newChat();
        QSqlDatabase::addDatabase(u"QSQLITE"_s, u"edit"_s)
            .setDatabaseName(f.dir.filePath(u"history.sqlite"_s));
        {
            QSqlQuery q(QSqlDatabase::database(u"edit"_s));
            QVERIFY(q.exec(u"UPDATE message_context SET item = 'null' WHERE position = 0"_s));
            QCOMPARE(q.numRowsAffected(), 1);
        }
        QSqlDatabase::removeDatabase(u"edit"_s);
        QVERIFY(f.chat.openConversation(id));
        QCOMPARE(f.messages.message(0).text, u"what is squirrel?"_s);
        QCOMPARE(
            f.messages.data(f.messages.index(0), MessageModel::UnreadableContextRole).toInt(), 1);
        QCOMPARE(f.messages.message(0).context, withoutContent(squirrelContext({})).mid(1));
    }

    // Without a history the context lives in the model only.
    void contextWithoutAHistory()
    {
        Fixture f;
        f.chat.setStore(nullptr);
        sendAndWait(f.chat, u"what is squirrel?"_s);
        const QList<ContextItem> items = squirrelContext(u"package squirrel"_s);
        f.chat.setContext(0, items);
        QCOMPARE(f.chat.contextWithContent(0), items);
        QCOMPARE(f.store.conversationCount(), 0);
    }

    // Leaving a conversation while its reply streams keeps what arrived, marked partial (as after
    // a crash), instead of a reply that looks still in progress forever.
    void leavingMidReplyKeepsItAsPartial()
    {
        Fixture f;
        f.chat.setModel(*ModelRef::parse(u"fake::v1::slow"_s));
        QVERIFY(f.chat.send(u"go slowly"_s));
        QTRY_VERIFY(!f.messages.message(1).text.isEmpty());
        const qint64 id = f.chat.conversationId();
        f.chat.newChat();
        const auto stored = f.store.messages(id);
        QCOMPARE(stored.size(), 2);
        QCOMPARE(stored.at(1).state, StoredMessage::State::Partial);
        QVERIFY(!stored.at(1).text.isEmpty());
        QVERIFY(f.chat.openConversation(id));
        QVERIFY(f.chat.canContinue());
    }
};

QTEST_GUILESS_MAIN(TestChatControllerHistory)
#include "tst_chatcontrollerhistory.moc"
