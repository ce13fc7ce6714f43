// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>

#include <optional>

namespace cody {

/// What kind of thing went wrong; callers map kinds to exit codes and UI treatment.
enum class ErrorKind {
    None,
    Config, ///< bad configuration or input: nothing was sent
    Auth, ///< the token was rejected (401/403)
    Network, ///< connection refused, reset, DNS failure, redirect not followed
    Tls, ///< certificate or handshake failure
    Timeout, ///< idle timeout
    Dropped, ///< the stream ended before `done`
    Http, ///< another 4xx answer
    Server, ///< 5xx after retries
    Stream, ///< an SSE `error` event
    Protocol, ///< an answer that is not the Sourcegraph protocol (HTML page, bad JSON, giant event)
    Cancelled, ///< the caller cancelled: an outcome, not a failure
};

struct Error
{
    ErrorKind kind = ErrorKind::None;
    QString message; ///< one readable line, never containing the token
    int httpStatus = 0;
    /// How long the server asked to wait before trying again (Retry-After), when it did: what a
    /// gateway passes on to its own clients.
    std::optional<qint64> retryAfterSeconds = std::nullopt;

    bool isError() const { return kind != ErrorKind::None; }
    static Error none() { return {}; }
};

/// A short stable name for logs and JSON output ("auth", "network", …).
QString errorKindName(ErrorKind kind);

} // namespace cody
