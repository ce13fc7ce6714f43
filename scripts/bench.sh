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

# Other work on the machine skews every timing: wait (up to CODY_BENCH_QUIET_WAIT seconds, 15
# minutes by default) for a 1-minute load average under 1.0, then record the load the benchmark
# started at, quiet or not, for RESULTS.md.
quiet() { # NAME
    local waited=0 limit=${CODY_BENCH_QUIET_WAIT:-900}
    while awk '{ exit !($1 >= 1.0) }' /proc/loadavg && ((waited < limit)); do
        sleep 15
        waited=$((waited + 15))
    done
    echo "$1: $(cut -d' ' -f1-3 /proc/loadavg) (nproc $(nproc))" >>"$CODY_BENCH_RESULTS/load.txt"
}

export QT_QPA_PLATFORM=offscreen
for bench in benchmarks/*/run.sh; do
    printf '\n==== bench.sh: %s\n' "$bench"
    quiet "${bench%/run.sh}"
    "$bench"
done
printf '\n==== bench.sh: benchmarks/bench-gui\n'
quiet bench-gui
build/benchmarks/bench-gui --runs 5 --json "$CODY_BENCH_RESULTS/gui.json"
node benchmarks/report.mjs "$CODY_BENCH_RESULTS" benchmarks/RESULTS.md
