#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# SSE parsing throughput: bench-sse (SseParser, CompletionEvent, a memchr scan) and
# eventsource.mjs (eventsource-parser, JSON.parse) on the same capture, interleaved round by
# round so both sides see the same machine load; medians of the rounds go to
# $CODY_BENCH_RESULTS/sse-parse.json.
#   benchmarks/sseparse/run.sh                       7 rounds, build dir build-bench
#   CODY_BUILD_DIR=build SSE_BENCH_ROUNDS=11 benchmarks/sseparse/run.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
build=${CODY_BUILD_DIR:-build-bench}
results=${CODY_BENCH_RESULTS:-$build/bench-results}
rounds=${SSE_BENCH_ROUNDS:-7}
if (( rounds < 5 )); then
    echo "run.sh: SSE_BENCH_ROUNDS must be at least 5 (medians of fewer mean little)" >&2
    exit 2
fi

if [[ ! -d tests/sseparity/node_modules/eventsource-parser ]]; then
    npm ci --prefix tests/sseparity --no-audit --no-fund --loglevel=error
fi
if [[ ! -f $build/CMakeCache.txt ]]; then
    cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo
fi
cmake --build "$build" --parallel 2 --target bench-sse

bench=$build/benchmarks/sseparse/bench-sse
capture=$build/benchmarks/sseparse/capture.sse
"$bench" --capture "$capture" --generate

mkdir -p "$results"
lines=$(mktemp)
trap 'rm -f "$lines"' EXIT
for ((round = 1; round <= rounds; ++round)); do
    # Alternate which side goes first, so neither always runs right after the other's heap.
    if (( round % 2 )); then
        "$bench" --capture "$capture" >>"$lines"
        node benchmarks/sseparse/eventsource.mjs --capture "$capture" >>"$lines"
    else
        node benchmarks/sseparse/eventsource.mjs --capture "$capture" >>"$lines"
        "$bench" --capture "$capture" >>"$lines"
    fi
    echo "round $round/$rounds done" >&2
done
node benchmarks/sseparse/summarize.mjs "$lines" "$results/sse-parse.json"
