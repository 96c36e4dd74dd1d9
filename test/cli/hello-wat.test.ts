/**
 * The starter project end to end through the CLI: upstream spec §10 cases 20–22, with guest output
 * really captured in the JSON.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot, runCli } from '../support/cli.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'hello-wat-'));
  cpSync(join(repoRoot, 'examples', 'hello-wat'), dir, { recursive: true, filter: (s) => !s.includes('.run') });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function withExpect(expect: string): void {
  const file = join(dir, 'run.toml');
  writeFileSync(file, readFileSync(join(repoRoot, 'examples', 'hello-wat', 'run.toml'), 'utf8').replace('expect = "s32:43"', `expect = ${expect}`));
}

describe('run-action test (hello-wat)', () => {
  it('passes greet_42', () => {
    withExpect('"s32:43"');
    const r = runCli(['test', '-C', dir]);
    expect(r.stdout).toBe('PASS greet_42\n\n1 passed, 0 failed\n');
    expect(r.status).toBe(0);
  });

  it('fails with a FAIL line and exit 1 when the expectation is wrong', () => {
    withExpect('"s32:44"');
    const r = runCli(['test', '-C', dir]);
    expect(r.stdout).toMatch(/^FAIL greet_42 - Expected s32 44, got s32 43\n\n0 passed, 1 failed\n$/);
    expect(r.status).toBe(1);
  });

  it.each([
    ['"43"', 0], // a bare integer is an s32 (case 21)
    ["'\"43\"'", 0], // upstream strips the quotes of "43"
    ['"u32:43"', 1], // types are compared strictly (case 21)
    ['43', 0], // TOML integer
  ])('expect = %s → exit %i', (value, status) => {
    withExpect(value);
    expect(runCli(['test', '-C', dir]).status).toBe(status);
  });

  it('names the run.toml line and column of an argument or expectation that cannot be read', () => {
    withExpect('"s32:4x3"');
    expect(runCli(['test', '-C', dir]).stdout).toMatch(/^FAIL greet_42 - run\.toml:17:10: invalid expectation: Invalid value: .*\(column 5 of 's32:4x3'\)/);
    const file = join(dir, 'run.toml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('expect = "s32:4x3"', 'expect = "s32:43"').replace('args = ["s32:42"]', 'args = ["s33:42"]'));
    const r = runCli(['test', '-C', dir]);
    expect(r.stdout).toMatch(/^FAIL greet_42 - run\.toml:16:8: Unknown value type 's33' \(column 1 of 's33:42'\)/);
    expect(r.status).toBe(1);
  });

  it('--json prints only the totals when everything passes', () => {
    withExpect('"s32:43"');
    const r = runCli(['test', '-C', dir, '--json']);
    expect(r.stdout).toBe('{"total":1,"passed":1,"failed":0}\n');
  });

  it('--json failure lines are valid JSON', () => {
    withExpect('"s32:44"');
    const lines = runCli(['test', '-C', dir, '--json']).stdout.trim().split('\n');
    expect(lines.map((l) => JSON.parse(l))).toEqual([
      expect.objectContaining({ test: 'greet_42', status: 'failed', error: 'Expected s32 44, got s32 43' }),
      { total: 1, passed: 0, failed: 1 },
    ]);
  });
});

describe('run-action exec (hello-wat)', () => {
  it('prints upstream JSON for --function/--args --json (case 20)', () => {
    const r = runCli(['exec', 'components/hello.wat', '--function', 'greet', '--args', 's32:42', '--json'], { cwd: dir });
    expect(r.stdout).toBe('{"exit_code":0,"return_value":43,"stderr":"","stdout":""}\n');
    expect(r.status).toBe(0);
  });

  it('prints upstream text lines without --json (case 20)', () => {
    const r = runCli(['exec', 'components/hello.wat', '--function', 'greet', '--args', 's32:42'], { cwd: dir });
    expect(r.stdout.split('\n')).toEqual([
      '[exec] mode=production clock=false random=false',
      `[exec] running: ${join(dir, 'components', 'hello.wat')}`,
      '[exec] return: 43',
      '[exec] completed (exit=0)',
      '',
    ]);
  });

  it('resolves a component name from run.toml, with a bare integer argument (case 20)', () => {
    const r = runCli(['exec', 'hello', '--function', 'greet', '--args', '41', '-C', dir]);
    expect(r.stdout).toContain('[exec] return: 42');
  });

  it('--call takes a WAVE call and prints the WAVE result', () => {
    const r = runCli(['exec', 'hello', '--call', 'greet(-5)', '-C', dir]);
    expect(r.stdout).toBe('-4\n');
    expect(r.status).toBe(0);
  });

  it('refuses --args without --function (case 22)', () => {
    const r = runCli(['exec', 'components/hello.wat', '--args', 's32:1'], { cwd: dir });
    expect(r.stderr).toContain('Error: --args requires --function');
    expect(r.status).toBe(1);
  });

  it('names the component and suggests one for an unknown target', () => {
    const r = runCli(['exec', 'helo', '--call', 'greet(1)', '-C', dir]);
    expect(r.stderr).toContain("Error: Component not found: helo\n  hint: did you mean 'hello'?");
    expect(r.status).toBe(1);
  });

  it('gives a located error for a bad argument, without a stack trace', () => {
    const r = runCli(['exec', 'hello', '--call', 'greet("x")', '-C', dir]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^Error: /);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('a WAT syntax error', () => {
  it('is reported at the file, line and column of the .wat source', () => {
    const bad = mkdtempSync(join(tmpdir(), 'bad-wat-'));
    writeFileSync(join(bad, 'bad.wat'), '(component\n  (core module (func (bogus))))\n');
    const r = runCli(['exec', 'bad.wat', '--call', 'f()'], { cwd: bad });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`Error: ${join(bad, 'bad.wat')}:2:23: cannot compile`);
    rmSync(bad, { recursive: true, force: true });
  });
});

describe('exec of a component whose entry point is a top-level run export', () => {
  it('takes the exit code from its s32 result (upstream case 18)', () => {
    const d = mkdtempSync(join(tmpdir(), 'run-export-'));
    writeFileSync(
      join(d, 'seven.wat'),
      `(component
  (core module $m (func (export "run") (result i32) i32.const 7))
  (core instance $i (instantiate $m))
  (func $run (result s32) (canon lift (core func $i "run")))
  (export "run" (func $run)))
`,
    );
    const r = runCli(['exec', 'seven.wat', '--json'], { cwd: d });
    expect(r.stdout).toBe('{"exit_code":7,"return_value":7,"stderr":"","stdout":""}\n');
    expect(r.status).toBe(7);
    rmSync(d, { recursive: true, force: true });
  });
});
