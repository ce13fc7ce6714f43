// SPDX-License-Identifier: Apache-2.0
// The codebase context under a sent message: what was sent (links that open on the instance and
// nowhere else), what was left out and why, collapsed when long, redrawn with its message only.
#include "chat/messagemodel.h"
#include "chatviewlinks.h"
#include "contextsamples.h"
#include "ui/chat/chatview.h"
#include "ui/chat/contextblock.h"

#include <QDesktopServices>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace cody;
using namespace cody::test;

namespace {

const QUrl instance(u"https://sourcegraph.example.com"_s);

/// Receives what QDesktopServices::openUrl() would hand to the browser.
class UrlCatcher final : public QObject
{
    Q_OBJECT

public:
    UrlCatcher()
    {
        QDesktopServices::setUrlHandler(u"https"_s, this, "open");
        QDesktopServices::setUrlHandler(u"http"_s, this, "open");
        QDesktopServices::setUrlHandler(u"file"_s, this, "open");
    }
    ~UrlCatcher() override
    {
        for (const QString &scheme : {u"https"_s, u"http"_s, u"file"_s})
            QDesktopServices::unsetUrlHandler(scheme);
    }

    QList<QUrl> opened;

public Q_SLOTS:
    void open(const QUrl &url) { opened.append(url); }
};

/// The mentioned repository, two chunks sent from it, and a local file left out.
QList<ContextItem> sample()
{
    ContextItem repository = mentionedRepository();
    repository.sent = true;
    repository.url = QUrl(u"https://sourcegraph.example.com/github.com/sourcegraph/sourcegraph"_s);
    return {repository, sentChunk(u"package squirrel"_s, 1), sentChunk(u"func New()"_s, 21),
        leftOutFile()};
}

/// sample() with more chunks sent, starting at lines 41, 61, … up to `lastStart`.
QList<ContextItem> longSample(int lastStart)
{
    QList<ContextItem> items = sample();
    for (int start = 41; start <= lastStart; start += 20)
        items.append(sentChunk(u"more"_s, start));
    return items;
}

MessageModel::Message prompt(const QList<ContextItem> &items, int unreadable = 0)
{
    MessageModel::Message message {ChatMessage::Speaker::Human, u"What is Squirrel?"_s};
    message.context = items;
    message.unreadableContextItems = unreadable;
    return message;
}

} // namespace

