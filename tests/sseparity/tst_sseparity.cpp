// SPDX-License-Identifier: Apache-2.0
// SseParser against an independent implementation: eventsource-parser (npm) parsed the random
// streams of the corpus; ours must find the same events however the bytes are split.
//
// Mapping of the two representations:
// - type: eventsource-parser reports no type for "message"; the generator writes "message".
// - data: both join data lines with LF; the corpus holds UTF-8, ours keeps the raw bytes.
// - id: WHATWG keeps a *last event ID* across events, also one set by a block that dispatched
//   nothing, and so does SseParser (SseEvent::lastEventId). eventsource-parser 3 reports only an
//   `id:` seen in the event's own block and forgets it afterwards. So where it reports an id, ours
//   must equal it; where it reports none, ours must be the previous event's id, or come from an
//   `id:` line in a block without data (counted and printed; eventsource-parser cannot show it).
// - retry: the last valid `retry:` value; the generator stays below 2^53 so JavaScript is exact.
#include "sseparsertestsupport.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTest>

using namespace cody::test;

namespace {

constexpr int RandomSplitsPerStream = 16;

QByteArray fromBase64(const QJsonValue &value)
{
    return QByteArray::fromBase64(value.toString().toLatin1());
}

QString corpusPath()
{
    const QByteArray fromEnvironment = qgetenv("CODY_SSE_PARITY_CORPUS");
    if (!fromEnvironment.isEmpty())
        return QString::fromLocal8Bit(fromEnvironment);
    return QString::fromUtf8(CODY_SSE_PARITY_CORPUS);
}

} // namespace

class TestSseParity : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void matchesEventsourceParser();
};

void TestSseParity::matchesEventsourceParser()
{
    QFile file(corpusPath());
    if (!file.open(QIODevice::ReadOnly)) {
        // The CTest fixture sseparity_corpus writes it; without it nothing was compared.
        QFAIL(qPrintable(u"no corpus at %1: run the suite (ctest, whose fixture sseparity_corpus "
                         "writes it with Node and npm) or scripts/sse-differential.sh, or set "
                         "CODY_SSE_PARITY_CORPUS"_s.arg(file.fileName())));
    }
    QJsonParseError error;
    const QJsonObject corpus = QJsonDocument::fromJson(file.readAll(), &error).object();
    QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
    const QJsonArray streams = corpus.value("streams"_L1).toArray();
    QVERIFY(!streams.isEmpty());

    QRandomGenerator random(corpus.value("seed"_L1).toInt());
    qint64 parses = 0;
    qint64 eventCount = 0;
    qint64 idsFromBlocksWithoutData = 0;
    for (qsizetype index = 0; index < streams.size(); ++index) {
        const QJsonObject stream = streams.at(index).toObject();
        const QByteArray bytes = fromBase64(stream.value("bytes"_L1));
        const QByteArray context
            = "stream "_ba + QByteArray::number(index) + ": "_ba + describe({sse(bytes, {}, {})});

        const Outcome oneShot = parseOneShot(bytes);
        ++parses;
        QVERIFY2(!oneShot.failed, context.constData());

        // Ours against eventsource-parser.
        const QJsonArray expected = stream.value("events"_L1).toArray();
        QList<SseEvent> theirs;
        QByteArray previousId;
        for (qsizetype i = 0; i < expected.size(); ++i) {
            const QJsonObject event = expected.at(i).toObject();
            const QByteArray ours
                = i < oneShot.events.size() ? oneShot.events.at(i).lastEventId : previousId;
            QByteArray id = previousId;
            if (!event.value("id"_L1).isNull()) {
                id = fromBase64(event.value("id"_L1));
            } else if (ours != previousId) {
                QVERIFY2(bytes.contains(QByteArray("id:" + ours))
                        || bytes.contains(QByteArray("id: " + ours)),
                    context.constData());
                ++idsFromBlocksWithoutData;
                id = ours;
            }
            theirs.append(
                sse(fromBase64(event.value("data"_L1)), fromBase64(event.value("event"_L1)), id));
            previousId = id;
        }
        QVERIFY2(describe(oneShot.events) == describe(theirs),
            QByteArray(context + "\nours:\n" + describe(oneShot.events) + "eventsource-parser:\n"
                + describe(theirs))
                .constData());
        const QJsonValue retry = stream.value("retry"_L1);
        QCOMPARE(oneShot.retryMs, retry.isNull() ? -1 : qint64(retry.toDouble()));
        eventCount += expected.size();

        // Ours split every way against ours in one piece.
        for (qsizetype cut = 0; cut <= bytes.size(); ++cut) {
            const Outcome split = parseSplitAt(bytes, {cut});
            ++parses;
            if (describe(split.events) != describe(oneShot.events)
                || split.retryMs != oneShot.retryMs || split.pending != oneShot.pending) {
                QFAIL(QByteArray(context + " split at " + QByteArray::number(cut)).constData());
            }
        }
        COMPARE_OUTCOME(parseByteByByte(bytes), oneShot);
        ++parses;
        for (int n = 0; n < RandomSplitsPerStream; ++n) {
            QList<qsizetype> cuts;
            for (qsizetype cut = 0; cut < bytes.size(); cut += 1 + random.bounded(8))
                cuts.append(cut);
            const Outcome split = parseSplitAt(bytes, cuts);
            ++parses;
            if (describe(split.events) != describe(oneShot.events)
                || split.retryMs != oneShot.retryMs || split.pending != oneShot.pending) {
                QByteArray at;
                for (const qsizetype cut : std::as_const(cuts))
                    at += ' ' + QByteArray::number(cut);
                QFAIL(QByteArray(context + " split at" + at).constData());
            }
        }
    }
    qInfo("%lld streams, %lld events, %lld parses (every split point, byte by byte and %d random "
          "multi-way splits per stream); %lld ids came from blocks without data",
        qint64(streams.size()), eventCount, parses, RandomSplitsPerStream,
        idsFromBlocksWithoutData);
}

QTEST_GUILESS_MAIN(TestSseParity)
#include "tst_sseparity.moc"
