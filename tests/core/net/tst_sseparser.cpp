// SPDX-License-Identifier: Apache-2.0
#include "net/sseparser.h"
#include "recordings.h"
#include "sseparsertestsupport.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QTest>

#include <algorithm>

using namespace Qt::StringLiterals;
using cody::SseEvent;
using cody::SseParser;

using namespace cody::test;

class TestSseParser : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rules_data();
    void rules();
    void everySplitMatchesOneShot_data() { rules_data(); }
    void everySplitMatchesOneShot();
    void viewsMatchEvents_data() { rules_data(); }
    void viewsMatchEvents();
    void viewsPointIntoTheInput();
    void crAtChunkEndIsOneLineEnd();
    void eventsAreDispatchedWithoutWaiting();
    void bomSplitAcrossFeeds();
    void emptyFeeds();
    void reset();
    void recorded_data();
    void recorded();
};

void TestSseParser::rules_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QList<SseEvent>>("events");
    QTest::addColumn<bool>("pending");
    QTest::addColumn<qint64>("retryMs");

    const QList<SseEvent> none;
    const QList<SseEvent> a {sse("a"_ba)};

    QTest::newRow("empty input") << QByteArray() << none << false << -1LL;
    QTest::newRow("LF") << "data: a\n\n"_ba << a << false << -1LL;
    QTest::newRow("CR") << "data: a\r\r"_ba << a << false << -1LL;
    QTest::newRow("CRLF") << "data: a\r\n\r\n"_ba << a << false << -1LL;
    QTest::newRow("mixed line ends")
        << "data: a\r\ndata: b\rdata: c\n\r\n"_ba << QList {sse("a\nb\nc"_ba)} << false << -1LL;
    QTest::newRow("LF then CR is two line ends")
        << "data: a\n\rdata: b\n\n"_ba << QList {sse("a"_ba), sse("b"_ba)} << false << -1LL;
    QTest::newRow("CR CR LF is a line and a blank line")
        << "data: a\r\r\ndata: b\n\n"_ba << QList {sse("a"_ba), sse("b"_ba)} << false << -1LL;
    QTest::newRow("blank lines only") << "\n\n\r\n\r\r"_ba << none << false << -1LL;
    QTest::newRow("BOM stripped") << "\xEF\xBB\xBF"
                                     "data: a\n\n"_ba
                                  << a << false << -1LL;
    QTest::newRow("BOM then blank line") << "\xEF\xBB\xBF\r\ndata: a\n\n"_ba << a << false << -1LL;
    QTest::newRow("only one BOM stripped") << "\xEF\xBB\xBF\xEF\xBB\xBF"
                                              "data: a\n\ndata: b\n\n"_ba
                                           << QList {sse("b"_ba)} << false << -1LL;
    QTest::newRow("BOM only at stream start") << "data: a\n\n\xEF\xBB\xBF"
                                                 "data: b\n\n"_ba
                                              << a << false << -1LL;
    QTest::newRow("incomplete BOM is part of the line") << "\xEF\xBB"
                                                           "data: a\n\ndata: b\n\n"_ba
                                                        << QList {sse("b"_ba)} << false << -1LL;
    QTest::newRow("only a BOM") << "\xEF\xBB\xBF"_ba << none << false << -1LL;
    QTest::newRow("comment") << ":comment\ndata: a\n\n"_ba << a << false << -1LL;
    QTest::newRow("comment only block") << ": keep-alive\n\n"_ba << none << false << -1LL;
    QTest::newRow("comment between data lines")
        << "data: a\n: note\ndata: b\n\n"_ba << QList {sse("a\nb"_ba)} << false << -1LL;
    QTest::newRow("comment with CR line end") << ":x\rdata: a\r\r"_ba << a << false << -1LL;
    QTest::newRow("event type") << "event: completion\ndata: {}\n\n"_ba
                                << QList {sse("{}"_ba, "completion"_ba)} << false << -1LL;
    QTest::newRow("last event field wins")
        << "event: a\nevent: b\ndata: x\n\n"_ba << QList {sse("x"_ba, "b"_ba)} << false << -1LL;
    QTest::newRow("type resets after dispatch")
        << "event: x\ndata: 1\n\ndata: 2\n\n"_ba << QList {sse("1"_ba, "x"_ba), sse("2"_ba)}
        << false << -1LL;
    QTest::newRow("type resets when nothing is dispatched")
        << "event: x\n\ndata: 2\n\n"_ba << QList {sse("2"_ba)} << false << -1LL;
    QTest::newRow("empty type means message") << "event:\ndata: a\n\n"_ba << a << false << -1LL;
    QTest::newRow("multi-line data")
        << "data: a\ndata: b\ndata: c\n\n"_ba << QList {sse("a\nb\nc"_ba)} << false << -1LL;
    QTest::newRow("data without space") << "data:a\n\n"_ba << a << false << -1LL;
    QTest::newRow("only one space stripped")
        << "data:  a \n\n"_ba << QList {sse(" a "_ba)} << false << -1LL;
    QTest::newRow("tab is not stripped")
        << "data:\ta\n\n"_ba << QList {sse("\ta"_ba)} << false << -1LL;
    QTest::newRow("colon in value")
        << "data: a: b\n\n"_ba << QList {sse("a: b"_ba)} << false << -1LL;
    QTest::newRow("field without colon")
        << "data\n\n"_ba << QList {sse(QByteArray())} << false << -1LL;
    QTest::newRow("two fields without colon")
        << "data\ndata\n\n"_ba << QList {sse("\n"_ba)} << false << -1LL;
    QTest::newRow("empty data value is dispatched")
        << "data:\n\n"_ba << QList {sse(QByteArray())} << false << -1LL;
    QTest::newRow("empty data lines")
        << "data:\ndata:\ndata: x\n\n"_ba << QList {sse("\n\nx"_ba)} << false << -1LL;
    QTest::newRow("no data is not dispatched") << "event: x\nid: 7\n\n"_ba << none << false << -1LL;
    QTest::newRow("id persists") << "id: 1\ndata: a\n\ndata: b\n\nid: 2\ndata: c\n\n"_ba
                                 << QList {sse("a"_ba, "message"_ba, "1"_ba),
                                        sse("b"_ba, "message"_ba, "1"_ba),
                                        sse("c"_ba, "message"_ba, "2"_ba)}
                                 << false << -1LL;
    QTest::newRow("id set by a block that is not dispatched")
        << "id: 9\n\ndata: a\n\n"_ba << QList {sse("a"_ba, "message"_ba, "9"_ba)} << false << -1LL;
    QTest::newRow("id with NUL is ignored")
        << "id: 1\ndata: a\n\nid: 2\x00"
           "3\ndata: b\n\n"_ba
        << QList {sse("a"_ba, "message"_ba, "1"_ba), sse("b"_ba, "message"_ba, "1"_ba)} << false
        << -1LL;
    QTest::newRow("empty id clears it")
        << "id: 1\ndata: a\n\nid\ndata: b\n\n"_ba
        << QList {sse("a"_ba, "message"_ba, "1"_ba), sse("b"_ba)} << false << -1LL;
    QTest::newRow("retry") << "retry: 3000\n\n"_ba << none << false << 3000LL;
    QTest::newRow("retry zero") << "retry:0\n"_ba << none << true << 0LL;
    QTest::newRow("retry with unit") << "retry: 3s\n\n"_ba << none << false << -1LL;
    QTest::newRow("retry negative") << "retry: -1\n\n"_ba << none << false << -1LL;
    QTest::newRow("retry with two spaces") << "retry:  30\n\n"_ba << none << false << -1LL;
    QTest::newRow("retry empty") << "retry:\nretry\n\n"_ba << none << false << -1LL;
    QTest::newRow("retry overflow")
        << "retry: 99999999999999999999999\n\n"_ba << none << false << -1LL;
    QTest::newRow("last valid retry wins")
        << "retry: 10\nretry: x\nretry: 20\nretry: 1.5\n\n"_ba << none << false << 20LL;
    QTest::newRow("retry beside data") << "retry: 50\ndata: a\n\n"_ba << a << false << 50LL;
    QTest::newRow("unknown field") << "foo: bar\ndata: a\nbaz\n\n"_ba << a << false << -1LL;
    QTest::newRow("field names are case-sensitive") << "Data: a\n\n"_ba << none << false << -1LL;
    QTest::newRow("space before colon") << "data : a\n\n"_ba << none << false << -1LL;
    QTest::newRow("trailing data without blank line") << "data: a\n"_ba << none << true << -1LL;
    QTest::newRow("unterminated line") << "data: a"_ba << none << true << -1LL;
    QTest::newRow("unterminated line after an event") << "data: a\n\ndat"_ba << a << true << -1LL;
    QTest::newRow("event field without blank line") << "event: x\n"_ba << none << true << -1LL;
    QTest::newRow("trailing comment is not an event")
        << "data: a\n\n: keep-alive\n"_ba << a << false << -1LL;
    QTest::newRow("blank line ended by CR at the end") << "data: a\n\r"_ba << a << false << -1LL;
    QTest::newRow("UTF-8 bytes kept as they are")
        << "data: h\xC3\xA9llo \xF0\x9F\x98\x80\n\n"_ba
        << QList {sse("h\xC3\xA9llo \xF0\x9F\x98\x80"_ba)} << false << -1LL;
    QTest::newRow("NUL in data kept") << "data: a\x00"
                                         "b\n\n"_ba
                                      << QList {sse("a\x00"
                                                    "b"_ba)}
                                      << false << -1LL;
    QTest::newRow("Sourcegraph stream")
        << "event: completion\ndata: {\"deltaText\":\"Hi\"}\n\nevent: done\ndata: {}\n\n"_ba
        << QList {sse("{\"deltaText\":\"Hi\"}"_ba, "completion"_ba), sse("{}"_ba, "done"_ba)}
        << false << -1LL;
    QTest::newRow("Sourcegraph stream with CRLF")
        << "event: completion\r\ndata: {}\r\n\r\nevent: done\r\ndata: {}\r\n\r\n"_ba
        << QList {sse("{}"_ba, "completion"_ba), sse("{}"_ba, "done"_ba)} << false << -1LL;
}

