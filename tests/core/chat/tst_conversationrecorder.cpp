// SPDX-License-Identifier: Apache-2.0
// ConversationRecorder and a prompt's codebase context: recorded with the prompt or once the
// request's items are known, and read back whole to send again.
#include "chat/conversationrecorder.h"
#include "contextsamples.h"
#include "history/conversationstore.h"

#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace cody;

class TestConversationRecorder : public QObject
{
    Q_OBJECT

private:
    static ContextItem chunk(int line)
    {
        return cody::test::sentChunk(
            u"func (s *SquirrelService) symbolInfo() { // line %1\n}"_s.arg(line), line);
    }

    QTemporaryDir m_dir;

private Q_SLOTS:
    void promptAndItsContext()
    {
        ConversationStore store;
        QString error;
        QVERIFY(store.open(m_dir.filePath(u"history.sqlite"_s), &error));
        ConversationRecorder recorder(&store);
        QVERIFY(recorder.begin(0, u"what is squirrel?"_s, u"cody-opus"_s, &error));

        // The mentions known when it is sent go in with the prompt.
        const qint64 prompt
            = recorder.recordPrompt({ChatMessage::Speaker::Human, u"what is squirrel?"_s}, &error,
                {cody::test::mentionedRepository()});
        QVERIFY2(prompt, qPrintable(error));
        QCOMPARE(
            recorder.storedContext(prompt), QList<ContextItem> {cody::test::mentionedRepository()});

        // Then what the request was sent with, in their place.
        const QList<ContextItem> sent = {cody::test::mentionedRepository(), chunk(1), chunk(41)};
        QVERIFY2(recorder.recordContext(prompt, sent, &error), qPrintable(error));
        QCOMPARE(recorder.storedContext(prompt), sent);
        QCOMPARE(store.messages(recorder.conversationId()).constFirst().context.size(), 3);
        // The transcript sent again is the text; the context is the prompt builder's to add.
        QCOMPARE(recorder.context().size(), 1);
        QCOMPARE(recorder.context().constFirst().text, u"what is squirrel?"_s);

        // Regenerating drops the reply, not what its prompt was sent with.
        StoredMessage reply;
        reply.conversationId = recorder.conversationId();
        reply.speaker = ChatMessage::Speaker::Assistant;
        reply.text = u"A service."_s;
        QVERIFY(store.appendMessage(reply, &error));
        QVERIFY(recorder.dropLastReply(&error));
        QCOMPARE(store.messages(recorder.conversationId()).size(), 1);
        QCOMPARE(recorder.storedContext(prompt), sent);

        QVERIFY(!recorder.recordContext(prompt + 100, sent, &error));
        QVERIFY2(error.contains(u"no such message"_s), qPrintable(error));
        QCOMPARE(recorder.storedContext(prompt + 100), QList<ContextItem>());
    }
};

QTEST_GUILESS_MAIN(TestConversationRecorder)
#include "tst_conversationrecorder.moc"
