// SPDX-License-Identifier: Apache-2.0
// SseParser under hostile input: the event size limit keeps memory bounded, and work stays linear
// in the bytes fed however they are split.
#include "net/sseparser.h"
#include "sseparsertestsupport.h"

#include <QRandomGenerator>
#include <QTest>

using namespace cody::test;

class TestSseParserLimits : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void limitMessage_data();
    void limitMessage();
    void giantLineFailsBeforeItEnds();
    void giantLineFedByteByByteStaysBounded();
    void manyDataLinesExceedLimit();
    void limitIsPerEvent();
    void limitFailureIsSplitIndependent();
    void linearWork_data();
    void linearWork();
};

void TestSseParserLimits::limitMessage_data()
{
    QTest::addColumn<qsizetype>("limit");
    QTest::addColumn<QString>("message");

    QTest::newRow("default") << SseParser::DefaultMaxEventBytes
                             << u"server-sent event larger than 16 MiB; refusing it"_s;
    QTest::newRow("KiB") << qsizetype(64 * 1024)
                         << u"server-sent event larger than 64 KiB; refusing it"_s;
    QTest::newRow("KiB, not a whole MiB")
        << qsizetype(1536 * 1024) << u"server-sent event larger than 1536 KiB; refusing it"_s;
    QTest::newRow("bytes") << qsizetype(1000)
                           << u"server-sent event larger than 1000 bytes; refusing it"_s;
}

void TestSseParserLimits::limitMessage()
{
    QFETCH(qsizetype, limit);
    QFETCH(QString, message);

    SseParser parser(limit);
    QList<SseEvent> events;
    QVERIFY(parser.errorString().isEmpty());
    const QByteArray line = "data: "_ba + QByteArray(limit, 'x') + "\n\n"_ba;
    QVERIFY(!parser.feed(line, events));
    QVERIFY(parser.failed());
    QCOMPARE(parser.errorString(), message);
    QVERIFY(events.isEmpty());
}

void TestSseParserLimits::giantLineFailsBeforeItEnds()
{
    constexpr qsizetype Limit = 1024 * 1024;
    constexpr qsizetype Chunk = 64 * 1024;
    SseParser parser(Limit);
    QList<SseEvent> events;
    QVERIFY(parser.feed("data: small\n\ndata: ", events));
    QCOMPARE(events.size(), 1);

    const QByteArray chunk(Chunk, 'x');
    qsizetype fed = 6; // "data: "
    int chunks = 0;
    while (parser.feed(chunk, events)) {
        fed += Chunk;
        ++chunks;
        QVERIFY2(chunks < 1000, "a line that never ends must not be buffered without bound");
    }
    // It failed on the first chunk that took the line over the limit: what the parser holds never
    // grew past the limit, whatever the line's length.
    QVERIFY(fed <= Limit);
    QVERIFY(fed + Chunk > Limit);
    QVERIFY(parser.failed());
    QVERIFY(!parser.hasPendingEvent());
    QCOMPARE(parser.errorString(), u"server-sent event larger than 1 MiB; refusing it"_s);

    // Failed is final: nothing more is parsed or appended.
    QVERIFY(!parser.feed("\n\ndata: after\n\n", events));
    QCOMPARE(events.size(), 1);
    QVERIFY(parser.failed());
}

void TestSseParserLimits::giantLineFedByteByByteStaysBounded()
{
    constexpr qsizetype Limit = 4096;
    SseParser parser(Limit);
    QList<SseEvent> events;
    qsizetype lineLength = 0;
    while (parser.feed("x", events)) {
        ++lineLength;
        QVERIFY2(lineLength <= Limit, "the unterminated line outgrew the limit");
    }
    QCOMPARE(lineLength, Limit);
}

