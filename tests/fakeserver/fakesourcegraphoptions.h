// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "fakedocuments.h"

#include <QByteArray>
#include <QHash>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <optional>

namespace cody::test {

// Lives outside FakeSourcegraph because a nested struct with member initialisers cannot be the
// `= {}` default argument of its enclosing class's constructor.
struct FakeSourcegraphOptions
{
    // Required as "Authorization: token <token>"; empty accepts any token or none.
    QByteArray token = "sgp_fake_0123456789abcdef0123456789abcdef01234567";
    // Stream requests whose api-version is missing, not an integer, < 1 or > this get 406.
    int maxApiVersion = 8;
    // client-config's latestSupportedCompletionsStreamAPIVersion; nullopt makes it answer 404.
    std::optional<int> advertisedApiVersion = 8;
    QString productVersion = QStringLiteral("6.2.0");
    // Every endpoint lives under this prefix (e.g. "/sourcegraph"); other paths answer 404.
    QString pathPrefix;
    QString defaultScenario = QStringLiteral("normal");
    // Both set => HTTPS.
    QString tlsCertFile;
    QString tlsKeyFile;
    // Where replay-NN finds NN-*-response.* and NN-*-meta.txt.
    QString recordingsDir;
    // Where the `redirect` scenario points; empty: this server under the name localhost.
    QUrl redirectTarget;
    // Which built-in supported-models.json to serve when supportedModelsJson is empty.
    FakeDocuments::Catalog catalog = FakeDocuments::Catalog::Recorded;
    // Empty => the built-in document of `catalog`, shaped like the real one.
    QByteArray supportedModelsJson;
    int slowDelayMs = 100;
    int trickleIntervalMs = 20;
    int truncateChunkChars = 120;
    qint64 giantEventBytes = 20 * 1024 * 1024;
    // A stream request unlike every recorded one is answered 400 and, inside a Qt Test function,
    // fails it; off only for the tests of that check itself.
    bool failTestsOnUnrecordedRequests = true;
    // None of the recorded streams carries usage; the `usage` scenarios send it regardless.
    bool includeUsage = false;
    // The scenario of the legacy requests with `fast` and no model: the keyword rewrite
    // (recording 28). `keywords` answers like recording 28 with the words of the question.
    QString fastScenario = QStringLiteral("keywords");

    // --- GraphQL (FakeGraphql) ---
    // What ContextFilters answers (context.md §6): raw null (no filters configured), the raw
    // object in contextFiltersRaw (recording 26), "Cannot query field" (a 5.3 site, recording
    // 27), another GraphQL error, an empty 200 body (5.2.3), or raw of an unexpected shape.
    enum class ContextFiltersAnswer { Null, Raw, Unsupported, Error, EmptyBody, Malformed };
    ContextFiltersAnswer contextFilters = ContextFiltersAnswer::Null;
    // For ContextFiltersAnswer::Raw, e.g. {"exclude":[{"repoNamePattern":".*lang-example.*"}]};
    // getCodyContext leaves out what it excludes, as the real server does.
    QByteArray contextFiltersRaw;
    // Operation name -> how every call of it fails instead: http-500, unauthorized, stall (headers
    // and then nothing), redirect (to redirectTarget, or this server as localhost), html, empty
    // (200 with no body), graphql-error.
    QHash<QString, QString> graphqlFaults;
    // Operation name -> recordings ("23", "30") whose bodies answer its calls in turn, the last
    // one for every call after (from recordingsDir).
    QHash<QString, QStringList> graphqlReplays;
    // The repositories and files the instance hosts; empty: tests/data/corpus.
    QString corpusDir;
    // The most repositories one page of `repositories(first:)` holds, whatever `first` asks
    // (recording 23: 1000).
    int repositoryPageLimit = 1000;
};

} // namespace cody::test
