/** Idempotent, proven, retried publishing against the loopback registry. */
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Project } from '../../src/core/config/model.js';
import { RegistryClient } from '../../src/core/registry/client.js';
import {
  AuthError,
  ForbiddenNamespaceError,
  MissingTokenError,
  NotAComponentError,
  PayloadTooLargeError,
  PostPublishMismatchError,
  PublishConflictError,
  PublishRejectedError,
  RegistryHttpError,
  UnprovenComponentError,
} from '../../src/core/registry/errors.js';
import { DownloadTimeoutError } from '../../src/core/net/errors.js';
import { planPublish, type ComponentProof } from '../../src/core/registry/plan.js';
import { publishComponents } from '../../src/core/registry/publish.js';
import type { RegistryServer } from '../support/registry-server.js';
import { calcComponent, clientFor, FAST, startServer, tempDir, TOKENS } from './helpers.js';
import { recordingLogger } from '../support/logger.js';

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const PROVEN: ComponentProof = { built: true, testsPassed: true, verified: true };
const project = (name = 'acme', version = '1.0.0'): Project => ({
  name,
  version,
  description: 'a calculator',
  authors: [],
  license: 'Apache-2.0',
  repository: 'https://example.org/acme/calc',
});

async function planFor(server: RegistryServer, parts: Array<{ component: string; bytes: Uint8Array; proof?: ComponentProof }>, p = project()) {
  const dir = tempDir('plan-');
  const artifacts = parts.map((c) => {
    const path = join(dir, `${c.component}.wasm`);
    writeFileSync(path, c.bytes);
    return { component: c.component, path, proof: c.proof ?? PROVEN };
  });
  return planPublish(p, server.url, artifacts);
}

const posts = (s: RegistryServer) => s.requests.filter((r) => r.method === 'POST').map((r) => r.outcome);

