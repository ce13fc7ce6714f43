// SPDX-License-Identifier: Apache-2.0
// ChatController with @-mentions against the fake instance: mentions are gathered before the reply
// (file contents, retrieval), the request carries them in Cody's prompt, the history keeps them,
// regenerate sends the same context again, a conversation's standing repositories are searched for
// every question, and stopping while gathering loses nothing.
#include "chat/chatcontroller.h"
#include "chat/messagemodel.h"
#include "cody/sourcegraphclient.h"
#include "contextsamples.h"
#include "fakesourcegraph.h"
#include "graphqltestsupport.h"
#include "history/conversationstore.h"

#include <QJsonArray>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace cody;
using namespace cody::test;

namespace {

const QString Sourcegraph = u"github.com/sourcegraph/sourcegraph"_s;
const QString Cody = u"github.com/sourcegraph/cody"_s;

/// "speaker: text" for each message of a request's JSON.
QStringList messagesOf(const QJsonArray &array)
{
    QStringList messages;
    for (const QJsonValue &value : array) {
        const QJsonObject object = value.toObject();
        messages.append(
            object.value(u"speaker"_s).toString() + u": "_s + object.value(u"text"_s).toString());
    }
    return messages;
}

/// The same for ChatMessages.
QStringList messagesOf(const QList<ChatMessage> &list)
{
    QStringList messages;
    for (const ChatMessage &message : list) {
        const QString speaker = message.speaker == ChatMessage::Speaker::Assistant ? u"assistant"_s
            : message.speaker == ChatMessage::Speaker::System                      ? u"system"_s
                                                                                   : u"human"_s;
        messages.append(speaker + u": "_s + message.text);
    }
    return messages;
}

} // namespace

class TestChatControllerContext : public QObject
{
    Q_OBJECT

private:
    struct Fixture
    {
        explicit Fixture(FakeSourcegraph::Options options = {})
            : fake(std::move(options))
            , chat(&messages)
        {
            QVERIFY(fake.listen());
            QString error;
            QVERIFY2(store.open(dir.filePath(u"history.sqlite"_s), &error), qPrintable(error));
            chat.setClient(fake.client());
            chat.setStore(&store);
            chat.setModel(*ModelRef::parse(u"fake::v1::normal"_s));
            ChatController::Options chatOptions;
            chatOptions.rewriteContextQuery = false;
            chat.setOptions(chatOptions);
        }

        QStringList lastSent() const
        {
            return messagesOf(
                fake.server.streamRequests().constLast().json().value(u"messages"_s).toArray());
        }
        int searches() const { return int(graphqlCalls(fake.server, u"GetCodyContext"_s).size()); }

        QTemporaryDir dir;
        FakeInstance fake;
        ConversationStore store;
        MessageModel messages;
        ChatController chat;
    };

