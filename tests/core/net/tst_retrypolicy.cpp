// SPDX-License-Identifier: Apache-2.0
#include "net/retrypolicy.h"

#include <QLocale>
#include <QRandomGenerator>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using cody::RetryPolicy;
using Millis = cody::RetryPolicy::Millis;

namespace {

QDateTime utc(const QString &iso)
{
    QDateTime result = QDateTime::fromString(iso, Qt::ISODateWithMs);
    Q_ASSERT(result.isValid());
    return result;
}

qint64 orMinusOne(const std::optional<Millis> &value)
{
    return value ? value->count() : -1;
}

} // namespace

class TestRetryPolicy : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void decide_data();
    void decide();
    void decideUsesTheJitter();
    void singleAttemptNeverRetries();
    void backoff_data();
    void backoff();
    void backoffJitterRange();
    void backoffCapsHugeBaseDelay();
    void parseRetryAfter_data();
    void parseRetryAfter();
    void parseRetryAfterIgnoresTheLocale();
    void parseRetryAfterWithInvalidNow();
};

void TestRetryPolicy::decide_data()
{
    QTest::addColumn<int>("attempt");
    QTest::addColumn<int>("status");
    QTest::addColumn<bool>("beforeFirstByte");
    QTest::addColumn<bool>("connectionFailed");
    QTest::addColumn<qint64>("retryAfterMs"); // -1: no Retry-After
    QTest::addColumn<bool>("retry");
    QTest::addColumn<qint64>("delayMs");

    // Default settings: 4 attempts, 500 ms base, 30 s cap, Retry-After up to 120 s; jitter 1.
    QTest::newRow("429 with Retry-After") << 1 << 429 << true << false << 5000LL << true << 5000LL;
    QTest::newRow("429 with Retry-After 0") << 1 << 429 << true << false << 0LL << true << 0LL;
    QTest::newRow("429 with Retry-After at the cap")
        << 1 << 429 << true << false << 120'000LL << true << 120'000LL;
    QTest::newRow("429 with a Retry-After past the cap is not waited for")
        << 1 << 429 << true << false << 600'000LL << false << 0LL;
    QTest::newRow("429 without Retry-After") << 1 << 429 << true << false << -1LL << true << 500LL;
    QTest::newRow("429, third attempt") << 3 << 429 << true << false << -1LL << true << 2000LL;
    QTest::newRow("429 after the first byte")
        << 1 << 429 << false << false << 5000LL << false << 0LL;
    QTest::newRow("500") << 1 << 500 << true << false << -1LL << true << 500LL;
    QTest::newRow("502") << 2 << 502 << true << false << -1LL << true << 1000LL;
    QTest::newRow("503") << 3 << 503 << true << false << -1LL << true << 2000LL;
    QTest::newRow("503 ignores Retry-After")
        << 1 << 503 << true << false << 9000LL << true << 500LL;
    QTest::newRow("504") << 1 << 504 << true << false << -1LL << true << 500LL;
    QTest::newRow("501") << 1 << 501 << true << false << -1LL << false << 0LL;
    QTest::newRow("505") << 1 << 505 << true << false << -1LL << false << 0LL;
    QTest::newRow("500 after the first byte") << 1 << 500 << false << false << -1LL << false << 0LL;
    QTest::newRow("400") << 1 << 400 << true << false << -1LL << false << 0LL;
    QTest::newRow("401") << 1 << 401 << true << false << -1LL << false << 0LL;
    QTest::newRow("403") << 1 << 403 << true << false << -1LL << false << 0LL;
    QTest::newRow("404") << 1 << 404 << true << false << -1LL << false << 0LL;
    QTest::newRow("406") << 1 << 406 << true << false << -1LL << false << 0LL;
    QTest::newRow("408") << 1 << 408 << true << false << -1LL << false << 0LL;
    QTest::newRow("401 with a connection failure")
        << 1 << 401 << true << true << -1LL << false << 0LL;
    QTest::newRow("200") << 1 << 200 << true << false << -1LL << false << 0LL;
    QTest::newRow("302") << 1 << 302 << true << false << -1LL << false << 0LL;
    QTest::newRow("connection refused") << 1 << 0 << true << true << -1LL << true << 500LL;
    QTest::newRow("connection refused, second attempt")
        << 2 << 0 << true << true << -1LL << true << 1000LL;
    QTest::newRow("connection reset mid-stream") << 1 << 0 << false << true << -1LL << false << 0LL;
    QTest::newRow("no status, no connection failure")
        << 1 << 0 << true << false << -1LL << false << 0LL;
    QTest::newRow("last allowed retry") << 3 << 503 << true << false << -1LL << true << 2000LL;
    QTest::newRow("attempts used up") << 4 << 503 << true << false << -1LL << false << 0LL;
    QTest::newRow("attempts used up, 429") << 4 << 429 << true << false << 100LL << false << 0LL;
    QTest::newRow("beyond the attempts") << 9 << 0 << true << true << -1LL << false << 0LL;
}

