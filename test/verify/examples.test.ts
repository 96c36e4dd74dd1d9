/**
 * `verify` on the examples (copied to temporary directories): every component of hello-wat,
 * hello-c, hello-rust and hello-go byte-identical when rebuilt elsewhere under all the variations
 * (the Go one from an empty build cache), every case the same in every run and under every
 * perturbation that applies; compose-app's WAT calculator reproducible and its componentize-js app
 * behaviour-only; the report both readable and JSON.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildProject, type BuiltComponent } from '../../src/core/build/index.js';
import { loadRunConfig } from '../../src/core/config/run-toml.js';
import { sha256Hex } from '../../src/core/sha256.js';
import { formatVerifyReport, type VerifyReport } from '../../src/core/verify/index.js';
import { needRustWasm } from '../build/helpers.js';
import { exampleApp } from '../compose/components.js';
import { needTool } from '../support/toolchain.js';
import { captureLogger, copyExample, verify } from './helpers.js';

const noClang = needTool('clang', ['--version']);
const noRust = needRustWasm();
const noGo = needTool('go', ['version']);

const ALL_VARIATIONS = ['build-path', 'cpu-count', 'env-order', 'home', 'locale', 'timezone', 'umask'];

/** The variations the report says ran plus those it says could not, with their reasons. */
function variationsListed(report: VerifyReport, text: string): string[] {
  for (const v of report.build.variations) expect(text).toContain(`    ${v.title}`);
  for (const s of report.build.skipped) expect(text).toContain(`    ${s.title}: not varied — ${s.reason}`);
  return [...report.build.variations.map((v) => v.name), ...report.build.skipped.map((v) => v.name)].sort();
}

describe('verify examples/hello-wat', () => {
  it('is reproducible: the same digest under every variation, the same output in every run', async () => {
    const { report, log } = await verify(copyExample('hello-wat'));
    expect(report.components.map((c) => [c.name, c.verdict, c.variantDigest])).toEqual([['hello', 'reproducible', undefined]]);
    expect(report.components[0]!.cause).toBe(`byte-identical under ${report.build.variations.length} variations; 1 case deterministic`);
    expect(report.build.reference).toBe('verify');
    // Every variation runs here (Linux with taskset, 2 CPUs) or says why not.
    const names = [...report.build.variations.map((v) => v.name), ...report.build.skipped.map((v) => v.name)];
    expect(names.sort()).toEqual(['build-path', 'cpu-count', 'env-order', 'home', 'locale', 'timezone', 'umask']);
    expect(report.build.variations.find((v) => v.name === 'build-path')!.variant).toContain('variant-build-in-another-longer-path');
    expect(log.lines).toContain('▸ verify: variant build (build path, umask, HOME, host time zone, host locale, CPU count, environment order)');

    const [greet] = report.cases;
    expect(greet).toMatchObject({ name: 'greet_42', component: 'hello', kind: 'test', call: 'greet(42)', deterministic: true, changedBy: [] });
    expect(greet!.baseline).toEqual({ outcome: 'ok', exitCode: 0, value: '43', stdout: '', stderr: '', ledger: [] });
    expect(greet!.checks.map((c) => [c.perturbation, c.status])).toEqual([
      ['repeat', 'same'],
      ['repeat', 'same'],
      ['wall-clock', 'same'],
      ['seed', 'same'],
      ['env-order', 'skipped'],
    ]);
    expect(report.secondEngine).toMatchObject({ status: 'skipped', reason: 'run.lock.toml does not pin wasmtime' });
    expect(report.expectations.status).toBe('absent');
    expect(report.ok).toBe(true);
    expect(JSON.parse(JSON.stringify(report))).toEqual(report);
  });

  it('takes the number of runs and the policy, and refuses a run count below one', async () => {
    const dir = copyExample('hello-wat');
    const { report } = await verify(dir, { runs: 1, policy: 'virtual' });
    expect(report.policy).toBe('virtual');
    expect(report.cases[0]!.checks.map((c) => c.perturbation)).toEqual(['wall-clock', 'seed', 'env-order']);
    await expect(verify(dir, { runs: 0 })).rejects.toThrow('runs must be a whole number of at least 1, not 0');
  });
});

