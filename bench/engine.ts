/**
 * Engine benchmark (`npx tsx bench/engine.ts`): prints figures and ratios against baselines measured
 * in the same process; it asserts nothing.
 *
 * 1. Per-call overhead of `add` in one live instance (jco bindings) vs a plain JS function.
 * 2. A call through a session: fresh isolated instance + host + worker round trip, for the WAT
 *    calculator and a componentize-js (StarlingMonkey) component.
 * 3. Cold start: a bundled script that opens a (cached) WAT component and calls it once, as a new
 *    node process, vs bare `node`.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { openComponent, type ComponentSession } from '../src/core/engine/index.js';
import { jsComponent, watComponent } from '../test/support/fixtures.js';
import { jsSource, jsWit, watCalc } from '../test/engine/guests.js';
import { hostConfig, runCache } from '../test/engine/helpers.js';
import { instantiate } from '../test/support/instantiate.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const host = hostConfig();

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

const fmt = (ms: number) => (ms < 0.001 ? `${(ms * 1e6).toFixed(1)} ns` : ms < 0.1 ? `${(ms * 1000).toFixed(2)} µs` : `${ms.toFixed(2)} ms`);

/** Mean time of one call of `f`, in ms, over `n` calls after `warm` warm-up calls; best of 5 rounds. */
function perCall(f: () => unknown, n: number, warm = n / 5): number {
  for (let i = 0; i < warm; i++) f();
  const rounds: number[] = [];
  for (let r = 0; r < 5; r++) {
    const t0 = performance.now();
    for (let i = 0; i < n; i++) f();
    rounds.push((performance.now() - t0) / n);
  }
  return Math.min(...rounds);
}

async function perSessionCall(s: ComponentSession, args: unknown[], n: number): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < n + 3; i++) {
    const t0 = performance.now();
    const o = await s.call({ path: ['add'], args, host });
    if (o.class !== 'ok') throw new Error(`benchmark call failed: ${o.message}`);
    if (i >= 3) times.push(performance.now() - t0);
  }
  return times;
}

// 1. One live instance, in this thread.
const watBytes = await watComponent(watCalc);
const live = (await instantiate(watBytes)) as { add(a: number, b: number): number };
let acc = 0;
const plainAdd = (a: number, b: number) => (a + b) | 0;
const jsBaseline = perCall(() => (acc = plainAdd(acc, 1)), 1_000_000);
const watCall = perCall(() => (acc = live.add(acc & 0xffff, 1)), 100_000);
console.log('1. add() in one live instance (jco bindings), best of 5 rounds');
console.log(`   plain JS function           ${fmt(jsBaseline)}`);
console.log(`   WAT component add           ${fmt(watCall)}   (${(watCall / jsBaseline).toFixed(0)}× the JS function; target ≤ 10 µs)`);

// 2. Fresh isolated instance per call, through the session (worker round trip included).
const watSession = await openComponent({ bytes: watBytes, cacheDir: runCache });
const watFresh = await perSessionCall(watSession, [2, 3], 200);
console.log('2. session.call(add): fresh instance + host + worker round trip, median (p90)');
const p90 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.9)]!;
console.log(`   WAT component               ${fmt(median(watFresh))} (${fmt(p90(watFresh))})   (${(median(watFresh) / watCall).toFixed(0)}× a live call; target ≤ 20 ms)`);
const jsBytes = await jsComponent(jsSource, { wit: jsWit, world: 'hostile' });
let t0 = performance.now();
const jsSession = await openComponent({ bytes: jsBytes, cacheDir: runCache });
const jsOpen = performance.now() - t0;
const jsFresh = await perSessionCall(jsSession, [2, 3], 20);
console.log(`   JS (componentize-js) add    ${fmt(median(jsFresh))} (${fmt(p90(jsFresh))})   (${(median(jsFresh) / median(watFresh)).toFixed(0)}× the WAT component; target ≤ 150 ms)`);
console.log(`   opening the JS component (12 MB, transpile cached): ${fmt(jsOpen)}`);
await Promise.all([watSession.close(), jsSession.close()]);

// 3. Cold start of a bundled one-shot exec, the way dist/ runs it.
const out = mkdtempSync(join(tmpdir(), 'bench-engine-'));
try {
  const component = join(out, 'calc.wasm');
  writeFileSync(component, watBytes);
  const entry = `import { openComponent } from ${JSON.stringify(join(root, 'src/core/engine/index.ts'))};
const s = await openComponent({ file: ${JSON.stringify(component)}, cacheDir: ${JSON.stringify(runCache)} });
const o = await s.call({ path: ['add'], args: [2, 3], host: { ...${JSON.stringify({ ...host, seed: undefined })}, seed: 1n } });
await s.close();
if (o.value !== 5) throw new Error(o.message);`;
  writeFileSync(join(out, 'package.json'), '{ "type": "module" }\n');
  // jco-transpile imports this native addon only for minify, which the engine never uses (as scripts/bundle.mjs).
  writeFileSync(join(out, 'no-oxc-minify.js'), 'export function minify() { throw new Error("not bundled"); }\n');
  await build({
    absWorkingDir: root,
    stdin: { contents: entry, resolveDir: root, loader: 'ts', sourcefile: 'exec.ts' },
    entryPoints: { worker: join(root, 'src/core/engine/worker.ts') },
    outdir: out,
    entryNames: '[name]',
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    alias: { 'oxc-minify': join(out, 'no-oxc-minify.js') },
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
    logLevel: 'error',
  });
  const time = (args: string[]) => {
    const runs: number[] = [];
    for (let i = 0; i < 7; i++) {
      t0 = performance.now();
      execFileSync(process.execPath, args, { cwd: out, stdio: 'pipe' });
      runs.push(performance.now() - t0);
    }
    return median(runs);
  };
  const bare = time(['-e', '0']);
  const exec = time([join(out, 'stdin.js')]);
  console.log('3. cold process: bundled open + one call of a cached WAT component, median of 7');
  console.log(`   bare node                   ${fmt(bare)}`);
  console.log(`   exec add(2, 3)              ${fmt(exec)}   (+${fmt(exec - bare)} over bare node; target +100–200 ms)`);
} finally {
  rmSync(out, { recursive: true, force: true });
}
