/**
 * Client for upstream's registry API (§8.2): versions, metadata, verified download, search and a
 * single publish attempt. Look-ups try the primary URL then each mirror, each with the shared
 * downloader's retries; a 404 is an answer, not a failure, so it never falls through to a mirror.
 */
import semver from 'semver';
import type { Logger } from '../log.js';
import { fetchBytes, type HttpOptions } from '../net/download.js';
import { HttpStatusError } from '../net/errors.js';
import { DEFAULT_HTTP } from '../net/constants.js';
import { redactUrl } from '../net/redact.js';
import { parseRetryAfter } from '../net/retry.js';
import { sha256Hex } from '../sha256.js';
import {
  AuthError,
  ForbiddenNamespaceError,
  HashMismatchError,
  MissingTokenError,
  PackageNotFoundError,
  PayloadTooLargeError,
  PublishRejectedError,
  RegistryHttpError,
  RegistryProtocolError,
  VersionExistsError,
} from './errors.js';
import { parseMetadata, type PackageMetadata } from './metadata.js';
import { multipartBody, type FileSource } from './multipart.js';
import { post } from './upload.js';

/** Attempts, back-off and timeouts; shared by look-ups (via src/core/net) and the publish loop. */
export type RetryOptions = Pick<HttpOptions, 'attempts' | 'backoffMs' | 'maxBackoffMs' | 'maxRetryAfterMs' | 'connectTimeoutMs' | 'readTimeoutMs'>;

export interface RegistryClientOptions {
  url: string;
  mirrors?: string[];
  token?: string;
  logger: Logger;
  retry?: RetryOptions;
}

export interface PackageUpload {
  name: string;
  version: string;
  description: string;
  license?: string;
  repository?: string;
  /** Hex sha256 of the bytes; the server refuses the upload (400) when it does not match. */
  sha256: string;
  file: FileSource;
}

export interface SearchResult {
  packages: PackageMetadata[];
  total: number;
}

export class RegistryClient {
  readonly url: string;
  readonly mirrors: string[];
  readonly retry: Required<RetryOptions>;
  private readonly token: string | undefined;
  private readonly logger: Logger;

  constructor(options: RegistryClientOptions) {
    this.url = trimSlash(options.url);
    this.mirrors = (options.mirrors ?? []).map(trimSlash);
    this.token = options.token || undefined;
    this.logger = options.logger;
    // Masked before any request is made, so no later log line can show it.
    if (this.token) this.logger.mask(this.token);
    this.retry = {
      attempts: options.retry?.attempts ?? 4,
      backoffMs: options.retry?.backoffMs ?? 1_000,
      maxBackoffMs: options.retry?.maxBackoffMs ?? 15_000,
      maxRetryAfterMs: options.retry?.maxRetryAfterMs ?? DEFAULT_HTTP.maxRetryAfterMs,
      connectTimeoutMs: options.retry?.connectTimeoutMs ?? 30_000,
      readTimeoutMs: options.retry?.readTimeoutMs ?? 30_000,
    };
  }

  get hasToken(): boolean {
    return this.token !== undefined;
  }

  /** Published versions that are valid semver, lowest first (the server sorts them as text). */
  async versions(name: string): Promise<string[]> {
    const json = await this.lookUp(`/api/v1/packages/${encodeURIComponent(name)}/versions`);
    if (json === undefined) throw new PackageNotFoundError(name, undefined, redactUrl(this.url));
    const list = (json as { versions?: unknown }).versions;
    if (!Array.isArray(list)) throw new RegistryProtocolError(`invalid versions list for ${name} from ${redactUrl(this.url)}`);
    return list.filter((v): v is string => typeof v === 'string' && semver.valid(v) !== null).sort(semver.compare);
  }

  /** Metadata of name@version, or undefined when the registry does not have it (404). */
  async metadata(name: string, version: string): Promise<PackageMetadata | undefined> {
    const path = `/api/v1/packages/${encodeURIComponent(name)}/${encodeURIComponent(version)}`;
    const json = await this.lookUp(path);
    return json === undefined ? undefined : parseMetadata(json, `${redactUrl(this.url)}${path}`);
  }

  /** The artifact's bytes, refused unless they hash to the metadata's sha256. */
  async download(meta: PackageMetadata): Promise<Uint8Array> {
    const bytes = await fetchBytes(this.downloadUrl(meta.downloadUrl), this.httpOptions());
    const actual = sha256Hex(bytes);
    if (actual !== meta.sha256) {
      throw new HashMismatchError(meta.name, meta.sha256, actual, {
        hint: `the registry served bytes for ${meta.name}@${meta.version} that do not match its own metadata; retry later or report it to the registry operator`,
      });
    }
    return bytes;
  }

