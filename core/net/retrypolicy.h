// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArrayView>
#include <QDateTime>

#include <chrono>
#include <optional>

namespace cody {

/**
 * @brief Decides whether a failed request is tried again, and after how long. Pure: no I/O, no
 * clock.
 *
 * Retried: HTTP 429 (after `Retry-After`, unless it asks for longer than maxRetryAfter: then not
 * retried at all; backoff when absent or
 * unparsable), HTTP 500/502/503/504, and connection failures that happened before the first
 * response byte. Never retried: 401/403, other 4xx, anything after the first response byte, and
 * once `maxAttempts` attempts in total have been made. Backoff is exponential with full jitter:
 * `baseDelay * 2^(attempt-1)`, capped at maxDelay, multiplied by a jitter factor in [0.5, 1.0].
 */
class RetryPolicy
{
public:
    using Millis = std::chrono::milliseconds;

    struct Settings
    {
        int maxAttempts = 4; ///< total attempts, the first one included
        Millis baseDelay {500};
        Millis maxDelay {30'000};
        Millis maxRetryAfter {120'000};
    };

    struct Failure
    {
        int httpStatus = 0; ///< 0 when no HTTP status was received
        bool beforeFirstByte = true; ///< no byte of the response body had arrived
        bool connectionFailed = false; ///< refused, reset, host not found before an answer
        std::optional<Millis> retryAfter; ///< parsed Retry-After, when the response had one
    };

    struct Decision
    {
        bool retry = false;
        Millis delay {0};
    };

    RetryPolicy() = default;
    explicit RetryPolicy(Settings settings)
        : m_settings(settings)
    { }

    const Settings &settings() const { return m_settings; }

    /// `attempt` is the number of the attempt that just failed (1 for the first one). `jitter` in
    /// [0, 1] picks a point in the jitter range, so tests can pin it.
    Decision decide(int attempt, const Failure &failure, double jitter) const;

    /// Exponential backoff for the attempt that just failed, jitter as in decide().
    Millis backoff(int attempt, double jitter) const;

    /// Parses a Retry-After value: delta-seconds ("120") or an HTTP-date (IMF-fixdate, RFC 850 or
    /// asctime). A date in the past gives 0. Returns nullopt for anything else.
    static std::optional<Millis> parseRetryAfter(QByteArrayView value, const QDateTime &now);

private:
    Settings m_settings;
};

} // namespace cody
