// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "completionscenarios.h"
#include "fakegraphql.h"
#include "fakesourcegraphoptions.h"
#include "httpresponse.h"
#include "recordedrequest.h"

#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QStringList>
#include <QUrl>

#include <memory>

class QTcpServer;
class QTcpSocket;

namespace cody::test {

class HttpConnection;

/**
 * @brief A scriptable Sourcegraph server for tests that can misbehave down to the byte.
 *
 * It speaks its own small HTTP/1.1 (keep-alive, chunked SSE) over QTcpServer, or QSslServer
 * when a certificate and key are given. The body's model `fake::v1::<scenario>` picks how
 * POST /.api/completions/stream answers; every request is recorded.
 *
 * @code
 * FakeSourcegraph server;
 * QVERIFY(server.listen());
 * client.setEndpoint(server.baseUrl());
 * @endcode
 */
class FakeSourcegraph final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FakeSourcegraph)

public:
    using Options = FakeSourcegraphOptions;
    using RecordedRequest = cody::test::RecordedRequest;

    explicit FakeSourcegraph(Options options = {}, QObject *parent = nullptr);
    ~FakeSourcegraph() override;

    // False, with errorString() set, when the port is taken or the TLS files are unusable.
    bool listen(const QHostAddress &address = QHostAddress::LocalHost, quint16 port = 0);
    quint16 port() const;
    // scheme://127.0.0.1:port followed by the path prefix.
    QUrl baseUrl() const;
    QString errorString() const { return m_errorString; }
    const Options &options() const { return m_options; }

    // Every request, in arrival order.
    QList<RecordedRequest> requests() const { return m_requests; }
    // Only POST <prefix>/.api/completions/stream.
    QList<RecordedRequest> streamRequests() const;
    int openConnections() const { return m_openConnections; }
    // Why each refused stream request did not match the recorded request shapes (RequestShape).
    QStringList shapeMismatches() const { return m_shapeMismatches; }

    // Changes what ContextFilters answers from now on (a site whose configuration changed).
    void setContextFilters(Options::ContextFiltersAnswer answer, const QByteArray &raw = {});

    // The long reply the truncated scenarios hand out in segments.
    static QString truncatedReply();

Q_SIGNALS:
    void requestReceived(const cody::test::RecordedRequest &request);

private:
    void acceptConnections();
    void serve(HttpConnection *connection, const RecordedRequest &request);
    HttpResponse route(const RecordedRequest &request);
    HttpResponse streamCompletion(const RecordedRequest &request);
    HttpResponse refuseUnrecordedShape(const QString &mismatch);
    bool isAuthorized(const RecordedRequest &request) const;
    bool isStreamPath(const QByteArray &path) const;

    Options m_options;
    CompletionScenarios m_scenarios;
    FakeGraphql m_graphql;
    std::unique_ptr<QTcpServer> m_server;
    QHostAddress m_address;
    QString m_errorString;
    QList<RecordedRequest> m_requests;
    int m_openConnections = 0;
    QStringList m_shapeMismatches;
};

} // namespace cody::test
