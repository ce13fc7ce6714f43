// SPDX-License-Identifier: Apache-2.0
// The database file itself: migrations, newer schemas, damaged and unreadable files, read-only
// files and two connections on one file.
#include "contextsamples.h"
#include "conversationstoretestsupport.h"
#include "history/conversationstore.h"
#include "history/databaseopenmarker.h"
#include "history/sqlitefile.h"
#include "readonlybindmount.h"

using namespace cody::test;

class TestConversationSchema : public ConversationStoreFixture
{
    Q_OBJECT

private Q_SLOTS:
    void init() { makeDirectory(); }
    void migratesFromVersion0_data();
    void migratesFromVersion0();
    void migratesFromVersion1KeepsEverything();
    void failedMigrationChangesNothing();
    void refusesNewerVersion_data();
    void refusesNewerVersion();
    void corruptFileMovedAside_data();
    void corruptFileMovedAside();
    void corruptNameTakenGetsNumber();
    void unreadablePath_data();
    void unreadablePath();
    void readOnlyDatabase_data();
    void readOnlyDatabase();
    void twoInstancesShareFile();
    void truncationFoundFromTheHeader();
    void openMarkersTellACrashFromAClose();
};

void TestConversationSchema::migratesFromVersion0_data()
{
    QTest::addColumn<QStringList>("setup");
    QTest::newRow("empty file") << QStringList {};
    // A real database header with user_version 0 and no tables left.
    QTest::newRow("user_version 0, no tables") << QStringList {
        u"CREATE TABLE scratch (x)"_s, u"DROP TABLE scratch"_s, u"PRAGMA user_version = 0"_s};
}

void TestConversationSchema::migratesFromVersion0()
{
    QFETCH(QStringList, setup);
    {
        QFile file(dbPath());
        QVERIFY(file.open(QIODevice::WriteOnly));
    }
    if (!setup.isEmpty()) {
        QVERIFY(rawExec(dbPath(), setup) >= 0);
        QVERIFY(QFileInfo(dbPath()).size() > 0);
    }
    {
        ConversationStore store;
        QString error;
        QVERIFY2(store.open(dbPath(), &error), qPrintable(error));
        QVERIFY(store.movedAside().isEmpty());
        const qint64 cid = store.createConversation(makeConversation(u"after migration"_s), &error);
        QVERIFY2(cid, qPrintable(error));
        QVERIFY(store.appendMessage(
            makeMessage(cid, ChatMessage::Speaker::Human, u"searchable"_s), &error));
        QCOMPARE(store.search(u"searchable"_s, 5, &error).size(), 1);
    }
    QCOMPARE(rawExec(dbPath(), {u"PRAGMA user_version"_s}), 2);
}

