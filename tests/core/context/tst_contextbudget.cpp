// SPDX-License-Identifier: Apache-2.0
#include "context/contextbudget.h"

#include <QTest>

using namespace Qt::StringLiterals;
using cody::ContextBudget;
using Source = cody::ContextItem::Source;
using Window = cody::ContextBudget::Window;

class TestContextBudget : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void windowForModel_data()
    {
        QTest::addColumn<qint64>("maxInputTokens");
        QTest::addColumn<QString>("modelName");
        QTest::addColumn<qint64>("maxUserInputTokens");
        QTest::addColumn<qint64>("input");
        QTest::addColumn<qint64>("userContext");
        QTest::newRow("unknown: Cody's default") << 0LL << QString() << 0LL << 7000LL << 0LL;
        QTest::newRow("45000 = 15000 + 30000")
            << 45000LL << u"claude-3-5-sonnet-latest"_s << 0LL << 15000LL << 30000LL;
        QTest::newRow("7000 (FX/16)") << 7000LL << u"gpt-4o-mini"_s << 0LL << 7000LL << 0LL;
        QTest::newRow("45001 is just a window") << 45001LL << QString() << 0LL << 45001LL << 0LL;
        QTest::newRow("enhanced: user input and the rest")
            << 20000LL << QString() << 8000LL << 8000LL << 12000LL;
        QTest::newRow("enhanced, not below the input: ignored")
            << 8000LL << QString() << 8000LL << 8000LL << 0LL;
        QTest::newRow("mistral: 85 %") << 10000LL << u"mistral-large"_s << 0LL << 8500LL << 0LL;
        QTest::newRow("mixtral 45000 is no longer the extended window")
            << 45000LL << u"mixtral-8x22b-instruct"_s << 0LL << 38250LL << 0LL;
        QTest::newRow("not at the start: not mistral")
            << 10000LL << u"my-mistral"_s << 0LL << 10000LL << 0LL;
    }

    void windowForModel()
    {
        QFETCH(qint64, maxInputTokens);
        QFETCH(QString, modelName);
        QFETCH(qint64, maxUserInputTokens);
        QFETCH(qint64, input);
        QFETCH(qint64, userContext);
        const Window window = Window::forModel(maxInputTokens, modelName, maxUserInputTokens);
        QCOMPARE(window.input, input);
        QCOMPARE(window.userContext, userContext);
        QCOMPARE(window.separate(), userContext > 0);
    }

    void sharedMode()
    {
        ContextBudget budget(Window {1100, 0}, 99);
        QCOMPARE(budget.remaining(), 1001);
        QCOMPARE(budget.budget(Source::User), 1001);
        QCOMPARE(budget.budget(Source::Retrieved), 600); // floor(0.6 × 1001)
        QVERIFY(budget.charge(Source::User, 101));
        // User-added items go first and shrink what retrieved chunks may have.
        QCOMPARE(budget.budget(Source::Retrieved), 540); // floor(0.6 × 900)
        QVERIFY(budget.charge(Source::Retrieved, 500));
        QVERIFY(!budget.charge(Source::Retrieved, 41)); // cumulative: 541 > 540
        QCOMPARE(budget.used(Source::Retrieved), 500);
        QVERIFY(budget.charge(Source::Retrieved, 40)); // exactly to the cap
        QCOMPARE(budget.left(Source::Retrieved), 0);
        // Whatever the chunks took is gone for later user-added items too.
        QCOMPARE(budget.left(Source::User), 1001 - 101 - 540);
        QVERIFY(!budget.charge(Source::User, 361));
        QVERIFY(budget.charge(Source::User, 360));
        QCOMPARE(budget.left(Source::User), 0);
    }

    void separateMode()
    {
        ContextBudget budget(Window::forModel(45000), 14000);
        QCOMPARE(budget.remaining(), 1000);
        QCOMPARE(budget.budget(Source::User), 30000);
        QCOMPARE(budget.budget(Source::Retrieved), 600);
        QVERIFY(budget.charge(Source::User, 29000)); // far beyond the chat's 1000
        QCOMPARE(budget.budget(Source::Retrieved), 600); // unaffected
        QVERIFY(!budget.charge(Source::User, 1001));
        QVERIFY(budget.charge(Source::User, 1000));
        QVERIFY(budget.charge(Source::Retrieved, 600));
        QVERIFY(!budget.charge(Source::Retrieved, 1));
    }

    void overfullChatLeavesNothing()
    {
        ContextBudget budget(Window {100, 0}, 250);
        QCOMPARE(budget.remaining(), 0);
        QCOMPARE(budget.budget(Source::Retrieved), 0);
        QVERIFY(!budget.charge(Source::User, 1));
        QVERIFY(budget.charge(Source::User, 0));
    }

    void itemTokensChargeTheAcknowledgementToo()
    {
        // "abcd": 1 token + 4 overhead; "Ok.": 1 + 4.
        QCOMPARE(ContextBudget::itemTokens(u"abcd"_s), 10);
        QCOMPARE(ContextBudget::itemTokens(u"abcde"_s), 11);
    }

    void exceeds()
    {
        QCOMPARE(ContextBudget::exceeds(1200, 800),
            u"would exceed the context budget: about 1200 tokens, 800 left"_s);
        QCOMPARE(ContextBudget::exceeds(12, -3),
            u"would exceed the context budget: about 12 tokens, 0 left"_s);
    }
};

QTEST_GUILESS_MAIN(TestContextBudget)
#include "tst_contextbudget.moc"
