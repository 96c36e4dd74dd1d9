/**
 * Composing two ~12 MB JavaScript components (the compose-app example's app and the componentize-js
 * calculator) into one. Target: ≤ 1 s and ≤ 300 MB RSS. Baseline, in the same process after the
 * binary route: the WAT-text route of jco-feasibility §3 and Appendix C (print both, nest the text,
 * parse it back), which took 21 s and 1.7 GB there. `--no-wat` skips it and quotes those figures.
 *
 *   npx tsx bench/compose.ts [--no-wat]
 */
import { composeComponents } from '../src/core/compose/composer.js';
import { readTopLevel } from '../src/core/compose/top-level.js';
import { readComponentWorld } from '../src/core/wit/component-binary.js';
import { CALC_IFACE, exampleApp } from '../test/compose/components.js';
import { jsCalculator } from '../test/wasm/js-calculator.js';

const RUNS = 5;
const TARGET_MS = 1000;
const TARGET_RSS_MB = 300;
/** jco-feasibility.md §3: the WAT-text route for two 12 MB JS components. */
const REFERENCE = { ms: 21_000, rssMb: 1700 };

const peakRssMb = () => process.resourceUsage().maxRSS / 1024;
const mb = (n: number) => (n / (1024 * 1024)).toFixed(1);

function binaryRoute(app: Uint8Array, calc: Uint8Array): Uint8Array {
  return composeComponents([
    { name: 'calculator', bytes: calc, world: readComponentWorld(calc), links: [] },
    { name: 'app', bytes: app, world: readComponentWorld(app), links: [{ importName: CALC_IFACE, provider: 'calculator', exportName: CALC_IFACE }] },
  ]);
}

/**
 * The text route: the app's printed import declarations (its calculator import replaced by an
 * empty instance, so every index stays), both components nested as text, instantiated and wired by
 * index, then parsed. Like the original experiment, it needs the calculator's imports to be among
 * the app's.
 */
async function watRoute(app: Uint8Array, calc: Uint8Array): Promise<Uint8Array> {
  const { print, parse } = await import('@bytecodealliance/jco-transpile/wasm-tools');
  const appTop = readTopLevel(app);
  const calcTop = readTopLevel(calc);
  const instanceOf = (name: string) => appTop.instances.findIndex((d) => d.kind === 'import' && appTop.imports[d.import]!.name === name);
  const appText = await print(app);
  const calcText = await print(calc);
  const body = (text: string) => text.slice('(component'.length, text.lastIndexOf(')'));
  const prefix = appText.slice('(component'.length, appText.indexOf('\n  (core module')).replace(
    // With or without the names wasm-tools prints from a component-name section.
    new RegExp(`\\n  \\(import "${CALC_IFACE}" \\(instance( \\$\\S+)? \\(;(\\d+);\\) \\(type [^)]+\\)\\)\\)`),
    '\n  (instance$1 (;$2;))',
  );
  const args = (names: string[]) => names.map((n) => (n === CALC_IFACE ? `(with "${n}" (instance $math))` : `(with "${n}" (instance ${instanceOf(n)}))`)).join(' ');
  const exports = appTop.exports.map((e, i) => `(alias export $a "${e.name}" (${e.sort} $e${i})) (export "${e.name}" (${e.sort} $e${i}))`);
  const wat = [
    `(component ${prefix}`,
    `(component $calc ${body(calcText)})`,
    `(component $app ${body(appText)})`,
    `(instance $c (instantiate $calc ${args(calcTop.imports.map((i) => i.name))}))`,
    `(alias export $c "${CALC_IFACE}" (instance $math))`,
    `(instance $a (instantiate $app ${args(appTop.imports.map((i) => i.name))}))`,
    ...exports,
    ')',
  ].join('\n');
  return parse(wat);
}

const t0 = performance.now();
const app = await exampleApp();
const calc = await jsCalculator(1);
console.log(`fixtures: app ${mb(app.length)} MiB, calculator ${mb(calc.length)} MiB (${((performance.now() - t0) / 1000).toFixed(1)} s to build or load from test/.cache)`);
const rssBefore = peakRssMb();

const times: number[] = [];
let composed!: Uint8Array;
for (let i = 0; i < RUNS + 1; i++) {
  const t = performance.now();
  composed = binaryRoute(app, calc);
  if (i > 0) times.push(performance.now() - t); // the first run warms up the JIT
}
const binaryMs = [...times].sort((a, b) => a - b)[times.length >> 1]!;
const binaryRss = peakRssMb();
const { componentWit } = await import('@bytecodealliance/jco-transpile/wasm-tools');
const world = await componentWit(composed);
console.log(`binary route: ${binaryMs.toFixed(1)} ms (median of ${RUNS}), ${mb(composed.length)} MiB out, peak RSS ${binaryRss.toFixed(0)} MB (${rssBefore.toFixed(0)} MB before)`);
console.log(`              valid: ${(world.match(/^ {2}import /gm) ?? []).length} WASI imports, exports ${(world.match(/^ {2}export [^:]+/gm) ?? []).map((l) => l.trim().slice(7)).join(', ')}`);
console.log(`target:       ≤ ${TARGET_MS} ms and ≤ ${TARGET_RSS_MB} MB RSS — ${binaryMs <= TARGET_MS && binaryRss <= TARGET_RSS_MB ? 'met' : 'MISSED'}`);

let baseline = { ...REFERENCE, source: 'jco-feasibility.md §3 (not measured here)' };
if (!process.argv.includes('--no-wat')) {
  const t = performance.now();
  const viaText = await watRoute(app, calc);
  const ms = performance.now() - t;
  const rssMb = peakRssMb();
  const lines = (w: string) => w.split('\n').sort().join('\n');
  const same = lines(await componentWit(viaText)) === lines(world);
  baseline = { ms, rssMb, source: `measured now (${mb(viaText.length)} MiB out, same WIT world, import order aside: ${same})` };
}
console.log(`WAT route:    ${baseline.ms.toFixed(0)} ms, peak RSS ${baseline.rssMb.toFixed(0)} MB — ${baseline.source}`);
console.log(`ratio:        binary route is ${(baseline.ms / binaryMs).toFixed(0)}× faster, with ${(baseline.rssMb / binaryRss).toFixed(1)}× less peak RSS`);
