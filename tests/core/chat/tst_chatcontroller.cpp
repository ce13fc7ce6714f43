// SPDX-License-Identifier: Apache-2.0
// ChatController against the fake server: the transcript it sends, and the context limit.
#include "chat/chatcontroller.h"
#include "chat/messagemodel.h"
#include "cody/contextitem.h"
#include "cody/modelcatalog.h"
#include "fakesourcegraph.h"
#include "replyrunner.h"

#include <QJsonArray>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace cody;
using namespace cody::test;

class TestChatController : public QObject
{
    Q_OBJECT

private:
    // A catalog in which the fake model takes only a few tokens of input.
    static QByteArray smallModel(int maxInput)
    {
        return uR"({"schemaVersion":"1.0","providers":[{"id":"fake","displayName":"Fake"}],
            "models":[{"modelRef":"fake::v1::normal","displayName":"Small","capabilities":["chat"],
            "status":"stable","contextWindow":{"maxInputTokens":%1,"maxOutputTokens":10}}],
            "defaultModels":{"chat":"fake::v1::normal"}})"_s.arg(maxInput)
            .toUtf8();
    }

    // A chat with the fake model, whose input limit is `maxInput` tokens.
    struct SmallModelChat
    {
        explicit SmallModelChat(int maxInput)
            : client(clientSettingsFor(server))
            , chat(&messages)
        {
            ready = server.listen() && catalog.loadSupportedModels(smallModel(maxInput));
            client.setSettings(clientSettingsFor(server)); // now that it has its port
            chat.setClient(&client);
            chat.setCatalog(&catalog);
            chat.setModel(*ModelRef::parse(u"fake::v1::normal"_s));
        }
        std::tuple<FakeSourcegraph &, MessageModel &, ChatController &> parts()
        {
            return {server, messages, chat};
        }

        FakeSourcegraph server;
        SourcegraphClient client;
        ModelCatalog catalog;
        MessageModel messages;
        ChatController chat;
        bool ready = false;
    };

    static void sendAndWait(ChatController &chat, const QString &prompt)
    {
        QSignalSpy finished(&chat, &ChatController::replyFinished);
        QVERIFY(chat.send(prompt));
        QVERIFY(finished.wait(10'000));
    }

private Q_SLOTS:
    void sendsTheWholeConversation()
    {
        FakeSourcegraph server;
        QVERIFY(server.listen());
        SourcegraphClient client(clientSettingsFor(server));
        MessageModel messages;
        ChatController chat(&messages);
        chat.setClient(&client);
        chat.setModel(*ModelRef::parse(u"fake::v1::normal"_s));
        sendAndWait(chat, u"one"_s);
        sendAndWait(chat, u"two"_s);
        const QJsonArray sent
            = server.streamRequests().constLast().json().value(u"messages"_s).toArray();
        QCOMPARE(sent.size(), 3);
        QCOMPARE(messages.rowCount(), 4);
        QVERIFY(messages.message(3).notice.isEmpty());
    }

    // A question with codebase context goes out in Cody's prompt: preamble, each item and "Ok.",
    // then the question; an item over the budget is left out, saying why, and the row says so.
    void sendsCodebaseContext()
    {
        SmallModelChat f(2000);
        QVERIFY(f.ready);
        auto [server, messages, chat] = f.parts(); // references into f
        ContextItem file;
        file.repoName = u"github.com/o/r"_s;
        file.path = u"src/squirrel.ts"_s;
        file.content = u"export interface Squirrel {}\n"_s;
        ContextItem huge = file;
        huge.path = u"src/huge.ts"_s;
        huge.content = QString(40'000, u'x');
        QSignalSpy finished(&chat, &ChatController::replyFinished);
        QVERIFY(chat.send(u"What is Squirrel?"_s, {file, huge}));
        QVERIFY(finished.wait(10'000));

        const QJsonArray sent
            = server.streamRequests().constLast().json().value(u"messages"_s).toArray();
        QStringList texts;
        for (const QJsonValue &message : sent)
            texts.append(message[u"text"_s].toString());
        QVERIFY2(texts.contains(u"Codebase context from file /src/squirrel.ts in repository "
                                u"github.com/o/r:\n```typescript:/src/squirrel.ts\n"
                                u"export interface Squirrel {}\n```"_s),
            qPrintable(texts.join(u"\n---\n"_s)));
        QVERIFY(!texts.join(QString()).contains(u"src/huge.ts"_s));
        QCOMPARE(texts.last(), u"What is Squirrel?"_s);
        QVERIFY(
            texts.first().startsWith(u"You are Cody, an AI coding assistant from Sourcegraph."_s));

        const auto items = messages.data(messages.index(0), MessageModel::ContextRole)
                               .value<QList<ContextItem>>();
        QCOMPARE(items.size(), 2);
        QVERIFY(items.at(0).sent);
        QVERIFY(items.at(0).tokens > 0);
        QVERIFY(!items.at(1).sent);
        QVERIFY2(
            items.at(1).omittedReason.contains(u"budget"_s), qPrintable(items.at(1).omittedReason));
    }

    void regenerateReplacesTheLastReply()
    {
        FakeSourcegraph server;
        QVERIFY(server.listen());
        SourcegraphClient client(clientSettingsFor(server));
        MessageModel messages;
        ChatController chat(&messages);
        chat.setClient(&client);
        chat.setModel(*ModelRef::parse(u"fake::v1::normal"_s));
        QVERIFY(!chat.regenerate());
        sendAndWait(chat, u"one"_s);
        QSignalSpy finished(&chat, &ChatController::replyFinished);
        QVERIFY(chat.regenerate());
        QVERIFY(finished.wait(10'000));
        QCOMPARE(messages.rowCount(), 2);
        QCOMPARE(server.streamRequests().size(), 2);
        // The same question again, without the replaced answer.
        QCOMPARE(
            server.streamRequests().constLast().json().value(u"messages"_s).toArray().size(), 1);
    }

    void oldestTurnsLeftOutAndSaid()
    {
        SmallModelChat f(50);
        QVERIFY(f.ready);
        auto [server, messages, chat] = f.parts(); // references into f
        const QString filler = QString(u'x').repeated(76);
        sendAndWait(chat, u"a "_s + filler);
        sendAndWait(chat, u"b "_s + filler);
        const QJsonArray sent
            = server.streamRequests().constLast().json().value(u"messages"_s).toArray();
        QCOMPARE(sent.size(), 1); // only the newest question fits
        QCOMPARE(sent.at(0).toObject().value(u"text"_s).toString(), u"b "_s + filler);
        QCOMPARE(messages.message(3).notice, u"2 earlier messages not sent (context limit)"_s);
        QCOMPARE(messages.rowCount(), 4); // nothing is dropped from the conversation itself
        // Never more output than the model allows.
        QCOMPARE(
            server.streamRequests().constLast().json().value(u"maxTokensToSample"_s).toInt(), 10);
    }
};

QTEST_GUILESS_MAIN(TestChatController)
#include "tst_chatcontroller.moc"