class TestContextBlock : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void onInstance_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("base");
        QTest::addColumn<bool>("allowed");
        const QString base = u"https://sg.example.com"_s;
        QTest::newRow("blob") << u"https://sg.example.com/github.com/o/r/-/blob/a.go?L1-20"_s
                              << base << true;
        QTest::newRow("host case") << u"https://SG.example.com/github.com/o/r"_s << base << true;
        QTest::newRow("explicit port") << u"https://sg.example.com:443/x"_s << base << true;
        QTest::newRow("prefix") << u"https://sg.example.com/sourcegraph/github.com/o/r"_s
                                << u"https://sg.example.com/sourcegraph/"_s << true;
        QTest::newRow("outside prefix") << u"https://sg.example.com/other/github.com/o/r"_s
                                        << u"https://sg.example.com/sourcegraph"_s << false;
        QTest::newRow("prefix as part of a name")
            << u"https://sg.example.com/sourcegraph-evil/x"_s
            << u"https://sg.example.com/sourcegraph"_s << false;
        QTest::newRow("dot-dot out of the prefix")
            << u"https://sg.example.com/sourcegraph/%2E%2E/admin"_s
            << u"https://sg.example.com/sourcegraph"_s << false;
        QTest::newRow("other host")
            << u"https://evil.example.com/github.com/o/r"_s << base << false;
        QTest::newRow("look-alike host") << u"https://sg.example.com.evil.net/x"_s << base << false;
        QTest::newRow("user info") << u"https://me@sg.example.com/x"_s << base << false;
        QTest::newRow("other port") << u"https://sg.example.com:8443/x"_s << base << false;
        QTest::newRow("http on https") << u"http://sg.example.com/x"_s << base << false;
        QTest::newRow("http instance")
            << u"http://localhost:3080/x"_s << u"http://localhost:3080"_s << true;
        QTest::newRow("file") << u"file:///etc/passwd"_s << base << false;
        QTest::newRow("javascript") << u"javascript:alert(1)"_s << base << false;
        QTest::newRow("relative") << u"/github.com/o/r"_s << base << false;
        QTest::newRow("no instance") << u"https://sg.example.com/x"_s << QString() << false;
    }

    void onInstance()
    {
        QFETCH(QString, url);
        QFETCH(QString, base);
        QFETCH(bool, allowed);
        QCOMPARE(ContextBlock::isOnInstance(QUrl(url), QUrl(base)), allowed);
    }

    void summaryCountsSentAndLeftOut()
    {
        QCOMPARE(ContextBlock::summary(sample()), u"Context: 2 items sent, 1 left out"_s);
        QCOMPARE(ContextBlock::summary({sentChunk(u"x"_s)}), u"Context: 1 item sent"_s);
        ContextItem undecided = sentChunk(u"x"_s);
        undecided.sent = false;
        QCOMPARE(ContextBlock::summary({undecided, undecided}), u"Context: 2 items to send"_s);
        QVERIFY(!ContextBlock::isCollapsible(sample())); // searched + 2 sent + 1 left out
        QVERIFY(ContextBlock::isCollapsible(longSample(41)));
        QVERIFY(ContextBlock::html({}).isEmpty());
    }

    void hrefs()
    {
        QCOMPARE(ContextBlock::parseItemHref(QUrl(ContextBlock::itemHref(12, 3))),
            std::make_pair(12, qsizetype(3)));
        for (const QString &bad : {u"cody-context:1"_s, u"cody-context:a-1"_s,
                 u"cody-context:1-2-3"_s, u"cody-context:-1-2"_s, u"https://x/1-2"_s})
            QVERIFY2(!ContextBlock::parseItemHref(QUrl(bad)), qPrintable(bad));
    }

    // The items sent are links that open their page on the instance; the left-out ones say why.
    void sentItemsOpenOnTheInstance()
    {
        UrlCatcher browser;
        MessageModel model;
        model.append(prompt(sample()));
        ChatView view;
        view.setInstanceUrl(instance);
        view.setModel(&model);

        const QString text = view.toPlainText();
        QVERIFY2(text.contains(u"Context: 2 items sent, 1 left out"_s), qPrintable(text));
        QVERIFY(text.contains(u"Searched: github.com/sourcegraph/sourcegraph"_s));
        QVERIFY(text.contains(u"cmd/symbols/squirrel/service.go:1-20 · about 312 tokens"_s));
        QVERIFY(text.contains(u"cmd/symbols/squirrel/service.go:21-40"_s));
        QVERIFY2(text.contains(u"Left out:\n/home/me/big.log — over the token budget"_s),
            qPrintable(text));
        // Only items with a page on the instance link; the local file does not.
        QCOMPARE(
            hrefOf(view, u"github.com/sourcegraph/sourcegraph"_s), ContextBlock::itemHref(0, 0));
        QCOMPARE(
            hrefOf(view, u"cmd/symbols/squirrel/service.go:1-20"_s), ContextBlock::itemHref(0, 1));
        QCOMPARE(
            hrefOf(view, u"cmd/symbols/squirrel/service.go:21-40"_s), ContextBlock::itemHref(0, 2));
        QVERIFY(hrefOf(view, u"/home/me/big.log"_s).isEmpty());

        Q_EMIT view.anchorClicked(QUrl(ContextBlock::itemHref(0, 2)));
        Q_EMIT view.anchorClicked(QUrl(ContextBlock::itemHref(0, 0)));
        QCOMPARE(browser.opened,
            (QList<QUrl> {sentChunk({}, 21).url,
                QUrl(u"https://sourcegraph.example.com/github.com/sourcegraph/sourcegraph"_s)}));
        // Links that name no item, or an item without a page, open nothing.
        Q_EMIT view.anchorClicked(QUrl(ContextBlock::itemHref(0, 3)));
        Q_EMIT view.anchorClicked(QUrl(ContextBlock::itemHref(0, 9)));
        Q_EMIT view.anchorClicked(QUrl(ContextBlock::itemHref(5, 0)));
        QCOMPARE(browser.opened.size(), 2);
    }

    // An item's address comes from the server: one that is not on the instance is shown as text
    // and never opened, even through a forged link.
    void foreignAddressesNeverOpen()
    {
        UrlCatcher browser;
        QList<ContextItem> items = sample();
        items[1].url = QUrl(u"https://evil.example.net/github.com/sourcegraph/sourcegraph"_s);
        items[2].url = QUrl(u"file:///etc/passwd"_s);
        MessageModel model;
        model.append(prompt(items));
        ChatView view;
        view.setInstanceUrl(instance);
        view.setModel(&model);
        QVERIFY(hrefOf(view, u"cmd/symbols/squirrel/service.go:1-20"_s).isEmpty());
        QVERIFY(hrefOf(view, u"cmd/symbols/squirrel/service.go:21-40"_s).isEmpty());
        QVERIFY(view.toPlainText().contains(u"cmd/symbols/squirrel/service.go:1-20"_s));
        Q_EMIT view.anchorClicked(QUrl(ContextBlock::itemHref(0, 1)));
        Q_EMIT view.anchorClicked(QUrl(ContextBlock::itemHref(0, 2)));
        QVERIFY(browser.opened.isEmpty());

        // Without a configured instance nothing links at all; once it is known, its items do.
        MessageModel other;
        other.append(prompt(sample()));
        ChatView unconfigured;
        unconfigured.setModel(&other);
        QVERIFY(hrefOf(unconfigured, u"cmd/symbols/squirrel/service.go:1-20"_s).isEmpty());
        Q_EMIT unconfigured.anchorClicked(QUrl(ContextBlock::itemHref(0, 1)));
        QVERIFY(browser.opened.isEmpty());
        unconfigured.setInstanceUrl(instance);
        QTRY_COMPARE(hrefOf(unconfigured, u"cmd/symbols/squirrel/service.go:1-20"_s),
            ContextBlock::itemHref(0, 1));
    }

    void longListsStartCollapsed()
    {
        const QList<ContextItem> items = longSample(181);
        MessageModel model;
        model.append(prompt(items));
        model.append(prompt(sample())); // short: open
        ChatView view;
        view.setInstanceUrl(instance);
        view.setModel(&model);
        const int lines = 1 + 10 + 1;
        QCOMPARE(ContextBlock::isCollapsible(items), true);
        QVERIFY2(
            view.toPlainText().contains(u"Context: 10 items sent, 1 left out  ·  Show all 12"_s),
            qPrintable(view.toPlainText()));
        QVERIFY(!view.toPlainText().contains(u"service.go:181-200"_s));
        QVERIFY(view.toPlainText().contains(u"service.go:21-40"_s)); // the second prompt's

        const int before = view.renderCount();
        Q_EMIT view.anchorClicked(QUrl(ContextBlock::toggleHref(0)));
        QCOMPARE(view.renderCount(), before + 1); // that message alone
        QVERIFY(view.toPlainText().contains(u"service.go:181-200 · about 312 tokens"_s));
        QVERIFY(view.toPlainText().contains(u"Hide the list"_s));
        QCOMPARE(hrefOf(view, u"cmd/symbols/squirrel/service.go:181-200"_s),
            ContextBlock::itemHref(0, 11));
        // Opened stays opened when the message is redrawn for another reason.
        model.setContext(0, items);
        QTRY_COMPARE(view.renderCount(), before + 2);
        QVERIFY(view.toPlainText().contains(u"service.go:181-200"_s));
        Q_EMIT view.anchorClicked(QUrl(ContextBlock::toggleHref(0)));
        QVERIFY(view.toPlainText().contains(u"Show all %1"_s.arg(lines)));
        QVERIFY(!view.toPlainText().contains(u"service.go:181-200"_s));
    }

    // Tab reaches the toggle; Enter opens the list and the keyboard stays there.
    void theToggleWorksFromTheKeyboard()
    {
        MessageModel model;
        model.append(prompt(longSample(101)));
        ChatView view;
        view.setInstanceUrl(instance);
        view.setModel(&model);
        view.show();
        view.setFocus();
        QVERIFY(QTest::qWaitForWindowActive(&view));
        // The links in order: Show all, Copy as Markdown, Edit.
        QTest::keyClick(&view, Qt::Key_Tab);
        QCOMPARE(view.textCursor().charFormat().anchorHref(), ContextBlock::toggleHref(0));
        QTest::keyClick(&view, Qt::Key_Return);
        QVERIFY(view.toPlainText().contains(u"service.go:101-120"_s));
        QVERIFY(view.textCursor().hasSelection());
        QCOMPARE(view.textCursor().selectedText(), u"Hide the list"_s);
        QTest::keyClick(&view, Qt::Key_Tab); // into the list: the repository searched
        QCOMPARE(view.textCursor().selectedText(), u"github.com/sourcegraph/sourcegraph"_s);
    }

    void unreadableItemsAreSaid()
    {
        MessageModel model;
        model.append(prompt({sentChunk(u"x"_s)}, 2));
        model.append(prompt({}, 1));
        ChatView view;
        view.setModel(&model);
        const QString text = view.toPlainText();
        QVERIFY(text.contains(u"2 context items could not be read from the history"_s));
        QVERIFY(text.contains(u"1 context item could not be read from the history"_s));
    }

    // The context of a prompt is redrawn with that prompt only; the others are not touched.
    void settingContextRedrawsThatPromptOnly()
    {
        MessageModel model;
        for (int i = 0; i < 50; ++i) {
            model.append(prompt(sample()));
            model.append({ChatMessage::Speaker::Assistant, u"answer %1"_s.arg(i)});
        }
        ChatView view;
        view.setInstanceUrl(instance);
        view.setModel(&model);
        const int before = view.renderCount();
        QList<ContextItem> changed = sample();
        changed[1].sent = false;
        changed[1].omittedReason = u"duplicate of service.go:21-40"_s;
        model.setContext(40, changed);
        QTRY_COMPARE(view.renderCount(), before + 1);
        QVERIFY(view.toPlainText().contains(u"— duplicate of service.go:21-40"_s));
        QVERIFY(!QTest::qWaitFor([&] { return view.renderCount() > before + 1; }, 100));
    }

    // Item names and reasons come from files and servers: shown as text, never as HTML.
    void namesAndReasonsAreText()
    {
        ContextItem item = sentChunk(u"x"_s);
        item.path = u"<img src=x onerror=1>.go"_s;
        item.sent = false;
        item.omittedReason = u"<b>not bold</b>"_s;
        MessageModel model;
        model.append(prompt({item}));
        ChatView view;
        view.setModel(&model);
        QVERIFY(view.toPlainText().contains(u"<img src=x onerror=1>.go:1-20 — <b>not bold</b>"_s));
    }
};

QTEST_MAIN(TestContextBlock)
#include "tst_contextblock.moc"