void TestSseParser::rules()
{
    QFETCH(QByteArray, input);
    QFETCH(QList<SseEvent>, events);
    QFETCH(bool, pending);
    QFETCH(qint64, retryMs);

    const Outcome outcome = parseOneShot(input);
    COMPARE_OUTCOME(outcome, (Outcome {events, false, pending, retryMs}));
}

void TestSseParser::everySplitMatchesOneShot()
{
    QFETCH(QByteArray, input);

    const Outcome expected = parseOneShot(input);
    // Every pair of cut points, which includes every single cut and empty middle chunks.
    for (qsizetype first = 0; first <= input.size(); ++first) {
        for (qsizetype second = first; second <= input.size(); ++second)
            COMPARE_OUTCOME(parseSplitAt(input, {first, second}), expected);
    }
    COMPARE_OUTCOME(parseByteByByte(input), expected);

    QRandomGenerator random(20240502);
    for (int round = 0; round < 50; ++round) {
        QList<qsizetype> cuts;
        const int count = random.bounded(1, 8);
        for (int i = 0; i < count; ++i)
            cuts.append(random.bounded(input.size() + 1));
        std::sort(cuts.begin(), cuts.end());
        COMPARE_OUTCOME(parseSplitAt(input, cuts), expected);
    }
}

void TestSseParser::viewsMatchEvents()
{
    QFETCH(QByteArray, input);

    const Outcome expected = parseOneShot(input);
    COMPARE_OUTCOME(parseViewsSplitAt(input, {}), expected);
    // Every single cut, so each pending line and field is kept across a feed at every byte.
    for (qsizetype cut = 0; cut <= input.size(); ++cut)
        COMPARE_OUTCOME(parseViewsSplitAt(input, {cut}), expected);
    QList<qsizetype> everyByte;
    for (qsizetype cut = 1; cut < input.size(); ++cut)
        everyByte.append(cut);
    COMPARE_OUTCOME(parseViewsSplitAt(input, everyByte), expected);
}

