// SPDX-License-Identifier: Apache-2.0
// The @-mention popup of the real message box, typed into key by key against the fake
// Sourcegraph and its corpus (tests/data/corpus): repositories as you type, those the context
// filters exclude greyed with the reason, a repository's folders and files, lines, and what
// searching, finding nothing and failing look like.
#include "context/contextfilterssource.h"
#include "graphqltestsupport.h"
#include "ui/chat/composer.h"
#include "ui/chat/mentioncompleter.h"
#include "ui/chat/mentionpopup.h"
#include "ui/chat/mentionsearch.h"

#include <QAction>
#include <QListView>
#include <QSignalSpy>
#include <QTest>
#include <QVBoxLayout>

#include <memory>

using namespace Qt::StringLiterals;
using namespace cody;
using namespace cody::test;

namespace {

const QString Sourcegraph = u"github.com/sourcegraph/sourcegraph"_s;
const QString Cody = u"github.com/sourcegraph/cody"_s;
const QString LangExample = u"github.com/acme/lang-example"_s;
const QString Billing = u"gitlab.example.com/platform/billing"_s;

FakeSourcegraph::Options excluding(const QString &pattern)
{
    FakeSourcegraph::Options options;
    options.contextFilters = FakeSourcegraph::Options::ContextFiltersAnswer::Raw;
    options.contextFiltersRaw
        = R"({"exclude":[{"repoNamePattern":")" + pattern.toUtf8() + R"("}]})";
    return options;
}

/// A message box at the bottom of a window, its @-mention popup on a client of the fake, and
/// the context filters the fake answers.
struct Box
{
    explicit Box(FakeSourcegraph::Options options = {})
        : fake(std::move(options))
    { }

    /// Starts the fake and builds the box on a client of it, or on `client` when given.
    bool open(SourcegraphClient *client = nullptr)
    {
        if (!client && !fake.listen())
            return false;
        client = client ? client : fake.client();
        auto *layout = new QVBoxLayout(&window);
        layout->addStretch(1);
        composer = new Composer(&window);
        layout->addWidget(composer);
        completer = new MentionCompleter(composer, &window);
        chosen = std::make_unique<QSignalSpy>(completer, &MentionCompleter::chosen);
        filters = std::make_unique<ContextFiltersSource>(client);
        completer->setSource(client, filters.get());
        filters->start();
        window.resize(640, 480);
        window.show();
        composer->setFocus();
        return true;
    }

    /// open(), then waits for the context filters' answer.
    bool openWithFilters()
    {
        return open() && QTest::qWaitFor([this] { return filters->isLoaded(); });
    }

    /// The item chosen `index`-th.
    ContextItem item(int index) const { return chosen->at(index).at(0).value<ContextItem>(); }

    MentionPopup *popup() const { return completer->popup(); }

    QStringList rows() const
    {
        QStringList labels;
        for (const MentionListModel::Entry &entry : popup()->model()->entries())
            labels.append(MentionListModel::label(entry.item));
        return labels;
    }

    /// Waits until the popup shows the answer to what was typed (not "Searching…").
    bool settled() const
    {
        return QTest::qWaitFor(
            [this] { return popup()->isVisible() && popup()->statusText() != u"Searching…"_s; });
    }

    /// Moves the current row to `label`; false when it is not shown.
    bool select(const QString &label)
    {
        const int row = int(rows().indexOf(label));
        if (row < 0)
            return false;
        while (popup()->currentRow() != row)
            QTest::keyClick(composer, Qt::Key_Down);
        return true;
    }

    FakeInstance fake;
    QWidget window;
    Composer *composer = nullptr;
    MentionCompleter *completer = nullptr;
    std::unique_ptr<QSignalSpy> chosen;
    std::unique_ptr<ContextFiltersSource> filters;
};

} // namespace

