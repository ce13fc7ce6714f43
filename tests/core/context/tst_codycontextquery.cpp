// SPDX-License-Identifier: Apache-2.0
#include "cody/contextitem.h"
#include "context/codycontextquery.h"
#include "context/siteversion.h"
#include "recordings.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace cody;
using namespace cody::test;
using Variant = CodyContextQuery::Variant;

Q_DECLARE_METATYPE(CodyContextQuery::Variant)

namespace {

QJsonObject chunk(const QJsonValue &path, int start, int end)
{
    const QJsonObject blob {{u"path"_s, path},
        {u"repository"_s,
            QJsonObject {{u"id"_s, u"UmVwb3NpdG9yeTo3Nw=="_s},
                {u"name"_s, u"gitlab.example.com/platform/billing"_s}}},
        {u"commit"_s, QJsonObject {{u"oid"_s, u"c0ffee"_s}}}, {u"url"_s, u"/x"_s}};
    return {{u"blob"_s, blob}, {u"startLine"_s, start}, {u"endLine"_s, end},
        {u"chunkContent"_s, u"text\n"_s}};
}

} // namespace

class TestCodyContextQuery : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void variantFollowsTheVersion_data()
    {
        QTest::addColumn<QString>("version");
        QTest::addColumn<Variant>("variant");
        QTest::newRow("5.3.11625") << u"5.3.11625"_s << Variant::Legacy;
        QTest::newRow("5.6.2") << u"5.6.2"_s << Variant::Legacy;
        QTest::newRow("5.7.0") << u"5.7.0"_s << Variant::FilePatterns;
        QTest::newRow("5.7.0-rc.1") << u"5.7.0-rc.1"_s << Variant::Legacy;
        QTest::newRow("5.8.0") << u"5.8.0"_s << Variant::MatchedRanges;
        QTest::newRow("6.2.0") << u"6.2.0"_s << Variant::MatchedRanges;
        QTest::newRow("insider") << u"282533_2024-07-16_5.5-a0a18a60e904"_s
                                 << Variant::MatchedRanges;
        QTest::newRow("unknown") << QString() << Variant::Legacy;
    }

    void variantFollowsTheVersion()
    {
        QFETCH(QString, version);
        QFETCH(Variant, variant);
        QCOMPARE(CodyContextQuery::variantFor(SiteVersion(version)), variant);
    }

    void olderVariants()
    {
        QCOMPARE(CodyContextQuery::older(Variant::MatchedRanges), Variant::FilePatterns);
        QCOMPARE(CodyContextQuery::older(Variant::FilePatterns), Variant::Legacy);
        QCOMPARE(CodyContextQuery::older(Variant::Legacy), std::nullopt);
    }

    // LEGACY_CONTEXT_SEARCH_QUERY is what recordings 21 and 22 sent, byte for byte.
    void legacyTextIsTheRecordedOne()
    {
        REQUIRE_RECORDING(path21, u"21-*-request.json"_s);
        REQUIRE_RECORDING(path22, u"22-*-request.json"_s);
        const QString legacy = CodyContextQuery::text(Variant::Legacy);
        QCOMPARE(legacy, readRecordingJson(path21)[u"query"_s].toString());
        QCOMPARE(legacy, readRecordingJson(path22)[u"query"_s].toString());
    }

    // CONTEXT_SEARCH_QUERY adds $filePatterns to the signature and the call;
    // CONTEXT_SEARCH_QUERY_WITH_RANGES adds matchedRanges after chunkContent.
    void newerTextsExtendTheLegacyOne()
    {
        QString expected = CodyContextQuery::text(Variant::Legacy);
        expected.replace(u"$textResultsCount: Int!) {"_s,
            u"$textResultsCount: Int!, $filePatterns: [String!]) {"_s);
        expected.replace(u"textResultsCount: $textResultsCount) {"_s,
            u"textResultsCount: $textResultsCount, filePatterns: $filePatterns) {"_s);
        const QString filePatterns = CodyContextQuery::text(Variant::FilePatterns);
        QCOMPARE(filePatterns, expected);
        const QString ranges = CodyContextQuery::text(Variant::MatchedRanges);
        const QString block = u"              matchedRanges {\n                start {\n"
                              "                  line\n                  column: character\n"
                              "                }\n                end {\n                  line\n"
                              "                  column: character\n                }\n"
                              "              }\n"_s;
        QCOMPARE(ranges,
            QString(filePatterns).replace(u"chunkContent\n"_s, u"chunkContent\n"_s + block));
    }

    void variables()
    {
        const QStringList repos {u"UmVwb3NpdG9yeTozNzI2MQ=="_s, u"UmVwb3NpdG9yeTozMTA="_s};
        const QJsonObject legacy = CodyContextQuery::variables(
            Variant::Legacy, repos, u"What is Squirrel?"_s, {u"^cmd/.*"_s});
        const QJsonObject expected {{u"codeResultsCount"_s, 15},
            {u"query"_s, u"What is Squirrel?"_s}, {u"repos"_s, QJsonArray::fromStringList(repos)},
            {u"textResultsCount"_s, 5}};
        QCOMPARE(legacy, expected); // no filePatterns where the site has none
        QCOMPARE(CodyContextQuery::variables(Variant::FilePatterns, repos, u"What is Squirrel?"_s),
            expected); // Cody leaves an unset one out
        QJsonObject withPatterns = expected;
        withPatterns.insert(u"filePatterns"_s, QJsonArray {u"^cmd/.*"_s});
        QCOMPARE(CodyContextQuery::variables(
                     Variant::MatchedRanges, repos, u"What is Squirrel?"_s, {u"^cmd/.*"_s}),
            withPatterns);
        if (haveRecordings()) {
            const QString path = findRecording(u"21-*-request.json"_s);
            QCOMPARE(legacy, readRecordingJson(path)[u"variables"_s].toObject());
        }
    }

    void folderPatterns_data()
    {
        QTest::addColumn<QString>("folder");
        QTest::addColumn<QString>("pattern");
        QTest::newRow("plain") << u"cmd/symbols/squirrel"_s << u"^cmd/symbols/squirrel/.*"_s;
        QTest::newRow("trailing slash") << u"cmd/symbols/"_s << u"^cmd/symbols/.*"_s;
        QTest::newRow("regex characters")
            << u".github/a+b (old)"_s << u"^\\.github/a\\+b \\(old\\)/.*"_s;
    }

    void folderPatterns()
    {
        QFETCH(QString, folder);
        QFETCH(QString, pattern);
        QCOMPARE(CodyContextQuery::folderPattern(folder), pattern);
    }

    // 0-based start and exclusive end become 1-based inclusive lines; links as Cody builds them.
    void recordedChunksBecomeItems()
    {
        REQUIRE_RECORDING(path21, u"21-*-response.json"_s);
        REQUIRE_RECORDING(path22, u"22-*-response.json"_s);
        const QUrl base(u"https://demo.sourcegraph.com"_s);
        QString problem;
        const QList<ContextItem> items = CodyContextQuery::items(
            readRecordingJson(path21)[u"data"_s].toObject(), base, &problem);
        QVERIFY(problem.isEmpty());
        QCOMPARE(items.size(), 17);
        const ContextItem &first = items.constFirst();
        QCOMPARE(first.kind, ContextItem::Kind::RemoteFile);
        QCOMPARE(first.source, ContextItem::Source::Retrieved);
        QCOMPARE(first.repoName, u"github.com/sourcegraph/sourcegraph"_s);
        QCOMPARE(first.repoId, u"UmVwb3NpdG9yeTozMTA="_s);
        QCOMPARE(first.path, u"cmd/symbols/squirrel/service_test.go"_s);
        QCOMPARE(first.revision, u"1cc764ebb81d2c0e0da6203c94cf28dc7687af56"_s);
        QCOMPARE(first.startLine, 1);
        QCOMPARE(first.endLine, 20);
        QVERIFY(first.content.startsWith(u"package squirrel\n"_s));
        QCOMPARE(first.url.toString(),
            u"https://demo.sourcegraph.com/github.com/sourcegraph/sourcegraph/-/blob/"
            "cmd/symbols/squirrel/service_test.go?L1-20"_s);
        QCOMPARE(items.at(1).path, u"cmd/symbols/internal/api/handler_cgo.go"_s);
        QCOMPARE(items.at(1).startLine, 13); // 12..32 on the wire
        QCOMPARE(items.at(1).endLine, 32);
        QCOMPARE(items.at(1).displayName(), u"cmd/symbols/internal/api/handler_cgo.go:13-32"_s);

        const QList<ContextItem> items22 = CodyContextQuery::items(
            readRecordingJson(path22)[u"data"_s].toObject(), base, &problem);
        QCOMPARE(items22.size(), 20);
        // CODENOTIFY comes as 0..0 with one line of content: the one line at the start.
        const auto codenotify = std::find_if(items22.cbegin(), items22.cend(),
            [](const ContextItem &item) { return item.path.endsWith(u"CODENOTIFY"_s); });
        QVERIFY(codenotify != items22.cend());
        QCOMPARE(codenotify->startLine, 1);
        QCOMPARE(codenotify->endLine, 1);
        QVERIFY(codenotify->hasRange());
    }

    void badChunks()
    {
        const QUrl base(u"https://sg.example/"_s);
        const QJsonObject data {{u"getCodyContext"_s,
            QJsonArray {chunk(u"invoices/ledger.go"_s, 0, 20), chunk(u"a.go"_s, -1, 5),
                chunk(u"b.go"_s, 3, -1), chunk(QJsonValue(), 0, 3),
                QJsonObject {{u"startLine"_s, 0}}}}};
        QString problem;
        const QList<ContextItem> items = CodyContextQuery::items(data, base, &problem);
        QVERIFY(problem.isEmpty());
        QCOMPARE(items.size(), 1);
        QCOMPARE(items.constFirst().url.toString(),
            u"https://sg.example/gitlab.example.com/platform/billing/-/blob/invoices/ledger.go?L1-20"_s);

        QVERIFY(CodyContextQuery::items({{u"getCodyContext"_s, QJsonValue()}}, base, &problem)
                    .isEmpty());
        QVERIFY(problem.isEmpty());
        QVERIFY(CodyContextQuery::items({}, base, &problem).isEmpty());
        QVERIFY(problem.isEmpty());
        CodyContextQuery::items({{u"getCodyContext"_s, u"oops"_s}}, base, &problem);
        QVERIFY(!problem.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestCodyContextQuery)
#include "tst_codycontextquery.moc"
