// SPDX-License-Identifier: Apache-2.0
#include "account/session.h"

#include "account/clientsettings.h"
#include "account/connectioncheck.h"
#include "account/secretstore.h"
#include "cody/apicall.h"
#include "cody/sourcegraphclient.h"

#include <QSettings>

using namespace Qt::StringLiterals;

namespace cody {

Session::Session(
    QSettings *settings, QProcessEnvironment environment, SecretStore *secrets, QObject *parent)
    : QObject(parent)
    , m_settings(settings)
    , m_environment(std::move(environment))
    , m_secrets(secrets)
{ }

Session::~Session()
{
    delete m_check;
    delete m_modelsCall;
}

QString Session::selectedModel() const
{
    if (m_config.source(Config::Key::Model) == Config::Source::Environment)
        return m_config.model;
    return m_settings->value(u"window/selectedModel"_s, m_config.model).toString();
}

bool Session::hasModelChoice() const
{
    return m_config.source(Config::Key::Model) != Config::Source::Default
        || m_settings->contains(u"window/selectedModel"_s);
}

void Session::saveSelectedModel(const QString &name)
{
    m_settings->setValue(u"window/selectedModel"_s, name);
}

void Session::reload()
{
    ++m_generation;
    delete m_check;
    delete m_modelsCall;
    m_client.reset();
    m_account.clear();
    QStringList errors;
    m_settings->sync();
    m_config = Config::load(m_environment, m_settings, &errors);
    ModelAliases aliases;
    m_aliasWarnings = aliases.loadUserAliases(*m_settings);
    m_catalog = ModelCatalog(aliases);
    Q_EMIT modelsChanged();

    if (!errors.isEmpty()) {
        onToken({}, {}, errors.join(u"; "_s));
        return;
    }
    if (m_config.baseUrl.isEmpty()) {
        onToken({}, {}, tr("No Sourcegraph URL is set."));
        return;
    }
    if (!m_config.accessToken.isEmpty()) {
        onToken(m_config.accessToken, m_config.origin(Config::Key::AccessToken), {});
        return;
    }
    const int generation = m_generation;
    m_secrets->read(SecretStore::keyForEndpoint(m_config.baseUrl), this,
        [this, generation](const SecretResult &result) {
            if (generation != m_generation)
                return;
            if (result.ok())
                onToken(result.secret, tr("keychain"), {});
            else if (result.status == SecretResult::Status::NotFound)
                onToken({}, {},
                    tr("No access token is stored for %1.")
                        .arg(m_config.baseUrl.toDisplayString()));
            else
                onToken({}, {}, tr("The keychain could not be read: %1").arg(result.error));
        });
}

void Session::onToken(const QString &token, const QString &source, const QString &problem)
{
    m_tokenSource = source;
    m_problem = problem;
    if (problem.isEmpty()) {
        QString tlsError;
        if (auto settings = clientSettings(m_config, m_config.baseUrl, token, &tlsError))
            m_client = std::make_unique<SourcegraphClient>(std::move(*settings));
        else
            m_problem = tlsError;
    }
    Q_EMIT changed();
    if (m_client) {
        loadModels();
        checkAccount();
    }
}

void Session::loadModels()
{
    m_modelsCall = m_client->getSupportedModels();
    connect(m_modelsCall, &ApiCall::finished, this, [this] {
        m_modelsCall->deleteLater();
        if (!m_modelsCall->error().isError() && m_catalog.loadSupportedModels(m_modelsCall->body()))
            Q_EMIT modelsChanged();
    });
}

void Session::checkAccount()
{
    m_check = new ConnectionCheck(m_client.get(), this);
    connect(m_check, &ConnectionCheck::finished, this, [this] {
        m_check->deleteLater();
        m_account = m_check->error().isError() ? m_check->error().message : m_check->summary();
        Q_EMIT accountChanged();
    });
    m_check->start();
}

} // namespace cody