class TestMentionCompleter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void atListsTheInstancesRepositories()
    {
        Box box;
        QVERIFY(box.openWithFilters());
        QTest::keyClicks(box.composer, u"@"_s);
        QVERIFY(box.popup()->isVisible());
        QVERIFY(box.settled());
        // The instance's order: most stars first when nothing is typed.
        QCOMPARE(box.rows(), (QStringList {Sourcegraph, Cody, LangExample, Billing}));
        QCOMPARE(box.popup()->title(), u"Repositories"_s);
        QCOMPARE(box.popup()->currentRow(), 0);
        // Above the caret, inside the window, and the keyboard stays in the message box.
        QVERIFY(box.popup()->geometry().bottom() <= box.composer->geometry().top());
        QVERIFY(box.window.rect().contains(box.popup()->geometry()));
        QVERIFY(box.composer->hasFocus());
        QVERIFY(!box.popup()->view()->accessibleName().isEmpty());
    }

    void typingNarrowsItWithOneRequestPerPause()
    {
        Box box;
        QVERIFY(box.open());
        QTest::keyClicks(box.composer, u"@sourcegraph/co"_s);
        QVERIFY(box.settled());
        QCOMPARE(box.rows(), QStringList {Cody});
        // Typed without a pause: one search, for the whole name.
        const auto calls = graphqlCalls(box.fake.server, u"SuggestionsRepo"_s);
        QCOMPARE(calls.size(), 1);
        QCOMPARE(variablesOf(calls.at(0)).value(u"query"_s).toString(),
            u"context:global type:repo count:10 repo:sourcegraph/co"_s);
        // Typing on asks again once; moving the caret within it asks nothing.
        QTest::keyClick(box.composer, Qt::Key_Backspace);
        QVERIFY(box.settled());
        QCOMPARE(box.rows(), QStringList {Cody});
        QTest::keyClick(box.composer, Qt::Key_Left);
        QTest::qWait(2 * int(MentionSearch::Pause.count()));
        QCOMPARE(graphqlCalls(box.fake.server, u"SuggestionsRepo"_s).size(), 2);
    }

    void aNewSearchCancelsTheOneRunning()
    {
        Box box(failing(u"SuggestionsRepo"_s, u"stall"_s));
        QVERIFY(box.open());
        QTest::keyClicks(box.composer, u"@a"_s);
        QTRY_COMPARE(graphqlCalls(box.fake.server, u"SuggestionsRepo"_s).size(), 1);
        QTest::keyClicks(box.composer, u"b"_s);
        QTRY_COMPARE(graphqlCalls(box.fake.server, u"SuggestionsRepo"_s).size(), 2);
        // The stalled first one was given up, its connection with it: only the second waits
        // (on a connection of its own or the one ContextFilters left open).
        QTRY_COMPARE(box.fake.server.openConnections(), 1);
        QCOMPARE(box.popup()->statusText(), u"Searching…"_s);
    }

    void findingNothingSaysSo()
    {
        Box box;
        QVERIFY(box.open());
        QTest::keyClicks(box.composer, u"@nothing-like-this"_s);
        QVERIFY(box.settled());
        QVERIFY(box.rows().isEmpty());
        QCOMPARE(box.popup()->statusText(), u"No repository matches \"nothing-like-this\""_s);
        QTest::keyClick(box.composer, Qt::Key_Return); // adds nothing and sends nothing
        QCOMPARE(box.composer->toPlainText(), u"@nothing-like-this"_s);
    }

    void anExcludedRepositoryIsGreyedWithTheReason()
    {
        Box box(excluding(u".*lang-example.*"_s));
        QVERIFY(box.openWithFilters());
        QTest::keyClicks(box.composer, u"@"_s);
        QVERIFY(box.settled());
        const int row = int(box.rows().indexOf(LangExample));
        QVERIFY(row >= 0);
        const QModelIndex index = box.popup()->model()->index(row);
        QVERIFY(!(index.flags() & Qt::ItemIsEnabled));
        const QString reason = index.data(MentionListModel::DetailRole).toString();
        QVERIFY2(reason.contains(u".*lang-example.*"_s), qPrintable(reason));
        QVERIFY(index.data(Qt::ToolTipRole).toString().contains(reason));
        // Reachable by keyboard, which hears why, and Enter adds nothing.
        QVERIFY(box.select(LangExample));
        QVERIFY2(box.popup()->statusText().contains(reason), qPrintable(box.popup()->statusText()));
        QTest::keyClick(box.composer, Qt::Key_Return);
        QTest::keyClick(box.composer, Qt::Key_Tab);
        QCOMPARE(box.chosen->size(), 0);
        QCOMPARE(box.composer->toPlainText(), u"@"_s);
        QVERIFY(box.popup()->isVisible());
        // Typed by hand, its files are not listed either.
        QTest::keyClicks(box.composer, LangExample + u":"_s);
        QVERIFY(box.popup()->statusText().contains(reason));
        QVERIFY(box.rows().isEmpty());
    }

    void whileTheFiltersAreReadNothingCanBeAdded()
    {
        Box box(failing(u"ContextFilters"_s, u"stall"_s));
        QVERIFY(box.open());
        QTest::keyClicks(box.composer, u"@cody"_s);
        QVERIFY(box.settled());
        QCOMPARE(box.rows(), QStringList {Cody});
        QCOMPARE(box.popup()->model()->entry(0).unavailable, u"checking the context filters…"_s);
        QTest::keyClick(box.composer, Qt::Key_Return);
        QCOMPARE(box.chosen->size(), 0);
    }

    void enterAddsARepositoryAndTakesTheMentionOut()
    {
        Box box;
        QVERIFY(box.openWithFilters());
        box.composer->setPlainText(u"what is @cody about"_s);
        QTextCursor cursor = box.composer->textCursor();
        cursor.setPosition(int(u"what is @cody"_s.size()));
        box.composer->setTextCursor(cursor);
        QVERIFY(box.settled());
        QTest::keyClick(box.composer, Qt::Key_Return);
        QCOMPARE(box.chosen->size(), 1);
        const auto item = box.item(0);
        QCOMPARE(item.kind, ContextItem::Kind::Repository);
        QCOMPARE(item.repoName, Cody);
        QCOMPARE(item.repoId, u"UmVwb3NpdG9yeTozNzI2MQ=="_s);
        QCOMPARE(item.url.path(), u"/github.com/sourcegraph/cody"_s);
        QCOMPARE(box.composer->toPlainText(), u"what is about"_s);
        QVERIFY(!box.popup()->isVisible());
    }

    void tabOpensARepositoryAndEnterAddsAFileOrFolder()
    {
        Box box;
        QVERIFY(box.openWithFilters());
        QTest::keyClicks(box.composer, u"@billing"_s);
        QVERIFY(box.settled());
        QTest::keyClick(box.composer, Qt::Key_Tab);
        QCOMPARE(box.composer->toPlainText(), u"@%1:"_s.arg(Billing));
        QVERIFY(box.settled());
        QCOMPARE(box.popup()->title(), u"Folders and files in %1"_s.arg(Billing));
        // Folders first, then files.
        QCOMPARE(box.rows(),
            (QStringList {u"invoices/"_s, u"README.md"_s, u"invoices/ledger.go"_s,
                u"invoices/ledger_test.go"_s}));
        QVERIFY(box.select(u"invoices/ledger.go"_s));
        QTest::keyClick(box.composer, Qt::Key_Return);
        QCOMPARE(box.chosen->size(), 1);
        auto item = box.item(0);
        QCOMPARE(item.kind, ContextItem::Kind::RemoteFile);
        QCOMPARE(item.repoName, Billing);
        QCOMPARE(item.path, u"invoices/ledger.go"_s);
        QCOMPARE(item.revision, u"c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00"_s);
        QVERIFY(!item.hasRange());
        QVERIFY(box.composer->toPlainText().isEmpty());

        // A folder, its path typed after the colon.
        QTest::keyClicks(box.composer, u"@%1:inv"_s.arg(Billing));
        QVERIFY(box.settled());
        QVERIFY(box.select(u"invoices/"_s));
        QTest::keyClick(box.composer, Qt::Key_Return);
        QCOMPARE(box.chosen->size(), 2);
        item = box.item(1);
        QCOMPARE(item.kind, ContextItem::Kind::RemoteFolder);
        QCOMPARE(item.path, u"invoices"_s);
    }

    void tabOnAFolderOpensIt()
    {
        Box box;
        QVERIFY(box.openWithFilters());
        QTest::keyClicks(box.composer, u"@%1:squirrel"_s.arg(Sourcegraph));
        QVERIFY(box.settled());
        QVERIFY(box.select(u"cmd/symbols/squirrel/"_s));
        QTest::keyClick(box.composer, Qt::Key_Tab);
        QCOMPARE(box.composer->toPlainText(), u"@%1:cmd/symbols/squirrel/"_s.arg(Sourcegraph));
        QVERIFY(box.settled());
        QVERIFY(box.rows().contains(u"cmd/symbols/squirrel/service.go"_s));
    }

    void aRangeAfterAFileAddsItsLines()
    {
        Box box;
        QVERIFY(box.openWithFilters());
        const QString file = u"@%1:cmd/symbols/squirrel/service.go"_s.arg(Sourcegraph);
        QTest::keyClicks(box.composer, file + u":7-3"_s);
        QVERIFY(box.settled());
        QCOMPARE(box.rows(), QStringList {u"cmd/symbols/squirrel/service.go"_s}); // files only
        QCOMPARE(box.popup()->statusText(), u"the range 7-3 ends before it starts"_s);
        QTest::keyClick(box.composer, Qt::Key_Return);
        QCOMPARE(box.chosen->size(), 0);

        box.composer->clear();
        QTest::keyClicks(box.composer, file + u":3-"_s);
        QVERIFY(box.settled());
        QTest::keyClick(box.composer, Qt::Key_Return); // the end is still missing
        QCOMPARE(box.chosen->size(), 0);
        QTest::keyClicks(box.composer, u"7"_s);
        QVERIFY(box.settled());
        QCOMPARE(box.rows(), QStringList {u"cmd/symbols/squirrel/service.go:3-7"_s});
        QCOMPARE(box.popup()->model()->index(0).data(MentionListModel::DetailRole).toString(),
            u"lines 3–7"_s);
        QTest::keyClick(box.composer, Qt::Key_Return);
        QCOMPARE(box.chosen->size(), 1);
        const auto item = box.item(0);
        QCOMPARE(item.startLine, 3);
        QCOMPARE(item.endLine, 7);
        QCOMPARE(item.displayName(), u"cmd/symbols/squirrel/service.go:3-7"_s);
    }

    void upAndDownMoveAndWrap()
    {
        Box box;
        QVERIFY(box.open());
        QTest::keyClicks(box.composer, u"@"_s);
        QVERIFY(box.settled());
        QCOMPARE(box.popup()->currentRow(), 0);
        QTest::keyClick(box.composer, Qt::Key_Down);
        QCOMPARE(box.popup()->currentRow(), 1);
        QTest::keyClick(box.composer, Qt::Key_Up);
        QTest::keyClick(box.composer, Qt::Key_Up);
        QCOMPARE(box.popup()->currentRow(), 3);
        QCOMPARE(box.composer->toPlainText(), u"@"_s); // the caret did not move either
        QCOMPARE(box.composer->textCursor().position(), 1);
    }

    void escapeClosesItUntilTheNextMention()
    {
        Box box;
        QVERIFY(box.open());
        auto *stop = new QAction(&box.window); // the window's Esc, as the main window's Stop
        stop->setShortcut(Qt::Key_Escape);
        box.window.addAction(stop);
        QSignalSpy stopped(stop, &QAction::triggered);
        QTest::keyClicks(box.composer, u"@co"_s);
        QVERIFY(box.popup()->isVisible());
        QTest::keyClick(box.composer, Qt::Key_Escape);
        QVERIFY(!box.popup()->isVisible());
        QCOMPARE(stopped.size(), 0);
        QTest::keyClicks(box.composer, u"dy"_s);
        QTest::qWait(2 * int(MentionSearch::Pause.count()));
        QVERIFY(!box.popup()->isVisible());
        QTest::keyClick(box.composer, Qt::Key_Escape); // now the window's
        QCOMPARE(stopped.size(), 1);
        QTest::keyClicks(box.composer, u" @"_s);
        QVERIFY(box.popup()->isVisible());
    }

    void shiftEnterStillStartsANewLine()
    {
        Box box;
        QVERIFY(box.open());
        QTest::keyClicks(box.composer, u"@cody"_s);
        QVERIFY(box.settled());
        QTest::keyClick(box.composer, Qt::Key_Return, Qt::ShiftModifier);
        QCOMPARE(box.composer->toPlainText(), u"@cody\n"_s);
        QVERIFY(!box.popup()->isVisible());
        QCOMPARE(box.chosen->size(), 0);
    }

    void aClickAddsTheRow()
    {
        Box box;
        QVERIFY(box.openWithFilters());
        QTest::keyClicks(box.composer, u"@"_s);
        QVERIFY(box.settled());
        QListView *view = box.popup()->view();
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {},
            view->visualRect(box.popup()->model()->index(1)).center());
        QCOMPARE(box.chosen->size(), 1);
        QCOMPARE(box.item(0).repoName, Cody);
        QVERIFY(box.composer->hasFocus());
    }

    void aServerThatIsDownIsALineInThePopup()
    {
        auto server = std::make_unique<FakeSourcegraph>();
        QVERIFY(server->listen());
        SourcegraphClient client(clientSettingsFor(*server));
        server.reset(); // nobody listens there any more
        Box box;
        QVERIFY(box.open(&client));
        QTest::keyClicks(box.composer, u"@cody"_s);
        QVERIFY(box.settled());
        QVERIFY(box.rows().isEmpty());
        QVERIFY2(box.popup()->statusText().startsWith(u"Could not search the instance: "_s),
            qPrintable(box.popup()->statusText()));
        QTest::keyClick(box.composer, Qt::Key_Return);
        QCOMPARE(box.composer->toPlainText(), u"@cody"_s);
    }

    void aGraphqlErrorIsALineInThePopup()
    {
        Box box(failing(u"FileMatchSearchQuery"_s, u"graphql-error"_s));
        QVERIFY(box.openWithFilters());
        QTest::keyClicks(box.composer, u"@%1:src"_s.arg(Cody));
        QVERIFY(box.settled());
        QCOMPARE(box.popup()->statusText(),
            u"Could not search the instance: the server refused the GraphQL query: fake: "
            u"FileMatchSearchQuery failed"_s);
    }
};

QTEST_MAIN(TestMentionCompleter)
#include "tst_mentioncompleter.moc"
