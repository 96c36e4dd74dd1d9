/**
 * `verify` on examples/hello-wat and examples/hello-c (copied to temporary directories): every
 * component byte-identical when rebuilt elsewhere under all the variations, every case the same in
 * every run and under every perturbation that applies, and the report both readable and JSON.
 */
import { describe, expect, it } from 'vitest';
import { formatVerifyReport } from '../../src/core/verify/index.js';
import { needTool } from '../support/toolchain.js';
import { copyExample, verify } from './helpers.js';

const noClang = needTool('clang', ['--version']);

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
