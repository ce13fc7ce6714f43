// SPDX-License-Identifier: Apache-2.0
// `serve` given a body at its size limit (32 MiB) in each shape that costs a JSON reader memory:
// one huge message, text that decodes to more or fewer characters than its bytes, a huge field
// it never reads, many small values, deep nesting. Its peak resident size (VmHWM) may grow by at
// most 3x the body. Alone and serial (see CMakeLists.txt), so the machine's load is not measured.
#include "serveprocess.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace cody::test;

namespace {

constexpr qint64 MaxBody = 32 * 1024 * 1024; // serve's default --max-body

/// The peak resident size of process `pid` so far, in KiB; -1 when unreadable.
qint64 peakRssKiB(qint64 pid)
{
    QFile status(u"/proc/%1/status"_s.arg(pid));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    static const QRegularExpression hwm(u"VmHWM:\\s+(\\d+) kB"_s);
    const auto match = hwm.match(QString::fromLatin1(status.readAll()));
    return match.hasMatch() ? match.captured(1).toLongLong() : -1;
}

/// `prefix` + `unit` repeated + `suffix`, as long as fits in the limit (minus 1 KiB of slack).
QByteArray filled(const QByteArray &prefix, const QByteArray &unit, const QByteArray &suffix)
{
    const qint64 room = MaxBody - 1024 - prefix.size() - suffix.size();
    return prefix + unit.repeated(room / unit.size()) + suffix;
}

} // namespace

class TestGatewayMemory : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void bodyAtTheLimitCostsAtMostThreeTimesItsSize_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("answer"); // in the error message, or the reply

        const QByteArray haiku
            = "{\"model\":\"cody-haiku\",\"messages\":[{\"role\":\"user\",\"content\":\"";
        const QByteArray unknown
            = "{\"model\":\"anthropic::2023-06-01::claude-unknown\",\"messages\":"
              "[{\"role\":\"user\",\"content\":\"";
        QTest::newRow("one message, ASCII, model's window known")
            << filled(haiku, "word ", "\"}]}") << 400 << u"claude-3-haiku accepts 7,000"_s;
        // 3 bytes each, one UTF-16 unit: QJsonDocument would hold it as UTF-16.
        QTest::newRow("one message, CJK, model's window unknown")
            << filled(unknown, "\xe6\xbc\xa2", "\"}]}") << 400 << u"accepts 1,000,000"_s;
        // 4 bytes each, two UTF-16 units.
        QTest::newRow("one message, emoji, model's window unknown")
            << filled(unknown, "\xf0\x9f\x98\x80", "\"}]}") << 400 << u"accepts 1,000,000"_s;
        QTest::newRow("one message, escaped")
            << filled(haiku, "\\u00e9\\n", "\"}]}") << 400 << u"claude-3-haiku accepts"_s;
        QTest::newRow("system messages, each in text parts")
            << filled("{\"model\":\"cody-haiku\",\"messages\":[",
                   "{\"role\":\"system\",\"content\":[{\"type\":\"text\",\"text\":\""
                       + QByteArray(2000, 'x') + "\"}]},",
                   "{\"role\":\"user\",\"content\":\"hi\"}]}")
            << 400 << u"claude-3-haiku accepts"_s;
        // Sent on: serve never reads the field, the server gets a short prompt.
        QTest::newRow("a huge field serve does not use") << filled(
            "{\"model\":\"cody-haiku\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],"
            "\"user\":\"",
            "abcdefgh", "\"}") << 200 << u"You said: hi"_s;
        QTest::newRow("many small values") << filled(
            "{\"model\":\"cody-haiku\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],"
            "\"metadata\":[1",
            ",1", "]}") << 400 << u"more than 200000 JSON values"_s;
        QTest::newRow("deep nesting")
            << filled("{\"model\":\"cody-haiku\",\"x\":", "[", "") << 400 << u"levels deep"_s;
    }

    void bodyAtTheLimitCostsAtMostThreeTimesItsSize()
    {
        if (qEnvironmentVariableIsSet("ASAN_OPTIONS"))
            QSKIP("AddressSanitizer keeps freed memory in quarantine: resident size says nothing");
        QFETCH(QByteArray, body);
        QFETCH(int, status);
        QFETCH(QString, answer);
        QVERIFY(body.size() <= MaxBody);

        ServeProcess gateway;
        QVERIFY2(gateway.start(), gateway.log().constData());
        // The model windows come with the server's model list, which serve loads as it starts.
        QVERIFY(gateway.waitForModels());
        const qint64 before = peakRssKiB(gateway.processId());
        QVERIFY(before > 0);

        const auto response
            = gateway.exchange(gateway.post("Content-Type: application/json\r\n", body));
        const qint64 after = peakRssKiB(gateway.processId());
        QCOMPARE(response.status, status);
        const QJsonObject json = QJsonDocument::fromJson(response.body).object();
        const QString text = status == 200
            ? json[u"choices"_s][0][u"message"_s][u"content"_s].toString()
            : json[u"error"_s][u"message"_s].toString();
        QVERIFY2(text.contains(answer), response.body.left(500).constData());
        if (status != 200)
            QVERIFY(gateway.server().streamRequests().isEmpty());

        const qint64 grew = after - before;
        qInfo("peak RSS %lld -> %lld KiB: grew %.2fx the %lld-byte body", before, after,
            double(grew) * 1024 / double(body.size()), qint64(body.size()));
        QVERIFY2(grew * 1024 <= 3 * body.size(),
            qPrintable(u"peak RSS grew by %1 KiB for a %2-byte body"_s.arg(grew).arg(body.size())));
    }
};

QTEST_GUILESS_MAIN(TestGatewayMemory)
#include "tst_gatewaymemory.moc"
