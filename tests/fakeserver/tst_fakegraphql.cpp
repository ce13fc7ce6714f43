// SPDX-License-Identifier: Apache-2.0
// The fake's GraphQL operations for codebase context, driven with plain QNetworkAccessManager
// (never the project's core): answers from the corpus shaped like the recordings, the version
// gates a real server applies, the faults, and byte-for-byte replays of recordings 21–27 and 30.
#include "fakecodycontext.h"
#include "fakegraphql.h"
#include "fakerepositoryoperations.h"
#include "fakeservertestsupport.h"
#include "recordings.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace cody::test;

namespace {

const QString Sourcegraph = u"github.com/sourcegraph/sourcegraph"_s;
const QString SourcegraphId = u"UmVwb3NpdG9yeTozOTk="_s;

QByteArray corpusFile(const QString &repo, const QString &path)
{
    return readRecording(FakeCorpus::builtInDirectory() + u'/' + repo + u'/' + path);
}

} // namespace

class TestFakeGraphql : public QObject
{
    Q_OBJECT

private:
    QnamTestClient m_http;

    HttpResult post(
        FakeSourcegraph &server, const QString &query, const QJsonObject &variables = {})
    {
        const QString operation = FakeGraphql::operationName(query);
        const QJsonObject body {{u"query"_s, query}, {u"variables"_s, variables}};
        QUrl url = endpoint(server, u"/.api/graphql"_s);
        url.setQuery(operation);
        return m_http.post(url, QJsonDocument(body).toJson(QJsonDocument::Compact));
    }

    QJsonObject ask(
        FakeSourcegraph &server, const QString &query, const QJsonObject &variables = {})
    {
        const HttpResult result = post(server, query, variables);
        return result.status == 200 ? QJsonDocument::fromJson(result.body).object() : QJsonObject();
    }

    static QString firstError(const QJsonObject &answer)
    {
        return answer[u"errors"_s][0][u"message"_s].toString();
    }

private Q_SLOTS:
    void cleanup() { m_http.manager().clearConnectionCache(); }

    void corpusIsThere()
    {
        const FakeCorpus corpus;
        QVERIFY2(corpus.errorString().isEmpty(), qPrintable(corpus.errorString()));
        QCOMPARE(corpus.repositories().size(), 4);
        const FakeCorpus::Repository *repository = corpus.byName(Sourcegraph);
        QVERIFY(repository);
        QCOMPARE(repository->id, SourcegraphId);
        QCOMPARE(FakeCorpus::decodeId(repository->id), u"Repository:399"_s);
        QVERIFY(repository->files.contains(u"cmd/symbols/squirrel/service.go"_s));
        QCOMPARE(FakeCorpus::decodeId(u"not base64!"_s), QString());
    }

    void refusesMissingRequiredVariables()
    {
        FakeSourcegraph server;
        QVERIFY(server.listen());
        const QJsonObject answer = ask(server,
            u"query Repositories($names: [String!]!, $first: Int!) { x }"_s, {{u"first"_s, 1}});
        QCOMPARE(firstError(answer),
            u"Variable \"$names\" of required type \"[String!]!\" was not provided."_s);
        QVERIFY(!answer.contains(u"data"_s));
        // Optional ones may be left out or null.
        QVERIFY(FakeGraphql::missingVariable(u"query R($first: Int!, $after: String) { x }"_s,
            {{u"first"_s,
                1}}).isEmpty());
    }

    void repositoriesByName()
    {
        FakeSourcegraph server;
        QVERIFY(server.listen());
        const QString query = u"query Repositories($names: [String!]!, $first: Int!) { x }"_s;
        QJsonObject answer = ask(server, query,
            {{u"names"_s, QJsonArray {Sourcegraph, u"github.com/nobody/nothing"_s}},
                {u"first"_s, 2}});
        QCOMPARE(answer[u"data"_s][u"repositories"_s][u"nodes"_s].toArray(),
            (QJsonArray {QJsonObject {{u"name"_s, Sourcegraph}, {u"id"_s, SourcegraphId}}}));
        // An empty list is not "none": the server answers the first repositories it has.
        answer = ask(server, query, {{u"names"_s, QJsonArray()}, {u"first"_s, 3}});
        QCOMPARE(answer[u"data"_s][u"repositories"_s][u"nodes"_s].toArray().size(), 3);
    }

