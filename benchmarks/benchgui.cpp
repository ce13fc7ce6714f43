// SPDX-License-Identifier: Apache-2.0
// bench-gui: what streaming costs the desktop app.
//  - Render cost: CPU time per streamed update of the ChatView in a 2 000-message conversation
//    against a 10-message one (offscreen). Goal: ratio ≤ 1.5, the cost depends on the new text.
//  - Memory in a long session: RSS after 1 000 streamed replies in one conversation against
//    after 10, through ChatController, the history store and the view, from the fake server.
// Writes a table to stdout and, with --json FILE, the figures and goals for benchmarks/RESULTS.md.
#include "benchreport.h"
#include "chatcontroller.h"
#include "chatview.h"
#include "conversationstore.h"
#include "fakesourcegraph.h"
#include "messagemodel.h"
#include "sourcegraphclient.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <ctime>

using namespace Qt::StringLiterals;
using namespace cody;

namespace {

double threadCpuMs()
{
    timespec now {};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return double(now.tv_sec) * 1000.0 + double(now.tv_nsec) / 1e6;
}

QJsonObject figure(const QString &label, const QString &unit, QList<double> runs)
{
    std::sort(runs.begin(), runs.end());
    QJsonArray values;
    for (const double run : runs)
        values.append(run);
    return {{u"label"_s, label}, {u"unit"_s, unit}, {u"runs"_s, values},
        {u"min"_s, runs.constFirst()}, {u"median"_s, runs.at(runs.size() / 2)},
        {u"max"_s, runs.constLast()}};
}

double median(QList<double> values)
{
    std::sort(values.begin(), values.end());
    return values.at(values.size() / 2);
}

// A reply with the Markdown a real one has: a paragraph, a list, a code block.
QString replyText(int i)
{
    return u"Answer %1: here is how it works, with `inline code` and **emphasis**.\n\n"
           "- first point about the design\n- second point, a little longer than the first\n\n"
           "```cpp\nint main() { return %1; }\n```\n"_s.arg(i);
}

// CPU milliseconds per streamed update, over `updates` updates of a new reply in a conversation
// of `messages` messages.
double renderCostMs(int messages, int updates)
{
    MessageModel model;
    for (int i = 0; i < messages / 2; ++i) {
        model.append({ChatMessage::Speaker::Human, u"Question %1 about the code?"_s.arg(i)});
        MessageModel::Message reply(ChatMessage::Speaker::Assistant, replyText(i));
        reply.model = u"cody/anthropic::2023-06-01::claude-3.5-sonnet"_s;
        model.append(reply);
    }
    ChatView view;
    view.resize(900, 700);
    QElapsedTimer opening;
    opening.start();
    view.setModel(&model);
    view.show();
    QCoreApplication::processEvents();
    if (qEnvironmentVariableIsSet("CODY_BENCH_VERBOSE"))
        std::printf("opening %d messages: %lld ms\n", messages, opening.elapsed());
    QTest::qWait(50);
    MessageModel::Message streaming(ChatMessage::Speaker::Assistant, {});
    streaming.state = MessageModel::State::Streaming;
    const int row = model.append(streaming);
    QTest::qWait(50);
    double cpu = 0;
    for (int i = 0; i < updates; ++i) {
        const int rendered = view.renderCount();
        const double before = threadCpuMs();
        model.appendText(row, u"token%1 "_s.arg(i));
        // One update, then the coalesced redraw it causes. The wait must block: the timed
        // processEvents() overload ignores WaitForMoreEvents and spins, and that spinning, not
        // the view, was what this measured (~30 ms per update at any conversation size).
        while (view.renderCount() == rendered)
            QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
        cpu += threadCpuMs() - before;
    }
    return cpu / updates;
}

// RSS (KiB) after `replies` streamed replies in one recorded conversation shown in a view.
QList<qint64> longSession(const QList<int> &checkpoints)
{
    // The fake server runs in its own process: it records every request, and the transcript
    // each one carries would otherwise count as the app's memory.
    QProcess server;
    server.start(QStringLiteral(CODY_FAKE_SERVER_PATH), {u"--port"_s, u"0"_s});
    if (!server.waitForStarted() || !server.waitForReadyRead(10'000))
        qFatal("the fake server did not start");
    const QString banner = QString::fromUtf8(server.readLine()).trimmed();
    SourcegraphClient::Settings settings;
    settings.baseUrl = QUrl(banner.section(u' ', -1));
    settings.accessToken = QString::fromLatin1(test::FakeSourcegraph::Options().token);
    SourcegraphClient client(settings);
    QTemporaryDir dir;
    ConversationStore store;
    QString error;
    if (!store.open(dir.filePath(u"history.sqlite"_s), &error))
        qFatal("%s", qPrintable(error));
    MessageModel messages;
    ChatController chat(&messages);
    chat.setClient(&client);
    chat.setStore(&store);
    chat.setModel(*ModelRef::parse(u"fake::v1::normal"_s));
    ChatView view;
    view.resize(900, 700);
    view.setModel(&messages);
    view.show();
    QList<qint64> rss;
    for (int reply = 1; reply <= checkpoints.constLast(); ++reply) {
        QSignalSpy finished(&chat, &ChatController::replyFinished);
        if (!chat.send(u"Message number %1, tell me more."_s.arg(reply), &error))
            qFatal("%s", qPrintable(error));
        if (!finished.wait(10'000))
            qFatal("reply %d did not finish", reply);
        if (checkpoints.contains(reply)) {
            QTest::qWait(100); // the last coalesced redraw
            rss.append(bench::residentKiB());
        }
    }
    server.kill();
    server.waitForFinished();
    return rss;
}

} // namespace

int main(int argc, char *argv[])
{
    qputenv("QT_QPA_PLATFORM",
        qgetenv("QT_QPA_PLATFORM").isEmpty() ? "offscreen" : qgetenv("QT_QPA_PLATFORM"));
    QApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption json(u"json"_s, u"Write the results as JSON to FILE."_s, u"FILE"_s);
    const QCommandLineOption runs(u"runs"_s, u"Repetitions (default 5)."_s, u"N"_s, u"5"_s);
    const QCommandLineOption renderOnly(
        u"render-only"_s, u"Only the render cost (for profiling with callgrind)."_s);
    parser.addOptions({json, runs, renderOnly});
    parser.process(app);
    const int repeat = std::max(1, parser.value(runs).toInt());

    QList<double> small, large, ratios;
    if (parser.isSet(renderOnly) && qEnvironmentVariableIsSet("CODY_BENCH_RENDER_MESSAGES")) {
        // One size only, for a profile of the update path.
        const int messages = qEnvironmentVariableIntValue("CODY_BENCH_RENDER_MESSAGES");
        std::printf("render per streamed update, %d messages: %.3f ms\n", messages,
            renderCostMs(messages, 300));
        return 0;
    }
    for (int run = 0; run < repeat; ++run) {
        // Side by side in one run: the ratio is what counts on a shared machine.
        small.append(renderCostMs(10, 100));
        large.append(renderCostMs(2000, 100));
        ratios.append(large.constLast() / small.constLast());
    }
    if (parser.isSet(renderOnly)) {
        std::printf("render per streamed update: %.3f ms (10 messages), %.3f ms (2000)\n",
            median(small), median(large));
        return 0;
    }
    const QList<qint64> rss = longSession({10, 1000});
    const double growthMiB = double(rss.at(1) - rss.at(0)) / 1024.0;
    // The text those 990 replies and prompts hold, as UTF-16 in the model and UTF-8 in SQLite.
    const double textMiB = 990.0 * 2 * 60 * 3 / (1024.0 * 1024.0);

    std::printf("render per streamed update, 10 messages:    %.3f ms (median of %d)\n",
        median(small), repeat);
    std::printf("render per streamed update, 2000 messages:  %.3f ms\n", median(large));
    std::printf("ratio (goal <= 1.5):                        %.2f\n", median(ratios));
    std::printf("RSS after 10 replies:   %.1f MiB\n", double(rss.at(0)) / 1024.0);
    std::printf("RSS after 1000 replies: %.1f MiB (growth %.1f MiB)\n", double(rss.at(1)) / 1024.0,
        growthMiB);

    if (parser.isSet(json)) {
        const QJsonArray figures {figure(u"CPU per streamed update, 10 messages"_s, u"ms"_s, small),
            figure(u"CPU per streamed update, 2 000 messages"_s, u"ms"_s, large),
            figure(u"RSS after 10 streamed replies"_s, u"MiB"_s, {double(rss.at(0)) / 1024.0}),
            figure(u"RSS after 1 000 streamed replies"_s, u"MiB"_s, {double(rss.at(1)) / 1024.0})};
        const QJsonArray goals {QJsonObject {{u"label"_s, u"render cost, 2 000 vs 10 messages"_s},
                                    {u"ratio"_s, median(ratios)}, {u"goal"_s, u"≤ 1.5×"_s},
                                    {u"met"_s, median(ratios) <= 1.5}},
            QJsonObject {{u"label"_s, u"RSS growth over 990 more replies"_s},
                {u"ratio"_s, growthMiB}, {u"goal"_s, u"≈ the text kept"_s},
                {u"met"_s, growthMiB <= 4 * textMiB + 4},
                {u"note"_s,
                    u"growth in MiB; the text itself is about %1 MiB"_s.arg(textMiB, 0, 'f', 1)}}};
        QFile out(parser.value(json));
        if (!out.open(QIODevice::WriteOnly)) {
            std::fprintf(stderr, "cannot write %s\n", qPrintable(out.fileName()));
            return 1;
        }
        out.write(QJsonDocument(QJsonObject {{u"benchmark"_s, u"gui"_s},
                                    {u"title"_s, u"Desktop app: streaming render and memory"_s},
                                    {u"figures"_s, figures}, {u"goals"_s, goals}})
                      .toJson());
    }
    return 0;
}
