import { describe, expect, it } from 'vitest';
import { parse } from '@bytecodealliance/jco-transpile/wasm-tools';
import { classifyFailure, violationVerdict, type FailureContext } from '../../src/core/engine/outcome.js';

const MiB = 1024 * 1024;
const ctx = (over: Partial<FailureContext> = {}): FailureContext => ({
  stderr: new Uint8Array(),
  memoryLimitBytes: 256 * MiB,
  memoryPeakBytes: MiB,
  ...over,
});

/** The error V8 throws when `export` of this module traps. */
async function trapOf(wat: string, exportName: string): Promise<unknown> {
  const inst = new WebAssembly.Instance(new WebAssembly.Module(await parse(wat)));
  try {
    (inst.exports[exportName] as () => void)();
  } catch (err) {
    return err;
  }
  throw new Error('did not trap');
}

describe('classifyFailure', () => {
  it('names the innermost wasm function of a trap when it has a name', async () => {
    const named = await trapOf('(module $guest (func $boom (export "f") unreachable))', 'f');
    expect(classifyFailure({ thrown: named }, ctx())).toEqual({ class: 'trap', exitCode: 1, message: 'trap: unreachable in boom' });
    const unnamed = await trapOf('(module (func (export "f") (drop (i32.load (i32.const 70000)))) (memory 1))', 'f');
    expect(classifyFailure({ thrown: unnamed }, ctx()).message).toBe('trap: memory access out of bounds');
    const anonymousInNamedModule = await trapOf('(module $m (func (export "f") unreachable))', 'f');
    expect(classifyFailure({ thrown: anonymousInNamedModule }, ctx()).message).toBe('trap: unreachable');
  });

  it('drops the `wasm trap: ` prefix jco puts on trap messages', () => {
    const err = new WebAssembly.RuntimeError('wasm trap: integer divide by zero');
    expect(classifyFailure({ thrown: err }, ctx()).message).toBe('trap: integer divide by zero');
  });

  it('calls a trap out-of-memory only with evidence: memory near the cap, or the guest saying so', () => {
    const err = new WebAssembly.RuntimeError('unreachable');
    expect(classifyFailure({ thrown: err }, ctx({ memoryPeakBytes: 250 * MiB })).message).toBe(
      'out-of-memory: linear memory reached 250 MiB of the 256 MiB limit; then trap: unreachable',
    );
    expect(classifyFailure({ thrown: err }, ctx({ memoryPeakBytes: 200 * MiB })).class).toBe('trap');
    const rust = new TextEncoder().encode('memory allocation of 1048576 bytes failed\n');
    expect(classifyFailure({ thrown: err }, ctx({ stderr: rust }))).toEqual({
      class: 'out-of-memory',
      exitCode: 1,
      message: 'out-of-memory: the guest reported "memory allocation of 1048576 bytes failed" (memory limit 256 MiB); then trap: unreachable',
    });
    const unrelated = new TextEncoder().encode('assertion failed: x > 0\n');
    expect(classifyFailure({ thrown: err }, ctx({ stderr: unrelated })).class).toBe('trap');
  });

  it('counts memory within one growth step of a small cap as exhausted (at least 2 MiB, at most half the cap)', () => {
    const err = new WebAssembly.RuntimeError('unreachable');
    const at = (limitMiB: number, peakMiB: number) => classifyFailure({ thrown: err }, ctx({ memoryLimitBytes: limitMiB * MiB, memoryPeakBytes: peakMiB * MiB }));
    // 1 page + 7 grows of 1 MiB under 8 MiB: the 8th grow failed (this was misread as a trap).
    expect(at(8, 7 + 1 / 16)).toMatchObject({ class: 'out-of-memory', message: 'out-of-memory: linear memory reached 7.1 MiB of the 8 MiB limit; then trap: unreachable' });
    expect(at(8, 6)).toMatchObject({ class: 'out-of-memory' });
    expect(at(8, 5.9).class).toBe('trap');
    // The default cap keeps its 1/16 margin.
    expect(at(256, 240).class).toBe('out-of-memory');
    expect(at(256, 239.9).class).toBe('trap');
    // A tiny cap: half of it.
    expect(at(2, 1).class).toBe('out-of-memory');
    expect(at(2, 0.9).class).toBe('trap');
  });

  it('classifies exits: 0 is ok, others exit, near the cap out-of-memory', () => {
    expect(classifyFailure({ exit: 0 }, ctx())).toMatchObject({ class: 'ok', exitCode: 0 });
    expect(classifyFailure({ exit: 3 }, ctx())).toEqual({ class: 'exit', exitCode: 3, message: 'exit: the guest exited with code 3' });
    expect(classifyFailure({ exit: 1 }, ctx({ memoryPeakBytes: 255 * MiB }))).toMatchObject({ class: 'out-of-memory', exitCode: 1 });
  });

  it('classifies stack overflow, engine allocation failure and host errors', () => {
    expect(classifyFailure({ thrown: new RangeError('Maximum call stack size exceeded') }, ctx()).class).toBe('stack-overflow');
    expect(classifyFailure({ thrown: new RangeError('WebAssembly.Instance(): Out of memory: Cannot allocate Wasm memory for new instance') }, ctx()).class).toBe(
      'out-of-memory',
    );
    expect(classifyFailure({ thrown: new TypeError('expected a string') }, ctx())).toEqual({
      class: 'error',
      exitCode: 1,
      message: 'error: TypeError: expected a string',
    });
  });
});

describe('violationVerdict', () => {
  it('names each forbidden import with its count', () => {
    const v = violationVerdict([
      { call: 'wasi:clocks/wall-clock#now', count: 1, bytes: 0, answer: 'virtual', violation: true },
      { call: 'wasi:random/random#get-random-bytes', count: 3, bytes: 24, answer: 'virtual', violation: true },
    ]);
    expect(v).toEqual({
      class: 'policy-violation',
      exitCode: 1,
      message: 'policy-violation: wasi:clocks/wall-clock#now (called 1 time), wasi:random/random#get-random-bytes (called 3 times)',
    });
  });
});