// A history written by schema version 1 (tests/data/history-v1.sqlite, made by that version's
// code) gains the context tables and loses nothing: every conversation and message as the export
// it was imported from has them, still found by search, and its messages can take context.
void TestConversationSchema::migratesFromVersion1KeepsEverything()
{
    QVERIFY2(QFile::copy(QStringLiteral(CODY_TEST_DATA_DIR "/history-v1.sqlite"), dbPath()),
        "tests/data/history-v1.sqlite is missing");
    QVERIFY(QFile::setPermissions(dbPath(), QFileDevice::ReadOwner | QFileDevice::WriteOwner));
    QCOMPARE(rawExec(dbPath(), {u"PRAGMA user_version"_s}), 1);
    QFile exported(QStringLiteral(CODY_TEST_DATA_DIR "/history-v1.json"));
    QVERIFY(exported.open(QIODevice::ReadOnly));
    const QJsonObject expected = QJsonDocument::fromJson(exported.readAll()).object();
    QVERIFY(!expected.isEmpty());

    ConversationStore store;
    QString error;
    QVERIFY2(store.open(dbPath(), &error), qPrintable(error));
    QVERIFY(store.movedAside().isEmpty());
    QCOMPARE(rawExec(dbPath(), {u"PRAGMA user_version"_s}), 2);
    QCOMPARE(
        titles(store.conversations(0, 10)), QStringList({u"Squirrel overview"_s, u"Failed one"_s}));

    // The export now has an empty "context" per message, and is otherwise what it was.
    QJsonObject actual = QJsonDocument::fromJson(store.exportAllJson()).object();
    QJsonArray conversations = actual.value(u"conversations"_s).toArray();
    for (QJsonValueRef conversation : conversations) {
        QJsonObject object = conversation.toObject();
        QJsonArray messages = object.value(u"messages"_s).toArray();
        for (QJsonValueRef message : messages) {
            QJsonObject fields = message.toObject();
            QCOMPARE(fields.take(u"context"_s), QJsonValue(QJsonArray()));
            message = fields;
        }
        object.insert(u"messages"_s, messages);
        conversation = object;
    }
    actual.insert(u"conversations"_s, conversations);
    QCOMPARE(actual, expected);

    QCOMPARE(
        hitTitles(store.search(u"aardvark"_s, 10, &error)), QStringList {u"Squirrel overview"_s});
    QCOMPARE(hitTitles(store.search(u"zebra"_s, 10, &error)), QStringList {u"Failed one"_s});
    QCOMPARE(rawExec(dbPath(),
                 {u"INSERT INTO messages_fts (messages_fts) VALUES ('integrity-check')"_s}),
        0);

    // An old message takes context, and a new one comes with it.
    const qint64 cid = store.conversations(0, 1).constFirst().id;
    const qint64 first = store.messages(cid).constFirst().id;
    const cody::ContextItem repository = mentionedRepository();
    QVERIFY2(store.setMessageContext(first, {repository}, &error), qPrintable(error));
    StoredMessage next = makeMessage(cid, ChatMessage::Speaker::Human, u"and now?"_s);
    next.context = {repository};
    QVERIFY2(store.appendMessage(next, &error), qPrintable(error));
    const QList<StoredMessage> messages = store.messages(cid);
    QCOMPARE(messages.size(), 5);
    QCOMPARE(messages.first().context, QList<cody::ContextItem> {repository});
    QCOMPARE(messages.last().context, QList<cody::ContextItem> {repository});
    QCOMPARE(messages.at(1).context, QList<cody::ContextItem>());
}

// A step that fails halfway leaves the file at the version it had, with nothing of the step in
// it: here a table of the same name (hand-made) is in the way of the step's last statement.
void TestConversationSchema::failedMigrationChangesNothing()
{
    QVERIFY(QFile::copy(QStringLiteral(CODY_TEST_DATA_DIR "/history-v1.sqlite"), dbPath()));
    QVERIFY(QFile::setPermissions(dbPath(), QFileDevice::ReadOwner | QFileDevice::WriteOwner));
    QVERIFY(rawExec(dbPath(), {u"CREATE TABLE context_contents (x)"_s}) >= 0);
    const QString tables
        = u"SELECT COUNT(*) FROM sqlite_master WHERE name LIKE 'message_context%'"_s;
    {
        ConversationStore store;
        QString error;
        QVERIFY(!store.open(dbPath(), &error));
        QVERIFY2(error.contains(u"from version 1 to 2"_s), qPrintable(error));
        QVERIFY2(error.contains(u"context_contents"_s), qPrintable(error));
        QVERIFY(!store.isOpen());
        QVERIFY(store.movedAside().isEmpty());
    }
    QCOMPARE(rawExec(dbPath(), {u"PRAGMA user_version"_s}), 1);
    QCOMPARE(rawExec(dbPath(), {tables}), 0);
    QCOMPARE(rawExec(dbPath(), {u"SELECT COUNT(*) FROM messages"_s}), 6);

    // With the obstacle gone, the same file migrates.
    QVERIFY(rawExec(dbPath(), {u"DROP TABLE context_contents"_s}) >= 0);
    ConversationStore store;
    QString error;
    QVERIFY2(store.open(dbPath(), &error), qPrintable(error));
    QCOMPARE(store.conversationCount(), 2);
    QCOMPARE(rawExec(dbPath(), {tables}), 2); // the table and its index
}

