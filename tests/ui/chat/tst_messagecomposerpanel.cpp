// SPDX-License-Identifier: Apache-2.0
// The message box with its @-mention popup, the context chips and the budget meter, in the real
// main window against the fake Sourcegraph: chips come from the popup, show their tokens once
// their files are fetched, go with Backspace, warn before a file would be left out, and are
// sent with the message.
#include "../mainwindowfixture.h"
#include "context/contextfilterssource.h"
#include "fakecorpus.h"
#include "ui/chat/composer.h"
#include "ui/chat/contextbudgetmeter.h"
#include "ui/chat/contextchips.h"
#include "ui/chat/mentioncompleter.h"
#include "ui/chat/mentionpopup.h"
#include "ui/chat/messagecomposerpanel.h"

#include <QApplication>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QToolButton>

using namespace Qt::StringLiterals;
using namespace cody;
using namespace cody::test;

namespace {

const QString Billing = u"gitlab.example.com/platform/billing"_s;

/// The corpus with one more file: lib/huge.go in the billing repository, about 12 000 tokens.
QString corpusWithAHugeFile(const QTemporaryDir &dir)
{
    const QDir from(FakeCorpus::builtInDirectory());
    QDirIterator files(from.path(), QDir::Files, QDirIterator::Subdirectories);
    while (files.hasNext()) {
        const QString source = files.next();
        const QString target = dir.filePath(from.relativeFilePath(source));
        QDir().mkpath(QFileInfo(target).path());
        QFile::copy(source, target);
    }
    QDir().mkpath(dir.filePath(Billing + u"/lib"_s));
    QFile huge(dir.filePath(Billing + u"/lib/huge.go"_s));
    if (!huge.open(QIODevice::WriteOnly))
        return {};
    huge.write("package lib\n\n");
    for (int line = 0; line < 1200; ++line)
        huge.write(
            u"var amount%1 = rounding(%1, \"cents\") // ledger line %1\n"_s.arg(line).toUtf8());
    return dir.path();
}

/// The fake, the real window on it (started), and the window's message panel.
struct Panel
{
    explicit Panel(FakeSourcegraph::Options options = {})
        : server(std::move(options))
    { }

    /// Starts the fake and the window, and waits for the context filters' answer.
    bool open()
    {
        if (!server.listen())
            return false;
        app = std::make_unique<App>(&server);
        start(*app);
        panel = app->window->composerPanel();
        composer = panel->composer();
        return !QTest::currentTestFailed() && QTest::qWaitFor([this] {
            return panel->contextFilters() && panel->contextFilters()->isLoaded();
        });
    }

    MentionPopup *popup() const { return panel->mentions()->popup(); }

    /// Types `text` and waits for the popup's answer.
    void mention(const QString &text) const
    {
        QTest::keyClicks(composer, text);
        QVERIFY(QTest::qWaitFor(
            [this] { return popup()->isVisible() && popup()->statusText() != u"Searching…"_s; }));
    }

    /// Adds the file `path` of the billing repository by keyboard: @, its name, Tab, the path,
    /// Enter.
    void addFile(const QString &path) const
    {
        mention(u"@billing"_s);
        QTest::keyClick(composer, Qt::Key_Tab);
        mention(path);
        QCOMPARE(MentionListModel::label(popup()->current()->item), path);
        QTest::keyClick(composer, Qt::Key_Return);
    }

    QToolButton *chip(int index) const
    {
        return panel->chips()->findChild<QToolButton *>(u"contextChip%1"_s.arg(index));
    }

    FakeSourcegraph server;
    std::unique_ptr<App> app;
    MessageComposerPanel *panel = nullptr;
    Composer *composer = nullptr;
};

} // namespace

