// SPDX-License-Identifier: Apache-2.0
// Builds the real window against an in-process fake Sourcegraph, plays a short conversation and
// saves PNGs of what a person sees: light and dark mid-conversation, the settings dialog, an error,
// "What was sent", the codebase context under a message, the standing repositories, the @-mention
// popup (repositories, a repository's paths) and the context chips with the meter.
// Run through tests/gui/screenshots.sh (under Xvfb).
#include "account/session.h"
#include "chat/chatcontroller.h"
#include "chat/messagemodel.h"
#include "darkpalette.h"
#include "fakesourcegraph.h"
#include "history/conversationstore.h"
#include "memorysecretstore.h"
#include "ui/chat/chatview.h"
#include "ui/chat/composer.h"
#include "ui/chat/contextblock.h"
#include "ui/chat/contextrepositorieseditor.h"
#include "ui/chat/conversationsettingspanel.h"
#include "ui/chat/mentioncompleter.h"
#include "ui/chat/mentionpopup.h"
#include "ui/chat/messagecomposerpanel.h"
#include "ui/chat/messageeditbar.h"
#include "ui/chat/sentrequestdialog.h"
#include "ui/mainwindow.h"
#include "ui/models/modelpicker.h"
#include "ui/settings/settingsdialog.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStyleFactory>
#include <QTemporaryDir>
#include <QTest>

#include <cstdio>

using namespace Qt::StringLiterals;
using namespace cody;

