/**
 * Behavioural determinism on a C reactor (clang + wasi-libc) whose exports read the wall clock,
 * print the granted environment and draw random bytes: under the `virtual` policy the shifted
 * virtual epoch catches the clock reader and names it; the policy's sorted environment survives
 * the reversed order; a case that uses random is not given another seed; under `strict` the clock
 * read is a policy violation, the same in every run.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { EPOCH_SHIFT_SECONDS } from '../../src/core/verify/behaviour.js';
import { formatVerifyReport } from '../../src/core/verify/index.js';
import { cComponent } from '../support/fixtures.js';
import { needTool } from '../support/toolchain.js';
import { project, verify } from './helpers.js';

const noClang = needTool('clang', ['--version']);

const WIT = `package test:clock;
world clock {
  export now: func() -> s64;
  export add: func(a: s32, b: s32) -> s32;
  export show-env: func() -> s32;
  export roll: func() -> u32;
}`;

const REACTOR = `#include <stdio.h>
#include <time.h>
#include <unistd.h>
extern char **environ;
__attribute__((export_name("now"))) long long now(void) { return (long long)time(NULL); }
__attribute__((export_name("add"))) int add(int a, int b) { return a + b; }
__attribute__((export_name("show-env"))) int show_env(void) {
  int n = 0;
  for (char **e = environ; *e; e++, n++) puts(*e);
  fflush(stdout);
  return n;
}
__attribute__((export_name("roll"))) unsigned roll(void) { unsigned r = 0; getentropy(&r, sizeof r); return r; }
`;

const RUN_TOML = `[project]
name = "clock"

[components.clock]
path = "clock.wasm"
capabilities = ["env:VERIFY_B", "env:VERIFY_A", "random"]

[tests.now]
component = "clock"
function = "now"

[tests.add]
component = "clock"
function = "add"
args = ["s32:2", "s32:3"]

[tests.show_env]
component = "clock"
function = "show-env"

[tests.roll]
component = "clock"
function = "roll"
`;

const env = { ...process.env, VERIFY_A: '1', VERIFY_B: '2' };

describe.skipIf(noClang)('verify: behavioural determinism', () => {
  let dir: string;
  beforeAll(async () => {
    dir = project({ 'run.toml': RUN_TOML });
    writeFileSync(join(dir, 'clock.wasm'), await cComponent(REACTOR, { reactor: true, wit: { source: WIT, world: 'clock' } }));
  });

  it('catches a wall-clock reader under the virtual policy and names the perturbation', async () => {
    const { report } = await verify(dir, { env, policy: 'virtual' });
    const byName = Object.fromEntries(report.cases.map((c) => [c.name, c]));
    const now = byName.now!;
    expect(now.deterministic).toBe(false);
    expect(now.changedBy).toEqual(['wall clock (virtual epoch) perturbed: output changed (value)']);
    expect(now.baseline.ledger).toEqual(['wasi:clocks/wall-clock#now ×1 (virtual)']);
    expect(now.checks.find((c) => c.perturbation === 'wall-clock')).toEqual({
      perturbation: 'wall-clock',
      label: 'wall clock (virtual epoch)',
      detail: `virtual epoch 0 → ${EPOCH_SHIFT_SECONDS}`,
      status: 'changed',
      changes: [{ field: 'value', a: '0', b: String(EPOCH_SHIFT_SECONDS) }],
    });
    // Identical runs agree: the virtual clock is fixed; only the perturbation moves it.
    expect(now.checks.filter((c) => c.perturbation === 'repeat').map((c) => c.status)).toEqual(['same', 'same']);
    expect(report.components[0]).toMatchObject({
      name: 'clock',
      verdict: 'not reproducible',
      cause: 'case now: wall clock (virtual epoch) perturbed: output changed (value)',
    });
    expect(report.ok).toBe(false);
    expect(formatVerifyReport(report)).toContain(`    now: wall clock (virtual epoch) (virtual epoch 0 → ${EPOCH_SHIFT_SECONDS}):\n      value: first run "0" → this run "${EPOCH_SHIFT_SECONDS}"`);

    expect(byName.add!.checks.map((c) => [c.perturbation, c.status])).toEqual([
      ['repeat', 'same'],
      ['repeat', 'same'],
      ['wall-clock', 'same'],
      ['seed', 'same'],
      ['env-order', 'same'],
    ]);
    // The host presents the environment sorted, whatever order it was granted in.
    expect(byName.show_env!.baseline).toMatchObject({ value: '2', stdout: 'VERIFY_A=1\nVERIFY_B=2\n' });
    expect(byName.show_env!.checks.find((c) => c.perturbation === 'env-order')).toMatchObject({ status: 'same', detail: '2 granted variables in reverse order' });
    // Seeded random is part of the policy: another seed would change the roll, so it is not tried.
    const seed = byName.roll!.checks.find((c) => c.perturbation === 'seed')!;
    expect(seed.status).toBe('skipped');
    expect(seed.reason).toMatch(/^the case uses random \(wasi:random\/random#get-random-bytes ×1, 4 bytes \(virtual\)\)/);
    expect(byName.roll!.deterministic).toBe(true);
  });

  it('under the strict policy, the clock read is a policy violation in every run, so it is deterministic', async () => {
    const { report } = await verify(dir, { env, policy: 'strict', runs: 2 });
    const now = report.cases.find((c) => c.name === 'now')!;
    expect(now.baseline.outcome).toBe('policy-violation');
    expect(now.baseline.ledger).toEqual(['wasi:clocks/wall-clock#now ×1 (virtual, policy violation)']);
    expect(now.deterministic).toBe(true);
    expect(report.components[0]).toMatchObject({ verdict: 'reproducible', cause: 'byte-identical under 7 variations; 4 cases deterministic' });
  });
});
