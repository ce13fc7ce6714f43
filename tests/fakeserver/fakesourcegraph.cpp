// SPDX-License-Identifier: Apache-2.0
#include "fakesourcegraph.h"

#include "fakedocuments.h"
#include "httpconnection.h"
#include "requestshape.h"
#include "sseencoder.h"
#include "truncatedreply.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslServer>
#include <QSslSocket>
#include <QTcpServer>
#include <QTest>

using namespace Qt::StringLiterals;

namespace cody::test {

namespace {

FakeSourcegraphOptions normalized(FakeSourcegraphOptions options)
{
    QString prefix = options.pathPrefix.trimmed();
    while (prefix.endsWith(u'/'))
        prefix.chop(1);
    if (!prefix.isEmpty() && !prefix.startsWith(u'/'))
        prefix.prepend(u'/');
    options.pathPrefix = prefix;
    return options;
}

QByteArray readFile(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = u"cannot read %1: %2"_s.arg(path, file.errorString());
        return {};
    }
    return file.readAll();
}

// The host part of a Host header, without the port.
QByteArray hostName(const QByteArray &hostHeader)
{
    if (hostHeader.startsWith('['))
        return hostHeader.mid(1, hostHeader.indexOf(']') - 1);
    const qsizetype colon = hostHeader.lastIndexOf(':');
    return colon < 0 ? hostHeader : hostHeader.left(colon);
}

} // namespace

FakeSourcegraph::FakeSourcegraph(Options options, QObject *parent)
    : QObject(parent)
    , m_options(normalized(std::move(options)))
    , m_scenarios(m_options)
    , m_graphql(m_options)
{ }

FakeSourcegraph::~FakeSourcegraph() = default;

void FakeSourcegraph::setContextFilters(Options::ContextFiltersAnswer answer, const QByteArray &raw)
{
    m_options.contextFilters = answer;
    m_options.contextFiltersRaw = raw;
}

QString FakeSourcegraph::truncatedReply()
{
    return TruncatedReply::text();
}

bool FakeSourcegraph::listen(const QHostAddress &address, quint16 port)
{
    if (m_server) {
        m_errorString = u"already listening"_s;
        return false;
    }
    std::unique_ptr<QTcpServer> server;
    if (!m_options.tlsCertFile.isEmpty() && !m_options.tlsKeyFile.isEmpty()) {
        if (!QSslSocket::supportsSsl()) {
            m_errorString = u"TLS is not available in this Qt build"_s;
            return false;
        }
        const QList<QSslCertificate> chain
            = QSslCertificate::fromData(readFile(m_options.tlsCertFile, &m_errorString));
        const QByteArray keyPem = readFile(m_options.tlsKeyFile, &m_errorString);
        QSslKey key(keyPem, QSsl::Rsa);
        if (key.isNull())
            key = QSslKey(keyPem, QSsl::Ec);
        if (chain.isEmpty() || key.isNull()) {
            if (m_errorString.isEmpty())
                m_errorString = u"no usable PEM certificate and private key"_s;
            return false;
        }
        QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
        configuration.setLocalCertificateChain(chain);
        configuration.setPrivateKey(key);
        configuration.setPeerVerifyMode(QSslSocket::VerifyNone);
        auto sslServer = std::make_unique<QSslServer>();
        sslServer->setSslConfiguration(configuration);
        server = std::move(sslServer);
    } else {
        server = std::make_unique<QTcpServer>();
    }
    // pendingConnectionAvailable rather than newConnection: a QSslServer socket is only
    // pending once its handshake is done.
    connect(server.get(), &QTcpServer::pendingConnectionAvailable, this,
        &FakeSourcegraph::acceptConnections);
    if (!server->listen(address, port)) {
        m_errorString = server->errorString();
        return false;
    }
    m_address = address;
    m_server = std::move(server);
    m_errorString.clear();
    return true;
}

quint16 FakeSourcegraph::port() const
{
    return m_server ? m_server->serverPort() : 0;
}

QUrl FakeSourcegraph::baseUrl() const
{
    QUrl url;
    url.setScheme(qobject_cast<QSslServer *>(m_server.get()) ? u"https"_s : u"http"_s);
    // Wildcard and loopback listeners are reached through 127.0.0.1 alike.
    const bool loopback = m_address.isNull() || m_address == QHostAddress::Any
        || m_address == QHostAddress::AnyIPv4 || m_address == QHostAddress::AnyIPv6
        || m_address == QHostAddress::LocalHost;
    url.setHost(loopback ? u"127.0.0.1"_s : m_address.toString());
    url.setPort(port());
    url.setPath(m_options.pathPrefix);
    return url;
}

QList<FakeSourcegraph::RecordedRequest> FakeSourcegraph::streamRequests() const
{
    QList<RecordedRequest> stream;
    for (const RecordedRequest &request : m_requests) {
        if (request.method == "POST" && isStreamPath(request.path))
            stream.append(request);
    }
    return stream;
}

void FakeSourcegraph::acceptConnections()
{
    while (m_server->hasPendingConnections()) {
        QTcpSocket *socket = m_server->nextPendingConnection();
        auto *connection = new HttpConnection(socket, this);
        ++m_openConnections;
        connect(connection, &HttpConnection::requestReady, this,
            [this, connection](const RecordedRequest &request) { serve(connection, request); });
        connect(connection, &HttpConnection::closed, this, [this] { --m_openConnections; });
    }
}

