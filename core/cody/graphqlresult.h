// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "net/error.h"

#include <QByteArray>
#include <QJsonObject>
#include <QStringList>
#include <QStringView>

namespace cody {

class ApiCall;

/**
 * @brief What one GraphQL call came back with: its `data`, or why not.
 *
 * `failure` says which layer failed; `error` is the readable line for it (never the token):
 *  - Transport: no answer (Network, Tls, Timeout kinds);
 *  - Http: an HTTP error status (Auth, Http, Server kinds; a redirect is never followed);
 *  - GraphQL: HTTP 2xx with an `errors` list (kind Http). Their messages are kept verbatim in
 *    `graphqlErrors`, because callers decide on them ("Cannot query field …");
 *  - Malformed: HTTP 2xx whose body is not a JSON object with a `data` object (kind Protocol);
 *  - Cancelled.
 * A partial answer (`data` and `errors` both) counts as GraphQL: `data` is kept as well.
 */
struct GraphqlResult
{
    enum class Failure { None, Transport, Http, GraphQL, Malformed, Cancelled };

    Failure failure = Failure::None;
    Error error;
    QStringList graphqlErrors;
    QJsonObject data;
    int httpStatus = 0;
    /// HTTP 2xx with nothing in the body: Sourcegraph 5.2.3's answer to a field it does not
    /// know (Cody sees "Unexpected end of JSON input", context.md §6). Failure is Malformed.
    bool emptyBody = false;

    bool ok() const { return failure == Failure::None; }
    /// True when a GraphQL error message, or the error line, contains `text`.
    bool mentions(QStringView text) const;

    /// The result of a finished call.
    static GraphqlResult from(const ApiCall &call);
    /// The result of a 2xx answer with this body (pure, for tests).
    static GraphqlResult fromBody(int httpStatus, const QByteArray &body);
};

} // namespace cody