  async search(query: string, page: { limit?: number; offset?: number } = {}): Promise<SearchResult> {
    const params = new URLSearchParams({ q: query });
    if (page.limit !== undefined) params.set('limit', String(page.limit));
    if (page.offset !== undefined) params.set('offset', String(page.offset));
    const body = await fetchBytes(`${this.url}/api/v1/search?${params}`, this.httpOptions());
    const json = parseJson(body, `${redactUrl(this.url)}/api/v1/search`) as { packages?: unknown; total?: unknown };
    if (!Array.isArray(json.packages) || typeof json.total !== 'number') {
      throw new RegistryProtocolError(`invalid search answer from ${redactUrl(this.url)}`);
    }
    return { packages: json.packages.map((p) => parseMetadata(p, `${redactUrl(this.url)}/api/v1/search`)), total: json.total };
  }

  /**
   * One upload attempt (POST /api/v1/packages, multipart). Not retried here: whether a retry is
   * safe depends on whether this attempt landed, which only the publish flow checks.
   */
  async publish(pkg: PackageUpload): Promise<void> {
    if (!this.token) throw new MissingTokenError();
    const url = `${this.url}/api/v1/packages`;
    const fields: Array<[string, string]> = [
      ['name', pkg.name],
      ['version', pkg.version],
      ['description', pkg.description],
    ];
    if (pkg.license) fields.push(['license', pkg.license]);
    if (pkg.repository) fields.push(['repository', pkg.repository]);
    fields.push(['sha256', pkg.sha256]);
    const body = multipartBody(fields, { field: 'component', filename: `${pkg.name}.wasm`, contentType: 'application/wasm', source: pkg.file });
    const res = await post(url, { authorization: `Bearer ${this.token}` }, body, this.retry.readTimeoutMs);
    const shown = redactUrl(this.url);
    if (res.status >= 200 && res.status < 300) return;
    if (res.status === 400) throw new PublishRejectedError(shown, pkg.name, pkg.version);
    if (res.status === 401) throw new AuthError(shown);
    if (res.status === 403) throw new ForbiddenNamespaceError(shown, pkg.name);
    if (res.status === 409) throw new VersionExistsError(pkg.name, pkg.version);
    if (res.status === 413) throw new PayloadTooLargeError(shown, pkg.name, body.length);
    throw new RegistryHttpError(redactUrl(url), res.status, parseRetryAfter(res.headers['retry-after']));
  }

  /** GETs JSON from the primary, then each mirror; undefined on 404. */
  private async lookUp(path: string): Promise<unknown> {
    const bases = [this.url, ...this.mirrors];
    let lastError: unknown;
    for (const [i, base] of bases.entries()) {
      try {
        return parseJson(await fetchBytes(`${base}${path}`, this.httpOptions()), `${redactUrl(base)}${path}`);
      } catch (err) {
        if (err instanceof HttpStatusError && err.status === 404) return undefined;
        lastError = err;
        if (i < bases.length - 1) this.logger.warn(`${(err as Error).message}; trying the next mirror`);
      }
    }
    throw lastError;
  }

  /**
   * Upstream's server builds download URLs from REGISTRY_URL, which defaults to localhost; like
   * upstream's client, a loopback download URL is re-rooted on the registry URL we were given.
   */
  private downloadUrl(url: string): string {
    const u = new URL(url, `${this.url}/`);
    const configured = new URL(this.url);
    const loopback = u.hostname === 'localhost' || u.hostname === '127.0.0.1';
    const at = u.pathname.indexOf('/packages/');
    if (loopback && u.origin !== configured.origin && at >= 0) return `${this.url}${u.pathname.slice(at)}`;
    return u.href;
  }

  private httpOptions(): HttpOptions {
    return { ...this.retry, logger: this.logger };
  }
}

function trimSlash(url: string): string {
  return url.replace(/\/+$/, '');
}

function parseJson(bytes: Uint8Array, source: string): unknown {
  try {
    return JSON.parse(Buffer.from(bytes).toString('utf8'));
  } catch {
    throw new RegistryProtocolError(`${source} did not answer with JSON`, { hint: 'check that the registry URL points at a Run registry' });
  }
}
