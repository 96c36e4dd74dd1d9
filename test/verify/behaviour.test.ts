/**
 * Behavioural determinism on a C reactor (clang + wasi-libc) whose exports read the wall clock,
 * print the granted environment and draw random bytes: under the `virtual` policy the shifted
 * virtual epoch catches the clock reader and names it; the policy's sorted environment survives
 * the reversed order; a case that uses random is not given another seed; under `strict` the clock
 * read is a policy violation, the same in every run. A command no test names is run by its entry
 * point, as `exec` runs it; one whose only difference under a perturbation is the host calls it
 * makes (the ledger) is caught and shown by that alone.
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

const HELLO_MAIN = `#include <stdio.h>
int main(void) { printf("hello from main\\n"); fprintf(stderr, "to stderr\\n"); return 1; }
`;

/** Prints the same line whatever the date, but asks the clock again after 1971: only its host calls differ. */
const PEEKER_MAIN = `#include <stdio.h>
#include <time.h>
int main(void) {
  time_t t = time(NULL);
  if (t > 365 * 86400) t = time(NULL);
  printf("%s\\n", t >= 0 ? "peeked" : "never");
  return 0;
}
`;

describe.skipIf(noClang)('verify: commands no test names', () => {
  it('runs each by its entry point, as exec does, and reports a difference only in the host calls it makes', async () => {
    const dir = project({
      'run.toml': `[project]\nname = "commands"\n\n[components.hello]\npath = "hello.wasm"\n\n[components.peeker]\npath = "peeker.wasm"\n`,
    });
    writeFileSync(join(dir, 'hello.wasm'), await cComponent(HELLO_MAIN));
    writeFileSync(join(dir, 'peeker.wasm'), await cComponent(PEEKER_MAIN));
    const { report } = await verify(dir, { policy: 'virtual', runs: 2 });
    const [hello, peeker] = report.cases;

    expect(hello).toMatchObject({ name: 'exec:hello', component: 'hello', kind: 'exec', call: '(entry point)', deterministic: true, changedBy: [] });
    expect(hello!.baseline).toEqual({ outcome: 'exit', exitCode: 1, message: 'exit: the guest exited with code 1', stdout: 'hello from main\n', stderr: 'to stderr\n', ledger: [] });
    expect(hello!.checks.map((c) => [c.perturbation, c.status])).toEqual([
      ['repeat', 'same'],
      ['wall-clock', 'same'],
      ['seed', 'same'],
      ['env-order', 'skipped'],
    ]);
    expect(report.components[0]).toMatchObject({ name: 'hello', verdict: 'reproducible', cases: ['exec:hello'] });

    // Same exit code and output in every run; under the shifted epoch it reads the clock twice.
    expect(peeker).toMatchObject({ name: 'exec:peeker', kind: 'exec', deterministic: false });
    expect(peeker!.baseline).toMatchObject({ outcome: 'ok', exitCode: 0, stdout: 'peeked\n', ledger: ['wasi:clocks/wall-clock#now ×1 (virtual)'] });
    expect(peeker!.checks.find((c) => c.perturbation === 'repeat')!.status).toBe('same');
    expect(peeker!.checks.find((c) => c.perturbation === 'wall-clock')).toMatchObject({
      status: 'changed',
      changes: [{ field: 'ledger', a: 'wasi:clocks/wall-clock#now ×1 (virtual)', b: 'wasi:clocks/wall-clock#now ×2 (virtual)' }],
    });
    expect(peeker!.changedBy).toEqual(['wall clock (virtual epoch) perturbed: output changed (ledger)']);
    expect(report.components[1]).toMatchObject({ name: 'peeker', verdict: 'not reproducible', cause: 'case exec:peeker: wall clock (virtual epoch) perturbed: output changed (ledger)' });
    expect(report.ok).toBe(false);

    const text = formatVerifyReport(report);
    expect(text).toContain('    exec:hello   (hello)   (entry point)  deterministic (4 runs alike), ends exit\n    exec:peeker  (peeker)  (entry point)  wall clock (virtual epoch) perturbed: output changed (ledger)\n');
    expect(text).toContain(`    exec:peeker: wall clock (virtual epoch) (virtual epoch 0 → ${EPOCH_SHIFT_SECONDS}):\n      ledger: first run "wasi:clocks/wall-clock#now ×1 (virtual)" → this run "wasi:clocks/wall-clock#now ×2 (virtual)"`);
  });
});
