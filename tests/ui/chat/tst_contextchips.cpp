// SPDX-License-Identifier: Apache-2.0
// The chips above the message box and the budget meter beside them, driven as a person would:
// clicking × and pressing Delete or Backspace on a focused chip.
#include "ui/chat/contextbudgetmeter.h"
#include "ui/chat/contextchips.h"

#include <QSignalSpy>
#include <QTest>
#include <QToolButton>

using namespace Qt::StringLiterals;
using namespace cody;

namespace {

ContextItem file(const QString &path, int start = 0, int end = 0)
{
    ContextItem item;
    item.repoName = u"github.com/o/r"_s;
    item.path = path;
    item.startLine = start;
    item.endLine = end;
    return item;
}

ContextItem repository(const QString &name)
{
    ContextItem item;
    item.kind = ContextItem::Kind::Repository;
    item.repoName = name;
    return item;
}

QList<QToolButton *> chips(const ContextChips &bar)
{
    QList<QToolButton *> result;
    for (int i = 0;; ++i) {
        auto *chip = bar.findChild<QToolButton *>(u"contextChip%1"_s.arg(i));
        if (!chip)
            return result;
        result.append(chip);
    }
}

} // namespace

class TestContextChips : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void showsEachItem()
    {
        ContextChips bar;
        QVERIFY(bar.isHidden());
        ContextItem range = file(u"src/main.cpp"_s, 10, 20);
        range.tokens = 1200;
        bar.setItems({repository(u"github.com/o/r"_s), range});
        QVERIFY(!bar.isHidden());
        const QList<QToolButton *> shown = chips(bar);
        QCOMPARE(shown.size(), 2);
        QVERIFY(shown.at(0)->text().startsWith(u"github.com/o/r"_s));
        // Compact: the path in the repository; the tooltip names the repository too.
        QVERIFY2(shown.at(1)->text().startsWith(u"src/main.cpp:10-20 · about 1,200 tokens"_s),
            qPrintable(shown.at(1)->text()));
        QVERIFY(shown.at(1)->toolTip().startsWith(
            u"github.com/o/r/src/main.cpp:10-20 · about 1,200 tokens"_s));
        QCOMPARE(ContextChips::chipText(bar.items().at(1)),
            u"github.com/o/r/src/main.cpp:10-20 · about 1,200 tokens"_s);
        QCOMPARE(shown.at(1)->accessibleName(), u"file src/main.cpp:10-20"_s);
    }

    void addingTheSameItemTwiceKeepsOne()
    {
        ContextChips bar;
        QSignalSpy changed(&bar, &ContextChips::itemsChanged);
        bar.addItem(file(u"a.cpp"_s));
        bar.addItem(file(u"a.cpp"_s));
        bar.addItem(file(u"a.cpp"_s, 1, 5)); // a range of it is another item
        QCOMPARE(bar.items().size(), 2);
        QCOMPARE(changed.size(), 2);
    }

    void removedByClickOrKey()
    {
        ContextChips bar;
        bar.setItems({file(u"a.cpp"_s), file(u"b.cpp"_s), file(u"c.cpp"_s)});
        bar.show();
        QVERIFY(QTest::qWaitForWindowExposed(&bar));
        QSignalSpy changed(&bar, &ContextChips::itemsChanged);

        QTest::mouseClick(chips(bar).at(1), Qt::LeftButton);
        QCOMPARE(bar.items().size(), 2);
        QCOMPARE(bar.items().at(1).path, u"c.cpp"_s);
        QCOMPARE(changed.size(), 1);

        // By keyboard alone: the focused chip goes, and the focus stays in the bar.
        chips(bar).at(0)->setFocus();
        QTest::keyClick(chips(bar).at(0), Qt::Key_Delete);
        QCOMPARE(bar.items().size(), 1);
        QCOMPARE(bar.items().at(0).path, u"c.cpp"_s);
        QTRY_VERIFY(chips(bar).at(0)->hasFocus());
        QTest::keyClick(chips(bar).at(0), Qt::Key_Backspace);
        QVERIFY(bar.items().isEmpty());
        QVERIFY(bar.isHidden());
        QCOMPARE(changed.size(), 3);
    }

    void saysWhyAnItemWouldBeLeftOut()
    {
        ContextChips bar;
        bar.setItems({file(u"big.log"_s), file(u"small.cpp"_s)});
        QList<ContextItem> measured = bar.items();
        measured[0].tokens = 9000;
        measured[0].omittedReason = u"would exceed the context budget"_s;
        measured[1].tokens = 40;
        bar.setMeasured(measured);
        const QList<QToolButton *> shown = chips(bar);
        QVERIFY(shown.at(0)->property("leftOut").toBool());
        QVERIFY(shown.at(0)->toolTip().contains(u"would exceed the context budget"_s));
        QVERIFY(!shown.at(1)->property("leftOut").toBool());
        QVERIFY(shown.at(1)->text().contains(u"about 40 tokens"_s));
        bar.setMeasured({}); // a measure of other items changes nothing
        QCOMPARE(bar.items().at(0).tokens, 9000);
    }

    void meterWarnsBeforeAnythingIsLeftOut()
    {
        ContextBudgetMeter meter;
        meter.setMeasure(0, 0, 0, 0);
        QVERIFY(meter.isHidden());
        meter.setMeasure(3200, 15000, 0, 0);
        QVERIFY(!meter.isHidden());
        QCOMPARE(meter.text(), u"About 3,200 of 15,000 tokens"_s);
        QVERIFY(!meter.warns());
        meter.setMeasure(14900, 15000, 2, 3);
        QVERIFY(meter.warns());
        QCOMPARE(meter.text(),
            u"About 14,900 of 15,000 tokens · 2 context items would be left "
            u"out · 3 earlier messages not sent"_s);
        meter.setMeasure(100, 15000, 1, 0);
        QVERIFY(meter.text().endsWith(u"1 context item would be left out"_s));
    }
};

QTEST_MAIN(TestContextChips)
#include "tst_contextchips.moc"