void TestSseParser::viewsPointIntoTheInput()
{
    // The point of feedViews(): an event that lies whole in the bytes fed is not copied.
    const QByteArray input = "event: completion\ndata: {\"a\":1}\n\n"_ba;
    SseParser parser;
    int calls = 0;
    QVERIFY(parser.feedViews(input, [&](const cody::SseEventView &event) {
        ++calls;
        QCOMPARE(event.type, "completion");
        QCOMPARE(event.data, R"({"a":1})");
        QCOMPARE(event.type.data(), input.constData() + 7);
        QCOMPARE(event.data.data(), input.constData() + 24);
    }));
    QCOMPARE(calls, 1);
}

void TestSseParser::crAtChunkEndIsOneLineEnd()
{
    SseParser parser;
    QList<SseEvent> events;
    QVERIFY(parser.feed("data: a\r", events));
    QVERIFY(parser.feed("\n", events));
    // Were the LF a line end of its own, it would have been a blank line dispatching "a".
    QVERIFY(events.isEmpty());
    QVERIFY(parser.feed("data: b\r", events));
    QVERIFY(parser.feed("", events));
    QVERIFY(parser.feed("\n\r", events));
    QCOMPARE(describe(events), describe({sse("a\nb"_ba)}));
    QVERIFY(!parser.hasPendingEvent());

    // Only the byte right after the CR is skipped when it is an LF.
    QVERIFY(parser.feed("data: c\r", events));
    QVERIFY(parser.feed("\n", events));
    QVERIFY(parser.feed("\n", events));
    QCOMPARE(events.size(), 2);
    QCOMPARE(events.last().data, "c"_ba);
}