void FakeSourcegraph::serve(HttpConnection *connection, const RecordedRequest &request)
{
    m_requests.append(request);
    Q_EMIT requestReceived(request);
    connection->respond(route(request));
}

HttpResponse FakeSourcegraph::refuseUnrecordedShape(const QString &mismatch)
{
    m_shapeMismatches.append(mismatch);
    const QByteArray message
        = "fake-sourcegraph: a stream request unlike every recorded one: " + mismatch.toUtf8();
    qWarning("%s", message.constData());
    // A client that sends what no real server was shown to accept fails the test that made it
    // do so, even if the test only looks at what the client did with the 400.
    if (m_options.failTestsOnUnrecordedRequests && QTest::currentTestFunction())
        QTest::qFail(message.constData(), __FILE__, __LINE__);
    return HttpResponse::text(400, message + '\n');
}

bool FakeSourcegraph::isAuthorized(const RecordedRequest &request) const
{
    if (m_options.token.isEmpty())
        return true;
    const QByteArray authorization = request.header("authorization");
    const qsizetype space = authorization.indexOf(' ');
    return space > 0 && authorization.left(space).toLower() == "token"
        && authorization.mid(space + 1).trimmed() == m_options.token;
}

bool FakeSourcegraph::isStreamPath(const QByteArray &path) const
{
    return path == m_options.pathPrefix.toUtf8() + "/.api/completions/stream";
}

HttpResponse FakeSourcegraph::route(const RecordedRequest &request)
{
    const QByteArray prefix = m_options.pathPrefix.toUtf8();
    const QByteArray path = request.path.startsWith(prefix) ? request.path.mid(prefix.size()) : "";
    const bool get = request.method == "GET";
    const bool post = request.method == "POST";

    if (get && path == "/healthz")
        return HttpResponse::text(200, "ok");
    if (path.startsWith("/.api/") && !isAuthorized(request))
        return HttpResponse::text(401, "Invalid access token.\n");
    if (get && path == "/.api/client-config") {
        if (!m_options.advertisedApiVersion)
            return HttpResponse::text(404, "Not Found");
        return HttpResponse::text(
            200, FakeDocuments::clientConfig(*m_options.advertisedApiVersion));
    }
    if (post && path == "/.api/graphql")
        return m_graphql.answer(request, baseUrl());
    if (get && path == "/.api/modelconfig/supported-models.json") {
        return HttpResponse::text(200,
            m_options.supportedModelsJson.isEmpty()
                ? FakeDocuments::supportedModels(m_options.catalog)
                : m_options.supportedModelsJson);
    }
    if (post && path == "/.api/completions/stream")
        return streamCompletion(request);
    return HttpResponse::text(404, "Not Found");
}

HttpResponse FakeSourcegraph::streamCompletion(const RecordedRequest &request)
{
    bool isInteger = false;
    const int apiVersion = request.query.queryItemValue(u"api-version"_s).toInt(&isInteger);
    if (!isInteger || apiVersion < 1 || apiVersion > m_options.maxApiVersion)
        return HttpResponse::text(406, "Unsupported API Version (Please update your client)\n");
    for (const char *parameter : {"client-name", "client-version"}) {
        if (request.query.queryItemValue(QString::fromLatin1(parameter)).isEmpty()) {
            return HttpResponse::text(406,
                "ClientCodyIgnoreCompatibilityError: \"" + QByteArray(parameter)
                    + "\" query param is required.");
        }
    }

    const QJsonDocument document = QJsonDocument::fromJson(request.body);
    const QJsonObject body = document.object();
    if (!document.isObject() || !body.value(u"messages"_s).isArray())
        return HttpResponse::text(400, "could not decode request body");
    if (const QString mismatch = RequestShape::mismatch(body); !mismatch.isEmpty())
        return refuseUnrecordedShape(mismatch);
    const QJsonArray messages = body.value(u"messages"_s).toArray();
    for (const QJsonValue &message : messages) {
        const QJsonValue text = message.toObject().value(u"text"_s);
        if (!text.isString() || text.toString().isEmpty()) {
            const SseEncoder sse(apiVersion, m_options.includeUsage);
            return HttpResponse::eventStream(
                {{sse.error(u"message content cannot be empty"_s), 0}, {sse.done(), 0}});
        }
    }

    const QString model = body.value(u"model"_s).toString();
    QString scenario = model.startsWith(u"fake::") ? model.section(u"::"_s, 2) : QString();
    // The legacy requests without a model (the keyword rewrite, recording 28) have their own.
    if (scenario.isEmpty() && model.isEmpty() && body.value(u"fast"_s).toBool())
        scenario = m_options.fastScenario;
    if (scenario.isEmpty())
        scenario = m_options.defaultScenario;

    CompletionScenarios::Request scenarioRequest;
    scenarioRequest.scenario = scenario;
    scenarioRequest.apiVersion = apiVersion;
    scenarioRequest.messages = messages;
    scenarioRequest.query = request.query;
    scenarioRequest.baseUrl = baseUrl();
    // A redirect scenario's target is served normally, or clients would follow it forever:
    // the same-origin one is marked in the query, the other one arrives for host localhost.
    scenarioRequest.redirected = request.query.queryItemValue(u"redirected"_s) == u"1"
        || hostName(request.header("host")) == "localhost";
    return m_scenarios.respond(scenarioRequest);
}

} // namespace cody::test
