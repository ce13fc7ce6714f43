// SPDX-License-Identifier: Apache-2.0
// cody-chat: builds the object graph and shows the window; the work happens in core/ and ui/.
#include "chatcontroller.h"
#include "keychainsecretstore.h"
#include "mainwindow.h"
#include "messagemodel.h"
#include "session.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QSettings>

using namespace Qt::StringLiterals;

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(u"cody-chat"_s);
    QApplication::setApplicationDisplayName(u"Cody Chat"_s);
    QApplication::setApplicationVersion(QStringLiteral(CODY_VERSION));
    QApplication::setDesktopFileName(u"cody-chat"_s);

    QCommandLineParser parser;
    parser.setApplicationDescription(u"Chat with Sourcegraph Cody."_s);
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption demo(u"demo"_s,
        u"Say clearly that the server is the bundled fake Sourcegraph (used by scripts/demo.sh)."_s);
    parser.addOption(demo);
    parser.process(app);

    QSettings settings(QSettings::IniFormat, QSettings::UserScope, u"cody-chat"_s, u"cody-chat"_s);
    cody::KeychainSecretStore secrets;
    cody::Session session(&settings, QProcessEnvironment::systemEnvironment(), &secrets);
    cody::MessageModel messages;
    cody::ChatController chat(&messages);
    cody::MainWindow window({&session, &chat, &messages, &settings, &secrets, parser.isSet(demo)});

    window.show();
    session.reload();
    return app.exec();
}