    // Like recordings 23 and 30: a full page, a partial page with a cursor, then an empty page
    // whose cursor is null.
    void repositoryPagesEndWithAnEmptyPage()
    {
        FakeSourcegraph::Options options;
        options.repositoryPageLimit = 3;
        FakeSourcegraph server(options);
        QVERIFY(server.listen());
        const QString query
            = u"query Repositories($first: Int!, $after: String, $query: String) { x }"_s;
        QJsonValue after;
        QList<int> sizes;
        QStringList names;
        for (int page = 0; page < 5; ++page) {
            const QJsonObject connection = ask(server, query,
                {{u"first"_s, 10000}, {u"after"_s, after},
                    {u"query"_s, QJsonValue()}})[u"data"_s][u"repositories"_s]
                                               .toObject();
            const QJsonArray nodes = connection[u"nodes"_s].toArray();
            sizes.append(int(nodes.size()));
            for (const QJsonValue &node : nodes)
                names.append(node[u"name"_s].toString());
            after = connection[u"pageInfo"_s][u"endCursor"_s];
            if (nodes.isEmpty()) {
                QVERIFY(after.isNull());
                break;
            }
            QVERIFY(after.isString());
            const QByteArray cursor = QByteArray::fromBase64(after.toString().toLatin1());
            QVERIFY2(cursor.startsWith("RepositoryCursor:{\"Column\":\"name\",\"Value\":\""),
                cursor.constData());
        }
        QCOMPARE(sizes, (QList<int> {3, 1, 0}));
        QStringList sorted = names;
        sorted.sort();
        QCOMPARE(names, sorted);
        QCOMPARE(names.size(), 4);
        // The name filter.
        const QJsonArray filtered = ask(server, query,
            {{u"first"_s, 10},
                {u"query"_s, u"SOURCEGRAPH/"_s}})[u"data"_s][u"repositories"_s][u"nodes"_s]
                                        .toArray();
        QCOMPARE(filtered.size(), 2);
    }

    void repositorySuggestionsByStars()
    {
        FakeSourcegraph server;
        QVERIFY(server.listen());
        const QJsonObject answer = ask(server, u"query SuggestionsRepo($query: String!) { x }"_s,
            {{u"query"_s, u"context:global type:repo count:10 repo:github"_s}});
        const QJsonArray repositories
            = answer[u"data"_s][u"search"_s][u"results"_s][u"repositories"_s].toArray();
        QCOMPARE(repositories.size(), 3);
        QCOMPARE(repositories[0][u"name"_s].toString(), Sourcegraph);
        QCOMPARE(repositories[0][u"url"_s].toString(), u'/' + Sourcegraph);
        QCOMPARE(repositories[0][u"stars"_s].toInt(), 9832);
        QCOMPARE(repositories[2][u"name"_s].toString(), u"github.com/acme/lang-example"_s);
    }

    void resolvesCloneUrls_data()
    {
        QTest::addColumn<QString>("cloneUrl");
        QTest::addColumn<QJsonValue>("repository");
        const QJsonValue cody = QJsonObject {{u"name"_s, u"github.com/sourcegraph/cody"_s}};
        QTest::newRow("scp-style (recording 25)")
            << u"git@github.com:sourcegraph/cody.git"_s << cody;
        QTest::newRow("https") << u"https://github.com/sourcegraph/cody"_s << cody;
        QTest::newRow("ssh") << u"ssh://git@github.com/sourcegraph/cody.git"_s << cody;
        QTest::newRow("unknown") << u"git@github.com:nobody/nothing.git"_s << QJsonValue();
    }

    void resolvesCloneUrls()
    {
        QFETCH(QString, cloneUrl);
        QFETCH(QJsonValue, repository);
        FakeSourcegraph server;
        QVERIFY(server.listen());
        const QJsonObject answer = ask(server, u"query ResolveRepoName($cloneURL: String!) { x }"_s,
            {{u"cloneURL"_s, cloneUrl}});
        QCOMPARE(answer[u"data"_s][u"repository"_s], repository);
    }

