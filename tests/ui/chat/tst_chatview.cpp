// SPDX-License-Identifier: Apache-2.0
#include "chat/messagemodel.h"
#include "ui/chat/chatview.h"

#include <QAbstractTextDocumentLayout>
#include <QApplication>
#include <QClipboard>
#include <QContextMenuEvent>
#include <QMenu>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTest>
#include <QTextFrame>
#include <QTimer>

using namespace Qt::StringLiterals;
using namespace cody;

class TestChatView : public QObject
{
    Q_OBJECT

private:
    static MessageModel::Message reply(
        const QString &text, MessageModel::State state = MessageModel::State::Complete)
    {
        MessageModel::Message message;
        message.speaker = ChatMessage::Speaker::Assistant;
        message.text = text;
        message.state = state;
        message.model = u"cody/anthropic::2023-06-01::claude-3.5-sonnet"_s;
        return message;
    }

private Q_SLOTS:
    // A streamed update redraws the streamed message only, and fast text is coalesced.
    void streamingRedrawsOneMessageAtABoundedRate()
    {
        MessageModel model;
        for (int i = 0; i < 200; ++i) {
            model.append({ChatMessage::Speaker::Human, u"question %1"_s.arg(i)});
            model.append(
                reply(u"answer %1 with `code` and a [link](https://example.com)"_s.arg(i)));
        }
        ChatView view;
        view.resize(600, 400);
        view.setModel(&model);
        view.show();
        const int initial = view.renderCount();
        QCOMPARE(initial, 400);

        const int row = model.append(reply({}, MessageModel::State::Streaming));
        QCOMPARE(view.renderCount(), initial + 1);
        for (int i = 0; i < 1000; ++i)
            model.appendText(row, u"word "_s);
        QCOMPARE(view.renderCount(), initial + 1); // nothing redrawn synchronously
        QTRY_VERIFY(view.renderCount() > initial + 1);
        // One redraw for the whole burst: a second one would come within an interval or two.
        QVERIFY(!QTest::qWaitFor(
            [&] { return view.renderCount() > initial + 2; }, 5 * ChatView::UpdateIntervalMs));
        QCOMPARE(view.renderCount(), initial + 2);
        QVERIFY(view.toPlainText().contains(u"word word word"_s));
    }

    void followsTheReplyOnlyFromTheBottom()
    {
        MessageModel model;
        for (int i = 0; i < 100; ++i)
            model.append(reply(u"line\n\nline\n\nline %1"_s.arg(i)));
        ChatView view;
        view.resize(500, 300);
        view.setModel(&model);
        view.show();
        QScrollBar *bar = view.verticalScrollBar();
        QVERIFY(bar->maximum() > 0);

        bar->setValue(bar->maximum());
        const int row = model.append(reply({}, MessageModel::State::Streaming));
        model.appendText(row, u"more\n\nmore\n\nmore\n\nmore"_s);
        QTRY_VERIFY(view.toPlainText().contains(u"more"_s));
        QTRY_COMPARE(bar->value(), bar->maximum());

        bar->setValue(10); // the reader scrolled up to read something
        model.appendText(row, u"\n\neven more\n\nand more"_s);
        QTRY_VERIFY(view.toPlainText().contains(u"even more"_s));
        QCOMPARE(bar->value(), 10);
    }

    void copyLinks()
    {
        MessageModel model;
        model.append(reply(u"Here:\n\n```cpp\nint main() { return 0; }\n```\n"_s));
        ChatView view;
        view.setModel(&model);
        QSignalSpy copied(&view, &ChatView::copied);
        Q_EMIT view.anchorClicked(QUrl(u"cody-copy-code:0-0"_s));
        QCOMPARE(QApplication::clipboard()->text(), u"int main() { return 0; }"_s);
        Q_EMIT view.anchorClicked(QUrl(u"cody-copy-message:0"_s));
        QCOMPARE(QApplication::clipboard()->text(), model.message(0).text);
        QCOMPARE(copied.count(), 2);
        QVERIFY(view.toHtml().contains(u"cody-copy-code:0-0"_s));
    }

    void failedReplyShowsErrorAndRetry()
    {
        MessageModel model;
        auto failed = reply(u"Partial"_s, MessageModel::State::Failed);
        failed.error = u"the server failed (HTTP 500)"_s;
        model.append(failed);
        ChatView view;
        view.setModel(&model);
        QSignalSpy retry(&view, &ChatView::retryRequested);
        QVERIFY(view.toPlainText().contains(u"Partial"_s));
        QVERIFY(view.toPlainText().contains(u"HTTP 500"_s));
        QVERIFY(view.toHtml().contains(u"cody-retry:"_s));
        Q_EMIT view.anchorClicked(QUrl(u"cody-retry:"_s));
        QCOMPARE(retry.count(), 1);
    }

