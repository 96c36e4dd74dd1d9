/** The loopback registry against upstream's contract (spec §8.2–8.5, cases 27 and 28), with raw HTTP. */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { calcComponent, startServer, tempDir, TOKENS } from './helpers.js';

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

async function upload(url: string, fields: Record<string, string>, file: Uint8Array | undefined, token?: string, fileField = 'component') {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  if (file) form.set(fileField, new Blob([file], { type: 'application/wasm' }), 'x.wasm');
  const res = await fetch(`${url}/api/v1/packages`, { method: 'POST', body: form, headers: token === undefined ? {} : { authorization: token } });
  return { status: res.status, body: await res.text() };
}

describe('registry server contract', () => {
  it('answers publishes like upstream, checks in upstream order (case 27)', async () => {
    const s = await startServer();
    const bytes = await calcComponent('add');
    const other = await calcComponent('sub');
    const ok = { name: 'acme:calc', version: '1.0.0', description: 'calculator', sha256: sha(bytes) };
    const bearer = (t: string) => `Bearer ${t}`;

    expect(await upload(s.url, ok, bytes, bearer(TOKENS.acme))).toEqual({ status: 201, body: '' });
    expect((await upload(s.url, ok, bytes, bearer(TOKENS.acme))).status).toBe(409);
    expect((await upload(s.url, { ...ok, version: '1.0.1', sha256: sha(other) }, bytes, bearer(TOKENS.acme))).status).toBe(400);
    expect((await upload(s.url, { ...ok, version: 'latest' }, bytes, bearer(TOKENS.acme))).status).toBe(400);
    expect((await upload(s.url, { ...ok, version: '1.0' }, bytes, bearer(TOKENS.acme))).status).toBe(400);
    expect((await upload(s.url, { ...ok, name: 'calc' }, bytes, bearer(TOKENS.acme))).status).toBe(400);
    expect((await upload(s.url, { ...ok, name: 'other:calc' }, bytes, bearer(TOKENS.acme))).status).toBe(403);
    expect((await upload(s.url, { ...ok, name: 'other:calc' }, bytes, bearer(TOKENS.admin))).status).toBe(201);
    expect((await upload(s.url, { ...ok, version: '2.0.0' }, bytes, bearer('nope'))).status).toBe(401);
    expect((await upload(s.url, { ...ok, version: '2.0.0' }, bytes, `bearer ${TOKENS.acme}`)).status).toBe(401);
    expect((await upload(s.url, { ...ok, version: '2.0.0' }, bytes)).status).toBe(401);
    expect((await upload(s.url, { ...ok, version: '2.0.0' }, undefined, bearer(TOKENS.acme))).status).toBe(400);
    // Order: shape errors (400) come before auth (401), auth before namespace (403), namespace before version (400).
    expect((await upload(s.url, { ...ok, name: 'calc' }, bytes, bearer('nope'))).status).toBe(400);
    expect((await upload(s.url, { ...ok, name: 'other:x', version: 'latest' }, bytes, bearer('nope'))).status).toBe(401);
    expect((await upload(s.url, { ...ok, name: 'other:x', version: 'latest' }, bytes, bearer(TOKENS.acme))).status).toBe(403);
    // The file may also be sent as `artifact`; the sha256 field is optional.
    expect((await upload(s.url, { name: 'acme:calc', version: '1.1.0' }, bytes, bearer(TOKENS.acme), 'artifact')).status).toBe(201);
    expect(s.created).toBe(3);
  });

  it('serves versions, metadata, artifacts, search and stats (case 28)', async () => {
    const s = await startServer();
    const v1 = await calcComponent('add');
    const v2 = await calcComponent('mul');
    for (const [version, bytes] of [['1.0.0', v1], ['1.2.0', v2], ['1.10.0', v2]] as const) {
      expect((await upload(s.url, { name: 'acme:calc', version, sha256: sha(bytes) }, bytes, `Bearer ${TOKENS.acme}`)).status).toBe(201);
    }
    const versions = await (await fetch(`${s.url}/api/v1/packages/acme%3Acalc/versions`)).json();
    expect(versions).toEqual({ name: 'acme:calc', versions: ['1.0.0', '1.10.0', '1.2.0'] }); // text order, as upstream

    const res = await fetch(`${s.url}/api/v1/packages/acme:calc/1.0.0`);
    const meta = (await res.json()) as Record<string, unknown> & { download_url: string };
    expect(Object.keys(meta)).toEqual(['name', 'version', 'description', 'license', 'size', 'sha256', 'download_url', 'wit_url', 'dependencies', 'targets', 'repository', 'published_at']);
    expect(meta).toMatchObject({ name: 'acme:calc', version: '1.0.0', size: v1.length, sha256: sha(v1), targets: ['wasm32-wasip2'], dependencies: [] });
    expect(meta.download_url).toBe(`${s.url}/packages/acme%3Acalc/1.0.0/artifact.wasm`);

    const art = await fetch(meta.download_url);
    expect(art.headers.get('content-type')).toBe('application/wasm');
    expect(sha(new Uint8Array(await art.arrayBuffer()))).toBe(sha(v1));

    const found = (await (await fetch(`${s.url}/api/v1/search?q=CAL`)).json()) as { total: number; packages: Array<{ version: string }> };
    expect(found.total).toBe(1);
    expect(found.packages.map((p) => p.version)).toEqual(['1.10.0']); // highest semver
    expect((await fetch(`${s.url}/api/v1/search`)).status).toBe(400);
    expect((await fetch(`${s.url}/api/v1/packages/acme:nope/versions`)).status).toBe(404);
    expect((await fetch(`${s.url}/api/v1/packages/acme:calc/9.9.9`)).status).toBe(404);
    expect((await fetch(`${s.url}/packages/acme:calc/9.9.9/artifact.wasm`)).status).toBe(404);
    expect(await (await fetch(`${s.url}/api/v1/stats`)).json()).toEqual({ download_count: 1, package_count: 1, uptime_percent: 100, version_count: 3 });
    expect(await (await fetch(`${s.url}/packages`)).json()).toEqual({ packages: ['acme:calc'] });
    expect(await (await fetch(`${s.url}/health`)).text()).toBe('ok');
  });

  it('persists to its data directory across restarts, keeping existing tokens', async () => {
    const dataDir = tempDir('registry-data-');
    const first = await startServer({ dataDir });
    const bytes = await calcComponent('add');
    expect((await upload(first.url, { name: 'acme:calc', version: '1.0.0' }, bytes, `Bearer ${TOKENS.acme}`)).status).toBe(201);
    await first.close();
    const second = await startServer({ dataDir, tokens: 'acme:a-new-token' });
    expect((await fetch(`${second.url}/api/v1/packages/acme:calc/1.0.0`)).status).toBe(200);
    expect((await upload(second.url, { name: 'acme:calc', version: '1.0.1' }, bytes, `Bearer ${TOKENS.acme}`)).status).toBe(201);
    expect((await upload(second.url, { name: 'acme:calc', version: '1.0.2' }, bytes, 'Bearer a-new-token')).status).toBe(201);
  });

  it('answers 413 to an upload over the size limit (upstream: 400)', async () => {
    const s = await startServer({ maxUploadBytes: 4096 });
    const big = await calcComponent('add', 8192);
    expect((await upload(s.url, { name: 'acme:calc', version: '1.0.0' }, big, `Bearer ${TOKENS.acme}`)).status).toBe(413);
    expect(s.created).toBe(0);
  });

  it('uses REGISTRY_URL verbatim for download URLs', async () => {
    const s = await startServer({ registryUrl: 'http://localhost:8080' });
    const bytes = await calcComponent('add');
    await upload(s.url, { name: 'acme:calc', version: '1.0.0' }, bytes, `Bearer ${TOKENS.acme}`);
    const meta = (await (await fetch(`${s.url}/api/v1/packages/acme:calc/1.0.0`)).json()) as { download_url: string };
    expect(meta.download_url).toBe('http://localhost:8080/packages/acme%3Acalc/1.0.0/artifact.wasm');
  });
});
