// SPDX-License-Identifier: Apache-2.0
#include "context/contextfilters.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Qt::StringLiterals;
using cody::ContextFilters;

namespace {

ContextFilters filtersFrom(const QByteArray &json)
{
    return ContextFilters::fromRaw(QJsonDocument::fromJson(json).object());
}

} // namespace

class TestContextFilters : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void matches_data()
    {
        QTest::addColumn<QByteArray>("raw");
        QTest::addColumn<QString>("repo");
        QTest::addColumn<bool>("allowed");
        QTest::addColumn<QString>("why");
        // Recording 26: only an exclude list.
        const QByteArray recorded = R"({"exclude":[{"repoNamePattern":".*lang-example.*"}]})";
        QTest::newRow("recorded, excluded") << recorded << u"github.com/acme/lang-example"_s
                                            << false << u"exclude pattern \".*lang-example.*\""_s;
        QTest::newRow("recorded, other")
            << recorded << u"github.com/sourcegraph/cody"_s << true << QString();
        // context.md §6's example: include and exclude.
        const QByteArray both
            = "{\"include\":[{\"repoNamePattern\":\"^github\\\\.com\\\\/sourcegraph\\\\/.*\"}],"
              "\"exclude\":[{\"repoNamePattern\":\".*analytics.*\"}]}";
        QTest::newRow("included") << both << u"github.com/sourcegraph/cody"_s << true << QString();
        QTest::newRow("not included") << both << u"gitlab.example.com/platform/billing"_s << false
                                      << u"matches no include pattern"_s;
        QTest::newRow("included, then excluded")
            << both << u"github.com/sourcegraph/analytics-pipeline"_s << false
            << u"exclude pattern \".*analytics.*\""_s;
        // RE2 semantics: an unanchored find, case-sensitive.
        const QByteArray bare = R"({"exclude":[{"repoNamePattern":"billing"}]})";
        QTest::newRow("found anywhere")
            << bare << u"gitlab.example.com/platform/billing"_s << false << u"billing"_s;
        QTest::newRow("case matters")
            << bare << u"gitlab.example.com/platform/Billing"_s << true << QString();
        QTest::newRow("lists may be null")
            << R"({"include":null,"exclude":null})"_ba << u"anything"_s << true << QString();
        QTest::newRow("empty object") << "{}"_ba << u"anything"_s << true << QString();
        // Typed but "Not implemented" in Cody: a file pattern does not narrow the repository rule.
        QTest::newRow("filePathPatterns ignored")
            << R"({"exclude":[{"repoNamePattern":"cody","filePathPatterns":["^docs/"]}]})"_ba
            << u"github.com/sourcegraph/cody"_s << false << u"\"cody\""_s;
    }

    void matches()
    {
        QFETCH(QByteArray, raw);
        QFETCH(QString, repo);
        QFETCH(bool, allowed);
        QFETCH(QString, why);
        const ContextFilters filters = filtersFrom(raw);
        QVERIFY(!filters.excludesEverything());
        QString reason = u"stale"_s;
        QCOMPARE(filters.isRepositoryAllowed(repo, &reason), allowed);
        if (allowed)
            QVERIFY(reason.isEmpty());
        else
            QVERIFY2(reason.contains(why), qPrintable(reason));
        QCOMPARE(filters.isRepositoryAllowed(repo), allowed); // why is optional
    }

    // What cannot be understood excludes everything, and says why.
    void unreadableExcludesEverything_data()
    {
        QTest::addColumn<QByteArray>("raw");
        QTest::addColumn<QString>("why");
        QTest::newRow("a pattern that does not compile")
            << "{\"exclude\":[{\"repoNamePattern\":\"(unclosed\"}]}"_ba << u"(unclosed"_s;
        QTest::newRow("a list that is not one")
            << R"({"exclude":{"repoNamePattern":"x"}})"_ba << u"not a list"_s;
        QTest::newRow("a rule without a pattern")
            << R"({"include":[{"pattern":"x"}]})"_ba << u"no repoNamePattern"_s;
        QTest::newRow("a pattern that is a number")
            << R"({"include":[{"repoNamePattern":7}]})"_ba << u"no repoNamePattern"_s;
    }

    void unreadableExcludesEverything()
    {
        QFETCH(QByteArray, raw);
        QFETCH(QString, why);
        const ContextFilters filters = filtersFrom(raw);
        QVERIFY(filters.excludesEverything());
        QString reason;
        QVERIFY(!filters.isRepositoryAllowed(u"github.com/sourcegraph/cody"_s, &reason));
        QVERIFY2(reason.contains(why), qPrintable(reason));
        QVERIFY2(reason.contains(u"no repository is used"_s), qPrintable(reason));
        QVERIFY(ContextFilters::fromRaw(QJsonValue(u"text"_s)).excludesEverything());
    }

    void everythingAndNothing()
    {
        const ContextFilters all = ContextFilters::includeEverything();
        QVERIFY(all.includesEverything());
        QVERIFY(all.isRepositoryAllowed(u"x"_s));
        const ContextFilters none = ContextFilters::excludeEverything(u"because"_s);
        QString why;
        QVERIFY(!none.isRepositoryAllowed(u"x"_s, &why));
        QCOMPARE(why, u"because"_s);
        QVERIFY(!(all == none));
        QVERIFY(filtersFrom("{}") == all);
        QVERIFY(filtersFrom(R"({"exclude":[{"repoNamePattern":"a"}]})")
            == filtersFrom(R"({"exclude":[{"repoNamePattern":"a"}],"include":null})"));
    }
};

QTEST_GUILESS_MAIN(TestContextFilters)
#include "tst_contextfilters.moc"
