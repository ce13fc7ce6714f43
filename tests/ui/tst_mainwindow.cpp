// SPDX-License-Identifier: Apache-2.0
// The real main window, offscreen, against the fake server: what a person does and sees.
#include "account/session.h"
#include "chat/chatcontroller.h"
#include "chat/messagemodel.h"
#include "fakedocuments.h"
#include "fakesourcegraph.h"
#include "history/conversationstore.h"
#include "mainwindowfixture.h"
#include "ui/chat/chatview.h"
#include "ui/chat/composer.h"
#include "ui/history/conversationlistmodel.h"
#include "ui/history/conversationsidebar.h"
#include "ui/mainwindow.h"
#include "ui/models/modelpicker.h"
#include "ui/settings/settingsdialog.h"

#include <QAbstractButton>
#include <QAbstractItemModelTester>
#include <QAbstractItemView>
#include <QAbstractSpinBox>
#include <QAction>
#include <QComboBox>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QListView>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScreen>
#include <QScrollBar>
#include <QSettings>
#include <QSignalSpy>
#include <QSplitter>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTextEdit>
#include <QToolButton>

using namespace Qt::StringLiterals;
using namespace cody;
using namespace cody::test;

class TestMainWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void typesAPromptAndSeesTheReplyStream()
    {
        FakeSourcegraph server;
        QVERIFY(server.listen());
        App app(&server);
        start(app);
        QAbstractItemModelTester tester(&app.messages);
        app.chooseModel(u"fake::v1::slow"_s);
        app.type(u"hi there"_s);
        QVERIFY(app.window->composer()->toPlainText().isEmpty());
        QTRY_COMPARE(app.window->sendButton()->text(), u"Stop"_s);
        QTRY_VERIFY(app.viewText().contains(u"Hello"_s));
        QVERIFY(!app.viewText().contains(u"You said: hi there"_s)); // seen while it still streams
        QCOMPARE(app.replyState(), MessageModel::State::Streaming);
        QTRY_COMPARE(app.replyState(), MessageModel::State::Complete);
        QTRY_VERIFY(
            app.viewText().contains(u"Hello from the fake Sourcegraph! You said: hi there"_s));
        QCOMPARE(app.window->sendButton()->text(), u"Send"_s);
        QCOMPARE(app.window->windowTitle(), u"Cody Chat — hi there"_s);
        QCOMPARE(app.messages.rowCount(), 2);
    }

    void stopMidStream_data()
    {
        QTest::addColumn<bool>("escape");
        QTest::newRow("Stop button") << false;
        QTest::newRow("Escape in the message box") << true;
    }

    void stopMidStream()
    {
        QFETCH(bool, escape);
        FakeSourcegraph server;
        QVERIFY(server.listen());
        App app(&server);
        start(app);
        app.chooseModel(u"fake::v1::stall"_s);
        app.type(u"hi"_s);
        QTRY_VERIFY(app.viewText().contains(u"Hello"_s));
        if (escape) {
            app.window->composer()->setFocus();
            QTest::keyClick(app.window->composer(), Qt::Key_Escape);
        } else {
            QCOMPARE(app.window->sendButton()->text(), u"Stop"_s);
            app.window->sendButton()->click();
        }
        QTRY_COMPARE(app.replyState(), MessageModel::State::Cancelled);
        QTRY_VERIFY(app.viewText().contains(u"Stopped."_s));
        QVERIFY(app.viewText().contains(u"Hello"_s)); // the text so far stays
        QCOMPARE(app.window->sendButton()->text(), u"Send"_s);
    }

    void autoContinuedReplyIsOneMessage_data()
    {
        QTest::addColumn<QString>("scenario");
        QTest::newRow("resumes exactly") << u"truncated"_s;
        QTest::newRow("cut mid-word") << u"truncated-midword"_s;
        QTest::newRow("prefill refused") << u"truncated-refuses-prefill"_s;
        QTest::newRow("repeat reflowed") << u"truncated-overlap-reflowed"_s;
    }

    void autoContinuedReplyIsOneMessage()
    {
        QFETCH(QString, scenario);
        FakeSourcegraph server;
        QVERIFY(server.listen());
        App app(&server);
        start(app);
        app.chooseModel(u"fake::v1::"_s + scenario);
        app.type(u"tell me"_s);
        QTRY_COMPARE(app.replyState(), MessageModel::State::Complete);
        QCOMPARE(app.messages.rowCount(), 2);
        QCOMPARE(app.messages.message(1).text, FakeSourcegraph::truncatedReply());
        QVERIFY2(app.messages.message(1).details.contains(u"continued"_s),
            qPrintable(app.messages.message(1).details));
        QTRY_VERIFY(app.viewText().contains(u"This is the end of the truncated answer."_s));
    }

    // Over the model's input limit: said under the message box, the text kept, nothing sent.
    void promptOverTheModelsLimitIsKept()
    {
        FakeSourcegraph server;
        QVERIFY(server.listen());
        App app(&server);
        start(app);
        app.chooseModel(u"cody-haiku"_s);
        const QString prompt = u"word "_s.repeated(200'000); // about 250 000 tokens
        app.window->composer()->setPlainText(prompt);
        QTest::keyClick(app.window->composer(), Qt::Key_Return);
        const QString message = app.window->statusBar()->currentMessage();
        QVERIFY2(message.contains(u"too long"_s) && message.contains(u"claude-3-haiku accepts 7"_s),
            qPrintable(message));
        QCOMPARE(app.window->composer()->toPlainText(), prompt);
        QCOMPARE(app.messages.rowCount(), 0);
        QVERIFY(server.streamRequests().isEmpty());
    }

    void switchingTheModelChangesTheNextRequest()
    {
        FakeSourcegraph server;
        QVERIFY(server.listen());
        App app(&server);
        start(app);
        app.chooseModel(u"cody-opus"_s);
        app.type(u"one"_s);
        QTRY_COMPARE(app.replyState(), MessageModel::State::Complete);
        QCOMPARE(server.streamRequests().constLast().json().value(u"model"_s).toString(),
            u"anthropic::2023-06-01::claude-3-opus"_s);

        // Picking from the list works too, and the choice is remembered.
        ModelPicker *picker = app.window->modelPicker();
        const int row = picker->findData(u"cody-haiku"_s, Qt::EditRole);
        QVERIFY(row >= 0);
        picker->setCurrentIndex(row);
        Q_EMIT picker->activated(row);
        app.type(u"two"_s);
        QTRY_COMPARE(app.replyState(), MessageModel::State::Complete);
        QCOMPARE(server.streamRequests().constLast().json().value(u"model"_s).toString(),
            u"anthropic::2023-06-01::claude-3-haiku"_s);
        QCOMPARE(app.session->selectedModel(), u"cody-haiku"_s);

        // The whole conversation goes with each request.
        const auto messages
            = server.streamRequests().constLast().json().value(u"messages"_s).toArray();
        QCOMPARE(messages.size(), 3);
    }

    void unavailableAliasIsRejected()
    {
        FakeSourcegraph server;
        QVERIFY(server.listen());
        App app(&server);
        start(app);
        QAbstractItemModelTester tester(app.window->modelPicker()->model());
        const QString before = app.window->modelPicker()->currentName();
        app.chooseModel(u"cody-gemini"_s); // the fake server lists gemini-pro for a waitlist
        QCOMPARE(app.window->modelPicker()->currentName(), before);
        QVERIFY2(app.window->statusBar()->currentMessage().contains(u"not offered"_s),
            qPrintable(app.window->statusBar()->currentMessage()));
        const int row = app.window->modelPicker()->findData(u"cody-gemini"_s, Qt::EditRole);
        QVERIFY(row >= 0);
        QVERIFY(!(app.window->modelPicker()->model()->flags(
                      app.window->modelPicker()->model()->index(row, 0))
            & Qt::ItemIsEnabled));
        QVERIFY(app.window->modelPicker()->model()->index(row, 0).data().toString().contains(
            u"not on this server"_s));
    }

    // A deprecated model is marked, not refused: chosen on purpose, it is kept and warned about.
    void deprecatedAliasIsKeptWithAWarning()
    {
        // The recorded servers no longer list gpt-4 at all; this catalog still has it, deprecated.
        FakeSourcegraph::Options options;
        options.catalog = FakeDocuments::Catalog::StableSonnet;
        FakeSourcegraph server(options);
        QVERIFY(server.listen());
        App app(&server);
        start(app);
        ModelPicker *picker = app.window->modelPicker();
        const int row = picker->findData(u"cody-gpt4"_s, Qt::EditRole);
        QVERIFY(row >= 0);
        QVERIFY(picker->model()->flags(picker->model()->index(row, 0)) & Qt::ItemIsEnabled);
        const QString shown = picker->model()->index(row, 0).data().toString();
        QVERIFY2(shown.endsWith(u"(deprecated)"_s), qPrintable(shown));
        app.chooseModel(u"cody-gpt4"_s); // the fake server lists gpt-4 as deprecated
        QCOMPARE(picker->currentName(), u"cody-gpt4"_s);
        QVERIFY2(app.window->statusBar()->currentMessage().contains(u"deprecated"_s),
            qPrintable(app.window->statusBar()->currentMessage()));
        app.type(u"hi"_s);
        QTRY_COMPARE(app.replyState(), MessageModel::State::Complete);
        QCOMPARE(server.streamRequests().constLast().json().value(u"model"_s).toString(),
            u"openai::v1::gpt-4"_s);
    }

    // Nobody chose a model and the server calls cody-sonnet deprecated: start on the server's
    // stable choice, say so once, and send with it.
    void deprecatedDefaultStartsOnTheServersChoice()
    {
        FakeSourcegraph server; // its catalog, like the recorded ones, deprecates cody-sonnet
        QVERIFY(server.listen());
        App app(&server);
        start(app);
        ModelPicker *picker = app.window->modelPicker();
        // Its default (sonnet) is deprecated, so the first stable chat model.
        const QString latest = u"cody/anthropic::2024-10-22::claude-3-5-sonnet-latest"_s;
        QTRY_COMPARE(picker->currentName(), latest);
        const QString message = app.window->statusBar()->currentMessage();
        QVERIFY2(message.contains(u"cody-sonnet is deprecated on this server"_s)
                && message.contains(u"Claude 3.5 Sonnet (New)"_s),
            qPrintable(message));
        app.type(u"hi"_s);
        QTRY_COMPARE(app.replyState(), MessageModel::State::Complete);
        QCOMPARE(server.streamRequests().constLast().json().value(u"model"_s).toString(),
            u"anthropic::2024-10-22::claude-3-5-sonnet-latest"_s);
        // Not saved as the user's choice: a server that fixes its catalog gets cody-sonnet back.
        QVERIFY(!app.session->hasModelChoice());
    }

    // A model the user chose is kept even when the server deprecates it, with a warning.
    void chosenDeprecatedModelIsKept()
    {
        FakeSourcegraph server; // its catalog, like the recorded ones, deprecates cody-sonnet
        QVERIFY(server.listen());
        App app(&server);
        app.settings.setValue(u"window/selectedModel"_s, u"cody-sonnet"_s);
        start(app);
        ModelPicker *picker = app.window->modelPicker();
        QTRY_VERIFY(app.window->statusBar()->currentMessage().contains(u"deprecated"_s));
        QCOMPARE(picker->currentName(), u"cody-sonnet"_s);
        app.type(u"hi"_s);
        QTRY_COMPARE(app.replyState(), MessageModel::State::Complete);
        QCOMPARE(server.streamRequests().constLast().json().value(u"model"_s).toString(),
            u"anthropic::2023-06-01::claude-3.5-sonnet"_s);
    }

    // The open list is as wide as its longest row, so no row is cut mid-word.
    void modelListShowsWholeRows()
    {
        FakeSourcegraph server;
        QVERIFY(server.listen());
        App app(&server);
        start(app);
        ModelPicker *picker = app.window->modelPicker();
        QTRY_VERIFY(picker->count() > 6); // the server's models are in
        picker->showPopup();
        QAbstractItemView *list = picker->view();
        QTRY_VERIFY(list->isVisible());
        for (int row = 0; row < picker->count(); ++row) {
            const QModelIndex index = picker->model()->index(row, 0);
            const int needed = list->sizeHintForIndex(index).width();
            QVERIFY2(list->viewport()->width() >= needed,
                qPrintable(
                    u"\"%1\" needs %2 px, the list shows %3 px"_s.arg(index.data().toString())
                        .arg(needed)
                        .arg(list->viewport()->width())));
        }
        QVERIFY(list->window()->width() <= picker->screen()->availableGeometry().width());
        picker->hidePopup();
    }

    // Saving settings mid-reply must not cut the reply: the new connection comes after it.
    void settingsSavedWhileStreamingWaitForTheReply()
    {
        FakeSourcegraph server;
        QVERIFY(server.listen());
        App app(&server);
        start(app);
        app.chooseModel(u"fake::v1::stall"_s);
        app.type(u"hi"_s);
        QTRY_VERIFY(app.viewText().contains(u"Hello"_s));
        QSignalSpy changed(app.session.get(), &Session::changed);
        SettingsDialog *dialog = app.window->openSettings();
        Q_EMIT dialog->settingsSaved();
        QVERIFY(app.window->statusBar()->currentMessage().contains(u"when this reply ends"_s));
        QVERIFY2(!changed.wait(500), "the session was reloaded under a running reply");
        QCOMPARE(app.replyState(), MessageModel::State::Streaming);
        app.window->sendButton()->click();
        QTRY_COMPARE(app.replyState(), MessageModel::State::Cancelled);
        QTRY_VERIFY(changed.count() > 0);
    }

    void invalidTypedModelIsRejected()
    {
        FakeSourcegraph server;
        QVERIFY(server.listen());
        App app(&server);
        start(app);
        const QString before = app.window->modelPicker()->currentName();
        app.chooseModel(u"anthropic::claude"_s);
        QCOMPARE(app.window->modelPicker()->currentName(), before);
        QVERIFY(app.window->statusBar()->currentMessage().contains(u"cody-sonnet"_s));
    }

    void errorShowsInlineWithRetry()
    {
        FakeSourcegraph server;
        QVERIFY(server.listen());
        App app(&server);
        start(app);
        app.chooseModel(u"fake::v1::error-event"_s);
        app.type(u"hi"_s);
        QTRY_COMPARE(app.replyState(), MessageModel::State::Failed);
        QTRY_VERIFY(app.viewText().contains(u"fake upstream failure"_s));
        QVERIFY(app.viewText().contains(u"Partial answer"_s));
        QVERIFY(app.viewText().contains(u"Retry"_s));
        const int requests = server.streamRequests().size();
        Q_EMIT app.window->chatView()->anchorClicked(QUrl(u"cody-retry:"_s));
        QTRY_COMPARE(server.streamRequests().size(), requests + 1);
        QTRY_COMPARE(app.replyState(), MessageModel::State::Failed);
        QCOMPARE(app.messages.rowCount(), 2); // the retry replaced the failed reply
    }

    void firstRunExplainsWhatIsNeeded()
    {
        FakeSourcegraph server;
        QVERIFY(server.listen());
        App app(&server, false);
        QSignalSpy changed(app.session.get(), &Session::changed);
        app.session->reload();
        QTRY_VERIFY(changed.count() > 0);
        QVERIFY(!app.session->client());
        QVERIFY(app.viewText().contains(u"Welcome to Cody Chat"_s));
        QVERIFY(app.viewText().contains(u"Sourcegraph URL"_s));
        // The settings open by themselves, once; no error dialog.
        auto *dialog = app.window->findChild<SettingsDialog *>();
        QVERIFY(dialog && dialog->isVisible());
        dialog->close();
        app.session->reload();
        QTRY_VERIFY(changed.count() > 1);
        const auto settingsShown = [&app] {
            const auto *dialog = app.window->findChild<SettingsDialog *>();
            return dialog && dialog->isVisible();
        };
        QVERIFY2(!QTest::qWaitFor(settingsShown, 500), "the settings opened a second time");
        app.type(u"hello"_s);
        QCOMPARE(app.messages.rowCount(), 0);
    }

    void everyControlHasAnAccessibleName()
    {
        FakeSourcegraph server;
        QVERIFY(server.listen());
        App app(&server);
        start(app);
        const auto widgets = app.window->findChildren<QWidget *>();
        for (QWidget *widget : widgets) {
            const bool interactive = qobject_cast<QAbstractButton *>(widget)
                || qobject_cast<QLineEdit *>(widget) || qobject_cast<QComboBox *>(widget)
                || qobject_cast<QAbstractSpinBox *>(widget) || qobject_cast<QTextEdit *>(widget)
                || qobject_cast<QPlainTextEdit *>(widget);
            if (!interactive || !widget->isVisibleTo(app.window.get()))
                continue;
            // A combo box's line edit is named by the combo box.
            if (qobject_cast<QComboBox *>(widget->parentWidget()))
                continue;
            // A button's text or its action's text is its accessible name.
            auto *button = qobject_cast<QAbstractButton *>(widget);
            auto *toolButton = qobject_cast<QToolButton *>(widget);
            const bool named = !widget->accessibleName().isEmpty()
                || (button && !button->text().isEmpty())
                || (toolButton && toolButton->defaultAction()
                    && !toolButton->defaultAction()->text().isEmpty());
            QVERIFY2(named,
                qPrintable(u"%1 (%2) has no accessible name"_s.arg(
                    QString::fromLatin1(widget->metaObject()->className()), widget->objectName())));
        }
    }

    void keyboardShortcuts()
    {
        FakeSourcegraph server;
        QVERIFY(server.listen());
        App app(&server);
        start(app);
        app.window->activateWindow();
        QTest::keyClick(app.window.get(), Qt::Key_L, Qt::ControlModifier);
        QTRY_VERIFY(app.window->composer()->hasFocus());
        app.chooseModel(u"fake::v1::normal"_s);
        app.type(u"hi"_s);
        QTRY_COMPARE(app.replyState(), MessageModel::State::Complete);
        QTest::keyClick(app.window.get(), Qt::Key_N, Qt::ControlModifier);
        QCOMPARE(app.messages.rowCount(), 0);
        QCOMPARE(app.window->windowTitle(), u"Cody Chat"_s);
        QTest::keyClick(app.window.get(), Qt::Key_Comma, Qt::ControlModifier);
        QTRY_VERIFY(app.window->findChild<SettingsDialog *>());
    }

    // Chats are recorded, listed in the sidebar newest first, and reopen with their messages.
    void sidebarListsAndReopensConversations()
    {
        FakeSourcegraph server;
        QVERIFY(server.listen());
        App app(&server);
        start(app);
        app.chooseModel(u"fake::v1::normal"_s);
        app.type(u"first chat"_s);
        QTRY_COMPARE(app.replyState(), MessageModel::State::Complete);
        QTest::keyClick(app.window.get(), Qt::Key_N, Qt::ControlModifier);
        app.type(u"second chat"_s);
        QTRY_COMPARE(app.replyState(), MessageModel::State::Complete);

        QAbstractItemModel *list = app.window->sidebar()->view()->model();
        QAbstractItemModelTester tester(list);
        QTRY_COMPARE(list->rowCount(), 2);
        QCOMPARE(list->index(0, 0).data().toString(), u"second chat"_s);
        QCOMPARE(list->index(1, 0).data().toString(), u"first chat"_s);

        Q_EMIT app.window->sidebar()->view()->clicked(list->index(1, 0));
        QTRY_COMPARE(app.messages.rowCount(), 2);
        QCOMPARE(app.messages.message(0).text, u"first chat"_s);
        QCOMPARE(app.messages.message(1).text,
            u"Hello from the fake Sourcegraph! You said: first chat"_s);
        QCOMPARE(app.window->windowTitle(), u"Cody Chat — first chat"_s);

        // Searching finds a conversation by a word of its reply, and clearing shows all again.
        QTest::keyClicks(app.window->sidebar()->searchField(), u"second"_s);
        QTRY_COMPARE(list->rowCount(), 1);
        QVERIFY(list->index(0, 0).data().toString().contains(u"»second«"_s));
        app.window->sidebar()->searchField()->clear();
        QTRY_COMPARE(list->rowCount(), 2);

        // Continuing it sends the earlier turns and keeps it one conversation.
        app.type(u"more"_s);
        QTRY_COMPARE(app.replyState(), MessageModel::State::Complete);
        QCOMPARE(
            server.streamRequests().constLast().json().value(u"messages"_s).toArray().size(), 3);
        QCOMPARE(app.history.conversationCount(), 2);
        QTRY_COMPARE(list->index(0, 0).data().toString(), u"first chat"_s);
    }

    // A long title is cut to the sidebar's width with an ellipsis (the whole title in the
    // tooltip): the list never scrolls sideways, however narrow the sidebar.
    void longTitlesAreElidedNotScrolled()
    {
        FakeSourcegraph server;
        QVERIFY(server.listen());
        App app(&server);
        start(app);
        const QString longTitle
            = u"Why does the build of the payments service fail only on "
              "the release branch when the cache is warm and the moon is full"_s;
        StoredConversation conversation;
        conversation.title = longTitle;
        QString error;
        QVERIFY2(app.history.createConversation(conversation, &error) > 0, qPrintable(error));
        conversation.title = u"short"_s;
        QVERIFY2(app.history.createConversation(conversation, &error) > 0, qPrintable(error));
        app.window->sidebar()->refresh(0);
        QListView *view = app.window->sidebar()->view();
        QAbstractItemModel *list = view->model();
        QTRY_COMPARE(list->rowCount(), 2);
        const QModelIndex longRow = list->index(1, 0);
        QCOMPARE(longRow.data(Qt::EditRole).toString(), longTitle);
        QVERIFY(longRow.data(Qt::ToolTipRole).toString().contains(longTitle));

        auto *splitter = qobject_cast<QSplitter *>(app.window->sidebar()->parentWidget());
        QVERIFY(splitter);
        for (const int width : {360, 200, 140}) {
            splitter->setSizes({width, splitter->width() - width});
            QTRY_COMPARE(app.window->sidebar()->width(), width);
            view->doItemsLayout();
            QCoreApplication::processEvents();
            QCOMPARE(view->horizontalScrollBar()->maximum(), 0);
            QVERIFY(!view->horizontalScrollBar()->isVisible());
            // The row is no wider than what shows of the list, so its text is elided there.
            QVERIFY2(view->visualRect(longRow).right() <= view->viewport()->width(),
                qPrintable(u"row %1 px, viewport %2 px"_s.arg(view->visualRect(longRow).width())
                               .arg(view->viewport()->width())));
            QCOMPARE(view->textElideMode(), Qt::ElideRight);
        }
    }

    // Rename in place with F2, pin to the top, delete with Undo.
    void renamePinDeleteAndUndo()
    {
        FakeSourcegraph server;
        QVERIFY(server.listen());
        App app(&server);
        start(app);
        app.chooseModel(u"fake::v1::normal"_s);
        for (const QString &prompt : {u"older"_s, u"newer"_s}) {
            QTest::keyClick(app.window.get(), Qt::Key_N, Qt::ControlModifier);
            app.type(prompt);
            QTRY_COMPARE(app.replyState(), MessageModel::State::Complete);
        }
        QListView *view = app.window->sidebar()->view();
        QAbstractItemModel *list = view->model();
        QTRY_COMPARE(list->rowCount(), 2);

        view->setFocus();
        view->setCurrentIndex(list->index(1, 0)); // "older"
        QTest::keyClick(view, Qt::Key_F2);
        auto *editor = view->findChild<QLineEdit *>();
        QVERIFY(editor);
        editor->selectAll();
        QTest::keyClicks(editor, u"Renamed chat"_s);
        QTest::keyClick(editor, Qt::Key_Return);
        QTRY_COMPARE(list->index(1, 0).data(Qt::EditRole).toString(), u"Renamed chat"_s);
        QCOMPARE(
            app.history
                .conversation(list->index(1, 0).data(ConversationListModel::IdRole).toLongLong())
                ->title,
            u"Renamed chat"_s);

        app.window->sidebar()->togglePin();
        QTRY_COMPARE(list->index(0, 0).data(Qt::EditRole).toString(), u"Renamed chat"_s);
        QVERIFY(list->index(0, 0).data(ConversationListModel::PinnedRole).toBool());

        view->setCurrentIndex(list->index(1, 0)); // "newer"
        view->setFocus();
        QTest::keyClick(view, Qt::Key_Delete);
        QTRY_COMPARE(list->rowCount(), 1);
        QCOMPARE(app.history.conversationCount(), 1);
        auto *undo = app.window->statusBar()->findChild<QPushButton *>();
        QVERIFY(undo);
        undo->click();
        QTRY_COMPARE(list->rowCount(), 2);
        QCOMPARE(app.history.conversationCount(), 2);
    }

    void shiftEnterAddsALine()
    {
        FakeSourcegraph server;
        QVERIFY(server.listen());
        App app(&server);
        start(app);
        QTest::keyClicks(app.window->composer(), u"line one"_s);
        QTest::keyClick(app.window->composer(), Qt::Key_Return, Qt::ShiftModifier);
        QTest::keyClicks(app.window->composer(), u"line two"_s);
        QCOMPARE(app.window->composer()->toPlainText(), u"line one\nline two"_s);
        QCOMPARE(app.messages.rowCount(), 0);
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
