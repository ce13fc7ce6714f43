// SPDX-License-Identifier: Apache-2.0
// The JavaScript side of bench-sse: eventsource-parser (the version tests/sseparity pins) on the
// same capture, fed in 16 KiB pieces through a streaming TextDecoder as fetch() clients do
// (eventsource-parser takes strings). Prints one JSON line of MB/s, like bench-sse.
//   node eventsource.mjs --capture FILE [--runs N]
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const here = fileURLToPath(new URL('.', import.meta.url));
const require = createRequire(`${here}../../tests/sseparity/package.json`);
const { createParser } = await import(pathToFileURL(require.resolve('eventsource-parser')).href);

const { values } = parseArgs({
    options: { capture: { type: 'string' }, runs: { type: 'string', default: '1' } },
});
if (!values.capture) throw new Error('--capture is required');
const capture = readFileSync(values.capture);
const runs = Math.max(1, Number(values.runs));
const PieceBytes = 16 * 1024;

function feedPieces(onEvent) {
    const parser = createParser({ onEvent });
    const decoder = new TextDecoder('utf-8');
    for (let at = 0; at < capture.length; at += PieceBytes)
        parser.feed(decoder.decode(capture.subarray(at, at + PieceBytes), { stream: true }));
    parser.feed(decoder.decode());
}

function framing() {
    let events = 0;
    feedPieces(() => { ++events; });
    return { units: events, chars: 0 };
}

// What a JavaScript Cody client does per event: JSON.parse and read the fields.
function decode() {
    let events = 0;
    let chars = 0;
    feedPieces((event) => {
        ++events;
        if (event.event !== 'completion' && event.event !== 'error') return;
        const value = JSON.parse(event.data);
        if (typeof value.deltaText === 'string') chars += value.deltaText.length;
    });
    return { units: events, chars };
}

const line = { bytes: capture.length };
for (const [name, run] of [['esFraming', framing], ['esDecode', decode]]) {
    const warm = run(); // JIT and page cache out of the timings
    const mbps = [];
    for (let i = 0; i < runs; ++i) {
        const start = process.hrtime.bigint();
        const tally = run();
        const ns = Number(process.hrtime.bigint() - start);
        if (tally.units !== warm.units || tally.chars !== warm.chars)
            throw new Error(`${name}: runs disagree`);
        mbps.push((capture.length * 1e3) / ns);
    }
    line[name] = mbps;
    line[`${name}Count`] = warm.units;
    if (name === 'esDecode') line.deltaChars = warm.chars;
}
console.log(JSON.stringify(line));
