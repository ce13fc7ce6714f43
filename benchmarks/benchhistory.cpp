// SPDX-License-Identifier: Apache-2.0
// bench-history: what issue "history" asks — the time to open the app and to search with 10 000
// conversations stored — measured on a real SQLite file through the app's own classes.
#include "account/secretstore.h"
#include "account/session.h"
#include "benchreport.h"
#include "chat/chatcontroller.h"
#include "chat/messagemodel.h"
#include "history/conversationstore.h"
#include "historygenerator.h"
#include "ui/history/conversationlistmodel.h"
#include "ui/history/conversationsidebar.h"
#include "ui/mainwindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDeadlineTimer>
#include <QDir>
#include <QEventLoop>
#include <QFileInfo>
#include <QListView>
#include <QSettings>
#include <QTemporaryDir>
#include <QTextStream>
#include <QTimer>
#include <QWindow>

#include <memory>

using namespace Qt::StringLiterals;
using namespace cody;
using namespace cody::bench;

namespace {

/// No keychain: the benchmark must not depend on a Secret Service (or on the test library).
class NoSecrets final : public SecretStore
{
public:
    using SecretStore::SecretStore;
    void read(const QString &, QObject *context, Callback done) override
    {
        notFound(context, done);
    }
    void write(const QString &, const QString &, QObject *context, Callback done) override
    {
        notFound(context, done);
    }
    void remove(const QString &, QObject *context, Callback done) override
    {
        notFound(context, done);
    }

private:
    // Asynchronous, as SecretStore promises.
    static void notFound(QObject *context, Callback done)
    {
        QTimer::singleShot(0, context, [done] { done({SecretResult::Status::NotFound, {}, {}}); });
    }
};

struct Options
{
    QString db;
    int conversations = 10000;
    int runs = 5;
    QString json;
    int messagesPerConversation = 0; ///< 0: 4–12, varying
    int contextChunks = 0; ///< retrieved chunks per prompt when filling
};

/// The app as app/gui/main.cpp builds it, on the given history file.
struct GuiApp
{
    explicit GuiApp(const QString &historyPath)
        : settings(dir.filePath(u"cody-chat.ini"_s), QSettings::IniFormat)
    {
        QString error;
        if (!history.open(historyPath, &error))
            qFatal("%s", qPrintable(error));
        session = std::make_unique<Session>(&settings, QProcessEnvironment(), &secrets);
        chat = std::make_unique<ChatController>(&messages);
        window = std::make_unique<MainWindow>(MainWindow::Parts {
            session.get(), chat.get(), &messages, &settings, &secrets, false, &history});
        window->show();
        session->reload();
    }

