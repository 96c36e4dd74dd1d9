/**
 * `test` semantics beyond the starter project, on a C reactor (clang + wasi-libc) whose exports
 * print, trap, exit and return: expect_stdout, expect_error, expect_exit, discovery of test_* exports, the documented
 * dialect ([[test]] with `expected`), a strict-policy violation, plus `info` and a C command's
 * exit code and captured output through `exec`. Exit codes other than 0 and 1 (which the C adapter
 * cannot produce) come from a WAT component calling wasi:cli/exit#exit-with-code.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cComponent, watComponent } from '../support/fixtures.js';
import { needTool } from '../support/toolchain.js';
import { runCli } from '../support/cli.js';

const noClang = needTool('clang', ['--version']);

const WIT = `package test:reactor;
world reactor {
  export greet: func() -> s32;
  export now: func() -> s64;
  export test-pass: func();
  export test-trap: func();
  export quit: func(code: s32);
}`;

const REACTOR = `#include <stdio.h>
#include <stdlib.h>
#include <time.h>
__attribute__((export_name("greet"))) int greet(void) { printf("hi from C\\n"); fflush(stdout); return 7; }
__attribute__((export_name("now"))) long long now(void) { return (long long)time(NULL); }
__attribute__((export_name("test-pass"))) void test_pass(void) {}
__attribute__((export_name("test-trap"))) void test_trap(void) { __builtin_trap(); }
__attribute__((export_name("quit"))) void quit(int code) { exit(code); }
`;

const COMMAND = `#include <stdio.h>
#include <stdlib.h>
int main(int argc, char **argv) {
  printf("argc=%d first=%s\\n", argc, argc > 1 ? argv[1] : "-");
  fprintf(stderr, "to stderr\\n");
  return argc > 2 ? 3 : 0;
}`;

let dir: string;
beforeAll(async () => {
  if (noClang) return;
  dir = mkdtempSync(join(tmpdir(), 'test-command-'));
  writeFileSync(join(dir, 'reactor.wasm'), await cComponent(REACTOR, { reactor: true, wit: { source: WIT, world: 'reactor' } }));
  writeFileSync(join(dir, 'command.wasm'), await cComponent(COMMAND));
});
afterAll(() => dir && rmSync(dir, { recursive: true, force: true }));

const project = (body: string) => writeFileSync(join(dir, 'run.toml'), `[project]\nname = "t"\nversion = "0.1.0"\n\n[components.r]\npath = "reactor.wasm"\n\n${body}`);

describe.skipIf(noClang)('run-action test on a C reactor', () => {
  it('judges expect, expect_stdout and expect_error, and fails an expect_error test whose call succeeds', () => {
    project(`[tests.greets]
component = "r"
function = "greet"
expect = "7"
expect_stdout = "hi from C\\n"

[tests.wrong_stdout]
component = "r"
function = "greet"
expect_stdout = "bye\\n"

[tests.traps]
component = "r"
function = "test-trap"
expect_error = "execution failed"

[tests.does_not_trap]
component = "r"
function = "test-pass"
expect_error = "unreachable"
`);
    const r = runCli(['test', '-C', dir]);
    expect(r.stdout.split('\n')).toEqual([
      'PASS greets',
      'FAIL wrong_stdout - Expected stdout "bye\\n", got "hi from C\\n"',
      'PASS traps',
      "FAIL does_not_trap - Expected error containing 'unreachable', but the call succeeded",
      '',
      '2 passed, 2 failed',
      '',
    ]);
    expect(r.status).toBe(1);
  });

  it('judges expect_exit against the code a function exits with', () => {
    const quit = (name: string, code: number, expectExit?: number) =>
      `[tests.${name}]\ncomponent = "r"\nfunction = "quit"\nargs = ["${code}"]\n${expectExit === undefined ? '' : `expect_exit = ${expectExit}\n`}\n`;
    project(quit('exits_1_as_expected', 1, 1) + quit('exits_1_expected_0', 1, 0) + quit('exits_0_as_expected', 0, 0) + quit('exits_1_unexpected', 1));
    const r = runCli(['test', '-C', dir]);
    expect(r.stdout.split('\n')).toEqual([
      'PASS exits_1_as_expected',
      'FAIL exits_1_expected_0 - Expected exit 0, got 1',
      'PASS exits_0_as_expected',
      'FAIL exits_1_unexpected - Component execution failed: r - exit: the guest exited with code 1',
      '',
      '2 passed, 2 failed',
      '',
    ]);
    expect(r.status).toBe(1);
  });

  it('fails expect_exit = 1 on a function that returns (exit code 0)', () => {
    project(`[tests.returns]\ncomponent = "r"\nfunction = "greet"\nexpect_exit = 1\n`);
    expect(runCli(['test', '-C', dir]).stdout).toBe('FAIL returns - Expected exit 1, got 0\n\n0 passed, 1 failed\n');
  });

  it('discovers test_* exports when no test is declared', () => {
    project('');
    const r = runCli(['test', '-C', dir]);
    expect(r.stdout).toMatch(/^PASS r::test-pass\nFAIL r::test-trap - Component execution failed: r - trap: .*unreachable.*\n\n1 passed, 1 failed\n$/);
  });

  it('reads the documented dialect ([[component]], [[test]] with expected)', () => {
    writeFileSync(join(dir, 'run.toml'), `[package]\nname = "t"\nversion = "0.1.0"\n\n[[component]]\nname = "r"\npath = "reactor.wasm"\n\n[[test]]\nname = "greets"\ncomponent = "r"\nfunction = "greet"\nexpected = "s32:7"\n`);
    expect(runCli(['test', '-C', dir]).stdout).toBe('PASS greets\n\n1 passed, 0 failed\n');
  });

  it('fails a wall-clock read under strict by name, and passes it under virtual at SOURCE_DATE_EPOCH', () => {
    project(`[build]\nsource_date_epoch = 1700000000\n\n[tests.clock]\ncomponent = "r"\nfunction = "now"\nexpect = "1700000000"\n`);
    const strict = runCli(['test', '-C', dir]);
    expect(strict.stdout).toContain('FAIL clock - Component execution failed: r - policy-violation: wasi:clocks/wall-clock#now');
    const virtual = runCli(['test', '-C', dir, '--policy', 'virtual']);
    expect(virtual.stdout).toBe('PASS clock\n\n1 passed, 0 failed\n');
  });

  it('info prints the WIT world', () => {
    const r = runCli(['info', join(dir, 'reactor.wasm')]);
    expect(r.stdout).toContain('Type: WASI component');
    expect(r.stdout).toContain('export greet: func() -> s32;');
    expect(r.stdout).toMatch(/import wasi:cli\/stdout@0\.2\.\d+;/);
  });

  it('exec runs a command with its arguments, captures its output and returns its exit status', () => {
    const ok = runCli(['exec', 'command.wasm', '--json', '--', 'one'], { cwd: dir });
    expect(JSON.parse(ok.stdout)).toEqual({ exit_code: 0, return_value: null, stderr: 'to stderr\n', stdout: 'argc=2 first=one\n' });
    const failing = runCli(['exec', 'command.wasm', '--', 'one', 'two'], { cwd: dir });
    // jco's preview1 adapter maps every non-zero status to exit(err), i.e. 1.
    expect(failing.status).toBe(1);
    expect(failing.stdout).toContain('argc=3 first=one');
  });
});

/** `quit(code)` and `wasi:cli/run` both end in wasi:cli/exit#exit-with-code (run with 3). */
const EXIT_WITH_CODE = `(component
  (import "wasi:cli/exit@0.2.12" (instance $exit (export "exit-with-code" (func (param "status-code" u8)))))
  (core func $exit-with-code (canon lower (func $exit "exit-with-code")))
  (core module $m
    (import "host" "exit-with-code" (func $exit (param i32)))
    (func (export "quit") (param i32) (call $exit (local.get 0)))
    (func (export "run") (result i32) (call $exit (i32.const 3)) (i32.const 0)))
  (core instance $i (instantiate $m (with "host" (instance (export "exit-with-code" (func $exit-with-code))))))
  (func (export "quit") (param "code" u8) (canon lift (core func $i "quit")))
  (type $run-result (result))
  (func $run (result $run-result) (canon lift (core func $i "run")))
  (instance $run-instance (export "run" (func $run)))
  (export "wasi:cli/run@0.2.12" (instance $run-instance))
)`;

