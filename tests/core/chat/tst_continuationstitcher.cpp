// SPDX-License-Identifier: Apache-2.0
#include "chat/continuationstitcher.h"

#include <QTest>

using namespace Qt::StringLiterals;
using cody::ContinuationStitcher;

class TestContinuationStitcher : public QObject
{
    Q_OBJECT

private:
    // Feeds segments (each a list of deltas) and returns what the caller was shown.
    static QString run(ContinuationStitcher &stitcher, const QList<QStringList> &segments)
    {
        QString shown;
        for (qsizetype i = 0; i < segments.size(); ++i) {
            if (i > 0)
                stitcher.beginContinuation();
            for (const auto &delta : segments.at(i))
                shown += stitcher.feed(delta);
            if (i + 1 < segments.size())
                shown += stitcher.endSegment();
        }
        shown += stitcher.finish();
        return shown;
    }

private Q_SLOTS:
    void stitchesSegments_data()
    {
        QTest::addColumn<QList<QStringList>>("segments");
        QTest::addColumn<QString>("expected");

        QTest::newRow("single segment")
            << QList<QStringList> {{u"Hello"_s, u", world"_s}} << u"Hello, world"_s;
        QTest::newRow("trailing whitespace of the last segment is kept")
            << QList<QStringList> {{u"Hello "_s, u"\n"_s}} << u"Hello \n"_s;
        QTest::newRow("continuation resumes with its own space") << QList<QStringList> {
            {u"The quick "_s}, {u" brown fox"_s}} << u"The quick brown fox"_s;
        QTest::newRow("continuation resumes without a space: ours is kept")
            << QList<QStringList> {{u"The quick "_s}, {u"brown fox"_s}} << u"The quick brown fox"_s;
        QTest::newRow("mid-word cut")
            << QList<QStringList> {{u"The qu"_s}, {u"ick brown"_s}} << u"The quick brown"_s;
        QTest::newRow("paragraph break held and replaced")
            << QList<QStringList> {{u"First paragraph.\n\n"_s}, {u"\n\nSecond."_s}}
            << u"First paragraph.\n\nSecond."_s;
        QTest::newRow("repeated tail removed")
            << QList<QStringList> {{u"The quick brown fox jumps "_s},
                   {u"brown fox jumps over the lazy dog."_s}}
            << u"The quick brown fox jumps over the lazy dog."_s;
        QTest::newRow("repeated tail after leading space removed")
            << QList<QStringList> {{u"The quick brown fox jumps"_s},
                   {u" brown fox jumps over the lazy dog."_s}}
            << u"The quick brown fox jumps over the lazy dog."_s;
        QTest::newRow("repeat split over many deltas") << QList<QStringList> {
            {u"Alpha beta gamma delta"_s},
            {u" gam"_s, u"ma de"_s, u"lta epsilon"_s}} << u"Alpha beta gamma delta epsilon"_s;
        QTest::newRow("short coincidental overlap is not removed")
            << QList<QStringList> {{u"I said no"_s}, {u" no more."_s}} << u"I said no no more."_s;
        QTest::newRow("three segments")
            << QList<QStringList> {{u"one "_s}, {u"two "_s}, {u"three"_s}} << u"one two three"_s;
        QTest::newRow("repetitive data is never cut (no overlap removal)")
            << QList<QStringList> {{u"{0x00, 0x00, 0x00, 0x00, 0x00, 0x00,"_s},
                   {u" 0x00, 0x00, 0x00, 0x00, 0x01};"_s}}
            << u"{0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x01};"_s;
        QTest::newRow("closing braces are never cut") << QList<QStringList> {{u"}\n}\n}\n}\n}"_s},
            {u"\n}\n}\n}\n}\n}"_s}} << u"}\n}\n}\n}\n}\n}\n}\n}\n}\n}"_s;
        QTest::newRow("repeat with its spaces reflowed into line breaks removed")
            << QList<QStringList> {{u"The quick brown fox jumps "_s},
                   {u"quick\nbrown\nfox\njumps over the lazy dog."_s}}
            << u"The quick brown fox jumps over the lazy dog."_s;
        QTest::newRow("repeat with a paragraph break collapsed removed")
            << QList<QStringList> {{u"End of the first part.\n\nThe second"_s},
                   {u"first part. The second part begins."_s}}
            << u"End of the first part.\n\nThe second part begins."_s;
        QTest::newRow("a different restatement is kept whole")
            << QList<QStringList> {{u"The quick brown fox jumps"_s},
                   {u" The fast brown fox jumps over."_s}}
            << u"The quick brown fox jumps The fast brown fox jumps over."_s;
        QTest::newRow("non-ASCII")
            << QList<QStringList> {{u"Grüße aus "_s}, {u"世界 🎉"_s}} << u"Grüße aus 世界 🎉"_s;
    }

