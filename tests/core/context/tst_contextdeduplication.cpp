// SPDX-License-Identifier: Apache-2.0
#include "context/contextdeduplication.h"
#include "prompttestsupport.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace cody::test;
using cody::ContextDeduplication;
using cody::ContextItem;

Q_DECLARE_METATYPE(ContextItem)

namespace {

const QString Repo = u"github.com/sourcegraph/cody"_s;

ContextItem user(ContextItem item)
{
    item.source = ContextItem::Source::User;
    return item;
}

} // namespace

class TestContextDeduplication : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void duplicateOf_data()
    {
        QTest::addColumn<ContextItem>("kept");
        QTest::addColumn<ContextItem>("candidate");
        QTest::addColumn<bool>("duplicate");

        const ContextItem whole = user(remoteFile(Repo, u"agent/README.md"_s, u"all\n"_s));
        QTest::newRow("whole file suppresses a later chunk of it")
            << whole << chunk(Repo, u"agent/README.md"_s, u"part\n"_s, 52, 72) << true;
        QTest::newRow("... also with a leading slash")
            << whole << chunk(Repo, u"/agent/README.md"_s, u"part\n"_s, 52, 72) << true;
        QTest::newRow("... not a chunk of another repository's file")
            << whole
            << chunk(u"github.com/sourcegraph/sourcegraph"_s, u"agent/README.md"_s, u"part\n"_s, 52,
                   72)
            << false;
        QTest::newRow("... not a chunk of another file")
            << whole << chunk(Repo, u"agent/README.txt"_s, u"part\n"_s) << false;
        QTest::newRow("whole file, the same again") << whole << whole << true;
        QTest::newRow("whole file, then a range the user picked (FX/32)")
            << whole << user(remoteFile(Repo, u"agent/README.md"_s, u"x\n"_s, 1, 6)) << false;
        QTest::newRow("overlapping chunks") << chunk(Repo, u"a.go"_s, u"x\n"_s, 1, 20)
                                            << chunk(Repo, u"a.go"_s, u"y\n"_s, 13, 32) << true;
        QTest::newRow("touching on one line") << chunk(Repo, u"a.go"_s, u"x\n"_s, 1, 20)
                                              << chunk(Repo, u"a.go"_s, u"y\n"_s, 20, 40) << true;
        QTest::newRow("contained") << chunk(Repo, u"a.go"_s, u"x\n"_s, 1, 60)
                                   << chunk(Repo, u"a.go"_s, u"y\n"_s, 3, 19) << true;
        QTest::newRow("containing") << chunk(Repo, u"a.go"_s, u"x\n"_s, 3, 19)
                                    << chunk(Repo, u"a.go"_s, u"y\n"_s, 1, 60) << true;
        QTest::newRow("same lines") << chunk(Repo, u"a.go"_s, u"x\n"_s, 1, 20)
                                    << chunk(Repo, u"a.go"_s, u"x\n"_s, 1, 20) << true;
        QTest::newRow("disjoint chunks") << chunk(Repo, u"a.go"_s, u"x\n"_s, 1, 20)
                                         << chunk(Repo, u"a.go"_s, u"y\n"_s, 21, 40) << false;
        QTest::newRow("user range, then a chunk over it")
            << user(remoteFile(Repo, u"a.go"_s, u"x\n"_s, 5, 9))
            << chunk(Repo, u"a.go"_s, u"y\n"_s, 1, 20) << true;
        QTest::newRow("two user ranges that overlap")
            << user(remoteFile(Repo, u"a.go"_s, u"x\n"_s, 5, 9))
            << user(remoteFile(Repo, u"a.go"_s, u"y\n"_s, 9, 12)) << true;
        QTest::newRow("a range, then the whole file: not a repeat")
            << chunk(Repo, u"a.go"_s, u"x\n"_s, 1, 20)
            << user(remoteFile(Repo, u"a.go"_s, u"y\n"_s)) << false;
        QTest::newRow("local files by path")
            << localFile(u"/src/a.go"_s, u"x\n"_s) << localFile(u"/src/./a.go"_s, u"x\n"_s) << true;
        QTest::newRow("local and remote are different files")
            << localFile(u"a.go"_s, u"x\n"_s) << chunk(Repo, u"a.go"_s, u"x\n"_s) << false;
        QTest::newRow("repositories are never repeats")
            << repository(Repo) << repository(Repo) << false;
    }

    void duplicateOf()
    {
        QFETCH(ContextItem, kept);
        QFETCH(ContextItem, candidate);
        QFETCH(bool, duplicate);
        const ContextItem other = chunk(u"github.com/x/y"_s, u"z.go"_s, u"z\n"_s);
        QCOMPARE(ContextDeduplication::duplicateOf(candidate, {other, kept}), duplicate ? 1 : -1);
        QCOMPARE(ContextDeduplication::duplicateOf(candidate, {}), -1);
    }

    void rangesOverlap()
    {
        const ContextItem whole = chunk(Repo, u"a.go"_s, u"x\n"_s, 0, 0);
        QVERIFY(!ContextDeduplication::rangesOverlap(whole, whole));
        QVERIFY(ContextDeduplication::rangesOverlap(
            chunk(Repo, u"a.go"_s, u"x\n"_s, 4, 4), chunk(Repo, u"a.go"_s, u"x\n"_s, 1, 4)));
    }
};

QTEST_GUILESS_MAIN(TestContextDeduplication)
#include "tst_contextdeduplication.moc"