void TestConversationSchema::refusesNewerVersion_data()
{
    QTest::addColumn<int>("version");
    QTest::newRow("the next version") << ConversationStore::schemaVersion() + 1;
    QTest::newRow("far ahead") << 99;
}

void TestConversationSchema::refusesNewerVersion()
{
    QFETCH(int, version);
    QVERIFY(rawExec(dbPath(),
                {u"CREATE TABLE future (x)"_s, u"PRAGMA user_version = %1"_s.arg(version)})
        >= 0);
    const QByteArray before = fileHash(dbPath());
    QVERIFY(!before.isEmpty());
    ConversationStore store;
    QString error;
    QVERIFY(!store.open(dbPath(), &error));
    QVERIFY2(
        error.contains(QString::number(version)) && error.contains(u"newer"_s), qPrintable(error));
    QVERIFY(!store.isOpen());
    QVERIFY(store.movedAside().isEmpty());
    QCOMPARE(fileHash(dbPath()), before);
    QCOMPARE(QDir(m_dir->path()).entryList(QDir::Files), QStringList {u"history.sqlite"_s});
}

void TestConversationSchema::corruptFileMovedAside_data()
{
    QTest::addColumn<QString>("kind");
    QTest::newRow("random bytes") << u"random"_s;
    QTest::newRow("truncated database") << u"truncated"_s;
}

void TestConversationSchema::corruptFileMovedAside()
{
    QFETCH(QString, kind);
    if (kind == u"random") {
        QFile file(dbPath());
        QVERIFY(file.open(QIODevice::WriteOnly));
        QByteArray bytes(8192, Qt::Uninitialized);
        QRandomGenerator generator(42);
        for (char &byte : bytes)
            byte = char(generator.bounded(256));
        file.write(bytes);
    } else {
        {
            ConversationStore store;
            QString error;
            QVERIFY(store.open(dbPath(), &error));
            const qint64 cid = store.createConversation(makeConversation(u"c"_s), &error);
            for (int i = 0; i < 200; ++i)
                QVERIFY(store.appendMessage(makeMessage(cid, ChatMessage::Speaker::Human,
                                                u"message %1 "_s.arg(i) + QString(800, u'x')),
                    &error));
        }
        QFile file(dbPath());
        QVERIFY(file.resize(file.size() / 2));
    }
    const QByteArray before = fileHash(dbPath());

    ConversationStore store;
    QString error;
    QVERIFY2(store.open(dbPath(), &error), qPrintable(error));
    const QString moved = store.movedAside();
    static const QRegularExpression name(u"^history\\.sqlite\\.corrupt-\\d{8}-\\d{6}$"_s);
    QVERIFY2(name.match(QFileInfo(moved).fileName()).hasMatch(), qPrintable(moved));
    QCOMPARE(QFileInfo(moved).absolutePath(), QFileInfo(dbPath()).absolutePath());
    QCOMPARE(fileHash(moved), before);
    QVERIFY(store.createConversation(makeConversation(u"fresh"_s), &error));
    QCOMPARE(store.conversationCount(), 1);
}

void TestConversationSchema::corruptNameTakenGetsNumber()
{
    // Taking the names for this second and the next keeps the test clear of a clock tick.
    const QDateTime now = QDateTime::currentDateTime();
    for (const QDateTime &time : {now, now.addSecs(1)}) {
        QFile taken(dbPath() + u".corrupt-"_s + time.toString(u"yyyyMMdd-HHmmss"_s));
        QVERIFY(taken.open(QIODevice::WriteOnly));
    }
    {
        QFile file(dbPath());
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QByteArray(4096, 'z'));
    }
    ConversationStore store;
    QString error;
    QVERIFY2(store.open(dbPath(), &error), qPrintable(error));
    QVERIFY2(store.movedAside().endsWith(u"-2"_s), qPrintable(store.movedAside()));
    QCOMPARE(QFile(store.movedAside()).size(), 4096);
}