void TestRetryPolicy::decide()
{
    QFETCH(int, attempt);
    QFETCH(int, status);
    QFETCH(bool, beforeFirstByte);
    QFETCH(bool, connectionFailed);
    QFETCH(qint64, retryAfterMs);
    QFETCH(bool, retry);
    QFETCH(qint64, delayMs);

    RetryPolicy::Failure failure;
    failure.httpStatus = status;
    failure.beforeFirstByte = beforeFirstByte;
    failure.connectionFailed = connectionFailed;
    if (retryAfterMs >= 0)
        failure.retryAfter = Millis(retryAfterMs);

    const RetryPolicy::Decision decision = RetryPolicy().decide(attempt, failure, 1.0);
    QCOMPARE(decision.retry, retry);
    QCOMPARE(decision.delay.count(), delayMs);
}

void TestRetryPolicy::decideUsesTheJitter()
{
    RetryPolicy::Failure failure;
    failure.httpStatus = 503;
    QCOMPARE(RetryPolicy().decide(2, failure, 0.0).delay, 500ms);
    QCOMPARE(RetryPolicy().decide(2, failure, 0.5).delay, 750ms);

    // The server's Retry-After is honoured as it is, not jittered.
    failure.httpStatus = 429;
    failure.retryAfter = 3s;
    QCOMPARE(RetryPolicy().decide(1, failure, 0.0).delay, 3000ms);
}

