// SPDX-License-Identifier: Apache-2.0
// A remote file's content, whole or a line range: our 1-based inclusive ranges on the wire
// unchanged, and a range cut here equal to the same range cut by the server.
#include "cody/sourcegraphclient.h"
#include "context/remotefilecontent.h"
#include "fakecorpus.h"
#include "fakerepositoryoperations.h"
#include "fakesourcegraph.h"
#include "graphqltestsupport.h"
#include "recordings.h"
#include "replyrunner.h"

#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace cody;
using namespace cody::test;

Q_DECLARE_METATYPE(cody::ContextItem)

namespace {

const QString Billing = u"gitlab.example.com/platform/billing"_s;
const QString Ledger = u"invoices/ledger.go"_s;
const QString BillingCommit = u"c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00"_s;

QByteArray ledgerBytes()
{
    return readRecording(FakeCorpus::builtInDirectory() + u'/' + Billing + u'/' + Ledger);
}

ContextItem ledger(int start = 0, int end = 0, const QString &revision = {})
{
    ContextItem item;
    item.repoName = Billing;
    item.path = Ledger;
    item.startLine = start;
    item.endLine = end;
    item.revision = revision;
    return item;
}

} // namespace

class TestRemoteFileContent : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<FakeInstance> m_fake;
    FakeSourcegraph *m_server = nullptr;
    SourcegraphClient *m_client = nullptr;

private Q_SLOTS:
    void init()
    {
        m_fake = std::make_unique<FakeInstance>();
        QVERIFY(m_fake->listen());
        m_server = &m_fake->server;
        m_client = m_fake->client();
    }

    void cleanup() { m_fake.reset(); }

    void wholeFileAtHead()
    {
        RemoteFileContent request(m_client, ledger());
        QVERIFY(runToEnd(request));
        QVERIFY2(!request.error().isError(), qPrintable(request.error().message));
        QCOMPARE(request.item().content.toUtf8(), ledgerBytes());
        QVERIFY(request.item().revision.isEmpty());
        QCOMPARE(request.item().url.toString(),
            m_server->baseUrl().toString()
                + u"/gitlab.example.com/platform/billing/-/blob/invoices/ledger.go"_s);
        const RecordedRequest call = graphqlCalls(*m_server, u"FileContentsQuery"_s).constFirst();
        QCOMPARE(queryOf(call), RemoteFileContent::fileContentsQueryText());
        QCOMPARE(variablesOf(call),
            (QJsonObject {
                {u"repoName"_s, Billing}, {u"filePath"_s, Ledger}, {u"rev"_s, u"HEAD"_s}}));
    }

    void wholeFileAtARevision()
    {
        RemoteFileContent request(m_client, ledger(0, 0, BillingCommit));
        QVERIFY(runToEnd(request));
        QCOMPARE(request.item().content.toUtf8(), ledgerBytes());
        QCOMPARE(request.item().revision, BillingCommit);
        QVERIFY(request.item().url.path().contains(u"billing@c0ffee00"_s));
    }

    // Lines 9-11 go out as startLine 9, endLine 11 and come back as those three lines.
    void rangeAtHead()
    {
        RemoteFileContent request(m_client, ledger(9, 11));
        QVERIFY(runToEnd(request));
        QVERIFY2(!request.error().isError(), qPrintable(request.error().message));
        const RecordedRequest call = graphqlCalls(*m_server, u"GetRemoteFileQuery"_s).constFirst();
        QCOMPARE(queryOf(call), RemoteFileContent::remoteFileQueryText());
        QCOMPARE(variablesOf(call),
            (QJsonObject {{u"repositoryName"_s, Billing}, {u"filePath"_s, Ledger},
                {u"startLine"_s, 9}, {u"endLine"_s, 11}}));
        const QList<QByteArray> lines = ledgerBytes().split('\n');
        QCOMPARE(
            request.item().content.toUtf8(), lines[8] + '\n' + lines[9] + '\n' + lines[10] + '\n');
        QCOMPARE(request.item().content,
            u"type Entry struct {\n\tAt          time.Time\n\tAccount     string\n"_s);
        QCOMPARE(request.item().revision, BillingCommit); // pinned to what was read
        QCOMPARE(request.item().repoId, u"UmVwb3NpdG9yeTo3Nw=="_s);
        QCOMPARE(request.item().url.query(), u"L9-11"_s);
        QCOMPARE(request.item().displayName(), u"invoices/ledger.go:9-11"_s);
    }

    // GetRemoteFileQuery knows only HEAD: at a revision the whole file is read and cut here.
    void rangeAtARevisionIsCutHereLikeThere()
    {
        RemoteFileContent pinned(m_client, ledger(9, 11, BillingCommit.left(8)));
        QVERIFY(runToEnd(pinned));
        QCOMPARE(graphqlCalls(*m_server, u"GetRemoteFileQuery"_s).size(), 0);
        RemoteFileContent head(m_client, ledger(9, 11));
        QVERIFY(runToEnd(head));
        QCOMPARE(pinned.item().content, head.item().content);
        QCOMPARE(pinned.item().url.query(), u"L9-11"_s);
    }

    void pageContentMatchesTheServer_data()
    {
        QTest::addColumn<int>("start");
        QTest::addColumn<int>("end");
        for (const auto &[start, end] : QList<std::pair<int, int>> {{1, 1}, {1, 3}, {2, 2}, {5, 12},
                 {40, 45}, {44, 44}, {45, 99}, {99, 120}, {7, 6}, {7, 3}, {0, 4}, {3, 0}}) {
            QTest::addRow("%d-%d", start, end) << start << end;
        }
    }

    void pageContentMatchesTheServer()
    {
        QFETCH(int, start);
        QFETCH(int, end);
        const QByteArray bytes = ledgerBytes();
        QCOMPARE(RemoteFileContent::pageContent(QString::fromUtf8(bytes), start, end).toUtf8(),
            FakeRepositoryOperations::pageContent(bytes, start, end));
        QCOMPARE(
            RemoteFileContent::pageContent(u"no final newline"_s, 1, 1), u"no final newline"_s);
    }

    void missing_data()
    {
        QTest::addColumn<ContextItem>("item");
        QTest::addColumn<QString>("message");
        ContextItem noRepo = ledger();
        noRepo.repoName = u"github.com/nobody/nothing"_s;
        QTest::newRow("repository") << noRepo << u"no repository github.com/nobody/nothing"_s;
        ContextItem noFile = ledger(1, 2);
        noFile.path = u"invoices/missing.go"_s;
        QTest::newRow("file") << noFile << u"has no file invoices/missing.go at HEAD"_s;
        QTest::newRow("revision") << ledger(0, 0, u"deadbeef"_s) << u"has no revision deadbeef"_s;
    }

    void missing()
    {
        QFETCH(ContextItem, item);
        QFETCH(QString, message);
        RemoteFileContent request(m_client, item);
        QVERIFY(runToEnd(request));
        QCOMPARE(request.error().kind, ErrorKind::Http);
        QVERIFY2(request.error().message.contains(message), qPrintable(request.error().message));
        QVERIFY(request.item().content.isEmpty());
    }

    void nothingToAskFor()
    {
        ContextItem item = ledger();
        item.repoName.clear();
        RemoteFileContent request(m_client, item);
        QVERIFY(runToEnd(request));
        QCOMPARE(request.error().kind, ErrorKind::Config);
        QVERIFY(m_server->requests().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestRemoteFileContent)
#include "tst_remotefilecontent.moc"
