// SPDX-License-Identifier: Apache-2.0
// What a person does with conversations in the real window: open a search hit at its message,
// edit and resend, continue a reply cut short, change the conversation's settings and model,
// export and import.
#include "mainwindowfixture.h"
#include "testcertificate.h"
#include "ui/chat/conversationsettingspanel.h"
#include "ui/chat/messageeditbar.h"
#include "ui/history/conversationlistmodel.h"
#include "ui/history/conversationsidebar.h"
#include "ui/history/historytransfer.h"

#include <QAction>
#include <QApplication>
#include <QDoubleSpinBox>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QListView>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QSpinBox>
#include <QStatusBar>
#include <QTextBlock>
#include <QTimer>

using namespace Qt::StringLiterals;
using namespace cody;
using namespace cody::test;

class TestConversationActions : public QObject
{
    Q_OBJECT

private:
    static void send(App &app, const QString &prompt)
    {
        app.type(prompt);
        QTRY_COMPARE(app.replyState(), MessageModel::State::Complete);
    }

    static QAction *action(App &app, const QString &name)
    {
        auto *found = app.window->findChild<QAction *>(name);
        if (!found)
            qFatal("no action %s", qPrintable(name));
        return found;
    }

    // Answers the next file dialog with `path`, as a person typing it would.
    static void answerFileDialog(const QString &path)
    {
        auto *poll = new QTimer(qApp);
        QObject::connect(poll, &QTimer::timeout, poll, [poll, path] {
            auto *dialog = qobject_cast<QFileDialog *>(QApplication::activeModalWidget());
            if (!dialog)
                return;
            auto *name = dialog->findChild<QLineEdit *>(u"fileNameEdit"_s);
            if (!name)
                qFatal("the file dialog has no file name field");
            name->setText(path);
            static_cast<QDialog *>(dialog)->accept(); // QFileDialog::accept is protected
            poll->deleteLater();
        });
        poll->start(20);
    }

    static QString statusText(App &app) { return app.window->statusBar()->currentMessage(); }

private Q_SLOTS:
    // A search hit deep in a long conversation opens it scrolled to the message, the match
    // selected.
    void searchHitOpensAtTheMessage()
    {
        FakeSourcegraph server;
        QVERIFY(server.listen());
        App app(&server);
        start(app);
        StoredConversation conversation;
        conversation.title = u"A long one"_s;
        QString error;
        const qint64 id = app.history.createConversation(conversation, &error);
        QVERIFY2(id, qPrintable(error));
        const QString filler
            = u"Lorem ipsum dolor sit amet, consectetur adipiscing elit. "_s.repeated(4);
        for (int i = 0; i < 60; ++i) {
            StoredMessage message;
            message.conversationId = id;
            message.speaker = i % 2 ? ChatMessage::Speaker::Assistant : ChatMessage::Speaker::Human;
            message.text = u"Message %1. "_s.arg(i) + filler
                + (i == 45 ? u"A xylophone here."_s : QString());
            QVERIFY(app.history.appendMessage(message, &error));
        }
        app.window->sidebar()->refresh(0);

        QTest::keyClicks(app.window->sidebar()->searchField(), u"xylophone"_s);
        QAbstractItemModel *list = app.window->sidebar()->view()->model();
        QCOMPARE(list->rowCount(), 1); // the conversation, before the search
        QTRY_COMPARE(
            list->index(0, 0).data(ConversationListModel::MatchRole).toString(), u"xylophone"_s);
        Q_EMIT app.window->sidebar()->view()->clicked(list->index(0, 0));
        QTRY_COMPARE(app.messages.rowCount(), 60);
        ChatView *view = app.window->chatView();
        QTRY_COMPARE(view->textCursor().selectedText(), u"xylophone"_s);
        QVERIFY(view->verticalScrollBar()->value() > 0);
        QVERIFY(view->viewport()->rect().contains(view->cursorRect().center()));
        QVERIFY(view->textCursor().block().text().contains(u"Message 45."_s));
    }

