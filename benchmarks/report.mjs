// SPDX-License-Identifier: Apache-2.0
// Writes benchmarks/RESULTS.md from the JSON every benchmark leaves in the results directory:
// {benchmark, title, figures: [{label, unit, runs, min, median, max, flags, goal, met}],
//  goals: [{label, ratio, goal, met, note}]}. Every figure is published with the flags it ran
// with and its goal; one without a goal is listed as such and fails the report, so a measurement
// cannot be left out quietly. load.txt (from scripts/bench.sh) holds the load average before each
// benchmark.
//   node benchmarks/report.mjs RESULTS_DIR OUTPUT.md
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem, release } from 'node:os';
import { join } from 'node:path';
import { execSync } from 'node:child_process';

const [resultsDir, output] = process.argv.slice(2);
if (!resultsDir || !output) {
    console.error('usage: node benchmarks/report.mjs RESULTS_DIR OUTPUT.md');
    process.exit(2);
}

const order = ['sse-parse', 'streaming', 'gui', 'startup', 'search'];
const results = readdirSync(resultsDir)
    .filter((name) => name.endsWith('.json'))
    .map((name) => JSON.parse(readFileSync(join(resultsDir, name), 'utf8')))
    .filter((result) => result.benchmark && Array.isArray(result.figures))
    .sort((a, b) => order.indexOf(a.benchmark) - order.indexOf(b.benchmark));

const number = (value) => (typeof value === 'number'
    ? (Math.abs(value) >= 100 ? value.toFixed(0) : Math.abs(value) >= 10 ? value.toFixed(1) : value.toFixed(2))
    : String(value ?? ''));
const qtVersion = (() => {
    try {
        return execSync("dpkg-query -W -f='${Version}' qt6-base-dev", { encoding: 'utf8' }).trim();
    } catch {
        return 'unknown';
    }
})();

const lines = [];
lines.push('# Benchmark results', '');
lines.push('Written by `scripts/bench.sh` (do not edit by hand). Ratios are measured side by side in ' +
    'one run; each figure is the median of several runs, with min and max.', '');
lines.push(`- Date: ${new Date().toISOString().replace('T', ' ').slice(0, 16)} UTC`);
lines.push(`- Machine: ${cpus().length} cores, ${cpus()[0]?.model ?? 'unknown CPU'}, ` +
    `${Math.round(totalmem() / 2 ** 30)} GiB RAM, Linux ${release()}`);
lines.push(`- Qt ${qtVersion}, Node ${process.version}`);
let load = [];
try {
    load = readFileSync(join(resultsDir, 'load.txt'), 'utf8').trim().split('\n').filter(Boolean);
} catch {
    // run by hand, without scripts/bench.sh
}
lines.push(load.length
    ? `- Load average (1, 5, 15 min) and \`nproc\` before each benchmark: ${load.join('; ')}`
    : '- Load average: not recorded');
lines.push('');

// A goal in parentheses ("(baseline …)", "(fact)") describes a row that others are held to.
const met = (figure) => (/^\(/.test(figure.goal ?? '') || figure.goal === 'baseline' ? '—'
    : figure.met === true ? 'yes' : figure.met === false ? '**no**' : '—');
const held = results.flatMap((result) => result.figures.map((figure) => ({ ...figure, title: result.title })))
    .filter((figure) => met(figure) !== '—');
const missedRows = held.filter((figure) => figure.met === false);
lines.push(`${missedRows.length} of the ${held.length} figures held to a goal miss it:`, '');
for (const figure of missedRows)
    lines.push(`- ${figure.title}: ${figure.label} — median ${number(figure.median)} ${figure.unit}, goal ${figure.goal}`);
lines.push('');
const goals = results.flatMap((result) => (result.goals ?? []).map((goal) => ({ ...goal, title: result.title })));
if (goals.length) {
    lines.push('## Goals', '', '| benchmark | measure | result | goal | met |', '| --- | --- | ---: | --- | --- |');
    for (const goal of goals)
        lines.push(`| ${goal.title} | ${goal.label} | ${number(goal.ratio)} | ${goal.goal} | ` +
            `${goal.met ? 'yes' : '**no**'} |`);
    lines.push('');
}
const missing = [];
for (const result of results) {
    lines.push(`## ${result.title}`, '', '| figure | flags | min | median | max | unit | goal | met |',
        '| --- | --- | ---: | ---: | ---: | --- | --- | --- |');
    for (const figure of result.figures) {
        if (!figure.goal)
            missing.push(`${result.benchmark}: ${figure.label}`);
        const flags = figure.flags ? `\`${figure.flags}\`` : '';
        lines.push(`| ${figure.label} | ${flags} | ${number(figure.min)} | ${number(figure.median)} | ` +
            `${number(figure.max)} | ${figure.unit} | ${figure.goal ?? '**none set**'} | ${met(figure)} |`);
    }
    for (const goal of result.goals ?? []) {
        if (goal.note)
            lines.push('', `- ${goal.label}: ${goal.note}`);
    }
    lines.push('');
}
writeFileSync(output, lines.join('\n'));
console.log(`wrote ${output} (${results.length} benchmarks)`);
if (missing.length) {
    console.error(`report.mjs: figures without a goal:\n  ${missing.join('\n  ')}`);
    process.exit(1);
}
