/**
 * A Run registry on loopback implementing upstream's server contract (registry-server/src/main.rs,
 * spec §8.2–8.5): routes, status codes and the order of the publish checks, namespace-scoped tokens
 * plus an admin token, sha256 check, immutable versions (409), metadata JSON in server field order,
 * download URLs, versions sorted as text, search and stats. State persists in `dataDir`
 * (`registry.json` + content-addressed `artifacts/<sha256>.wasm`), so a restarted server keeps it.
 *
 * Deliberate differences from upstream: an upload over the size limit answers 413 (upstream reads
 * the cut-off body as "no file" and answers 400); the HTML pages (/, /browse) are not served. It is
 * written independently of src/core/registry (its own multipart parsing via undici's FormData and
 * its own semver checks) so the client is tested against a second implementation, not itself.
 *
 * Fault injection for tests: `faults.fail(status)`, `faults.delay(ms)`, `faults.cutUpload(when)`,
 * `faults.corruptDownload()`.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { join } from 'node:path';
import semver from 'semver';
import { listen } from './loopback.js';

export interface RegistryServerOptions {
  dataDir: string;
  /** REGISTRY_TOKENS: `ns:token,ns2:token2`, split at the first ':'. */
  tokens?: string;
  /** REGISTRY_ADMIN_TOKEN: may publish to any namespace. */
  adminToken?: string;
  /** REGISTRY_MAX_UPLOAD_MB (default 50), for the whole request body. */
  maxUploadMb?: number;
  /** Overrides maxUploadMb in bytes, so tests need not send megabytes. */
  maxUploadBytes?: number;
  /** REGISTRY_URL, the base of download URLs; defaults to the server's own loopback URL. */
  registryUrl?: string;
}

interface VersionRow {
  version: string;
  description: string;
  license: string | null;
  repository: string | null;
  size: number;
  sha256: string;
  published_at: number;
  dependencies: Array<{ name: string; version: string; optional?: boolean }>;
  targets: string[];
  wit_url: string | null;
}

interface PackageRow {
  namespace: string;
  description: string;
  license: string | null;
  repository: string | null;
  created_at: number;
  versions: Record<string, VersionRow>;
}

interface State {
  packages: Record<string, PackageRow>;
  api_keys: Record<string, { namespace: string; revoked: boolean }>;
  downloads: Record<string, number>;
}

type Match = { method?: string; path?: RegExp; times?: number };
type Fault =
  | { kind: 'status'; status: number; headers?: Record<string, string> }
  | { kind: 'delay'; ms: number }
  | { kind: 'cut'; when: 'mid-body' | 'after-store' }
  | { kind: 'corrupt' };
type Rule = Fault & { method?: string; path?: RegExp; remaining: number };

export interface RequestRecord {
  method: string;
  path: string;
  /** Status sent, or 'cut' when the connection was destroyed on purpose. */
  outcome: number | 'cut';
}

export interface RegistryServer {
  url: string;
  port: number;
  dataDir: string;
  /** Every request seen, in arrival order. */
  requests: RequestRecord[];
  /** Count of uploads that created a version (201). */
  readonly created: number;
  faults: {
    /** Answer `status` (empty body) to the next `times` matching requests. */
    fail(status: number, match?: Match & { headers?: Record<string, string> }): void;
    /** Wait `ms` before handling the next `times` matching requests. */
    delay(ms: number, match?: Match): void;
    /**
     * Cut the next upload's connection: 'mid-body' after part of the body arrived (nothing stored),
     * 'after-store' once the version is stored but before the answer is sent.
     */
    cutUpload(when: 'mid-body' | 'after-store', match?: Match): void;
    /** Serve the next artifact download with its first byte flipped (metadata unchanged). */
    corruptDownload(match?: Match): void;
  };
  close(): Promise<void>;
}

const RESERVED = new Set(['latest', 'dev', 'stable']);
const isSemver = (v: string) => !RESERVED.has(v) && /^\d+\.\d+\.\d+(?:[-+].*)?$/.test(v) && semver.parse(v) !== null;
/** Percent-encodes like Rust's `urlencoding::encode`: everything but ALPHA / DIGIT / '-' '.' '_' '~'. */
const encodeName = (s: string) => encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

