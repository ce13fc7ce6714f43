// SPDX-License-Identifier: Apache-2.0
#include "clicontext.h"

#include "account/clientsettings.h"
#include "account/keychainsecretstore.h"
#include "cody/apicall.h"
#include "cody/sourcegraphclient.h"
#include "exitcode.h"
#include "history/conversationstore.h"
#include "history/privatefiles.h"

#include <QCommandLineParser>
#include <QEventLoop>
#include <QFile>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace cody::cli {

namespace {
ModelAliases loadAliases(QSettings &settings, QStringList *warnings)
{
    ModelAliases aliases;
    *warnings = aliases.loadUserAliases(settings);
    return aliases;
}
} // namespace

CliContext::CliContext()
    : m_settings(QSettings::IniFormat, QSettings::UserScope, u"cody-chat"_s, u"cody-chat"_s)
    , m_config(Config::load(QProcessEnvironment::systemEnvironment(), &m_settings, &m_configErrors))
    , m_catalog(loadAliases(m_settings, &m_aliasWarnings))
    , m_secretStore(std::make_unique<KeychainSecretStore>())
    , m_tokenSource(m_config.accessToken.isEmpty() ? TokenSource::None : TokenSource::Environment)
{
    if (privatefiles::protectSettings(m_settings.fileName()))
        writeWarning(privatefiles::tightenedNote({m_settings.fileName()}));
}

std::unique_ptr<SourcegraphClient> CliContext::configuredClient()
{
    if (!reportConfiguration())
        return nullptr;
    QString error;
    auto client = createClient(&error);
    if (!client)
        writeError(error);
    return client;
}

bool CliContext::reportConfiguration() const
{
    for (const auto &warning : m_aliasWarnings)
        writeWarning(warning);
    for (const auto &error : m_configErrors)
        writeError(error);
    return m_configErrors.isEmpty();
}

SecretResult CliContext::wait(
    const std::function<void(QObject *, SecretStore::Callback)> &operation)
{
    SecretResult result;
    QEventLoop loop;
    // The store answers later, never from inside the call, so the loop is running by then.
    operation(&loop, [&](const SecretResult &answer) {
        result = answer;
        loop.quit();
    });
    loop.exec();
    return result;
}

bool CliContext::resolveToken(QString *error)
{
    if (m_config.baseUrl.isEmpty()) {
        *error = u"no Sourcegraph URL configured: set LLM_BASE_URL (or SRC_ENDPOINT), e.g. "
                 "https://sourcegraph.example.com"_s;
        return false;
    }
    if (!m_config.accessToken.isEmpty())
        return true;
    const QString key = SecretStore::keyForEndpoint(m_config.baseUrl);
    const SecretResult stored = wait([this, &key](QObject *context, SecretStore::Callback done) {
        m_secretStore->read(key, context, std::move(done));
    });
    switch (stored.status) {
    case SecretResult::Status::Ok:
        m_config.accessToken = stored.secret;
        m_tokenSource = TokenSource::Keychain;
        return true;
    case SecretResult::Status::NotFound:
        *error = u"no access token for %1: set LLM_API_KEY (or SRC_ACCESS_TOKEN) to a Sourcegraph "
                 "access token, or store one with 'cody-chat-cli auth login'"_s.arg(key);
        return false;
    case SecretResult::Status::Unavailable:
    case SecretResult::Status::Failed:
        break;
    }
    *error = u"no access token: LLM_API_KEY (or SRC_ACCESS_TOKEN) is not set, and %1"_s.arg(
        stored.errorWithDetail());
    return false;
}

std::unique_ptr<SourcegraphClient> CliContext::createClient(QString *error)
{
    if (!resolveToken(error))
        return nullptr;
    return createClient(m_config.baseUrl, m_config.accessToken, error);
}

std::unique_ptr<SourcegraphClient> CliContext::createClient(
    const QUrl &baseUrl, const QString &accessToken, QString *error) const
{
    QString tlsError;
    auto settings = clientSettings(m_config, baseUrl, accessToken, &tlsError);
    if (!settings) {
        *error = u"%1: %2"_s.arg(m_config.origin(Config::Key::CaFile), tlsError);
        return nullptr;
    }
    if (settings->tls.bypassEnabled()) {
        writeWarning(u"TLS certificate verification is OFF for %1 (%2). Anyone on the network path "
                     "can read your token and chats; prefer CODY_CA_FILE"_s.arg(
                         settings->tls.bypassHost(), m_config.origin(Config::Key::SslBypass)));
    }
    return std::make_unique<SourcegraphClient>(std::move(*settings));
}

std::optional<int> CliContext::parseArguments(
    QCommandLineParser &parser, const QString &command, const QStringList &arguments)
{
    if (!parser.parse(QStringList {u"cody-chat-cli "_s + command} + arguments)) {
        writeError(parser.errorText());
        return UsageError;
    }
    if (parser.isSet(u"help"_s)) {
        writeOut(parser.helpText());
        return Success;
    }
    return std::nullopt;
}

void CliContext::writeOut(QStringView text)
{
    const QByteArray bytes = text.toUtf8();
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout);
    std::fflush(stdout);
}

void CliContext::writeError(const QString &line)
{
    std::fprintf(stderr, "cody-chat-cli: error: %s\n", line.toUtf8().constData());
    std::fflush(stderr);
}

void CliContext::writeWarning(const QString &line)
{
    std::fprintf(stderr, "cody-chat-cli: warning: %s\n", line.toUtf8().constData());
    std::fflush(stderr);
}

QByteArray CliContext::readStandardInput()
{
    QFile input;
    return input.open(stdin, QIODevice::ReadOnly) ? input.readAll() : QByteArray();
}

void CliContext::writeInfo(const QString &line)
{
    std::fprintf(stderr, "cody-chat-cli: %s\n", line.toUtf8().constData());
    std::fflush(stderr);
}

Error CliContext::loadServerModels(const ApiCall &call)
{
    if (call.error().isError())
        return call.error();
    QString parseError;
    if (!m_catalog.loadSupportedModels(call.body(), &parseError))
        return {ErrorKind::Protocol, u"the model list is malformed: %1"_s.arg(parseError)};
    return {};
}

CliContext::~CliContext() = default;

ConversationStore *CliContext::historyStore()
{
    if (m_history)
        return m_history.get();
    auto store = std::make_unique<ConversationStore>();
    QString error;
    if (!store->open(ConversationStore::defaultPath(), &error)) {
        writeError(u"the history database cannot be opened: %1"_s.arg(error));
        return nullptr;
    }
    if (!store->tightened().isEmpty())
        writeWarning(privatefiles::tightenedNote(store->tightened()));
    if (!store->movedAside().isEmpty()) {
        writeWarning(
            u"the history database was damaged; it was kept as %1 and a new one was started"_s.arg(
                store->movedAside()));
    }
    m_history = std::move(store);
    return m_history.get();
}

} // namespace cody::cli
