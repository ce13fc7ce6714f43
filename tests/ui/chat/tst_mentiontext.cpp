// SPDX-License-Identifier: Apache-2.0
// Reading the @-mention being typed: where it starts and ends, the repository, the path in it
// and a line range, and what is no mention at all.
#include "ui/chat/mentiontext.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace cody;

class TestMentionText : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void reads_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("cursor"); // -1: at the end
        QTest::addColumn<int>("start"); // -1: no mention
        QTest::addColumn<int>("end");
        QTest::addColumn<QString>("repository");
        QTest::addColumn<bool>("inRepository");
        QTest::addColumn<QString>("path");
        QTest::addColumn<bool>("hasRange");
        QTest::addColumn<int>("startLine");
        QTest::addColumn<int>("endLine");
        QTest::addColumn<bool>("complete");
        QTest::addColumn<QString>("problem");

        const QString repo = u"github.com/o/r"_s;
        QTest::newRow("nothing") << QString() << -1 << -1 << 0 << QString() << false << QString()
                                 << false << 0 << 0 << false << QString();
        QTest::newRow("@ alone") << u"@"_s << -1 << 0 << 1 << QString() << false << QString()
                                 << false << 0 << 0 << false << QString();
        QTest::newRow("after words") << u"what is @co"_s << -1 << 8 << 11 << u"co"_s << false
                                     << QString() << false << 0 << 0 << false << QString();
        QTest::newRow("after a new line") << u"line\n@re"_s << -1 << 5 << 8 << u"re"_s << false
                                          << QString() << false << 0 << 0 << false << QString();
        QTest::newRow("an e-mail address is none")
            << u"mail a@b.com"_s << -1 << -1 << 0 << QString() << false << QString() << false << 0
            << 0 << false << QString();
        QTest::newRow("caret before the @") << u"@abc"_s << 0 << -1 << 0 << QString() << false
                                            << QString() << false << 0 << 0 << false << QString();
        QTest::newRow("caret after a space") << u"@abc "_s << -1 << -1 << 0 << QString() << false
                                             << QString() << false << 0 << 0 << false << QString();
        QTest::newRow("caret inside: all of it")
            << u"@cody here"_s << 2 << 0 << 5 << u"cody"_s << false << QString() << false << 0 << 0
            << false << QString();
        QTest::newRow("the last of two") << u"x @a @b"_s << -1 << 5 << 7 << u"b"_s << false
                                         << QString() << false << 0 << 0 << false << QString();
        QTest::newRow("into a repository") << u"@%1:"_s.arg(repo) << -1 << 0 << 16 << repo << true
                                           << QString() << false << 0 << 0 << false << QString();
        QTest::newRow("a path") << u"@%1:src/ma"_s.arg(repo) << -1 << 0 << 22 << repo << true
                                << u"src/ma"_s << false << 0 << 0 << false << QString();
        QTest::newRow("lines") << u"@%1:src/a.go:10-20"_s.arg(repo) << -1 << 0 << 30 << repo << true
                               << u"src/a.go"_s << true << 10 << 20 << true << QString();
        QTest::newRow("one line") << u"@%1:src/a.go:10"_s.arg(repo) << -1 << 0 << 27 << repo << true
                                  << u"src/a.go"_s << true << 10 << 10 << true << QString();
        QTest::newRow("lines to come")
            << u"@%1:src/a.go:"_s.arg(repo) << -1 << 0 << 25 << repo << true << u"src/a.go"_s
            << true << 0 << 0 << false << QString();
        QTest::newRow("an end to come")
            << u"@%1:src/a.go:10-"_s.arg(repo) << -1 << 0 << 28 << repo << true << u"src/a.go"_s
            << true << 10 << 0 << false << QString();
        QTest::newRow("backwards")
            << u"@%1:src/a.go:20-10"_s.arg(repo) << -1 << 0 << 30 << repo << true << u"src/a.go"_s
            << true << 20 << 10 << false << u"the range 20-10 ends before it starts"_s;
        QTest::newRow("line 0") << u"@%1:src/a.go:0-3"_s.arg(repo) << -1 << 0 << 28 << repo << true
                                << u"src/a.go"_s << true << 0 << 3 << false
                                << u"lines are counted from 1"_s;
        QTest::newRow("not lines")
            << u"@%1:src/a.go:x"_s.arg(repo) << -1 << 0 << 26 << repo << true << u"src/a.go"_s
            << true << 0 << 0 << false << u"\"x\" is not a line range; type 10 or 10-20"_s;
    }

    void reads()
    {
        QFETCH(QString, text);
        QFETCH(int, cursor);
        QFETCH(int, start);
        const auto mention = MentionText::at(text, cursor < 0 ? int(text.size()) : cursor);
        QCOMPARE(mention.has_value(), start >= 0);
        if (!mention)
            return;
        QTEST(mention->start, "start");
        QTEST(mention->end, "end");
        QTEST(mention->repository, "repository");
        QTEST(mention->inRepository, "inRepository");
        QTEST(mention->path, "path");
        QTEST(mention->hasRange, "hasRange");
        QTEST(mention->startLine, "startLine");
        QTEST(mention->endLine, "endLine");
        QTEST(mention->rangeComplete(), "complete");
        QTEST(mention->rangeProblem, "problem");
    }

    void writesWhatItReads()
    {
        QCOMPARE(MentionText::typed(u"github.com/o/r"_s), u"@github.com/o/r"_s);
        QCOMPARE(MentionText::typed(u"github.com/o/r"_s, u""_s), u"@github.com/o/r:"_s);
        const QString typed = MentionText::typed(u"github.com/o/r"_s, u"src/"_s);
        QCOMPARE(typed, u"@github.com/o/r:src/"_s);
        const auto mention = MentionText::at(typed, int(typed.size()));
        QVERIFY(mention && mention->inRepository);
        QCOMPARE(mention->path, u"src/"_s);
    }
};

QTEST_GUILESS_MAIN(TestMentionText)
#include "tst_mentiontext.moc"
