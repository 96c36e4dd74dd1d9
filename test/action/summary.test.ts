/**
 * What a red check shows on GitHub: the job summary's columns (size, language, tests passed and
 * failed, nondeterministic-import ledger, publish) and the annotations — a failing test and a
 * run.toml warning placed on their file and line, relative to the repository root, for a project in
 * a subdirectory of the workspace; and the ledger column filled by a component whose tests read the
 * clocks under a granted `clock` capability. Runs the sources (src/action).
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../support/cli.js';
import { runAction, type ActionRun } from '../support/action.js';

describe('the action on a project with a failing test, in a subdirectory', () => {
  let scratch: string;
  let toml: string;
  let r: ActionRun;
  const lineOf = (prefix: string) => toml.split('\n').findIndex((l) => l.startsWith(prefix)) + 1;

  beforeAll(async () => {
    scratch = mkdtempSync(join(tmpdir(), 'run-action-gh-summary-'));
    const workspace = join(scratch, 'repo');
    mkdirSync(workspace);
    const dir = join(workspace, 'app');
    cpSync(join(repoRoot, 'examples', 'hello-wat'), dir, { recursive: true, filter: (s) => !/[\\/](target|\.run)$/.test(s) });
    toml = `${readFileSync(join(dir, 'run.toml'), 'utf8')}
[tests.greet_wrong]
component = "hello"
function = "greet"
args = ["s32:1"]
expect = "s32:3"

[extras]
note = "not a Run 2.0 section"
`;
    writeFileSync(join(dir, 'run.toml'), toml);
    r = await runAction('main', workspace, { 'working-directory': 'app' }, { name: 'pull_request', ref: 'refs/pull/7/merge' }, { entry: 'src' });
  });
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it('fails, with the counts as outputs', () => {
    expect(r.status).toBe(1);
    expect(r.outputs['tests-passed']).toBe('1');
    expect(r.outputs['tests-failed']).toBe('1');
    expect(r.outputs['cache-hit']).toBe('true'); // nothing is locked: nothing had to be installed
    expect(r.outputs.toolchains).toBeUndefined();
  });

  it('annotates the failing test on its table in run.toml, relative to the workspace', () => {
    const line = lineOf('[tests.greet_wrong]');
    expect(line).toBeGreaterThan(0);
    expect(r.stdout).toMatch(new RegExp(`^::error title=test greet_wrong,file=app/run\\.toml,line=${line}(,col=\\d+)?::test greet_wrong failed: Expected s32 3, got s32 2$`, 'm'));
    expect(r.stdout).not.toMatch(/^::error title=test greet_42/m);
  });

  it('annotates what the core logs (a run.toml warning, the failed stage) relative to the workspace too', () => {
    expect(r.stdout).toMatch(/^::error file=app\/run\.toml::1 test\(s\) failed: greet_wrong$/m);
    expect(r.stdout).toMatch(new RegExp(`^::warning file=app/run\\.toml,line=${lineOf('[extras]')}(,col=\\d+)?::unknown section \\[extras\\] is ignored`, 'm'));
    expect(r.stdout).not.toContain(`file=${scratch}`);
  });

  it('writes the job summary: size, language, tests, ledger and publish columns, and the failures', () => {
    const components = JSON.parse(r.outputs.components!) as Record<string, { digest: string; size: number }>;
    expect(r.summary).toContain('run-action: hello 0.1.0 — ❌ failed');
    const header = ['component', 'sha256', 'size', 'language', 'reproducible', 'tests', 'nondeterministic imports', 'publish'];
    expect(r.summary).toContain(`<tr>${header.map((h) => `<th>${h}</th>`).join('')}</tr>`);
    // verify does not run after a failed test stage: the verdict is a dash.
    const row = ['hello', `<code>${components.hello!.digest.slice(0, 12)}</code>`, '169 B', 'wat', '—', '1/2', '—', '—'];
    expect(r.summary).toContain(`<tr>${row.map((c) => `<td>${c}</td>`).join('')}</tr>`);
    expect(r.summary).toContain('<p><b>1 passed, 1 failed</b></p>');
    expect(r.summary).toContain('<h3>Failed tests</h3>');
    expect(r.summary).toContain('<tr><td>greet_wrong</td><td>Expected s32 3, got s32 2</td></tr>');
  });
});

/** now() = the wall clock's seconds, after one monotonic-clock read: two nondeterministic imports per call. */
const CLOCK_WAT = `(component
  (import "wasi:clocks/wall-clock@0.2.0" (instance $wall
    (type $dt (record (field "seconds" u64) (field "nanoseconds" u32)))
    (export "datetime" (type $datetime (eq $dt)))
    (export "now" (func (result $datetime)))))
  (import "wasi:clocks/monotonic-clock@0.2.0" (instance $mono (export "now" (func (result u64)))))
  (core module $memory (memory (export "mem") 1))
  (core instance $memory (instantiate $memory))
  (core func $wall-now (canon lower (func $wall "now") (memory (core memory $memory "mem"))))
  (core func $mono-now (canon lower (func $mono "now")))
  (core module $m
    (import "host" "mem" (memory 1))
    (import "host" "wall-now" (func $wall-now (param i32)))
    (import "host" "mono-now" (func $mono-now (result i64)))
    (func (export "now") (result i64)
      (drop (call $mono-now))
      (call $wall-now (i32.const 0))
      (i64.load (i32.const 0))))
  (core instance $i (instantiate $m (with "host" (instance
    (export "mem" (memory $memory "mem"))
    (export "wall-now" (func $wall-now))
    (export "mono-now" (func $mono-now))))))
  (func (export "now") (result u64) (canon lift (core func $i "now"))))
`;