    void findsFilesAndFolders()
    {
        FakeSourcegraph server;
        QVERIFY(server.listen());
        const QString query = u"query FileMatchSearchQuery($query: String!) { x }"_s;
        const auto paths = [&](const QString &search) {
            QStringList found;
            const QJsonObject answer = ask(server, query, {{u"query"_s, search}});
            for (const QJsonValue &match :
                answer[u"data"_s][u"search"_s][u"results"_s][u"results"_s].toArray()) {
                if (match[u"__typename"_s] != u"FileMatch"_s
                    || match[u"file"_s][u"commit"_s][u"oid"_s].toString().size() != 40)
                    return QStringList {u"malformed"_s};
                found.append(match[u"file"_s][u"path"_s].toString());
            }
            return found;
        };
        QCOMPARE(
            paths(u"repo:^github\\.com/sourcegraph/sourcegraph$ file:service type:file count:10"_s),
            (QStringList {
                u"cmd/symbols/squirrel/service.go"_s, u"cmd/symbols/squirrel/service_test.go"_s}));
        QCOMPARE(paths(u"repo:^github\\.com/sourcegraph/sourcegraph$ file:^.*$ type:file count:2"_s)
                     .size(),
            2);
        // select:file.directory answers each folder once, with a trailing slash, the root as ./
        QCOMPARE(
            paths(
                u"repo:^github\\.com/acme/lang\\-example$ file:.*\\/.* select:file.directory count:10"_s),
            (QStringList {u"src/"_s}));
        QCOMPARE(
            paths(
                u"repo:^github\\.com/acme/lang\\-example$ file:README select:file.directory count:10"_s),
            (QStringList {u"./"_s}));
        QCOMPARE(paths(u"repo:^github\\.com/sourcegraph/sourcegraph$ file:cmd/symbols.*\\/.* "
                       "select:file.directory count:10"_s),
            (QStringList {u"cmd/symbols/internal/api/"_s, u"cmd/symbols/squirrel/"_s}));
    }

    void fileContentsAtRevisions()
    {
        FakeSourcegraph server;
        QVERIFY(server.listen());
        const QString query
            = u"query FileContentsQuery($repoName: String!, $filePath: String!, $rev: String!) { x }"_s;
        const QString path = u"cmd/symbols/squirrel/README.md"_s;
        const auto file = [&](const QString &repo, const QString &rev, const QString &filePath) {
            return ask(server, query,
                {{u"repoName"_s, repo}, {u"filePath"_s, filePath},
                    {u"rev"_s, rev}})[u"data"_s][u"repository"_s];
        };
        const QJsonValue head = file(Sourcegraph, u"HEAD"_s, path);
        QCOMPARE(head[u"commit"_s][u"file"_s][u"content"_s].toString().toUtf8(),
            corpusFile(Sourcegraph, path));
        QCOMPARE(head[u"commit"_s][u"file"_s][u"url"_s].toString(),
            u"/github.com/sourcegraph/sourcegraph/-/blob/cmd/symbols/squirrel/README.md"_s);
        const QJsonValue pinned = file(Sourcegraph, u"5a3c9e1f"_s, path);
        QCOMPARE(pinned[u"commit"_s][u"file"_s][u"url"_s].toString(),
            u"/github.com/sourcegraph/sourcegraph@5a3c9e1f/-/blob/cmd/symbols/squirrel/README.md"_s);
        QVERIFY(file(Sourcegraph, u"deadbeef"_s, path)[u"commit"_s].isNull());
        QVERIFY(file(Sourcegraph, u"HEAD"_s, u"nope.txt"_s)[u"commit"_s][u"file"_s].isNull());
        QVERIFY(file(u"github.com/nobody/nothing"_s, u"HEAD"_s, path).isNull());
    }

    // git_tree_entry.go's pageContent: 1-based, inclusive, each line with its newline.
    void pagesContentLikeTheServer_data()
    {
        QTest::addColumn<int>("start");
        QTest::addColumn<int>("end");
        QTest::addColumn<QByteArray>("expected");
        QTest::newRow("unset") << -1 << -1 << "a\nb\nc\n"_ba;
        QTest::newRow("line 2") << 2 << 2 << "b\n"_ba;
        QTest::newRow("lines 1-2") << 1 << 2 << "a\nb\n"_ba;
        QTest::newRow("0 is line 1") << 0 << 1 << "a\n"_ba;
        QTest::newRow("from 2") << 2 << -1 << "b\nc\n"_ba;
        QTest::newRow("to 2") << -1 << 2 << "a\nb\n"_ba;
        QTest::newRow("past the end") << 3 << 99 << "c\n"_ba;
        QTest::newRow("start past the end") << 9 << 12 << ""_ba;
        QTest::newRow("end just before start: nothing") << 3 << 2 << ""_ba;
        QTest::newRow("end before start: whole file") << 3 << 1 << "a\nb\nc\n"_ba;
    }