void TestConversationSchema::unreadablePath_data()
{
    QTest::addColumn<QString>("relative");
    QTest::newRow("parent is a file") << u"afile/history.sqlite"_s;
    QTest::newRow("path is a directory") << u"adir"_s;
    QTest::newRow("empty path") << QString();
}

void TestConversationSchema::unreadablePath()
{
    QFETCH(QString, relative);
    QVERIFY(QDir(m_dir->path()).mkdir(u"adir"_s));
    {
        QFile file(m_dir->filePath(u"afile"_s));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("not a folder");
    }
    const QStringList before
        = QDir(m_dir->path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot);
    ConversationStore store;
    QString error;
    QVERIFY(!store.open(relative.isEmpty() ? QString() : m_dir->filePath(relative), &error));
    QVERIFY(!error.isEmpty());
    QVERIFY(!error.contains(u'\n'));
    QVERIFY(!store.isOpen());
    QVERIFY(store.movedAside().isEmpty());
    QCOMPARE(QDir(m_dir->path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot), before);
}

void TestConversationSchema::readOnlyDatabase_data()
{
    QTest::addColumn<int>("version");
    QTest::newRow("current version") << ConversationStore::schemaVersion();
    // Read as it is: migrating would write.
    QTest::newRow("version 1") << 1;
}

void TestConversationSchema::readOnlyDatabase()
{
    QFETCH(int, version);
    qint64 cid = 0;
    QString title = u"kept"_s;
    QString word = u"readable"_s;
    int messageCount = 1;
    if (version == 1) {
        QVERIFY(QFile::copy(QStringLiteral(CODY_TEST_DATA_DIR "/history-v1.sqlite"), dbPath()));
        cid = 2;
        title = u"Failed one"_s;
        word = u"zebra"_s;
        messageCount = 2;
    } else {
        ConversationStore store;
        QString error;
        QVERIFY(store.open(dbPath(), &error));
        cid = store.createConversation(makeConversation(u"kept"_s), &error);
        QVERIFY(store.appendMessage(
            makeMessage(cid, ChatMessage::Speaker::Human, u"readable"_s), &error));
    }
    // A user's file and folder become read-only by chmod; root ignores permissions (CI runs as
    // root), so for root the folder becomes a read-only mount: SQLite meets EROFS instead of
    // EACCES and, either way, opens the file read-only.
    std::unique_ptr<ReadOnlyBindMount> mount;
    QFile dir(m_dir->path());
    const auto dirPermissions = dir.permissions();
    const auto restore = qScopeGuard([&] { dir.setPermissions(dirPermissions); });
    if (geteuid() == 0) {
        mount = std::make_unique<ReadOnlyBindMount>(m_dir->path());
        if (!mount->isReadOnly())
            QSKIP(qPrintable(
                u"running as root, and cannot make the database read-only: "_s + mount->problem()));
    } else {
        QFile file(dbPath());
        QVERIFY(file.setPermissions(
            QFileDevice::ReadOwner | QFileDevice::ReadGroup | QFileDevice::ReadOther));
        QVERIFY(dir.setPermissions(QFileDevice::ReadOwner | QFileDevice::ExeOwner));
    }
    if (access(qPrintable(dbPath()), W_OK) == 0)
        QSKIP("neither chmod nor a read-only mount made the database read-only here");

    ConversationStore store;
    QString error;
    QVERIFY2(store.open(dbPath(), &error), qPrintable(error));
    QVERIFY(titles(store.conversations(0, 10)).contains(title));
    QCOMPARE(store.messages(cid).size(), messageCount);
    QVERIFY(store.messages(cid).constFirst().context.isEmpty());
    QCOMPARE(store.search(word, 10, &error).size(), 1);
    QVERIFY(QJsonDocument::fromJson(store.exportJson(cid)).isObject());
    QCOMPARE(store.createConversation(makeConversation(u"new"_s), &error), 0);
    QVERIFY2(error.contains(u"readonly"_s, Qt::CaseInsensitive)
            || error.contains(u"read-only"_s, Qt::CaseInsensitive),
        qPrintable(error));
}