describe('the action on a component whose tests read the clocks under a granted `clock`', () => {
  let scratch: string;
  let r: ActionRun;

  beforeAll(async () => {
    scratch = mkdtempSync(join(tmpdir(), 'run-action-gh-ledger-'));
    const dir = join(scratch, 'clock');
    mkdirSync(join(dir, 'components'), { recursive: true });
    writeFileSync(join(dir, 'components', 'clock.wat'), CLOCK_WAT);
    const test = (name: string) => `[tests.${name}]\ncomponent = "clock"\nfunction = "now"\nexpect = "u64:1700000000"\n\n`;
    writeFileSync(
      join(dir, 'run.toml'),
      `[project]\nname = "clock"\nversion = "0.1.0"\n\n[build]\nsource_date_epoch = 1700000000\n\n` +
        `[components.clock]\nsource = "components/clock.wat"\nlanguage = "wat"\ncapabilities = ["clock"]\n\n` +
        test('now_at_epoch') + test('now_again'),
    );
    // verify is not among the steps: this case is about the test stage's ledger.
    r = await runAction('main', dir, { steps: 'setup,build,test' }, { name: 'push', ref: 'refs/heads/main' }, { entry: 'src' });
  });
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it('passes: the virtual wall clock stands at SOURCE_DATE_EPOCH', () => {
    expect(r.status).toBe(0);
    expect(r.outputs['tests-passed']).toBe('2');
    expect(r.outputs['tests-failed']).toBe('0');
  });

  it('lists each clock import the tests used, with its count summed over the tests, in first-use order', () => {
    const { digest, size } = (JSON.parse(r.outputs.components!) as Record<string, { digest: string; size: number }>).clock!;
    const ledger = 'wasi:clocks/monotonic-clock#now×2<br>wasi:clocks/wall-clock#now×2';
    const row = ['clock', `<code>${digest.slice(0, 12)}</code>`, `${size} B`, 'wat', '—', '2/2', ledger, '—'];
    expect(r.summary).toContain('run-action: clock 0.1.0 — ✅ passed');
    expect(r.summary).toContain(`<tr>${row.map((c) => `<td>${c}</td>`).join('')}</tr>`);
  });
});
