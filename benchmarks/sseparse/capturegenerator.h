// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>

namespace cody::bench {

/// Counts of what generateCapture() wrote.
struct CaptureStats
{
    qint64 completionEvents = 0;
    qint64 streams = 0;
};

/**
 * A deterministic SSE capture shaped like Sourcegraph's api-version >= 2 streams (cody-api.md
 * §1.6, FX/06): streams of `completion` events whose `deltaText` is one small token (Go escapes
 * for `<>&`, `\n`, `\"`, some non-ASCII), a final event with `stopReason`, then `done`. The
 * same `completionEvents` always give the same bytes, on every machine.
 */
QByteArray generateCapture(qint64 completionEvents, CaptureStats *stats = nullptr);

} // namespace cody::bench
