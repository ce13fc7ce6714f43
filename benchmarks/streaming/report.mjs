// SPDX-License-Identifier: Apache-2.0
// Turns run.sh's samples into a table on standard output and streaming.json.
//   node report.mjs SAMPLES_FILE FACTS_JSON OUTPUT_JSON
// SAMPLES_FILE: one "key value" line per measurement (microseconds or KiB, see FIGURES). Every
// key run.sh writes must be in FIGURES: an unknown one stops the report, so no measurement can be
// left out of RESULTS.md.
import { readFileSync, writeFileSync } from 'node:fs';

const [samplesFile, factsFile, outputFile] = process.argv.slice(2);
const facts = JSON.parse(readFileSync(factsFile, 'utf8'));
const samples = {};
for (const line of readFileSync(samplesFile, 'utf8').split('\n')) {
    const [key, value] = line.trim().split(/\s+/);
    if (key) (samples[key] ??= []).push(Number(value));
}

const median = (values) => {
    const sorted = [...values].sort((a, b) => a - b);
    const mid = sorted.length >> 1;
    return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const round = (value) => Math.round(value * 100) / 100;
const mib = (bytes) => (bytes / 1048576).toFixed(1);
const med = {};
for (const [key, values] of Object.entries(samples))
    med[key] = median(values);

// The flags of each command in run.sh, shown beside its figure.
const CLI = 'cody-chat-cli chat --no-history --max-continuations 0';
const CLI_HISTORY = 'cody-chat-cli chat --max-continuations 0 (history on)';
const CURL = 'curl -N';
const NODE = 'node-client.mjs';
const events = facts.tokensEvents ?? 1.5e6;
// [key, label, unit, flags, goal]: goal is [text, met(median)] or a string for a baseline. The
// medians in `med` are in the samples' units (µs, KiB), not the figure's.
const ratioGoal = (key, base, limit) => [`≤ ${limit}× ${base.replace(/_us(_cpu)?$/, '')}`,
    () => med[key] / med[base] <= limit];
const FIGURES = [
    ['cli_bulk_us', 'Transfer-bound (bulk, 48 MiB in 64 KiB deltas, one event per chunk)', 'ms', CLI,
        ['≤ 1.3× curl', () => med.cli_bulk_us / med.curl_bulk_us <= 1.3]],
    ['curl_bulk_us', 'Transfer-bound (bulk): the server alone', 'ms', CURL, 'baseline'],
    ['cli_tokens_us', 'Parse-bound (tokens, 1.5 M small deltas, 64 KiB chunks)', 'ms', CLI,
        ['≤ 0.5× Node', () => med.cli_tokens_us / med.node_tokens_us <= 0.5]],
    ['node_tokens_us', 'Parse-bound (tokens): fetch + eventsource-parser + JSON.parse', 'ms', NODE, 'baseline'],
    ['curl_tokens_us', 'Parse-bound (tokens): the server alone', 'ms', CURL, 'baseline'],
    ['cli_tokens_us_cpu', 'Parse-bound (tokens), CPU time (user + system)', 'ms', CLI,
        ['≤ 0.5× Node CPU', () => med.cli_tokens_us_cpu / med.node_tokens_us_cpu <= 0.5]],
    ['node_tokens_us_cpu', 'Parse-bound (tokens), CPU time', 'ms', NODE, 'baseline'],
    ['cli_tokens_pe_us', 'Same tokens, one event per chunk (tokens-per-event)', 'ms', CLI,
        ['≤ 1.3× curl (the server sets the pace)', () => med.cli_tokens_pe_us / med.curl_tokens_pe_us <= 1.3]],
    ['node_tokens_pe_us', 'Same tokens, one event per chunk', 'ms', NODE, 'baseline'],
    ['curl_tokens_pe_us', 'Same tokens, one event per chunk: the server alone', 'ms', CURL, 'baseline'],
    ['cli_tokens_pe_us_cpu', 'Same tokens, one event per chunk, CPU time (user + system)', 'ms', CLI,
        ['≤ 0.5× Node CPU', () => med.cli_tokens_pe_us_cpu / med.node_tokens_pe_us_cpu <= 0.5]],
    ['node_tokens_pe_us_cpu', 'Same tokens, one event per chunk, CPU time', 'ms', NODE, 'baseline'],
    ['curl_tokens_pe_us_cpu', 'Same tokens, one event per chunk, CPU time', 'ms', CURL, 'baseline'],
    ['cli_tokens_pe_per_event', 'CPU per event, one event per chunk', 'µs', CLI,
        ['≤ 1 µs', () => med.cli_tokens_pe_per_event <= 1]],
    ['cli_tokens_hist_us', 'Parse-bound (tokens, 5.4 MiB reply) with the history on, 1 run', 'ms', CLI_HISTORY,
        ['≤ 1.2× without history', () => med.cli_tokens_hist_us / med.cli_tokens_us <= 1.2]],
    ['cli_segments_one_hist_us', 'A 25 KiB reply (segments-one) with the history on', 'ms', CLI_HISTORY,
        ['≤ 1.2× without history', () => med.cli_segments_one_hist_us / med.cli_segments_one_us <= 1.2]],
    ['cli_normal_us', 'Short reply (normal), process start to exit', 'ms', CLI,
        ['< 50 ms', () => med.cli_normal_us / 1000 < 50]],
    ['cli_normal_hist_us', 'Short reply (normal) with the history on', 'ms', CLI_HISTORY,
        ['< 50 ms', () => med.cli_normal_hist_us / 1000 < 50]],
    ['cli_segments_us', `Auto-continue: ${facts.segments} segments (packed)`, 'ms', '--max-continuations 0 (unlimited)',
        ['overhead < 1 ms per segment (see Goals)', () => overhead('') < 1]],
    ['cli_segments_one_us', 'Auto-continue: the same text in 1 segment (packed)', 'ms', CLI, 'baseline'],
    ['curl_rtt_many_us', `Server round trip: ${facts.segments} continuation requests on one connection (packed)`, 'ms', CURL, 'baseline'],
    ['curl_rtt_one_us', 'Server round trip: 1 continuation request (packed)', 'ms', CURL, 'baseline'],
    ['cli_segments_pe_us', `Auto-continue: ${facts.segments} segments, one event per chunk`, 'ms', '--max-continuations 0 (unlimited)',
        ['overhead < 1 ms per segment (see Goals)', () => overhead('_pe') < 1]],
    ['cli_segments_one_pe_us', 'Auto-continue: the same text in 1 segment, one event per chunk', 'ms', CLI, 'baseline'],
    ['curl_rtt_many_pe_us', `Server round trip: ${facts.segments} continuation requests, one event per chunk`, 'ms', CURL, 'baseline'],
    ['curl_rtt_one_pe_us', 'Server round trip: 1 continuation request, one event per chunk', 'ms', CURL, 'baseline'],
    ['rss_normal_kib', 'Max RSS, short reply (normal)', 'MiB', CLI, ['< 32 MiB', () => med.rss_normal_kib / 1024 < 32]],
    ...[['bulk', 'bulk'], ['tokens', 'tokens'], ['tokens_pe', 'tokens-per-event'], ['tokens_hist', 'tokens']]
        .map(([key, shape]) => [`rss_${key}_kib`,
            `Max RSS, long reply (${shape}, ${mib(facts[`${shape}Utf8Bytes`])} MiB of UTF-8 text)` +
                (key === 'tokens_hist' ? ', history on, 1 run' : ''), 'MiB',
            key === 'tokens_hist' ? CLI_HISTORY : CLI,
            ['growth ≤ text as UTF-8 + 16 MiB', () => memoryRatio(key, shape) <= 1]]),
];
// Auto-continue: what a segment costs beyond the server's round trip, packed or per event.
const overhead = (suffix) => {
    const k = facts.segments;
    const perSegment = (med[`cli_segments${suffix}_us`] - med[`cli_segments_one${suffix}_us`]) / (k - 1);
    const roundTrip = (med[`curl_rtt_many${suffix}_us`] - med[`curl_rtt_one${suffix}_us`]) / (k - 1);
    return (perSegment - roundTrip) / 1000;
};
// Memory counts the text at its UTF-8 size: keeping it as UTF-16 costs twice that and shows.
// What else grows is bounded by design: Qt's 1 MiB read buffer, a 64 KiB parse slice, the
// network thread's heap; BufferAllowance stands for that, whatever the reply's length.
const BufferAllowance = 16 * 1048576;
const memoryRatio = (key, shape) =>
    ((med[`rss_${key}_kib`] - med.rss_normal_kib) * 1024) / (facts[`${shape}Utf8Bytes`] + BufferAllowance);
if (samples.cli_tokens_pe_us_cpu)
    samples.cli_tokens_pe_per_event = samples.cli_tokens_pe_us_cpu.map((us) => us / events);
med.cli_tokens_pe_per_event = samples.cli_tokens_pe_per_event && median(samples.cli_tokens_pe_per_event);

const known = new Set(FIGURES.map(([key]) => key));
const unknown = Object.keys(samples).filter((key) => !known.has(key) && !/_cpu$/.test(key));
if (unknown.length) {
    console.error(`report.mjs: samples without a figure: ${unknown.join(', ')}`);
    process.exit(1);
}
const figures = [];
for (const [key, label, unit, flags, goal] of FIGURES) {
    if (!samples[key]) continue;
    const scale = unit === 'ms' ? 1 / 1000 : unit === 'MiB' ? 1 / 1024 : 1;
    const runs = samples[key].map((value) => round(value * scale));
    const row = { label, unit, flags, runs, min: Math.min(...runs), median: round(med[key] * scale),
        max: Math.max(...runs) };
    if (typeof goal === 'string') {
        row.goal = goal;
    } else {
        row.goal = goal[0];
        row.met = Boolean(goal[1]());
    }
    figures.push(row);
}

const goals = [];
const goal = (label, ratio, text, met, note) =>
    goals.push({ label, ratio: round(ratio), goal: text, met, note });
const ratio = (a, b) => med[a] / med[b];
if (med.cli_bulk_us && med.curl_bulk_us) {
    const r = ratio('cli_bulk_us', 'curl_bulk_us');
    goal('Transfer-bound: cody-chat-cli / curl wall time', r, '≤ 1.3×', r <= 1.3,
        `medians ${round(med.cli_bulk_us / 1000)} ms vs ${round(med.curl_bulk_us / 1000)} ms` +
        (r <= 1.3 ? '' : '; what limits it (page faults of the reply kept as UTF-16 and of ' +
            'per-delta buffers) and the change that would close it: benchmarks/streaming/README.md'));
}
for (const [suffix, what] of [['', '64 KiB chunks'], ['_pe', 'one event per chunk']]) {
    const [cli, node] = [`cli_tokens${suffix}_us`, `node_tokens${suffix}_us`];
    if (!med[cli] || !med[node]) continue;
    const wall = ratio(cli, node), cpu = ratio(`${cli}_cpu`, `${node}_cpu`);
    goal(`Parse-bound (${what}): cody-chat-cli / Node client CPU time`, cpu, '≤ 0.5×', cpu <= 0.5,
        `CPU ${round(med[`${cli}_cpu`] / 1000)} ms vs ${round(med[`${node}_cpu`] / 1000)} ms; ` +
        `wall ${round(med[cli] / 1000)} ms vs ${round(med[node] / 1000)} ms (${round(wall)}×)`);
}
if (med.cli_tokens_pe_us_cpu && med.cli_tokens_us_cpu) {
    const r = ratio('cli_tokens_pe_us_cpu', 'cli_tokens_us_cpu');
    goal('CPU, one event per chunk / the same events in 64 KiB chunks (cody-chat-cli)', r, '≤ 2×',
        r <= 2, `${round(med.cli_tokens_pe_us_cpu / 1000)} ms vs ${round(med.cli_tokens_us_cpu / 1000)} ms ` +
        `for ${events} events: ${round(med.cli_tokens_pe_per_event)} µs per event read on its own`);
}
for (const [key, base, what] of [['cli_tokens_hist_us', 'cli_tokens_us', 'tokens, 5.4 MiB, 1 run'],
    ['cli_segments_one_hist_us', 'cli_segments_one_us', 'segments-one, 25 KiB']]) {
    if (!med[key] || !med[base]) continue;
    const r = ratio(key, base);
    goal(`History on / off (${what}): cody-chat-cli wall time`, r, '≤ 1.2×', r <= 1.2,
        `${round(med[key] / 1000)} ms vs ${round(med[base] / 1000)} ms` + (key === 'cli_tokens_hist_us' && r > 1.2
            ? '; the recorder rewrites the growing message (and its full-text index) on every ' +
              '4 KiB flush (StreamingWriter), so a long reply costs quadratic time'
            : ''));
}
for (const [key, shape] of [['bulk', 'bulk'], ['tokens', 'tokens'], ['tokens_pe', 'tokens-per-event'], ['tokens_hist', 'tokens']]) {
    if (!med[`rss_${key}_kib`] || !med.rss_normal_kib) continue;
    const r = memoryRatio(key, shape);
    const growth = (med[`rss_${key}_kib`] - med.rss_normal_kib) / 1024;
    const utf8 = facts[`${shape}Utf8Bytes`] / 1048576;
    goal(`Memory (${key.replace('_pe', ' per event').replace('_hist', ', history on')}): ` +
        'RSS growth / (reply text as UTF-8 + 16 MiB of bounded buffers)', r, '≤ 1×', r <= 1,
        `RSS ${round(med[`rss_${key}_kib`] / 1024)} MiB vs ${round(med.rss_normal_kib / 1024)} MiB for a ` +
        `short reply: +${round(growth)} MiB for ${round(utf8)} MiB of text as UTF-8 ` +
        `(${round(facts[`${shape}Utf16Bytes`] / 1048576)} MiB as the UTF-16 QString that keeps it); ` +
        `worst run ${round(Math.max(...samples[`rss_${key}_kib`]) / 1024)} MiB`);
}
for (const [suffix, what] of [['', 'packed'], ['_pe', 'one event per chunk']]) {
    if (!med[`cli_segments${suffix}_us`] || !med[`curl_rtt_one${suffix}_us`]) continue;
    const k = facts.segments;
    const o = overhead(suffix);
    goal(`Auto-continue (${what}): per-segment overhead beyond the server round trip (ms)`, o,
        '< 1 ms', o < 1,
        `(t_${k} - t_1)/${k - 1} minus the round trip (curl, same connection, a continuation ` +
        'request of the average size)');
}

writeFileSync(outputFile, JSON.stringify(
    { benchmark: 'streaming', title: 'End-to-end streaming', facts, figures, goals }, null, 2) + '\n');

const pad = (text, width) => String(text).padEnd(width);
const padNum = (value, width) => String(value).padStart(width);
console.log(`${pad('figure', 92)} ${padNum('min', 9)} ${padNum('median', 9)} ${padNum('max', 9)}`);
for (const figure of figures)
    console.log(`${pad(`${figure.label} [${figure.unit}]`, 92)} ${padNum(figure.min, 9)} ` +
        `${padNum(figure.median, 9)} ${padNum(figure.max, 9)}`);
console.log();
for (const g of goals)
    console.log(`${g.met ? 'MET   ' : 'MISSED'} ${g.label}: ${g.ratio} (goal ${g.goal}); ${g.note}`);
