// SPDX-License-Identifier: Apache-2.0
#include "context/transcriptfit.h"

#include <QTest>

using namespace Qt::StringLiterals;
using cody::ChatMessage;
using cody::TranscriptFit;

namespace {

constexpr auto H = ChatMessage::Speaker::Human;
constexpr auto A = ChatMessage::Speaker::Assistant;

// 40 characters: 10 tokens + 4 overhead.
constexpr qint64 Chars = 40;
constexpr qint64 Tokens = 14;

QList<TranscriptFit::MessageSize> turns(std::initializer_list<ChatMessage::Speaker> speakers)
{
    QList<TranscriptFit::MessageSize> sizes;
    for (const auto speaker : speakers)
        sizes.append({speaker, Chars});
    return sizes;
}

} // namespace

class TestTranscriptFit : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void keepsNewestWholeTurnsBesideFixedTokens_data()
    {
        QTest::addColumn<qint64>("fixed");
        QTest::addColumn<qint64>("budget");
        QTest::addColumn<qsizetype>("start");
        QTest::addColumn<bool>("fits");
        // H A H A H: the question is message 4; turns start at 0 and 2.
        QTest::newRow("everything") << 100LL << 100 + 5 * Tokens << qsizetype(0) << true;
        QTest::newRow("one token short: the oldest turn goes")
            << 100LL << 100 + 5 * Tokens - 1 << qsizetype(2) << true;
        QTest::newRow("question only") << 100LL << 100 + 3 * Tokens - 1 << qsizetype(4) << true;
        QTest::newRow("question exactly") << 100LL << 100 + Tokens << qsizetype(4) << true;
        QTest::newRow("question too long") << 100LL << 100 + Tokens - 1 << qsizetype(4) << false;
        QTest::newRow("the fixed part alone too long") << 100LL << 99LL << qsizetype(4) << false;
    }

    void keepsNewestWholeTurnsBesideFixedTokens()
    {
        QFETCH(qint64, fixed);
        QFETCH(qint64, budget);
        QFETCH(qsizetype, start);
        QFETCH(bool, fits);
        const auto kept = TranscriptFit::fit(turns({H, A, H, A, H}), 0, fixed, budget);
        QCOMPARE(kept.questionStart, 4);
        QCOMPARE(kept.start, start);
        QCOMPARE(kept.fits, fits);
        QCOMPARE(kept.tokens, fixed + (5 - start) * Tokens);
    }

    void questionIncludesWhatFollowsIt()
    {
        // A reply being continued is part of the question.
        const auto kept = TranscriptFit::fit(turns({H, A, H, A}), 0, 0, 2 * Tokens);
        QCOMPARE(kept.questionStart, 2);
        QCOMPARE(kept.start, 2);
        QCOMPARE(kept.tokens, 2 * Tokens);
    }

    void messagesBeforeFirstAreNotFitted()
    {
        const auto kept = TranscriptFit::fit(turns({H, H, A, H}), 1, 0, 100 * Tokens);
        QCOMPARE(kept.start, 1);
        QCOMPARE(kept.tokens, 3 * Tokens);
    }

    void sizesOf()
    {
        const auto sizes = TranscriptFit::sizesOf({{A, u"abc"_s}, {H, QString()}});
        QCOMPARE(sizes.size(), 2);
        QCOMPARE(sizes.at(0).speaker, A);
        QCOMPARE(sizes.at(0).characters, 3);
        QCOMPARE(sizes.at(1).characters, 0);
    }
};

QTEST_GUILESS_MAIN(TestTranscriptFit)
#include "tst_transcriptfit.moc"
