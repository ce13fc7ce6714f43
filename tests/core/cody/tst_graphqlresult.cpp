// SPDX-License-Identifier: Apache-2.0
// GraphQL calls: what goes on the wire (variables, headers, token), and how every kind of answer
// is read (data, GraphQL errors, HTTP errors, bodies that are not GraphQL, silence, redirects).
#include "cody/apicall.h"
#include "cody/graphqlresult.h"
#include "cody/sourcegraphclient.h"
#include "fakesourcegraph.h"
#include "graphqltestsupport.h"
#include "replyrunner.h"
#include "testcertificate.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace cody;
using namespace cody::test;
using Failure = GraphqlResult::Failure;

Q_DECLARE_METATYPE(GraphqlResult::Failure)

namespace {

const QString VersionQuery = u"query SiteProductVersion { site { productVersion } }"_s;

GraphqlResult callOnce(SourcegraphClient &client, const QString &operation, const QString &query,
    const QJsonObject &variables = {})
{
    std::unique_ptr<ApiCall> call(client.graphql(operation, query, variables));
    QSignalSpy finished(call.get(), &ApiCall::finished);
    if (!finished.wait(10'000))
        return {};
    return GraphqlResult::from(*call);
}

} // namespace

class TestGraphqlResult : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readsBodies_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<Failure>("failure");
        QTest::addColumn<QStringList>("graphqlErrors");
        QTest::addColumn<bool>("hasData");
        QTest::newRow("data") << R"({"data":{"site":{"productVersion":"5.3.11625"}}})"_ba
                              << Failure::None << QStringList() << true;
        // Recording 27: HTTP 200, only errors, and the message is kept as it is.
        const QString unsupported = u"Cannot query field \"codyContextFilters\" on type \"Site\". "
                                    "Did you mean \"codyConfigFeatures\"?"_s;
        const QJsonObject location {{u"line"_s, 4}, {u"column"_s, 9}};
        const QJsonObject error {
            {u"message"_s, unsupported}, {u"locations"_s, QJsonArray {location}}};
        QTest::newRow("errors only")
            << QJsonDocument(QJsonObject {{u"errors"_s, QJsonArray {error}}}).toJson()
            << Failure::GraphQL << QStringList {unsupported} << false;
        QTest::newRow("partial data") << R"({"data":{"a":1},"errors":[{"message":"b failed"}]})"_ba
                                      << Failure::GraphQL << QStringList {u"b failed"_s} << true;
        QTest::newRow("error without message")
            << R"({"errors":[{}]})"_ba << Failure::GraphQL
            << QStringList {u"(an error without a message)"_s} << false;
        QTest::newRow("empty body (5.2.3)")
            << QByteArray() << Failure::Malformed << QStringList() << false;
        QTest::newRow("html") << "<html><body>Sign in</body></html>"_ba << Failure::Malformed
                              << QStringList() << false;
        QTest::newRow("data null")
            << R"({"data":null})"_ba << Failure::Malformed << QStringList() << false;
        QTest::newRow("array") << "[1,2]"_ba << Failure::Malformed << QStringList() << false;
        QTest::newRow("truncated")
            << R"({"data":{"a")"_ba << Failure::Malformed << QStringList() << false;
    }

    void readsBodies()
    {
        QFETCH(QByteArray, body);
        QFETCH(Failure, failure);
        QFETCH(QStringList, graphqlErrors);
        QFETCH(bool, hasData);
        const GraphqlResult result = GraphqlResult::fromBody(200, body);
        QCOMPARE(result.failure, failure);
        QCOMPARE(result.graphqlErrors, graphqlErrors);
        QCOMPARE(!result.data.isEmpty(), hasData);
        QCOMPARE(result.ok(), failure == Failure::None);
        QCOMPARE(result.error.isError(), failure != Failure::None);
        QCOMPARE(result.emptyBody, body.isEmpty());
        for (const QString &message : graphqlErrors) {
            QVERIFY(result.error.message.contains(message.simplified()));
            QVERIFY(result.mentions(message.left(12)));
        }
    }

