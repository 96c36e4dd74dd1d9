/**
 * `exec`'s run-limit and policy flags through the real CLI: --memory, --timeout, --allow-clock,
 * --allow-random, --policy each change what the guest gets, and a bad value is a one-line error
 * naming the flag, with a hint, exit 1 and no stack trace.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { watWithWit } from '../support/fixtures.js';

/** Probes for each flag: a wall-clock read, a random read, a memory.grow bomb, an endless loop. */
const wit = `package test:exec-probes;

world probes {
  import wasi:clocks/wall-clock@0.2.0;
  import wasi:random/random@0.2.0;
  export now-seconds: func() -> u64;
  export random-u64: func() -> u64;
  export grow: func();
  export spin: func();
}

package wasi:clocks@0.2.0 {
  interface wall-clock {
    record datetime { seconds: u64, nanoseconds: u32 }
    now: func() -> datetime;
  }
}

package wasi:random@0.2.0 {
  interface random {
    get-random-u64: func() -> u64;
  }
}
`;

const core = `(module
  (import "wasi:clocks/wall-clock@0.2.0" "now" (func $now (param i32)))
  (import "wasi:random/random@0.2.0" "get-random-u64" (func $random (result i64)))
  (memory (export "memory") 1)
  (func (export "now-seconds") (result i64) (call $now (i32.const 0)) (i64.load (i32.const 0)))
  (func (export "random-u64") (result i64) (call $random))
  ;; grows 1 MiB at a time until memory.grow fails, then gives up the way allocators do
  (func (export "grow") (loop $l (br_if $l (i32.ne (memory.grow (i32.const 16)) (i32.const -1)))) unreachable)
  (func (export "spin") (loop $l (br $l)))
)`;

let dir: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'exec-flags-'));
  writeFileSync(join(dir, 'probes.wasm'), await watWithWit(core, wit, 'probes'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const exec = (call: string, ...flags: string[]) => runCli(['exec', 'probes.wasm', '--call', call, ...flags], { cwd: dir });

/** A usage error: the one line names the flag and its value, the hint says what to write. */
function expectUsageError(r: ReturnType<typeof runCli>, message: string, hint: string): void {
  expect(r.status).toBe(1);
  expect(r.stdout).toBe('');
  expect(r.stderr).toBe(`Error: ${message}\n  hint: ${hint}\n`);
}

describe('exec --memory', () => {
  it('caps linear memory: the bomb ends as out-of-memory at 8 MiB', () => {
    const r = exec('grow()', '--memory', '8MiB');
    expect(r.stderr).toMatch(/^error: out-of-memory: linear memory reached 7\.1 MiB of the 8 MiB limit; then trap: /);
    expect(r.status).toBe(1);
  });

  it('defaults to 256 MiB', () => {
    const r = exec('grow()');
    expect(r.stderr).toMatch(/^error: out-of-memory: linear memory reached 255\.1 MiB of the 256 MiB limit; /);
    expect(r.status).toBe(1);
  });

  it.each(['lots', '0MiB', '-1MiB'])('refuses --memory %s', (value) => {
    expectUsageError(exec('grow()', '--memory', value), `invalid --memory '${value}'`, 'write e.g. --memory 256MiB');
  });
});

describe('exec --timeout', () => {
  it('stops a call at its time limit', () => {
    const r = exec('spin()', '--timeout', '300ms');
    expect(r.stderr).toBe('error: timeout: the call did not finish within the time limit of 300 ms and was stopped\n');
    expect(r.status).toBe(1);
  });

  it.each(['soon', '0s', '1.5ms'])('refuses --timeout %s', (value) => {
    expectUsageError(exec('spin()', '--timeout', value), `invalid --timeout '${value}'`, 'write e.g. --timeout 30s');
  });
});

describe('exec --allow-clock', () => {
  it('without it, a wall-clock read is a policy violation under strict', () => {
    const r = exec('now-seconds()');
    expect(r.stderr).toBe('error: policy-violation: wasi:clocks/wall-clock#now (called 1 time)\n');
    expect(r.status).toBe(1);
  });

  it('with it, the guest reads the virtual clock (SOURCE_DATE_EPOCH, 0 without a run.toml), and is warned', () => {
    const r = exec('now-seconds()', '--allow-clock');
    expect(r.stdout).toBe('0\n');
    expect(r.stderr).toBe('warning: --allow-clock breaks determinism\n');
    expect(r.status).toBe(0);
  });

  it('takes no value', () => {
    const r = runCli(['exec', 'probes.wasm', '--call', 'now-seconds()', '--allow-clock=yes'], { cwd: dir });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^Error: --allow-clock takes no value\n  hint: run-action exec <component/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('exec --allow-random', () => {
  it('without it, a random read is a policy violation under strict', () => {
    const r = exec('random-u64()');
    expect(r.stderr).toBe('error: policy-violation: wasi:random/random#get-random-u64 (called 1 time)\n');
    expect(r.status).toBe(1);
  });

  it('with it, the guest gets seeded random: the same number on every run', () => {
    const first = exec('random-u64()', '--allow-random');
    expect(first.status).toBe(0);
    expect(first.stdout).toMatch(/^\d+\n$/);
    expect(first.stderr).toBe('warning: --allow-random breaks determinism\n');
    expect(exec('random-u64()', '--allow-random').stdout).toBe(first.stdout);
  });
});

describe('exec --policy', () => {
  it('virtual answers clock and random without grants, deterministically', () => {
    expect(exec('now-seconds()', '--policy', 'virtual')).toMatchObject({ status: 0, stdout: '0\n' });
    const random = exec('random-u64()', '--policy', 'virtual');
    expect(random.status).toBe(0);
    expect(random.stdout).toBe(exec('random-u64()', '--allow-random').stdout);
  });

  it('dev answers the real clock and real random', () => {
    const before = Math.floor(Date.now() / 1000);
    const r = exec('now-seconds()', '--policy', 'dev');
    expect(r.status).toBe(0);
    const seconds = Number(r.stdout.trim());
    expect(seconds).toBeGreaterThanOrEqual(before);
    expect(seconds).toBeLessThanOrEqual(Math.ceil(Date.now() / 1000));
    // Two draws of 64 real random bits coincide with probability 2^-64.
    expect(exec('random-u64()', '--policy', 'dev').stdout).not.toBe(exec('random-u64()', '--policy', 'dev').stdout);
  });

  it('refuses an unknown policy', () => {
    expectUsageError(exec('now-seconds()', '--policy', 'loose'), "unknown policy 'loose'", 'use one of: strict, virtual, dev');
  });
});