    void editAndResend()
    {
        FakeSourcegraph server;
        QVERIFY(server.listen());
        App app(&server);
        start(app);
        app.chooseModel(u"fake::v1::normal"_s);
        send(app, u"first"_s);
        send(app, u"second"_s);
        QTRY_VERIFY(app.window->chatView()->toHtml().contains(u"cody-edit:0"_s));

        Q_EMIT app.window->chatView()->anchorClicked(QUrl(u"cody-edit:0"_s));
        QVERIFY(app.window->editBar()->isVisible());
        QCOMPARE(app.window->editBar()->row(), 0);
        QCOMPARE(app.window->composer()->toPlainText(), u"first"_s);
        app.window->composer()->selectAll();
        send(app, u"primero"_s);
        QVERIFY(!app.window->editBar()->isVisible());
        QCOMPARE(app.messages.rowCount(), 2);
        QTRY_VERIFY(app.viewText().contains(u"You said: primero"_s));
        QVERIFY(!app.viewText().contains(u"second"_s));
        const auto stored = app.history.messages(app.chat->conversationId());
        QCOMPARE(stored.size(), 2);
        QCOMPARE(stored.at(0).text, u"primero"_s);

        // Cancel leaves everything as it was.
        Q_EMIT app.window->chatView()->anchorClicked(QUrl(u"cody-edit:0"_s));
        QVERIFY(app.window->editBar()->isVisible());
        auto *cancel = app.window->editBar()->findChild<QPushButton *>();
        QVERIFY(cancel);
        cancel->click();
        QVERIFY(!app.window->editBar()->isVisible());
        QVERIFY(app.window->composer()->toPlainText().isEmpty());
        send(app, u"third"_s);
        QCOMPARE(app.messages.rowCount(), 4);
    }

    void continueAReplyCutShort()
    {
        FakeSourcegraph server;
        QVERIFY(server.listen());
        App app(&server);
        app.settings.setValue(u"chat/autoContinue"_s, false);
        start(app);
        app.chooseModel(u"fake::v1::truncated"_s);
        send(app, u"tell me everything"_s);
        const QString first = app.messages.message(1).text;
        QTRY_VERIFY(app.window->chatView()->toHtml().contains(u"cody-continue:"_s));

        Q_EMIT app.window->chatView()->anchorClicked(QUrl(u"cody-continue:"_s));
        QTRY_COMPARE(app.replyState(), MessageModel::State::Streaming);
        QTRY_COMPARE(app.replyState(), MessageModel::State::Complete);
        QCOMPARE(app.messages.rowCount(), 2);
        const QString longer = app.messages.message(1).text;
        QVERIFY(longer.size() > first.trimmed().size());
        QVERIFY(longer.startsWith(first.trimmed()));
        QCOMPARE(app.history.messages(app.chat->conversationId()).at(1).text, longer);
    }

    void settingsPanelAndModelChange()
    {
        FakeSourcegraph server;
        QVERIFY(server.listen());
        App app(&server);
        start(app);
        app.chooseModel(u"fake::v1::normal"_s);
        auto *panel = app.window->conversationSettingsPanel();
        QVERIFY(!panel->isVisible());
        action(app, u"conversationSettingsAction"_s)->trigger();
        QVERIFY(panel->isVisible());
        QTest::keyClicks(panel->systemPromptEdit(), u"Reply in French."_s);
        panel->temperatureBox()->setValue(0.7);
        panel->maxTokensBox()->setValue(300);
        send(app, u"bonjour"_s);
        const QJsonObject request = server.streamRequests().constLast().json();
        QCOMPARE(
            request.value(u"messages"_s).toArray().at(0).toObject().value(u"text"_s).toString(),
            u"Reply in French."_s);
        QCOMPARE(request.value(u"temperature"_s).toDouble(), 0.7);
        QCOMPARE(request.value(u"maxTokensToSample"_s).toInt(), 300);

        // A model change mid-conversation shows in the transcript.
        app.chooseModel(u"fake::v1::truncated"_s);
        send(app, u"encore"_s);
        const QString changed
            = u"Model changed from cody/fake::v1::normal to cody/fake::v1::truncated"_s;
        QVERIFY2(app.viewText().contains(changed), qPrintable(app.viewText()));

        // A new chat starts with empty settings; reopening brings the conversation's back.
        QTest::keyClick(app.window.get(), Qt::Key_N, Qt::ControlModifier);
        QVERIFY(panel->systemPromptEdit()->toPlainText().isEmpty());
        QCOMPARE(panel->settings(), ConversationSettings());
        QAbstractItemModel *list = app.window->sidebar()->view()->model();
        QTRY_COMPARE(list->rowCount(), 1);
        Q_EMIT app.window->sidebar()->view()->clicked(list->index(0, 0));
        QTRY_COMPARE(app.messages.rowCount(), 4);
        QCOMPARE(panel->systemPromptEdit()->toPlainText(), u"Reply in French."_s);
        QCOMPARE(panel->temperatureBox()->value(), 0.7);
        QCOMPARE(panel->maxTokensBox()->value(), 300);
        QCOMPARE(app.window->modelPicker()->currentName(), u"fake::v1::truncated"_s);
        QVERIFY(app.viewText().contains(changed));
    }

