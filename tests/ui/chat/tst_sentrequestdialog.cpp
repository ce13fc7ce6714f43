// SPDX-License-Identifier: Apache-2.0
// "What was sent": every message of a request with its tokens, the selected one in full, and the
// exact messages as JSON.
#include "chat/contextwindow.h"
#include "ui/chat/sentrequestdialog.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace cody;

namespace {

QList<ChatMessage> request()
{
    return {
        {ChatMessage::Speaker::System, u"You are Cody, an AI coding assistant from Sourcegraph."_s},
        {ChatMessage::Speaker::Human,
            u"Codebase context from file /src/squirrel.ts in repository github.com/o/r:\n"
            u"```typescript:/src/squirrel.ts\nexport interface Squirrel {}\n```"_s},
        {ChatMessage::Speaker::Assistant, u"Ok."_s},
        {ChatMessage::Speaker::Human, u"What is Squirrel?"_s},
    };
}

} // namespace

class TestSentRequestDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void showsEveryMessageWithItsTokens()
    {
        SentRequestDialog dialog;
        const QList<ChatMessage> messages = request();
        dialog.setRequest(messages, u"cody/anthropic::2023-06-01::claude-3-haiku"_s);
        QCOMPARE(dialog.messageList()->count(), 4);
        qint64 total = 0;
        for (int i = 0; i < messages.size(); ++i) {
            const qint64 tokens = ContextWindow::estimateTokens(messages.at(i));
            total += tokens;
            const QString row = dialog.messageList()->item(i)->text();
            QVERIFY2(row.startsWith(u"%1 · %2 · about %3 tokens"_s.arg(i + 1)
                                        .arg(speakerName(messages.at(i).speaker))
                                        .arg(tokens)),
                qPrintable(row));
        }
        QVERIFY2(dialog.summary()->text().contains(u"4 messages"_s),
            qPrintable(dialog.summary()->text()));
        QVERIFY2(dialog.summary()->text().contains(u"about %1 tokens"_s.arg(total)),
            qPrintable(dialog.summary()->text()));
        // The question is selected first; any other message shows in full when chosen.
        QCOMPARE(dialog.messageText()->toPlainText(), u"What is Squirrel?"_s);
        dialog.messageList()->setCurrentRow(1);
        QCOMPARE(dialog.messageText()->toPlainText(), messages.at(1).text);
    }

    void copiesTheExactMessages()
    {
        SentRequestDialog dialog;
        dialog.setRequest(request(), u"m"_s);
        const QJsonArray array = QJsonDocument::fromJson(dialog.messagesJson()).array();
        QCOMPARE(array.size(), 4);
        QCOMPARE(array.at(0).toObject().value(u"speaker"_s).toString(), u"system"_s);
        QCOMPARE(array.at(1).toObject().value(u"text"_s).toString(), request().at(1).text);
        QCOMPARE(array.at(3).toObject().value(u"speaker"_s).toString(), u"human"_s);
    }

    void oneMessageAndNone()
    {
        SentRequestDialog dialog;
        dialog.setRequest({{ChatMessage::Speaker::Human, u"hi"_s}}, u"m"_s);
        QVERIFY(dialog.summary()->text().startsWith(u"1 message sent to m"_s));
        dialog.setRequest({}, u"m"_s);
        QCOMPARE(dialog.messageList()->count(), 0);
        QVERIFY(dialog.messageText()->toPlainText().isEmpty());
    }

    // What the context limit left out is said with the request, as under the reply; the summary
    // is text, whatever a model's name holds.
    void saysWhatTheLimitLeftOut()
    {
        SentRequestDialog dialog;
        dialog.setRequest(
            request(), u"<b>m</b>"_s, u"2 earlier messages not sent (context limit)"_s);
        QCOMPARE(dialog.summary()->text().section(u'\n', 1),
            u"2 earlier messages not sent (context limit)"_s);
        QVERIFY(dialog.summary()->text().contains(u"sent to <b>m</b>"_s));
        QCOMPARE(dialog.summary()->textFormat(), Qt::PlainText);
    }
};

QTEST_MAIN(TestSentRequestDialog)
#include "tst_sentrequestdialog.moc"
