// SPDX-License-Identifier: Apache-2.0
#include "commands/authcommand.h"

#include "account/config.h"
#include "account/connectioncheck.h"
#include "clicontext.h"
#include "cody/sourcegraphclient.h"
#include "exitcode.h"

#include <QCommandLineParser>

#include <csignal>
#include <cstdio>
#include <string>
#include <termios.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace cody::cli {

namespace {

const QString AuthUsage = u"Usage: cody-chat-cli auth login [--endpoint URL]\n"
                          "       cody-chat-cli auth status [--endpoint URL]\n"
                          "       cody-chat-cli auth logout [--endpoint URL]\n"
                          "\n"
                          "Keep a Sourcegraph access token in the OS keychain (service cody-chat, "
                          "one entry per URL).\n"
                          "  login   read a token from standard input, check it, store it\n"
                          "  status  show the URL, where the token comes from and who it signs in\n"
                          "  logout  delete the stored token\n"
                          "LLM_API_KEY, when set, wins over the keychain.\n"_s;

// What the terminal looked like before echo was turned off, for the signal handler below.
termios savedTerminal {};

// A signal while the token is typed would otherwise leave the user's terminal without echo.
extern "C" void restoreTerminalAndDie(int signalNumber)
{
    ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &savedTerminal);
    ::signal(signalNumber, SIG_DFL);
    ::raise(signalNumber);
}

std::string readLine()
{
    std::string line;
    char buffer[512];
    while (std::fgets(buffer, sizeof buffer, stdin)) {
        line += buffer;
        if (!line.empty() && line.back() == '\n')
            break;
    }
    return line;
}

// One line from standard input; on a terminal after a prompt on stderr, without echo.
QString readToken(const QString &prompt)
{
    if (!::isatty(STDIN_FILENO) || ::tcgetattr(STDIN_FILENO, &savedTerminal) != 0)
        return QString::fromStdString(readLine()).trimmed();

    constexpr int Signals[] = {SIGINT, SIGTERM, SIGHUP, SIGQUIT};
    struct sigaction previous[std::size(Signals)] = {};
    struct sigaction restore = {};
    restore.sa_handler = restoreTerminalAndDie;
    for (size_t i = 0; i < std::size(Signals); ++i) {
        ::sigaction(Signals[i], nullptr, &previous[i]);
        // A signal the program was started with ignored (a background job) stays ignored.
        if (previous[i].sa_handler != SIG_IGN)
            ::sigaction(Signals[i], &restore, nullptr);
    }
    // Echo goes off before the prompt appears, so nothing typed in answer to it is ever shown.
    termios quiet = savedTerminal;
    quiet.c_lflag &= ~tcflag_t(ECHO);
    ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
    std::fputs(prompt.toUtf8().constData(), stderr);
    std::fflush(stderr);
    const std::string line = readLine();
    ::tcsetattr(STDIN_FILENO, TCSANOW, &savedTerminal);
    for (size_t i = 0; i < std::size(Signals); ++i)
        ::sigaction(Signals[i], &previous[i], nullptr);
    std::fputs("\n", stderr); // the Enter the user typed was not echoed
    std::fflush(stderr);
    return QString::fromStdString(line).trimmed();
}

} // namespace

AuthCommand::AuthCommand(CliContext &context, QObject *parent)
    : QObject(parent)
    , m_context(context)
{ }

AuthCommand::~AuthCommand() = default;

std::optional<int> AuthCommand::start(const QStringList &arguments)
{
    if (const auto code = parse(arguments))
        return code;
    switch (m_action) {
    case Action::Login:
        return login();
    case Action::Status:
        return status();
    case Action::Logout:
        return logout();
    }
    return UsageError;
}

