// SPDX-License-Identifier: Apache-2.0
#include "cody/completionevent.h"
#include "net/sseparser.h"
#include "recordings.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Qt::StringLiterals;
using cody::CompletionEvent;
using cody::SseEvent;
using Kind = cody::CompletionEvent::Kind;

namespace {

CompletionEvent decode(const QByteArray &type, const QByteArray &data)
{
    return CompletionEvent::decode(SseEvent {type, data, {}});
}

/// Null when absent, so a table can tell "absent" from "empty".
QString optionalText(const std::optional<QString> &text)
{
    return text ? (text->isNull() ? u""_s : *text) : QString();
}

QList<SseEvent> eventsIn(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    cody::SseParser parser;
    QList<SseEvent> events;
    parser.feed(file.readAll(), events);
    return events;
}

/// What decode() must give for a `completion` event, worked out with QJsonDocument alone, the way
/// decode() did before it had a fast path: the reference for matchesQtJson().
struct Reference
{
    bool malformed = false;
    QString parseError; ///< for a malformed event: how QJsonDocument put it
    std::optional<QString> deltaText;
    std::optional<QString> completion;
    QString stopReason;
    std::optional<std::pair<qint64, qint64>> usage;
};

Reference referenceDecode(const QByteArray &data)
{
    Reference result;
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(data, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject()) {
        result.malformed = true;
        if (error.error != QJsonParseError::NoError)
            result.parseError = u"%1 at offset %2"_s.arg(error.errorString()).arg(error.offset);
        return result;
    }
    const QJsonObject object = document.object();
    const auto text = [&](QLatin1StringView key) -> std::optional<QString> {
        const QJsonValue value = object.value(key);
        return value.isString() ? std::optional(value.toString()) : std::nullopt;
    };
    result.deltaText = text("deltaText"_L1);
    result.completion = text("completion"_L1);
    result.stopReason = text("stopReason"_L1).value_or(QString());
    if (const QJsonValue usage = object.value("usage"_L1); usage.isObject()) {
        const auto count = [&](QLatin1StringView snake, QLatin1StringView camel) {
            for (const QLatin1StringView key : {snake, camel}) {
                const QJsonValue value = usage.toObject().value(key);
                if (value.isDouble())
                    return std::optional(value.toInteger());
            }
            return std::optional<qint64>();
        };
        const auto prompt = count("prompt_tokens"_L1, "promptTokens"_L1);
        const auto completion = count("completion_tokens"_L1, "completionTokens"_L1);
        if (prompt || completion)
            result.usage = std::pair(prompt.value_or(0), completion.value_or(0));
    }
    return result;
}

} // namespace

class TestCompletionEvent : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void decode_data();
    void decode();
    void matchesQtJson_data();
    void matchesQtJson();
    void malformedMessageQuotesLittleOfTheData();
    void malformedExcerptKeepsUtf8Whole();
    void recordedFullText();
    void recordedDeltaText();
    void recordedWithoutStopReason();
    void recordedError_data();
    void recordedError();
    void recordedLegacyStream();
    void everyRecordedEventDecodes_data();
    void everyRecordedEventDecodes();
};

