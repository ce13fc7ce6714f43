// SPDX-License-Identifier: Apache-2.0
// The real main window on a real history file and a fake server: what the GUI tests drive.
#pragma once

#include "account/session.h"
#include "chat/chatcontroller.h"
#include "chat/messagemodel.h"
#include "fakesourcegraph.h"
#include "history/conversationstore.h"
#include "memorysecretstore.h"
#include "ui/chat/chatview.h"
#include "ui/chat/composer.h"
#include "ui/chat/messageeditbar.h"
#include "ui/mainwindow.h"
#include "ui/models/modelpicker.h"

#include <QLineEdit>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace cody::test {

using namespace Qt::StringLiterals;

/// One app, as cody-chat builds it, in a temporary directory; the window is shown.
struct App
{
    explicit App(FakeSourcegraph *server, bool configured = true,
        const QList<std::pair<QString, QString>> &moreEnvironment = {})
        : settings(dir.filePath(u"cody-chat.ini"_s), QSettings::IniFormat)
    {
        QProcessEnvironment environment;
        for (const auto &[name, value] : moreEnvironment)
            environment.insert(name, value);
        if (configured) {
            environment.insert(u"LLM_BASE_URL"_s, server->baseUrl().toString());
            environment.insert(u"LLM_API_KEY"_s, QString::fromLatin1(server->options().token));
        }
        session = std::make_unique<Session>(&settings, environment, &secrets);
        chat = std::make_unique<ChatController>(&messages);
        QString error;
        if (!history.open(dir.filePath(u"history.sqlite"_s), &error))
            qFatal("%s", qPrintable(error));
        window = std::make_unique<MainWindow>(MainWindow::Parts {
            session.get(), chat.get(), &messages, &settings, &secrets, false, &history});
        window->show();
    }

    QTemporaryDir dir;
    QSettings settings;
    MemorySecretStore secrets;
    ConversationStore history;
    MessageModel messages;
    std::unique_ptr<Session> session;
    std::unique_ptr<ChatController> chat;
    std::unique_ptr<MainWindow> window;

    QString viewText() const { return window->chatView()->toPlainText(); }

    void chooseModel(const QString &name)
    {
        ModelPicker *picker = window->modelPicker();
        picker->setFocus();
        picker->lineEdit()->selectAll();
        QTest::keyClicks(picker->lineEdit(), name);
        QTest::keyClick(picker->lineEdit(), Qt::Key_Return);
    }

    void type(const QString &prompt)
    {
        // An edited prompt replaces its row and everything after it.
        rowsBeforeLastPrompt
            = window->editBar()->isVisible() ? window->editBar()->row() : messages.rowCount();
        QTest::keyClicks(window->composer(), prompt);
        QTest::keyClick(window->composer(), Qt::Key_Return);
    }

    // What replyState() says while there is no reply to wait for.
    static constexpr auto NoReply = MessageModel::State(-1);

    // The state of the reply to the last prompt typed: NoReply until that prompt and a reply
    // after it are rows, so that a wait for Complete cannot pass on a transcript where nothing
    // was sent, or on an earlier reply.
    MessageModel::State replyState() const
    {
        const int rows = messages.rowCount();
        if (rows < rowsBeforeLastPrompt + 2)
            return NoReply;
        const MessageModel::Message last = messages.message(rows - 1);
        return last.speaker == ChatMessage::Speaker::Assistant ? last.state : NoReply;
    }

    int rowsBeforeLastPrompt = 0;
};

inline void start(App &app)
{
    QSignalSpy models(app.session.get(), &Session::modelsChanged);
    app.session->reload();
    QTRY_VERIFY(app.session->client());
    QTRY_VERIFY(app.session->catalog()->hasServerModels());
}

} // namespace cody::test
