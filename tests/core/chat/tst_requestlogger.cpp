// SPDX-License-Identifier: Apache-2.0
#include "chat/replyorchestrator.h"
#include "chat/requestlogger.h"
#include "fakesourcegraph.h"
#include "replyrunner.h"

#include <QBuffer>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace cody;
using namespace cody::test;

class TestRequestLogger : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void logsEveryHookWithoutTheToken_data()
    {
        QTest::addColumn<QString>("scenario");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("retries") << u"server-error"_s
                                 << QStringList {u"request: segment 1, attempt 1"_s,
                                        u"retry: segment 1, attempt 2"_s,
                                        u"request: segment 1, attempt 3"_s, u"segment 1 finished"_s,
                                        u"finished: 1 segment(s)"_s};
        QTest::newRow("continuation") << u"truncated"_s
                                      << QStringList {u"request: segment 2, attempt 1"_s,
                                             u"segment 2 finished: stopReason \"max_tokens\""_s};
        QTest::newRow("failure") << u"unauthorized"_s
                                 << QStringList {u"finished with error (auth)"_s};
    }

    void logsEveryHookWithoutTheToken()
    {
        QFETCH(QString, scenario);
        QFETCH(QStringList, expected);
        FakeSourcegraph server;
        QVERIFY(server.listen());
        SourcegraphClient client(clientSettingsFor(server));
        QBuffer log;
        QVERIFY(log.open(QIODevice::WriteOnly));
        RequestLogger logger(&log);
        ReplyOrchestrator reply(&client, scenarioRequest(scenario));
        logger.watch(&reply);
        QSignalSpy finished(&reply, &ReplyOrchestrator::finished);
        reply.start();
        QVERIFY(finished.wait(20'000));
        const QString text = QString::fromUtf8(log.data());
        for (const auto &line : expected)
            QVERIFY2(text.contains(line), qPrintable(u"missing \"%1\" in:\n%2"_s.arg(line, text)));
        QVERIFY(!log.data().contains(server.options().token));
        QVERIFY(!log.data().contains("sgp_"));
    }
};

QTEST_GUILESS_MAIN(TestRequestLogger)
#include "tst_requestlogger.moc"