namespace {

bool waitFor(const std::function<bool()> &done, int ms = 10'000)
{
    QElapsedTimer timer;
    timer.start();
    while (!done() && timer.elapsed() < ms)
        QTest::qWait(20);
    return done();
}

void save(QWidget *widget, const QString &path)
{
    QTest::qWait(150); // let the last coalesced redraw land
    if (!widget->grab().save(path))
        std::fprintf(stderr, "could not write %s\n", qPrintable(path));
    else
        std::printf("%s\n", qPrintable(path));
}

void chooseModel(MainWindow &window, const QString &model)
{
    window.modelPicker()->setFocus();
    window.modelPicker()->lineEdit()->selectAll();
    QTest::keyClicks(window.modelPicker()->lineEdit(), model);
    QTest::keyClick(window.modelPicker()->lineEdit(), Qt::Key_Return);
}

void converse(MainWindow &window, MessageModel &messages, const QString &model,
    const QString &prompt, bool waitForEnd)
{
    chooseModel(window, model);
    QTest::keyClicks(window.composer(), prompt);
    QTest::keyClick(window.composer(), Qt::Key_Return);
    const int row = messages.rowCount() - 1;
    waitFor([&] {
        const auto state = messages.message(row).state;
        return waitForEnd ? state != MessageModel::State::Streaming
                          : !messages.message(row).text.isEmpty();
    });
}

// What a question about Sourcegraph's squirrel service carried: a repository searched, three of
// its chunks and a file of another repository sent, a repository the context filters exclude and a
// local file that could not be read left out.
QList<ContextItem> squirrelContext(const QUrl &instance)
{
    const QString base = instance.toString(QUrl::StripTrailingSlash);
    ContextItem repository;
    repository.kind = ContextItem::Kind::Repository;
    repository.repoName = u"github.com/sourcegraph/sourcegraph"_s;
    repository.url = QUrl(base + u"/github.com/sourcegraph/sourcegraph"_s);
    QList<ContextItem> items {repository};
    for (const auto &[path, start, end] : {std::tuple(u"cmd/symbols/squirrel/service.go"_s, 1, 20),
             std::tuple(u"cmd/symbols/squirrel/README.md"_s, 1, 12),
             std::tuple(u"cmd/symbols/internal/api/handler.go"_s, 13, 32)}) {
        ContextItem chunk = repository;
        chunk.kind = ContextItem::Kind::RemoteFile;
        chunk.source = ContextItem::Source::Retrieved;
        chunk.path = path;
        chunk.startLine = start;
        chunk.endLine = end;
        chunk.content
            = u"package squirrel\n\n// Squirrel answers symbol queries from parse trees.\n"_s
                  .repeated(end - start);
        chunk.url
            = QUrl(u"%1/%2/-/blob/%3?L%4-%5"_s.arg(base, chunk.repoName, path).arg(start).arg(end));
        items.append(chunk);
    }
    ContextItem readme;
    readme.repoName = u"github.com/sourcegraph/cody"_s;
    readme.path = u"agent/README.md"_s;
    readme.content = u"# Cody agent\n\nThe agent speaks JSON-RPC to editors.\n"_s;
    readme.url = QUrl(base + u"/github.com/sourcegraph/cody/-/blob/agent/README.md"_s);
    items.append(readme);
    ContextItem excluded;
    excluded.kind = ContextItem::Kind::Repository;
    excluded.repoName = u"github.com/acme/lang-example"_s;
    excluded.omittedReason
        = u"excluded by the context filters (exclude pattern \".*lang-example.*\")"_s;
    items.append(excluded);
    ContextItem local;
    local.kind = ContextItem::Kind::LocalFile;
    local.path = u"/home/me/notes/squirrel.md"_s;
    local.omittedReason = u"could not be read: permission denied"_s;
    items.append(local);
    return items;
}

/// Types `text` into the message box and waits for the @-mention popup's answer.
void mention(MainWindow &window, const QString &text)
{
    QTest::keyClicks(window.composer(), text);
    const MentionPopup *popup = window.composerPanel()->mentions()->popup();
    waitFor([popup] { return popup->isVisible() && popup->statusText() != u"Searching…"_s; });
}

/// The @-mention popup over repositories and a repository's paths, then the chips and meter.
void mentions(MainWindow &window, const QString &out, const QString &suffix)
{
    MentionPopup *popup = window.composerPanel()->mentions()->popup();
    window.composer()->setFocus();
    mention(window, u"Where does the ledger round amounts? @"_s);
    QTest::keyClick(window.composer(), Qt::Key_Down);
    QTest::keyClick(window.composer(), Qt::Key_Down); // onto the excluded one: it says why
    save(&window, out + u"/mention-repositories-"_s + suffix + u".png"_s);
    mention(window, u"billing"_s);
    QTest::keyClick(window.composer(), Qt::Key_Tab);
    waitFor([popup] { return popup->model()->rowCount() > 0; });
    QTest::keyClick(window.composer(), Qt::Key_Down);
    save(&window, out + u"/mention-paths-"_s + suffix + u".png"_s);
    QTest::keyClick(window.composer(), Qt::Key_Down);
    QTest::keyClick(window.composer(), Qt::Key_Return); // invoices/ledger.go
    mention(window, u"@github.com/sourcegraph/sourcegraph:cmd/symbols/squirrel/service.go:10-30"_s);
    QTest::keyClick(window.composer(), Qt::Key_Return);
    mention(window, u"@sourcegraph/cody"_s);
    QTest::keyClick(window.composer(), Qt::Key_Return);
    QTest::qWait(600); // the files' contents arrive and are measured
    save(&window, out + u"/context-chips-"_s + suffix + u".png"_s);
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setStyle(QStyleFactory::create(u"Fusion"_s));
    const QString out = argc > 1 ? QString::fromLocal8Bit(argv[1]) : u"screenshots"_s;
    QDir().mkpath(out);

    test::FakeSourcegraph::Options options;
    options.slowDelayMs = 40;
    options.contextFilters = test::FakeSourcegraph::Options::ContextFiltersAnswer::Raw;
    options.contextFiltersRaw = R"({"exclude":[{"repoNamePattern":".*lang-example.*"}]})";
    test::FakeSourcegraph server(options);
    if (!server.listen())
        return 1;
    QTemporaryDir dir;
    QProcessEnvironment environment;
    environment.insert(u"LLM_BASE_URL"_s, server.baseUrl().toString());
    environment.insert(u"LLM_API_KEY"_s, QString::fromLatin1(options.token));

    for (const bool dark : {false, true}) {
        QApplication::setPalette(
            dark ? test::darkPalette() : QApplication::style()->standardPalette());
        QSettings settings(
            dir.filePath(dark ? u"dark.ini"_s : u"light.ini"_s), QSettings::IniFormat);
        test::MemorySecretStore secrets;
        Session session(&settings, environment, &secrets);
        MessageModel messages;
        ChatController chat(&messages);
        ConversationStore history;
        QString historyError;
        history.open(dir.filePath(dark ? u"dark.sqlite"_s : u"light.sqlite"_s), &historyError);
        MainWindow window({&session, &chat, &messages, &settings, &secrets, false, &history});
        window.resize(1000, 720);
        window.show();
        session.reload();
        waitFor([&] { return session.catalog()->hasServerModels(); });

        const QString suffix = dark ? u"dark"_s : u"light"_s;
        // Earlier chats, so the sidebar has something to list.
        for (const QString &earlier :
            {u"What are server-sent events?"_s, u"Explain SQLite WAL mode"_s}) {
            converse(window, messages, u"cody-sonnet"_s, earlier, true);
            chat.newChat();
        }
        converse(window, messages, u"cody-sonnet"_s, u"How do I read a file in C++?"_s, true);
        // A reply with Markdown: the fake server's truncated answer, auto-continued.
        converse(window, messages, u"fake::v1::truncated"_s, u"Tell me a long story"_s, true);
        messages.append({ChatMessage::Speaker::Human, u"Show me a table and some code"_s});
        MessageModel::Message rich;
        rich.speaker = ChatMessage::Speaker::Assistant;
        rich.model = u"cody/anthropic::2023-06-01::claude-3.5-sonnet"_s;
        rich.details = u"412 tokens · ≈$0.0061"_s;
        rich.text
            = u"Here is a comparison:\n\n| Parser | Speed | Streaming |\n|---|---:|:---:|\n"
              "| ours | fast | yes |\n| naive | slow | no |\n\nAnd the code:\n\n```cpp\n"
              "#include <fstream>\n\nint main() {\n    std::ifstream in(\"a.txt\");\n"
              "    return in ? 0 : 1; // done\n}\n```\n\n- one\n- two, with **bold** and `code`\n"_s;
        messages.append(rich);
        // Mid-stream: the server sent the start of the reply and is still going (Stop is shown).
        converse(window, messages, u"fake::v1::stall"_s, u"And while it streams?"_s, false);
        save(&window, out + u"/main-"_s + suffix + u".png"_s);
        chat.stop();
        waitFor([&] { return !chat.isBusy(); });

        if (!dark) {
            converse(window, messages, u"fake::v1::error-event"_s, u"This one fails"_s, true);
            save(&window, out + u"/error-"_s + suffix + u".png"_s);
            // The conversation's settings open, and an earlier prompt being edited.
            window.findChild<QAction *>(u"conversationSettingsAction"_s)->trigger();
            window.conversationSettingsPanel()->systemPromptEdit()->setPlainText(
                u"Answer briefly, code first."_s);
            Q_EMIT window.chatView()->anchorClicked(QUrl(u"cody-edit:2"_s));
            save(&window, out + u"/conversation-"_s + suffix + u".png"_s);
        }
        SettingsDialog *dialog = window.openSettings();
        save(dialog, out + u"/settings-"_s + suffix + u".png"_s);
        dialog->close();
        if (!dark) {
            window.editBar()->cancelButton()->click();
            window.findChild<QAction *>(u"conversationSettingsAction"_s)->trigger();
        }
        mentions(window, out, suffix);

        // "What was sent" for a reply with codebase context.
        SentRequestDialog sent(&window);
        QList<ChatMessage> request {{ChatMessage::Speaker::System,
            u"You are Cody, an AI coding assistant from Sourcegraph.If your answer contains fenced "
            u"code blocks in Markdown, include the relevant full file path in the code block tag."_s}};
        for (const QString &path : {u"cmd/symbols/squirrel/service.go"_s,
                 u"cmd/symbols/squirrel/README.md"_s, u"cmd/symbols/internal/api/handler.go"_s}) {
            request.append({ChatMessage::Speaker::Human,
                u"Codebase context from file /%1 in repository "
                u"github.com/sourcegraph/sourcegraph:\n"
                u"```go:/%1\npackage squirrel\n\n// Squirrel answers symbol queries from parse "
                u"trees.\n"
                u"func New() *Service { return &Service{} }\n```"_s.arg(path)});
            request.append({ChatMessage::Speaker::Assistant, u"Ok."_s});
        }
        request.append({ChatMessage::Speaker::Human, u"What is Squirrel?"_s});
        sent.setRequest(request, u"cody/anthropic::2023-06-01::claude-3-opus"_s);
        sent.messageList()->setCurrentRow(1);
        sent.show();
        save(&sent, out + u"/what-was-sent-"_s + suffix + u".png"_s);
        sent.close();

        // A question with codebase context: the block under it, opened; then the conversation's
        // standing repositories, one added and one the context filters refuse.
        chat.newChat();
        window.composer()->clear(); // the edit begun above is over with its conversation
        chooseModel(window, u"cody-sonnet"_s);
        chat.send(u"How does the squirrel service answer symbol queries?"_s,
            squirrelContext(server.baseUrl()));
        waitFor([&] {
            return messages.rowCount() == 2
                && messages.message(1).state != MessageModel::State::Streaming;
        });
        Q_EMIT window.chatView()->anchorClicked(QUrl(ContextBlock::toggleHref(0)));
        window.findChild<QAction *>(u"conversationSettingsAction"_s)->setChecked(false);
        save(&window, out + u"/context-"_s + suffix + u".png"_s);
        window.findChild<QAction *>(u"conversationSettingsAction"_s)->setChecked(true);
        ContextRepositoriesEditor *repositories
            = window.conversationSettingsPanel()->contextRepositories();
        for (const QString &name :
            {u"github.com/sourcegraph/cody"_s, u"github.com/acme/lang-example"_s}) {
            QSignalSpy checked(repositories, &ContextRepositoriesEditor::checked);
            repositories->add(name);
            waitFor([&] { return checked.count() > 0; });
        }
        save(&window, out + u"/conversation-context-"_s + suffix + u".png"_s);
    }
    return 0;
}
