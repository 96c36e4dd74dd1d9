/**
 * GitHub's cache service on loopback — the one part of a GitHub run these tests stand in for. It
 * speaks the v1 artifact-cache protocol @actions/cache uses when ACTIONS_CACHE_URL is set (look up
 * by key and version, reserve, upload chunks by Content-Range, commit, download the archive) and
 * keeps entries in memory, so a save by the post step is restored by a later run for real.
 */
import http from 'node:http';
import { listen } from '../support/loopback.js';

interface Entry {
  key: string;
  version: string;
  chunks: Array<{ start: number; body: Buffer }>;
  archive?: Buffer;
}

export interface CacheService {
  /** What the runner exports for @actions/cache. */
  env: Record<string, string>;
  /** Keys of committed entries. */
  keys(): string[];
  /** Keys looked up, in order. */
  lookups: string[];
  close(): Promise<void>;
}

const API = '/_apis/artifactcache/';

async function body(req: http.IncomingMessage): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const p of req) parts.push(p as Buffer);
  return Buffer.concat(parts);
}

function json(res: http.ServerResponse, status: number, value: unknown): void {
  const text = JSON.stringify(value);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) }).end(text);
}

export async function startCacheService(): Promise<CacheService> {
  const entries: Entry[] = [];
  const lookups: string[] = [];
  let origin = '';
  const server = http.createServer((req, res) => {
    void handle(req, res).catch((err: Error) => json(res, 500, { message: err.message }));
  });
  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    // Ids start at 1, as on GitHub (@actions/cache takes a cacheId of 0 for a failed reservation).
    const entry = entries[Number(/^(?:\/_apis\/artifactcache\/caches|\/archive)\/(\d+)$/.exec(url.pathname)?.[1]) - 1];
    if (req.method === 'GET' && url.pathname === `${API}cache`) {
      const keys = (url.searchParams.get('keys') ?? '').split(',');
      const version = url.searchParams.get('version') ?? '';
      lookups.push(keys[0]!);
      const i = entries.findIndex((e) => e.archive && e.version === version && keys.includes(e.key));
      if (i < 0) return void res.writeHead(204).end();
      return json(res, 200, { cacheKey: entries[i]!.key, scope: 'refs/heads/main', archiveLocation: `${origin}/archive/${i + 1}` });
    }
    if (req.method === 'POST' && url.pathname === `${API}caches`) {
      const { key, version } = JSON.parse((await body(req)).toString()) as { key: string; version: string };
      if (entries.some((e) => e.key === key && e.version === version)) return json(res, 409, { message: `Cache already exists. Scope: refs/heads/main, Key: ${key}` });
      entries.push({ key, version, chunks: [] });
      return json(res, 201, { cacheId: entries.length });
    }
    if (req.method === 'PATCH' && entry && !entry.archive) {
      const start = Number(/^bytes (\d+)-\d+\/\*$/.exec(req.headers['content-range'] ?? '')?.[1]);
      entry.chunks.push({ start, body: await body(req) });
      return void res.writeHead(204).end();
    }
    if (req.method === 'POST' && entry && !entry.archive) {
      const { size } = JSON.parse((await body(req)).toString()) as { size: number };
      const archive = Buffer.alloc(size);
      for (const c of entry.chunks) c.body.copy(archive, c.start);
      if (entry.chunks.reduce((n, c) => n + c.body.length, 0) !== size) return json(res, 400, { message: 'size does not match the uploaded chunks' });
      entry.archive = archive;
      return void res.writeHead(204).end();
    }
    if (req.method === 'GET' && url.pathname.startsWith('/archive/') && entry?.archive) {
      return void res.writeHead(200, { 'content-length': entry.archive.length }).end(entry.archive);
    }
    res.writeHead(404).end();
  }
  const listening = await listen(server);
  origin = listening.origin;
  return {
    env: { ACTIONS_CACHE_URL: `${origin}/`, ACTIONS_RUNTIME_TOKEN: 'loopback-runtime-token' },
    keys: () => entries.filter((e) => e.archive).map((e) => e.key),
    lookups,
    close: listening.close,
  };
}
