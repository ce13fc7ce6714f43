// SPDX-License-Identifier: Apache-2.0
// The OpenAI ↔ Cody mapping of the gateway: request parsing and its refusals, the response and
// chunk shapes, finish reasons, usage, and which HTTP status each failure gets.
#include "gateway/openaiprotocol.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace cody;

class TestOpenAiProtocol : public QObject
{
    Q_OBJECT

private:
    static std::optional<openai::ChatRequest> parse(
        const QByteArray &body, openai::HttpError *error)
    {
        return openai::parseChatRequest(body, error);
    }

private Q_SLOTS:
    void parsesAFullRequest()
    {
        openai::HttpError error;
        const auto request = parse(R"({"model":"cody-sonnet","stream":true,
            "stream_options":{"include_usage":true},"max_completion_tokens":77,"temperature":0.5,
            "top_p":0.9,"stop":"END","cody_auto_continue":false,"messages":[
            {"role":"system","content":"Be brief."},
            {"role":"user","content":[{"type":"text","text":"Hello "},{"type":"text","text":"there"}]},
            {"role":"assistant","content":"Hi."},
            {"role":"developer","content":"Use German."},
            {"role":"user","content":"Again"}]})",
            &error);
        QVERIFY2(request, qPrintable(error.message));
        QCOMPARE(request->model, u"cody-sonnet"_s);
        QVERIFY(request->stream);
        QVERIFY(request->includeUsage);
        QVERIFY(!request->autoContinue);
        QCOMPARE(request->maxTokens, 77);
        QCOMPARE(request->temperature, 0.5);
        QCOMPARE(request->topP, 0.9);
        QCOMPARE(request->stop, QStringList {u"END"_s});
        // Sourcegraph takes one system message, first: every system and developer text, joined.
        QCOMPARE(request->messages.size(), 4);
        QCOMPARE(request->messages[0].speaker, ChatMessage::Speaker::System);
        QCOMPARE(request->messages[0].text, u"Be brief.\n\nUse German."_s);
        QCOMPARE(request->messages[1].speaker, ChatMessage::Speaker::Human);
        QCOMPARE(request->messages[1].text, u"Hello there"_s);
        QCOMPARE(request->messages[2].speaker, ChatMessage::Speaker::Assistant);
        QCOMPARE(request->messages[3].text, u"Again"_s);
    }

    void defaults()
    {
        openai::HttpError error;
        const auto request
            = parse(R"({"model":"m","messages":[{"role":"user","content":"x"}]})", &error);
        QVERIFY(request);
        QVERIFY(!request->stream);
        QVERIFY(request->autoContinue);
        QVERIFY(!request->maxTokens);
        QVERIFY(!request->temperature);
        QVERIFY(request->stop.isEmpty());
    }

    void refuses_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("says");

        QTest::newRow("not JSON") << QByteArray("{") << u"not JSON"_s;
        QTest::newRow("not an object") << QByteArray("[]") << u"JSON object"_s;
        QTest::newRow("no model") << QByteArray(R"({"messages":[{"role":"user","content":"x"}]})")
                                  << u"model is required"_s;
        QTest::newRow("no messages")
            << QByteArray(R"({"model":"m","messages":[]})") << u"non-empty array"_s;
        QTest::newRow("tool role")
            << QByteArray(R"({"model":"m","messages":[{"role":"tool","content":"x"}]})")
            << u"role \"tool\" is not supported"_s;
        QTest::newRow("image part") << QByteArray(
            R"({"model":"m","messages":[{"role":"user","content":[{"type":"image_url"}]}]})")
                                    << u"only text content"_s;
        QTest::newRow("tool calls") << QByteArray(
            R"({"model":"m","messages":[{"role":"assistant","content":null,"tool_calls":[]}]})")
                                    << u"tool and function calls"_s;
        QTest::newRow("tools") << QByteArray(
            R"({"model":"m","tools":[],"messages":[{"role":"user","content":"x"}]})")
                               << u"tools and functions"_s;
        QTest::newRow("n") << QByteArray(
            R"({"model":"m","n":2,"messages":[{"role":"user","content":"x"}]})")
                           << u"n must be 1"_s;
        QTest::newRow("max_tokens 0") << QByteArray(
            R"({"model":"m","max_tokens":0,"messages":[{"role":"user","content":"x"}]})")
                                      << u"max_tokens must be at least 1"_s;
        QTest::newRow("temperature text") << QByteArray(
            R"({"model":"m","temperature":"hot","messages":[{"role":"user","content":"x"}]})")
                                          << u"temperature must be a number"_s;
        QTest::newRow("stop number")
            << QByteArray(R"({"model":"m","stop":5,"messages":[{"role":"user","content":"x"}]})")
            << u"stop must be"_s;
    }

    void refuses()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, says);
        openai::HttpError error;
        QVERIFY(!parse(body, &error));
        QCOMPARE(error.status, 400);
        QCOMPARE(error.type, u"invalid_request_error"_s);
        QVERIFY2(error.message.contains(says), qPrintable(error.message));
        const QJsonObject shape = error.body().value(u"error"_s).toObject();
        QCOMPARE(shape.value(u"message"_s).toString(), error.message);
        QVERIFY(shape.contains(u"code"_s));
    }

    void responseShapes()
    {
        CompletionResult result;
        result.text = u"Hello"_s;
        result.usage = TokenUsage {10, 3};
        const QJsonObject whole = openai::completion(u"id1"_s, 42, u"cody/a::b::c"_s, result);
        QCOMPARE(whole.value(u"object"_s).toString(), u"chat.completion"_s);
        const QJsonObject choice = whole.value(u"choices"_s).toArray().first().toObject();
        QCOMPARE(choice.value(u"message"_s).toObject().value(u"content"_s).toString(), u"Hello"_s);
        QCOMPARE(choice.value(u"finish_reason"_s).toString(), u"stop"_s);
        QCOMPARE(whole.value(u"usage"_s).toObject().value(u"total_tokens"_s).toInt(), 13);

        result.truncated = true;
        QCOMPARE(openai::finishReason(result), u"length"_s);
        const QJsonObject piece = openai::chunk(u"id1"_s, 42, u"m"_s, {{u"content"_s, u"Hi"_s}});
        QVERIFY(piece.value(u"choices"_s)
                    .toArray()
                    .first()
                    .toObject()
                    .value(u"finish_reason"_s)
                    .isNull());
        QCOMPARE(openai::sseEvent({{u"a"_s, 1}}), QByteArray("data: {\"a\":1}\n\n"));

        // Without the server's usage, tokens are estimated from characters.
        CompletionResult estimated;
        estimated.text = u"12345678"_s;
        estimated.promptCharacters = 40;
        const QJsonObject usage = openai::usage(estimated);
        QCOMPARE(usage.value(u"prompt_tokens"_s).toInt(), 10);
        QCOMPARE(usage.value(u"completion_tokens"_s).toInt(), 2);
    }

    void statusForEachFailure_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<int>("upstream");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("type");

        QTest::newRow("token rejected")
            << int(ErrorKind::Auth) << 401 << 401 << u"authentication_error"_s;
        QTest::newRow("forbidden")
            << int(ErrorKind::Auth) << 403 << 403 << u"authentication_error"_s;
        QTest::newRow("rate limited")
            << int(ErrorKind::Http) << 429 << 429 << u"rate_limit_error"_s;
        QTest::newRow("bad request")
            << int(ErrorKind::Http) << 400 << 400 << u"invalid_request_error"_s;
        QTest::newRow("not Sourcegraph (404)")
            << int(ErrorKind::Http) << 404 << 502 << u"upstream_error"_s;
        QTest::newRow("server error")
            << int(ErrorKind::Server) << 503 << 502 << u"upstream_error"_s;
        QTest::newRow("network") << int(ErrorKind::Network) << 0 << 502 << u"upstream_error"_s;
        QTest::newRow("TLS") << int(ErrorKind::Tls) << 0 << 502 << u"upstream_error"_s;
        QTest::newRow("HTML page") << int(ErrorKind::Protocol) << 200 << 502 << u"upstream_error"_s;
        QTest::newRow("timeout") << int(ErrorKind::Timeout) << 0 << 504 << u"upstream_error"_s;
    }

    void statusForEachFailure()
    {
        QFETCH(int, kind);
        QFETCH(int, upstream);
        QFETCH(int, status);
        QFETCH(QString, type);
        const openai::HttpError error
            = openai::errorFor({ErrorKind(kind), u"what happened"_s, upstream});
        QCOMPARE(error.status, status);
        QCOMPARE(error.type, type);
        QCOMPARE(error.message, u"what happened"_s);
        QVERIFY(error.retryAfter.isEmpty());
    }

    void retryAfterIsPassedOn()
    {
        Error limited {ErrorKind::Http, u"slow down"_s, 429};
        limited.retryAfterSeconds = 300;
        QCOMPARE(openai::errorFor(limited).retryAfter, QByteArray("300"));
    }
};

QTEST_GUILESS_MAIN(TestOpenAiProtocol)
#include "tst_openaiprotocol.moc"
