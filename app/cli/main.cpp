// SPDX-License-Identifier: Apache-2.0
// cody-chat-cli: parses the command line and wires core objects; the work happens in core/.
#include "clicontext.h"
#include "commands/authcommand.h"
#include "commands/chatcommand.h"
#include "commands/contextcommand.h"
#include "commands/historycommand.h"
#include "commands/modelscommand.h"
#include "commands/reposcommand.h"
#include "commands/resolvecommand.h"
#include "commands/servecommand.h"
#include "exitcode.h"
#include "history/privatefiles.h"
#include "signalwatcher.h"

#include <QCoreApplication>

#include <cstdio>

using namespace Qt::StringLiterals;
using namespace cody::cli;

namespace {

const QString Usage
    = u"Usage: cody-chat-cli COMMAND [OPTIONS]\n"
      "\n"
      "Chat with Sourcegraph Cody from the command line.\n"
      "\n"
      "Commands:\n"
      "  chat [PROMPT…]   send a prompt and stream the reply\n"
      "  models           list model aliases and the server's chat models\n"
      "  resolve NAME     print the full cody/… name of a model\n"
      "  repos [QUERY]    list the instance's repositories; marks those context filters exclude\n"
      "  context QUERY --repo NAME\n"
      "                   show the codebase context a chat would retrieve, without asking a model\n"
      "  auth login|status|logout [--endpoint URL]\n"
      "                   keep the access token in the OS keychain (login reads it from stdin)\n"
      "  history list|show|search|export|import|delete\n"
      "                   the recorded conversations (chat records unless --no-history)\n"
      "  serve [--host ADDRESS] [--port N] [--api-key KEY]\n"
      "                   an OpenAI-compatible API on this machine that answers through Cody\n"
      "\n"
      "Run 'cody-chat-cli COMMAND --help' for a command's options.\n"
      "Configuration comes from LLM_BASE_URL, LLM_API_KEY, CODY_MODEL, … (see README);\n"
      "without LLM_API_KEY the token comes from the keychain ('auth login').\n"
      "Exit codes: 0 ok, 1 history database error, 2 usage/configuration (also: no token, no\n"
      "keychain), 3 token rejected, 4 network/TLS/timeout, 5 server error, 130 interrupted.\n"_s;

// Runs a long-running command until it reports done(), cancelling it on SIGINT/SIGTERM.
template <typename Command>
int runAsync(QCoreApplication &app, CliContext &context, const QStringList &arguments)
{
    Command command(context);
    QObject::connect(&command, &Command::done, &app, [&app](int code) { app.exit(code); });
    // start() may block reading standard input; until it returns, a signal keeps its default
    // action and simply ends the program. Afterwards it cancels the request cleanly.
    if (const auto code = command.start(arguments))
        return *code;
    SignalWatcher signals;
    QObject::connect(&signals, &SignalWatcher::interrupted, &command, &Command::cancel);
    return app.exec();
}

} // namespace

int main(int argc, char *argv[])
{
    cody::privatefiles::restrictUmask();
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"cody-chat-cli"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(CODY_VERSION));

    QStringList arguments = QCoreApplication::arguments().mid(1);
    const QString command = arguments.isEmpty() ? QString() : arguments.takeFirst();
    if (command == "--version"_L1 || command == "-V"_L1) {
        CliContext::writeOut(u"cody-chat-cli %1\n"_s.arg(QCoreApplication::applicationVersion()));
        return Success;
    }
    if (command == "--help"_L1 || command == "-h"_L1 || command == "help"_L1) {
        CliContext::writeOut(Usage);
        return Success;
    }

    CliContext context;
    if (command == "chat"_L1)
        return runAsync<ChatCommand>(app, context, arguments);
    if (command == "models"_L1)
        return runAsync<ModelsCommand>(app, context, arguments);
    if (command == "repos"_L1)
        return runAsync<ReposCommand>(app, context, arguments);
    if (command == "context"_L1)
        return runAsync<ContextCommand>(app, context, arguments);
    if (command == "resolve"_L1)
        return runResolveCommand(context, arguments);
    if (command == "history"_L1)
        return runHistoryCommand(context, arguments);
    if (command == "serve"_L1)
        return runAsync<ServeCommand>(app, context, arguments);
    if (command == "auth"_L1)
        return runAsync<AuthCommand>(app, context, arguments);

    CliContext::writeError(
        command.isEmpty() ? u"no command given"_s : u"unknown command \"%1\""_s.arg(command));
    std::fputs(Usage.toUtf8().constData(), stderr);
    return UsageError;
}
