import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from '@bytecodealliance/jco-transpile/wasm-tools';
import { ComponentReadError, MemoryLimitError, openComponent, type ComponentSession } from '../../src/core/engine/index.js';
import { watComponent } from '../support/fixtures.js';
import { watBigMemory, watCalc, watExitWithCode, watRunErr, watStartLoop } from './guests.js';
import { hostConfig, runCache } from './helpers.js';

const host = hostConfig();

describe('component session (WAT, no imports)', () => {
  let calc: ComponentSession;
  beforeAll(async () => {
    calc = await openComponent({ bytes: await watComponent(watCalc), cacheDir: runCache, limits: { timeoutMs: 5000 } });
  });
  afterAll(() => calc.close());

  it('lists the exports jco names', () => {
    expect(calc.exports).toEqual(
      expect.arrayContaining([['add', 'function'], ['test:engine/calc@0.1.0', 'instance']]),
    );
    expect(calc.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('calls a top-level function and an interface function', async () => {
    const top = await calc.call({ path: ['add'], args: [2, 3], host });
    expect(top).toMatchObject({ class: 'ok', exitCode: 0, value: 5, ledger: [], truncated: { stdout: 0, stderr: 0 } });
    expect(top.elapsedMs).toBeGreaterThanOrEqual(0);
    const nested = await calc.call({ path: ['test:engine/calc@0.1.0', 'add'], args: [40, 2], host });
    expect(nested).toMatchObject({ class: 'ok', value: 42 });
  });

  it('runs every call in a fresh instance', async () => {
    for (let i = 0; i < 3; i++) expect((await calc.call({ path: ['count'], args: [], host })).value).toBe(1);
  });

  it('wraps result values as ok/err when told the result is a result', async () => {
    expect((await calc.call({ path: ['check'], args: [7], host, resultIsResult: true })).value).toEqual({ tag: 'ok', val: 7 });
    const err = await calc.call({ path: ['check'], args: [-1], host, resultIsResult: true });
    expect(err).toMatchObject({ class: 'ok', exitCode: 0, value: { tag: 'err', val: 'negative' } });
  });

  it('reports a trap with the wasm message, and the next call still works', async () => {
    const trap = await calc.call({ path: ['div'], args: [1, 0], host });
    expect(trap).toMatchObject({ class: 'trap', exitCode: 1 });
    expect(trap.message).toBe('trap: integer divide by zero');
    expect((await calc.call({ path: ['div'], args: [9, 3], host })).value).toBe(3);
  });

  it('reports a missing function as an error naming the exports', async () => {
    const o = await calc.call({ path: ['test:engine/calc@0.1.0', 'mul'], args: [], host });
    expect(o.class).toBe('error');
    expect(o.message).toBe('error: the interface test:engine/calc@0.1.0 has no function mul (its functions: add)');
    const top = await calc.call({ path: ['mul'], args: [], host });
    expect(top.message).toMatch(/^error: the component exports no function mul \(its exports: .*\badd\b.*\)$/);
  });

  it('queues concurrent calls and answers each', async () => {
    const results = await Promise.all([1, 2, 3, 4, 5].map((n) => calc.call({ path: ['add'], args: [n, n], host })));
    expect(results.map((r) => r.value)).toEqual([2, 4, 6, 8, 10]);
  });

  it('reports a host that cannot be built (a granted directory that does not exist) as an error, and keeps serving', async () => {
    const missing = join(tmpdir(), 'engine-no-such-dir', 'x');
    const o = await calc.call({ path: ['add'], args: [1, 2], host: hostConfig({ dirs: [{ guestPath: '/data', hostPath: missing, write: false }] }) });
    expect(o.class).toBe('error');
    expect(o.message).toMatch(/^error: granted directory .*engine-no-such-dir.* does not exist \(/);
    expect((await calc.call({ path: ['add'], args: [1, 2], host })).value).toBe(3);
  });

  it('refuses run() on a component that is not a command', async () => {
    const o = await calc.run({ host });
    expect(o.class).toBe('error');
    expect(o.message).toContain('does not export wasi:cli/run');
  });
});

describe('commands (wasi:cli/run)', () => {
  it('maps wasi:cli/exit#exit-with-code(3) to class exit with code 3, and code 0 to ok', async () => {
    const three = await openComponent({ bytes: await watComponent(watExitWithCode(3)), cacheDir: runCache });
    const zero = await openComponent({ bytes: await watComponent(watExitWithCode(0)), cacheDir: runCache });
    try {
      expect(await three.run({ host })).toMatchObject({ class: 'exit', exitCode: 3, message: 'exit: the guest exited with code 3' });
      expect(await zero.run({ host })).toMatchObject({ class: 'ok', exitCode: 0 });
    } finally {
      await Promise.all([three.close(), zero.close()]);
    }
  });

  it('maps a run() that returns err to exit code 1', async () => {
    const s = await openComponent({ bytes: await watComponent(watRunErr), cacheDir: runCache });
    try {
      expect(await s.run({ host })).toMatchObject({ class: 'exit', exitCode: 1, message: 'exit: wasi:cli/run returned an error (exit code 1)' });
    } finally {
      await s.close();
    }
  });
});

describe('time limits', () => {
  it('stops an instantiation that never finishes (a looping start function)', async () => {
    const s = await openComponent({ bytes: await watComponent(watStartLoop), cacheDir: runCache, limits: { timeoutMs: 500 } });
    try {
      const o = await s.call({ path: ['f'], args: [], host });
      expect(o).toMatchObject({ class: 'timeout', message: 'timeout: the instantiation did not finish within the time limit of 500 ms and was stopped' });
      // A per-call limit overrides the session's.
      expect((await s.call({ path: ['f'], args: [], host, timeoutMs: 300 })).message).toContain('time limit of 300 ms');
    } finally {
      await s.close();
    }
  });
});

describe('opening', () => {
  it('refuses a component whose memory minimum is above the limit', async () => {
    const bytes = await watComponent(watBigMemory);
    await expect(openComponent({ bytes, cacheDir: runCache, limits: { memoryBytes: 16 * 1024 * 1024 } })).rejects.toThrow(MemoryLimitError);
    const s = await openComponent({ bytes, cacheDir: runCache, limits: { memoryBytes: 128 * 1024 * 1024 } });
    expect((await s.call({ path: ['f'], args: [], host })).class).toBe('ok');
    await s.close();
  });

  it('reads a component from a file, and names the file when it cannot', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'engine-open-'));
    const file = join(dir, 'calc.wasm');
    writeFileSync(file, await watComponent(watCalc));
    const s = await openComponent({ file, cacheDir: runCache });
    expect((await s.call({ path: ['add'], args: [1, 1], host })).value).toBe(2);
    await s.close();
    const missing = openComponent({ file: join(dir, 'nope.wasm'), cacheDir: runCache });
    await expect(missing).rejects.toThrow(ComponentReadError);
    await expect(missing).rejects.toMatchObject({ location: { file: join(dir, 'nope.wasm') } });
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses a core module with a hint to make it a component', async () => {
    const core = await parse('(module (func (export "f")))');
    const err = await openComponent({ bytes: core, cacheDir: runCache }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ComponentReadError);
    expect((err as ComponentReadError).message).toContain('is a core wasm module, not a component');
    expect((err as ComponentReadError).hint).toContain('component');
  });

  it('answers calls on a closed session with an error outcome', async () => {
    const s = await openComponent({ bytes: await watComponent(watCalc), cacheDir: runCache });
    await s.close();
    expect(await s.call({ path: ['add'], args: [1, 2], host })).toMatchObject({ class: 'error', message: 'error: the session is closed' });
  });
});
