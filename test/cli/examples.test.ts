/**
 * Every bundled example as a user runs it: `run-action build`, then `run-action test`, through the
 * CLI, in a fresh copy (no target/, no .run/). Each needs its toolchain (clang + wasi-libc, Debian's
 * rustc with the wasm32-wasi std, Go, componentize-py, componentize-js): skipped with the reason on a
 * bare laptop, required in CI.
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot, runCli } from '../support/cli.js';
import { needTool } from '../support/toolchain.js';

const examples: Array<[string, string | false]> = [
  ['hello-wat', false],
  ['hello-c', needTool('clang', ['--version'])],
  ['hello-rust', needTool('/usr/bin/rustc', ['--print', 'target-libdir', '--target', 'wasm32-wasi'])],
  ['hello-go', needTool('go', ['version'])],
  ['calculator-py', needTool('componentize-py', ['--version'])],
  ['calculator-js', false],
  ['calculator-ts', false],
  ['compose-app', false],
];

const scratch = mkdtempSync(join(tmpdir(), 'examples-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe.each(examples)('examples/%s', (name, missing) => {
  it.skipIf(missing)('builds, then passes its tests under the default policy', () => {
    const dir = join(scratch, name);
    cpSync(join(repoRoot, 'examples', name), dir, { recursive: true, filter: (s) => !/[\\/](target|\.run|node_modules|__pycache__)$/.test(s) });
    const build = runCli(['build', '-C', dir]);
    expect(build.stderr + build.stdout).toContain('Build complete');
    expect(build.status).toBe(0);
    const test = runCli(['test', '-C', dir]);
    expect(test.stdout).toMatch(/\n\d+ passed, 0 failed\n$/);
    expect(test.stdout).not.toContain('FAIL');
    expect(test.status).toBe(0);
  });
});