void TestCompletionEvent::decode_data()
{
    QTest::addColumn<QByteArray>("type");
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<Kind>("kind");
    QTest::addColumn<QString>("deltaText"); // null: absent
    QTest::addColumn<QString>("completion"); // null: absent
    QTest::addColumn<QString>("stopReason");
    QTest::addColumn<qint64>("promptTokens"); // -1: no usage
    QTest::addColumn<qint64>("completionTokens");
    QTest::addColumn<QString>("errorMessage"); // for Malformed: how it starts

    const QString absent;
    const QString noMessage = u"the server reported an error without a message"_s;
    const QByteArray completion = "completion"_ba;

    QTest::newRow("deltaText") << completion << R"({"deltaText":"Hi","stopReason":"end_turn"})"_ba
                               << Kind::Completion << u"Hi"_s << absent << u"end_turn"_s << -1LL
                               << -1LL << QString();
    QTest::newRow("completion") << completion << R"({"completion":"<q>","stopReason":""})"_ba
                                << Kind::Completion << absent << u"<q>"_s << QString() << -1LL
                                << -1LL << QString();
    QTest::newRow("both") << completion << R"({"deltaText":"b","completion":"ab"})"_ba
                          << Kind::Completion << u"b"_s << u"ab"_s << QString() << -1LL << -1LL
                          << QString();
    QTest::newRow("empty deltaText is present")
        << completion << R"({"deltaText":""})"_ba << Kind::Completion << u""_s << absent
        << QString() << -1LL << -1LL << QString();
    QTest::newRow("non-string deltaText is absent")
        << completion << R"({"deltaText":5,"completion":null})"_ba << Kind::Completion << absent
        << absent << QString() << -1LL << -1LL << QString();
    QTest::newRow("missing stopReason")
        << completion << R"({"deltaText":"x"})"_ba << Kind::Completion << u"x"_s << absent
        << QString() << -1LL << -1LL << QString();
    QTest::newRow("non-string stopReason")
        << completion << R"({"deltaText":"x","stopReason":null})"_ba << Kind::Completion << u"x"_s
        << absent << QString() << -1LL << -1LL << QString();
    QTest::newRow("max_tokens") << completion << R"({"deltaText":"","stopReason":"max_tokens"})"_ba
                                << Kind::Completion << u""_s << absent << u"max_tokens"_s << -1LL
                                << -1LL << QString();
    QTest::newRow("usage snake_case")
        << completion
        << R"({"stopReason":"end_turn","usage":{"prompt_tokens":12,"completion_tokens":34,"total_tokens":46}})"_ba
        << Kind::Completion << absent << absent << u"end_turn"_s << 12LL << 34LL << QString();
    QTest::newRow("usage camelCase")
        << completion << R"({"usage":{"promptTokens":1,"completionTokens":2}})"_ba
        << Kind::Completion << absent << absent << QString() << 1LL << 2LL << QString();
    QTest::newRow("usage with one count")
        << completion << R"({"usage":{"completion_tokens":7}})"_ba << Kind::Completion << absent
        << absent << QString() << 0LL << 7LL << QString();
    QTest::newRow("large usage")
        << completion << R"({"usage":{"prompt_tokens":5000000000,"completion_tokens":0}})"_ba
        << Kind::Completion << absent << absent << QString() << 5000000000LL << 0LL << QString();
    QTest::newRow("usage without counts")
        << completion << R"({"usage":{}})"_ba << Kind::Completion << absent << absent << QString()
        << -1LL << -1LL << QString();
    QTest::newRow("usage not an object")
        << completion << R"({"usage":5})"_ba << Kind::Completion << absent << absent << QString()
        << -1LL << -1LL << QString();
    QTest::newRow("Go escapes")
        << completion << R"({"completion":"\u003ckeywords\u003e \u0026 \u003c/keywords\u003e"})"_ba
        << Kind::Completion << absent << u"<keywords> & </keywords>"_s << QString() << -1LL << -1LL
        << QString();
    QTest::newRow("UTF-8") << completion << "{\"deltaText\":\"h\xC3\xA9llo \xF0\x9F\x98\x80\"}"_ba
                           << Kind::Completion << u"héllo 😀"_s << absent << QString() << -1LL
                           << -1LL << QString();
    QTest::newRow("escaped surrogate pair")
        << completion << R"({"deltaText":"\ud83d\ude00\n"})"_ba << Kind::Completion << u"😀\n"_s
        << absent << QString() << -1LL << -1LL << QString();
    QTest::newRow("no text at all") << completion << "{}"_ba << Kind::Completion << absent << absent
                                    << QString() << -1LL << -1LL << QString();
    QTest::newRow("error") << "error"_ba
                           << R"({"error":"message content cannot be empty"})"_ba << Kind::Error
                           << absent << absent << QString() << -1LL << -1LL
                           << u"message content cannot be empty"_s;
    QTest::newRow("error with empty message") << "error"_ba
                                              << R"({"error":""})"_ba << Kind::Error << absent
                                              << absent << QString() << -1LL << -1LL << noMessage;
    QTest::newRow("error without message")
        << "error"_ba
        << "{}"_ba << Kind::Error << absent << absent << QString() << -1LL << -1LL << noMessage;
    QTest::newRow("error with null message") << "error"_ba
                                             << R"({"error":null})"_ba << Kind::Error << absent
                                             << absent << QString() << -1LL << -1LL << noMessage;
    QTest::newRow("error as an object")
        << "error"_ba
        << R"({"error":{"message":"upstream failed"}})"_ba << Kind::Error << absent << absent
        << QString() << -1LL << -1LL << u"upstream failed"_s;
    QTest::newRow("done") << "done"_ba
                          << "{}"_ba << Kind::Done << absent << absent << QString() << -1LL << -1LL
                          << QString();
    QTest::newRow("done with anything") << "done"_ba
                                        << "not json"_ba << Kind::Done << absent << absent
                                        << QString() << -1LL << -1LL << QString();
    QTest::newRow("done without data") << "done"_ba << QByteArray() << Kind::Done << absent
                                       << absent << QString() << -1LL << -1LL << QString();
    QTest::newRow("unknown type") << "attribution-error"_ba
                                  << R"({"error":"x"})"_ba << Kind::Unknown << absent << absent
                                  << QString() << -1LL << -1LL << QString();
    QTest::newRow("default type") << "message"_ba
                                  << R"({"deltaText":"x"})"_ba << Kind::Unknown << absent << absent
                                  << QString() << -1LL << -1LL << QString();
    QTest::newRow("type is case-sensitive") << "Completion"_ba
                                            << R"({"deltaText":"x"})"_ba << Kind::Unknown << absent
                                            << absent << QString() << -1LL << -1LL << QString();
    QTest::newRow("malformed JSON")
        << completion << R"({"deltaText":"x)"_ba << Kind::Malformed << absent << absent << QString()
        << -1LL << -1LL << u"malformed completion event: "_s;
    QTest::newRow("empty data") << completion << QByteArray() << Kind::Malformed << absent << absent
                                << QString() << -1LL << -1LL << u"malformed completion event: "_s;
    QTest::newRow("array") << completion << "[1,2]"_ba << Kind::Malformed << absent << absent
                           << QString() << -1LL << -1LL
                           << u"malformed completion event: the data is not a JSON object"_s;
    QTest::newRow("bare string") << completion << R"("text")"_ba << Kind::Malformed << absent
                                 << absent << QString() << -1LL << -1LL
                                 << u"malformed completion event: "_s;
    QTest::newRow("malformed error") << "error"_ba
                                     << "oops"_ba << Kind::Malformed << absent << absent
                                     << QString() << -1LL << -1LL << u"malformed error event: "_s;
}

