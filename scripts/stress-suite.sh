#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Proves the suite steady on a busy machine: runs the whole suite N times in a row (default 5) as
# CI does (scripts/suite.sh: `ctest -j2` on 2 cores, then the skip check) while one busy loop per
# core competes for the CPU, and stops at the first red run. Prints one line per run and a
# summary; the build must exist (scripts/build.sh).
#   scripts/stress-suite.sh [RUNS] [BUSY_LOOPS]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
loops=${2:-$(nproc)}
log_dir=$(mktemp -d)
busy=()
stop_busy() { [ ${#busy[@]} -eq 0 ] || kill "${busy[@]}" 2>/dev/null || true; }
trap stop_busy EXIT
for _ in $(seq "$loops"); do
    ( while :; do :; done ) &
    busy+=($!)
done
echo "stress-suite: $runs runs of ctest -j2 beside $loops busy loops on $(nproc) cores; logs in $log_dir"
started=$(date +%s)
for run in $(seq "$runs"); do
    begin=$(date +%s)
    # As CI runs it (scripts/suite.sh: ctest -j$(nproc), then the skip check).
    if scripts/suite.sh build >"$log_dir/run-$run.log" 2>&1; then
        result=green
    else
        result=RED
    fi
    summary=$(grep -E '^[0-9]+% tests passed' "$log_dir/run-$run.log" || echo "no summary")
    echo "run $run: $result in $(( $(date +%s) - begin )) s (load $(cut -d' ' -f1-3 /proc/loadavg)): $summary"
    if [ "$result" = RED ]; then
        grep -E '^(FAIL!|   Loc:|   Actual|   Expected)|\((Failed|Timeout|SEGFAULT|Subprocess aborted)\)|check-skips' \
            "$log_dir/run-$run.log" | head -40
        exit 1
    fi
done
echo "stress-suite: $runs of $runs green in $(( ($(date +%s) - started) / 60 )) min"
