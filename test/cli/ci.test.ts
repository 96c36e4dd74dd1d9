/**
 * `run-action ci` on the starter project, and the promise it makes: the same verdicts as the action.
 * The CLI (from source) and dist/action.js each run on their own identical copy of hello-wat, passing
 * and with one expectation broken, and their components, digests, test counts and reproducible
 * verdict are compared. Then `run-action publish` through the CLI's real prove function: a failed
 * test leaves every component unproven, so nothing reaches the loopback registry.
 */
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PipelineReport } from '../../src/core/pipeline/ci.js';
import { repoRoot, runCliAsync, type CliResult } from '../support/cli.js';
import { runAction, type ActionRun } from '../support/action.js';
import { startRegistryServer, type RegistryServer } from '../support/registry-server.js';

const FAILURE = 'Expected s32 44, got s32 43';

let scratch: string;
let registry: RegistryServer;
beforeAll(async () => {
  scratch = mkdtempSync(join(tmpdir(), 'run-action-ci-'));
  registry = await startRegistryServer({ dataDir: join(scratch, 'registry') });
});
afterAll(async () => {
  await registry.close();
  rmSync(scratch, { recursive: true, force: true });
});

/** A fresh copy of hello-wat (no outputs or caches), optionally with its greet_42 expectation replaced. */
function project(name: string, expectation = '"s32:43"'): string {
  const dir = join(scratch, name);
  cpSync(join(repoRoot, 'examples', 'hello-wat'), dir, { recursive: true, filter: (s) => !/[\\/](target|\.run)$/.test(s) });
  const toml = join(dir, 'run.toml');
  writeFileSync(toml, readFileSync(toml, 'utf8').replace('expect = "s32:43"', `expect = ${expectation}`));
  return dir;
}

const cli = (args: string[]) => runCliAsync(args);

/** dist/action.js on a pull request, as GitHub runs it. */
const action = (dir: string): Promise<ActionRun> => runAction('main', dir, { 'working-directory': '.' }, { name: 'pull_request', ref: 'refs/pull/7/merge' });

const sha256Of = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
const stagesOf = (r: PipelineReport) => r.stages.map((s) => [s.stage, s.status, s.reason]);
/** What the action's `components` output and the CLI's report share: everything but the copy's path. */
const described = (components: Record<string, { digest: string; size: number; language?: string }>) =>
  Object.fromEntries(Object.entries(components).map(([name, c]) => [name, { digest: c.digest, size: c.size, language: c.language }]));

describe('run-action ci on hello-wat', () => {
  let json: CliResult;
  let human: CliResult;
  let gh: ActionRun;
  let report: PipelineReport;
  let jsonDir: string;
  beforeAll(async () => {
    jsonDir = project('pass-json');
    [json, human, gh] = await Promise.all([cli(['ci', '--json', '-C', jsonDir]), cli(['ci', '-C', project('pass-human')]), action(project('pass-action'))]);
    report = JSON.parse(json.stdout) as PipelineReport;
  });

  it('--json reports each stage, the built component with its digest, the tests and the verdict', () => {
    expect(json.status).toBe(0);
    expect(stagesOf(report)).toEqual([
      ['setup', 'skipped', 'no toolchains are locked in run.lock.toml'],
      ['build', 'ok', undefined],
      ['test', 'ok', undefined],
      ['verify', 'ok', undefined],
    ]);
    expect(report.components.hello).toEqual({ digest: sha256Of(join(jsonDir, 'target', 'wasm', 'hello.wasm')), size: 169, path: join(jsonDir, 'target', 'wasm', 'hello.wasm'), language: 'wat' });
    expect(report.tests).toMatchObject({ passed: 1, failed: 0, results: [expect.objectContaining({ name: 'greet_42', component: 'hello', passed: true, value: '43' })] });
    expect(report.verify?.components).toEqual([expect.objectContaining({ name: 'hello', digest: report.components.hello!.digest, verdict: 'reproducible' })]);
    expect(report.reproducible).toBe(true);
    expect(report.published).toEqual([]);
    expect(report.ok).toBe(true);
  });

  it('shows progress per stage, then a line per stage, the component and the totals', () => {
    expect(human.status).toBe(0);
    const starts = ['setup', 'build', 'test', 'verify'].map((s) => human.stderr.indexOf(`▸ ${s}\n`));
    expect(starts.every((at) => at >= 0)).toBe(true);
    expect([...starts].sort((a, b) => a - b)).toEqual(starts);
    const lines = human.stdout.split('\n');
    expect(lines[0]).toBe('PASS greet_42');
    expect(lines).toContainEqual(expect.stringMatching(/^setup {4}skipped — no toolchains are locked in run\.lock\.toml \(\d+ ms\)$/));
    for (const s of ['build', 'test', 'verify']) expect(lines).toContainEqual(expect.stringMatching(new RegExp(`^${s} +ok \\(\\d+ ms\\)$`)));
    expect(lines).toContainEqual(expect.stringMatching(new RegExp(`^hello +${report.components.hello!.digest.slice(0, 16)}… 169 bytes wat — reproducible: byte-identical`)));
    expect(lines.at(-2)).toBe('1 passed, 0 failed');
  });

  it('reaches the same verdicts as the action on an identical copy', () => {
    expect(gh.status).toBe(0);
    expect(gh.stdout).toContain('PASS greet_42');
    expect(described(JSON.parse(gh.outputs.components!) as PipelineReport['components'])).toEqual(described(report.components));
    expect([gh.outputs['tests-passed'], gh.outputs['tests-failed']]).toEqual([String(report.tests.passed), String(report.tests.failed)]);
    expect(gh.outputs.reproducible).toBe(String(report.reproducible));
  });
});

