// SPDX-License-Identifier: Apache-2.0
// Codebase context in the real window, on a real history file and the fake server: the context
// under a message (again when the conversation is reopened), "What was sent" for any reply, and a
// conversation's standing repositories.
#include "chat/chatviewlinks.h"
#include "mainwindowfixture.h"
#include "ui/chat/contextblock.h"
#include "ui/chat/contextrepositorieseditor.h"
#include "ui/chat/conversationsettingspanel.h"
#include "ui/chat/sentrequestdialog.h"

#include <QAction>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>

using namespace Qt::StringLiterals;
using namespace cody;
using namespace cody::test;

namespace {

/// A file of the fake's corpus the user mentioned, sent; and a repository the context filters
/// excluded, left out.
QList<ContextItem> mentions(const QUrl &instance)
{
    const QString base = instance.toString(QUrl::StripTrailingSlash);
    ContextItem file;
    file.repoName = u"github.com/sourcegraph/sourcegraph"_s;
    file.path = u"cmd/symbols/squirrel/service.go"_s;
    file.startLine = 1;
    file.endLine = 3;
    file.content = u"package squirrel\n\n// Service answers symbol queries.\n"_s;
    file.url = QUrl(base
        + u"/github.com/sourcegraph/sourcegraph/-/blob/"
          u"cmd/symbols/squirrel/service.go?L1-3"_s);
    ContextItem excluded;
    excluded.kind = ContextItem::Kind::Repository;
    excluded.repoName = u"github.com/acme/lang-example"_s;
    excluded.omittedReason
        = u"excluded by the context filters (exclude pattern \".*lang-example.*\")"_s;
    return {file, excluded};
}

void sendWithContext(App &app, const QString &prompt, const QList<ContextItem> &items)
{
    app.rowsBeforeLastPrompt = app.messages.rowCount();
    QString error;
    QVERIFY2(app.chat->send(prompt, items, &error), qPrintable(error));
    QTRY_COMPARE(app.replyState(), MessageModel::State::Complete);
}

void send(App &app, const QString &prompt)
{
    app.type(prompt);
    QTRY_COMPARE(app.replyState(), MessageModel::State::Complete);
}

/// Every text the dialog shows: its title, summary, rows, and each message in full.
QString everythingShown(SentRequestDialog &dialog)
{
    QString shown = dialog.windowTitle() + u'\n' + dialog.summary()->text();
    for (int row = 0; row < dialog.messageList()->count(); ++row) {
        dialog.messageList()->setCurrentRow(row);
        shown += u'\n' + dialog.messageList()->item(row)->text() + u'\n'
            + dialog.messageText()->toPlainText();
    }
    return shown;
}

/// The (speaker, text) pairs of a JSON array of messages.
QList<std::pair<QString, QString>> pairsOf(const QJsonArray &messages)
{
    QList<std::pair<QString, QString>> pairs;
    for (const QJsonValue &message : messages)
        pairs.append({message[u"speaker"_s].toString(), message[u"text"_s].toString()});
    return pairs;
}

} // namespace