    void stitchesSegments()
    {
        QFETCH(QList<QStringList>, segments);
        QFETCH(QString, expected);
        ContinuationStitcher stitcher;
        QCOMPARE(run(stitcher, segments), expected);
        QCOMPARE(stitcher.text(), expected);
    }

    void continuationPrefixHasNoTrailingWhitespace()
    {
        ContinuationStitcher stitcher;
        stitcher.feed(u"Some text \n "_s);
        stitcher.endSegment();
        QCOMPARE(stitcher.continuationPrefix(), u"Some text"_s);
    }

    void headIsHeldUntilTheWindowFills()
    {
        ContinuationStitcher stitcher(10, 4);
        QCOMPARE(stitcher.feed(u"abc"_s), u"abc"_s);
        stitcher.endSegment();
        stitcher.beginContinuation();
        QCOMPARE(stitcher.feed(u"defg"_s), QString());
        QCOMPARE(stitcher.feed(u"hijklm"_s), u"defghijklm"_s);
        QCOMPARE(stitcher.feed(u"n"_s), u"n"_s);
    }

    void progressGuard_data()
    {
        QTest::addColumn<QString>("first");
        QTest::addColumn<QString>("second");
        QTest::addColumn<bool>("progress");
        QTest::newRow("new text") << u"Hello there "_s << u"General Kenobi"_s << true;
        QTest::newRow("empty") << u"Hello there "_s << QString() << false;
        QTest::newRow("whitespace only") << u"Hello there"_s << u" \n "_s << false;
        QTest::newRow("same text again")
            << u"I keep saying the same thing. "_s << u"I keep saying the same thing. "_s << false;
        QTest::newRow("restart from the beginning")
            << u"Step one: open the file and read the header. Step two: read it. "_s
            << u"Step one: open the file and read the header."_s << false;
        QTest::newRow("a short segment that also appears earlier is progress")
            << u"The end. Or is it? Not yet. "_s << u"The end."_s << true;
    }

    void progressGuard()
    {
        QFETCH(QString, first);
        QFETCH(QString, second);
        QFETCH(bool, progress);
        ContinuationStitcher stitcher;
        stitcher.feed(first);
        stitcher.endSegment();
        QVERIFY(stitcher.lastSegmentMadeProgress() || first.trimmed().isEmpty());
        stitcher.beginContinuation();
        stitcher.feed(second);
        stitcher.endSegment();
        QCOMPARE(stitcher.lastSegmentMadeProgress(), progress);
    }

    void firstSegmentWithoutTextMakesNoProgress()
    {
        ContinuationStitcher stitcher;
        stitcher.endSegment();
        QVERIFY(!stitcher.lastSegmentMadeProgress());
    }

    void cancelledHeadIsReleased()
    {
        ContinuationStitcher stitcher;
        stitcher.feed(u"Start "_s);
        stitcher.endSegment();
        stitcher.beginContinuation();
        QCOMPARE(stitcher.feed(u"more"_s), QString());
        QCOMPARE(stitcher.finish(), u" more"_s);
        QCOMPARE(stitcher.text(), u"Start more"_s);
    }
};

QTEST_GUILESS_MAIN(TestContinuationStitcher)
#include "tst_continuationstitcher.moc"
