// SPDX-License-Identifier: Apache-2.0
// The parse-bound baseline of run.sh: what a competent Node.js client does with a completions
// stream. fetch() POSTs the request, eventsource-parser splits the events, JSON.parse decodes
// each one, and the text goes to standard output once per network read (not once per token).
//   node node-client.mjs URL BODY_FILE HEADERS_JSON_FILE
import { readFileSync, writeSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

// eventsource-parser is installed for the SseParser differential test (npm ci --prefix
// tests/sseparity); this script uses that copy rather than a second package.json.
const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(path.join(here, '../../tests/sseparity/package.json'));
const { createParser } = require('eventsource-parser');

const [url, bodyFile, headersFile] = process.argv.slice(2);
const response = await fetch(url, {
    method: 'POST',
    headers: JSON.parse(readFileSync(headersFile, 'utf8')),
    body: readFileSync(bodyFile),
});
if (response.status !== 200) {
    process.stderr.write(`node-client: HTTP ${response.status}\n`);
    process.exit(1);
}

let pending = '';
let failed = null;
const parser = createParser({
    onEvent(event) {
        if (event.event === 'completion') {
            const data = JSON.parse(event.data);
            if (data.deltaText) pending += data.deltaText;
        } else if (event.event === 'error') {
            failed = JSON.parse(event.data).error;
        }
    },
});
const decoder = new TextDecoder();
for await (const chunk of response.body) {
    parser.feed(decoder.decode(chunk, { stream: true }));
    if (pending) {
        writeSync(1, pending);
        pending = '';
    }
}
writeSync(1, '\n');
if (failed) {
    process.stderr.write(`node-client: ${failed}\n`);
    process.exit(1);
}
