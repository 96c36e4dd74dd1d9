/**
 * Explaining why two componentize-js builds of the same calculator differ (~12 MB each; they always
 * do, see jco-feasibility §2). Target: ≤ 3 s. Baseline, in the same process on the same buffers: a
 * plain byte-by-byte comparison loop, the least any "do they differ, and where" answer costs.
 *
 *   npx tsx bench/explain.ts
 */
import { explainDifference } from '../src/core/verify/explain.js';
import { readWasm } from '../src/core/wasm/reader.js';
import { jsCalculator } from '../test/wasm/js-calculator.js';

const RUNS = 10;
const TARGET_MS = 3000;

function median(times: number[]): number {
  const s = [...times].sort((x, y) => x - y);
  return s[s.length >> 1]!;
}

function time<T>(fn: () => T): { ms: number; result: T } {
  let result!: T;
  const times: number[] = [];
  for (let i = 0; i < RUNS + 1; i++) {
    const t = performance.now();
    result = fn();
    if (i > 0) times.push(performance.now() - t); // the first run warms up the JIT
  }
  return { ms: median(times), result };
}

/** Counts differing positions: the baseline. */
function byteLoop(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length);
  let differ = Math.abs(a.length - b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) differ++;
  return differ;
}

const t0 = performance.now();
const a = await jsCalculator(1);
const b = await jsCalculator(2);
console.log(`fixtures: ${a.length} and ${b.length} bytes (${((performance.now() - t0) / 1000).toFixed(1)} s to build or load from test/.cache)`);

const base = time(() => byteLoop(a, b));
const parse = time(() => [readWasm(a), readWasm(b)]);
const explain = time(() => explainDifference(a, b));

const e = explain.result;
console.log(`byte loop:   ${base.ms.toFixed(1)} ms (${base.result} differing positions)`);
console.log(`read both:   ${parse.ms.toFixed(1)} ms (${(parse.ms / base.ms).toFixed(2)}× byte loop)`);
console.log(`explain:     ${explain.ms.toFixed(1)} ms (${(explain.ms / base.ms).toFixed(2)}× byte loop), median of ${RUNS}`);
console.log(`target:      ≤ ${TARGET_MS} ms — ${explain.ms <= TARGET_MS ? 'met' : 'MISSED'}`);
console.log(`explanation: ${e.summary}`);
