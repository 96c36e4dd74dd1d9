/**
 * WIT and value benchmark (`npx tsx bench/wit-values.ts`): prints figures and ratios against
 * baselines measured in the same process; it asserts nothing.
 *
 * 1. Reading the world of a 12 MB componentize-js component (runs on every exec): our binary
 *    reader vs jco's componentWit() (which prints only the root world) vs one pass over the bytes.
 * 2. Parsing and resolving WIT text: WASI 0.2.12 (7 packages, 31 interfaces) vs JSON.parse of a
 *    JSON document of the same size.
 * 3. WAVE: parse + print of a 1000-element list of records vs JSON.parse + JSON.stringify of the
 *    same data.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { componentWit } from '@bytecodealliance/jco-transpile/wasm-tools';
import { readComponentWorld } from '../src/core/wit/component-binary.js';
import { parseWit, worldFromWit } from '../src/core/wit/wit-resolve.js';
import { parseWave } from '../src/core/values/wave-parse.js';
import { printWave } from '../src/core/values/wave-print.js';
import { echoComponent } from '../test/values/components.js';
import { t } from '../test/values/types.js';

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

async function time(fn: () => unknown, runs = 21): Promise<number> {
  for (let i = 0; i < 3; i++) await fn();
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    ms.push(performance.now() - t0);
  }
  return median(ms);
}

const fmt = (ms: number) => (ms < 0.1 ? `${(ms * 1000).toFixed(1)} µs` : `${ms.toFixed(2)} ms`);
const row = (what: string, ms: number, base: number, baseName: string) => console.log(`  ${what.padEnd(44)} ${fmt(ms).padStart(10)}   ${(ms / base).toFixed(2)}× ${baseName}`);

const bytes = await echoComponent();
console.log(`1. world of a ${(bytes.length / 1e6).toFixed(1)} MB componentize-js component`);
const scan = await time(() => {
  let x = 0;
  for (let i = 0; i < bytes.length; i++) x ^= bytes[i]!;
  return x;
});
const ours = await time(() => readComponentWorld(bytes));
const jco = await time(() => componentWit(bytes));
row('one pass over the bytes (baseline)', scan, scan, 'the byte pass');
row('readComponentWorld (types of every function)', ours, scan, 'the byte pass');
row('jco componentWit() (names only)', jco, scan, `the byte pass; ours is ${(jco / ours).toFixed(0)}× faster`);

const dir = join(process.cwd(), 'node_modules/@bytecodealliance/jco/lib/wit/builtin/0.2.12');
const sources = readdirSync(dir).map((d) => ({ file: join(dir, d, 'package.wit'), text: readFileSync(join(dir, d, 'package.wit'), 'utf8') }));
const size = sources.reduce((n, s) => n + s.text.length, 0);
const json = JSON.stringify({ items: Array.from({ length: Math.ceil(size / 40) }, (_, i) => ({ name: `item-${i}`, value: i })) }).slice(0, size);
const jsonDoc = `${json.slice(0, json.lastIndexOf('},') + 1)}]}`;
console.log(`2. WIT text: WASI 0.2.12, ${(size / 1024).toFixed(1)} KiB`);
const jsonMs = await time(() => JSON.parse(jsonDoc));
const witMs = await time(() => worldFromWit(parseWit(sources), 'wasi:cli/command@0.2.12'));
row(`JSON.parse of ${(jsonDoc.length / 1024).toFixed(1)} KiB (baseline)`, jsonMs, jsonMs, 'JSON.parse');
row('parseWit + worldFromWit (wasi:cli/command)', witMs, jsonMs, 'JSON.parse');

console.log('3. WAVE: list of 1000 records');
const type = t('list<point>');
const wave = `[${Array.from({ length: 1000 }, (_, i) => `{x: ${i}, y-coord: ${i / 4}}`).join(', ')}]`;
const data = JSON.stringify(Array.from({ length: 1000 }, (_, i) => ({ x: i, yCoord: i / 4 })));
const jsonRound = await time(() => JSON.stringify(JSON.parse(data)));
const waveRound = await time(() => printWave(parseWave(wave, type)));
row('JSON.parse + JSON.stringify (baseline)', jsonRound, jsonRound, 'JSON');
row('parseWave + printWave', waveRound, jsonRound, 'JSON');
