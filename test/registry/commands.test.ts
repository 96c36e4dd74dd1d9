/** The publish, install and verify-lock CLI commands on real projects (run.toml on disk) and the loopback registry. */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ParsedArgs } from '../../src/cli/command.js';
import { installCommand } from '../../src/cli/commands/install.js';
import { createPublishCommand, type ProveComponents } from '../../src/cli/commands/publish.js';
import { verifyLockCommand } from '../../src/cli/commands/verify-lock.js';
import { RegistryClient } from '../../src/core/registry/client.js';
import { LockfileChecksumError, NotOnTagError, TagVersionMismatchError, UnprovenComponentError } from '../../src/core/registry/errors.js';
import type { RegistryServer } from '../support/registry-server.js';
import { calcComponent, startServer, tempDir, TOKENS } from './helpers.js';
import { recordingLogger } from '../support/logger.js';

async function project(s: RegistryServer, body: string, version = '1.0.0'): Promise<string> {
  const dir = tempDir('cli-project-');
  writeFileSync(join(dir, 'calc.wasm'), await calcComponent('add'));
  writeFileSync(join(dir, 'run.toml'), `[project]\nname = "acme"\nversion = "${version}"\n\n[registry]\nurl = "${s.url}"\n\n${body}`);
  return dir;
}

function run(cmd: { run: (a: ParsedArgs, c: never) => Promise<number> }, dir: string, flags: ParsedArgs['flags'] = {}, env: NodeJS.ProcessEnv = {}, positionals: string[] = []) {
  const { logger, lines, masked } = recordingLogger();
  const out: string[] = [];
  const exit = cmd.run({ positionals, flags }, { cwd: dir, logger, out: (l: string) => out.push(l), env } as never);
  return { exit, out, lines, masked };
}

/** Stands in for the pipeline: every requested component was built (its path in run.toml), tested and verified. */
const proven: ProveComponents = async (config, names) =>
  names.map((n) => ({ component: n, path: join(config.dir, config.components.find((c) => c.name === n)!.path!), proof: { built: true, testsPassed: true, verified: true } }));

describe('run-action publish', () => {
  const tagEnv = { GITHUB_EVENT_NAME: 'push', GITHUB_REF: 'refs/tags/v1.0.0', RUN_AUTH_TOKEN: TOKENS.acme };

  it('publishes on a matching tag with the token from RUN_AUTH_TOKEN, and a re-run uploads nothing', async () => {
    const s = await startServer();
    const dir = await project(s, '[components.calc]\npath = "calc.wasm"\n');
    const first = run(createPublishCommand(proven), dir, {}, tagEnv);
    expect(await first.exit).toBe(0);
    expect(new Set(first.masked)).toEqual(new Set([TOKENS.acme]));
    expect(first.out[0]).toMatch(/^published acme:calc@1\.0\.0 sha256:[0-9a-f]{64} \d+ bytes http:\/\/127\.0\.0\.1:\d+\/packages\/acme%3Acalc\/1\.0\.0\/artifact\.wasm$/);
    const second = run(createPublishCommand(proven), dir, {}, tagEnv);
    expect(await second.exit).toBe(0);
    expect(second.out[0]).toMatch(/^unchanged acme:calc@1\.0\.0 /);
    expect(s.created).toBe(1);
  });

  it('refuses a tag that differs from run.toml, off a tag, and on pull requests — before building anything', async () => {
    const s = await startServer();
    const dir = await project(s, '[components.calc]\npath = "calc.wasm"\n');
    let proved = 0;
    const counting: ProveComponents = async (...a) => (proved++, proven(...a));
    await expect(run(createPublishCommand(counting), dir, {}, { ...tagEnv, GITHUB_REF: 'refs/tags/v1.0.1' }).exit).rejects.toThrow(TagVersionMismatchError);
    await expect(run(createPublishCommand(counting), dir, {}, { ...tagEnv, GITHUB_REF: 'refs/heads/main' }).exit).rejects.toThrow(NotOnTagError);
    await expect(run(createPublishCommand(counting), dir, {}, { ...tagEnv, GITHUB_EVENT_NAME: 'pull_request' }).exit).rejects.toThrow(/never runs on 'pull_request'/);
    expect(proved).toBe(0);
    expect(s.requests).toEqual([]);
  });

  it('--dry-run works off a tag, without a token, and names what it would publish', async () => {
    const s = await startServer();
    const dir = await project(s, '[components.calc]\npath = "calc.wasm"\n');
    const r = run(createPublishCommand(proven), dir, { 'dry-run': true }, {});
    expect(await r.exit).toBe(0);
    expect(r.out[0]).toMatch(/^would-publish acme:calc@1\.0\.0 sha256:[0-9a-f]{64} \d+ bytes$/);
    expect(r.lines.some((l) => l.startsWith('warn: a real publish would stop here: publishing runs only on a tag'))).toBe(true);
    expect(s.requests.map((q) => q.method)).toEqual(['GET']);
  });

  it('refuses components the pipeline did not prove, and unknown --component names', async () => {
    const s = await startServer();
    const dir = await project(s, '[components.calc]\npath = "calc.wasm"\n');
    const failing: ProveComponents = async (config, names, ctx) => (await proven(config, names, ctx)).map((a) => ({ ...a, proof: { ...a.proof, testsPassed: false } }));
    await expect(run(createPublishCommand(failing), dir, {}, tagEnv).exit).rejects.toThrow(UnprovenComponentError);
    await expect(run(createPublishCommand(proven), dir, { component: ['clac'] }, tagEnv).exit).rejects.toThrow("run.toml has no component 'clac' (did you mean 'calc'?)");
    expect(s.requests).toEqual([]);
  });

  it('--token wins over RUN_AUTH_TOKEN and is masked', async () => {
    const s = await startServer();
    const dir = await project(s, '[components.calc]\npath = "calc.wasm"\n');
    const r = run(createPublishCommand(proven), dir, { token: 'not-a-valid-token' }, tagEnv);
    await expect(r.exit).rejects.toThrow(/rejected the auth token \(401\)/);
    expect(new Set(r.masked)).toEqual(new Set(['not-a-valid-token']));
  });
});

