// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "fakesourcegraphoptions.h"
#include "httpresponse.h"

#include <QHash>
#include <QJsonArray>
#include <QStringList>
#include <QUrl>
#include <QUrlQuery>

namespace cody::test {

// The answers of POST /.api/completions/stream once the request is known to be valid: one
// named scenario per way a real server or the network can behave, well or badly.
class CompletionScenarios
{
public:
    // A validated stream request and what a redirect needs to know about the server.
    struct Request
    {
        QString scenario;
        int apiVersion = 8;
        QJsonArray messages;
        QUrlQuery query;
        QUrl baseUrl; // the server's own scheme://127.0.0.1:port/prefix
        // It arrived by following one of the redirect scenarios' Location.
        bool redirected = false;
    };

    explicit CompletionScenarios(FakeSourcegraphOptions options);

    // Every scenario name; replay-NN stands for replay-00 … replay-99.
    static QStringList names();
    static bool isKnown(const QString &scenario);
    // Counts the request against its scenario (counters are per instance) and answers it.
    HttpResponse respond(const Request &request);

private:
    using Handler = HttpResponse (CompletionScenarios::*)(const Request &);
    static const QHash<QString, Handler> &handlers();

    HttpResponse normal(const Request &request);
    // normal with token usage, which no recorded stream carries.
    HttpResponse withUsage(const Request &request);
    // normal without any stopReason field, like Gemini's replies (recording 06).
    HttpResponse noStopReason(const Request &request);
    HttpResponse loopSame(const Request &request);
    HttpResponse loopEmpty(const Request &request);
    HttpResponse slow(const Request &request);
    HttpResponse trickle(const Request &request);
    HttpResponse stall(const Request &request);
    HttpResponse drop(const Request &request);
    HttpResponse dropMidUtf8(const Request &request);
    HttpResponse errorEvent(const Request &request);
    HttpResponse crlfSplit(const Request &request);
    HttpResponse giant(const Request &request);
    HttpResponse unauthorized(const Request &request);
    HttpResponse forbidden(const Request &request);
    HttpResponse rateLimited(const Request &request);
    HttpResponse rateLimitedDate(const Request &request);
    /// Always 429 with a Retry-After of 300 s: longer than any client waits, so it is passed on.
    HttpResponse rateLimitedLong(const Request &request);
    HttpResponse serverError(const Request &request);
    HttpResponse serverErrorForever(const Request &request);
    HttpResponse unknownModel(const Request &request);
    HttpResponse html(const Request &request);
    HttpResponse redirect(const Request &request);
    HttpResponse redirectSameOrigin(const Request &request);
    // Faults for the reliability matrix: each answers the first request wrongly, or all.
    HttpResponse internalErrorOnce(const Request &request);
    HttpResponse badGatewayOnce(const Request &request);
    HttpResponse gatewayTimeoutOnce(const Request &request);
    HttpResponse versionUnsupported(const Request &request);
    HttpResponse clientRejected(const Request &request);
    HttpResponse emptyBody(const Request &request);
    HttpResponse closedEarly(const Request &request);
    HttpResponse unknownEvents(const Request &request);
    HttpResponse malformedJson(const Request &request);
    HttpResponse noDone(const Request &request);
    HttpResponse drip(const Request &request);
    // The keyword rewrite's answer, shaped like recording 28: a <keywords> list of the words
    // (3+ letters, not stop words) of the question's <userQuery>.
    HttpResponse keywords(const Request &request);

    QList<QByteArray> normalEvents(const Request &request) const;
    HttpResponse tooManyRequests(const Request &request, const QByteArray &retryAfter);
    HttpResponse failOnce(const Request &request, int status, const QByteArray &body);
    HttpResponse redirectTo(const Request &request, QUrl target, bool markRedirected);

    FakeSourcegraphOptions m_options;
    QHash<QString, int> m_requestCounts;
};

} // namespace cody::test
