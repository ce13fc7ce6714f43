// SPDX-License-Identifier: Apache-2.0
#include "cody/apiversionpolicy.h"
#include "recordings.h"

#include <QFile>
#include <QTest>

using namespace Qt::StringLiterals;
using cody::ApiVersionPolicy;

class TestApiVersionPolicy : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void clientConfig_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<int>("expected"); // 0 = nullopt
        QTest::newRow("five") << R"({"latestSupportedCompletionsStreamAPIVersion":5})"_ba << 5;
        QTest::newRow("newer than we know")
            << R"({"latestSupportedCompletionsStreamAPIVersion":11})"_ba << 8;
        QTest::newRow("missing") << R"({"codyEnabled":true})"_ba << 0;
        QTest::newRow("string") << R"({"latestSupportedCompletionsStreamAPIVersion":"8"})"_ba << 0;
        QTest::newRow("zero") << R"({"latestSupportedCompletionsStreamAPIVersion":0})"_ba << 0;
        QTest::newRow("not json") << "<html>"_ba << 0;
    }

    void clientConfig()
    {
        QFETCH(QByteArray, json);
        QFETCH(int, expected);
        QCOMPARE(ApiVersionPolicy::fromClientConfig(json).value_or(0), expected);
    }

    void recordedClientConfig()
    {
        REQUIRE_RECORDING(path, u"15-client-config-dotcom-response.json"_s);
        QFile file(path);
        QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(path));
        QCOMPARE(ApiVersionPolicy::fromClientConfig(file.readAll()).value_or(0), 5);
    }

    void productVersion_data()
    {
        QTest::addColumn<QString>("version");
        QTest::addColumn<int>("expected");
        QTest::newRow("6.2.0") << u"6.2.0"_s << 8;
        QTest::newRow("6.10.1") << u"6.10.1"_s << 8;
        QTest::newRow("6.1.9") << u"6.1.9"_s << 5;
        QTest::newRow("5.8.0") << u"5.8.0"_s << 5;
        QTest::newRow("5.7.0") << u"5.7.0"_s << 1;
        QTest::newRow("5.4.0") << u"5.4.0"_s << 1;
        QTest::newRow("local build") << u"0.0.0+dev"_s << 8;
        QTest::newRow("dated 2024-12 (FX/14)") << u"303611_2024-12-11_5.10-0d740859c161"_s << 5;
        QTest::newRow("dated 2025-03-11") << u"310000_2025-03-11_6.1-abcdef"_s << 8;
        QTest::newRow("dated 2024-01") << u"250000_2024-01-02_5.2-abcdef"_s << 1;
        QTest::newRow("garbage") << u"unknown"_s << 1;
    }

    void productVersion()
    {
        QFETCH(QString, version);
        QFETCH(int, expected);
        QCOMPARE(ApiVersionPolicy::fromProductVersion(version), expected);
    }

    void stepDownLadder()
    {
        QCOMPARE(ApiVersionPolicy::stepDown(8).value_or(0), 5);
        QCOMPARE(ApiVersionPolicy::stepDown(6).value_or(0), 5);
        QCOMPARE(ApiVersionPolicy::stepDown(5).value_or(0), 2);
        QCOMPARE(ApiVersionPolicy::stepDown(2).value_or(0), 1);
        QVERIFY(!ApiVersionPolicy::stepDown(1));
    }
};

QTEST_GUILESS_MAIN(TestApiVersionPolicy)
#include "tst_apiversionpolicy.moc"