    QTemporaryDir dir;
    QSettings settings;
    NoSecrets secrets;
    ConversationStore history;
    MessageModel messages;
    std::unique_ptr<Session> session;
    std::unique_ptr<ChatController> chat;
    std::unique_ptr<MainWindow> window;
};

// Process events until `done` or 30 s; what "the app has opened" or "rendered" means here.
void processUntil(const std::function<bool()> &done)
{
    QDeadlineTimer deadline(30000);
    while (!done() && !deadline.hasExpired())
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
}

void processPending()
{
    // Posted events can post more (layout, then paint): a few rounds settle them.
    for (int i = 0; i < 5; ++i) {
        QCoreApplication::sendPostedEvents();
        QCoreApplication::processEvents();
    }
}

qint64 fileSize(const QString &path)
{
    return QFileInfo(path).size();
}

void populate(const Options &options, Report *report)
{
    ConversationStore store;
    QString error;
    if (!store.open(options.db, &error))
        qFatal("%s", qPrintable(error));
    const int existing = store.conversationCount();
    if (existing > 0) {
        report->addFact(u"populate"_s, u"populate"_s,
            u"skipped: %1 conversations already in %2"_s.arg(existing).arg(options.db));
        return;
    }
    HistoryGenerator generator;
    generator.setMessagesPerConversation(options.messagesPerConversation);
    generator.setContextChunks(options.contextChunks);
    const double ms = timeMs([&] {
        if (!generator.populate(&store, options.conversations, &error))
            qFatal("%s", qPrintable(error));
    });
    report->addValue(u"populate_s"_s,
        u"populate %1 conversations (importJson, 250 per transaction)"_s.arg(options.conversations),
        ms / 1000, u"s"_s);
}

// The public API the app writes with: one transaction per message. Measured on a scratch file
// so the history under test stays the same.
void measureAppend(Report *report)
{
    QTemporaryDir dir;
    ConversationStore store;
    QString error;
    if (!store.open(dir.filePath(u"append.sqlite"_s), &error))
        qFatal("%s", qPrintable(error));
    // The same messages, then each prompt with the 17 chunks a recorded retrieval returned (FX/21)
    // written in its transaction.
    HistoryGenerator generator;
    const auto plain = generator.conversation(0, 1);
    generator.setContextChunks(17);
    const auto withContext = generator.conversation(0, 1);
    const qint64 id = store.createConversation(plain.conversation, &error);
    constexpr int Messages = 200;
    const auto perMessage = [&](const QList<StoredMessage> &sample) {
        return timeMs([&] {
            for (int i = 0; i < Messages; ++i) {
                StoredMessage m = sample.at(i % sample.size());
                m.conversationId = id;
                if (store.appendMessage(m, &error) == 0)
                    qFatal("%s", qPrintable(error));
            }
        }) / Messages;
    };
    report->addValue(u"append_message_ms"_s, u"appendMessage (own transaction), per message"_s,
        perMessage(plain.messages), u"ms"_s);
    report->addValue(u"append_context_ms"_s,
        u"the same, each prompt with 17 context chunks, per message"_s,
        perMessage(withContext.messages), u"ms"_s);
}

void reportDatabase(const Options &options, Report *report)
{
    ConversationStore store;
    QString error;
    if (!store.open(options.db, &error))
        qFatal("%s", qPrintable(error));
    report->addValue(u"conversations"_s, u"conversations stored"_s, store.conversationCount(), {});
    const double mib = 1024.0 * 1024.0;
    report->addValue(u"db_mib"_s, u"database file"_s, fileSize(options.db) / mib, u"MiB"_s);
    report->addValue(u"wal_mib"_s, u"write-ahead log (-wal)"_s,
        fileSize(options.db + u"-wal"_s) / mib, u"MiB"_s);
}

struct Largest
{
    qint64 id = 0;
    qsizetype messages = 0;
    qsizetype chars = -1;
};

// The conversation with the most text, found through the store (outside any timing).
Largest largestConversation(const QString &path)
{
    ConversationStore store;
    QString error;
    if (!store.open(path, &error))
        qFatal("%s", qPrintable(error));
    Largest best;
    for (const StoredConversation &c : store.conversations(0, -1)) {
        const QList<StoredMessage> messages = store.messages(c.id);
        qsizetype chars = 0;
        for (const StoredMessage &m : messages)
            chars += m.text.size();
        if (chars > best.chars)
            best = {c.id, messages.size(), chars};
    }
    return best;
}

void measureStoreOpen(const Options &options, Report *report)
{
    const Samples samples = repeat(options.runs, [&] {
        ConversationStore store;
        QString error;
        if (!store.open(options.db, &error))
            qFatal("%s", qPrintable(error));
    });
    report->addTiming(u"store_open"_s, u"ConversationStore::open"_s, samples);
}

// What opening the largest conversation reads from the store: its messages with what describes
// their context items, and (for comparison) with the items' contents too, which the app reads
// only to export or send a prompt again.
void measureMessages(const Options &options, const Largest &largest, Report *report)
{
    ConversationStore store;
    QString error;
    if (!store.open(options.db, &error))
        qFatal("%s", qPrintable(error));
    qsizetype items = 0;
    qsizetype contentChars = 0;
    const Samples opened = repeat(options.runs, [&] {
        items = 0;
        for (const StoredMessage &m : store.messages(largest.id))
            items += m.context.size();
    });
    const Samples loaded = repeat(options.runs, [&] {
        contentChars = 0;
        for (const StoredMessage &m :
            store.messages(largest.id, ConversationStore::ContextContent::Load)) {
            for (const ContextItem &item : m.context)
                contentChars += item.content.size();
        }
    });
    report->addTiming(u"store_messages"_s,
        u"messages() of the largest conversation (%1 msgs, %2 context items)"_s
            .arg(largest.messages)
            .arg(items),
        opened);
    report->addTiming(u"store_messages_contents"_s,
        u"the same with the items' contents (%1 chars)"_s.arg(contentChars), loaded);
}

void measureGui(const Options &options, const Largest &largest, Report *report)
{
    const qint64 rssBefore = residentKiB();
    qint64 rssShown = 0;
    Samples start;
    Samples openLargest;
    for (int run = 0; run < options.runs; ++run) {
        std::unique_ptr<GuiApp> app;
        start.ms.append(timeMs([&] {
            app = std::make_unique<GuiApp>(options.db);
            processUntil([&] {
                return app->window->sidebar()->model()->rowCount() > 0
                    && app->window->windowHandle() && app->window->windowHandle()->isExposed();
            });
            processPending(); // the first paint
        }));
        if (run == 0)
            rssShown = residentKiB();
        openLargest.ms.append(timeMs([&] {
            if (!app->chat->openConversation(largest.id))
                qFatal("Cannot open conversation %lld", largest.id);
            processPending();
        }));
    }
    report->addTiming(u"gui_start"_s, u"GUI start until sidebar shown (offscreen)"_s, start);
    report->addTiming(u"open_largest"_s,
        u"open + render largest conversation (%1 msgs, %2 chars)"_s.arg(largest.messages)
            .arg(largest.chars),
        openLargest);
    report->addValue(
        u"rss_before_gui_mib"_s, u"VmRSS before the GUI"_s, rssBefore / 1024.0, u"MiB"_s);
    report->addValue(
        u"rss_gui_mib"_s, u"VmRSS after the first window is shown"_s, rssShown / 1024.0, u"MiB"_s);
}

void measureSearch(const Options &options, Report *report)
{
    ConversationStore store;
    QString error;
    if (!store.open(options.db, &error))
        qFatal("%s", qPrintable(error));
    ConversationListModel model;
    model.setStore(&store);
    const QStringList queries
        = {u"the"_s, u"function"_s, HistoryGenerator::rareWords().first(), u"database migration"_s,
            u"refac*"_s, u"s"_s, u"th"_s, u"the "_s + HistoryGenerator::rareWords().first()};
    for (const QString &query : queries) {
        qsizetype hits = 0;
        const Samples direct = repeat(options.runs,
            [&] { hits = store.search(query, ConversationListModel::PageSize, &error).size(); });
        report->addTiming(u"search:"_s + query,
            u"search \"%1\" (%2 hits, limit 100)"_s.arg(query).arg(hits), direct);
        // Limit 1 leaves out 99 of the 100 snippet lookups: the difference is their cost.
        const Samples first = repeat(options.runs, [&] { store.search(query, 1, &error); });
        report->addTiming(u"search_limit1:"_s + query,
            u"search \"%1\" (limit 1: ranking + one snippet)"_s.arg(query), first);
        // The sidebar's search runs on its own thread: until its hits are shown.
        const Samples typed = repeat(options.runs, [&] {
            model.setQuery({});
            QEventLoop loop;
            QObject::connect(
                &model, &ConversationListModel::searchFinished, &loop, &QEventLoop::quit);
            model.setQuery(query);
            loop.exec();
        });
        report->addTiming(u"set_query:"_s + query,
            u"ConversationListModel::setQuery(\"%1\") until its hits are shown"_s.arg(query),
            typed);
    }
}

// Scrolling the sidebar to the end: each fetchMore loads a page; the view lays out every row.
void measureFullScroll(const Options &options, Report *report)
{
    GuiApp app(options.db);
    ConversationSidebar *sidebar = app.window->sidebar();
    processUntil([&] { return app.window->windowHandle()->isExposed(); });
    const Samples view = repeat(options.runs, [&] {
        sidebar->refresh(0);
        processPending();
        while (sidebar->model()->canFetchMore({})) {
            sidebar->view()->scrollToBottom();
            processPending();
        }
    });
    report->addTiming(u"full_scroll_view"_s,
        u"scroll sidebar to the end (%1 rows)"_s.arg(sidebar->model()->rowCount()), view);
    ConversationListModel model;
    model.setStore(&app.history);
    const Samples fetch = repeat(options.runs, [&] {
        model.refresh();
        while (model.canFetchMore({}))
            model.fetchMore({});
    });
    report->addTiming(u"full_scroll_model"_s, u"fetchMore to the end, model only"_s, fetch);
}

Options parseOptions(const QApplication &app, QTemporaryDir *scratch)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Times opening Cody Chat and searching a large history."_s);
    parser.addHelpOption();
    const QCommandLineOption db(
        u"db"_s, u"History file (created and filled if empty)."_s, u"file"_s);
    const QCommandLineOption count(
        u"conversations"_s, u"Conversations to store (10000)."_s, u"n"_s, u"10000"_s);
    const QCommandLineOption runs(u"runs"_s, u"Repetitions of each timing (5)."_s, u"n"_s, u"5"_s);
    const QCommandLineOption json(u"json"_s, u"Also write the numbers as JSON."_s, u"file"_s);
    const QCommandLineOption messages(u"messages"_s,
        u"Messages per conversation when filling (default: 4-12, varying)."_s, u"n"_s, u"0"_s);
    const QCommandLineOption context(u"context"_s,
        u"Retrieved context chunks per prompt when filling (default: 0, none)."_s, u"n"_s, u"0"_s);
    parser.addOptions({db, count, runs, json, messages, context});
    parser.process(app);
    Options options;
    options.db = parser.isSet(db) ? QDir::current().absoluteFilePath(parser.value(db))
                                  : scratch->filePath(u"history.sqlite"_s);
    options.conversations = qMax(1, parser.value(count).toInt());
    options.runs = qMax(1, parser.value(runs).toInt());
    options.json = parser.value(json);
    options.messagesPerConversation = qMax(0, parser.value(messages).toInt());
    options.contextChunks = qMax(0, parser.value(context).toInt());
    return options;
}

// The offscreen platform warns about every window-manager hint it ignores; that is noise here.
void quietOffscreen(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    if (message.startsWith(u"This plugin does not support"_s))
        return;
    qt_message_output(type, context, message);
}

} // namespace

int main(int argc, char *argv[])
{
    qInstallMessageHandler(quietOffscreen);
    // In-process and headless: the numbers are the app's, not a display server's.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QApplication::setApplicationName(u"bench-history"_s);
    QTemporaryDir scratch;
    const Options options = parseOptions(app, &scratch);

    Report report;
    report.addFact(u"db"_s, u"history file"_s, options.db);
    report.addValue(u"runs"_s, u"runs per timing"_s, options.runs, {});
    populate(options, &report);
    reportDatabase(options, &report);
    measureAppend(&report);
    measureStoreOpen(options, &report);
    const Largest largest = largestConversation(options.db);
    measureMessages(options, largest, &report);
    measureGui(options, largest, &report);
    measureSearch(options, &report);
    measureFullScroll(options, &report);

    QTextStream out(stdout);
    report.print(out);
    QString error;
    if (!options.json.isEmpty() && !report.writeJson(options.json, &error)) {
        QTextStream(stderr) << error << u'\n';
        return 1;
    }
    return 0;
}
