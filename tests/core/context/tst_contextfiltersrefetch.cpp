// SPDX-License-Identifier: Apache-2.0
#include "context/contextfiltersrefetch.h"

#include <QTest>

using cody::ContextFiltersRefetch;
using Hint = ContextFiltersRefetch::Hint;
using namespace std::chrono_literals;

class TestContextFiltersRefetch : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void hourAfterAnAnswer()
    {
        ContextFiltersRefetch refetch;
        QCOMPARE(refetch.next(Hint::Durable), std::chrono::milliseconds(1h));
        QCOMPARE(refetch.next(Hint::Durable), std::chrono::milliseconds(1h)); // no backoff
    }

    void sevenSecondsGrowingAfterFailures()
    {
        ContextFiltersRefetch refetch;
        QCOMPARE(refetch.next(Hint::Transient), 7000ms);
        QCOMPARE(refetch.next(Hint::Transient), 10500ms);
        QCOMPARE(refetch.next(Hint::Transient), 15750ms);
        QCOMPARE(refetch.next(Hint::Transient), 23625ms);
        // An answer resets the backoff; the next failure starts at 7 s again.
        QCOMPARE(refetch.next(Hint::Durable), std::chrono::milliseconds(1h));
        QCOMPARE(refetch.next(Hint::Transient), 7000ms);
    }

    void backoffStopsAtTheHour()
    {
        ContextFiltersRefetch refetch;
        std::chrono::milliseconds delay {0};
        for (int i = 0; i < 40; ++i) {
            const auto next = refetch.next(Hint::Transient);
            QVERIFY(next >= delay);
            delay = next;
        }
        QCOMPARE(delay, std::chrono::milliseconds(1h));
    }
};

QTEST_GUILESS_MAIN(TestContextFiltersRefetch)
#include "tst_contextfiltersrefetch.moc"
