// SPDX-License-Identifier: Apache-2.0
#include "replyrunner.h"

#include "chat/replyorchestrator.h"

#include <QSignalSpy>

using namespace Qt::StringLiterals;

namespace cody::test {

SourcegraphClient::Settings clientSettingsFor(const FakeSourcegraph &server)
{
    SourcegraphClient::Settings settings;
    settings.baseUrl = server.baseUrl();
    settings.accessToken = QString::fromLatin1(server.options().token);
    settings.retry.baseDelay = std::chrono::milliseconds(10);
    settings.retry.maxDelay = std::chrono::milliseconds(50);
    settings.idleTimeout = std::chrono::seconds(10);
    return settings;
}

CompletionRequest scenarioRequest(const QString &scenario, const QString &prompt)
{
    CompletionRequest request;
    request.model = *ModelRef::parse(u"fake::v1::"_s + scenario);
    request.messages = {{ChatMessage::Speaker::Human, prompt}};
    return request;
}

ReplyRun runReply(SourcegraphClient &client, const CompletionRequest &request, int timeoutMs)
{
    ReplyRun run;
    ReplyOrchestrator reply(&client, request);
    QObject::connect(&reply, &ReplyOrchestrator::textReceived, &reply,
        [&run](const QString &text) { run.streamed += text; });
    QObject::connect(&reply, &ReplyOrchestrator::retryScheduled, &reply,
        [&run](int, int, qint64 delay, const QString &reason) {
            run.retryDelays.append(delay);
            run.retryReasons.append(reason);
        });
    QSignalSpy finished(&reply, &ReplyOrchestrator::finished);
    reply.start();
    run.finished = finished.wait(timeoutMs);
    run.result = reply.result();
    return run;
}

} // namespace cody::test