std::optional<int> AuthCommand::parse(const QStringList &arguments)
{
    const QString word = arguments.value(0);
    if (word == "--help"_L1 || word == "-h"_L1) {
        CliContext::writeOut(AuthUsage);
        return Success;
    }
    if (word == "login"_L1) {
        m_action = Action::Login;
    } else if (word == "status"_L1) {
        m_action = Action::Status;
    } else if (word == "logout"_L1) {
        m_action = Action::Logout;
    } else {
        CliContext::writeError(word.isEmpty() ? u"auth needs login, status or logout"_s
                                              : u"unknown auth command \"%1\""_s.arg(word));
        std::fputs(AuthUsage.toUtf8().constData(), stderr);
        return UsageError;
    }

    QCommandLineParser parser;
    parser.setApplicationDescription(m_action == Action::Login
            ? u"Read an access token from standard input, check it and store it in the keychain."_s
            : m_action == Action::Status
            ? u"Show the Sourcegraph URL, where the token comes from and who it signs in."_s
            : u"Delete the access token stored in the keychain."_s);
    parser.addHelpOption();
    const QCommandLineOption endpoint(u"endpoint"_s,
        u"Sourcegraph URL (default: LLM_BASE_URL, SRC_ENDPOINT or the saved setting)."_s, u"URL"_s);
    parser.addOption(endpoint);
    if (const auto code = CliContext::parseArguments(parser, u"auth "_s + word, arguments.mid(1)))
        return code;
    if (!parser.positionalArguments().isEmpty()) {
        CliContext::writeError(u"auth %1 takes no arguments"_s.arg(word));
        return UsageError;
    }
    if (!m_context.reportConfiguration())
        return UsageError;

    if (parser.isSet(endpoint)) {
        QString error;
        m_endpoint = Config::parseBaseUrl(parser.value(endpoint), &error);
        if (m_endpoint.isEmpty()) {
            CliContext::writeError(u"--endpoint: %1"_s.arg(error));
            return UsageError;
        }
        m_configuredUrl = m_context.config().baseUrl;
        m_context.config().baseUrl = m_endpoint;
    } else {
        m_endpoint = m_context.config().baseUrl;
    }
    if (m_endpoint.isEmpty()) {
        CliContext::writeError(u"no Sourcegraph URL: pass --endpoint URL or set LLM_BASE_URL (or "
                               "SRC_ENDPOINT), e.g. https://sourcegraph.example.com"_s);
        return UsageError;
    }
    m_key = SecretStore::keyForEndpoint(m_endpoint);
    return std::nullopt;
}

std::optional<int> AuthCommand::login()
{
    // Ask the keychain first: without one, typing the token would be for nothing.
    m_context.secretStore().read(m_key, this, [this](const SecretResult &result) {
        if (result.status == SecretResult::Status::Unavailable) {
            CliContext::writeError(
                u"the token cannot be stored: %1"_s.arg(result.errorWithDetail()));
            finish(UsageError);
            return;
        }
        if (const auto code = readAndCheckToken())
            finish(*code);
    });
    return std::nullopt;
}

std::optional<int> AuthCommand::readAndCheckToken()
{
    const QString token = readToken(u"Access token for %1: "_s.arg(m_key));
    if (token.isEmpty()) {
        CliContext::writeError(u"no access token on standard input"_s);
        return UsageError;
    }
    QString error;
    m_client = m_context.createClient(m_endpoint, token, &error);
    if (!m_client) {
        CliContext::writeError(error);
        return UsageError;
    }
    m_token = token;
    check();
    return std::nullopt;
}

std::optional<int> AuthCommand::status()
{
    CliContext::writeOut(u"Endpoint: %1\n"_s.arg(m_key));
    QString error;
    const bool found = m_context.resolveToken(&error);
    const Config &config = m_context.config();
    switch (m_context.tokenSource()) {
    case CliContext::TokenSource::Environment:
        CliContext::writeOut(
            u"Token:    environment (%1)\n"_s.arg(config.origin(Config::Key::AccessToken)));
        break;
    case CliContext::TokenSource::Keychain:
        CliContext::writeOut(u"Token:    keychain\n"_s);
        break;
    case CliContext::TokenSource::None:
        CliContext::writeOut(u"Token:    none\n"_s);
        break;
    }
    if (!found) {
        CliContext::writeError(error);
        return UsageError;
    }
    // LLM_API_KEY belongs to LLM_BASE_URL: never hand it to another host named by --endpoint.
    if (m_context.tokenSource() == CliContext::TokenSource::Environment
        && !m_configuredUrl.isEmpty() && SecretStore::keyForEndpoint(m_configuredUrl) != m_key) {
        CliContext::writeError(u"%1 is the token for %2, not for %3; it was not sent there"_s.arg(
            config.origin(Config::Key::AccessToken), SecretStore::keyForEndpoint(m_configuredUrl),
            m_key));
        return UsageError;
    }
    m_client = m_context.createClient(m_endpoint, config.accessToken, &error);
    if (!m_client) {
        CliContext::writeError(error);
        return UsageError;
    }
    check();
    return std::nullopt;
}