void TestCompletionEvent::decode()
{
    QFETCH(QByteArray, type);
    QFETCH(QByteArray, data);
    QFETCH(Kind, kind);
    QFETCH(QString, deltaText);
    QFETCH(QString, completion);
    QFETCH(QString, stopReason);
    QFETCH(qint64, promptTokens);
    QFETCH(qint64, completionTokens);
    QFETCH(QString, errorMessage);

    const CompletionEvent decoded = ::decode(type, data);
    QCOMPARE(decoded.kind, kind);
    QCOMPARE(optionalText(decoded.deltaText), deltaText);
    QCOMPARE(optionalText(decoded.deltaText).isNull(), deltaText.isNull());
    QCOMPARE(optionalText(decoded.completion), completion);
    QCOMPARE(optionalText(decoded.completion).isNull(), completion.isNull());
    QCOMPARE(decoded.stopReason, stopReason);
    QCOMPARE(decoded.usage.has_value(), promptTokens >= 0);
    if (decoded.usage) {
        QCOMPARE(decoded.usage->promptTokens, promptTokens);
        QCOMPARE(decoded.usage->completionTokens, completionTokens);
    }
    if (kind == Kind::Malformed) {
        QVERIFY2(decoded.errorMessage.startsWith(errorMessage), qPrintable(decoded.errorMessage));
        QVERIFY(decoded.errorMessage.size() > errorMessage.size());
    } else {
        QCOMPARE(decoded.errorMessage, errorMessage);
    }
}

