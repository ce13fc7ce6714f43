// SPDX-License-Identifier: Apache-2.0
#include "cody/contextitem.h"

#include <QTest>

using namespace Qt::StringLiterals;
using cody::ContextItem;

Q_DECLARE_METATYPE(ContextItem)

class TestContextItem : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTripsThroughJson_data()
    {
        QTest::addColumn<ContextItem>("item");
        ContextItem range;
        range.repoName = u"github.com/sourcegraph/cody"_s;
        range.repoId = u"UmVwb3NpdG9yeTozOTk="_s;
        range.path = u"vscode/src/chat/chat-view/ChatController.ts"_s;
        range.revision = u"fdcc8a18"_s;
        range.startLine = 157;
        range.endLine = 181;
        range.content = u"/**\n * ChatController\n */\n"_s;
        range.tokens = 12;
        range.sent = true;
        range.url = QUrl(u"https://sourcegraph.example/github.com/sourcegraph/cody/-/blob/x"_s);
        QTest::newRow("remote line range") << range;
        ContextItem repo;
        repo.kind = ContextItem::Kind::Repository;
        repo.repoName = u"github.com/sourcegraph/sourcegraph"_s;
        repo.omittedReason = u"excluded by the context filters"_s;
        QTest::newRow("repository, left out") << repo;
        ContextItem chunk = range;
        chunk.source = ContextItem::Source::Retrieved;
        chunk.sent = false;
        QTest::newRow("retrieved chunk") << chunk;
    }

    void roundTripsThroughJson()
    {
        QFETCH(ContextItem, item);
        const std::optional<ContextItem> back = ContextItem::fromJson(item.toJson());
        QVERIFY(back);
        QVERIFY(*back == item);
    }

    void refusesWhatIsNotAnItem()
    {
        QVERIFY(!ContextItem::fromJson({{u"kind"_s, u"image"_s}, {u"path"_s, u"a.png"_s}}));
        QVERIFY(!ContextItem::fromJson({{u"kind"_s, u"file"_s}}));
        QVERIFY(!ContextItem::fromJson({{u"kind"_s, u"repository"_s}}));
    }

    void displayName()
    {
        ContextItem item;
        item.path = u"src/main.cpp"_s;
        QCOMPARE(item.displayName(), u"src/main.cpp"_s);
        item.startLine = 10;
        item.endLine = 20;
        QCOMPARE(item.displayName(), u"src/main.cpp:10-20"_s);
        item.kind = ContextItem::Kind::RemoteFolder;
        item.repoName = u"github.com/o/r"_s;
        item.path = u"src"_s;
        QCOMPARE(item.displayName(), u"github.com/o/r/src/"_s);
    }
};

QTEST_GUILESS_MAIN(TestContextItem)
#include "tst_contextitem.moc"