    void pagesContentLikeTheServer()
    {
        QFETCH(int, start);
        QFETCH(int, end);
        QFETCH(QByteArray, expected);
        QCOMPARE(FakeRepositoryOperations::pageContent("a\nb\nc\n", start, end), expected);
    }

    void remoteFileRanges()
    {
        FakeSourcegraph server;
        QVERIFY(server.listen());
        const QString path = u"cmd/symbols/squirrel/service.go"_s;
        const QJsonValue repository = ask(server,
            u"query GetRemoteFileQuery($repositoryName: String!, $filePath: String!, $startLine: "
            "Int, $endLine: Int) { x }"_s,
            {{u"repositoryName"_s, Sourcegraph}, {u"filePath"_s, path}, {u"startLine"_s, 3},
                {u"endLine"_s, 4}})[u"data"_s][u"repository"_s];
        QCOMPARE(repository[u"id"_s].toString(), SourcegraphId);
        QCOMPARE(repository[u"commit"_s][u"oid"_s].toString().size(), 40);
        const QList<QByteArray> lines = corpusFile(Sourcegraph, path).split('\n');
        QCOMPARE(repository[u"commit"_s][u"blob"_s][u"content"_s].toString().toUtf8(),
            lines[2] + '\n' + lines[3] + '\n');
    }

    void codyContextByVersion_data()
    {
        QTest::addColumn<QString>("productVersion");
        QTest::addColumn<bool>("filePatterns");
        QTest::addColumn<bool>("ranges");
        QTest::addColumn<QString>("error");
        const QString unknownArgument
            = u"Unknown argument \"filePatterns\" on field \"getCodyContext\" of type \"Query\"."_s;
        const QString noRanges
            = u"Cannot query field \"matchedRanges\" on type \"FileChunkContext\"."_s;
        QTest::newRow("5.3, legacy") << u"5.3.11625"_s << false << false << QString();
        QTest::newRow("5.3, filePatterns") << u"5.3.11625"_s << true << false << unknownArgument;
        QTest::newRow("5.5 insider build, filePatterns")
            << u"282533_2024-07-16_5.5-a0a18a60e904"_s << true << false << unknownArgument;
        QTest::newRow("5.7, filePatterns") << u"5.7.0"_s << true << false << QString();
        QTest::newRow("5.7, ranges") << u"5.7.2"_s << true << true << noRanges;
        QTest::newRow("5.8, ranges") << u"5.8.0"_s << true << true << QString();
        QTest::newRow("dev, ranges") << u"0.0.0+dev"_s << true << true << QString();
    }