void TestCompletionEvent::matchesQtJson_data()
{
    QTest::addColumn<QByteArray>("data");

    // Corners where JSON parsers tend to differ: decode() must answer as QJsonDocument does.
    const QList<std::pair<const char *, QByteArray>> cases = {
        {"plain", R"({"deltaText":"a","stopReason":""})"_ba},
        {"duplicate key", R"({"deltaText":"a","deltaText":"b"})"_ba},
        {"duplicate key, last not a string", R"({"deltaText":"a","deltaText":1})"_ba},
        {"duplicate key, first not a string", R"({"deltaText":1,"deltaText":"b"})"_ba},
        {"duplicate usage", R"({"usage":{"prompt_tokens":1},"usage":{"completion_tokens":2}})"_ba},
        {"duplicate count",
            R"({"usage":{"prompt_tokens":1,"prompt_tokens":"x","promptTokens":4}})"_ba},
        {"snake not a number", R"({"usage":{"prompt_tokens":"1","promptTokens":3}})"_ba},
        {"escaped key", R"({"delta\u0054ext":"x"})"_ba},
        {"null text", R"({"deltaText":null,"completion":null,"stopReason":null})"_ba},
        {"count 1.0", R"({"usage":{"prompt_tokens":1.0}})"_ba},
        {"count 1.5", R"({"usage":{"prompt_tokens":1.5}})"_ba},
        {"count 1e2", R"({"usage":{"prompt_tokens":1e2}})"_ba},
        {"count 1E-2", R"({"usage":{"prompt_tokens":1E-2}})"_ba},
        {"count -3", R"({"usage":{"prompt_tokens":-3}})"_ba},
        {"count -0", R"({"usage":{"prompt_tokens":-0}})"_ba},
        {"count -0.0", R"({"usage":{"prompt_tokens":-0.0}})"_ba},
        {"count int64 max", R"({"usage":{"prompt_tokens":9223372036854775807}})"_ba},
        {"count int64 min", R"({"usage":{"prompt_tokens":-9223372036854775808}})"_ba},
        {"count 2^63", R"({"usage":{"prompt_tokens":9223372036854775808}})"_ba},
        {"count 2^64", R"({"usage":{"prompt_tokens":18446744073709551616}})"_ba},
        {"count 2^53+1", R"({"usage":{"prompt_tokens":9007199254740993}})"_ba},
        {"count 1e400", R"({"usage":{"prompt_tokens":1e400}})"_ba},
        {"count true", R"({"usage":{"prompt_tokens":true}})"_ba},
        {"NUL escape", R"({"deltaText":"a\u0000b"})"_ba},
        {"lone high surrogate", R"({"deltaText":"\ud800"})"_ba},
        {"lone low surrogate", R"({"deltaText":"\udc00x"})"_ba},
        {"reversed surrogates", R"({"deltaText":"\ude00\ud83d"})"_ba},
        {"invalid UTF-8", "{\"deltaText\":\"\xFF\"}"_ba},
        {"overlong UTF-8", "{\"deltaText\":\"\xC0\xAF\"}"_ba},
        {"UTF-8 surrogate", "{\"deltaText\":\"\xED\xA0\x80\"}"_ba},
        {"raw control character", "{\"deltaText\":\"a\x01\"}"_ba},
        {"raw tab", "{\"deltaText\":\"a\tb\"}"_ba},
        {"raw DEL", "{\"deltaText\":\"a\x7F\"}"_ba},
        {"all escapes", R"({"deltaText":"\"\\\/\b\f\n\r\t\u00e9"})"_ba},
        {"bad escape", R"({"deltaText":"\x"})"_ba},
        {"whitespace around", " \t\r\n{\"deltaText\" : \"a\" }\n "_ba},
        {"BOM", "\xEF\xBB\xBF{\"deltaText\":\"a\"}"_ba},
        {"trailing garbage", R"({"deltaText":"a"} x)"_ba},
        {"two objects", R"({}{})"_ba},
        {"trailing comma", R"({"deltaText":"a",})"_ba},
        {"single quotes", R"({'deltaText':'a'})"_ba},
        {"NaN", R"({"x":NaN})"_ba},
        {"bad literal elsewhere", R"({"deltaText":"a","x":tru})"_ba},
        {"bad number elsewhere", R"({"deltaText":"a","x":01})"_ba},
        {"bad nested elsewhere", R"({"deltaText":"a","x":[1,{"y":}]})"_ba},
        {"empty object", "{}"_ba},
        {"empty", ""_ba},
        {"array", "[]"_ba},
        {"number", "1"_ba},
        {"null", "null"_ba},
        {"unterminated", R"({"deltaText":"a)"_ba},
        {"NUL byte after", QByteArray("{}\0", 3)},
    };
    for (const auto &[name, data] : cases)
        QTest::newRow(name) << data;
    for (const int depth : {300, 1023, 1024, 1025, 2000}) {
        QTest::addRow("nested %d deep", depth) << "{\"x\":"_ba + QByteArray(depth, '[')
                + QByteArray(depth, ']') + ",\"deltaText\":\"a\"}"_ba;
    }
    QTest::newRow("100 KiB text") << "{\"deltaText\":\""_ba + QByteArray(100 * 1024, 'y')
            + "\"}"_ba;
}

