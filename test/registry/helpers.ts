/** Shared by the registry tests: temp dirs, real components, a live server. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import type { Logger } from '../../src/core/log.js';
import { RegistryClient, type RetryOptions } from '../../src/core/registry/client.js';
import { startRegistryServer, type RegistryServer, type RegistryServerOptions } from '../support/registry-server.js';
import { watComponent } from '../support/fixtures.js';

const dirs: string[] = [];
const servers: RegistryServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

export function tempDir(prefix = 'registry-test-'): string {
  const d = mkdtempSync(join(tmpdir(), prefix));
  dirs.push(d);
  return d;
}

export const TOKENS = { acme: 't1-acme-secret-token', other: 't2-other-secret-token', admin: 'adm-secret-token' };

/** A registry like case 27's: REGISTRY_TOKENS=acme:…,other:… and an admin token; stopped after each test. */
export async function startServer(extra: Partial<RegistryServerOptions> = {}): Promise<RegistryServer> {
  const server = await startRegistryServer({
    dataDir: extra.dataDir ?? tempDir('registry-data-'),
    tokens: `acme:${TOKENS.acme},other:${TOKENS.other}`,
    adminToken: TOKENS.admin,
    ...extra,
  });
  servers.push(server);
  return server;
}

/** Short, bounded retries so failure paths take milliseconds. */
export const FAST: RetryOptions = { attempts: 3, backoffMs: 5, maxBackoffMs: 20, connectTimeoutMs: 2_000, readTimeoutMs: 2_000 };

export function clientFor(server: RegistryServer, logger: Logger, token?: string, retry: RetryOptions = FAST): RegistryClient {
  return new RegistryClient({ url: server.url, token, logger, retry });
}

/** A real component exporting `calc: func(a: s32, b: s32) -> s32`; `op` changes its bytes and behaviour. */
export function calcComponent(op: 'add' | 'sub' | 'mul' = 'add', paddingBytes = 0): Promise<Uint8Array> {
  const data = paddingBytes ? `(memory 1 8) (data (i32.const 0) "${'\\2a'.repeat(paddingBytes)}")` : '';
  return watComponent(`(component
  (core module $m
    ${data}
    (func (export "calc") (param i32 i32) (result i32) local.get 0 local.get 1 i32.${op}))
  (core instance $i (instantiate $m))
  (func (export "calc") (param "a" s32) (param "b" s32) (result s32) (canon lift (core func $i "calc"))))`);
}
