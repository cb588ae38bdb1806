#!/usr/bin/env node
// Summarises a V8 .cpuprofile: self time by function and total (inclusive) time by source file,
// the lines quoted in bench/results.md. Usage: node bench/profile-summary.js FILE.cpuprofile [N]
import { readFileSync } from 'node:fs';

const [file, count = '25'] = process.argv.slice(2);
if (!file) {
  console.error('usage : node bench/profile-summary.js FICHIER.cpuprofile [N]');
  process.exit(2);
}
const profile = JSON.parse(readFileSync(file, 'utf8'));
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const selfUs = new Map();
const deltas = profile.timeDeltas;
for (let i = 0; i < profile.samples.length; i++) {
  const id = profile.samples[i];
  selfUs.set(id, (selfUs.get(id) ?? 0) + (deltas[i] ?? 0));
}
const total = [...selfUs.values()].reduce((a, b) => a + b, 0);
const shortUrl = (url) =>
  url.replace(/^file:\/\/.*?\/node_modules\//, 'npm:').replace(/^file:\/\/.*?\/(src|dist|bin)\//, '$1/');
const label = (n) =>
  `${n.callFrame.functionName || '(anonymous)'} ${shortUrl(n.callFrame.url)}:${n.callFrame.lineNumber + 1}`;

const selfByFn = new Map();
for (const [id, us] of selfUs) {
  const key = label(byId.get(id));
  selfByFn.set(key, (selfByFn.get(key) ?? 0) + us);
}
// Inclusive time per file: a sample counts once for each distinct file on its stack.
const parent = new Map();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const inclByFile = new Map();
for (const [id, us] of selfUs) {
  const seen = new Set();
  for (let cur = id; cur !== undefined; cur = parent.get(cur)) {
    const url = shortUrl(byId.get(cur).callFrame.url) || '(native)';
    if (seen.has(url)) continue;
    seen.add(url);
    inclByFile.set(url, (inclByFile.get(url) ?? 0) + us);
  }
}
const ms = (us) =>
  `${(us / 1000).toFixed(0).padStart(6)} ms ${((100 * us) / total).toFixed(1).padStart(5)} %`;
console.log(`total sampled: ${(total / 1000).toFixed(0)} ms`);
console.log('\nself time by function:');
for (const [k, us] of [...selfByFn].sort((a, b) => b[1] - a[1]).slice(0, Number(count)))
  console.log(`${ms(us)}  ${k}`);
console.log('\ninclusive time by file:');
for (const [k, us] of [...inclByFile].sort((a, b) => b[1] - a[1]).slice(0, Number(count)))
  console.log(`${ms(us)}  ${k}`);
