/** Installing [dependencies]: resolution, verification, .run/ layout, run.lock, verify-lock (cases 7, 8, 29). */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RegistryClient } from '../../src/core/registry/client.js';
import {
  DependencyConflictError,
  HashMismatchError,
  LockedDigestMismatchError,
  NoMatchingVersionError,
} from '../../src/core/registry/errors.js';
import { installPackages } from '../../src/core/registry/install.js';
import { readLockfile, serializeLockfile } from '../../src/core/registry/lockfile.js';
import { formatVerifyReport, verifyLockedCache } from '../../src/core/registry/verify.js';
import type { RegistryServer } from '../support/registry-server.js';
import { calcComponent, clientFor, startServer, tempDir, TOKENS } from './helpers.js';
import { recordingLogger } from '../support/logger.js';

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

async function publishRaw(s: RegistryServer, name: string, version: string, bytes: Uint8Array, dependencies?: unknown) {
  const form = new FormData();
  form.set('name', name);
  form.set('version', version);
  if (dependencies) form.set('dependencies', JSON.stringify(dependencies));
  form.set('component', new Blob([bytes]), 'c.wasm');
  const res = await fetch(`${s.url}/api/v1/packages`, { method: 'POST', body: form, headers: { authorization: `Bearer ${TOKENS.admin}` } });
  expect(res.status).toBe(201);
}

/** acme:calc 1.0.0 (add), 1.2.0 (mul), 2.0.0 (sub). */
async function seeded() {
  const s = await startServer();
  const bytes = { '1.0.0': await calcComponent('add'), '1.2.0': await calcComponent('mul'), '2.0.0': await calcComponent('sub') };
  for (const [v, b] of Object.entries(bytes)) await publishRaw(s, 'acme:calc', v, b);
  return { s, bytes };
}

