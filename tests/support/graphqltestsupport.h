// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "cody/graphqlrequest.h"
#include "cody/sourcegraphclient.h"
#include "fakesourcegraph.h"
#include "replyrunner.h"

#include <QJsonObject>
#include <QList>
#include <QSignalSpy>
#include <QTest>

#include <chrono>
#include <memory>

// Running GraphQL request objects against the fake and reading what reached it.
namespace cody::test {

/// A fake instance and a client of it (clientSettingsFor), made by listen().
class FakeInstance
{
public:
    explicit FakeInstance(FakeSourcegraph::Options options = {},
        std::chrono::milliseconds graphqlTimeout = std::chrono::seconds(20))
        : server(std::move(options))
        , m_graphqlTimeout(graphqlTimeout)
    { }

    bool listen()
    {
        if (!server.listen())
            return false;
        auto settings = clientSettingsFor(server);
        settings.graphqlTimeout = m_graphqlTimeout;
        m_client = std::make_unique<SourcegraphClient>(settings);
        return true;
    }

    SourcegraphClient *client() const { return m_client.get(); }

    FakeSourcegraph server;

private:
    std::chrono::milliseconds m_graphqlTimeout;
    std::unique_ptr<SourcegraphClient> m_client;
};

/// Options of a fake whose GraphQL `operation` always fails with `fault` (FakeGraphql).
inline FakeSourcegraph::Options failing(const QString &operation, const QString &fault)
{
    FakeSourcegraph::Options options;
    options.graphqlFaults.insert(operation, fault);
    return options;
}

/// The columns `fault` (a FakeGraphql fault) and `kind` (the ErrorKind it must give) with the
/// faults every GraphQL request reports the same way: HTTP 500, a GraphQL error, a login page.
inline void addGraphqlFaultRows()
{
    QTest::addColumn<QString>("fault");
    QTest::addColumn<ErrorKind>("kind");
    QTest::newRow("HTTP 500") << QStringLiteral("http-500") << ErrorKind::Server;
    QTest::newRow("GraphQL error") << QStringLiteral("graphql-error") << ErrorKind::Http;
    QTest::newRow("login page") << QStringLiteral("html") << ErrorKind::Protocol;
}

/// Options of a fake whose context filters exclude github.com/acme/lang-example (recording 26's
/// shape).
inline FakeSourcegraph::Options excludingLangExample()
{
    FakeSourcegraph::Options options;
    options.contextFilters = FakeSourcegraph::Options::ContextFiltersAnswer::Raw;
    options.contextFiltersRaw = R"({"exclude":[{"repoNamePattern":".*lang-example.*"}]})";
    return options;
}

/// Options of a fake of this site version.
inline FakeSourcegraph::Options onVersion(const QString &productVersion)
{
    FakeSourcegraph::Options options;
    options.productVersion = productVersion;
    return options;
}

/// Starts `request` and waits for its one finished(); false when it did not come within
/// `timeoutMs`, or came from inside start().
inline bool runToEnd(GraphqlRequest &request, int timeoutMs = 10'000)
{
    QSignalSpy finished(&request, &GraphqlRequest::finished);
    request.start();
    if (!finished.isEmpty())
        return false;
    return finished.wait(timeoutMs) && finished.size() == 1;
}

/// The GraphQL calls of one operation (the `?Operation` of the URL), in order.
inline QList<RecordedRequest> graphqlCalls(const FakeSourcegraph &server, const QString &operation)
{
    QList<RecordedRequest> calls;
    for (const RecordedRequest &request : server.requests()) {
        if (request.path.endsWith("/.api/graphql") && request.query.query() == operation)
            calls.append(request);
    }
    return calls;
}

/// The variables of a GraphQL call.
inline QJsonObject variablesOf(const RecordedRequest &call)
{
    return call.json().value(QStringLiteral("variables")).toObject();
}

/// The query text of a GraphQL call.
inline QString queryOf(const RecordedRequest &call)
{
    return call.json().value(QStringLiteral("query")).toString();
}

} // namespace cody::test