    void codyContextByVersion()
    {
        QFETCH(QString, productVersion);
        QFETCH(bool, filePatterns);
        QFETCH(bool, ranges);
        QFETCH(QString, error);
        FakeSourcegraph::Options options;
        options.productVersion = productVersion;
        FakeSourcegraph server(options);
        QVERIFY(server.listen());
        QString query = u"query GetCodyContext($repos: [ID!]!, $query: String!, "
                        "$codeResultsCount: Int!, $textResultsCount: Int!"_s;
        query += filePatterns ? u", $filePatterns: [String!]) { getCodyContext(filePatterns: "
                                "$filePatterns) { startLine"_s
                              : u") { getCodyContext { startLine"_s;
        query += ranges ? u" matchedRanges { start { line } } } }"_s : u" } }"_s;
        QJsonObject variables {{u"repos"_s, QJsonArray {SourcegraphId}},
            {u"query"_s, u"squirrel service"_s}, {u"codeResultsCount"_s, 15},
            {u"textResultsCount"_s, 5}};
        if (filePatterns)
            variables.insert(u"filePatterns"_s, QJsonArray {u"^cmd/symbols/squirrel/.*"_s});
        const QJsonObject answer = ask(server, query, variables);
        if (!error.isEmpty()) {
            QCOMPARE(firstError(answer), error);
            QVERIFY(!answer.contains(u"data"_s));
            return;
        }
        const QJsonArray chunks = answer[u"data"_s][u"getCodyContext"_s].toArray();
        QVERIFY(!chunks.isEmpty());
        for (const QJsonValue &chunk : chunks) {
            const QString path = chunk[u"blob"_s][u"path"_s].toString();
            if (filePatterns)
                QVERIFY2(path.startsWith(u"cmd/symbols/squirrel/"_s), qPrintable(path));
            QCOMPARE(chunk.toObject().contains(u"matchedRanges"_s), ranges);
            // 0-based start, exclusive end, the content exactly those lines.
            const int start = chunk[u"startLine"_s].toInt();
            const int end = chunk[u"endLine"_s].toInt();
            QVERIFY(start >= 0 && end > start && end - start <= FakeCodyContext::ChunkLines);
            const QByteArray expected = FakeRepositoryOperations::pageContent(
                corpusFile(Sourcegraph, path), start + 1, end);
            QCOMPARE(chunk[u"chunkContent"_s].toString().toUtf8(), expected);
            QCOMPARE(chunk[u"blob"_s][u"url"_s].toString(),
                u"/%1@%2/-/blob/%3"_s.arg(
                    Sourcegraph, chunk[u"blob"_s][u"commit"_s][u"oid"_s].toString(), path));
        }
    }

    void codyContextLimitsAndFilters()
    {
        FakeSourcegraph::Options options;
        options.contextFilters = FakeSourcegraph::Options::ContextFiltersAnswer::Raw;
        options.contextFiltersRaw = R"({"exclude":[{"repoNamePattern":".*lang-example.*"}]})";
        FakeSourcegraph server(options);
        QVERIFY(server.listen());
        const QString query = u"query GetCodyContext($repos: [ID!]!, $query: String!, "
                              "$codeResultsCount: Int!, $textResultsCount: Int!) { x }"_s;
        const QJsonArray all {SourcegraphId, u"UmVwb3NpdG9yeTo1MTI="_s, u"UmVwb3NpdG9yeTo3Nw=="_s};
        QJsonObject answer = ask(server, query,
            {{u"repos"_s, all}, {u"query"_s, u"readme ledger evaluate squirrel"_s},
                {u"codeResultsCount"_s, 1}, {u"textResultsCount"_s, 1}});
        const QJsonArray chunks = answer[u"data"_s][u"getCodyContext"_s].toArray();
        QCOMPARE(chunks.size(), 2); // one code, one text
        for (const QJsonValue &chunk : chunks)
            QVERIFY(!chunk[u"blob"_s][u"repository"_s][u"name"_s].toString().contains(
                u"lang-example"_s));
        answer = ask(server, query,
            {{u"repos"_s, QJsonArray {u"not-an-id"_s}}, {u"query"_s, u"x"_s},
                {u"codeResultsCount"_s, 15}, {u"textResultsCount"_s, 5}});
        QVERIFY(firstError(answer).contains(u"invalid repository ID"_s));
    }

    void contextFiltersAnswers_data()
    {
        using Answer = FakeSourcegraph::Options::ContextFiltersAnswer;
        QTest::addColumn<Answer>("mode");
        QTest::addColumn<QByteArray>("expected");
        QTest::newRow("null") << Answer::Null
                              << R"({"data":{"site":{"codyContextFilters":{"raw":null}}}})"_ba;
        QTest::newRow("raw")
            << Answer::Raw
            << R"({"data":{"site":{"codyContextFilters":{"raw":{"exclude":[{"repoNamePattern":".*lang-example.*"}]}}}}})"_ba;
        QTest::newRow("malformed")
            << Answer::Malformed
            << R"({"data":{"site":{"codyContextFilters":{"raw":"exclude everything"}}}})"_ba;
        QTest::newRow("other error")
            << Answer::Error
            << R"({"errors":[{"message":"fake: the site configuration could not be read"}]})"_ba;
        QTest::newRow("empty body (5.2.3)") << Answer::EmptyBody << QByteArray();
    }