describe('installPackages', () => {
  it('installs an exact version: cache, components and a run.lock that verifies', async () => {
    const { s, bytes } = await seeded();
    const dir = tempDir('project-');
    const { logger } = recordingLogger();
    const result = await installPackages(dir, [{ name: 'acme:calc', requirement: '=1.0.0' }], clientFor(s, logger), logger);
    expect(result.packages.map((p) => [p.name, p.version, p.from])).toEqual([['acme:calc', '1.0.0', 'registry']]);
    for (const sub of ['cache', 'components']) {
      expect(sha(readFileSync(join(dir, '.run', sub, 'acme__calc@1.0.0.wasm')))).toBe(sha(bytes['1.0.0']));
    }
    const lock = await readLockfile(dir); // parses and verifies the checksum
    expect(lock!.components).toEqual([{ name: 'acme:calc', version: '1.0.0', sha256: sha(bytes['1.0.0']), dependencies: [] }]);
    expect(lock!.warnings).toEqual([]);
    const report = formatVerifyReport(await verifyLockedCache(dir, lock!), false);
    expect(report).toEqual({ ok: true, lines: ['Verifying 1 components...', '', '  OK       acme:calc@1.0.0', '', 'All 1 components verified.'] });
  });

  it('installs the highest caret match, bare versions meaning caret as in Cargo', async () => {
    const { s, bytes } = await seeded();
    for (const requirement of ['^1.0.0', '1.0.0']) {
      const dir = tempDir('project-');
      const { logger } = recordingLogger();
      await installPackages(dir, [{ name: 'acme:calc', requirement }], clientFor(s, logger), logger);
      const lock = await readLockfile(dir);
      expect(lock!.components.map((c) => [c.version, c.sha256])).toEqual([['1.2.0', sha(bytes['1.2.0'])]]);
      expect(existsSync(join(dir, '.run', 'components', 'acme__calc@1.2.0.wasm'))).toBe(true);
    }
  });

  it('keeps the locked version and reinstalls from an intact cache without the network', async () => {
    const { s, bytes } = await seeded();
    const dir = tempDir('project-');
    const { logger } = recordingLogger();
    await installPackages(dir, [{ name: 'acme:calc', requirement: '=1.0.0' }], clientFor(s, logger), logger);
    const before = s.requests.length;
    // A wider requirement still met by the locked 1.0.0 keeps it (no upgrade to 1.2.0).
    const again = await installPackages(dir, [{ name: 'acme:calc', requirement: '^1.0.0' }], clientFor(s, logger), logger);
    expect(again.packages.map((p) => [p.version, p.from])).toEqual([['1.0.0', 'cache']]);
    expect(s.requests.length).toBe(before);
    expect((await readLockfile(dir))!.components[0]!.sha256).toBe(sha(bytes['1.0.0']));
  });

  it('reports a tampered cache file as CORRUPTED with both digests, and install repairs it (case 7)', async () => {
    const { s, bytes } = await seeded();
    const dir = tempDir('project-');
    const { logger, lines } = recordingLogger();
    await installPackages(dir, [{ name: 'acme:calc', requirement: '=1.0.0' }], clientFor(s, logger), logger);
    writeFileSync(join(dir, '.run', 'cache', 'acme__calc@1.0.0.wasm'), 'tampered');
    const lock = (await readLockfile(dir))!;
    const report = formatVerifyReport(await verifyLockedCache(dir, lock), false);
    expect(report.ok).toBe(false);
    expect(report.lines).toEqual([
      'Verifying 1 components...',
      '',
      '  CORRUPTED acme:calc@1.0.0',
      `           expected: ${sha(bytes['1.0.0'])}`,
      '           actual:   d121be3103007b41edf96f8262925f8c7d61894afe9a041843b631f69445bc57',
      '',
      '0 verified, 1 failed.',
    ]);
    const repaired = await installPackages(dir, [{ name: 'acme:calc', requirement: '=1.0.0' }], clientFor(s, logger), logger);
    expect(repaired.packages[0]!.from).toBe('registry');
    expect(lines.some((l) => l.startsWith('warn:') && l.includes('d121be31'))).toBe(true);
    expect(formatVerifyReport(await verifyLockedCache(dir, lock), false).ok).toBe(true);
  });

  it('reports missing cache entries like upstream, with and without --offline (case 8)', async () => {
    const { s } = await seeded();
    const dir = tempDir('project-');
    const { logger } = recordingLogger();
    await installPackages(dir, [{ name: 'acme:calc', requirement: '=2.0.0' }], clientFor(s, logger), logger);
    const lock = (await readLockfile(dir))!;
    rmSync(join(dir, '.run', 'cache'), { recursive: true });
    expect(formatVerifyReport(await verifyLockedCache(dir, lock), false).lines[2]).toBe('  MISSING  acme:calc@2.0.0 (not cached)');
    expect(formatVerifyReport(await verifyLockedCache(dir, lock), true).lines[2]).toBe('  MISSING  acme:calc@2.0.0');
  });

  it('resolves transitive dependencies and locks their names', async () => {
    const { s, bytes } = await seeded();
    const app = await calcComponent('add', 16);
    await publishRaw(s, 'acme:app', '0.3.0', app, [{ name: 'acme:calc', version: '~1.2' }]);
    const dir = tempDir('project-');
    const { logger } = recordingLogger();
    await installPackages(dir, [{ name: 'acme:app', requirement: '0.3' }], clientFor(s, logger), logger);
    expect((await readLockfile(dir))!.components).toEqual([
      { name: 'acme:app', version: '0.3.0', sha256: sha(app), dependencies: ['acme:calc'] },
      { name: 'acme:calc', version: '1.2.0', sha256: sha(bytes['1.2.0']), dependencies: [] },
    ]);
    expect(existsSync(join(dir, '.run', 'components', 'acme__calc@1.2.0.wasm'))).toBe(true);
  });

  it('refuses incompatible requirements on the same package', async () => {
    const { s } = await seeded();
    await publishRaw(s, 'acme:app', '0.3.0', await calcComponent('add', 16), [{ name: 'acme:calc', version: '^2' }]);
    const { logger } = recordingLogger();
    const requests = [
      { name: 'acme:calc', requirement: '=1.0.0' },
      { name: 'acme:app', requirement: '*' },
    ];
    await expect(installPackages(tempDir('project-'), requests, clientFor(s, logger), logger)).rejects.toThrow(DependencyConflictError);
  });

  it('fails on bytes that do not match the metadata digest, writing nothing (case 29)', async () => {
    const { s } = await seeded();
    s.faults.corruptDownload({ times: 10 });
    const dir = tempDir('project-');
    const { logger } = recordingLogger();
    const client = new RegistryClient({ url: s.url, logger, retry: { attempts: 1 } });
    await expect(installPackages(dir, [{ name: 'acme:calc', requirement: '=1.0.0' }], client, logger)).rejects.toBeInstanceOf(HashMismatchError);
    expect(existsSync(join(dir, '.run'))).toBe(false);
    expect(existsSync(join(dir, 'run.lock'))).toBe(false);
  });

  it('refuses a locked version whose registry digest changed', async () => {
    const { s } = await seeded();
    const dir = tempDir('project-');
    writeFileSync(join(dir, 'run.lock'), serializeLockfile({ version: 1, components: [{ name: 'acme:calc', version: '1.0.0', sha256: 'a'.repeat(64), dependencies: [] }] }));
    const { logger } = recordingLogger();
    const err = await installPackages(dir, [{ name: 'acme:calc', requirement: '^1' }], clientFor(s, logger), logger).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LockedDigestMismatchError);
    expect((err as Error).message).toContain(`run.lock: ${'a'.repeat(64)}`);
  });

  it('names the available versions when none matches', async () => {
    const { s } = await seeded();
    const { logger } = recordingLogger();
    const dir = tempDir('project-');
    await expect(installPackages(dir, [{ name: 'acme:calc', requirement: '^3' }], clientFor(s, logger), logger)).rejects.toThrow(
      "no version of acme:calc satisfies '^3' (available: 1.0.0, 1.2.0, 2.0.0)",
    );
    await expect(installPackages(dir, [{ name: 'acme:nope', requirement: '*' }], clientFor(s, logger), logger)).rejects.toBeInstanceOf(NoMatchingVersionError);
  });
});
