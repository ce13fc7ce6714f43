// SPDX-License-Identifier: Apache-2.0
#include "context/siteversion.h"

#include <QTest>

using namespace Qt::StringLiterals;
using cody::SiteVersion;

class TestSiteVersion : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void gates_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("insider");
        QTest::addColumn<bool>("release");
        QTest::addColumn<bool>("filters"); // >= 5.3.3
        QTest::addColumn<bool>("filePatterns"); // >= 5.7.0
        QTest::addColumn<bool>("ranges"); // >= 5.8.0
        // Recorded: FX/21 (5.3 enterprise), FX/22 (S2 build from main), FX/14 (dotcom).
        QTest::newRow("5.3.11625") << u"5.3.11625"_s << false << true << true << false << false;
        QTest::newRow("dated 5.5 build")
            << u"282533_2024-07-16_5.5-a0a18a60e904"_s << true << false << true << true << true;
        QTest::newRow("dated 5.10 build")
            << u"303611_2024-12-11_5.10-0d740859c161"_s << true << false << true << true << true;
        QTest::newRow("dev") << u"dev"_s << true << false << true << true << true;
        QTest::newRow("0.0.0+dev") << u"0.0.0+dev"_s << true << false << true << true << true;
        QTest::newRow("5.3.2") << u"5.3.2"_s << false << true << false << false << false;
        QTest::newRow("5.3.3") << u"5.3.3"_s << false << true << true << false << false;
        QTest::newRow("5.6.9") << u"5.6.9"_s << false << true << true << false << false;
        QTest::newRow("5.7.0") << u"5.7.0"_s << false << true << true << true << false;
        QTest::newRow("5.7.0-rc.1") << u"5.7.0-rc.1"_s << false << true << true << false << false;
        QTest::newRow("5.8.0") << u"5.8.0"_s << false << true << true << true << true;
        QTest::newRow("v6.2.0") << u"v6.2.0"_s << false << true << true << true << true;
        QTest::newRow("6.2.0+b7") << u"6.2.0+b7"_s << false << true << true << true << true;
        // Cody's rule is only the length: 13 characters make any version an insider.
        QTest::newRow("6.2.0+build.7")
            << u"6.2.0+build.7"_s << true << false << true << true << true;
        // Cody's semver.gte would throw on these: no gate passes.
        QTest::newRow("5.5") << u"5.5"_s << false << false << false << false << false;
        QTest::newRow("05.7.0") << u"05.7.0"_s << false << false << false << false << false;
        QTest::newRow("empty") << QString() << false << false << false << false << false;
        QTest::newRow("banana") << u"banana"_s << false << false << false << false << false;
    }

    void gates()
    {
        QFETCH(QString, text);
        QFETCH(bool, insider);
        QFETCH(bool, release);
        QFETCH(bool, filters);
        QFETCH(bool, filePatterns);
        QFETCH(bool, ranges);
        const SiteVersion version(text);
        QCOMPARE(version.text(), text);
        QCOMPARE(version.isInsider(), insider);
        QCOMPARE(version.isRelease(), release);
        QCOMPARE(version.hasContextFilters(), filters);
        QCOMPARE(version.hasFilePatterns(), filePatterns);
        QCOMPARE(version.hasMatchedRanges(), ranges);
    }

    void comparesLikeSemver()
    {
        const SiteVersion version(u"5.3.11625"_s);
        QCOMPARE(version.release(), QVersionNumber(5, 3, 11625));
        QVERIFY(version.isAtLeast(QVersionNumber(5, 3, 11625)));
        QVERIFY(!version.isAtLeast(QVersionNumber(5, 3, 11626)));
        QVERIFY(version.isAtLeast(QVersionNumber(5, 2, 99999)));
        QVERIFY(!SiteVersion(u"5.8.0-rc.2"_s).isAtLeast(QVersionNumber(5, 8, 0)));
        QVERIFY(SiteVersion(u"5.8.0-rc.2"_s).isAtLeast(QVersionNumber(5, 7, 9)));
        QVERIFY(SiteVersion(u"5.8.0-rc.2"_s).isPreRelease());
        // Exactly 12 characters and no "dev" is not an insider build; 13 is.
        QVERIFY(!SiteVersion(u"5.10.1234567"_s).isInsider());
        QVERIFY(SiteVersion(u"5.10.12345678"_s).isInsider());
    }
};

QTEST_GUILESS_MAIN(TestSiteVersion)
#include "tst_siteversion.moc"