    // Messages sit in groups of frames (so that a streamed update does not walk every message);
    // the groups must not show: the gap between two messages is the same across a boundary.
    void messagesAreEvenlySpacedAcrossGroups()
    {
        MessageModel model;
        for (int i = 0; i < 200; ++i)
            model.append(reply(u"answer %1"_s.arg(i)));
        ChatView view;
        view.resize(500, 300);
        view.setModel(&model);
        view.show();
        QList<QTextFrame *> messages;
        const QList<QTextFrame *> groups = view.document()->rootFrame()->childFrames();
        QCOMPARE(groups.size(), (200 + 63) / 64);
        for (QTextFrame *group : groups)
            messages += group->childFrames();
        QCOMPARE(messages.size(), 200);
        QAbstractTextDocumentLayout *layout = view.document()->documentLayout();
        const auto gap = [&](int i) {
            return layout->frameBoundingRect(messages.at(i)).top()
                - layout->frameBoundingRect(messages.at(i - 1)).bottom();
        };
        for (int i = 2; i < messages.size(); ++i)
            QVERIFY2(qAbs(gap(i) - gap(1)) < 1.0,
                qPrintable(u"gap before message %1: %2, not %3"_s.arg(i).arg(gap(i)).arg(gap(1))));
        // A new message goes into the last group, and on into a new one when that is full.
        for (int i = 200; i < 260; ++i)
            model.append(reply(u"answer %1"_s.arg(i)));
        QCOMPARE(view.document()->rootFrame()->childFrames().size(), (260 + 63) / 64 + 0);
        QVERIFY(view.toPlainText().contains(u"answer 259"_s));
    }

    // "What was sent" on every reply that is not streaming, finished or failed or stopped.
    void whatWasSentOnEveryFinishedReply()
    {
        MessageModel model;
        model.append({ChatMessage::Speaker::Human, u"one"_s});
        model.append(reply(u"first"_s));
        model.append({ChatMessage::Speaker::Human, u"two"_s});
        auto failed = reply({}, MessageModel::State::Failed);
        failed.error = u"the server failed (HTTP 500)"_s;
        model.append(failed);
        model.append({ChatMessage::Speaker::Human, u"three"_s});
        model.append(reply(u"cut"_s, MessageModel::State::Cancelled));
        model.append({ChatMessage::Speaker::Human, u"four"_s});
        const int streaming = model.append(reply(u"so far"_s, MessageModel::State::Streaming));
        ChatView view;
        view.setModel(&model);
        const QString html = view.toHtml();
        for (const int row : {1, 3, 5})
            QVERIFY2(html.contains(u"cody-sent:%1\""_s.arg(row)), qPrintable(QString::number(row)));
        for (const int row : {0, 2, 4, 6, streaming})
            QVERIFY(!html.contains(u"cody-sent:%1\""_s.arg(row)));

        QSignalSpy requested(&view, &ChatView::sentRequestRequested);
        Q_EMIT view.anchorClicked(QUrl(u"cody-sent:3"_s));
        QCOMPARE(requested.count(), 1);
        QCOMPARE(requested.constFirst().constFirst().toInt(), 3);
        // Not for a prompt, a streaming reply or a row that is not there.
        for (const QString &link : {u"cody-sent:2"_s, u"cody-sent:%1"_s.arg(streaming),
                 u"cody-sent:99"_s, u"cody-sent:-1"_s})
            Q_EMIT view.anchorClicked(QUrl(link));
        QCOMPARE(requested.count(), 1);

        auto done = model.message(streaming);
        done.state = MessageModel::State::Complete;
        model.update(streaming, done);
        QTRY_VERIFY(view.toHtml().contains(u"cody-sent:%1\""_s.arg(streaming)));
    }

    // From the keyboard too: the context menu of the reply the cursor is in (Tab moves it from
    // link to link) offers "What Was Sent"; a prompt's does not.
    void whatWasSentFromTheContextMenu()
    {
        MessageModel model;
        model.append({ChatMessage::Speaker::Human, u"one"_s});
        model.append(reply(u"first answer"_s));
        model.append({ChatMessage::Speaker::Human, u"two"_s});
        model.append(reply(u"second answer"_s));
        ChatView view;
        view.resize(500, 400);
        view.setModel(&model);
        view.show();
        QSignalSpy requested(&view, &ChatView::sentRequestRequested);

        const auto openMenuAt = [&](const QString &text) {
            view.setTextCursor(view.document()->find(text));
            QStringList offered;
            QTimer::singleShot(0, &view, [&offered] {
                auto *menu = qobject_cast<QMenu *>(QApplication::activePopupWidget());
                if (!menu)
                    return;
                for (QAction *action : menu->actions())
                    offered.append(action->objectName());
                if (QAction *sent = menu->findChild<QAction *>(u"whatWasSentAction"_s))
                    sent->trigger();
                menu->close();
            });
            QContextMenuEvent event(QContextMenuEvent::Keyboard, view.cursorRect().center(),
                view.mapToGlobal(view.cursorRect().center()));
            QApplication::sendEvent(view.viewport(), &event);
            return offered;
        };
        view.setTextCursor(view.document()->find(u"two"_s));
        QCOMPARE(view.rowAt(view.textCursor().position()), 2);
        QVERIFY(openMenuAt(u"first answer"_s).contains(u"whatWasSentAction"_s));
        QCOMPARE(requested.count(), 1);
        QCOMPARE(requested.constLast().constFirst().toInt(), 1);
        QVERIFY(!openMenuAt(u"two"_s).contains(u"whatWasSentAction"_s));
        QCOMPARE(requested.count(), 1);
        QVERIFY(openMenuAt(u"second answer"_s).contains(u"whatWasSentAction"_s));
        QCOMPARE(requested.constLast().constFirst().toInt(), 3);
        QCOMPARE(view.rowAt(-1), -1);
        QCOMPARE(view.rowAt(view.document()->characterCount() + 10), -1);
    }

    void promptsAreShownAsTextNotHtml()
    {
        MessageModel model;
        model.append({ChatMessage::Speaker::Human, u"<b>not bold</b> & <script>x</script>"_s});
        ChatView view;
        view.setModel(&model);
        QVERIFY(view.toPlainText().contains(u"<b>not bold</b> & <script>x</script>"_s));
    }
};

QTEST_MAIN(TestChatView)
#include "tst_chatview.moc"
