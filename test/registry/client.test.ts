/** RegistryClient look-ups: version order, mirrors, download URL re-rooting, search. */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { RegistryClient } from '../../src/core/registry/client.js';
import { HashMismatchError } from '../../src/core/registry/errors.js';
import { calcComponent, clientFor, FAST, startServer, TOKENS } from './helpers.js';
import { recordingLogger } from '../support/logger.js';

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

async function publish(client: RegistryClient, name: string, version: string, bytes: Uint8Array) {
  await client.publish({ name, version, description: `${name} ${version}`, sha256: sha(bytes), file: { bytes } });
}

describe('RegistryClient', () => {
  it('lists versions in semver order although the server sorts them as text', async () => {
    const s = await startServer();
    const { logger } = recordingLogger();
    const c = clientFor(s, logger, TOKENS.acme);
    for (const v of ['1.9.0', '1.10.0', '1.2.0-rc.1']) await publish(c, 'acme:calc', v, await calcComponent('add'));
    expect(await c.versions('acme:calc')).toEqual(['1.2.0-rc.1', '1.9.0', '1.10.0']);
    expect(await c.metadata('acme:calc', '3.0.0')).toBeUndefined();
  });

  it('falls back to a mirror when the primary is down, and re-roots loopback download URLs', async () => {
    const s = await startServer({ registryUrl: 'http://localhost:1' }); // misconfigured REGISTRY_URL, as upstream's default
    const { logger, lines } = recordingLogger();
    const bytes = await calcComponent('mul');
    await publish(clientFor(s, logger, TOKENS.acme), 'acme:calc', '1.0.0', bytes);
    const viaMirror = new RegistryClient({ url: 'http://127.0.0.1:1', mirrors: [s.url], logger, retry: FAST });
    const meta = await viaMirror.metadata('acme:calc', '1.0.0');
    expect(meta!.downloadUrl).toBe('http://localhost:1/packages/acme%3Acalc/1.0.0/artifact.wasm');
    expect(lines.some((l) => l.startsWith('warn:') && l.includes('trying the next mirror'))).toBe(true);
    const direct = clientFor(s, logger);
    expect(sha(await direct.download(meta!))).toBe(sha(bytes));
  });

  it('refuses downloaded bytes that do not hash to the metadata', async () => {
    const s = await startServer();
    const { logger } = recordingLogger();
    const c = clientFor(s, logger, TOKENS.acme);
    await publish(c, 'acme:calc', '1.0.0', await calcComponent('add'));
    s.faults.corruptDownload();
    await expect(c.download((await c.metadata('acme:calc', '1.0.0'))!)).rejects.toBeInstanceOf(HashMismatchError);
  });

  it('searches by name, one entry per package at its highest version', async () => {
    const s = await startServer();
    const { logger } = recordingLogger();
    const c = clientFor(s, logger, TOKENS.admin);
    for (const [n, v] of [['acme:calc', '1.0.0'], ['acme:calc', '1.2.0'], ['other:calculator', '0.1.0'], ['acme:http', '1.0.0']]) {
      await publish(c, n!, v!, await calcComponent('add'));
    }
    const found = await c.search('calc');
    expect(found.total).toBe(2);
    expect(found.packages.map((p) => `${p.name}@${p.version}`)).toEqual(['acme:calc@1.2.0', 'other:calculator@0.1.0']);
    expect((await c.search('calc', { limit: 1, offset: 1 })).packages.map((p) => p.name)).toEqual(['other:calculator']);
  });
});