    void regenerateReplacesTheLastReply()
    {
        FakeSourcegraph server;
        QVERIFY(server.listen());
        App app(&server);
        start(app);
        app.chooseModel(u"fake::v1::normal"_s);
        send(app, u"once more"_s);
        app.window->activateWindow();
        QTest::keyClick(app.window.get(), Qt::Key_R, Qt::ControlModifier | Qt::ShiftModifier);
        QTRY_COMPARE(server.streamRequests().size(), 2);
        QTRY_COMPARE(app.replyState(), MessageModel::State::Complete);
        QCOMPARE(app.messages.rowCount(), 2);
        QCOMPARE(app.history.messages(app.chat->conversationId()).size(), 2);
        // The same question, without the reply it replaces.
        QCOMPARE(
            server.streamRequests().constLast().json().value(u"messages"_s).toArray().size(), 1);
    }

    // A conversation longer than the model's input limit says what was left out.
    void contextLimitMarker()
    {
        FakeSourcegraph::Options options;
        options.supportedModelsJson
            = R"({"schemaVersion":"1.0","providers":[{"id":"fake","displayName":"Fake"}],
            "models":[{"modelRef":"fake::v1::normal","displayName":"Small","capabilities":["chat"],
            "status":"stable","contextWindow":{"maxInputTokens":60,"maxOutputTokens":10}}],
            "defaultModels":{"chat":"fake::v1::normal"}})";
        FakeSourcegraph server(options);
        QVERIFY(server.listen());
        App app(&server);
        start(app);
        app.chooseModel(u"fake::v1::normal"_s);
        const QString filler = QString(u'x').repeated(120);
        send(app, u"a "_s + filler);
        send(app, u"b "_s + filler);
        QTRY_VERIFY2(app.viewText().contains(u"2 earlier messages not sent (context limit)"_s),
            qPrintable(app.viewText()));
        QCOMPARE(app.messages.rowCount(), 4);
    }

    void exportAndImport()
    {
        FakeSourcegraph server;
        QVERIFY(server.listen());
        App app(&server);
        start(app);
        QAction *exportOne = action(app, u"exportConversationAction"_s);
        QVERIFY(!exportOne->isEnabled()); // nothing to export yet
        app.chooseModel(u"fake::v1::normal"_s);
        send(app, u"export me"_s);
        QVERIFY(exportOne->isEnabled());

        const QString markdown = app.dir.filePath(u"chat.md"_s);
        answerFileDialog(markdown);
        exportOne->trigger();
        QVERIFY2(
            statusText(app).contains(u"exported to "_s + markdown), qPrintable(statusText(app)));
        QFile file(markdown);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(file.readAll());
        QVERIFY(text.contains(u"export me"_s));
        QVERIFY(text.contains(u"You said: export me"_s));

        const QString all = app.dir.filePath(u"all.json"_s);
        answerFileDialog(all);
        action(app, u"exportAllAction"_s)->trigger();
        QFile json(all);
        QVERIFY(json.open(QIODevice::ReadOnly));
        QVERIFY(!QJsonDocument::fromJson(json.readAll()).isNull());
        // Exports hold the conversations: readable by this user only, whatever the umask.
        for (const QString &path : {markdown, all}) {
            QCOMPARE(QFileInfo(path).permissions() & (QFile::ReadGroup | QFile::ReadOther), 0);
            QVERIFY(QFileInfo(path).permissions() & QFile::ReadOwner);
        }

        QString error;
        QVERIFY(app.history.deleteConversation(app.chat->conversationId(), &error));
        QTest::keyClick(app.window.get(), Qt::Key_N, Qt::ControlModifier);
        QCOMPARE(app.history.conversationCount(), 0);
        answerFileDialog(all);
        action(app, u"importAction"_s)->trigger();
        QCOMPARE(app.history.conversationCount(), 1);
        QTRY_COMPARE(app.window->sidebar()->view()->model()->rowCount(), 1);
        QVERIFY2(statusText(app).contains(u"imported"_s), qPrintable(statusText(app)));

        // A file that is not an export is refused and changes nothing.
        const QString bogus = app.dir.filePath(u"bogus.json"_s);
        QFile bogusFile(bogus);
        QVERIFY(bogusFile.open(QIODevice::WriteOnly));
        bogusFile.write("{\"not\": \"an export\"");
        bogusFile.close();
        answerFileDialog(bogus);
        action(app, u"importAction"_s)->trigger();
        QVERIFY2(
            statusText(app).startsWith(u"Nothing was imported"_s), qPrintable(statusText(app)));
        QCOMPARE(app.history.conversationCount(), 1);
    }

    // The TLS bypass is shown loudly, naming the host and where it was turned on.
    void tlsBypassBanner()
    {
        QTemporaryDir certificates;
        QString cert, key, error;
        QVERIFY2(generateSelfSignedCertificate(
                     certificates.path(), {u"127.0.0.1"_s}, &cert, &key, &error),
            qPrintable(error));
        FakeSourcegraph::Options options;
        options.tlsCertFile = cert;
        options.tlsKeyFile = key;
        FakeSourcegraph server(options);
        QVERIFY(server.listen());
        App app(&server, true, {{u"CODY_SSL_BYPASS"_s, u"true"_s}});
        start(app);
        auto *banner = app.window->findChild<QLabel *>(u"tlsBypassBanner"_s);
        QVERIFY(banner);
        QVERIFY(banner->isVisible());
        QVERIFY(banner->text().contains(u"127.0.0.1"_s));
        QVERIFY(banner->text().contains(u"CODY_SSL_BYPASS"_s));
        app.chooseModel(u"fake::v1::normal"_s);
        send(app, u"over TLS"_s); // the bypass really lets the self-signed server through

        FakeSourcegraph plain;
        QVERIFY(plain.listen());
        App verified(&plain);
        start(verified);
        QVERIFY(!verified.window->findChild<QLabel *>(u"tlsBypassBanner"_s)->isVisible());
    }

    void exportFailureIsReported()
    {
        QTemporaryDir dir;
        ConversationStore store;
        QString error;
        QVERIFY(store.open(dir.filePath(u"h.sqlite"_s), &error));
        StoredConversation conversation;
        conversation.title = u"t"_s;
        const qint64 id = store.createConversation(conversation, &error);
        HistoryTransfer transfer(&store, nullptr);
        QFile blocker(dir.filePath(u"file"_s));
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        blocker.close();
        // A directory that is a file: no root privilege writes there.
        QVERIFY(!transfer.saveConversation(
            id, dir.filePath(u"file/x.md"_s), HistoryTransfer::Format::Markdown, &error));
        QVERIFY2(error.contains(u"cannot be written"_s), qPrintable(error));
        QVERIFY(!transfer.saveConversation(
            id + 1, dir.filePath(u"y.md"_s), HistoryTransfer::Format::Markdown, &error));
        QVERIFY(!QFile::exists(dir.filePath(u"y.md"_s)));
        QCOMPARE(HistoryTransfer::fileNameFor(u"a/b: c?"_s, HistoryTransfer::Format::Json),
            u"a-b- c-.json"_s);
        QCOMPARE(HistoryTransfer::fileNameFor(u".."_s, HistoryTransfer::Format::Markdown),
            u"conversation...md"_s);
    }
};

QTEST_MAIN(TestConversationActions)
#include "tst_conversationactions.moc"
