// SPDX-License-Identifier: Apache-2.0
#include "fakegraphql.h"

#include "fakecodycontext.h"
#include "fakedocuments.h"
#include "fakegraphqlanswer.h"
#include "fakerepositoryoperations.h"
#include "recordingreplay.h"
#include "sseencoder.h"

#include <QJsonDocument>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace cody::test {

FakeGraphql::FakeGraphql(const FakeSourcegraphOptions &options)
    : m_options(options)
    , m_corpus(options.corpusDir)
{ }

QString FakeGraphql::operationName(const QString &query)
{
    static const QRegularExpression name(u"^\\s*(?:query|mutation)\\s+(\\w+)"_s);
    return name.match(query).captured(1);
}

QString FakeGraphql::missingVariable(const QString &query, const QJsonObject &variables)
{
    // Only the declarations: `$name: Type!` before the operation's opening brace.
    const QString signature = query.left(query.indexOf(u'{'));
    static const QRegularExpression declaration(u"\\$(\\w+)\\s*:\\s*([\\w\\[\\]!]+)"_s);
    for (auto it = declaration.globalMatch(signature); it.hasNext();) {
        const auto match = it.next();
        const QJsonValue value = variables.value(match.captured(1));
        if (match.captured(2).endsWith(u'!') && (value.isNull() || value.isUndefined())) {
            return u"Variable \"$%1\" of required type \"%2\" was not provided."_s.arg(
                match.captured(1), match.captured(2));
        }
    }
    return {};
}

HttpResponse FakeGraphql::answer(const RecordedRequest &request, const QUrl &baseUrl)
{
    const QJsonObject body = request.json();
    const QString query = body.value(u"query"_s).toString();
    const QJsonObject variables = body.value(u"variables"_s).toObject();
    const QString operation = operationName(query);
    if (const QString name = m_options.graphqlFaults.value(operation); !name.isEmpty())
        return fault(name, operation, baseUrl);
    if (operation == u"ContextFilters"
        && m_options.contextFilters == FakeSourcegraphOptions::ContextFiltersAnswer::EmptyBody)
        return fault(u"empty"_s, operation, baseUrl); // Sourcegraph 5.2.3
    if (const QStringList replays = m_options.graphqlReplays.value(operation); !replays.isEmpty()) {
        const int turn = m_replayed[operation]++;
        return RecordingReplay(m_options.recordingsDir)
            .response(replays.value(std::min<qsizetype>(turn, replays.size() - 1)));
    }
    const QString missing = missingVariable(query, variables);
    const QJsonObject answer
        = missing.isEmpty() ? run(operation, query, variables) : graphqlError(missing);
    // Go's encoder escapes < > & (recordings 21, 22).
    return HttpResponse::text(200, SseEncoder::goJson(answer), "application/json");
}

QJsonObject FakeGraphql::run(
    const QString &operation, const QString &query, const QJsonObject &variables)
{
    const FakeRepositoryOperations repositories(m_corpus, m_options.repositoryPageLimit);
    if (operation == u"CurrentUser" || operation == u"SiteProductVersion") {
        return QJsonDocument::fromJson(FakeDocuments::graphql(query, m_options.productVersion))
            .object();
    }
    if (operation == u"ContextFilters")
        return contextFilters();
    if (operation == u"Repositories") {
        return query.contains(u"$names"_s) ? repositories.repositoriesByName(variables)
                                           : repositories.repositoryPage(variables);
    }
    if (operation == u"SuggestionsRepo")
        return repositories.repositorySuggestions(variables);
    if (operation == u"ResolveRepoName")
        return repositories.repositoryByCloneUrl(variables);
    if (operation == u"FileMatchSearchQuery")
        return repositories.fileMatches(variables);
    if (operation == u"FileContentsQuery")
        return repositories.fileContents(variables);
    if (operation == u"GetRemoteFileQuery")
        return repositories.remoteFile(variables);
    if (operation == u"GetCodyContext") {
        const FakeCodyContext context(m_corpus,
            FakeCodyContext::schemaVersion(m_options.productVersion),
            [this](const QString &name) { return isAllowedByFilters(name); });
        return context.answer(query, variables);
    }
    return QJsonDocument::fromJson(FakeDocuments::graphql(query, m_options.productVersion))
        .object();
}

QJsonObject FakeGraphql::contextFilters() const
{
    using Answer = FakeSourcegraphOptions::ContextFiltersAnswer;
    const auto withRaw = [](const QJsonValue &raw) {
        return graphqlData(
            {{u"site"_s, QJsonObject {{u"codyContextFilters"_s, QJsonObject {{u"raw"_s, raw}}}}}});
    };
    switch (m_options.contextFilters) {
    case Answer::Null:
        return withRaw(QJsonValue());
    case Answer::Raw:
        return withRaw(QJsonDocument::fromJson(m_options.contextFiltersRaw).object());
    case Answer::Malformed:
        return withRaw(u"exclude everything"_s);
    case Answer::Unsupported:
        // Recording 27, word for word.
        return graphqlError(u"Cannot query field \"codyContextFilters\" on type \"Site\". Did you "
                            "mean \"codyConfigFeatures\"?"_s);
    case Answer::Error:
        return graphqlError(u"fake: the site configuration could not be read"_s);
    case Answer::EmptyBody:
        break; // answered by fault("empty") before this
    }
    return {};
}

bool FakeGraphql::isAllowedByFilters(const QString &repoName) const
{
    if (m_options.contextFilters != FakeSourcegraphOptions::ContextFiltersAnswer::Raw)
        return true;
    const QJsonObject raw = QJsonDocument::fromJson(m_options.contextFiltersRaw).object();
    const auto matchesAny = [&repoName](const QJsonValue &list) {
        for (const QJsonValue &rule : list.toArray()) {
            if (QRegularExpression(rule[u"repoNamePattern"_s].toString())
                    .match(repoName)
                    .hasMatch())
                return true;
        }
        return false;
    };
    const QJsonArray include = raw.value(u"include"_s).toArray();
    if (!include.isEmpty() && !matchesAny(include))
        return false;
    return !matchesAny(raw.value(u"exclude"_s));
}

HttpResponse FakeGraphql::fault(
    const QString &name, const QString &operation, const QUrl &baseUrl) const
{
    if (name == u"http-500")
        return HttpResponse::text(500, "Internal server error\n");
    if (name == u"unauthorized")
        return HttpResponse::text(401, "Invalid access token.\n");
    if (name == u"html")
        return HttpResponse::text(200, FakeDocuments::loginPage(), "text/html; charset=utf-8");
    if (name == u"empty")
        return HttpResponse::text(200, {}, "application/json");
    if (name == u"graphql-error") {
        return HttpResponse::text(200,
            SseEncoder::goJson(graphqlError(u"fake: %1 failed"_s.arg(operation))),
            "application/json");
    }
    if (name == u"stall") {
        HttpResponse response;
        response.chunked = true;
        response.ending = HttpResponse::Ending::Stall;
        return response.withHeader("Content-Type", "application/json");
    }
    if (name == u"redirect") {
        QUrl target = m_options.redirectTarget;
        if (!target.isValid()) {
            target = baseUrl;
            target.setHost(u"localhost"_s); // same server, another origin
        }
        target.setPath(target.path() + u"/.api/graphql"_s);
        target.setQuery(operation);
        HttpResponse response;
        response.status = 307;
        return response.withHeader("Location", target.toEncoded());
    }
    return HttpResponse::text(400, "unknown fake GraphQL fault \"" + name.toUtf8() + '"');
}

} // namespace cody::test