class TestMessageComposerPanel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void chipsComeFromThePopupWithTheirTokens()
    {
        Panel panel;
        QVERIFY(panel.open());
        QVERIFY(panel.panel->chips()->isHidden());
        QVERIFY(panel.panel->meter()->isHidden()); // nothing to say yet

        QTest::keyClicks(panel.composer, u"How are amounts rounded? "_s);
        panel.mention(u"@billing"_s);
        QTest::keyClick(panel.composer, Qt::Key_Return);
        panel.addFile(u"invoices/ledger.go"_s);
        QCOMPARE(panel.composer->toPlainText(), u"How are amounts rounded? "_s);
        const QList<ContextItem> items = panel.panel->chips()->items();
        QCOMPARE(items.size(), 2);
        QCOMPARE(items.at(0).kind, ContextItem::Kind::Repository);
        QCOMPARE(items.at(0).repoName, Billing);
        QCOMPARE(items.at(1).kind, ContextItem::Kind::RemoteFile);
        QVERIFY(panel.panel->chips()->isVisible());

        // The file's content is fetched at once, so its chip and the meter count it.
        QTRY_VERIFY2(
            panel.chip(1)->text().contains(u" · about "_s), qPrintable(panel.chip(1)->text()));
        QVERIFY(panel.chip(1)->text().startsWith(u"invoices/ledger.go"_s));
        QVERIFY(!panel.chip(0)->text().contains(u"tokens"_s)); // a repository is searched later
        QVERIFY(panel.chip(0)->toolTip().contains(u"Searched for what your message asks"_s));
        QVERIFY(panel.panel->meter()->isVisible());
        QVERIFY2(panel.panel->meter()->text().endsWith(u" of 45,000 tokens"_s),
            qPrintable(panel.panel->meter()->text()));
        QVERIFY(!panel.panel->meter()->warns());
        const QList<ContextItem> withContent = panel.panel->items();
        QVERIFY(withContent.at(1).content.contains(u"package invoices"_s));

        // Typing on is measured too, once it pauses.
        const QString before = panel.panel->meter()->text();
        QTest::keyClicks(panel.composer, QString(u"and why in cents? "_s).repeated(40));
        QTRY_VERIFY(panel.panel->meter()->text() != before);
    }

    void backspaceInAnEmptyBoxRemovesTheLastChip()
    {
        Panel panel;
        QVERIFY(panel.open());
        panel.mention(u"@billing"_s);
        QTest::keyClick(panel.composer, Qt::Key_Return);
        panel.addFile(u"README.md"_s);
        QCOMPARE(panel.panel->chips()->items().size(), 2);

        QTest::keyClicks(panel.composer, u"x"_s);
        QTest::keyClick(panel.composer, Qt::Key_Backspace); // the x
        QCOMPARE(panel.panel->chips()->items().size(), 2);
        QTest::keyClick(panel.composer, Qt::Key_Backspace); // the last chip
        QCOMPARE(panel.panel->chips()->items().size(), 1);
        QCOMPARE(panel.panel->chips()->items().at(0).kind, ContextItem::Kind::Repository);
        QVERIFY(panel.composer->hasFocus());
        QTest::keyClick(panel.composer, Qt::Key_Backspace);
        QVERIFY(panel.panel->chips()->items().isEmpty());
        QVERIFY(panel.panel->chips()->isHidden());
        QTRY_VERIFY(panel.panel->meter()->isHidden());
        QTest::keyClick(panel.composer, Qt::Key_Backspace); // nothing left: nothing happens
    }

    void shiftTabReachesTheChipsBeforeTheMessageBox()
    {
        Panel panel;
        QVERIFY(panel.open());
        panel.app->window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(panel.app->window.get()));
        panel.composer->setFocus();
        panel.mention(u"@billing"_s);
        QTest::keyClick(panel.composer, Qt::Key_Return);
        panel.mention(u"@cody"_s);
        QTest::keyClick(panel.composer, Qt::Key_Return);
        QCOMPARE(panel.panel->chips()->items().size(), 2);

        QTest::keyClick(panel.composer, Qt::Key_Tab, Qt::ShiftModifier);
        QCOMPARE(QApplication::focusWidget(), panel.chip(1));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab, Qt::ShiftModifier);
        QCOMPARE(QApplication::focusWidget(), panel.chip(0));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        QCOMPARE(QApplication::focusWidget(), panel.composer);
        // Delete on a chip removes it; the keyboard stays among the chips, then comes back.
        QTest::keyClick(panel.composer, Qt::Key_Tab, Qt::ShiftModifier);
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Delete);
        QCOMPARE(panel.panel->chips()->items().size(), 1);
        QCOMPARE(QApplication::focusWidget(), panel.chip(0));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Delete);
        QVERIFY(panel.panel->chips()->items().isEmpty());
        QTRY_COMPARE(QApplication::focusWidget(), panel.composer);
    }

    void theMeterWarnsBeforeAFileWouldBeLeftOut()
    {
        QTemporaryDir corpus;
        FakeSourcegraph::Options options;
        options.corpusDir = corpusWithAHugeFile(corpus);
        QVERIFY(!options.corpusDir.isEmpty());
        Panel panel(options);
        QVERIFY(panel.open());
        panel.addFile(u"lib/huge.go"_s);
        QTRY_VERIFY(panel.chip(0)->text().contains(u" · about "_s));
        // 45 000 tokens, 30 000 of them for what the user adds: it fits.
        QVERIFY(!panel.panel->meter()->warns());
        QVERIFY(!panel.chip(0)->property("leftOut").toBool());

        // A model with a 7 000-token window: it would be left out, and both say so before sending.
        panel.app->chooseModel(u"cody-haiku"_s);
        QTRY_VERIFY(panel.panel->meter()->warns());
        QVERIFY2(panel.panel->meter()->text().contains(u"1 context item would be left out"_s),
            qPrintable(panel.panel->meter()->text()));
        QVERIFY(panel.chip(0)->property("leftOut").toBool());
        QVERIFY2(panel.chip(0)->toolTip().contains(u"would exceed the context budget"_s),
            qPrintable(panel.chip(0)->toolTip()));

        // A smaller range of it fits again.
        QTest::keyClick(panel.composer, Qt::Key_Backspace);
        panel.mention(u"@%1:lib/huge.go:1-40"_s.arg(Billing));
        QTest::keyClick(panel.composer, Qt::Key_Return);
        QTRY_VERIFY(panel.chip(0)->text().contains(u" · about "_s));
        QTRY_VERIFY(!panel.panel->meter()->warns());
    }

    void aFileThatCannotBeFetchedSaysSo()
    {
        FakeSourcegraph::Options options;
        options.graphqlFaults.insert(u"FileContentsQuery"_s, u"http-500"_s);
        Panel panel(options);
        QVERIFY(panel.open());
        panel.addFile(u"invoices/ledger.go"_s);
        QTRY_VERIFY(panel.chip(0)->property("leftOut").toBool());
        QVERIFY2(panel.chip(0)->toolTip().contains(u"could not be fetched"_s),
            qPrintable(panel.chip(0)->toolTip()));
        QVERIFY(panel.panel->meter()->warns());
        // Sending tries again: the item goes without a verdict.
        QVERIFY(panel.panel->items().at(0).omittedReason.isEmpty());
    }

    void sendingCarriesTheItemsAndClearsTheChips()
    {
        Panel panel;
        QVERIFY(panel.open());
        panel.addFile(u"invoices/ledger.go"_s);
        QTRY_VERIFY(panel.chip(0)->text().contains(u" · about "_s));
        panel.app->type(u"What does Post do?"_s);
        QTRY_COMPARE(panel.app->replyState(), MessageModel::State::Complete);

        const auto context = panel.app->messages.index(panel.app->rowsBeforeLastPrompt)
                                 .data(MessageModel::ContextRole)
                                 .value<QList<ContextItem>>();
        QCOMPARE(context.size(), 1);
        QCOMPARE(context.at(0).kind, ContextItem::Kind::RemoteFile);
        QCOMPARE(context.at(0).repoName, Billing);
        QCOMPARE(context.at(0).path, u"invoices/ledger.go"_s);
        const QByteArray sent = panel.server.streamRequests().constLast().body;
        QVERIFY2(sent.contains("Codebase context from file /invoices/ledger.go in repository "
                               "gitlab.example.com/platform/billing"),
            sent.constData());
        QVERIFY(panel.panel->chips()->items().isEmpty());
        QVERIFY(panel.composer->toPlainText().isEmpty());
    }

    void aMessageThatCannotBeSentKeepsItsChips()
    {
        Panel panel;
        QVERIFY(panel.open());
        panel.app->chooseModel(u"fake::v1::stall"_s);
        panel.app->type(u"first"_s);
        QTRY_VERIFY(panel.app->chat->isBusy());
        QTest::keyClicks(panel.composer, u"second "_s);
        panel.mention(u"@billing"_s);
        QTest::keyClick(panel.composer, Qt::Key_Return);
        QTest::keyClick(panel.composer, Qt::Key_Return); // refused while the reply streams
        QCOMPARE(panel.composer->toPlainText(), u"second "_s);
        QCOMPARE(panel.panel->chips()->items().size(), 1);
        panel.app->chat->stop();
    }

    void aNewConnectionGetsItsOwnContextFilters()
    {
        Panel panel;
        QVERIFY(panel.open());
        QPointer<ContextFiltersSource> first = panel.panel->contextFilters();
        QVERIFY(first);
        panel.app->session->reload();
        QTRY_VERIFY(panel.app->session->client());
        QVERIFY(first.isNull());
        QVERIFY(panel.panel->contextFilters());
        QTRY_VERIFY(panel.panel->contextFilters()->isLoaded());
        // And the popup searches the new one.
        panel.mention(u"@cody"_s);
        QVERIFY(panel.popup()->model()->rowCount() == 1);
    }
};

QTEST_MAIN(TestMessageComposerPanel)
#include "tst_messagecomposerpanel.moc"