describe('run-action ci with a failing test', () => {
  let json: CliResult;
  let human: CliResult;
  let gh: ActionRun;
  let report: PipelineReport;
  beforeAll(async () => {
    [json, human, gh] = await Promise.all([cli(['ci', '--json', '-C', project('fail-json', '"s32:44"')]), cli(['ci', '-C', project('fail-human', '"s32:44"')]), action(project('fail-action', '"s32:44"'))]);
    report = JSON.parse(json.stdout) as PipelineReport;
  });

  it('--json exits 1, names the failing test and reports verify as not reached', () => {
    expect(json.status).toBe(1);
    expect(stagesOf(report)).toEqual([
      ['setup', 'skipped', 'no toolchains are locked in run.lock.toml'],
      ['build', 'ok', undefined],
      ['test', 'failed', '1 test(s) failed: greet_42'],
      ['verify', 'skipped', 'an earlier step failed'],
    ]);
    expect(report.tests).toMatchObject({ passed: 0, failed: 1, results: [expect.objectContaining({ name: 'greet_42', passed: false, reason: FAILURE })] });
    expect(report.verify).toBeUndefined();
    expect(report.reproducible).toBeUndefined();
    expect(report.ok).toBe(false);
  });

  it('prints the FAIL line, the skipped stage and the error, and never starts verify', () => {
    expect(human.status).toBe(1);
    const lines = human.stdout.split('\n');
    expect(lines[0]).toBe(`FAIL greet_42 - ${FAILURE}`);
    expect(lines).toContainEqual(expect.stringMatching(/^test +failed — 1 test\(s\) failed: greet_42 \(\d+ ms\)$/));
    expect(lines).toContain('verify   skipped — an earlier step failed (0 ms)');
    expect(lines.at(-2)).toBe('0 passed, 1 failed');
    expect(human.stderr).toContain(`error: ${join(scratch, 'fail-human', 'run.toml')}: 1 test(s) failed: greet_42`);
    expect(human.stderr).not.toContain('▸ verify');
    expect(human.stderr).not.toMatch(/\n\s+at /);
  });

  it('reaches the same verdicts as the action, which annotates the failing test', () => {
    expect(gh.status).toBe(1);
    expect(gh.stdout).toMatch(/::error title=test greet_42,file=run\.toml,line=\d+,col=\d+::test greet_42 failed: Expected s32 44, got s32 43/);
    expect(described(JSON.parse(gh.outputs.components!) as PipelineReport['components'])).toEqual(described(report.components));
    expect([gh.outputs['tests-passed'], gh.outputs['tests-failed']]).toEqual([String(report.tests.passed), String(report.tests.failed)]);
    // Verify never ran: neither side has a reproducible verdict.
    expect(gh.outputs.reproducible).toBeUndefined();
  });
});

describe('run-action publish proves what it publishes', () => {
  /** hello-wat plus a second component `twin` (greet = n + 2) with its own passing test. */
  function twoComponents(name: string, helloExpectation: string): string {
    const dir = project(name, helloExpectation);
    writeFileSync(join(dir, 'components', 'twin.wat'), readFileSync(join(dir, 'components', 'hello.wat'), 'utf8').replace('i32.const 1', 'i32.const 2'));
    const twin = '\n[components.twin]\nsource = "components/twin.wat"\nlanguage = "wat"\n\n[tests.twin_1]\ncomponent = "twin"\nfunction = "greet"\nargs = ["s32:1"]\nexpect = "s32:3"\n';
    writeFileSync(join(dir, 'run.toml'), readFileSync(join(dir, 'run.toml'), 'utf8') + twin);
    return dir;
  }
  const publish = (dir: string) => cli(['publish', '--dry-run', '--ref', 'refs/tags/v0.1.0', '--registry-url', registry.url, '-C', dir]);

  it('a dry run of a proven project would publish both components and uploads nothing', async () => {
    const dir = twoComponents('publish-proven', '"s32:43"');
    const before = registry.requests.length;
    const r = await publish(dir);
    expect(r.stderr).not.toContain('refusing');
    expect(r.status).toBe(0);
    expect(r.stdout.split('\n').filter(Boolean)).toEqual([
      `would-publish hello:hello@0.1.0 sha256:${sha256Of(join(dir, 'target', 'wasm', 'hello.wasm'))} 169 bytes`,
      `would-publish hello:twin@0.1.0 sha256:${sha256Of(join(dir, 'target', 'wasm', 'twin.wasm'))} 169 bytes`,
    ]);
    expect(registry.requests.slice(before).every((q) => q.method === 'GET')).toBe(true);
    expect(registry.created).toBe(0);
  });

  it('refuses every component when one component’s test fails (verify never ran), before any request', async () => {
    const before = registry.requests.length;
    const r = await publish(twoComponents('publish-unproven', '"s32:44"'));
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(
      'Error: refusing to publish: hello did not pass its tests in this run; hello was not verified in this run; ' +
        'twin did not pass its tests in this run; twin was not verified in this run\n' +
        '  hint: only components built, tested and verified in the same run are published; fix the failing check first\n',
    );
    expect(r.stderr).not.toMatch(/was not built|\n\s+at /);
    expect(r.stdout).toBe('');
    expect(registry.requests.length).toBe(before);
    expect(registry.created).toBe(0);
  });
});