    // Variables, the `?Operation` suffix, and the headers of context.md §0 on every call.
    void sendsVariablesAndHeaders()
    {
        FakeSourcegraph server;
        QVERIFY(server.listen());
        SourcegraphClient client(clientSettingsFor(server));
        const QJsonObject variables {
            {u"names"_s, QJsonArray {u"github.com/sourcegraph/cody"_s}}, {u"first"_s, 1}};
        const QString query
            = u"query Repositories($names: [String!]!, $first: Int!) { "
              "repositories(names: $names, first: $first) { nodes { name id } } }"_s;
        const GraphqlResult result = callOnce(client, u"Repositories"_s, query, variables);
        QVERIFY2(result.ok(), qPrintable(result.error.message));
        QCOMPARE(result.data[u"repositories"_s][u"nodes"_s][0][u"id"_s].toString(),
            u"UmVwb3NpdG9yeTozNzI2MQ=="_s);

        const QList<RecordedRequest> calls = graphqlCalls(server, u"Repositories"_s);
        QCOMPARE(calls.size(), 1);
        const RecordedRequest &call = calls.constFirst();
        QCOMPARE(call.method, "POST"_ba);
        QCOMPARE(queryOf(call), query);
        QCOMPARE(variablesOf(call), variables);
        QCOMPARE(call.header("content-type"), "application/json; charset=utf-8"_ba);
        QCOMPARE(call.header("accept"), "application/json"_ba);
        QCOMPARE(call.header("authorization"), "token " + server.options().token);
        QVERIFY(!call.header("x-requested-with").isEmpty());
        QVERIFY(!call.header("x-sourcegraph-api-client-name").isEmpty());

        // The callers without variables still send an empty object (FX/14).
        QVERIFY(callOnce(client, u"SiteProductVersion"_s, VersionQuery).ok());
        const RecordedRequest version = graphqlCalls(server, u"SiteProductVersion"_s).constFirst();
        QVERIFY(version.json().value(u"variables"_s).isObject());
        QCOMPARE(variablesOf(version), QJsonObject());
    }

    void readsFailures_data()
    {
        QTest::addColumn<QString>("fault");
        QTest::addColumn<Failure>("failure");
        QTest::addColumn<ErrorKind>("kind");
        QTest::addColumn<int>("status");
        QTest::newRow("HTTP 500") << u"http-500"_s << Failure::Http << ErrorKind::Server << 500;
        QTest::newRow("HTTP 401") << u"unauthorized"_s << Failure::Http << ErrorKind::Auth << 401;
        QTest::newRow("GraphQL errors")
            << u"graphql-error"_s << Failure::GraphQL << ErrorKind::Http << 200;
        QTest::newRow("login page")
            << u"html"_s << Failure::Malformed << ErrorKind::Protocol << 200;
        QTest::newRow("empty body")
            << u"empty"_s << Failure::Malformed << ErrorKind::Protocol << 200;
        // Headers, then nothing: the 20 s deadline (here 300 ms) ends it, not the idle timeout.
        QTest::newRow("silence") << u"stall"_s << Failure::Transport << ErrorKind::Timeout << 0;
    }

    void readsFailures()
    {
        QFETCH(QString, fault);
        QFETCH(Failure, failure);
        QFETCH(ErrorKind, kind);
        QFETCH(int, status);
        FakeSourcegraph::Options options;
        options.graphqlFaults.insert(u"SiteProductVersion"_s, fault);
        FakeSourcegraph server(options);
        QVERIFY(server.listen());
        auto settings = clientSettingsFor(server);
        settings.graphqlTimeout = std::chrono::milliseconds(300);
        SourcegraphClient client(settings);
        const GraphqlResult result = callOnce(client, u"SiteProductVersion"_s, VersionQuery);
        QCOMPARE(result.failure, failure);
        QCOMPARE(result.error.kind, kind);
        if (status)
            QCOMPARE(result.httpStatus, status);
        QVERIFY(!result.error.message.isEmpty());
        QVERIFY(!result.error.message.contains(QString::fromLatin1(server.options().token)));
        if (fault == u"stall")
            QVERIFY2(
                result.error.message.contains(u"within 0.3 s"_s), qPrintable(result.error.message));
        if (fault == u"graphql-error")
            QCOMPARE(result.graphqlErrors, QStringList {u"fake: SiteProductVersion failed"_s});
        if (fault == u"empty")
            QVERIFY(result.emptyBody);
    }