void TestSseParserLimits::manyDataLinesExceedLimit()
{
    constexpr qsizetype Limit = 64 * 1024;
    QByteArray input = "data: first\n\n"_ba;
    const QByteArray line = "data: 0123456789abcdef\n"_ba;
    while (input.size() < 4 * Limit)
        input += line;
    input += "\ndata: never\n\n"_ba;

    for (const bool byteByByte : {false, true}) {
        const Outcome outcome
            = byteByByte ? parseByteByByte(input, Limit) : parseOneShot(input, Limit);
        QCOMPARE(describe(outcome.events), describe({sse("first"_ba)}));
        QVERIFY(outcome.failed);
    }

    SseParser parser(Limit);
    QList<SseEvent> events;
    QVERIFY(!parser.feed(input, events));
    QCOMPARE(parser.errorString(), u"server-sent event larger than 64 KiB; refusing it"_s);
}

void TestSseParserLimits::limitIsPerEvent()
{
    constexpr qsizetype Limit = 1024;
    QByteArray input;
    const QByteArray payload(1000, 'y');
    for (int i = 0; i < 100; ++i)
        input += "event: completion\ndata: "_ba + payload + "\n\n"_ba;

    const Outcome outcome = parseOneShot(input, Limit);
    QVERIFY(!outcome.failed);
    QCOMPARE(outcome.events.size(), 100);
    QCOMPARE(outcome.events.last().data, payload);
    COMPARE_OUTCOME(parseByteByByte(input, Limit), outcome);
}

void TestSseParserLimits::limitFailureIsSplitIndependent()
{
    constexpr qsizetype Limit = 40;
    const QByteArray input = "data: ok\n\ndata: 0123456789\ndata: 0123456789\n"
                             "data: 0123456789\ndata: 0123456789\n\ndata: late\n\n"_ba;
    const Outcome expected = parseOneShot(input, Limit);
    QVERIFY(expected.failed);
    QCOMPARE(describe(expected.events), describe({sse("ok"_ba)}));
    for (qsizetype cut = 0; cut <= input.size(); ++cut)
        COMPARE_OUTCOME(parseSplitAt(input, {cut}, Limit), expected);
    COMPARE_OUTCOME(parseByteByByte(input, Limit), expected);
}

void TestSseParserLimits::linearWork_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<qsizetype>("eventCount");

    constexpr qsizetype Size = 4 * 1024 * 1024;
    // A parser that rescanned its buffered tail on every feed would need hours for these when fed
    // one byte at a time; a linear one needs well under a second.
    QByteArray events;
    qsizetype count = 0;
    while (events.size() < Size) {
        events += "event: completion\r\ndata: {\"deltaText\":\"token "_ba
            + QByteArray::number(count) + "\"}\r\n\r\n"_ba;
        ++count;
    }
    QTest::newRow("many small events") << events << count;

    QByteArray lines = "data: "_ba;
    while (lines.size() < Size)
        lines += "0123456789abcdef\ndata: "_ba;
    lines += "end\n\n"_ba;
    QTest::newRow("one event of many lines") << lines << qsizetype(1);

    QTest::newRow("one 4 MiB line")
        << "data: "_ba + QByteArray(Size, 'z') + "\r\r"_ba << qsizetype(1);
}

void TestSseParserLimits::linearWork()
{
    QFETCH(QByteArray, input);
    QFETCH(qsizetype, eventCount);

    const Outcome large = parseChunks([&input] {
        QList<QByteArrayView> chunks;
        for (qsizetype i = 0; i < input.size(); i += 16 * 1024)
            chunks.append(
                QByteArrayView(input).sliced(i, std::min<qsizetype>(16 * 1024, input.size() - i)));
        return chunks;
    }());
    QVERIFY(!large.failed);
    QCOMPARE(large.events.size(), eventCount);

    const Outcome single = parseByteByByte(input);
    QVERIFY(!single.failed);
    QCOMPARE(single.events.size(), eventCount);
    QVERIFY(single.events == large.events);
    QVERIFY(!single.pending);
}

QTEST_GUILESS_MAIN(TestSseParserLimits)
#include "tst_sseparserlimits.moc"