void TestRetryPolicy::singleAttemptNeverRetries()
{
    RetryPolicy::Settings settings;
    settings.maxAttempts = 1;
    RetryPolicy::Failure failure;
    failure.httpStatus = 503;
    QVERIFY(!RetryPolicy(settings).decide(1, failure, 1.0).retry);

    settings.maxAttempts = 2;
    settings.maxRetryAfter = 10s;
    failure.httpStatus = 429;
    failure.retryAfter = 1min;
    QVERIFY(!RetryPolicy(settings).decide(1, failure, 1.0).retry);
    failure.retryAfter = 9s;
    const RetryPolicy::Decision decision = RetryPolicy(settings).decide(1, failure, 1.0);
    QVERIFY(decision.retry);
    QCOMPARE(decision.delay, 9'000ms);
}

void TestRetryPolicy::backoff_data()
{
    QTest::addColumn<int>("attempt");
    QTest::addColumn<double>("jitter");
    QTest::addColumn<qint64>("delayMs");

    QTest::newRow("1") << 1 << 1.0 << 500LL;
    QTest::newRow("2") << 2 << 1.0 << 1000LL;
    QTest::newRow("3") << 3 << 1.0 << 2000LL;
    QTest::newRow("4") << 4 << 1.0 << 4000LL;
    QTest::newRow("5") << 5 << 1.0 << 8000LL;
    QTest::newRow("6") << 6 << 1.0 << 16000LL;
    QTest::newRow("7 reaches the cap") << 7 << 1.0 << 30000LL;
    QTest::newRow("8 stays at the cap") << 8 << 1.0 << 30000LL;
    QTest::newRow("huge attempt") << 100000 << 1.0 << 30000LL;
    QTest::newRow("0 counts as the first") << 0 << 1.0 << 500LL;
    QTest::newRow("negative counts as the first") << -3 << 1.0 << 500LL;
    QTest::newRow("jitter 0 halves") << 3 << 0.0 << 1000LL;
    QTest::newRow("jitter 0.5") << 3 << 0.5 << 1500LL;
    QTest::newRow("jitter 0 at the cap") << 20 << 0.0 << 15000LL;
    QTest::newRow("jitter below 0 is clamped") << 1 << -1.0 << 250LL;
    QTest::newRow("jitter above 1 is clamped") << 1 << 7.0 << 500LL;
}

void TestRetryPolicy::backoff()
{
    QFETCH(int, attempt);
    QFETCH(double, jitter);
    QFETCH(qint64, delayMs);
    QCOMPARE(RetryPolicy().backoff(attempt, jitter).count(), delayMs);
}

void TestRetryPolicy::backoffJitterRange()
{
    const RetryPolicy policy;
    QRandomGenerator random(42);
    for (int attempt = 1; attempt <= 10; ++attempt) {
        const qint64 full = policy.backoff(attempt, 1.0).count();
        for (int i = 0; i < 200; ++i) {
            const qint64 delay = policy.backoff(attempt, random.generateDouble()).count();
            QVERIFY2(delay >= full / 2 && delay <= full,
                qPrintable(u"%1 outside [%2, %3]"_s.arg(delay).arg(full / 2).arg(full)));
        }
        QVERIFY(full >= policy.backoff(attempt - 1, 1.0).count());
    }
}

void TestRetryPolicy::backoffCapsHugeBaseDelay()
{
    RetryPolicy::Settings settings;
    settings.baseDelay = 24h;
    settings.maxDelay = 5s;
    QCOMPARE(RetryPolicy(settings).backoff(1, 1.0), 5000ms);
    QCOMPARE(RetryPolicy(settings).backoff(64, 1.0), 5000ms);
}

void TestRetryPolicy::parseRetryAfter_data()
{
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<QDateTime>("now");
    QTest::addColumn<qint64>("delayMs"); // -1: nullopt

    const QDateTime now = utc(u"1994-11-06T08:49:00Z"_s);
    const QDateTime may2024 = utc(u"2024-05-02T09:43:25Z"_s);

    QTest::newRow("seconds") << "120"_ba << now << 120'000LL;
    QTest::newRow("zero") << "0"_ba << now << 0LL;
    QTest::newRow("leading zeros") << "007"_ba << now << 7000LL;
    QTest::newRow("surrounding whitespace") << " \t120 \r\n"_ba << now << 120'000LL;
    QTest::newRow("largest representable")
        << "9223372036854775"_ba << now << 9'223'372'036'854'775'000LL;
    QTest::newRow("overflowing milliseconds") << "9223372036854776"_ba << now << -1LL;
    QTest::newRow("overflowing seconds") << "99999999999999999999999"_ba << now << -1LL;
    QTest::newRow("negative") << "-5"_ba << now << -1LL;
    QTest::newRow("plus sign") << "+5"_ba << now << -1LL;
    QTest::newRow("fraction") << "1.5"_ba << now << -1LL;
    QTest::newRow("unit") << "5s"_ba << now << -1LL;
    QTest::newRow("two numbers") << "1 2"_ba << now << -1LL;
    QTest::newRow("empty") << QByteArray() << now << -1LL;
    QTest::newRow("blank") << "   "_ba << now << -1LL;
    QTest::newRow("garbage") << "soon"_ba << now << -1LL;
    QTest::newRow("non-ASCII digits") << "\xD9\xA3"_ba << now << -1LL;

    QTest::newRow("IMF-fixdate") << "Sun, 06 Nov 1994 08:49:37 GMT"_ba << now << 37'000LL;
    QTest::newRow("RFC 850") << "Sunday, 06-Nov-94 08:49:37 GMT"_ba << now << 37'000LL;
    QTest::newRow("asctime") << "Sun Nov  6 08:49:37 1994"_ba << now << 37'000LL;
    QTest::newRow("asctime, two-digit day")
        << "Wed Nov 16 08:49:37 1994"_ba << now << 10LL * 86'400'000 + 37'000;
    QTest::newRow("date with whitespace around")
        << "  Sun, 06 Nov 1994 08:49:37 GMT\t"_ba << now << 37'000LL;
    QTest::newRow("lower case") << "sun, 06 nov 1994 08:49:37 gmt"_ba << now << 37'000LL;
    QTest::newRow("no day name") << "06 Nov 1994 08:49:37 GMT"_ba << now << 37'000LL;
    QTest::newRow("recorded server date")
        << "Thu, 02 May 2024 09:43:26 GMT"_ba << may2024 << 1000LL;
    QTest::newRow("sub-second now")
        << "Sun, 06 Nov 1994 08:49:37 GMT"_ba << utc(u"1994-11-06T08:49:36.250Z"_s) << 750LL;
    QTest::newRow("across a month end")
        << "Thu, 01 Dec 1994 00:00:00 GMT"_ba << utc(u"1994-11-30T23:59:00Z"_s) << 60'000LL;
    QTest::newRow("leap day") << "Thu, 29 Feb 2024 00:00:10 GMT"_ba
                              << utc(u"2024-02-29T00:00:00Z"_s) << 10'000LL;

    QTest::newRow("Go MST") << "Sun, 06 Nov 1994 01:49:37 MST"_ba << now << 37'000LL;
    QTest::newRow("Go UTC") << "Sun, 06 Nov 1994 08:49:37 UTC"_ba << now << 37'000LL;
    QTest::newRow("UT") << "Sun, 06 Nov 1994 08:49:37 UT"_ba << now << 37'000LL;
    QTest::newRow("MDT") << "Sun, 06 Nov 1994 02:49:37 MDT"_ba << now << 37'000LL;
    QTest::newRow("PST") << "Sun, 06 Nov 1994 00:49:37 PST"_ba << now << 37'000LL;
    QTest::newRow("PDT") << "Sun, 06 Nov 1994 01:49:37 PDT"_ba << now << 37'000LL;
    QTest::newRow("EST") << "Sun, 06 Nov 1994 03:49:37 EST"_ba << now << 37'000LL;
    QTest::newRow("EDT") << "Sun, 06 Nov 1994 04:49:37 EDT"_ba << now << 37'000LL;
    QTest::newRow("CST") << "Sun, 06 Nov 1994 02:49:37 CST"_ba << now << 37'000LL;
    QTest::newRow("CDT") << "Sun, 06 Nov 1994 03:49:37 CDT"_ba << now << 37'000LL;
    QTest::newRow("zone across midnight")
        << "Sat, 05 Nov 1994 23:49:37 PST"_ba << utc(u"1994-11-06T07:49:00Z"_s) << 37'000LL;
    QTest::newRow("numeric zone") << "Sun, 06 Nov 1994 09:49:37 +0100"_ba << now << 37'000LL;
    QTest::newRow("negative numeric zone")
        << "Sun, 06 Nov 1994 01:49:37 -0700"_ba << now << 37'000LL;
    QTest::newRow("RFC 850 with MST") << "Sunday, 06-Nov-94 01:49:37 MST"_ba << now << 37'000LL;
    QTest::newRow("unknown zone") << "Sun, 06 Nov 1994 08:49:37 CET"_ba << now << -1LL;
    QTest::newRow("no zone") << "Sun, 06 Nov 1994 08:49:37"_ba << now << -1LL;

    QTest::newRow("past date") << "Sun, 06 Nov 1994 08:48:00 GMT"_ba << now << 0LL;
    QTest::newRow("epoch") << "Thu, 01 Jan 1970 00:00:00 GMT"_ba << now << 0LL;
    QTest::newRow("now") << "Sun, 06 Nov 1994 08:49:00 GMT"_ba << now << 0LL;
    QTest::newRow("RFC 850 year in the past century")
        << "Friday, 31-Dec-99 23:59:59 GMT"_ba << may2024 << 0LL;
    QTest::newRow("RFC 850 year in this century")
        << "Thursday, 02-May-24 09:43:35 GMT"_ba << may2024 << 10'000LL;

    QTest::newRow("31 February") << "Mon, 31 Feb 1994 08:49:37 GMT"_ba << now << -1LL;
    QTest::newRow("unknown month") << "Sun, 06 Foo 1994 08:49:37 GMT"_ba << now << -1LL;
    QTest::newRow("localised month") << "Sun, 06 Okt 1994 08:49:37 GMT"_ba << now << -1LL;
    QTest::newRow("hour 25") << "Sun, 06 Nov 1994 25:49:37 GMT"_ba << now << -1LL;
    QTest::newRow("minute 60") << "Sun, 06 Nov 1994 08:60:37 GMT"_ba << now << -1LL;
    QTest::newRow("no seconds") << "Sun, 06 Nov 1994 08:49 GMT"_ba << now << -1LL;
    QTest::newRow("two-digit IMF year") << "Sun, 06 Nov 94 08:49:37 GMT"_ba << now << -1LL;
    QTest::newRow("trailing garbage") << "Sun, 06 Nov 1994 08:49:37 GMT x"_ba << now << -1LL;
    QTest::newRow("asctime with a bad year") << "Sun Nov  6 08:49:37 94"_ba << now << -1LL;
    QTest::newRow("ISO 8601") << "1994-11-06T08:49:37Z"_ba << now << -1LL;
}

void TestRetryPolicy::parseRetryAfter()
{
    QFETCH(QByteArray, value);
    QFETCH(QDateTime, now);
    QFETCH(qint64, delayMs);
    QCOMPARE(orMinusOne(RetryPolicy::parseRetryAfter(value, now)), delayMs);
}

void TestRetryPolicy::parseRetryAfterIgnoresTheLocale()
{
    const QLocale saved;
    QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
    const auto delay = RetryPolicy::parseRetryAfter(
        "Sun, 06 Nov 1994 08:49:37 GMT", utc(u"1994-11-06T08:49:00Z"_s));
    QLocale::setDefault(saved);
    QCOMPARE(orMinusOne(delay), 37'000LL);
}

void TestRetryPolicy::parseRetryAfterWithInvalidNow()
{
    // Seconds need no clock; a date cannot be turned into a delay without one.
    QCOMPARE(orMinusOne(RetryPolicy::parseRetryAfter("30", QDateTime())), 30'000LL);
    QCOMPARE(orMinusOne(RetryPolicy::parseRetryAfter("Sun, 06 Nov 1994 08:49:37 GMT", QDateTime())),
        -1LL);
}

QTEST_GUILESS_MAIN(TestRetryPolicy)
#include "tst_retrypolicy.moc"