    // A redirect to another host is not followed: its target never sees the token (nor the call).
    void redirectToAnotherHostKeepsTheToken()
    {
        FakeSourcegraph target;
        QVERIFY(target.listen());
        FakeSourcegraph::Options options;
        options.graphqlFaults.insert(u"Repositories"_s, u"redirect"_s);
        options.redirectTarget = target.baseUrl();
        options.redirectTarget.setHost(u"localhost"_s);
        FakeSourcegraph server(options);
        QVERIFY(server.listen());
        SourcegraphClient client(clientSettingsFor(server));
        const GraphqlResult result = callOnce(client, u"Repositories"_s,
            u"query Repositories($names: [String!]!, $first: Int!) { x }"_s,
            {{u"names"_s, QJsonArray {u"a"_s}}, {u"first"_s, 1}});
        QCOMPARE(result.failure, Failure::Http);
        QCOMPARE(result.httpStatus, 307);
        QVERIFY2(result.error.message.contains(u"localhost"_s), qPrintable(result.error.message));
        QCOMPARE(server.requests().size(), 1);
        QCOMPARE(server.requests().constFirst().header("authorization"),
            "token " + server.options().token);
        QCOMPARE(target.requests().size(), 0);
    }

    void unreachableAndUntrusted()
    {
        // Nothing listens: Transport/Network.
        QTcpServer closed;
        QVERIFY(closed.listen(QHostAddress::LocalHost));
        const quint16 port = closed.serverPort();
        closed.close();
        SourcegraphClient::Settings settings;
        settings.baseUrl = QUrl(u"http://127.0.0.1:%1"_s.arg(port));
        settings.accessToken = u"sgp_x"_s;
        SourcegraphClient refused(settings);
        const GraphqlResult down = callOnce(refused, u"SiteProductVersion"_s, VersionQuery);
        QCOMPARE(down.failure, Failure::Transport);
        QCOMPARE(down.error.kind, ErrorKind::Network);

        // A certificate nobody vouched for: Transport/Tls, the same TLS rules as every call.
        QTemporaryDir dir;
        QString cert, key, error;
        QVERIFY2(generateSelfSignedCertificate(dir.path(), {u"127.0.0.1"_s}, &cert, &key, &error),
            qPrintable(error));
        FakeSourcegraph::Options options;
        options.tlsCertFile = cert;
        options.tlsKeyFile = key;
        FakeSourcegraph tls(options);
        QVERIFY2(tls.listen(), qPrintable(tls.errorString()));
        SourcegraphClient untrusting(clientSettingsFor(tls));
        const GraphqlResult untrusted = callOnce(untrusting, u"SiteProductVersion"_s, VersionQuery);
        QCOMPARE(untrusted.failure, Failure::Transport);
        QCOMPARE(untrusted.error.kind, ErrorKind::Tls);
        QCOMPARE(tls.requests().size(), 0);

        auto trusting = clientSettingsFor(tls);
        QVERIFY2(trusting.tls.configure(trusting.baseUrl, false, cert, &error), qPrintable(error));
        SourcegraphClient trusted(trusting);
        QVERIFY(callOnce(trusted, u"SiteProductVersion"_s, VersionQuery).ok());
    }

    void cancelledCallsSayCancelled()
    {
        FakeSourcegraph::Options options;
        options.graphqlFaults.insert(u"SiteProductVersion"_s, u"stall"_s);
        FakeSourcegraph server(options);
        QVERIFY(server.listen());
        SourcegraphClient client(clientSettingsFor(server));
        std::unique_ptr<ApiCall> call(client.graphql(u"SiteProductVersion"_s, VersionQuery));
        QSignalSpy finished(call.get(), &ApiCall::finished);
        call->cancel();
        QVERIFY(finished.wait());
        QCOMPARE(GraphqlResult::from(*call).failure, Failure::Cancelled);
    }
};

QTEST_GUILESS_MAIN(TestGraphqlResult)
#include "tst_graphqlresult.moc"
