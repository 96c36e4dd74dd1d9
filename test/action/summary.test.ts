/**
 * What a red check shows on GitHub: the job summary's columns (size, language, tests passed and
 * failed, nondeterministic-import ledger, publish) and the annotations — a failing test and a
 * run.toml warning placed on their file and line, relative to the repository root, for a project in
 * a subdirectory of the workspace. Runs the sources (src/action).
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
