// SPDX-License-Identifier: Apache-2.0
// cody-chat: builds the object graph and shows the window; the work happens in core/ and ui/.
#include "account/keychainsecretstore.h"
#include "account/session.h"
#include "chat/chatcontroller.h"
#include "chat/messagemodel.h"
#include "guicommandline.h"
#include "history/conversationstore.h"
#include "history/privatefiles.h"
#include "ui/firstpaintprobe.h"
#include "ui/mainwindow.h"
#include "ui/singleinstance.h"
#include "ui/translationloader.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QMessageBox>
#include <QSettings>
#include <QStatusBar>

using namespace Qt::StringLiterals;

int main(int argc, char *argv[])
{
    QElapsedTimer started;
    started.start();
    cody::privatefiles::restrictUmask();
    // Before the QApplication, which needs a display: --help and --version work over SSH.
    if (const auto printed = cody::GuiCommandLine::answerWithoutDisplay(argc, argv))
        return *printed;
    QApplication app(argc, argv);
    cody::GuiCommandLine::describeApplication();
    QApplication::setApplicationDisplayName(u"Cody Chat"_s);
    // Wayland matches the window to packaging/org.codychat.CodyChat.desktop by this name.
    QApplication::setDesktopFileName(u"org.codychat.CodyChat"_s);
    cody::TranslationLoader::install(&app);

    const cody::GuiOptions options = cody::GuiCommandLine().process(app);
    const QString &prompt = options.newChat;

    // One window per history: a second start hands over to the first before building anything.
    cody::SingleInstance instance(cody::ConversationStore::defaultPath());
    if (instance.handOver(prompt))
        return 0;

    QSettings settings(QSettings::IniFormat, QSettings::UserScope, u"cody-chat"_s, u"cody-chat"_s);
    // The settings are the user's alone, whatever the umask (an older installation is tightened).
    QStringList tightened;
    if (cody::privatefiles::protectSettings(settings.fileName()))
        tightened.append(settings.fileName());
    cody::KeychainSecretStore secrets;
    cody::Session session(&settings, QProcessEnvironment::systemEnvironment(), &secrets);
    cody::MessageModel messages;
    cody::ChatController chat(&messages);
    cody::ConversationStore history;
    QString historyError;
    const bool recording = history.open(cody::ConversationStore::defaultPath(), &historyError);
    cody::MainWindow window({&session, &chat, &messages, &settings, &secrets, options.demo,
        recording ? &history : nullptr});

    if (qEnvironmentVariableIsSet("CODY_STARTUP_PROBE")) // benchmarks/startup
        new cody::FirstPaintProbe(&window, started);
    window.show();
    QObject::connect(
        &instance, &cody::SingleInstance::raiseRequested, &window, &cody::MainWindow::bringToFront);
    QObject::connect(&instance, &cody::SingleInstance::newChatRequested, &window,
        &cody::MainWindow::startNewChat);
    QString listenError;
    if (!instance.listen(&listenError))
        qWarning("cody-chat: other starts will open their own window: %s", qPrintable(listenError));
    // Losing years of chats silently would be the worst outcome: say what happened, once.
    if (!recording) {
        QMessageBox::warning(&window, window.windowTitle(),
            QObject::tr(
                "The conversation history cannot be opened, so this session is not recorded:\n%1")
                .arg(historyError));
    }
    tightened += history.tightened();
    if (!tightened.isEmpty()) // a note, not a question: nothing was lost
        window.statusBar()->showMessage(cody::privatefiles::tightenedNote(tightened));
    if (recording && !history.movedAside().isEmpty()) {
        QMessageBox::warning(&window, window.windowTitle(),
            QObject::tr("The conversation history was damaged. It was kept as\n%1\nand a new one "
                        "was started.")
                .arg(history.movedAside()));
    }
    session.reload();
    // The prompt is sent once the session has its client: at once with LLM_API_KEY, after the
    // keychain answers otherwise.
    if (!prompt.trimmed().isEmpty()) {
        const auto start = [&window, prompt] { window.startNewChat(prompt); };
        if (session.client())
            QMetaObject::invokeMethod(&window, start, Qt::QueuedConnection);
        else
            QObject::connect(
                &session, &cody::Session::changed, &window, start, Qt::SingleShotConnection);
    }
    return app.exec();
}
