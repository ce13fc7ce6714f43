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
Object.assign(emptyFigure, { flags: 'cody-chat, CODY_STARTUP_PROBE=1', goal: '< 500 ms', met: emptyFigure.median < 500 });
Object.assign(fullFigure, { flags: 'cody-chat, CODY_STARTUP_PROBE=1', goal: '< 500 ms and ≤ 1.3× empty',
    met: fullFigure.median < 500 && fullFigure.median / emptyFigure.median <= 1.3 });
Object.assign(rss, { flags: 'cody-chat, CODY_STARTUP_PROBE=1', goal: '< 150 MiB', met: rss.median < 150 });
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
// bench-history's own JSON: every row it measured, each with its goal. A row without a goal
// here stops the report, so a new measurement cannot be left out of RESULTS.md.
const history = JSON.parse(fs.readFileSync(historyJson, 'utf8'));
// Both full-scroll rows load the same rows; only the view's label says how many.
const scrolled = Number((/\((\d+) rows\)/.exec(history.full_scroll_view?.label ?? '') ?? [])[1] ?? 0);
const goalFor = (key, row, median) => {
    const page = (100 * median) / Math.max(1, scrolled);
    const rules = [
        [/^search(_limit1)?:/, '< 50 ms', median < 50],
        [/^set_query:/, '< 100 ms (typed search)', median < 100],
        [/^store_open$/, '< 100 ms', median < 100],
        [/^gui_start$/, '< 500 ms', median < 500],
        [/^open_largest$/, '< 100 ms', median < 100],
        [/^store_messages$/, '< 20 ms (a fifth of opening)', median < 20],
        [/^store_messages_contents$/, '(what opening would read with contents)', null],
        [/^append_(message|context)_ms$/, '< 10 ms', median < 10],
        [/^full_scroll_/, `< 16 ms per 100-row page (${page.toFixed(1)} ms)`, page < 16],
        [/^rss_gui_mib$/, '< 150 MiB', median < 150],
        [/^(rss_before_gui_mib|conversations|db_mib|wal_mib|populate_s|runs)$/, '(fact)', null],
    ];
    const rule = rules.find(([pattern]) => pattern.test(key));
    if (!rule) {
        console.error(`run.sh: bench-history row ${key} has no goal`);
        process.exit(1);
    }
    return { goal: rule[1], ...(rule[2] === null ? {} : { met: rule[2] }) };
};
const flags = 'bench-history --conversations 10000 --messages 100 --runs 5';
const figures = [];
for (const [key, row] of Object.entries(history)) {
    if (typeof row.value === 'string') continue; // the file name, "populate: skipped"
    const runs = Array.isArray(row.runs) ? [...row.runs].sort((a, b) => a - b) : [row.value];
    const f = figure(row.label, row.unit ?? '', runs);
    figures.push({ ...f, flags, ...goalFor(key, row, f.median) });
}
const worst = figures.filter((f) => /^search "/.test(f.label) && !/limit 1:/.test(f.label))
    .reduce((m, f) => Math.max(m, f.median), 0);
const missed = figures.filter((f) => f.met === false).map((f) => f.label);
fs.writeFileSync(`${results}/search.json`, JSON.stringify({
    benchmark: 'search', title: 'History of 10 000 conversations / 1 M messages: open, search, scroll',
    figures,
    goals: [
        { label: 'slowest search (median, ms)', ratio: worst, goal: '< 50 ms', met: worst < 50 },
        { label: 'rows of bench-history that miss their goal', ratio: missed.length, goal: '0',
          met: missed.length === 0, note: missed.length ? missed.join('; ') : undefined },
    ],
}, null, 2));
NODE