void TestConversationSchema::twoInstancesShareFile()
{
    ConversationStore gui;
    ConversationStore cli;
    QString error;
    QVERIFY(gui.open(dbPath(), &error));
    QVERIFY(cli.open(dbPath(), &error));
    const qint64 cid = cli.createConversation(makeConversation(u"from the cli"_s), &error);
    QVERIFY(cid);
    const qint64 mid = cli.appendMessage(
        makeMessage(cid, ChatMessage::Speaker::Assistant, u"streamed "_s), &error);
    QCOMPARE(titles(gui.conversations(0, 10)), QStringList {u"from the cli"_s});
    QVERIFY(cli.appendToMessage(mid, u"text"_s, &error));
    QCOMPARE(gui.messages(cid).first().text, u"streamed text"_s);
    QVERIFY(gui.appendMessage(
        makeMessage(cid, ChatMessage::Speaker::Human, u"from the gui"_s), &error));
    QCOMPARE(cli.messages(cid).size(), 2);
    QCOMPARE(cli.search(u"gui"_s, 10, &error).size(), 1);
}

// A file cut off (crash while copying, full disk) is found without reading every page.
void TestConversationSchema::truncationFoundFromTheHeader()
{
    {
        ConversationStore store;
        QString error;
        QVERIFY(store.open(dbPath(), &error));
        const qint64 cid = store.createConversation(makeConversation(u"c"_s), &error);
        for (int i = 0; i < 50; ++i)
            QVERIFY(store.appendMessage(
                makeMessage(cid, ChatMessage::Speaker::Human, QString(2000, u'x')), &error));
    }
    QVERIFY(!cody::sqlitefile::isTruncated(dbPath()));
    QFile file(dbPath());
    QVERIFY(file.resize(file.size() - 4096));
    QVERIFY(cody::sqlitefile::isTruncated(dbPath()));
    QFile garbage(dbPath() + u".garbage"_s);
    QVERIFY(garbage.open(QIODevice::WriteOnly));
    garbage.write(QByteArray(4096, 'g'));
    garbage.close();
    QVERIFY(!cody::sqlitefile::isTruncated(garbage.fileName())); // not SQLite's: open() says so
}

// A process with the history open leaves "<file>.open-<pid>"; one whose process is gone means the
// database was not closed, and is cleared once the file has been checked.
void TestConversationSchema::openMarkersTellACrashFromAClose()
{
    const QString marker = dbPath() + u".open-%1"_s.arg(QCoreApplication::applicationPid());
    const QString dead = dbPath() + u".open-2147483646"_s; // no such process
    {
        ConversationStore store;
        QString error;
        QVERIFY(store.open(dbPath(), &error));
        QVERIFY(QFile::exists(marker));
        QCOMPARE(cody::DatabaseOpenMarker::stale(dbPath()), QStringList());
    }
    QVERIFY(!QFile::exists(marker)); // closed cleanly
    QFile crashed(dead);
    QVERIFY(crashed.open(QIODevice::WriteOnly));
    crashed.close();
    QCOMPARE(cody::DatabaseOpenMarker::stale(dbPath()), QStringList {dead});
    ConversationStore store;
    QString error;
    QVERIFY(store.open(dbPath(), &error));
    QVERIFY(!QFile::exists(dead));
    QVERIFY(QFile::exists(marker));
}

QTEST_GUILESS_MAIN(TestConversationSchema)
#include "tst_conversationschema.moc"