void TestCompletionEvent::matchesQtJson()
{
    QFETCH(QByteArray, data);

    const Reference expected = referenceDecode(data);
    const CompletionEvent decoded = ::decode("completion"_ba, data);
    if (expected.malformed) {
        QCOMPARE(decoded.kind, Kind::Malformed);
        if (!expected.parseError.isEmpty()) {
            QVERIFY2(decoded.errorMessage.startsWith(
                         u"malformed completion event: "_s + expected.parseError),
                qPrintable(decoded.errorMessage));
        }
        return;
    }
    QCOMPARE(decoded.kind, Kind::Completion);
    QCOMPARE(decoded.deltaText, expected.deltaText);
    QCOMPARE(decoded.completion, expected.completion);
    QCOMPARE(decoded.stopReason, expected.stopReason);
    QCOMPARE(decoded.usage.has_value(), expected.usage.has_value());
    if (decoded.usage) {
        QCOMPARE(decoded.usage->promptTokens, expected.usage->first);
        QCOMPARE(decoded.usage->completionTokens, expected.usage->second);
    }
    QVERIFY(decoded.errorMessage.isEmpty());
}

void TestCompletionEvent::malformedMessageQuotesLittleOfTheData()
{
    const QByteArray data = R"({"deltaText":")"_ba + QByteArray(10'000, 'x');
    const CompletionEvent decoded = ::decode("completion"_ba, data);
    QCOMPARE(decoded.kind, Kind::Malformed);
    QVERIFY2(decoded.errorMessage.contains(u" at offset "_s), qPrintable(decoded.errorMessage));
    QVERIFY(decoded.errorMessage.contains(u"{\"deltaText\":\"xxx"_s));
    QVERIFY(!decoded.errorMessage.contains(QString(120, u'x')));
    QVERIFY(decoded.errorMessage.size() < 250);
}

void TestCompletionEvent::malformedExcerptKeepsUtf8Whole()
{
    // 'é' is two bytes; an odd prefix puts the 100-byte cut in the middle of one.
    QByteArray data = "[x"_ba;
    while (data.size() < 300)
        data += "\xC3\xA9"_ba;
    const CompletionEvent decoded = ::decode("completion"_ba, data);
    QCOMPARE(decoded.kind, Kind::Malformed);
    QVERIFY(decoded.errorMessage.contains(u"[xé"_s));
    QVERIFY2(!decoded.errorMessage.contains(QChar::ReplacementCharacter),
        qPrintable(decoded.errorMessage));
}

void TestCompletionEvent::recordedFullText()
{
    REQUIRE_RECORDING(path, u"03"_s + u"-*.sse"_s);
    const QList<SseEvent> events = eventsIn(path);
    QCOMPARE(events.size(), 2);
    const CompletionEvent first = CompletionEvent::decode(events[0]);
    QCOMPARE(first.kind, Kind::Completion);
    QCOMPARE(first.completion, u"<query>authentication router</query>"_s);
    QVERIFY(!first.deltaText);
    QCOMPARE(first.stopReason, u"end_turn"_s);
    QVERIFY(!first.usage);
    QCOMPARE(CompletionEvent::decode(events[1]).kind, Kind::Done);
}

