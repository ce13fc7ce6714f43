// SPDX-License-Identifier: Apache-2.0
// SearchSnippet: the words around the first match, matches marked, folded as the index folds.
#include "history/searchsnippet.h"

#include <QTest>

using namespace Qt::StringLiterals;
using cody::SearchSnippet;

class TestSearchSnippet : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void make_data();
    void make();
    void fold();
};

void TestSearchSnippet::make_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("words");
    QTest::addColumn<bool>("prefix");
    QTest::addColumn<int>("length");
    QTest::addColumn<QString>("expected");

    QTest::newRow("whole text") << u"Use the QSQLITE driver."_s << QStringList {u"driver"_s}
                                << false << 16 << u"Use the QSQLITE [[driver]]."_s;
    QTest::newRow("cut on both sides")
        << u"one two three four five six seven eight nine ten"_s << QStringList {u"six"_s} << false
        << 4 << u"…five [[six]] seven eight…"_s;
    QTest::newRow("match near the end keeps the length")
        << u"one two three four five six"_s << QStringList {u"six"_s} << false << 3
        << u"…four five [[six]]"_s;
    QTest::newRow("every match marked") << u"Otters, otters; OTTERS!"_s << QStringList {u"otters"_s}
                                        << false << 16 << u"[[Otters]], [[otters]]; [[OTTERS]]!"_s;
    QTest::newRow("prefix, last word only")
        << u"a refactor of the reference"_s << QStringList {u"of"_s, u"ref"_s} << true << 16
        << u"a [[refactor]] [[of]] the [[reference]]"_s;
    QTest::newRow("a prefix is whole when not the last word")
        << u"ref refactor"_s << QStringList {u"ref"_s, u"zz"_s} << true << 16
        << u"[[ref]] refactor"_s;
    QTest::newRow("diacritics and case") << u"Lunch at the Café"_s << QStringList {u"CAFE"_s}
                                         << false << 16 << u"Lunch at the [[Café]]"_s;
    QTest::newRow("typed with diacritics")
        << u"a naive plan"_s << QStringList {u"naïv"_s} << true << 16 << u"a [[naive]] plan"_s;
    QTest::newRow("a word of two tokens") << u"see x-prelude here"_s << QStringList {u"x-pre"_s}
                                          << true << 16 << u"see [[x]]-[[prelude]] here"_s;
    QTest::newRow("no match: the start")
        << u"alpha beta gamma delta"_s << QStringList {u"zeta"_s} << false << 2 << u"alpha beta…"_s;
    QTest::newRow("no words at all")
        << u" -- "_s << QStringList {u"x"_s} << false << 16 << QString();
}

void TestSearchSnippet::make()
{
    QFETCH(QString, text);
    QFETCH(QStringList, words);
    QFETCH(bool, prefix);
    QFETCH(int, length);
    QFETCH(QString, expected);
    QCOMPARE(SearchSnippet(words, prefix).make(text, length), expected);
}

void TestSearchSnippet::fold()
{
    QCOMPARE(SearchSnippet::fold(u"Ünïcödé"), u"unicode"_s);
    QCOMPARE(SearchSnippet::fold(u"ABC123"), u"abc123"_s);
}

QTEST_GUILESS_MAIN(TestSearchSnippet)
#include "tst_searchsnippet.moc"
