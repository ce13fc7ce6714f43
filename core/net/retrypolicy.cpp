// SPDX-License-Identifier: Apache-2.0
#include "net/retrypolicy.h"

#include <QDate>
#include <QList>

#include <algorithm>
#include <cmath>
#include <iterator>
#include <limits>

using namespace Qt::StringLiterals;

namespace cody {

namespace {

constexpr qint64 SecondsPerDay = 24 * 60 * 60;
// QDate::toJulianDay() of 1970-01-01.
constexpr qint64 UnixEpochJulianDay = 2440588;

bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

QByteArrayView trimmed(QByteArrayView value)
{
    while (!value.isEmpty() && isSpace(value.front()))
        value = value.sliced(1);
    while (!value.isEmpty() && isSpace(value.back()))
        value.chop(1);
    return value;
}

/// ASCII digits only, no sign; nullopt when empty, anything else, or too large for qint64.
std::optional<qint64> parseDigits(QByteArrayView text)
{
    if (text.isEmpty())
        return std::nullopt;
    qint64 number = 0;
    for (const char c : text) {
        if (!isDigit(c))
            return std::nullopt;
        if (number > (std::numeric_limits<qint64>::max() - (c - '0')) / 10)
            return std::nullopt;
        number = number * 10 + (c - '0');
    }
    return number;
}

bool equalsIgnoringCase(QByteArrayView a, QByteArrayView b)
{
    return a.size() == b.size() && QByteArrayView(a).compare(b, Qt::CaseInsensitive) == 0;
}

// Our own names: QLocale's month names follow the user's language, HTTP dates are English.
int monthNumber(QByteArrayView name)
{
    static constexpr const char *Months[]
        = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    for (int i = 0; i < 12; ++i) {
        if (equalsIgnoringCase(name, Months[i]))
            return i + 1;
    }
    return 0;
}

bool isDayName(QByteArrayView name)
{
    static constexpr const char *Days[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun",
        "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};
    return std::any_of(std::begin(Days), std::end(Days),
        [name](const char *day) { return equalsIgnoringCase(name, day); });
}

/// Offset east of UTC in seconds of a zone as servers write it: a name Go's time package emits,
/// or `+hhmm`/`-hhmm`.
std::optional<int> zoneOffset(QByteArrayView zone)
{
    struct Zone
    {
        const char *name;
        int hours;
    };
    static constexpr Zone Zones[] = {{"GMT", 0}, {"UTC", 0}, {"UT", 0}, {"Z", 0}, {"EST", -5},
        {"EDT", -4}, {"CST", -6}, {"CDT", -5}, {"MST", -7}, {"MDT", -6}, {"PST", -8}, {"PDT", -7}};
    for (const Zone &known : Zones) {
        if (equalsIgnoringCase(zone, known.name))
            return known.hours * 3600;
    }
    if (zone.size() == 5 && (zone.front() == '+' || zone.front() == '-')) {
        const auto hours = parseDigits(zone.sliced(1, 2));
        const auto minutes = parseDigits(zone.sliced(3, 2));
        if (!hours || !minutes || *hours > 23 || *minutes > 59)
            return std::nullopt;
        const int offset = int(*hours * 3600 + *minutes * 60);
        return zone.front() == '-' ? -offset : offset;
    }
    return std::nullopt;
}

/// `hh:mm:ss` as seconds since midnight. A leap second counts as the one before it.
std::optional<int> parseTime(QByteArrayView text)
{
    const QList<QByteArrayView> parts = [text] {
        QList<QByteArrayView> result;
        qsizetype start = 0;
        for (qsizetype i = 0; i <= text.size(); ++i) {
            if (i == text.size() || text.at(i) == ':') {
                result.append(text.sliced(start, i - start));
                start = i + 1;
            }
        }
        return result;
    }();
    if (parts.size() != 3)
        return std::nullopt;
    int fields[3] = {};
    static constexpr int Limits[3] = {23, 59, 60};
    for (int i = 0; i < 3; ++i) {
        if (parts[i].size() < 1 || parts[i].size() > 2)
            return std::nullopt;
        const auto number = parseDigits(parts[i]);
        if (!number || *number > Limits[i])
            return std::nullopt;
        fields[i] = int(*number);
    }
    return fields[0] * 3600 + fields[1] * 60 + std::min(fields[2], 59);
}

std::optional<int> parseNumber(QByteArrayView text, qsizetype minDigits, qsizetype maxDigits)
{
    if (text.size() < minDigits || text.size() > maxDigits)
        return std::nullopt;
    const auto number = parseDigits(text);
    if (!number)
        return std::nullopt;
    return int(*number);
}

QList<QByteArrayView> tokens(QByteArrayView text)
{
    QList<QByteArrayView> result;
    qsizetype start = -1;
    for (qsizetype i = 0; i <= text.size(); ++i) {
        const bool separator = i == text.size() || isSpace(text.at(i)) || text.at(i) == ',';
        if (separator && start >= 0) {
            result.append(text.sliced(start, i - start));
            start = -1;
        } else if (!separator && start < 0) {
            start = i;
        }
    }
    return result;
}

/// Seconds since the Unix epoch of an HTTP-date (RFC 9110 §5.6.7), or nullopt.
std::optional<qint64> parseHttpDate(QByteArrayView text, int currentYear)
{
    QList<QByteArrayView> parts = tokens(text);
    if (!parts.isEmpty() && isDayName(parts.front()))
        parts.removeFirst();

    std::optional<int> day, month, year, time, offset;
    if (parts.size() == 4 && monthNumber(parts[0]) != 0) {
        // asctime: `Nov  6 08:49:37 1994`, always GMT.
        month = monthNumber(parts[0]);
        day = parseNumber(parts[1], 1, 2);
        time = parseTime(parts[2]);
        year = parseNumber(parts[3], 4, 4);
        offset = 0;
    } else if (parts.size() == 3 && parts[0].count('-') == 2) {
        // RFC 850: `06-Nov-94 08:49:37 GMT`.
        const QByteArrayView date = parts[0];
        const qsizetype first = date.indexOf('-');
        const qsizetype second = date.indexOf('-', first + 1);
        day = parseNumber(date.first(first), 1, 2);
        month = monthNumber(date.sliced(first + 1, second - first - 1));
        const QByteArrayView yearText = date.sliced(second + 1);
        year = parseNumber(yearText, 2, 4);
        if (year && yearText.size() == 2) {
            // RFC 9110: a two-digit year more than 50 years ahead is in the past century.
            *year += currentYear - currentYear % 100;
            if (*year > currentYear + 50)
                *year -= 100;
        }
        time = parseTime(parts[1]);
        offset = zoneOffset(parts[2]);
    } else if (parts.size() == 5) {
        // IMF-fixdate and Go's RFC 1123: `06 Nov 1994 08:49:37 GMT`.
        day = parseNumber(parts[0], 1, 2);
        month = monthNumber(parts[1]);
        year = parseNumber(parts[2], 4, 4);
        time = parseTime(parts[3]);
        offset = zoneOffset(parts[4]);
    }
    if (!day || !month || *month == 0 || !year || !time || !offset)
        return std::nullopt;
    const QDate date(*year, *month, *day);
    if (!date.isValid())
        return std::nullopt;
    return (date.toJulianDay() - UnixEpochJulianDay) * SecondsPerDay + *time - *offset;
}

} // namespace

RetryPolicy::Decision RetryPolicy::decide(int attempt, const Failure &failure, double jitter) const
{
    if (attempt >= m_settings.maxAttempts || !failure.beforeFirstByte)
        return {};

    const int status = failure.httpStatus;
    if (status == 429) {
        if (failure.retryAfter) {
            // Waiting minutes in silence helps nobody: past the cap, give up and say when.
            if (*failure.retryAfter > m_settings.maxRetryAfter)
                return {};
            return {true, std::max(*failure.retryAfter, Millis(0))};
        }
        return {true, backoff(attempt, jitter)};
    }
    if (status == 500 || status == 502 || status == 503 || status == 504)
        return {true, backoff(attempt, jitter)};
    // With a status the server answered, and that answer decides; a connection failure only
    // counts when it came before any answer.
    if (status == 0 && failure.connectionFailed)
        return {true, backoff(attempt, jitter)};
    return {};
}

RetryPolicy::Millis RetryPolicy::backoff(int attempt, double jitter) const
{
    // Past 2^62 any delay is capped anyway, and a smaller exponent keeps the double exact.
    const int exponent = std::min(std::max(attempt, 1) - 1, 62);
    const double uncapped = double(m_settings.baseDelay.count()) * std::ldexp(1.0, exponent);
    const double capped = std::min(uncapped, double(m_settings.maxDelay.count()));
    const double factor = 0.5 + 0.5 * std::clamp(std::isnan(jitter) ? 1.0 : jitter, 0.0, 1.0);
    return Millis(std::llround(capped * factor));
}

std::optional<RetryPolicy::Millis> RetryPolicy::parseRetryAfter(
    QByteArrayView value, const QDateTime &now)
{
    value = trimmed(value);
    if (!value.isEmpty() && isDigit(value.front())) {
        if (const auto seconds = parseDigits(value)) {
            if (*seconds > std::numeric_limits<Millis::rep>::max() / 1000)
                return std::nullopt;
            return Millis(*seconds * 1000);
        }
        // Digits first but not only digits: "06 Nov 1994 …" without its day name is still a date.
    }
    if (!now.isValid())
        return std::nullopt;
    const QDateTime nowUtc = now.toUTC();
    const auto seconds = parseHttpDate(value, nowUtc.date().year());
    if (!seconds)
        return std::nullopt;
    const qint64 delay = *seconds * 1000 - nowUtc.toMSecsSinceEpoch();
    return Millis(std::max<qint64>(delay, 0));
}

} // namespace cody
