// SPDX-License-Identifier: Apache-2.0
// bench-sse: SSE parsing throughput (issue "performance", part 1) on a capture held in memory and
// fed in 16 KiB pieces, as a socket delivers it. Prints one JSON line of MB/s per measure, so
// run.sh can interleave it with the eventsource-parser side (eventsource.mjs) and take medians.
#include "capturegenerator.h"
#include "cody/completionevent.h"
#include "net/sseparser.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

#include <cstring>
#include <functional>

using namespace Qt::StringLiterals;
using namespace cody;

namespace {

constexpr qsizetype PieceBytes = 16 * 1024;
constexpr qint64 CaptureEvents = 1'500'000;

/// What a measure saw, checked against the other measures so none can be optimised away.
struct Tally
{
    qint64 units = 0; ///< lines (memchr) or events
    qint64 chars = 0; ///< UTF-16 units of deltaText (decode)
};

Tally scanLines(const QByteArray &capture)
{
    Tally tally;
    const char *p = capture.constData();
    const char *const end = p + capture.size();
    while (const void *hit = std::memchr(p, '\n', size_t(end - p))) {
        ++tally.units;
        p = static_cast<const char *>(hit) + 1;
    }
    return tally;
}

QByteArrayView piece(const QByteArray &capture, qsizetype at)
{
    return QByteArrayView(capture).sliced(at, qMin(PieceBytes, capture.size() - at));
}

/// Framing through feedViews(): every event handed over, nothing copied.
Tally frame(const QByteArray &capture)
{
    Tally tally;
    SseParser parser;
    for (qsizetype at = 0; at < capture.size(); at += PieceBytes) {
        if (!parser.feedViews(piece(capture, at), [&](const SseEventView &) { ++tally.units; }))
            qFatal("the capture did not parse");
    }
    return tally;
}

/// The capture cut after every event ("\n\n"), as a real server's one-chunk-per-event stream
/// arrives when the client keeps up. Cut once per process, outside the timings.
const QList<QByteArrayView> &eventPieces(const QByteArray &capture)
{
    static QList<QByteArrayView> pieces;
    if (pieces.isEmpty()) {
        qsizetype from = 0;
        for (qsizetype end = capture.indexOf("\n\n"); end >= 0;
             end = capture.indexOf("\n\n", from)) {
            pieces.append(QByteArrayView(capture).sliced(from, end + 2 - from));
            from = end + 2;
        }
        if (from < capture.size())
            pieces.append(QByteArrayView(capture).sliced(from));
    }
    return pieces;
}

/// Framing through feedViews(), one event per feed: the parser's cost per call shows.
Tally framePerEvent(const QByteArray &capture)
{
    Tally tally;
    SseParser parser;
    for (const QByteArrayView event : eventPieces(capture)) {
        if (!parser.feedViews(event, [&](const SseEventView &) { ++tally.units; }))
            qFatal("the capture did not parse");
    }
    return tally;
}

/// Framing through feed(): each event copied into an SseEvent of a QList.
Tally frameToList(const QByteArray &capture)
{
    Tally tally;
    SseParser parser;
    QList<SseEvent> events;
    for (qsizetype at = 0; at < capture.size(); at += PieceBytes) {
        events.clear();
        if (!parser.feed(piece(capture, at), events))
            qFatal("the capture did not parse");
        tally.units += events.size();
    }
    return tally;
}

Tally frameAndDecode(const QByteArray &capture)
{
    Tally tally;
    SseParser parser;
    const auto decode = [&](const SseEventView &event) {
        const CompletionEvent decoded = CompletionEvent::decode(event.type, event.data);
        if (decoded.kind == CompletionEvent::Kind::Malformed)
            qFatal("%s", qPrintable(decoded.errorMessage));
        ++tally.units;
        if (decoded.deltaText)
            tally.chars += decoded.deltaText->size();
    };
    for (qsizetype at = 0; at < capture.size(); at += PieceBytes) {
        if (!parser.feedViews(piece(capture, at), decode))
            qFatal("the capture did not parse");
    }
    return tally;
}

QByteArray loadCapture(const QString &path, bool generate)
{
    QFile file(path);
    if (file.open(QIODevice::ReadOnly))
        return file.readAll();
    if (!generate)
        qFatal("%s: %s (run with --generate)", qPrintable(path), qPrintable(file.errorString()));
    bench::CaptureStats stats;
    const QByteArray capture = bench::generateCapture(CaptureEvents, &stats);
    if (!file.open(QIODevice::WriteOnly) || file.write(capture) != capture.size())
        qFatal("%s: %s", qPrintable(path), qPrintable(file.errorString()));
    QTextStream(stderr) << u"wrote %1: %2 bytes, %3 completion events in %4 streams\n"_s.arg(path)
                               .arg(capture.size())
                               .arg(stats.completionEvents)
                               .arg(stats.streams);
    return capture;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser options;
    options.setApplicationDescription(u"SSE parsing throughput, one JSON line of MB/s"_s);
    options.addHelpOption();
    const QCommandLineOption captureOption(u"capture"_s, u"The capture file."_s, u"file"_s);
    const QCommandLineOption generateOption(
        u"generate"_s, u"Write the capture if the file does not exist, then exit."_s);
    const QCommandLineOption runsOption(
        u"runs"_s, u"Timed runs of each measure (default 1)."_s, u"n"_s, u"1"_s);
    const QCommandLineOption onlyOption(u"only"_s,
        u"One measure: memchr, framing, framingPerEvent, framingList or decode (for callgrind)."_s,
        u"name"_s);
    options.addOptions({captureOption, generateOption, runsOption, onlyOption});
    options.process(app);
    if (!options.isSet(captureOption))
        qFatal("--capture is required");

    const QByteArray capture
        = loadCapture(options.value(captureOption), options.isSet(generateOption));
    if (options.isSet(generateOption))
        return 0;
    const int runs = qMax(1, options.value(runsOption).toInt());

    struct Measure
    {
        QString name;
        std::function<Tally(const QByteArray &)> run;
    };
    const QList<Measure> measures
        = {{u"memchr"_s, scanLines}, {u"framing"_s, frame}, {u"framingPerEvent"_s, framePerEvent},
            {u"framingList"_s, frameToList}, {u"decode"_s, frameAndDecode}};

    const QString only = options.value(onlyOption);
    QJsonObject line {{u"bytes"_s, double(capture.size())}};
    for (const Measure &measure : measures) {
        if (!only.isEmpty()) {
            if (measure.name == only)
                measure.run(capture);
            continue;
        }
        const Tally warm = measure.run(capture); // page faults and caches out of the timings
        QJsonArray mbps;
        for (int i = 0; i < runs; ++i) {
            QElapsedTimer clock;
            clock.start();
            const Tally tally = measure.run(capture);
            const qint64 ns = clock.nsecsElapsed();
            if (tally.units != warm.units || tally.chars != warm.chars)
                qFatal("%s: runs disagree", qPrintable(measure.name));
            mbps.append(double(capture.size()) * 1e3 / double(ns)); // bytes/ns*1e3 = MB/s
        }
        line.insert(measure.name, mbps);
        line.insert(measure.name + u"Count"_s, double(warm.units));
        if (measure.name == u"decode"_s)
            line.insert(u"deltaChars"_s, double(warm.chars));
    }
    if (only.isEmpty())
        QTextStream(stdout) << QJsonDocument(line).toJson(QJsonDocument::Compact) << u'\n';
    return 0;
}
