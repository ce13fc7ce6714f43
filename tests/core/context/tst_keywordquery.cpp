// SPDX-License-Identifier: Apache-2.0
#include "context/keywordquery.h"
#include "recordings.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Qt::StringLiterals;
using cody::KeywordQuery;
using namespace cody::test;

namespace {

// The text of the last `completion` event of a legacy stream (full text so far in each).
QString lastCompletion(const QByteArray &stream)
{
    QString text;
    for (const QByteArray &line : stream.split('\n')) {
        if (line.startsWith("data: {\"completion\""))
            text = QJsonDocument::fromJson(line.mid(6))[u"completion"_s].toString();
    }
    return text;
}

} // namespace

class TestKeywordQuery : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void withoutMentions_data()
    {
        QTest::addColumn<QString>("question");
        QTest::addColumn<QStringList>("mentions");
        QTest::addColumn<QString>("expected");
        QTest::newRow("none") << u"What is Squirrel?"_s << QStringList() << u"What is Squirrel?"_s;
        QTest::newRow("one chip") << u"what does @github.com/sourcegraph/cody do?"_s
                                  << QStringList {u"@github.com/sourcegraph/cody"_s}
                                  << u"what does do?"_s;
        QTest::newRow("a longer chip first")
            << u"compare @cody and @cody/agent/"_s << QStringList {u"@cody"_s, u"@cody/agent/"_s}
            << u"compare and"_s;
        QTest::newRow("twice, with line breaks")
            << u"@repo\nexplain\n\n@repo"_s << QStringList {u"@repo"_s} << u"explain"_s;
        QTest::newRow("only chips") << u"@repo"_s << QStringList {u"@repo"_s} << QString();
    }

    void withoutMentions()
    {
        QFETCH(QString, question);
        QFETCH(QStringList, mentions);
        QFETCH(QString, expected);
        QCOMPARE(KeywordQuery::withoutMentions(question, mentions), expected);
    }

    // Recording 28's body, but for the empty trailing assistant message that only a request
    // without api-version may carry (at api-version 1 the server refuses it, recording 02).
    void bodyIsTheRecordedOne()
    {
        REQUIRE_RECORDING(path, u"28-*-request.json"_s);
        QJsonObject recorded = QJsonDocument::fromJson(readRecording(path)).object();
        QJsonArray messages = recorded.value(u"messages"_s).toArray();
        QCOMPARE(messages.last()[u"speaker"_s].toString(), u"assistant"_s);
        QVERIFY(!messages.last().toObject().contains(u"text"_s));
        messages.removeLast();
        recorded.insert(u"messages"_s, messages);
        const QJsonObject ours = QJsonDocument::fromJson(
            KeywordQuery::requestBody(u"what is squirrel? Explain as briefly as possible."_s))
                                     .object();
        QCOMPARE(ours, recorded);
        QVERIFY(!ours.contains(u"model"_s));
    }

    // Recording 28's answer is the query recording 22 sent: "overview squirrel".
    void recordedAnswerGivesTheRecordedQuery()
    {
        REQUIRE_RECORDING(answerPath, u"28-*-response.sse"_s);
        REQUIRE_RECORDING(searchPath, u"22-*-request.json"_s);
        const QString answer = lastCompletion(readRecording(answerPath));
        QVERIFY(answer.startsWith(u"<keywords>"_s));
        const QString sent
            = QJsonDocument::fromJson(readRecording(searchPath))[u"variables"_s][u"query"_s]
                  .toString();
        QCOMPARE(sent, u"overview squirrel"_s);
        QCOMPARE(KeywordQuery::parseAnswer(answer), sent);
    }

    void parsesAnswers_data()
    {
        QTest::addColumn<QString>("answer");
        QTest::addColumn<QString>("expected");
        QTest::newRow("query (cody HEAD)")
            << u"Sure.\n<query>search indexing queue</query>\nDone."_s
            << u"search indexing queue"_s;
        QTest::newRow("query wins, entities")
            << u"<query>\"result limit hit\" &amp; more</query><keywords><keyword><value>x</value></keyword></keywords>"_s
            << u"\"result limit hit\" & more"_s;
        QTest::newRow("keywords: each word once, sorted")
            << u"<keywords><keyword><value>zeta "
               u"alpha</value></keyword><keyword><value>alpha</value>"
               "<weight>0.2</weight></keyword></keywords>"_s
            << u"alpha zeta"_s;
        QTest::newRow("keyword without value")
            << u"<keywords><keyword>ledger</keyword><keyword>balance</keyword></keywords>"_s
            << u"balance ledger"_s;
        QTest::newRow("no tags") << u"I cannot help with that."_s << QString();
        QTest::newRow("empty keywords") << u"<keywords></keywords>"_s << QString();
        QTest::newRow("empty query") << u"<query>  </query>"_s << QString();
        QTest::newRow("cut off") << u"<keywords><keyword><value>squirr"_s << QString();
    }

    void parsesAnswers()
    {
        QFETCH(QString, answer);
        QFETCH(QString, expected);
        QCOMPARE(KeywordQuery::parseAnswer(answer), expected);
    }
};

QTEST_GUILESS_MAIN(TestKeywordQuery)
#include "tst_keywordquery.moc"
