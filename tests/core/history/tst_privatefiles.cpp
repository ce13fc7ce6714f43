// SPDX-License-Identifier: Apache-2.0
// The history is the user's alone: its folder 0700 and its files 0600 under any umask, and an
// installation made before (0755 / 0644) tightened when the store next opens it. Real files, a
// real ConversationStore; the umask is this process's own, restored after each test.
#include "history/conversationstore.h"
#include "history/privatefiles.h"

#include <QDir>
#include <QFile>
#include <QSaveFile>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace Qt::StringLiterals;
using namespace cody;

namespace {

int modeOf(const QString &path)
{
    struct stat info = {};
    return ::stat(QFile::encodeName(path).constData(), &info) == 0 ? int(info.st_mode & 0777) : -1;
}

QString octal(int mode)
{
    return QString::number(mode, 8);
}

} // namespace

class TestPrivateFiles : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init() { m_umask = ::umask(022); }
    void cleanup() { ::umask(m_umask); }

    void newHistoryIsPrivate_data()
    {
        QTest::addColumn<int>("umask");
        QTest::newRow("umask 022 (the usual)") << 022;
        QTest::newRow("umask 000") << 000;
    }

    void newHistoryIsPrivate()
    {
        QFETCH(int, umask);
        ::umask(mode_t(umask));
        QTemporaryDir home;
        QVERIFY(home.isValid());
        const QString dir = home.filePath(u"data/cody-chat"_s);
        const QString path = dir + u"/history.sqlite"_s;
        ConversationStore store;
        QString error;
        QVERIFY2(store.open(path, &error), qPrintable(error));
        StoredConversation conversation;
        conversation.title = u"secret"_s;
        conversation.model = u"cody-opus"_s;
        QVERIFY2(store.createConversation(conversation, &error) > 0, qPrintable(error));
        QCOMPARE(octal(modeOf(dir)), u"700"_s);
        QCOMPARE(octal(modeOf(path)), u"600"_s);
        for (const QString &suffix : {u"-wal"_s, u"-shm"_s}) {
            if (QFile::exists(path + suffix))
                QCOMPARE(octal(modeOf(path + suffix)), u"600"_s);
        }
    }

    void olderInstallationIsTightened()
    {
        QTemporaryDir home;
        QVERIFY(home.isValid());
        const QString dir = home.filePath(u"cody-chat"_s);
        const QString path = dir + u"/history.sqlite"_s;
        {
            ConversationStore store;
            QString error;
            QVERIFY2(store.open(path, &error), qPrintable(error));
        }
        // As an earlier version left it under umask 022.
        QVERIFY(::chmod(QFile::encodeName(dir).constData(), 0755) == 0);
        QVERIFY(::chmod(QFile::encodeName(path).constData(), 0644) == 0);
        QFile wal(path + u"-wal"_s);
        QVERIFY(wal.open(QIODevice::WriteOnly | QIODevice::Append));
        wal.close();
        QVERIFY(::chmod(QFile::encodeName(wal.fileName()).constData(), 0644) == 0);

        ConversationStore store;
        QString error;
        QVERIFY2(store.open(path, &error), qPrintable(error));
        QCOMPARE(octal(modeOf(dir)), u"700"_s);
        QCOMPARE(octal(modeOf(path)), u"600"_s);
        QCOMPARE(octal(modeOf(wal.fileName())), u"600"_s);
    }

    // What the programs do first: nothing they create is ever open to others, not even for the
    // moment between QSaveFile's rename and a chmod (two processes saving the settings at once
    // saw each other's file as 0644).
    void restrictedUmaskMakesNewFilesPrivate()
    {
        ::umask(002);
        privatefiles::restrictUmask();
        const mode_t now = ::umask(022);
        QCOMPARE(int(now), 077);
        ::umask(now);
        QTemporaryDir dir;
        QSaveFile file(dir.filePath(u"cody-chat.ini"_s));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("[General]\n");
        QVERIFY(file.commit());
        QCOMPARE(modeOf(file.fileName()), 0600);
        QVERIFY(QDir(dir.path()).mkpath(u"a/b"_s));
        QCOMPARE(modeOf(dir.filePath(u"a/b"_s)), 0700);
    }

    void helpersSayWhatTheyChanged()
    {
        QTemporaryDir home;
        const QString file = home.filePath(u"f"_s);
        bool tightened = true;
        QVERIFY(privatefiles::makeFile(file, &tightened));
        QVERIFY(!tightened); // created private: nothing to tighten
        QVERIFY(::chmod(QFile::encodeName(file).constData(), 0664) == 0);
        QVERIFY(privatefiles::makeFile(file, &tightened));
        QVERIFY(tightened);
        QCOMPARE(octal(modeOf(file)), u"600"_s);
        QVERIFY(!privatefiles::tighten(file));
        QVERIFY(!privatefiles::makeFile(home.filePath(u"missing/f"_s)));
    }

private:
    mode_t m_umask = 022;
};

QTEST_GUILESS_MAIN(TestPrivateFiles)
#include "tst_privatefiles.moc"
