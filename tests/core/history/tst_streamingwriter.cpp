// SPDX-License-Identifier: Apache-2.0
#include "history/conversationstore.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using cody::ChatMessage;
using cody::ConversationStore;
using cody::StoredConversation;
using cody::StoredMessage;
using cody::StreamingWriter;
using cody::TokenUsage;

class TestStreamingWriter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void flushesAfterInterval();
    void flushesAtFlushBytes_data();
    void flushesAtFlushBytes();
    void finishStoresFinalState();
    void destructorFlushes();
    void failureIsReported();
    void survivesStoreDeletedFirst();

private:
    QString storedText() const { return m_store->messages(m_conversationId).first().text; }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<ConversationStore> m_store;
    qint64 m_conversationId = 0;
    qint64 m_messageId = 0;
};

void TestStreamingWriter::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_store = std::make_unique<ConversationStore>();
    QString error;
    QVERIFY2(m_store->open(m_dir->filePath(u"history.sqlite"_s), &error), qPrintable(error));
    StoredConversation c;
    c.title = u"streaming"_s;
    m_conversationId = m_store->createConversation(c, &error);
    StoredMessage m;
    m.conversationId = m_conversationId;
    m.speaker = ChatMessage::Speaker::Assistant;
    m.state = StoredMessage::State::Streaming;
    m_messageId = m_store->appendMessage(m, &error);
    QVERIFY2(m_messageId, qPrintable(error));
}

void TestStreamingWriter::cleanup()
{
    m_store.reset();
    m_dir.reset();
}

void TestStreamingWriter::flushesAfterInterval()
{
    StreamingWriter writer(m_store.get(), m_messageId);
    QElapsedTimer clock;
    clock.start();
    writer.append(u"Hel"_s);
    writer.append(u"lo"_s);
    QCOMPARE(storedText(), QString());
    QTRY_COMPARE_WITH_TIMEOUT(storedText(), u"Hello"_s, 5 * StreamingWriter::FlushIntervalMs);
    QVERIFY(clock.elapsed() >= StreamingWriter::FlushIntervalMs - 50);
    // A second batch starts its own interval.
    writer.append(u", world"_s);
    QCOMPARE(storedText(), u"Hello"_s);
    QTRY_COMPARE_WITH_TIMEOUT(
        storedText(), u"Hello, world"_s, 5 * StreamingWriter::FlushIntervalMs);
}

void TestStreamingWriter::flushesAtFlushBytes_data()
{
    QTest::addColumn<QString>("piece");
    QTest::newRow("ascii") << u"0123456789abcdef"_s; // 16 bytes
    QTest::newRow("two-byte UTF-8") << u"éééééééé"_s; // 16 bytes, 8 UTF-16 units
}

void TestStreamingWriter::flushesAtFlushBytes()
{
    QFETCH(QString, piece);
    const int pieceBytes = int(piece.toUtf8().size());
    StreamingWriter writer(m_store.get(), m_messageId);
    QString sent;
    for (int i = 0; i < StreamingWriter::FlushBytes / pieceBytes - 1; ++i) {
        writer.append(piece);
        sent += piece;
    }
    QCOMPARE(storedText(), QString());
    writer.append(piece); // reaches FlushBytes: written at once, no timer
    sent += piece;
    QCOMPARE(storedText(), sent);
}

void TestStreamingWriter::finishStoresFinalState()
{
    auto writer = std::make_unique<StreamingWriter>(m_store.get(), m_messageId);
    writer->append(u"partial text"_s);
    StoredMessage final;
    final.conversationId = m_conversationId;
    final.speaker = ChatMessage::Speaker::Assistant;
    final.text = u"partial text, finished"_s;
    final.state = StoredMessage::State::Complete;
    final.stopReason = u"end_turn"_s;
    final.usage = TokenUsage {5, 7};
    QString error;
    QVERIFY2(writer->finish(final, &error), qPrintable(error));
    writer->append(u" ignored"_s);
    writer.reset();
    const StoredMessage stored = m_store->messages(m_conversationId).first();
    QCOMPARE(stored.text, final.text);
    QCOMPARE(stored.state, StoredMessage::State::Complete);
    QCOMPARE(stored.stopReason, u"end_turn"_s);
    QCOMPARE(stored.usage, final.usage);
}

void TestStreamingWriter::destructorFlushes()
{
    {
        StreamingWriter writer(m_store.get(), m_messageId);
        writer.append(u"last words"_s);
        QCOMPARE(storedText(), QString());
    }
    QCOMPARE(storedText(), u"last words"_s);
}

void TestStreamingWriter::failureIsReported()
{
    StreamingWriter writer(m_store.get(), m_messageId + 1000);
    QSignalSpy failed(&writer, &StreamingWriter::failed);
    writer.append(u"nowhere to go"_s);
    QVERIFY(failed.wait(5 * StreamingWriter::FlushIntervalMs));
    QVERIFY(failed.first().first().toString().contains(QString::number(m_messageId + 1000)));
}

void TestStreamingWriter::survivesStoreDeletedFirst()
{
    StreamingWriter writer(m_store.get(), m_messageId);
    QSignalSpy failed(&writer, &StreamingWriter::failed);
    writer.append(u"pending"_s);
    m_store.reset();
    QString error;
    QVERIFY(!writer.finish(StoredMessage {}, &error));
    QVERIFY(!error.isEmpty());
    QCOMPARE(failed.size(), 1);
}

QTEST_GUILESS_MAIN(TestStreamingWriter)
#include "tst_streamingwriter.moc"
