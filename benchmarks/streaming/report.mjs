// SPDX-License-Identifier: Apache-2.0
// Turns run.sh's samples into a table on standard output and streaming.json.
//   node report.mjs SAMPLES_FILE FACTS_JSON OUTPUT_JSON
// SAMPLES_FILE: one "key value" line per measurement (microseconds or KiB, see FIGURES).
import { readFileSync, writeFileSync } from 'node:fs';

const [samplesFile, factsFile, outputFile] = process.argv.slice(2);
const facts = JSON.parse(readFileSync(factsFile, 'utf8'));
const samples = {};
for (const line of readFileSync(samplesFile, 'utf8').split('\n')) {
    const [key, value] = line.trim().split(/\s+/);
    if (key) (samples[key] ??= []).push(Number(value));
}

const FIGURES = [
    ['cli_bulk_us', 'Transfer-bound (bulk, 48 MiB in 64 KiB deltas): cody-chat-cli chat', 'ms'],
    ['curl_bulk_us', 'Transfer-bound (bulk): curl -N', 'ms'],
    ['cli_tokens_us', 'Parse-bound (tokens, 1.5 M small deltas): cody-chat-cli chat', 'ms'],
    ['node_tokens_us', 'Parse-bound (tokens): Node fetch + eventsource-parser + JSON.parse', 'ms'],
    ['curl_tokens_us', 'Parse-bound (tokens): curl -N (the server alone)', 'ms'],
    ['cli_normal_us', 'Short reply (normal): cody-chat-cli chat', 'ms'],
    ['cli_segments_us', `Auto-continue: ${facts.segments} segments`, 'ms'],
    ['cli_segments_one_us', 'Auto-continue: the same text in 1 segment', 'ms'],
    ['curl_rtt_many_us', `Server round trip: curl, ${facts.segments} continuation requests on one connection`, 'ms'],
    ['curl_rtt_one_us', 'Server round trip: curl, 1 continuation request', 'ms'],
    ['rss_normal_kib', 'Max RSS, short reply (normal)', 'MiB'],
    ['rss_bulk_kib', `Max RSS, long reply (bulk, ${(facts.bulkUtf8Bytes / 1048576).toFixed(1)} MiB of text)`, 'MiB'],
    ['rss_tokens_kib', `Max RSS, long reply (tokens, ${(facts.tokensUtf8Bytes / 1048576).toFixed(1)} MiB of text)`, 'MiB'],
];

const median = (values) => {
    const sorted = [...values].sort((a, b) => a - b);
    const mid = sorted.length >> 1;
    return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const round = (value) => Math.round(value * 100) / 100;

const figures = [];
const med = {};
for (const [key, label, unit] of FIGURES) {
    if (!samples[key]) continue;
    const scale = unit === 'ms' ? 1 / 1000 : 1 / 1024;
    const runs = samples[key].map((value) => round(value * scale));
    med[key] = median(runs);
    figures.push({ label, unit, runs, min: Math.min(...runs), median: round(med[key]),
        max: Math.max(...runs) });
}

const goals = [];
const goal = (label, ratio, text, met, note) =>
    goals.push({ label, ratio: round(ratio), goal: text, met, note });
if (med.cli_bulk_us && med.curl_bulk_us) {
    const ratio = med.cli_bulk_us / med.curl_bulk_us;
    goal('Transfer-bound: cody-chat-cli / curl wall time', ratio, '≤ 1.3×', ratio <= 1.3,
        `medians ${round(med.cli_bulk_us)} ms vs ${round(med.curl_bulk_us)} ms` +
        (ratio <= 1.3 ? '' : '; what limits it (page faults of the reply kept as UTF-16 and of ' +
            'per-delta buffers) and the change that would close it: benchmarks/streaming/README.md'));
}
if (med.cli_tokens_us && med.node_tokens_us) {
    const ratio = med.cli_tokens_us / med.node_tokens_us;
    goal('Parse-bound: cody-chat-cli / Node client wall time', ratio, '≤ 0.5×', ratio <= 0.5,
        `medians ${round(med.cli_tokens_us)} ms vs ${round(med.node_tokens_us)} ms`);
}
// Flat memory: a reply costs its text (held once, as UTF-16, to continue it) and nothing that grows
// with it. What else grows is bounded by design: Qt's 1 MiB read buffer, a 64 KiB parse slice,
// the network thread's heap; BufferAllowance stands for that, whatever the reply's length.
const BufferAllowance = 16 * 1048576;
for (const [shape, bytes] of [['bulk', facts.bulkUtf16Bytes], ['tokens', facts.tokensUtf16Bytes]]) {
    const key = `rss_${shape}_kib`;
    if (!med[key] || !med.rss_normal_kib) continue;
    const growth = (med[key] - med.rss_normal_kib) * 1048576;
    const ratio = growth / (bytes + BufferAllowance);
    goal(`Memory (${shape}): RSS growth / (reply text in memory + 16 MiB of bounded buffers)`, ratio,
        '≤ 1×', ratio <= 1,
        `RSS ${round(med[key])} MiB vs ${round(med.rss_normal_kib)} MiB for a short reply: ` +
        `+${round(growth / 1048576)} MiB for ${round(bytes / 1048576)} MiB of text as UTF-16 ` +
        `(QString; ${round(facts[shape + 'Utf8Bytes'] / 1048576)} MiB as UTF-8), ` +
        `${round((growth - bytes) / 1048576)} MiB beyond the text`);
}
if (med.cli_segments_us && med.cli_segments_one_us && med.curl_rtt_many_us && med.curl_rtt_one_us) {
    const k = facts.segments;
    const perSegment = (med.cli_segments_us - med.cli_segments_one_us) / (k - 1);
    const roundTrip = (med.curl_rtt_many_us - med.curl_rtt_one_us) / (k - 1);
    const overhead = perSegment - roundTrip;
    goal('Auto-continue: per-segment overhead beyond the server round trip (ms)', overhead,
        '< 1 ms', overhead < 1,
        `(t_${k} - t_1)/${k - 1} = ${round(perSegment)} ms per segment, minus the round trip ` +
        `${round(roundTrip)} ms (curl, same connection, a continuation request of the average size)`);
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
