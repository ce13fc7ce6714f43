// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "cody/completionrequest.h"
#include "cody/sourcegraphclient.h"
#include "fakesourcegraph.h"

#include <QList>
#include <QString>

#include <memory>

namespace cody::test {

/// What a reply did, as the caller saw it.
struct ReplyRun
{
    CompletionResult result;
    QString streamed; ///< concatenated textReceived()
    QList<qint64> retryDelays;
    QStringList retryReasons;
    bool finished = false;
};

/// Client settings pointing at `server`, with fast retries so that tests stay quick.
SourcegraphClient::Settings clientSettingsFor(const FakeSourcegraph &server);

/// A request for the fake scenario `scenario` (model fake::v1::<scenario>) with one prompt.
CompletionRequest scenarioRequest(
    const QString &scenario, const QString &prompt = QStringLiteral("hi"));

/// Runs one reply to completion (or until timeoutMs passes, then finished stays false).
ReplyRun runReply(
    SourcegraphClient &client, const CompletionRequest &request, int timeoutMs = 30'000);

} // namespace cody::test