export async function startRegistryServer(options: RegistryServerOptions): Promise<RegistryServer> {
  const dataDir = options.dataDir;
  const stateFile = join(dataDir, 'registry.json');
  mkdirSync(join(dataDir, 'artifacts'), { recursive: true });
  const state: State = existsSync(stateFile)
    ? (JSON.parse(readFileSync(stateFile, 'utf8')) as State)
    : { packages: {}, api_keys: {}, downloads: {} };
  // Like upstream: tokens from the environment are inserted only when absent, never changed.
  const addKey = (token: string, namespace: string) => {
    if (token && !state.api_keys[token]) state.api_keys[token] = { namespace, revoked: false };
  };
  if (options.adminToken) addKey(options.adminToken, '*');
  for (const pair of (options.tokens ?? '').split(',').filter(Boolean)) {
    const at = pair.indexOf(':');
    if (at > 0) addKey(pair.slice(at + 1), pair.slice(0, at));
  }
  const save = () => {
    writeFileSync(`${stateFile}.tmp`, JSON.stringify(state, null, 2));
    renameSync(`${stateFile}.tmp`, stateFile);
  };
  save();

  const maxUpload = options.maxUploadBytes ?? (options.maxUploadMb ?? 50) * 1024 * 1024;
  const rules: Rule[] = [];
  const requests: RequestRecord[] = [];
  let created = 0;
  let baseUrl = '';

  const takeRule = (method: string, path: string, kinds: Fault['kind'][]): Rule | undefined => {
    const rule = rules.find((r) => kinds.includes(r.kind) && r.remaining > 0 && (!r.method || r.method === method) && (!r.path || r.path.test(path)));
    if (rule) rule.remaining--;
    return rule;
  };

  const metadataOf = (name: string, v: VersionRow) => ({
    name,
    version: v.version,
    description: v.description,
    license: v.license,
    size: v.size,
    sha256: v.sha256,
    download_url: `${options.registryUrl ?? baseUrl}/packages/${encodeName(name)}/${v.version}/artifact.wasm`,
    wit_url: v.wit_url,
    dependencies: v.dependencies.map((d) => ({ name: d.name, version: d.version, optional: d.optional ?? false })),
    targets: v.targets,
    repository: v.repository,
    published_at: v.published_at,
  });

  const server = http.createServer((req, res) => {
    const method = req.method ?? 'GET';
    const url = new URL(req.url ?? '/', 'http://registry.invalid');
    const record: RequestRecord = { method, path: url.pathname + url.search, outcome: 0 };
    requests.push(record);
    const send = (status: number, body?: string | Uint8Array, type?: string, headers: Record<string, string> = {}) => {
      record.outcome = status;
      res.writeHead(status, { 'access-control-allow-origin': '*', ...(type ? { 'content-type': type } : {}), ...headers });
      res.end(body);
    };
    const json = (status: number, value: unknown) => send(status, JSON.stringify(value), 'application/json');
    const cut = () => {
      record.outcome = 'cut';
      req.socket.destroy();
    };

    const cutRule = method === 'POST' ? takeRule(method, url.pathname, ['cut']) : undefined;
    const chunks: Buffer[] = [];
    let received = 0;
    let tooLarge = false;
    const declared = Number(req.headers['content-length'] ?? 0);
    req.on('data', (chunk: Buffer) => {
      received += chunk.length;
      if (received > maxUpload) tooLarge = true; // keep draining so the 413 reaches the client
      else chunks.push(chunk);
      if (cutRule?.kind === 'cut' && cutRule.when === 'mid-body' && received >= Math.min(declared / 2, 1024)) cut();
    });
    req.on('end', () => {
      void (async () => {
        const delay = takeRule(method, url.pathname, ['delay']);
        if (delay?.kind === 'delay') await new Promise((r) => setTimeout(r, delay.ms));
        const failure = takeRule(method, url.pathname, ['status']);
        if (failure?.kind === 'status') return send(failure.status, undefined, undefined, failure.headers);
        if (tooLarge) return send(413);
        await route(Buffer.concat(chunks), cutRule?.kind === 'cut' && cutRule.when === 'after-store');
      })().catch(() => {
        if (!res.headersSent) send(500);
      });
    });

    const route = async (body: Buffer, cutAfterStore: boolean) => {
      let segs: string[];
      try {
        segs = url.pathname.split('/').filter(Boolean).map(decodeURIComponent);
      } catch {
        return send(400);
      }
      const path = segs.join('/');
      if (method === 'GET' && path === 'health') return send(200, 'ok', 'text/plain');
      if (method === 'GET' && path === 'packages') return json(200, { packages: Object.keys(state.packages).sort() });
      if (method === 'GET' && segs.length === 5 && segs[0] === 'api' && segs[1] === 'v1' && segs[2] === 'packages' && segs[4] === 'versions') {
        const pkg = state.packages[segs[3]!];
        const versions = pkg ? Object.keys(pkg.versions).sort() : []; // text order, as upstream's SQL
        return versions.length ? json(200, { name: segs[3], versions }) : send(404);
      }
      if (method === 'GET' && segs.length === 5 && segs[0] === 'api' && segs[1] === 'v1' && segs[2] === 'packages') {
        const row = state.packages[segs[3]!]?.versions[segs[4]!];
        return row ? json(200, metadataOf(segs[3]!, row)) : send(404);
      }
      if (method === 'GET' && segs.length === 4 && segs[0] === 'packages' && segs[3] === 'artifact.wasm') {
        const row = state.packages[segs[1]!]?.versions[segs[2]!];
        if (!row) return send(404);
        const key = `${segs[1]}@${segs[2]}`;
        state.downloads[key] = (state.downloads[key] ?? 0) + 1;
        save();
        const bytes = readFileSync(join(dataDir, 'artifacts', `${row.sha256}.wasm`));
        if (takeRule(method, url.pathname, ['corrupt'])) bytes[0]! ^= 0xff;
        return send(200, bytes, 'application/wasm');
      }
      if (method === 'GET' && path === 'api/v1/search') return search();
      if (method === 'GET' && path === 'api/v1/stats') {
        const versionCount = Object.values(state.packages).reduce((n, p) => n + Object.keys(p.versions).length, 0);
        const downloads = Object.values(state.downloads).reduce((n, c) => n + c, 0);
        return json(200, { download_count: downloads, package_count: Object.keys(state.packages).length, uptime_percent: 100.0, version_count: versionCount });
      }
      if (method === 'POST' && path === 'api/v1/packages') return publish(body, cutAfterStore);
      return send(404);
    };

    const search = () => {
      const q = url.searchParams.get('q');
      if (q === null) return send(400);
      const limit = Math.min(Number(url.searchParams.get('limit') ?? 20) || 20, 100);
      const offset = Number(url.searchParams.get('offset') ?? 0) || 0;
      // SQLite LIKE: case-insensitive, '%' and '_' are wildcards.
      const like = new RegExp(q.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/%/g, '.*').replace(/_/g, '.'), 'i');
      const hits = Object.keys(state.packages).filter((n) => like.test(n)).sort();
      const best = (name: string) => {
        const versions = Object.values(state.packages[name]!.versions);
        versions.sort((a, b) => (semver.valid(a.version) && semver.valid(b.version) ? semver.rcompare(a.version, b.version) : semver.valid(a.version) ? -1 : 1));
        return metadataOf(name, versions[0]!);
      };
      return json(200, { packages: hits.slice(offset, offset + limit).map(best), total: hits.length });
    };

    const publish = async (body: Buffer, cutAfterStore: boolean) => {
      let form: FormData | undefined;
      try {
        form = await new Response(body, { headers: { 'content-type': req.headers['content-type'] ?? '' } }).formData();
      } catch {
        form = undefined; // upstream: a malformed stream just ends field reading
      }
      const text = (k: string) => {
        const v = form?.get(k);
        return typeof v === 'string' ? v : undefined;
      };
      const file = form?.get('component') ?? form?.get('artifact');
      const name = text('name');
      const version = text('version');
      // 1. required fields and the name's shape
      if (!name || !version || !file || typeof file === 'string') return send(400);
      const parts = name.split(':');
      if (parts.length !== 2 || !parts[0] || !parts[1]) return send(400);
      // 2. bearer token
      const auth = req.headers.authorization;
      if (!auth || !auth.startsWith('Bearer ')) return send(401);
      const key = state.api_keys[auth.slice('Bearer '.length)];
      if (!key || key.revoked) return send(401);
      // 3. namespace
      if (key.namespace !== '*' && key.namespace !== parts[0]) return send(403);
      // 4. version
      if (!isSemver(version)) return send(400);
      // 5. digest
      const bytes = Buffer.from(await file.arrayBuffer());
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      const claimed = text('sha256');
      if (claimed !== undefined && claimed !== sha256) return send(400);
      // 6. content-addressed artifact
      const artifact = join(dataDir, 'artifacts', `${sha256}.wasm`);
      if (!existsSync(artifact)) {
        writeFileSync(`${artifact}.tmp`, bytes);
        renameSync(`${artifact}.tmp`, artifact);
      }
      // 7. package row (package-level fields never updated), immutable version
      const now = Math.floor(Date.now() / 1000);
      const pkg = (state.packages[name] ??= {
        namespace: parts[0],
        description: text('description') ?? '',
        license: text('license') ?? null,
        repository: text('repository') ?? null,
        created_at: now,
        versions: {},
      });
      if (pkg.versions[version]) return send(409);
      const parseJson = <T>(k: string): T | undefined => {
        try {
          const v = text(k);
          return v === undefined ? undefined : (JSON.parse(v) as T);
        } catch {
          return undefined;
        }
      };
      pkg.versions[version] = {
        version,
        description: text('description') ?? '',
        license: text('license') ?? null,
        repository: text('repository') ?? null,
        size: bytes.length,
        sha256,
        published_at: now,
        dependencies: parseJson<VersionRow['dependencies']>('dependencies') ?? [],
        targets: parseJson<string[]>('targets') ?? ['wasm32-wasip2'],
        wit_url: text('wit_url') ?? null,
      };
      save();
      created++;
      return cutAfterStore ? cut() : send(201);
    };
  });

  const { origin, port, close } = await listen(server);
  baseUrl = origin;

  const addRule = (fault: Fault, match: Match = {}) => rules.push({ ...fault, method: match.method, path: match.path, remaining: match.times ?? 1 });
  return {
    url: baseUrl,
    port,
    dataDir,
    requests,
    get created() {
      return created;
    },
    faults: {
      fail: (status, match = {}) => addRule({ kind: 'status', status, headers: match.headers }, match),
      delay: (ms, match) => addRule({ kind: 'delay', ms }, match),
      cutUpload: (when, match = {}) => addRule({ kind: 'cut', when }, { method: 'POST', ...match }),
      corruptDownload: (match) => addRule({ kind: 'corrupt' }, match),
    },
    close,
  };
}