    void contextFiltersAnswers()
    {
        QFETCH(FakeSourcegraph::Options::ContextFiltersAnswer, mode);
        QFETCH(QByteArray, expected);
        FakeSourcegraph::Options options;
        options.contextFilters = mode;
        options.contextFiltersRaw = R"({"exclude":[{"repoNamePattern":".*lang-example.*"}]})";
        FakeSourcegraph server(options);
        QVERIFY(server.listen());
        const HttpResult result = post(server, u"query ContextFilters { x }"_s);
        QCOMPARE(result.status, 200);
        QCOMPARE(result.body, expected);
    }

    // The same bytes as the recordings, where the real servers answered these operations.
    void replaysRecordings_data()
    {
        QTest::addColumn<QString>("number");
        for (const char *number : {"21", "22", "23", "24", "25", "26", "27", "30"})
            QTest::newRow(number) << QString::fromLatin1(number);
    }

    void replaysRecordings()
    {
        QFETCH(QString, number);
        REQUIRE_RECORDING(requestPath, number + u"-*-request.json"_s);
        const QString responsePath = findRecording(number + u"-*-response.json"_s);
        const QJsonObject recorded = QJsonDocument::fromJson(readRecording(requestPath)).object();
        const QString query = recorded.value(u"query"_s).toString();
        FakeSourcegraph::Options options;
        options.recordingsDir = recordingsDir().path();
        options.graphqlReplays.insert(FakeGraphql::operationName(query), {number});
        FakeSourcegraph server(options);
        QVERIFY(server.listen());
        const HttpResult result = post(server, query, recorded.value(u"variables"_s).toObject());
        QCOMPARE(result.status, 200);
        QCOMPARE(result.header("content-type"), "application/json"_ba);
        QCOMPARE(result.body, readRecording(responsePath));
    }

    // What the fake answers on its own, for every recorded request, has the recorded shape.
    void answersTheRecordedRequests()
    {
        SKIP_WITHOUT_RECORDINGS();
        FakeSourcegraph::Options options;
        options.productVersion = u"5.3.11625"_s;
        FakeSourcegraph server(options);
        QVERIFY(server.listen());
        for (const QString &number : {u"21"_s, u"23"_s, u"24"_s, u"25"_s, u"26"_s, u"30"_s}) {
            const QString requestPath = findRecording(number + u"-*-request.json"_s);
            QVERIFY2(!requestPath.isEmpty(), qPrintable(number));
            const QJsonObject recorded
                = QJsonDocument::fromJson(readRecording(requestPath)).object();
            const QJsonObject answer = ask(server, recorded.value(u"query"_s).toString(),
                recorded.value(u"variables"_s).toObject());
            const QJsonObject real = QJsonDocument::fromJson(
                readRecording(findRecording(number + u"-*-response.json"_s)))
                                         .object();
            QVERIFY2(
                !answer.contains(u"errors"_s), qPrintable(number + u": "_s + firstError(answer)));
            QCOMPARE(answer[u"data"_s].toObject().keys(), real[u"data"_s].toObject().keys());
        }
    }

    void keywordScenarioForFastRequests()
    {
        FakeSourcegraph server;
        QVERIFY(server.listen());
        const QJsonObject body {{u"fast"_s, true}, {u"maxTokensToSample"_s, 400},
            {u"messages"_s,
                QJsonArray {message(u"human"_s,
                    u"Here is the user query: <userQuery>what is squirrel? Explain as briefly as "
                    "possible.</userQuery>"_s)}},
            {u"temperature"_s, 0}, {u"topK"_s, 1}};
        const HttpResult result = m_http.post(
            streamUrl(server, u"api-version=1&client-name=tst&client-version=1.0.0"_s),
            QJsonDocument(body).toJson());
        QCOMPARE(result.status, 200);
        const QList<Event> events = parseEvents(result.body);
        QVERIFY(events.size() >= 2);
        QCOMPARE(events.constLast().name, "done"_ba);
        const QString text = events.at(events.size() - 2).data[u"completion"_s].toString();
        QVERIFY2(text.startsWith(u"<keywords>"_s), qPrintable(text));
        QVERIFY(text.contains(u"<value>squirrel</value>"_s));
        QVERIFY(!text.contains(u"<value>what</value>"_s));
    }
};

QTEST_GUILESS_MAIN(TestFakeGraphql)
#include "tst_fakegraphql.moc"