describe('run-action install / verify-lock', () => {
  async function seeded() {
    const s = await startServer();
    const { logger } = recordingLogger();
    const c = new RegistryClient({ url: s.url, token: TOKENS.acme, logger });
    for (const [v, op] of [['1.0.0', 'add'], ['1.1.0', 'mul']] as const) {
      const bytes = await calcComponent(op);
      await c.publish({ name: 'acme:calc', version: v, description: '', sha256: createHash('sha256').update(bytes).digest('hex'), file: { bytes } });
    }
    return s;
  }

  it('installs [dependencies] and verify-lock prints upstream\'s report', async () => {
    const s = await seeded();
    const dir = await project(s, '[dependencies]\n"acme:calc" = "=1.0.0"\n\n[dev-dependencies]\n"acme:calc-dev" = "1"\n');
    const inst = run(installCommand, dir);
    expect(await inst.exit).toBe(0);
    expect(inst.out).toEqual(['Installed dependencies from run.toml']);
    const ver = run(verifyLockCommand, dir);
    expect(await ver.exit).toBe(0);
    expect(ver.out).toEqual(['Verifying 1 components...', '', '  OK       acme:calc@1.0.0', '', 'All 1 components verified.']);
    writeFileSync(join(dir, '.run', 'cache', 'acme__calc@1.0.0.wasm'), 'tampered');
    const bad = run(verifyLockCommand, dir);
    expect(await bad.exit).toBe(1);
    expect(bad.out[2]).toBe('  CORRUPTED acme:calc@1.0.0');
    expect(bad.out.at(-1)).toBe('0 verified, 1 failed.');
  });

  it('verify-lock without run.lock exits 1 with upstream\'s message; a hand-edited run.lock is an error', async () => {
    const s = await seeded();
    const dir = await project(s, '[dependencies]\n"acme:calc" = "^1.0.0"\n');
    const none = run(verifyLockCommand, dir);
    expect(await none.exit).toBe(1);
    expect(none.out).toEqual(['No lockfile found. Run `run-action install` first.']);
    expect(await run(installCommand, dir).exit).toBe(0);
    const lock = readFileSync(join(dir, 'run.lock'), 'utf8');
    expect(lock).toContain('version = "1.1.0"');
    writeFileSync(join(dir, 'run.lock'), lock.replace('version = "1.1.0"', 'version = "1.0.0"'));
    await expect(run(verifyLockCommand, dir).exit).rejects.toThrow(LockfileChecksumError);
  });

  it('install refuses a package argument and says how to add it', async () => {
    const s = await startServer();
    const dir = await project(s, '');
    await expect(run(installCommand, dir, {}, {}, ['acme:calc']).exit).rejects.toThrow(/takes no package name/);
    const empty = run(installCommand, dir);
    expect(await empty.exit).toBe(0);
    expect(empty.out).toEqual(['No dependencies in run.toml']);
  });
});