void TestCompletionEvent::recordedDeltaText()
{
    REQUIRE_RECORDING(path, u"05"_s + u"-*.sse"_s);
    const QList<SseEvent> events = eventsIn(path);
    QCOMPARE(events.size(), 2);
    const CompletionEvent first = CompletionEvent::decode(events[0]);
    QCOMPARE(first.kind, Kind::Completion);
    QVERIFY(first.deltaText);
    QVERIFY(first.deltaText->startsWith(u"Hi there! Great to meet you!"_s));
    QVERIFY(first.deltaText->endsWith(u"What would you like to explore together?"_s));
    QVERIFY(!first.completion);
    QCOMPARE(first.stopReason, u"end_turn"_s);
    QCOMPARE(CompletionEvent::decode(events[1]).kind, Kind::Done);
}

void TestCompletionEvent::recordedWithoutStopReason()
{
    REQUIRE_RECORDING(path, u"06"_s + u"-*.sse"_s);
    const QList<SseEvent> events = eventsIn(path);
    QCOMPARE(events.size(), 2);
    const CompletionEvent first = CompletionEvent::decode(events[0]);
    QCOMPARE(first.kind, Kind::Completion);
    QCOMPARE(first.deltaText, u"Okay.\n"_s);
    QVERIFY(first.stopReason.isEmpty());
    QCOMPARE(CompletionEvent::decode(events[1]).kind, Kind::Done);
}

void TestCompletionEvent::recordedError_data()
{
    QTest::addColumn<QString>("prefix");
    QTest::newRow("api-version 1") << u"02"_s;
    QTest::newRow("api-version 5") << u"04"_s;
}

void TestCompletionEvent::recordedError()
{
    QFETCH(QString, prefix);
    REQUIRE_RECORDING(path, prefix + u"-*.sse"_s);
    const QList<SseEvent> events = eventsIn(path);
    QCOMPARE(events.size(), 2);
    const CompletionEvent error = CompletionEvent::decode(events[0]);
    QCOMPARE(error.kind, Kind::Error);
    QCOMPARE(error.errorMessage, u"message content cannot be empty"_s);
    QCOMPARE(CompletionEvent::decode(events[1]).kind, Kind::Done);
}

void TestCompletionEvent::recordedLegacyStream()
{
    REQUIRE_RECORDING(path, u"19"_s + u"-*.sse"_s);
    const QList<SseEvent> events = eventsIn(path);
    QCOMPARE(events.size(), 113);
    QString previous;
    for (qsizetype i = 0; i < 112; ++i) {
        const CompletionEvent decoded = CompletionEvent::decode(events[i]);
        QCOMPARE(decoded.kind, Kind::Completion);
        QVERIFY(decoded.completion);
        QVERIFY(!decoded.deltaText);
        // Legacy streams resend the whole text so far: each text extends the one before.
        QVERIFY2(decoded.completion->startsWith(previous), qPrintable(QString::number(i)));
        previous = *decoded.completion;
        QCOMPARE(decoded.stopReason, i == 111 ? u"end_turn"_s : QString());
    }
    QVERIFY(previous.startsWith(u"<keywords>\n"_s));
    QVERIFY(previous.endsWith(u"</keywords>"_s));
    QCOMPARE(CompletionEvent::decode(events.last()).kind, Kind::Done);
}

void TestCompletionEvent::everyRecordedEventDecodes_data()
{
    QTest::addColumn<QString>("path");
    SKIP_WITHOUT_RECORDINGS();
    const QStringList paths = cody::test::recordingsMatching(u"*.sse"_s);
    QVERIFY(!paths.isEmpty());
    for (const QString &path : paths)
        QTest::newRow(qPrintable(QFileInfo(path).fileName())) << path;
}

void TestCompletionEvent::everyRecordedEventDecodes()
{
    QFETCH(QString, path);
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    cody::SseParser parser;
    QList<SseEvent> events;
    QVERIFY(parser.feed(file.readAll(), events));
    QVERIFY(!events.isEmpty());
    for (const SseEvent &event : events) {
        const CompletionEvent decoded = CompletionEvent::decode(event);
        QVERIFY2(decoded.kind != Kind::Malformed && decoded.kind != Kind::Unknown,
            qPrintable(decoded.errorMessage));
        if (decoded.kind == Kind::Completion)
            QVERIFY(decoded.deltaText || decoded.completion);
    }
    QCOMPARE(CompletionEvent::decode(events.last()).kind, Kind::Done);
}

QTEST_GUILESS_MAIN(TestCompletionEvent)
#include "tst_completionevent.moc"