class TestContextInChat : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void contextShowsUnderTheMessageAndAfterReopening()
    {
        FakeSourcegraph server;
        QVERIFY(server.listen());
        App app(&server);
        start(app);
        sendWithContext(app, u"What does the squirrel service do?"_s, mentions(server.baseUrl()));

        const auto check = [&] {
            ChatView *view = app.window->chatView();
            QTRY_VERIFY2(app.viewText().contains(u"Context: 1 item sent, 1 left out"_s),
                qPrintable(app.viewText()));
            QVERIFY2(
                app.viewText().contains(
                    u"cmd/symbols/squirrel/service.go:1-3 · github.com/sourcegraph/sourcegraph · about "_s),
                qPrintable(app.viewText()));
            QVERIFY(app.viewText().contains(
                u"github.com/acme/lang-example — excluded by the context filters"_s));
            // The file links to its page on the instance; the excluded repository does not link.
            QCOMPARE(hrefOf(*view, u"cmd/symbols/squirrel/service.go:1-3"_s),
                ContextBlock::itemHref(0, 0));
            QVERIFY(hrefOf(*view, u"github.com/acme/lang-example"_s).isEmpty());
            const ContextItem &linked = app.messages.message(0).context.at(0);
            QCOMPARE(linked.url, mentions(server.baseUrl()).at(0).url);
            QVERIFY(linked.sent);
        };
        check();
        if (QTest::currentTestFailed())
            return;

        // Reopened from the history file: the same block, from what was stored.
        const qint64 id = app.chat->conversationId();
        QVERIFY(id != 0);
        app.chat->newChat();
        QTRY_VERIFY(!app.viewText().contains(u"Context:"_s));
        QString error;
        QVERIFY2(app.chat->openConversation(id, &error), qPrintable(error));
        QVERIFY(app.messages.message(0).context.at(0).content.isEmpty()); // not read back
        check();
    }

    // "What was sent" on a reply in the middle of a conversation shows the request that produced
    // it — the earlier turns, that question's context and the question — exactly as the server
    // received it, and never the token.
    void whatWasSentForAReplyInTheMiddle()
    {
        FakeSourcegraph server;
        QVERIFY(server.listen());
        App app(&server);
        start(app);
        send(app, u"first question"_s);
        sendWithContext(app, u"second question"_s, mentions(server.baseUrl()));
        send(app, u"third question"_s);
        const QList<RecordedRequest> streams = server.streamRequests();
        QCOMPARE(streams.size(), 3);

        ChatView *view = app.window->chatView();
        QVERIFY(view->toHtml().contains(u"cody-sent:3\""_s));
        Q_EMIT view->anchorClicked(QUrl(u"cody-sent:3"_s));
        auto *dialog = app.window->findChild<SentRequestDialog *>();
        QVERIFY(dialog);
        QTRY_VERIFY(dialog->isVisible());
        QVERIFY(dialog->testAttribute(Qt::WA_DeleteOnClose));

        const QJsonArray shown = QJsonDocument::fromJson(dialog->messagesJson()).array();
        const QJsonArray received = streams.at(1).json().value(u"messages"_s).toArray();
        QCOMPARE(pairsOf(shown), pairsOf(received));
        QCOMPARE(dialog->messageList()->count(), received.size());
        const QString all = everythingShown(*dialog);
        QVERIFY(all.contains(u"first question"_s));
        QVERIFY2(all.contains(u"// Service answers symbol queries."_s), qPrintable(all));
        QVERIFY(all.contains(u"second question"_s));
        QVERIFY(!all.contains(u"third question"_s));
        QVERIFY(!all.contains(u"lang-example"_s)); // left out: not sent
        QVERIFY(all.contains(app.messages.message(3).model));

        const QByteArray token = server.options().token;
        QVERIFY(!token.isEmpty());
        QVERIFY(!dialog->messagesJson().contains(token));
        QVERIFY(!all.contains(QString::fromLatin1(token)));
        QVERIFY(!all.contains(u"Authorization"_s, Qt::CaseInsensitive));
        dialog->close();
        QTRY_VERIFY(!app.window->findChild<SentRequestDialog *>());

        // The first reply's request had only the first question.
        Q_EMIT view->anchorClicked(QUrl(u"cody-sent:1"_s));
        dialog = app.window->findChild<SentRequestDialog *>();
        QVERIFY(dialog);
        QCOMPARE(pairsOf(QJsonDocument::fromJson(dialog->messagesJson()).array()),
            pairsOf(streams.at(0).json().value(u"messages"_s).toArray()));
        dialog->close();
    }

    // Standing repositories are set in Conversation Settings, reach the chat, and come back with
    // the conversation.
    void standingRepositoriesReachTheConversation()
    {
        FakeSourcegraph server;
        QVERIFY(server.listen());
        App app(&server);
        start(app);
        app.window->findChild<QAction *>(u"conversationSettingsAction"_s)->trigger();
        ContextRepositoriesEditor *editor
            = app.window->conversationSettingsPanel()->contextRepositories();
        QTRY_VERIFY(editor->isVisible());

        const auto add = [&](const QString &name) {
            QSignalSpy checked(editor, &ContextRepositoriesEditor::checked);
            editor->nameField()->setFocus();
            QTest::keyClicks(editor->nameField(), name);
            QTest::keyClick(editor->nameField(), Qt::Key_Return);
            return checked.wait(10'000);
        };
        QVERIFY(add(u"github.com/sourcegraph/cody"_s));
        QCOMPARE(app.chat->conversationSettings().repositories,
            QStringList {u"github.com/sourcegraph/cody"_s});
        QVERIFY(add(u"github.com/nobody/nothing"_s));
        QVERIFY(editor->status()->text().contains(u"is not a repository on this instance"_s));
        QCOMPARE(app.chat->conversationSettings().repositories,
            QStringList {u"github.com/sourcegraph/cody"_s});

        send(app, u"Where is the agent?"_s);
        const qint64 id = app.chat->conversationId();
        app.chat->newChat();
        QVERIFY(editor->repositories().isEmpty());
        QVERIFY(app.chat->conversationSettings().repositories.isEmpty());
        QString error;
        QVERIFY2(app.chat->openConversation(id, &error), qPrintable(error));
        QCOMPARE(app.chat->conversationSettings().repositories,
            QStringList {u"github.com/sourcegraph/cody"_s});
        QCOMPARE(editor->repositories(), QStringList {u"github.com/sourcegraph/cody"_s});

        // Removed from the reopened conversation: kept so.
        editor->list()->setCurrentRow(0);
        editor->removeSelected();
        QVERIFY(app.chat->conversationSettings().repositories.isEmpty());
        app.chat->newChat();
        QVERIFY(app.chat->openConversation(id, &error));
        QVERIFY(app.chat->conversationSettings().repositories.isEmpty());
    }
};

QTEST_MAIN(TestContextInChat)
#include "tst_contextinchat.moc"
