// SPDX-License-Identifier: Apache-2.0
#include "exitcode.h"

namespace cody::cli {

ExitCode exitCodeFor(ErrorKind kind)
{
    switch (kind) {
    case ErrorKind::None:
        return Success;
    case ErrorKind::Config:
        return UsageError;
    case ErrorKind::Auth:
        return TokenRejected;
    case ErrorKind::Network:
    case ErrorKind::Tls:
    case ErrorKind::Timeout:
    case ErrorKind::Dropped:
        return NetworkFailure;
    case ErrorKind::Http:
    case ErrorKind::Server:
    case ErrorKind::Stream:
    case ErrorKind::Protocol:
        return ServerFailure;
    case ErrorKind::Cancelled:
        return Interrupted;
    }
    return ServerFailure;
}

} // namespace cody::cli
