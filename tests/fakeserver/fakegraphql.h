// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "fakecorpus.h"
#include "fakesourcegraphoptions.h"
#include "httpresponse.h"
#include "recordedrequest.h"

#include <QHash>
#include <QJsonObject>
#include <QUrl>

namespace cody::test {

// POST /.api/graphql of the fake: the operations Cody Chat sends (CurrentUser,
// SiteProductVersion, ContextFilters, Repositories, SuggestionsRepo, ResolveRepoName,
// FileMatchSearchQuery, FileContentsQuery, GetRemoteFileQuery, GetCodyContext), answered from
// the corpus, with the faults and replays of the options.
//
// Like graph-gophers, the real server's GraphQL library, it refuses a call that leaves out a
// required variable ("Variable "$x" of required type "T!" was not provided.") before running
// anything, with HTTP 200 and only `errors`.
class FakeGraphql
{
public:
    explicit FakeGraphql(const FakeSourcegraphOptions &options);

    HttpResponse answer(const RecordedRequest &request, const QUrl &baseUrl);

    // The name after `query`/`mutation` in a query text; empty for an anonymous one.
    static QString operationName(const QString &query);
    // The first required variable the query declares and `variables` leaves out, as the error
    // message; empty when none is missing.
    static QString missingVariable(const QString &query, const QJsonObject &variables);

private:
    QJsonObject run(const QString &operation, const QString &query, const QJsonObject &variables);
    QJsonObject contextFilters() const;
    bool isAllowedByFilters(const QString &repoName) const;
    HttpResponse fault(const QString &name, const QString &operation, const QUrl &baseUrl) const;

    const FakeSourcegraphOptions &m_options;
    FakeCorpus m_corpus;
    QHash<QString, int> m_replayed;
};

} // namespace cody::test