std::optional<int> AuthCommand::logout()
{
    m_context.secretStore().remove(
        m_key, this, [this](const SecretResult &result) { onRemoved(result); });
    return std::nullopt;
}

void AuthCommand::check()
{
    m_check = new ConnectionCheck(m_client.get(), this);
    connect(m_check, &ConnectionCheck::finished, this, &AuthCommand::onChecked);
    m_check->start();
}

void AuthCommand::onChecked()
{
    m_check->deleteLater();
    const Error error = m_check->error();
    const QString summary = m_check->summary();
    if (error.isError()) {
        // Nothing is stored: a token the server rejects is of no use in the keychain.
        m_token.clear();
        QString message = error.message;
        if (m_action == Action::Login)
            message = u"the token was NOT stored: %1"_s.arg(message);
        else if (error.kind == ErrorKind::Auth
            && m_context.tokenSource() == CliContext::TokenSource::Keychain)
            message += u" (the token comes from the keychain: replace it with 'cody-chat-cli auth "
                       "login')"_s;
        CliContext::writeError(message);
        finish(exitCodeFor(error.kind));
        return;
    }
    if (m_action == Action::Status) {
        CliContext::writeOut(QString(summary + u'\n'));
        finish(Success);
        return;
    }
    m_context.secretStore().write(m_key, std::exchange(m_token, QString()), this,
        [this, summary](const SecretResult &result) { onStored(summary, result); });
}

void AuthCommand::onStored(const QString &summary, const SecretResult &result)
{
    if (!result.ok()) {
        CliContext::writeError(
            u"%1, but the token was NOT stored: %2"_s.arg(summary, result.errorWithDetail()));
        finish(UsageError);
        return;
    }
    CliContext::writeOut(u"%1; token stored in the keychain for %2\n"_s.arg(summary, m_key));
    warnAboutEnvironmentToken();
    finish(Success);
}

void AuthCommand::onRemoved(const SecretResult &result)
{
    switch (result.status) {
    case SecretResult::Status::Ok:
        CliContext::writeOut(u"Removed the token for %1 from the keychain\n"_s.arg(m_key));
        break;
    case SecretResult::Status::NotFound:
        CliContext::writeOut(
            u"No token was stored in the keychain for %1; nothing to remove\n"_s.arg(m_key));
        break;
    case SecretResult::Status::Unavailable:
    case SecretResult::Status::Failed:
        CliContext::writeError(u"could not remove the token: %1"_s.arg(result.errorWithDetail()));
        finish(UsageError);
        return;
    }
    warnAboutEnvironmentToken();
    finish(Success);
}

void AuthCommand::warnAboutEnvironmentToken() const
{
    // The environment wins over the keychain: say so, or the keychain change looks ignored.
    if (m_context.tokenSource() == CliContext::TokenSource::Environment) {
        CliContext::writeWarning(u"%1 is set and is used instead of the keychain"_s.arg(
            m_context.config().origin(Config::Key::AccessToken)));
    }
}

void AuthCommand::cancel()
{
    if (m_check) {
        m_check->disconnect(this);
        m_check->deleteLater();
    }
    CliContext::writeError(u"interrupted"_s);
    finish(Interrupted);
}

void AuthCommand::finish(int exitCode)
{
    if (std::exchange(m_finished, true))
        return;
    Q_EMIT done(exitCode);
}

} // namespace cody::cli