describe.skipIf(noClang)('verify examples/hello-c', () => {
  it('proves the command and the reactor byte-reproducible and their four cases deterministic', async () => {
    const { report } = await verify(copyExample('hello-c'));
    expect(report.components.map((c) => [c.name, c.builder, c.verdict])).toEqual([
      ['hello', 'c/clang', 'reproducible'],
      ['calc', 'c/clang', 'reproducible'],
    ]);
    expect(report.cases.map((c) => [c.name, c.call, c.deterministic])).toEqual([
      ['hello_prints', 'run()', true],
      ['add', 'add(3, 4)', true],
      ['add_wraps', 'add(2147483647, 1)', true],
      ['fib', 'fib(50)', true],
    ]);
    expect(report.cases[0]!.baseline).toMatchObject({ outcome: 'ok', stdout: 'Hello from C! 2 + 3 = 5\n', value: 'ok' });
    expect(report.build.culpritBuilds).toBe(0);
    expect(report.ok).toBe(true);

    const text = formatVerifyReport(report).split('\n');
    expect(text).toContain('  component  sha256        verdict       cause');
    expect(text).toContain(`  hello      ${report.components[0]!.digest.slice(0, 12)}  reproducible  byte-identical under 7 variations; 1 case deterministic`);
    expect(text).toContain('    fib           (calc)   fib(50)             deterministic (5 runs alike)');
    expect(text).toContain('    environment order not perturbed for any case: fewer than two environment variables are granted');
    expect(text.at(-1)).toMatch(/^verify passed: 2 reproducible \(\d+\.\d s: build \d+\.\d s, behaviour \d+\.\d s\)$/);
  });

  it('verifies only the components asked for', async () => {
    const { report } = await verify(copyExample('hello-c'), { components: ['calc'], runs: 1 });
    expect(report.components.map((c) => c.name)).toEqual(['calc']);
    expect(report.cases.map((c) => c.name)).toEqual(['add', 'add_wraps', 'fib']);
  });
});

describe.skipIf(noRust)('verify examples/hello-rust', () => {
  it('proves both crates byte-reproducible under every variation and their three cases deterministic', async () => {
    const { report } = await verify(copyExample('hello-rust'), { runs: 2 });
    expect(report.components.map((c) => [c.name, c.builder, c.verdict, c.variantDigest])).toEqual([
      ['hello', 'rust/cargo', 'reproducible', undefined],
      ['greeter', 'rust/cargo', 'reproducible', undefined],
    ]);
    const n = report.build.variations.length;
    expect(report.components.map((c) => c.cause)).toEqual([`byte-identical under ${n} variations; 1 case deterministic`, `byte-identical under ${n} variations; 2 cases deterministic`]);
    expect(report.cases.map((c) => [c.name, c.call, c.baseline.value, c.deterministic])).toEqual([
      ['hello_prints', 'run()', 'ok', true],
      ['greet', 'greet("WASI")', '"Hello, WASI!"', true],
      ['add', 'add(40, 2)', '42', true],
    ]);
    const text = formatVerifyReport(report);
    expect(variationsListed(report, text)).toEqual(ALL_VARIATIONS);
    expect(text).toContain(`Build reproducibility: a second build with ${n} conditions varied at once`);
    expect(report.build.culpritBuilds).toBe(0);
    expect(report.ok).toBe(true);
  });
});

