#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Runs every benchmark and writes benchmarks/RESULTS.md. By hand, never in CI: timings on shared
# machines mean little, so each benchmark measures its ratios side by side in one run and keeps
# the median of several runs. Needs the packages of scripts/install-deps.sh, and disk space for
# the 1 M-message history (1.7 GiB, built once).
#   scripts/bench.sh            (the 1 M-message history is built once, in build/bench-data)
set -euo pipefail
cd "$(dirname "$0")/.."
export CODY_BUILD_DIR=build
export CODY_BENCH_RESULTS=${CODY_BENCH_RESULTS:-$PWD/build/bench-results}
rm -rf "$CODY_BENCH_RESULTS"
mkdir -p "$CODY_BENCH_RESULTS"
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build --parallel "$(nproc)"
npm ci --prefix tests/sseparity --no-audit --no-fund --loglevel=error

export QT_QPA_PLATFORM=offscreen
for bench in benchmarks/*/run.sh; do
    printf '\n==== bench.sh: %s\n' "$bench"
    "$bench"
done
printf '\n==== bench.sh: benchmarks/bench-gui\n'
build/benchmarks/bench-gui --runs 5 --json "$CODY_BENCH_RESULTS/gui.json"
node benchmarks/report.mjs "$CODY_BENCH_RESULTS" benchmarks/RESULTS.md
