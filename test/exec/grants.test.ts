/**
 * run.toml capabilities → Grants (grantsFor), and the same grants reaching real guests through
 * `exec`: a granted directory is readable and nothing beside it, `all` is refused unless dev, only
 * named env variables pass, clock and random stay virtual (seeded) under strict.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCapability } from '../../src/core/config/capability.js';
import type { PolicyName } from '../../src/core/config/model.js';
import { loadRunConfig } from '../../src/core/config/run-toml.js';
import { exec } from '../../src/core/exec/exec.js';
import { CapabilityDeniedError, grantsFor } from '../../src/core/exec/grants.js';
import { silentLogger } from '../../src/core/log.js';
import { c } from '../engine/guests.js';
import { text } from '../engine/helpers.js';
import { recordingLogger } from '../support/logger.js';
import { cComponent } from '../support/fixtures.js';
import { needTool } from '../support/toolchain.js';

const project = '/work/project';
const grants = (caps: string[], over: { policy?: PolicyName; env?: Record<string, string>; allowClock?: boolean; allowRandom?: boolean } = {}) =>
  grantsFor({
    capabilities: caps.map((t) => parseCapability(t, { file: 'run.toml', line: 1 })),
    policy: over.policy ?? 'strict',
    dir: project,
    env: over.env ?? {},
    args: ['guest'],
    ...(over.allowClock ? { allowClock: true } : {}),
    ...(over.allowRandom ? { allowRandom: true } : {}),
    logger: silentLogger,
  });

describe('grantsFor', () => {
  it('grants nothing but the arguments by default', () => {
    expect(grants([])).toEqual({ dirs: [], env: {}, clock: false, random: false, stdin: false, args: ['guest'] });
    expect(grants(['stdout', 'stderr'])).toEqual(grants([]));
  });

  it('maps fs:read / fs:write to directories resolved against the project', () => {
    expect(grants(['fs:read:data', 'fs:write:out', 'fs:read:/abs/dir']).dirs).toEqual([
      { guestPath: 'data', hostPath: join(project, 'data'), write: false },
      { guestPath: 'out', hostPath: join(project, 'out'), write: true },
      { guestPath: '/abs/dir', hostPath: '/abs/dir', write: false },
    ]);
  });

  it.each(['strict', 'virtual'] as const)('refuses `all` under %s, with a hint', (policy) => {
    let thrown: unknown;
    try {
      grants(['all'], { policy });
    } catch (err) {
      thrown = err;
    }
    expect(thrown).toBeInstanceOf(CapabilityDeniedError);
    expect((thrown as CapabilityDeniedError).message).toBe(`capability "all" is not allowed under the ${policy} policy`);
    expect((thrown as CapabilityDeniedError).hint).toContain('fs:read:<dir>, env:<VAR>, clock, random');
  });

  it('grants everything for `all` under dev', () => {
    expect(grants(['all'], { policy: 'dev' })).toEqual({
      dirs: [{ guestPath: '/', hostPath: project, write: true }],
      env: {},
      clock: true,
      random: true,
      stdin: true,
      args: ['guest'],
    });
  });

  it('passes only the env variables named, and only when set', () => {
    const env = { SECRET_TOKEN: 's3cret', GREETING: 'hi', HOME: '/root' };
    expect(grants(['env:GREETING', 'env:UNSET_VAR'], { env }).env).toEqual({ GREETING: 'hi' });
  });

  it('passes no variable for a bare `env`, and says so', () => {
    const { logger, lines } = recordingLogger();
    const g = grantsFor({ capabilities: [parseCapability('env', { file: 'run.toml' })], policy: 'strict', dir: project, env: { A: '1' }, args: [], logger });
    expect(g.env).toEqual({});
    expect(lines).toEqual(['warn: capability "env" would expose the whole host environment; only variables named with env:<VAR> are passed']);
  });

  it('grants clock and random from capabilities or from --allow-clock / --allow-random', () => {
    expect(grants(['clock', 'random'])).toMatchObject({ clock: true, random: true });
    expect(grants([], { allowClock: true })).toMatchObject({ clock: true, random: false });
    expect(grants([], { allowRandom: true })).toMatchObject({ clock: false, random: true });
  });

  it('warns that a net capability is not granted', () => {
    const { logger, lines } = recordingLogger();
    const g = grantsFor({ capabilities: [parseCapability('net:connect:example.com:443', { file: 'run.toml' })], policy: 'dev', dir: project, env: {}, args: [], logger });
    expect(g).toEqual({ dirs: [], env: {}, clock: false, random: false, stdin: false, args: [] });
    expect(lines).toEqual(['warn: capability "net:connect:example.com:443" is not granted: components never reach the network here']);
  });
});

const noClang = needTool('clang', ['--version']);

describe.skipIf(noClang)('run.toml capabilities reach the guest (exec, clang + wasi-libc)', () => {
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'exec-grants-'));
    mkdirSync(join(dir, 'data'));
    writeFileSync(join(dir, 'data', 'inside.txt'), 'inside-content');
    writeFileSync(join(dir, 'outside.txt'), 'outside-secret');
    writeFileSync(join(dir, 'files.wasm'), await cComponent(c.readFiles));
    writeFileSync(join(dir, 'env.wasm'), await cComponent(c.env));
    writeFileSync(join(dir, 'clock.wasm'), await cComponent(c.wallClock));
    writeFileSync(join(dir, 'random.wasm'), await cComponent(c.random));
    writeFileSync(
      join(dir, 'run.toml'),
      `[project]\nname = "grants"\n\n[build]\nsource_date_epoch = 1700000000\n\n` +
        `[components.files]\npath = "files.wasm"\ncapabilities = ["fs:read:data"]\n\n` +
        `[components.env]\npath = "env.wasm"\ncapabilities = ["env:GREETING"]\n\n` +
        `[components.clock]\npath = "clock.wasm"\ncapabilities = ["clock"]\n\n` +
        `[components.random]\npath = "random.wasm"\ncapabilities = ["random"]\n\n` +
        `[components.everything]\npath = "clock.wasm"\ncapabilities = ["all"]\n`,
    );
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const run = async (target: string, argv: string[] = [], env: Record<string, string> = {}, policy?: PolicyName) =>
    exec({ target, args: [], limits: {}, allowClock: false, allowRandom: false, argv, dir, config: await loadRunConfig(dir), env, logger: silentLogger, ...(policy ? { policy } : {}) });

  it('fs:read:data lets the guest read data/ and nothing beside it', async () => {
    const { outcome } = await run('files', ['data/inside.txt', 'data/../outside.txt']);
    const out = text(outcome.stdout);
    expect(out).toContain('data/inside.txt: read: inside-content');
    expect(out).toMatch(/data\/\.\.\/outside\.txt: fail: /);
    expect(out).not.toContain('outside-secret');
  });

  it('env:GREETING passes that variable and no other', async () => {
    const { outcome } = await run('env', [], { GREETING: 'hello', SECRET_TOKEN: 'grants-secret-91c2' });
    expect(outcome.class).toBe('ok');
    expect(text(outcome.stdout)).toBe('SECRET_TOKEN=(unset)\nenv GREETING=hello\n');
  });

  it('clock under strict reads the virtual epoch (SOURCE_DATE_EPOCH)', async () => {
    const { outcome } = await run('clock');
    expect(outcome).toMatchObject({ class: 'ok', exitCode: 0 });
    expect(text(outcome.stdout)).toBe('time=1700000000\n');
    expect(outcome.ledger).toEqual([expect.objectContaining({ call: 'wasi:clocks/wall-clock#now', answer: 'virtual', violation: false })]);
  });

  it('random under strict is seeded: the same bytes on every run', async () => {
    const first = await run('random');
    expect(first.outcome.class).toBe('ok');
    expect(text(first.outcome.stdout)).toMatch(/^random=[0-9a-f]{4}\n$/);
    expect(first.outcome.ledger).toEqual([expect.objectContaining({ call: 'wasi:random/random#get-random-bytes', answer: 'virtual', violation: false })]);
    expect(text((await run('random')).outcome.stdout)).toBe(text(first.outcome.stdout));
  });

  it('refuses a component granted `all` under strict before running it', async () => {
    const refused = run('everything');
    await expect(refused).rejects.toBeInstanceOf(CapabilityDeniedError);
    await expect(refused).rejects.toThrow('capability "all" is not allowed under the strict policy');
    expect((await run('everything', [], {}, 'dev')).outcome.class).toBe('ok');
  });
});
