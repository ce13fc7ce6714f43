// SPDX-License-Identifier: Apache-2.0
// RetryPolicy::parseRetryAfter: never negative, bounded, and consistent with its own rules; and
// decide() never waits longer than maxRetryAfter whatever the header said.
#include "net/retrypolicy.h"

#include <QDateTime>
#include <QTimeZone>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>

using namespace Qt::StringLiterals;
using cody::RetryPolicy;
using Millis = RetryPolicy::Millis;

namespace {

void require(bool condition, const char *what)
{
    if (!condition) {
        std::fprintf(stderr, "fuzz_retryafter: property violated: %s\n", what);
        std::abort();
    }
}

bool allDigits(QByteArrayView text)
{
    if (text.isEmpty())
        return false;
    for (const char c : text) {
        if (c < '0' || c > '9')
            return false;
    }
    return true;
}

QByteArrayView trimmed(QByteArrayView text)
{
    const auto space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
    while (!text.isEmpty() && space(text.front()))
        text = text.sliced(1);
    while (!text.isEmpty() && space(text.back()))
        text.chop(1);
    return text;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    // The first four bytes pick "now" between 1970 and 2106; the rest is the header value.
    if (size < 4)
        return 0;
    quint32 seconds = 0;
    std::memcpy(&seconds, data, sizeof seconds);
    const QDateTime now = QDateTime::fromSecsSinceEpoch(qint64(seconds), QTimeZone::utc());
    const QByteArray value(reinterpret_cast<const char *>(data + 4), qsizetype(size - 4));

    const auto delay = RetryPolicy::parseRetryAfter(value, now);
    if (!delay)
        return 0;
    require(delay->count() >= 0, "a negative delay");

    // Whatever the header says, a 429 waits at most maxRetryAfter, or is not retried.
    const RetryPolicy policy;
    RetryPolicy::Failure failure;
    failure.httpStatus = 429;
    failure.retryAfter = delay;
    const RetryPolicy::Decision decision = policy.decide(1, failure, 0.5);
    require(decision.retry == (*delay <= policy.settings().maxRetryAfter), "429 retry decision");
    require(decision.delay.count() >= 0 && decision.delay <= policy.settings().maxRetryAfter,
        "a 429 wait beyond maxRetryAfter");

    const QByteArrayView core = trimmed(value);
    if (allDigits(core)) {
        // delta-seconds: exactly the number of seconds, in milliseconds.
        require(delay->count() == core.toLongLong() * 1000, "delta-seconds misread");
    } else {
        // An HTTP-date lies no later than 9999-12-31 (QDate's range in the parser).
        constexpr qint64 Year10000Ms = 253402300800LL * 1000;
        require(delay->count() <= Year10000Ms - now.toMSecsSinceEpoch(), "an unbounded delay");
        // One second later the same date is one second closer (or already past), unless the
        // year changes, which moves two-digit years.
        const QDateTime later = now.addSecs(1);
        if (later.date().year() == now.date().year()) {
            const auto laterDelay = RetryPolicy::parseRetryAfter(value, later);
            require(laterDelay.has_value(), "a date stopped parsing a second later");
            require(laterDelay->count() == std::max<qint64>(delay->count() - 1000, 0),
                "a date did not come one second closer");
        }
    }
    // HTTP-date names are case-insensitive; digits and separators have no case.
    require(RetryPolicy::parseRetryAfter(value.toUpper(), now) == delay, "case changed the result");
    require(RetryPolicy::parseRetryAfter(QByteArray(" \t"_ba + value + "\r\n"_ba), now) == delay,
        "surrounding whitespace changed the result");
    require(RetryPolicy::parseRetryAfter(value, QDateTime()).has_value() == allDigits(core),
        "without a clock only delta-seconds may parse");
    return 0;
}
