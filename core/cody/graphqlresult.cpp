// SPDX-License-Identifier: Apache-2.0
#include "cody/graphqlresult.h"

#include "cody/apicall.h"
#include "cody/replyerror.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace cody {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("cody::GraphqlResult", text);
}

// Which layer failed: an HTTP status (a redirect included) is Http, a 2xx body that is not
// GraphQL is Malformed, no answer at all (or not in time) is Transport.
GraphqlResult::Failure failureOf(const Error &error, int httpStatus)
{
    switch (error.kind) {
    case ErrorKind::None:
        return GraphqlResult::Failure::None;
    case ErrorKind::Cancelled:
        return GraphqlResult::Failure::Cancelled;
    case ErrorKind::Timeout:
        return GraphqlResult::Failure::Transport;
    default:
        break;
    }
    if (httpStatus >= 300)
        return GraphqlResult::Failure::Http;
    if (error.kind == ErrorKind::Protocol)
        return GraphqlResult::Failure::Malformed;
    return GraphqlResult::Failure::Transport;
}

} // namespace

bool GraphqlResult::mentions(QStringView text) const
{
    for (const QString &message : graphqlErrors) {
        if (message.contains(text))
            return true;
    }
    return error.message.contains(text);
}

GraphqlResult GraphqlResult::from(const ApiCall &call)
{
    if (call.error().isError()) {
        GraphqlResult result;
        result.failure = failureOf(call.error(), call.httpStatus());
        result.error = call.error();
        result.httpStatus = call.httpStatus();
        return result;
    }
    return fromBody(call.httpStatus(), call.body());
}

GraphqlResult GraphqlResult::fromBody(int httpStatus, const QByteArray &body)
{
    GraphqlResult result;
    result.httpStatus = httpStatus;
    if (body.trimmed().isEmpty()) {
        result.failure = Failure::Malformed;
        result.emptyBody = true;
        result.error = {ErrorKind::Protocol, tr("the server's GraphQL answer is empty")};
        return result;
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    const QJsonObject root = document.object();
    for (const QJsonValue &entry : root.value("errors"_L1).toArray()) {
        const QString message = entry.toObject().value("message"_L1).toString();
        result.graphqlErrors.append(
            message.isEmpty() ? tr("(an error without a message)") : message);
    }
    result.data = root.value("data"_L1).toObject();
    if (!result.graphqlErrors.isEmpty()) {
        result.failure = Failure::GraphQL;
        result.error = {ErrorKind::Http,
            tr("the server refused the GraphQL query: %1")
                .arg(result.graphqlErrors.join(u"; "_s).simplified()),
            httpStatus};
        return result;
    }
    if (!document.isObject() || !root.value("data"_L1).isObject()) {
        result.failure = Failure::Malformed;
        result.error = {ErrorKind::Protocol,
            tr("the server's answer is not a GraphQL result (%1): %2")
                .arg(parseError.error != QJsonParseError::NoError ? parseError.errorString()
                                                                  : tr("no data object"),
                    bodySnippet(body))};
    }
    return result;
}

} // namespace cody