    static bool sendAndWait(Fixture &f, const QString &prompt, const QList<ContextItem> &items)
    {
        QSignalSpy finished(&f.chat, &ChatController::replyFinished);
        QString error;
        if (!f.chat.send(prompt, items, &error)) {
            qWarning("%s", qPrintable(error));
            return false;
        }
        return finished.wait(20'000);
    }

    static bool textsContain(const QStringList &messages, const QString &text)
    {
        return std::any_of(messages.cbegin(), messages.cend(),
            [&text](const QString &message) { return message.contains(text); });
    }

private Q_SLOTS:
    void mentionsAreGatheredBeforeTheReply()
    {
        Fixture f;
        QSignalSpy busy(&f.chat, &ChatController::busyChanged);
        QString error;
        QVERIFY2(f.chat.send(u"how does squirrel find symbols"_s,
                     {repositoryMention(Sourcegraph),
                         remoteFileMention(Cody, u"vscode/src/chat/context.ts"_s, 3, 6)},
                     &error),
            qPrintable(error));
        QVERIFY(f.chat.isGatheringContext());
        QVERIFY(f.chat.isBusy());
        QCOMPARE(f.messages.rowCount(), 2); // the question, and its reply to come
        QCOMPARE(f.fake.server.streamRequests().size(), 0);
        QSignalSpy finished(&f.chat, &ChatController::replyFinished);
        QVERIFY(finished.wait(20'000));
        QCOMPARE(busy.size(), 2); // busy once, through gathering and streaming
        QCOMPARE(f.messages.message(1).state, MessageModel::State::Complete);

        // The request: Cody's prompt, with the file range and the retrieved chunks.
        const QStringList sent = f.lastSent();
        QVERIFY(textsContain(sent, u"Codebase context from file /vscode/src/chat/context.ts"_s));
        QVERIFY(textsContain(sent, u"Codebase context from file /cmd/symbols/squirrel/"_s));
        QCOMPARE(sent.constLast().contains(u"how does squirrel find symbols"_s), true);

        // The question's row: every item with its fate and tokens, and the same in the history.
        const QList<ContextItem> context = f.messages.message(0).context;
        QVERIFY(context.size() > 2);
        QCOMPARE(context.at(0).kind, ContextItem::Kind::Repository);
        QVERIFY(context.at(0).sent);
        QCOMPARE(context.at(1).path, u"vscode/src/chat/context.ts"_s);
        QVERIFY(context.at(1).sent);
        QVERIFY(context.at(1).tokens > 0);
        const auto stored = f.store.messages(f.chat.conversationId());
        QCOMPARE(stored.at(0).context.size(), context.size());
        QCOMPARE(stored.at(0).context.at(1).tokens, context.at(1).tokens);

        // "What was sent" rebuilds exactly that request.
        const auto rebuilt = f.chat.sentRequest(1);
        QVERIFY(rebuilt);
        QCOMPARE(messagesOf(rebuilt->messages), sent);
        QCOMPARE(rebuilt->model, u"cody/fake::v1::normal"_s);
        QVERIFY(!f.chat.sentRequest(0)); // a question is no reply
    }

    // The message box reads a file when its chip is added: gathering uses that content and still
    // searches the repository mentioned beside it.
    void aFileAlreadyReadIsNotReadAgain()
    {
        Fixture f;
        ContextItem read = remoteFileMention(Cody, u"agent/README.md"_s);
        read.content = u"# Read by the message box\n"_s;
        QVERIFY(sendAndWait(f, u"squirrel symbols"_s, {read, repositoryMention(Sourcegraph)}));
        QCOMPARE(f.searches(), 1);
        QCOMPARE(graphqlCalls(f.fake.server, u"FileContentsQuery"_s).size(), 0);
        QVERIFY(textsContain(f.lastSent(), u"# Read by the message box"_s));
    }

    void regenerateSendsTheSameContextWithoutSearchingAgain()
    {
        Fixture f;
        QVERIFY(sendAndWait(f, u"squirrel symbols"_s, {repositoryMention(Sourcegraph)}));
        const QStringList first = f.lastSent();
        QCOMPARE(f.searches(), 1);
        QSignalSpy finished(&f.chat, &ChatController::replyFinished);
        QVERIFY(f.chat.regenerate());
        QVERIFY(!f.chat.isGatheringContext());
        QVERIFY(finished.wait(20'000));
        QCOMPARE(f.searches(), 1);
        QCOMPARE(f.lastSent(), first);

        // So does a conversation opened again: the chunks come from the history.
        const qint64 id = f.chat.conversationId();
        f.chat.newChat();
        QVERIFY(f.chat.openConversation(id));
        QVERIFY(f.chat.regenerate());
        QVERIFY(finished.wait(20'000));
        QCOMPARE(f.searches(), 1);
        QCOMPARE(f.lastSent(), first);
    }

    void anEditedQuestionKeepsItsMentionsAndSearchesAgain()
    {
        Fixture f;
        QVERIFY(sendAndWait(f, u"squirrel symbols"_s,
            {repositoryMention(Sourcegraph), remoteFileMention(Cody, u"agent/README.md"_s)}));
        QCOMPARE(f.searches(), 1);
        QSignalSpy finished(&f.chat, &ChatController::replyFinished);
        QVERIFY(f.chat.editAndResend(0, u"squirrel service tests"_s));
        QVERIFY(f.chat.isGatheringContext());
        QVERIFY(finished.wait(20'000));
        QCOMPARE(f.searches(), 2);
        QCOMPARE(f.messages.rowCount(), 2);
        const QList<ContextItem> context = f.messages.message(0).context;
        QCOMPARE(context.at(0).repoName, Sourcegraph);
        QCOMPARE(context.at(1).path, u"agent/README.md"_s);
        QVERIFY(context.at(1).sent);
        QVERIFY(textsContain(f.lastSent(), u"Codebase context from file /agent/README.md"_s));
        QVERIFY(f.lastSent().constLast().contains(u"squirrel service tests"_s));
    }

    void standingRepositoriesAreSearchedForEveryQuestion()
    {
        Fixture f;
        ConversationSettings settings;
        settings.repositories = {Sourcegraph};
        f.chat.setConversationSettings(settings);
        QVERIFY(sendAndWait(f, u"squirrel symbols"_s, {}));
        QVERIFY(sendAndWait(f, u"squirrel service tests"_s, {}));
        QCOMPARE(f.searches(), 2);
        for (const int row : {0, 2}) {
            const QList<ContextItem> context = f.messages.message(row).context;
            QVERIFY(!context.isEmpty());
            QCOMPARE(context.at(0).repoName, Sourcegraph);
            QCOMPARE(context.at(0).kind, ContextItem::Kind::Repository);
        }
        QVERIFY(textsContain(f.lastSent(), u"Codebase context from file /cmd/symbols/squirrel/"_s));
        // A mention of a standing repository is not searched twice.
        QVERIFY(sendAndWait(f, u"again"_s, {repositoryMention(Sourcegraph)}));
        QCOMPARE(f.messages.message(4).context.first().repoName, Sourcegraph);
        QCOMPARE(
            std::count_if(f.messages.message(4).context.cbegin(),
                f.messages.message(4).context.cend(),
                [](const ContextItem &item) { return item.kind == ContextItem::Kind::Repository; }),
            1);
    }

    void aMentionThatCannotBeUsedIsShownAndTheQuestionStillGoes()
    {
        Fixture f;
        QVERIFY(sendAndWait(f, u"what is there"_s,
            {repositoryMention(u"github.com/nobody/nothing"_s),
                remoteFileMention(Cody, u"agent/README.md"_s)}));
        QCOMPARE(f.messages.message(1).state, MessageModel::State::Complete);
        const QList<ContextItem> context = f.messages.message(0).context;
        QVERIFY2(context.at(0).omittedReason.contains(u"no repository"_s),
            qPrintable(context.at(0).omittedReason));
        QVERIFY(!context.at(0).sent);
        QVERIFY(context.at(1).sent);
        QVERIFY2(textsContain(f.lastSent(), u"Codebase context from file /agent/README.md"_s),
            qPrintable(f.lastSent().join(u"\n---\n"_s)));
    }

    void stoppingWhileGatheringKeepsTheQuestion()
    {
        Fixture f(failing(u"GetCodyContext"_s, u"stall"_s));
        QSignalSpy finished(&f.chat, &ChatController::replyFinished);
        QVERIFY(f.chat.send(u"squirrel"_s, {repositoryMention(Sourcegraph)}));
        QTRY_COMPARE(f.searches(), 1);
        f.chat.stop();
        QVERIFY(finished.wait(5000));
        QCOMPARE(finished.constFirst().constFirst().value<CompletionResult>().error.kind,
            ErrorKind::Cancelled);
        QVERIFY(!f.chat.isBusy());
        QCOMPARE(f.messages.rowCount(), 2);
        QCOMPARE(f.messages.message(0).text, u"squirrel"_s);
        QCOMPARE(f.messages.message(0).context.at(0).repoName, Sourcegraph);
        QCOMPARE(f.messages.message(1).state, MessageModel::State::Cancelled);
        QCOMPARE(f.fake.server.streamRequests().size(), 0);
        // Retry gathers again: nothing was decided about the mention yet.
        QVERIFY(f.chat.retry());
        QVERIFY(f.chat.isGatheringContext());
        QTRY_COMPARE(f.searches(), 2);
        f.chat.newChat(); // leaving mid-gathering ends it quietly
        QVERIFY(!f.chat.isBusy());
    }
};

QTEST_GUILESS_MAIN(TestChatControllerContext)
#include "tst_chatcontrollercontext.moc"