describe.skipIf(noGo)('verify examples/hello-go', () => {
  it('proves the command and the library byte-reproducible, rebuilt from an empty Go build cache', async () => {
    const { report, log } = await verify(copyExample('hello-go'), { runs: 2 });
    expect(report.components.map((c) => [c.name, c.builder, c.verdict, c.variantDigest])).toEqual([
      ['hello', 'go/go-wasip1', 'reproducible', undefined],
      ['calc', 'go/go-wasip1', 'reproducible', undefined],
    ]);
    expect(report.cases.map((c) => [c.name, c.call, c.baseline.value, c.deterministic])).toEqual([
      ['hello_prints', 'run()', undefined, true],
      ['add', 'add(3, 4)', '7', true],
      ['add_wraps', 'add(2147483647, 1)', '-2147483648', true],
    ]);
    expect(report.cases[0]!.baseline).toMatchObject({ outcome: 'ok', exitCode: 0, stdout: 'Hello from Go! 2 + 3 = 5\n' });
    // The Go runtime seeds its maps from wasi:random: the seeded bytes are the policy's, so the seed is not perturbed.
    expect(report.cases[1]!.checks.find((c) => c.perturbation === 'seed')).toMatchObject({ status: 'skipped' });
    const text = formatVerifyReport(report);
    expect(variationsListed(report, text)).toEqual(ALL_VARIATIONS);
    // The variant build compiles everything again: its GOCACHE is new and empty, not the reference's.
    expect(report.build.freshCaches).toEqual(['GOCACHE', 'ZIG_GLOBAL_CACHE_DIR']);
    expect(text).toContain('    compiler caches: empty for every rebuild (GOCACHE, ZIG_GLOBAL_CACHE_DIR), so nothing compiled by the reference build is reused');
    const passed = log.lines.filter((l) => l.startsWith('passed through: ')).map((l) => /GOCACHE=(\S+)/.exec(l)?.[1]);
    expect(passed).toHaveLength(2);
    const scratch = report.build.variantDir.split('/variant-build')[0]!;
    expect(passed[0]).toBe(process.env.GOCACHE);
    expect(passed[1]).toBe(join(scratch, 'compiler-caches', 'go-build'));
    expect(report.ok).toBe(true);
  });
});

describe('verify examples/compose-app', () => {
  it('judges the WAT calculator reproducible and the componentize-js app behaviour-only, linked in every case', async () => {
    const dir = copyExample('compose-app');
    const config = await loadRunConfig(dir);
    // The reference: the calculator built here, the app from the cached componentize-js fixture (the variant build runs componentize-js for real).
    const [calculator] = (await buildProject(config, { env: process.env, components: ['calculator'] }, captureLogger())).built;
    const bytes = await exampleApp();
    const file = join(dir, 'target', 'wasm', 'app.wasm');
    mkdirSync(join(dir, 'target', 'wasm'), { recursive: true });
    writeFileSync(file, bytes);
    const app: BuiltComponent = {
      name: 'app',
      language: 'javascript',
      builder: 'javascript/componentize-js',
      file,
      metaFile: file.replace(/\.wasm$/, '.meta.toml'),
      sha256: sha256Hex(bytes),
      size: bytes.length,
      exports: ['run', 'total', 'announce'],
      imports: ['example:calculator/math@0.1.0'],
      toolchain: [],
    };

    const { report } = await verify(dir, { reference: [calculator!, app], runs: 2 });
    expect(report.components.map((c) => [c.name, c.verdict])).toEqual([
      ['calculator', 'reproducible'],
      ['app', 'behaviour-only'],
    ]);
    expect(report.components[0]!.cause).toBe(`byte-identical under ${report.build.variations.length} variations; no case of its own exercises it`);
    expect(report.components[1]!.cause).toMatch(/^componentize-js output is never byte-identical \(.*\); behaviour identical on both builds in 3 cases$/);
    expect(report.components[1]!.variantDigest).toMatch(/^[0-9a-f]{64}$/);
    expect(report.cases.map((c) => [c.name, c.baseline.value, c.deterministic, c.variantBuild?.status])).toEqual([
      ['run', '"Hello, composer! 40+2=42"', true, 'same'],
      ['total', '-2147483643', true, 'same'],
      ['announce', '()', true, 'same'],
    ]);
    // The app's calls into the calculator are part of what is compared.
    expect(report.cases[0]!.baseline.ledger.filter((l) => l.startsWith('example:'))).toEqual([
      'example:calculator/math#greet ×1 (component calculator)',
      'example:calculator/math#add ×1 (component calculator)',
    ]);
    const text = formatVerifyReport(report);
    expect(variationsListed(report, text)).toEqual(ALL_VARIATIONS);
    expect(report.build).toMatchObject({ reference: 'this run', culpritBuilds: 0 });
    expect(report.ok).toBe(true);
  });
});
