// SPDX-License-Identifier: Apache-2.0
#include "account/connectioncheck.h"

#include "cody/apicall.h"
#include "cody/discardrequest.h"
#include "cody/productversionrequest.h"
#include "cody/sourcegraphclient.h"

#include <QJsonArray>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace cody {

ConnectionCheck::ConnectionCheck(SourcegraphClient *client, QObject *parent)
    : QObject(parent)
    , m_client(client)
{ }

ConnectionCheck::~ConnectionCheck()
{
    if (m_user) {
        m_user->disconnect(this);
        m_user->deleteLater();
    }
    discardRequest(m_version, this);
}

void ConnectionCheck::start()
{
    m_user = m_client->graphql(u"CurrentUser"_s,
        u"query CurrentUser { currentUser { id hasVerifiedEmail displayName username avatarURL "
        "primaryEmail { email } organizations { nodes { id name } } } }"_s);
    connect(m_user, &ApiCall::finished, this, &ConnectionCheck::onUser);
    m_version = new ProductVersionRequest(m_client, this);
    connect(m_version, &ProductVersionRequest::finished, this, &ConnectionCheck::onVersion);
    m_version->start();
}

QString ConnectionCheck::summary() const
{
    const QString who = m_displayName.isEmpty() || m_displayName == m_username
        ? m_username
        : u"%1 (%2)"_s.arg(m_displayName, m_username);
    return m_productVersion.isEmpty()
        ? tr("Signed in as %1").arg(who)
        : tr("Signed in as %1 on Sourcegraph %2").arg(who, m_productVersion);
}

void ConnectionCheck::onUser()
{
    m_user->deleteLater();
    Error error = m_user->error();
    if (!error.isError()) {
        const QJsonObject root = m_user->jsonObject(&error);
        const QJsonArray errors = root.value("errors"_L1).toArray();
        const QJsonObject user
            = root.value("data"_L1).toObject().value("currentUser"_L1).toObject();
        if (!error.isError() && !errors.isEmpty()) {
            error = {ErrorKind::Http,
                tr("the server answered with an error: %1")
                    .arg(errors.first().toObject().value("message"_L1).toString().simplified())};
        } else if (!error.isError() && user.isEmpty()) {
            // A public instance answers an anonymous request with currentUser: null.
            error = {ErrorKind::Auth,
                tr("the server does not know this access token (no signed-in user)")};
        }
        m_username = user.value("username"_L1).toString();
        m_displayName = user.value("displayName"_L1).toString();
    }
    if (error.isError() && !m_error.isError())
        m_error = error;
    m_user = nullptr;
    finishWhenDone();
}

void ConnectionCheck::onVersion()
{
    m_version->deleteLater();
    // The version is a nicety: its failure does not fail the check (the user query says enough).
    m_productVersion = m_version->productVersion();
    m_version = nullptr;
    finishWhenDone();
}

void ConnectionCheck::finishWhenDone()
{
    if (m_done || m_user || m_version)
        return;
    m_done = true;
    Q_EMIT finished();
}

} // namespace cody
