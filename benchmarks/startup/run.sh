#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Startup and history search with 10 000 conversations of 100 messages (1 M messages).
#  - Startup: cody-chat from process start to its first painted window (offscreen, CODY_STARTUP_PROBE)
#    with that history against an empty one, interleaved; and its peak RSS.
#  - Search: bench-history's FTS timings on the same file.
# Writes $CODY_BENCH_RESULTS/startup.json and search.json.
#   benchmarks/startup/run.sh [RUNS]     the history is built once (minutes) in $CODY_BENCH_DATA
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${1:-7}
build=${CODY_BUILD_DIR:-build}
results=${CODY_BENCH_RESULTS:-$build/bench-results}
data=${CODY_BENCH_DATA:-$build/bench-data}
mkdir -p "$results" "$data/empty" "$data/full/cody-chat"
history=$data/full/cody-chat/history.sqlite

# Filling runs once; bench-history then times opening and searching the same file.
"$build/benchmarks/bench-history" --db "$history" --conversations 10000 --messages 100 \
    --runs 5 --json "$data/history.json" | tail -n 40

start_once() { # DATA_DIR -> "first-paint-ms peak-KiB"
    local dir=$1 out
    out=$(env -i PATH="$PATH" HOME="$dir" XDG_DATA_HOME="$dir" XDG_CONFIG_HOME="$data/config" \
        QT_QPA_PLATFORM=offscreen CODY_STARTUP_PROBE=1 \
        /usr/bin/time -f 'peak-kib %M' "$build/app/gui/cody-chat" 2>&1)
    echo "$(grep -o 'first-paint-ms [0-9]*' <<<"$out" | cut -d' ' -f2) $(grep -o 'peak-kib [0-9]*' <<<"$out" | cut -d' ' -f2)"
}

empty_ms=() full_ms=() full_kib=()
for ((i = 0; i < runs; i++)); do
    read -r ms kib <<<"$(start_once "$data/empty")"
    empty_ms+=("$ms")
    read -r ms kib <<<"$(start_once "$data/full")"
    full_ms+=("$ms")
    full_kib+=("$kib")
done
echo "startup, empty history (ms): ${empty_ms[*]}"
echo "startup, 1 M messages (ms):  ${full_ms[*]}"
echo "peak RSS, 1 M messages (KiB): ${full_kib[*]}"

node - "$results" "$data/history.json" "${empty_ms[*]}" "${full_ms[*]}" "${full_kib[*]}" <<'NODE'
const fs = require('fs');
const [results, historyJson, emptyRuns, fullRuns, kibRuns] = process.argv.slice(2);
const nums = (text) => text.trim().split(/\s+/).map(Number).sort((a, b) => a - b);
const figure = (label, unit, runs) => ({ label, unit, runs, min: runs[0],
    median: runs[Math.floor(runs.length / 2)], max: runs[runs.length - 1] });
const empty = nums(emptyRuns), full = nums(fullRuns), kib = nums(kibRuns);
const fullFigure = figure('first painted window, 10 000 conversations / 1 M messages', 'ms', full);
const emptyFigure = figure('first painted window, empty history', 'ms', empty);
const rss = figure('peak RSS at start, 1 M messages', 'MiB', kib.map((k) => k / 1024));
const ratio = fullFigure.median / emptyFigure.median;
fs.writeFileSync(`${results}/startup.json`, JSON.stringify({
    benchmark: 'startup', title: 'Startup with a large history',
    figures: [emptyFigure, fullFigure, rss],
    goals: [
        { label: 'startup, 1 M messages vs empty', ratio, goal: '≤ 1.3×', met: ratio <= 1.3 },
        { label: 'startup with 1 M messages (ms)', ratio: fullFigure.median, goal: '< 500 ms',
          met: fullFigure.median < 500 },
        { label: 'RSS after start (MiB)', ratio: rss.median, goal: '< 150 MiB', met: rss.median < 150 },
    ],
}, null, 2));
// bench-history's own JSON: every timing row with its samples.
const history = JSON.parse(fs.readFileSync(historyJson, 'utf8'));
const searches = Object.entries(history)
    .filter(([key, row]) => /^search(_limit1)?:/.test(key) && Array.isArray(row.runs));
const figures = searches.map(([, row]) => figure(row.label, 'ms', [...row.runs].sort((a, b) => a - b)));
const worst = figures.filter((f) => !/limit 1:/.test(f.label)).reduce((m, f) => Math.max(m, f.median), 0);
fs.writeFileSync(`${results}/search.json`, JSON.stringify({
    benchmark: 'search', title: 'History search over 1 M messages',
    figures,
    goals: [{ label: 'slowest search (median, ms)', ratio: worst, goal: '< 50 ms', met: worst < 50 }],
}, null, 2));
NODE
