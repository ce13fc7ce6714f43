// SPDX-License-Identifier: Apache-2.0
// The rows of the @-mention popup: what each shows and says, and that one that cannot be added
// is neither enabled nor selectable.
#include "ui/chat/mentionlistmodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace cody;

namespace {

ContextItem item(ContextItem::Kind kind, const QString &path = {}, int start = 0, int end = 0)
{
    ContextItem result;
    result.kind = kind;
    result.repoName = u"github.com/o/r"_s;
    result.path = path;
    result.startLine = start;
    result.endLine = end;
    return result;
}

} // namespace

class TestMentionListModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void showsEachRow()
    {
        MentionListModel model;
        QAbstractItemModelTester tester(
            &model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        model.setEntries({
            {item(ContextItem::Kind::Repository), {}},
            {item(ContextItem::Kind::Repository), u"excluded by the context filters"_s},
            {item(ContextItem::Kind::RemoteFolder, u"src/core"_s), {}},
            {item(ContextItem::Kind::RemoteFile, u"src/core/a.cpp"_s, 3, 7), {}},
            {item(ContextItem::Kind::RemoteFile, u"README.md"_s), {}},
        });
        QCOMPARE(reset.size(), 1);
        QCOMPARE(model.rowCount(), 5);
        const auto at = [&model](int row, int role) { return model.index(row).data(role); };

        QCOMPARE(at(0, Qt::DisplayRole).toString(), u"github.com/o/r"_s);
        QCOMPARE(at(0, MentionListModel::NameRole).toString(), u"github.com/o/r"_s);
        QVERIFY(at(0, MentionListModel::DetailRole).toString().isEmpty());
        QCOMPARE(at(0, Qt::AccessibleTextRole).toString(), u"github.com/o/r, repository"_s);
        QVERIFY(model.flags(model.index(0)) & Qt::ItemIsEnabled);

        QCOMPARE(
            at(1, MentionListModel::DetailRole).toString(), u"excluded by the context filters"_s);
        QCOMPARE(at(1, Qt::ToolTipRole).toString(),
            u"github.com/o/r cannot be added: excluded by the context filters"_s);
        QCOMPARE(at(1, Qt::AccessibleTextRole).toString(),
            u"github.com/o/r, repository, unavailable: excluded by the context filters"_s);
        QVERIFY(!(model.flags(model.index(1)) & (Qt::ItemIsEnabled | Qt::ItemIsSelectable)));
        QVERIFY(!at(1, MentionListModel::AvailableRole).toBool());

        QCOMPARE(at(2, Qt::DisplayRole).toString(), u"src/core/"_s);
        QCOMPARE(at(2, MentionListModel::NameRole).toString(), u"core/"_s);
        QCOMPARE(at(2, MentionListModel::FolderRole).toString(), u"src"_s);

        QCOMPARE(at(3, Qt::DisplayRole).toString(), u"src/core/a.cpp:3-7"_s);
        QCOMPARE(at(3, MentionListModel::NameRole).toString(), u"a.cpp"_s);
        QCOMPARE(at(3, MentionListModel::FolderRole).toString(), u"src/core"_s);
        QCOMPARE(at(3, MentionListModel::DetailRole).toString(), u"lines 3–7"_s);
        QCOMPARE(at(3, MentionListModel::KindRole).toInt(), int(ContextItem::Kind::RemoteFile));

        QCOMPARE(at(4, MentionListModel::NameRole).toString(), u"README.md"_s);
        QVERIFY(at(4, MentionListModel::FolderRole).toString().isEmpty());

        model.setEntries({});
        QCOMPARE(model.rowCount(), 0);
    }
};

QTEST_GUILESS_MAIN(TestMentionListModel)
#include "tst_mentionlistmodel.moc"