describe('publishComponents', () => {
  it('publishes with 201, downloads it back and finds the same bytes', async () => {
    const s = await startServer();
    const { logger, lines } = recordingLogger();
    const bytes = await calcComponent('add');
    const result = await publishComponents(await planFor(s, [{ component: 'calc', bytes }]), clientFor(s, logger, TOKENS.acme), logger);
    expect(result).toEqual([
      {
        component: 'calc',
        name: 'acme:calc',
        version: '1.0.0',
        sha256: sha(bytes),
        size: bytes.length,
        action: 'published',
        downloadUrl: `${s.url}/packages/acme%3Acalc/1.0.0/artifact.wasm`,
      },
    ]);
    expect(s.requests.map((r) => `${r.method} ${r.path} ${r.outcome}`)).toEqual([
      'GET /api/v1/packages/acme%3Acalc/1.0.0 404',
      'POST /api/v1/packages 201',
      'GET /api/v1/packages/acme%3Acalc/1.0.0 200',
      'GET /packages/acme%3Acalc/1.0.0/artifact.wasm 200',
    ]);
    const meta = (await (await fetch(`${s.url}/api/v1/packages/acme:calc/1.0.0`)).json()) as Record<string, unknown>;
    expect(meta).toMatchObject({ description: 'a calculator', license: 'Apache-2.0', repository: 'https://example.org/acme/calc', sha256: sha(bytes) });
    expect(lines.some((l) => l.includes('read back identical'))).toBe(true);
  });

  it('re-running the same tag succeeds and uploads nothing', async () => {
    const s = await startServer();
    const { logger } = recordingLogger();
    const plan = await planFor(s, [{ component: 'calc', bytes: await calcComponent('add') }]);
    await publishComponents(plan, clientFor(s, logger, TOKENS.acme), logger);
    const before = s.requests.length;
    const again = await publishComponents(plan, clientFor(s, logger, TOKENS.acme), logger);
    expect(again.map((r) => r.action)).toEqual(['unchanged']);
    expect(s.requests.slice(before).map((r) => r.method)).toEqual(['GET']);
    expect(s.created).toBe(1);
  });

  it('fails on the same version with different bytes, showing both digests and the diff', async () => {
    const s = await startServer();
    const { logger } = recordingLogger();
    const first = await calcComponent('add');
    const second = await calcComponent('sub');
    await publishComponents(await planFor(s, [{ component: 'calc', bytes: first }]), clientFor(s, logger, TOKENS.acme), logger);
    let seen: [Uint8Array, Uint8Array] | undefined;
    const err = await publishComponents(await planFor(s, [{ component: 'calc', bytes: second }]), clientFor(s, logger, TOKENS.acme), logger, {
      describeDifference: async (published, local) => {
        seen = [published, local];
        return 'code section: function 0 differs (i32.add → i32.sub)';
      },
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PublishConflictError);
    const conflict = err as PublishConflictError;
    expect([conflict.publishedSha256, conflict.localSha256]).toEqual([sha(first), sha(second)]);
    expect(conflict.message).toContain(`published sha256: ${sha(first)}`);
    expect(conflict.message).toContain(`local     sha256: ${sha(second)}`);
    expect(conflict.message).toContain('i32.add → i32.sub');
    expect(seen && [sha(seen[0]), sha(seen[1])]).toEqual([sha(first), sha(second)]);
    expect(posts(s)).toEqual([201]);
  });

  it('explains a conflict with the structural diff by default', async () => {
    const s = await startServer();
    const { logger } = recordingLogger();
    await publishComponents(await planFor(s, [{ component: 'calc', bytes: await calcComponent('add') }]), clientFor(s, logger, TOKENS.acme), logger);
    const plan = await planFor(s, [{ component: 'calc', bytes: await calcComponent('sub') }]);
    const err = await publishComponents(plan, clientFor(s, logger, TOKENS.acme), logger).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PublishConflictError);
    expect((err as Error).message).toContain('difference (a = published, b = local):');
    expect((err as Error).message).toContain('component/module[0]/code/func[0]');
  });

  it('refuses to plan a core module or a non-wasm file', async () => {
    const s = await startServer();
    const core = new Uint8Array([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]);
    await expect(planFor(s, [{ component: 'calc', bytes: core }])).rejects.toThrow(/is a core wasm module, not a component/);
    await expect(planFor(s, [{ component: 'calc', bytes: new TextEncoder().encode('hello') }])).rejects.toBeInstanceOf(NotAComponentError);
  });

  it('checks every component before uploading any, so a conflict leaves no partial release', async () => {
    const s = await startServer();
    const { logger } = recordingLogger();
    await publishComponents(await planFor(s, [{ component: 'b', bytes: await calcComponent('add') }]), clientFor(s, logger, TOKENS.acme), logger);
    const plan = await planFor(s, [
      { component: 'a', bytes: await calcComponent('mul') },
      { component: 'b', bytes: await calcComponent('sub') },
    ]);
    await expect(publishComponents(plan, clientFor(s, logger, TOKENS.acme), logger)).rejects.toBeInstanceOf(PublishConflictError);
    expect(posts(s)).toEqual([201]);
    expect((await fetch(`${s.url}/api/v1/packages/acme:a/versions`)).status).toBe(404);
  });

  it('401 with a bad token, not retried', async () => {
    const s = await startServer();
    const { logger } = recordingLogger();
    const plan = await planFor(s, [{ component: 'calc', bytes: await calcComponent('add') }]);
    await expect(publishComponents(plan, clientFor(s, logger, 'wrong-token'), logger)).rejects.toBeInstanceOf(AuthError);
    expect(posts(s)).toEqual([401]);
  });

  it('403 when the token belongs to another namespace, not retried', async () => {
    const s = await startServer();
    const { logger } = recordingLogger();
    const plan = await planFor(s, [{ component: 'calc', bytes: await calcComponent('add') }], project('other'));
    const err = await publishComponents(plan, clientFor(s, logger, TOKENS.acme), logger).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ForbiddenNamespaceError);
    expect((err as Error).message).toContain("namespace 'other'");
    expect(posts(s)).toEqual([403]);
  });

  it('400 when the sha256 field does not match the bytes, not retried', async () => {
    const s = await startServer();
    const { logger } = recordingLogger();
    const bytes = await calcComponent('add');
    const client = clientFor(s, logger, TOKENS.acme);
    const upload = { name: 'acme:calc', version: '1.0.0', description: '', sha256: sha(await calcComponent('sub')), file: { bytes } };
    await expect(client.publish(upload)).rejects.toBeInstanceOf(PublishRejectedError);
    expect(posts(s)).toEqual([400]);
    expect(s.created).toBe(0);
  });

  it('retries 5xx after checking the upload did not land, then succeeds', async () => {
    const s = await startServer();
    const { logger, lines } = recordingLogger();
    s.faults.fail(503, { method: 'POST', times: 2 });
    const plan = await planFor(s, [{ component: 'calc', bytes: await calcComponent('add') }]);
    const [r] = await publishComponents(plan, clientFor(s, logger, TOKENS.acme), logger);
    expect(r!.action).toBe('published');
    expect(s.requests.map((q) => `${q.method} ${q.outcome}`)).toEqual([
      'GET 404', // pre-flight
      'POST 503',
      'GET 404', // did it land? no
      'POST 503',
      'GET 404',
      'POST 201',
      'GET 200', // read back
      'GET 200',
    ]);
    expect(lines.filter((l) => l.startsWith('warn:') && l.includes('503'))).toHaveLength(2);
  });

  it('retries 429 on uploads and look-ups', async () => {
    const s = await startServer();
    const { logger } = recordingLogger();
    s.faults.fail(429, { method: 'GET', times: 1, headers: { 'retry-after': '0' } });
    s.faults.fail(429, { method: 'POST', times: 1 });
    const plan = await planFor(s, [{ component: 'calc', bytes: await calcComponent('add') }]);
    const [r] = await publishComponents(plan, clientFor(s, logger, TOKENS.acme), logger);
    expect(r!.action).toBe('published');
    expect(s.requests.map((q) => `${q.method} ${q.outcome}`).slice(0, 5)).toEqual(['GET 429', 'GET 404', 'POST 429', 'GET 404', 'POST 201']);
  });

  it("waits for an upload answer's Retry-After rather than its shorter backoff", async () => {
    const s = await startServer();
    const { logger, lines } = recordingLogger();
    s.faults.fail(503, { method: 'POST', times: 1, headers: { 'retry-after': '1' } });
    const plan = await planFor(s, [{ component: 'calc', bytes: await calcComponent('add') }]);
    const [r] = await publishComponents(plan, clientFor(s, logger, TOKENS.acme), logger);
    expect(r!.action).toBe('published');
    expect(posts(s)).toEqual([503, 201]);
    expect(lines.filter((l) => l.startsWith('warn:') && l.includes('503'))).toEqual([expect.stringContaining('retrying in 1.0 s (attempt 2 of 3)')]);
  });

  it('gives up on an upload whose Retry-After is beyond the limit, without re-sending', async () => {
    const s = await startServer();
    const { logger } = recordingLogger();
    s.faults.fail(503, { method: 'POST', times: 1, headers: { 'retry-after': '3600' } });
    const plan = await planFor(s, [{ component: 'calc', bytes: await calcComponent('add') }]);
    const err = await publishComponents(plan, clientFor(s, logger, TOKENS.acme), logger).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RegistryHttpError);
    expect((err as RegistryHttpError).retryAfterMs).toBe(3_600_000);
    expect(posts(s)).toEqual([503]);
  });

  it('413 when the upload is over the registry limit, not retried', async () => {
    const s = await startServer({ maxUploadBytes: 16 * 1024 });
    const { logger } = recordingLogger();
    const plan = await planFor(s, [{ component: 'calc', bytes: await calcComponent('add', 64 * 1024) }]);
    await expect(publishComponents(plan, clientFor(s, logger, TOKENS.acme), logger)).rejects.toBeInstanceOf(PayloadTooLargeError);
    expect(posts(s)).toEqual([413]);
  });

  it('gives up after the configured attempts on persistent 5xx', async () => {
    const s = await startServer();
    const { logger } = recordingLogger();
    s.faults.fail(502, { method: 'POST', times: 10 });
    const plan = await planFor(s, [{ component: 'calc', bytes: await calcComponent('add') }]);
    const err = await publishComponents(plan, clientFor(s, logger, TOKENS.acme), logger).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RegistryHttpError);
    expect((err as RegistryHttpError).status).toBe(502);
    expect(posts(s)).toEqual([502, 502, 502]);
  });

  it('survives a look-up timeout by retrying', async () => {
    const s = await startServer();
    const { logger } = recordingLogger();
    s.faults.delay(1500, { method: 'GET', times: 1 });
    const plan = await planFor(s, [{ component: 'calc', bytes: await calcComponent('add') }]);
    const client = new RegistryClient({ url: s.url, token: TOKENS.acme, logger, retry: { ...FAST, readTimeoutMs: 250 } });
    const [r] = await publishComponents(plan, client, logger);
    expect(r!.action).toBe('published');
    expect(s.created).toBe(1);
  });

  it('reports a look-up that keeps timing out, after bounded attempts', async () => {
    const s = await startServer();
    const { logger } = recordingLogger();
    s.faults.delay(1000, { method: 'GET', times: 3 });
    const client = new RegistryClient({ url: s.url, logger, retry: { ...FAST, readTimeoutMs: 150 } });
    await expect(client.metadata('acme:calc', '1.0.0')).rejects.toBeInstanceOf(DownloadTimeoutError);
    expect(s.requests).toHaveLength(3);
  });

  it('an upload that times out is retried once the registry says it has not landed, without a duplicate', async () => {
    const s = await startServer();
    const { logger } = recordingLogger();
    s.faults.delay(1500, { method: 'POST', times: 1 });
    const plan = await planFor(s, [{ component: 'calc', bytes: await calcComponent('add') }]);
    const client = new RegistryClient({ url: s.url, token: TOKENS.acme, logger, retry: { ...FAST, readTimeoutMs: 300 } });
    const [r] = await publishComponents(plan, client, logger);
    expect(r!.action).toBe('published');
    // Let the stalled first POST reach the server's checks: it must find the version there (409).
    for (let waited = 0; !posts(s).includes(409) && waited < 10_000; waited += 50) await new Promise((res) => setTimeout(res, 50));
    expect(posts(s)).toEqual([409, 201]); // in arrival order: the stalled first attempt, then the retry
    expect(s.created).toBe(1);
  });

  it('a connection cut mid-upload is retried and creates exactly one version', async () => {
    const s = await startServer();
    const { logger, lines } = recordingLogger();
    s.faults.cutUpload('mid-body');
    const bytes = await calcComponent('add', 256 * 1024);
    const [r] = await publishComponents(await planFor(s, [{ component: 'calc', bytes }]), clientFor(s, logger, TOKENS.acme), logger);
    expect(r!.action).toBe('published');
    expect(posts(s)).toEqual(['cut', 201]);
    expect(s.created).toBe(1);
    expect(await (await fetch(`${s.url}/api/v1/packages/acme:calc/versions`)).json()).toEqual({ name: 'acme:calc', versions: ['1.0.0'] });
    expect(lines.some((l) => l.startsWith('warn:') && l.includes('checking whether the upload landed'))).toBe(true);
  });

  it('a connection cut after the registry stored the upload is success without a second POST', async () => {
    const s = await startServer();
    const { logger, lines } = recordingLogger();
    s.faults.cutUpload('after-store');
    const bytes = await calcComponent('add');
    const [r] = await publishComponents(await planFor(s, [{ component: 'calc', bytes }]), clientFor(s, logger, TOKENS.acme), logger);
    expect(r!.action).toBe('published');
    expect(posts(s)).toEqual(['cut']);
    expect(s.created).toBe(1);
    expect(lines.some((l) => l.includes('published by an interrupted attempt'))).toBe(true);
  });

  it('two jobs racing on the same tag both succeed with one version (409 with the same digest)', async () => {
    const s = await startServer();
    const { logger } = recordingLogger();
    const plan = await planFor(s, [{ component: 'calc', bytes: await calcComponent('add') }]);
    const results = await Promise.all([1, 2].map(() => publishComponents(plan, clientFor(s, logger, TOKENS.acme), logger)));
    expect(results.flat().map((r) => r.action)).toEqual(['published', 'published']);
    expect(posts(s).sort()).toEqual([201, 409]);
    expect(s.created).toBe(1);
  });

  it('fails when the registry serves other bytes than were uploaded', async () => {
    const s = await startServer();
    const { logger } = recordingLogger();
    s.faults.corruptDownload();
    const plan = await planFor(s, [{ component: 'calc', bytes: await calcComponent('add') }]);
    const client = clientFor(s, logger, TOKENS.acme, { ...FAST, attempts: 1 });
    await expect(publishComponents(plan, client, logger)).rejects.toBeInstanceOf(PostPublishMismatchError);
  });

  it('refuses unproven components, naming each failed check, before any request', async () => {
    const s = await startServer();
    const { logger } = recordingLogger();
    const plan = await planFor(s, [
      { component: 'a', bytes: await calcComponent('add'), proof: { built: true, testsPassed: false, verified: true } },
      { component: 'b', bytes: await calcComponent('sub'), proof: { built: false, testsPassed: true, verified: false } },
    ]);
    const err = await publishComponents(plan, clientFor(s, logger, TOKENS.acme), logger).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UnprovenComponentError);
    expect((err as UnprovenComponentError).failures).toEqual([
      { component: 'a', check: 'tests' },
      { component: 'b', check: 'build' },
      { component: 'b', check: 'verification' },
    ]);
    expect((err as Error).message).toContain('a did not pass its tests in this run');
    expect(s.requests).toEqual([]);
  });

  it('publishes with verification skipped, saying so', async () => {
    const s = await startServer();
    const { logger, lines } = recordingLogger();
    const plan = await planFor(s, [{ component: 'calc', bytes: await calcComponent('add'), proof: { built: true, testsPassed: true, verified: 'skipped' } }]);
    await publishComponents(plan, clientFor(s, logger, TOKENS.acme), logger);
    expect(lines).toContain('warn: verification was skipped for calc: publishing on build and tests alone');
    expect(s.created).toBe(1);
  });

  it('needs a token before any request, except for a dry run', async () => {
    const s = await startServer();
    const { logger } = recordingLogger();
    const plan = await planFor(s, [{ component: 'calc', bytes: await calcComponent('add') }]);
    await expect(publishComponents(plan, clientFor(s, logger), logger)).rejects.toBeInstanceOf(MissingTokenError);
    expect(s.requests).toEqual([]);
    const dry = await publishComponents(plan, clientFor(s, logger), logger, { dryRun: true });
    expect(dry.map((r) => r.action)).toEqual(['would-publish']);
  });

  it('--dry-run shows exactly what would be published and uploads nothing', async () => {
    const s = await startServer();
    const { logger, lines } = recordingLogger();
    const bytes = await calcComponent('add');
    const plan = await planFor(s, [{ component: 'calc', bytes }]);
    const dry = await publishComponents(plan, clientFor(s, logger, TOKENS.acme), logger, { dryRun: true });
    expect(dry).toEqual([{ component: 'calc', name: 'acme:calc', version: '1.0.0', sha256: sha(bytes), size: bytes.length, action: 'would-publish', downloadUrl: undefined }]);
    expect(lines).toContain(
      `info: would publish acme:calc@1.0.0 to ${s.url}: ${plan.components[0]!.source} (${bytes.length} bytes, sha256 ${sha(bytes)}), ` +
        'description "a calculator", license Apache-2.0, repository https://example.org/acme/calc',
    );
    expect(posts(s)).toEqual([]);
    await publishComponents(plan, clientFor(s, logger, TOKENS.acme), logger);
    const again = await publishComponents(plan, clientFor(s, logger, TOKENS.acme), logger, { dryRun: true });
    expect(again.map((r) => r.action)).toEqual(['would-skip']);
  });

  it('masks the token before any request and never writes it in a log line or an error', async () => {
    const s = await startServer();
    const { logger, lines, masked } = recordingLogger();
    const client = clientFor(s, logger, TOKENS.acme);
    expect(masked).toEqual([TOKENS.acme]);
    expect(s.requests).toEqual([]);
    s.faults.fail(500, { method: 'POST', times: 1 });
    s.faults.cutUpload('mid-body');
    await publishComponents(await planFor(s, [{ component: 'calc', bytes: await calcComponent('add', 64 * 1024) }]), client, logger);
    const errors: string[] = [];
    for (const token of [TOKENS.acme, 'bad-secret-token-xyz']) {
      const other = clientFor(s, logger, token);
      const plan = await planFor(s, [{ component: 'calc', bytes: await calcComponent('sub') }], project('other'));
      errors.push(await publishComponents(plan, other, logger).then(() => 'no error', (e: Error) => `${e.message} ${(e as { hint?: string }).hint}`));
    }
    expect(errors).toHaveLength(2);
    expect(errors.some((e) => e === 'no error')).toBe(false);
    for (const text of [...lines, ...errors]) {
      expect(text).not.toContain(TOKENS.acme);
      expect(text).not.toContain('bad-secret-token-xyz');
    }
    expect(lines.filter((l) => l.startsWith('warn:')).length).toBeGreaterThanOrEqual(2);
  });
});
