// SPDX-License-Identifier: Apache-2.0
// Folds the JSON lines of bench-sse and eventsource.mjs into sse-parse.json and prints a table.
//   node summarize.mjs LINES OUT
import { readFileSync, writeFileSync } from 'node:fs';

const [linesPath, outPath] = process.argv.slice(2);
const lines = readFileSync(linesPath, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));

const runsOf = (key) => lines.flatMap((line) => line[key] ?? []);
const median = (values) => {
    const sorted = [...values].sort((a, b) => a - b);
    const middle = Math.floor(sorted.length / 2);
    return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
const round1 = (value) => Math.round(value * 10) / 10;
const pieceBytes = 16384;

// Both sides must have seen the same events and the same text, or the comparison is void.
const counts = (key) => new Set(lines.map((line) => line[key]).filter((v) => v !== undefined));
for (const [a, b] of [['framingCount', 'esFramingCount'], ['framingListCount', 'framingCount'],
    ['framingPerEventCount', 'framingCount'],
    ['decodeCount', 'esDecodeCount']]) {
    const all = new Set([...counts(a), ...counts(b)]);
    if (all.size !== 1) throw new Error(`event counts differ: ${a}/${b} = ${[...all]}`);
}
if (counts('deltaChars').size !== 1) throw new Error(`deltaText lengths differ: ${[...counts('deltaChars')]}`);

const measures = [
    ['memchr', "memchr('\\n') scan (the physical limit)"],
    ['framing', 'SseParser::feedViews framing, 16 KiB pieces'],
    ['framingPerEvent', 'SseParser::feedViews framing, one event per feed (as one event per chunk arrives)'],
    ['framingList', 'SseParser::feed framing into QList<SseEvent> (copies)'],
    ['decode', 'SseParser::feedViews + CompletionEvent::decode'],
    ['esFraming', 'eventsource-parser 3.1.1 framing (TextDecoder + feed)'],
    ['esDecode', 'eventsource-parser 3.1.1 + JSON.parse'],
];
const figures = measures.map(([key, label]) => {
    const runs = runsOf(key);
    if (runs.length === 0) throw new Error(`no runs of ${key}`);
    return { key, label, unit: 'MB/s', runs: runs.map(round1), min: round1(Math.min(...runs)),
        median: round1(median(runs)), max: round1(Math.max(...runs)) };
});
const med = Object.fromEntries(figures.map((f) => [f.key, median(runsOf(f.key))]));
// Each figure's goal (eventsource-parser's rows are the baselines the goals compare with).
const figureGoals = {
    memchr: ['(the physical limit)', undefined],
    framing: ['≥ 3× eventsource-parser, ≥ 1/3 of memchr', med.framing >= 3 * med.esFraming && med.memchr <= 3 * med.framing],
    framingPerEvent: ['≥ 1/2 of 16 KiB-piece framing', med.framingPerEvent * 2 >= med.framing],
    framingList: ['≥ 1/3 of feedViews framing', med.framingList * 3 >= med.framing],
    decode: ['≥ 2× eventsource-parser + JSON.parse', med.decode >= 2 * med.esDecode],
    esFraming: ['baseline', undefined],
    esDecode: ['baseline', undefined],
};
const flags = {
    memchr: 'bench-sse, 16 KiB pieces', framing: 'bench-sse, 16 KiB pieces',
    framingPerEvent: 'bench-sse, one event per feed', framingList: 'bench-sse, 16 KiB pieces',
    decode: 'bench-sse, 16 KiB pieces', esFraming: 'eventsource.mjs, 16 KiB pieces',
    esDecode: 'eventsource.mjs, 16 KiB pieces',
};
for (const f of figures) {
    [f.goal, f.met] = figureGoals[f.key];
    f.flags = flags[f.key];
}

const goal = (label, ratio, target, met, note) =>
    ({ label, ratio: Math.round(ratio * 100) / 100, goal: target, met, note });
const goals = [
    goal('framing vs eventsource-parser', med.framing / med.esFraming, '≥ 3×',
        med.framing / med.esFraming >= 3, 'median SseParser framing MB/s ÷ median eventsource-parser MB/s'),
    goal('memchr scan vs framing', med.memchr / med.framing, '≤ 3×',
        med.memchr / med.framing <= 3, 'median memchr MB/s ÷ median SseParser framing MB/s (framing within 3× of memchr)'),
    goal('framing one event per feed vs 16 KiB pieces', med.framingPerEvent / med.framing, '≥ 0.5×',
        med.framingPerEvent * 2 >= med.framing, 'median MB/s fed one event at a time ÷ fed 16 KiB at a time'),
    goal('framing+decode vs eventsource-parser+JSON.parse', med.decode / med.esDecode, '≥ 2×',
        med.decode / med.esDecode >= 2, 'median SseParser+CompletionEvent::decode MB/s ÷ median eventsource-parser+JSON.parse MB/s'),
];

const report = {
    benchmark: 'sse-parse',
    title: 'SSE parsing throughput',
    capture: { bytes: lines[0].bytes, events: lines.find((l) => l.framingCount)?.framingCount,
        rounds: runsOf('memchr').length, pieceBytes, mb: '10^6 bytes' },
    figures: figures.map(({ key, ...figure }) => figure),
    goals,
};
writeFileSync(outPath, `${JSON.stringify(report, null, 2)}\n`);

const pad = (s, n) => String(s).padEnd(n);
const padl = (s, n) => String(s).padStart(n);
console.log(`${pad('MB/s', 58)}${padl('min', 9)}${padl('median', 9)}${padl('max', 9)}`);
for (const f of figures) console.log(`${pad(f.label, 58)}${padl(f.min, 9)}${padl(f.median, 9)}${padl(f.max, 9)}`);
for (const g of goals) console.log(`${pad(g.label, 58)}${padl(g.ratio + '×', 9)}  goal ${g.goal}  ${g.met ? 'met' : 'MISSED'}`);
console.log(`written to ${outPath}`);
