// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "net/error.h"

namespace cody::cli {

/// The exit codes scripts rely on (README "Exit codes").
enum ExitCode : int {
    Success = 0,
    UsageError = 2, ///< bad option, model name, environment value, missing endpoint or token
    TokenRejected = 3,
    NetworkFailure = 4, ///< network, TLS, timeout or dropped stream
    StorageFailure = 1, ///< the history database could not be read or written
    ServerFailure = 5, ///< 5xx after retries, other 4xx, SSE error event
    Interrupted = 130,
};

ExitCode exitCodeFor(ErrorKind kind);

} // namespace cody::cli