describe('exit codes beyond 0 and 1 (WAT, wasi:cli/exit#exit-with-code)', () => {
  let exitDir: string;
  beforeAll(async () => {
    exitDir = mkdtempSync(join(tmpdir(), 'test-command-exit-'));
    writeFileSync(join(exitDir, 'exit.wasm'), await watComponent(EXIT_WITH_CODE));
  });
  afterAll(() => rmSync(exitDir, { recursive: true, force: true }));

  it('judges expect_exit against the exact code', () => {
    const quit = (name: string, code: number, expectExit?: number) =>
      `[tests.${name}]\ncomponent = "x"\nfunction = "quit"\nargs = ["${code}"]\n${expectExit === undefined ? '' : `expect_exit = ${expectExit}\n`}\n`;
    writeFileSync(
      join(exitDir, 'run.toml'),
      `[project]\nname = "x"\nversion = "0.1.0"\n\n[components.x]\npath = "exit.wasm"\n\n` +
        quit('exits_3_as_expected', 3, 3) + quit('exits_3_expected_0', 3, 0) + quit('exits_3_expected_1', 3, 1) + quit('exits_0_expected_3', 0, 3) + quit('exits_3_unexpected', 3),
    );
    const r = runCli(['test', '-C', exitDir]);
    expect(r.stdout.split('\n')).toEqual([
      'PASS exits_3_as_expected',
      'FAIL exits_3_expected_0 - Expected exit 0, got 3',
      'FAIL exits_3_expected_1 - Expected exit 1, got 3',
      'FAIL exits_0_expected_3 - Expected exit 3, got 0',
      'FAIL exits_3_unexpected - Component execution failed: x - exit: the guest exited with code 3',
      '',
      '1 passed, 4 failed',
      '',
    ]);
    expect(r.status).toBe(1);
  });

  it('exec reports exit code 3 as its own exit status, for the CLI entry point and for a call', () => {
    const run = runCli(['exec', 'exit.wasm'], { cwd: exitDir });
    expect(run.stdout).toContain('[exec] completed (exit=3)');
    expect(run.status).toBe(3);
    const call = runCli(['exec', 'exit.wasm', '--call', 'quit(3)', '--json'], { cwd: exitDir });
    expect(JSON.parse(call.stdout)).toEqual({ exit_code: 3, return_value: null, stderr: '', stdout: '' });
    expect(call.status).toBe(3);
  });
});
