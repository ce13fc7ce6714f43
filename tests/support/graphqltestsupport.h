// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "cody/graphqlrequest.h"
#include "fakesourcegraph.h"

#include <QJsonObject>
#include <QList>
#include <QSignalSpy>

// Running GraphQL request objects against the fake and reading what reached it.
namespace cody::test {

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