void TestSseParser::eventsAreDispatchedWithoutWaiting()
{
    // A CR may be followed by an LF, but the parser must not hold the event back to find out.
    SseParser parser;
    QList<SseEvent> events;
    QVERIFY(parser.feed("data: a\r\r", events));
    QCOMPARE(events.size(), 1);
    QVERIFY(parser.feed("data: b\n\n", events));
    QCOMPARE(events.size(), 2);
}

void TestSseParser::bomSplitAcrossFeeds()
{
    SseParser parser;
    QList<SseEvent> events;
    QVERIFY(parser.feed("\xEF", events));
    QVERIFY(parser.feed("", events));
    QVERIFY(parser.feed("\xBB", events));
    QVERIFY(parser.feed("\xBF"
                        "da",
        events));
    QVERIFY(parser.feed("ta: a\n\n", events));
    QCOMPARE(describe(events), describe({sse("a"_ba)}));

    SseParser notBom;
    events.clear();
    QVERIFY(notBom.feed("\xEF\xBB", events));
    QVERIFY(notBom.feed("x\ndata: a\n\n", events));
    QCOMPARE(describe(events), describe({sse("a"_ba)}));
}

void TestSseParser::emptyFeeds()
{
    SseParser parser;
    QList<SseEvent> events;
    QVERIFY(parser.feed({}, events));
    QVERIFY(parser.feed("", events));
    QVERIFY(!parser.hasPendingEvent());
    QVERIFY(events.isEmpty());
}

void TestSseParser::reset()
{
    SseParser parser(64);
    QList<SseEvent> events;
    QVERIFY(parser.feed("\xEF\xBB\xBFid: 5\nretry: 9\ndata: a\n\ndata: pend", events));
    QVERIFY(parser.hasPendingEvent());
    parser.reset();
    QVERIFY(!parser.hasPendingEvent());
    QVERIFY(!parser.retryMs());
    // The BOM check starts over, and the last event id is forgotten.
    QVERIFY(parser.feed("\xEF\xBB\xBF"
                        "data: b\n\n",
        events));
    QCOMPARE(events.last(), sse("b"_ba));

    QVERIFY(!parser.feed(QByteArray(100, 'x'), events));
    QVERIFY(parser.failed());
    parser.reset();
    QVERIFY(!parser.failed());
    QVERIFY(parser.errorString().isEmpty());
    QVERIFY(parser.feed("data: c\n\n", events));
    QCOMPARE(events.last(), sse("c"_ba));
}

void TestSseParser::recorded_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<int>("completions");
    QTest::addColumn<int>("errors");

    SKIP_WITHOUT_RECORDINGS();
    const QStringList paths = recordingsMatching(u"*.sse"_s);
    QVERIFY(!paths.isEmpty());
    for (const QString &path : paths) {
        const QString file = QFileInfo(path).fileName();
        // Most recordings were collapsed to one completion event, FX/19 and FX/29 are raw
        // streams (112 and 268 events), the error ones hold one error event: the expected
        // counts are the recording's own "event:" lines, each alone on its line.
        QFile recording(path);
        QVERIFY2(recording.open(QIODevice::ReadOnly), qPrintable(file));
        const QList<QByteArray> lines = recording.readAll().split('\n');
        const int completions = int(lines.count("event: completion"_ba));
        const int errors = int(lines.count("event: error"_ba));
        QVERIFY2(completions + errors > 0, qPrintable(file));
        QTest::newRow(qPrintable(file)) << path << completions << errors;
    }
}

void TestSseParser::recorded()
{
    QFETCH(QString, path);
    QFETCH(int, completions);
    QFETCH(int, errors);

    QFile file(path);
    QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.errorString()));
    const QByteArray input = file.readAll();

    const Outcome oneShot = parseOneShot(input);
    QVERIFY(!oneShot.failed);
    QVERIFY(!oneShot.pending);
    COMPARE_OUTCOME(parseByteByByte(input), oneShot);

    const auto count = [&oneShot](const QByteArray &type) {
        return int(std::count_if(oneShot.events.cbegin(), oneShot.events.cend(),
            [&type](const SseEvent &e) { return e.type == type; }));
    };
    QCOMPARE(count("completion"_ba), completions);
    QCOMPARE(count("error"_ba), errors);
    QCOMPARE(count("done"_ba), 1);
    QCOMPARE(oneShot.events.size(), completions + errors + 1);
    QCOMPARE(oneShot.events.last().type, "done"_ba);
    QCOMPARE(oneShot.events.last().data, "{}"_ba);
    for (const SseEvent &e : oneShot.events) {
        QVERIFY(e.lastEventId.isEmpty());
        QVERIFY(e.data.startsWith('{'));
        QVERIFY(e.data.endsWith('}'));
    }
}

QTEST_GUILESS_MAIN(TestSseParser)
#include "tst_sseparser.moc"
