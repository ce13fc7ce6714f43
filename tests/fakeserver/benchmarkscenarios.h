// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "httpresponse.h"

#include <QJsonArray>
#include <QString>
#include <QStringList>

namespace cody::test {

// The large replies of benchmarks/streaming, each built once per process and api-version, so
// that answering costs the server a copy, not an encoding, and a client is measured, not the
// server:
//   bulk          about 48 MiB of text in 64 KiB deltas (transfer-bound)
//   tokens        about 1.5 M deltas of a few characters each, like a model's tokens (parse-bound)
//   segments      SegmentCount segments of SegmentChars, each stopped by max_tokens but the
//                 last: every continuation request gets the next one (auto-continue overhead)
//   segments-one  the same text as one segment
// tokens, segments and segments-one pack many events into one step (one HTTP chunk, one write);
// real servers flush one event per chunk. Their "-per-event" twins (tokens-per-event, …) send
// the same bytes one event per step. bulk's events are already one per step.
// They need api-version >= 2: at 1 every event would repeat the whole text so far.
class BenchmarkScenarios
{
public:
    static constexpr int SegmentCount = 200;
    static constexpr qsizetype SegmentChars = 128;

    static QStringList names();
    static bool isKnown(const QString &scenario);
    static HttpResponse respond(
        const QString &scenario, int apiVersion, bool includeUsage, const QJsonArray &messages);

    // The whole text of the segments scenarios: numbered words, so that no continuation can be
    // mistaken for a repeat of the text before it.
    static QString segmentedText();
};

} // namespace cody::test
