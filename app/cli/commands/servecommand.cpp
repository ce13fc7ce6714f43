// SPDX-License-Identifier: Apache-2.0
#include "commands/servecommand.h"

#include "clicontext.h"
#include "cody/apicall.h"
#include "cody/sourcegraphclient.h"
#include "exitcode.h"
#include "gateway/openaigateway.h"

#include <QCommandLineParser>
#include <QProcessEnvironment>

using namespace Qt::StringLiterals;

namespace cody::cli {

ServeCommand::ServeCommand(CliContext &context, QObject *parent)
    : QObject(parent)
    , m_context(context)
{ }

ServeCommand::~ServeCommand() = default;

std::optional<int> ServeCommand::start(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Serve an OpenAI-compatible API (/v1/models, /v1/chat/completions) that answers through "
        "Cody with your Sourcegraph instance, aliases and automatic continuation."_s);
    parser.addHelpOption();
    const QCommandLineOption host(u"host"_s,
        u"Address to listen on (default 127.0.0.1: this machine only)."_s, u"ADDRESS"_s,
        u"127.0.0.1"_s);
    const QCommandLineOption port(
        u"port"_s, u"Port to listen on (default 8765; 0 picks a free one)."_s, u"N"_s, u"8765"_s);
    const QCommandLineOption apiKey(u"api-key"_s,
        u"Require clients to send Authorization: Bearer KEY (also CODY_GATEWAY_API_KEY, which "
        "keeps the key out of the process list)."_s,
        u"KEY"_s);
    const QCommandLineOption allowedHost(u"allowed-host"_s,
        u"Also accept requests whose Host names this server NAME (repeatable); by default only "
        "the address listened on (127.0.0.1, localhost and [::1] on loopback)."_s,
        u"NAME"_s);
    const QCommandLineOption allowOrigin(u"allow-origin"_s,
        u"Let the web page at ORIGIN (exactly, e.g. http://localhost:3000) call the API "
        "(repeatable); requests from any other page are refused."_s,
        u"ORIGIN"_s);
    const QCommandLineOption maxConcurrent(u"max-concurrent"_s,
        u"Replies in progress at once (default 8); further requests get 429 with Retry-After."_s,
        u"N"_s, u"8"_s);
    const QCommandLineOption maxBody(u"max-body"_s,
        u"Largest request body in MiB (default 32); larger ones get 413 before they are read."_s,
        u"MIB"_s, u"32"_s);
    const QCommandLineOption clientIdle(u"client-idle-timeout"_s,
        u"Close a client connection silent this many seconds between requests (default 60)."_s,
        u"S"_s, u"60"_s);
    parser.addOptions(
        {host, port, apiKey, allowedHost, allowOrigin, maxConcurrent, maxBody, clientIdle});
    if (const auto code = CliContext::parseArguments(parser, u"serve"_s, arguments))
        return code;
    if (!parser.positionalArguments().isEmpty()) {
        CliContext::writeError(u"serve takes no arguments"_s);
        return UsageError;
    }
    bool concurrentOk = false;
    const int concurrent = parser.value(maxConcurrent).toInt(&concurrentOk);
    if (!concurrentOk || concurrent < 1) {
        CliContext::writeError(u"--max-concurrent takes a number of at least 1"_s);
        return UsageError;
    }
    bool bodyOk = false;
    const double bodyMiB = parser.value(maxBody).toDouble(&bodyOk);
    if (!bodyOk || bodyMiB <= 0) {
        CliContext::writeError(u"--max-body takes a size in MiB above 0"_s);
        return UsageError;
    }
    bool idleOk = false;
    const double idleSeconds = parser.value(clientIdle).toDouble(&idleOk);
    if (!idleOk || idleSeconds <= 0) {
        CliContext::writeError(u"--client-idle-timeout takes a number of seconds above 0"_s);
        return UsageError;
    }
    bool portOk = false;
    const uint portNumber = parser.value(port).toUInt(&portOk);
    const QHostAddress address(parser.value(host));
    if (!portOk || portNumber > 65535 || address.isNull()) {
        CliContext::writeError(u"--host takes an IP address and --port a number up to 65535"_s);
        return UsageError;
    }
    m_client = m_context.configuredClient();
    if (!m_client)
        return UsageError;

    const Config &config = m_context.config();
    OpenAiGateway::Settings settings;
    settings.apiKey = parser.isSet(apiKey)
        ? parser.value(apiKey)
        : QProcessEnvironment::systemEnvironment().value(u"CODY_GATEWAY_API_KEY"_s);
    settings.defaultMaxTokens = config.defaultMaxTokens;
    settings.autoContinue = config.autoContinue;
    settings.maxContinuations = config.maxContinuations;
    settings.allowedHosts = parser.values(allowedHost);
    settings.allowedOrigins = parser.values(allowOrigin);
    settings.maxConcurrent = concurrent;
    settings.maxBodyBytes = qint64(bodyMiB * 1024 * 1024);
    settings.idleTimeoutMs = int(idleSeconds * 1000);
    m_gateway = std::make_unique<OpenAiGateway>(m_client.get(), &m_context.catalog(), settings);
    connect(m_gateway.get(), &OpenAiGateway::requestHandled, this,
        [](const QString &line) { CliContext::writeInfo(line); });
    const quint16 listening = m_gateway->listen(address, quint16(portNumber));
    if (listening == 0) {
        CliContext::writeError(u"cannot listen on %1 port %2 (in use, or not an address of this "
                               "machine)"_s.arg(address.toString())
                                   .arg(portNumber));
        return UsageError;
    }
    if (!address.isLoopback() && settings.apiKey.isEmpty()) {
        CliContext::writeWarning(u"listening on %1 without --api-key: anyone who can reach this "
                                 "port can use your Sourcegraph account"_s.arg(address.toString()));
    }
    const QString base = address.protocol() == QAbstractSocket::IPv6Protocol
        ? u"http://[%1]:%2/v1"_s.arg(address.toString()).arg(listening)
        : u"http://%1:%2/v1"_s.arg(address.toString()).arg(listening);
    // The one line on standard output: scripts and tests read the address from it.
    CliContext::writeOut(u"serving %1 for %2\n"_s.arg(base, config.baseUrl.toString()));

    // The server's models, for /v1/models and the output-token limits; aliases work without.
    m_models = m_client->getSupportedModels();
    connect(m_models, &ApiCall::finished, this, &ServeCommand::onModelsLoaded);
    return std::nullopt;
}

void ServeCommand::onModelsLoaded()
{
    m_models->deleteLater();
    const Error error = m_context.loadServerModels(*m_models);
    if (error.isError())
        CliContext::writeWarning(u"the server's model list is not available (%1); /v1/models "
                                 "lists the aliases only"_s.arg(error.message));
}

void ServeCommand::cancel()
{
    m_gateway.reset(); // stops listening; replies in flight end with it
    Q_EMIT done(Success);
}

} // namespace cody::cli
