// SPDX-License-Identifier: Apache-2.0
// Writes random event streams and the events eventsource-parser finds in them, for tst_sseparity.
// Usage: node generate-corpus.mjs --out corpus.json [--seed 1] [--count 2500]
// The same seed and count always give the same corpus.
import {writeFileSync} from 'node:fs'
import {createParser} from 'eventsource-parser'

function argument(name, fallback) {
  const index = process.argv.indexOf(`--${name}`)
  return index >= 0 && index + 1 < process.argv.length ? process.argv[index + 1] : fallback
}

const out = argument('out')
const seed = Number(argument('seed', '1'))
const count = Number(argument('count', '2500'))
if (!out || !Number.isInteger(seed) || !Number.isInteger(count) || count < 1) {
  console.error('usage: node generate-corpus.mjs --out FILE [--seed N] [--count N]')
  process.exit(2)
}

// mulberry32: small, deterministic, good enough to pick test cases.
let state = seed >>> 0
function random() {
  state = (state + 0x6d2b79f5) >>> 0
  let t = state
  t = Math.imul(t ^ (t >>> 15), t | 1)
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296
}
const below = (n) => Math.floor(random() * n)
const pick = (items) => items[below(items.length)]
const chance = (p) => random() < p

// Characters a value may hold: ASCII including ':' and ' ', NUL, Latin, CJK, astral emoji, a BOM
// and U+2028 (a line separator in JavaScript, not in SSE).
const pieces = [
  'a', 'b', 'z', 'X', '0', '9', ' ', ' ', ':', ': ', '{', '}', '"', '\\', '\t', '\0', 'é', 'ß',
  '中', '文', '😀', '𝄞', '\u{10FFFF}', '\uFEFF', '\u2028', 'data', 'event', 'id', 'retry',
]
function text(maxPieces) {
  let result = ''
  for (let n = below(maxPieces + 1); n > 0; --n) result += pick(pieces)
  return result
}

const fieldNames = ['data', 'data', 'data', 'event', 'id', 'retry']
function line() {
  const r = random()
  if (r < 0.08) return `:${text(6)}` // comment
  if (r < 0.12) return pick(fieldNames) // a field without a colon
  if (r < 0.16) return `${pick(['foo', 'Data', 'DATA', ' data', 'data ', 'ev ent', 'é'])}:${text(4)}`
  if (r < 0.22) {
    const digits = String(below(10 ** (1 + below(15)))).padStart(below(3) + 1, '0')
    return pick([`retry:${digits}`, `retry: ${digits}`, `retry:${digits}x`, `retry: -${digits}`,
      `retry:${digits} `, 'retry:'])
  }
  const name = pick(fieldNames.slice(0, 5))
  const space = pick(['', ' ', ' ', '  '])
  return `${name}:${space}${text(8)}`
}

const endings = ['\n', '\n', '\r', '\r\n']
function stream() {
  let result = ''
  if (chance(0.15)) result += '\uFEFF'
  if (chance(0.02)) result += '\uFEFF' // only the first BOM is dropped
  const lineEnd = chance(0.3) ? () => pick(endings) : (() => { const e = pick(endings); return () => e })()
  for (let blocks = 1 + below(6); blocks > 0; --blocks) {
    for (let lines = below(6); lines > 0; --lines) result += line() + lineEnd()
    if (chance(0.9)) result += lineEnd() // the blank line that dispatches
    if (chance(0.05)) result += lineEnd() + lineEnd()
  }
  if (chance(0.1)) result += line() // ends mid-event, without a line end
  return result
}

const encoder = new TextEncoder()
const b64 = (string) => Buffer.from(encoder.encode(string)).toString('base64')

let crAtEnd = 0
const streams = []
for (let i = 0; i < count; ++i) {
  const bytes = encoder.encode(stream())
  const events = []
  let retry = null
  const parser = createParser({
    onEvent: (event) => events.push({
      event: b64(event.event ?? 'message'),
      data: b64(event.data),
      id: event.id === undefined ? null : b64(event.id),
    }),
    onRetry: (ms) => { retry = ms },
  })
  // The WHATWG decoder drops one leading BOM, as the spec's "UTF-8 decode" does.
  const decoded = new TextDecoder('utf-8', {fatal: true}).decode(bytes)
  parser.feed(decoded)
  // eventsource-parser holds back a CR that ends its input, waiting to see whether an LF follows;
  // the stream is over, so it was a line end: an LF says so without adding a line.
  if (decoded.endsWith('\r')) {
    parser.feed('\n')
    ++crAtEnd
  }
  streams.push({bytes: Buffer.from(bytes).toString('base64'), events, retry})
}

writeFileSync(out, JSON.stringify({
  generator: 'eventsource-parser 3.1.1',
  seed,
  crAtEnd,
  streams,
}))
const eventCount = streams.reduce((sum, s) => sum + s.events.length, 0)
console.log(`wrote ${streams.length} streams with ${eventCount} events to ${out}`)
