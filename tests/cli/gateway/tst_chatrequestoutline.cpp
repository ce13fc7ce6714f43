// SPDX-License-Identifier: Apache-2.0
// The outline of a chat completions body agrees with the full parse (parseChatRequest) on every
// message's role and length, and refuses what QJsonDocument would hold at great cost.
#include "gateway/chatrequestoutline.h"
#include "gateway/openaiprotocol.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace cody;
using namespace cody::openai;

class TestChatRequestOutline : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void agreesWithTheFullParse_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("one message") << QByteArray(
            R"({"model":"cody-haiku","messages":[{"role":"user","content":"hello"}]})");
        QTest::newRow("keys in another order, max_tokens") << QByteArray(
            R"({"messages":[{"content":"hello","role":"user"}],"max_tokens":77,"model":"m"})");
        QTest::newRow("max_completion_tokens") << QByteArray(
            R"({"model":"m","max_completion_tokens":9,"messages":[{"role":"user","content":"a"}]})");
        QTest::newRow("a turn, and an empty message") << QByteArray(
            R"({"model":"m","messages":[{"role":"user","content":"q"},)"
            R"({"role":"assistant","content":""},{"role":"user","content":"again"}]})");
        QTest::newRow("system and developer messages, anywhere, merged first") << QByteArray(
            R"({"model":"m","messages":[{"role":"user","content":"q"},)"
            R"({"role":"system","content":"be brief"},{"role":"developer","content":"use C++"}]})");
        QTest::newRow("text parts")
            << QByteArray(R"({"model":"m","messages":[{"role":"user","content":)"
                          R"([{"type":"text","text":"one "},{"text":"two","type":"text"}]}]})");
        QTest::newRow("escapes, a surrogate pair, UTF-8 of 2, 3 and 4 bytes") << QByteArray(
            "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":"
            "\"a\\n\\\"\\u00e9\\ud83d\\ude00 \xc3\xa9\xe6\xbc\xa2\xf0\x9f\x98\x80\"}]}");
        QTest::newRow("null content, unknown fields") << QByteArray(
            R"({"model":"m","stream":true,"user":{"a":[1,2,{"content":"x"}]},)"
            R"("messages":[{"role":"assistant","content":null,"name":"n"},{"role":"user","content":"q"}]})");
    }

    void agreesWithTheFullParse()
    {
        QFETCH(QByteArray, body);
        HttpError parseError;
        const std::optional<ChatRequest> chat = parseChatRequest(body, &parseError);
        QVERIFY2(chat, qPrintable(parseError.message));
        QString error;
        const std::optional<ChatRequestOutline> outline = ChatRequestOutline::read(body, &error);
        QVERIFY2(outline, qPrintable(error));
        QCOMPARE(outline->model, chat->model);
        QCOMPARE(outline->maxTokens.has_value(), chat->maxTokens.has_value());
        if (chat->maxTokens)
            QCOMPARE(*outline->maxTokens, qint64(*chat->maxTokens));
        QCOMPARE(outline->messages.size(), chat->messages.size());
        for (qsizetype i = 0; i < chat->messages.size(); ++i) {
            QCOMPARE(outline->messages.at(i).speaker, chat->messages.at(i).speaker);
            QCOMPARE(outline->messages.at(i).characters, chat->messages.at(i).text.size());
        }
    }

    // The full parse keeps one of two same-named keys; the outline counts both, never fewer.
    void duplicateKeysAreNotUndercounted()
    {
        const QByteArray body = R"({"model":"m","messages":[{"role":"user","content":"ab",)"
                                R"("content":"cdef"}],"messages":[{"role":"user","content":"g"}]})";
        QString error;
        const auto outline = ChatRequestOutline::read(body, &error);
        QVERIFY2(outline, qPrintable(error));
        qint64 characters = 0;
        for (const auto &message : outline->messages)
            characters += message.characters;
        QCOMPARE(characters, 7);
    }

    void refusesWhatCannotBeRead_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("message");
        QTest::newRow("not JSON") << QByteArray("{") << u"the body is not JSON: "_s;
        QTest::newRow("invalid UTF-8")
            << QByteArray("{\"model\":\"m\xff\"}") << u"the body is not JSON: "_s;
        QTest::newRow("trailing content") << QByteArray("{} {}") << u"the body is not JSON: "_s;
        QTest::newRow("an array") << QByteArray("[1]") << u"must be a JSON object"_s;
        QTest::newRow("a string") << QByteArray("\"x\"") << u"must be a JSON object"_s;
        QTest::newRow("too many values")
            << "{\"x\":[" + QByteArray("0,").repeated(ChatRequestOutline::MaxValues) + "0]}"
            << u"more than 200000 JSON values"_s;
        QTest::newRow("too deep") << "{\"x\":"
                + QByteArray("[").repeated(ChatRequestOutline::MaxDepth)
                + QByteArray("]").repeated(ChatRequestOutline::MaxDepth)
                + "}" << u"more than 1024 levels deep"_s;
    }

    void refusesWhatCannotBeRead()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, message);
        QString error;
        QVERIFY(!ChatRequestOutline::read(body, &error));
        QVERIFY2(error.contains(message), qPrintable(error));
    }

    // Just under both bounds is read.
    void readsUpToTheBounds()
    {
        QString error;
        const QByteArray deep
            = "{\"x\":" + QByteArray("[").repeated(ChatRequestOutline::MaxDepth - 1)
            + QByteArray("]").repeated(ChatRequestOutline::MaxDepth - 1) + "}";
        QVERIFY2(ChatRequestOutline::read(deep, &error), qPrintable(error));
        const QByteArray many
            = "{\"x\":[" + QByteArray("0,").repeated(ChatRequestOutline::MaxValues - 3) + "0]}";
        QVERIFY2(ChatRequestOutline::read(many, &error), qPrintable(error));
    }

    // A name too long to be a model's is described, not decoded, so that it is refused as unknown.
    void aHugeModelNameIsNotDecoded()
    {
        QString error;
        const auto outline = ChatRequestOutline::read(
            "{\"model\":\"" + QByteArray(5000, 'm') + "\",\"messages\":[]}", &error);
        QVERIFY2(outline, qPrintable(error));
        QCOMPARE(outline->model, u"(a name of 5000 bytes)"_s);
    }
};

QTEST_GUILESS_MAIN(TestChatRequestOutline)
#include "tst_chatrequestoutline.moc"
