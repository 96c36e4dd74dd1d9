/**
 * HTTP(S) GET with retries, timeouts and bounded redirects, streaming to a temp file while hashing.
 * Shared by the toolchain installer and the registry client. Retries (retry.ts) on network errors, 408, 429
 * (honouring Retry-After) and 5xx with exponential backoff; any other 4xx fails at once. The file
 * appears at its destination only when the whole body arrived (renamed from a `.part` file).
 */
import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import { writeFileAtomicWith } from '../fs/atomic.js';
import type { Logger } from '../log.js';
import { silentLogger } from '../log.js';
import { DEFAULT_HTTP } from './constants.js';
import {
  DownloadTimeoutError,
  HttpStatusError,
  NetworkError,
  TooManyRedirectsError,
  TruncatedBodyError,
} from './errors.js';
import { redactUrl } from './redact.js';
import { isRetryableStatus, parseRetryAfter, withRetries, type RetryPolicy } from './retry.js';

/** Retries (see retry.ts), timeouts, redirects and headers; each defaults to DEFAULT_HTTP. */
export interface HttpOptions extends Partial<RetryPolicy> {
  connectTimeoutMs?: number;
  /** Longest silence while waiting for headers or body bytes. */
  readTimeoutMs?: number;
  maxRedirects?: number;
  headers?: Record<string, string>;
  logger?: Logger;
}

export interface DownloadResult {
  file: string;
  sha256: string;
  /** Base64, as npm's integrity strings hold it; only when asked for. */
  sha512?: string;
  size: number;
  /** The URL the bytes finally came from, after redirects (userinfo and query removed). */
  finalUrl: string;
}

/** Read timeouts by request, so a body aborted by our timer is reported as a timeout, not a truncation. */
const timeouts = new WeakMap<http.ClientRequest, DownloadTimeoutError>();
const requestOf = new WeakMap<http.IncomingMessage, http.ClientRequest>();

/** Downloads `url` to `dest`; returns the hashes of exactly the bytes written. */
export async function downloadFile(url: string, dest: string, options: HttpOptions & { sha512?: boolean } = {}): Promise<DownloadResult> {
  let result: Omit<DownloadResult, 'file'> | undefined;
  const sink = (part: string) => async (res: http.IncomingMessage, finalUrl: string) => {
    const sha256 = createHash('sha256');
    const sha512 = options.sha512 ? createHash('sha512') : undefined;
    let size = 0;
    const out = createWriteStream(part);
    try {
      await pipeBody(res, url, (chunk) => {
        sha256.update(chunk);
        sha512?.update(chunk);
        size += chunk.length;
        return out.write(chunk);
      }, () => new Promise<void>((resolve) => out.once('drain', resolve)));
    } finally {
      await new Promise<void>((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve())));
    }
    result = { sha256: sha256.digest('hex'), size, finalUrl: redactUrl(finalUrl), ...(sha512 ? { sha512: sha512.digest('base64') } : {}) };
  };
  await writeFileAtomicWith(dest, (part) => getWithRetries(url, options, sink(part)), 'part');
  return { file: dest, ...result! };
}

/** GETs a small document (a registry index) into memory, with the same retry rules. */
export async function fetchBytes(url: string, options: HttpOptions = {}): Promise<Buffer> {
  let body = Buffer.alloc(0);
  await getWithRetries(url, options, async (res) => {
    const chunks: Buffer[] = [];
    await pipeBody(res, url, (chunk) => (chunks.push(chunk), true), async () => {});
    body = Buffer.concat(chunks);
  });
  return body;
}

export async function fetchJson<T>(url: string, options: HttpOptions = {}): Promise<T> {
  const bytes = await fetchBytes(url, { ...options, headers: { accept: 'application/json', ...options.headers } });
  try {
    return JSON.parse(bytes.toString('utf8')) as T;
  } catch (err) {
    throw new NetworkError(`${redactUrl(url)} did not return JSON: ${(err as Error).message}`, {
      hint: 'check that the URL (or the mirror in front of it) points at the registry API',
    });
  }
}

function settings(o: HttpOptions) {
  return { ...DEFAULT_HTTP, ...Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) } as Required<
    Omit<HttpOptions, 'headers' | 'logger'>
  > & { headers?: Record<string, string>; logger?: Logger };
}

/** Errors after which another try may succeed; everything else (4xx, redirect loops) is final. */
function retryable(err: unknown): boolean {
  if (err instanceof HttpStatusError) return isRetryableStatus(err.status);
  return err instanceof NetworkError || err instanceof DownloadTimeoutError || err instanceof TruncatedBodyError;
}

async function getWithRetries(url: string, options: HttpOptions, sink: (res: http.IncomingMessage, finalUrl: string) => Promise<void>): Promise<void> {
  const s = settings(options);
  const log = options.logger ?? silentLogger;
  let tries = 0;
  try {
    const attempt = (n: number) => {
      tries = n;
      return requestFollowingRedirects(url, s, sink);
    };
    await withRetries(attempt, s, {
      retryable,
      retryAfterMs: (err) => (err instanceof HttpStatusError ? err.retryAfterMs : undefined),
      onRetry: (err, delay, next) => log.warn(`${(err as Error).message}; retrying in ${(delay / 1000).toFixed(1)} s (attempt ${next} of ${s.attempts})`),
    });
  } catch (err) {
    if (err instanceof NetworkError && tries > 1) (err as { message: string }).message += ` (after ${tries} attempts)`;
    throw err;
  }
}

async function requestFollowingRedirects(
  startUrl: string,
  s: ReturnType<typeof settings>,
  sink: (res: http.IncomingMessage, finalUrl: string) => Promise<void>,
): Promise<void> {
  let url = new URL(startUrl);
  const origin = url.origin;
  for (let hop = 0; ; hop++) {
    // Credentials in the URL go to the host the user named, never to a host it redirects to.
    const withAuth = url.origin === origin;
    const res = await openResponse(url, s, withAuth);
    const status = res.statusCode ?? 0;
    if ([301, 302, 303, 307, 308].includes(status) && res.headers.location) {
      res.resume();
      if (hop >= s.maxRedirects) {
        throw new TooManyRedirectsError(`${redactUrl(startUrl)}: more than ${s.maxRedirects} redirects`, {
          hint: 'the server (or mirror) redirects in a loop; check the URL in run.lock.toml or the mirror setting',
        });
      }
      const next = new URL(res.headers.location, url);
      if (url.protocol === 'https:' && next.protocol !== 'https:') {
        throw new NetworkError(`${redactUrl(url.href)} redirects from https to ${next.protocol}`, {
          hint: 'a release host must not downgrade to plain http',
        });
      }
      url = next;
      continue;
    }
    if (status < 200 || status >= 300) {
      res.resume();
      throw new HttpStatusError(url.href, status, parseRetryAfter(res.headers['retry-after']));
    }
    await sink(res, url.href);
    return;
  }
}

function openResponse(url: URL, s: ReturnType<typeof settings>, withAuth: boolean): Promise<http.IncomingMessage> {
  return new Promise((resolve, reject) => {
    const lib = url.protocol === 'https:' ? https : url.protocol === 'http:' ? http : undefined;
    if (!lib) {
      reject(new NetworkError(`unsupported URL scheme in ${redactUrl(url.href)}`, { hint: 'use an http:// or https:// URL' }));
      return;
    }
    const headers: Record<string, string> = { 'user-agent': 'run-action', ...s.headers };
    if (withAuth && url.username) {
      const user = decodeURIComponent(url.username);
      const pass = decodeURIComponent(url.password);
      headers.authorization = `Basic ${Buffer.from(`${user}:${pass}`).toString('base64')}`;
    }
    const req = lib.get(
      { protocol: url.protocol, hostname: url.hostname.replace(/^\[|\]$/g, ''), port: url.port, path: url.pathname + url.search, headers, agent: false },
      (res) => {
        clearTimeout(connectTimer);
        requestOf.set(res, req);
        resolve(res);
      },
    );
    const connectTimer = setTimeout(() => {
      req.destroy(new DownloadTimeoutError(`${redactUrl(url.href)}: no connection within ${s.connectTimeoutMs} ms`));
    }, s.connectTimeoutMs);
    req.on('socket', (socket) => {
      socket.once('connect', () => clearTimeout(connectTimer));
      socket.setTimeout(s.readTimeoutMs, () => {
        const err = new DownloadTimeoutError(`${redactUrl(url.href)}: no data for ${s.readTimeoutMs} ms`);
        timeouts.set(req, err);
        req.destroy(err);
      });
    });
    req.on('error', (err) => {
      clearTimeout(connectTimer);
      reject(asNetworkError(err, url.href));
    });
  });
}

/** Streams a response body into `write`, checking it ends with the announced length. */
async function pipeBody(
  res: http.IncomingMessage,
  url: string,
  write: (chunk: Buffer) => boolean,
  drained: () => Promise<void>,
): Promise<void> {
  const expected = res.headers['content-length'] === undefined ? undefined : Number(res.headers['content-length']);
  let received = 0;
  try {
    for await (const chunk of res as AsyncIterable<Buffer>) {
      received += chunk.length;
      if (!write(chunk)) await drained();
    }
  } catch (err) {
    const req = requestOf.get(res);
    const timeout = req && timeouts.get(req);
    if (timeout) throw timeout;
    if (err instanceof DownloadTimeoutError) throw err;
    throw new TruncatedBodyError(`${redactUrl(url)}: connection lost after ${received} bytes${expected ? ` of ${expected}` : ''}`);
  }
  if (!res.complete || (expected !== undefined && received !== expected)) {
    throw new TruncatedBodyError(`${redactUrl(url)}: body ended after ${received} bytes${expected !== undefined ? ` of ${expected}` : ''}`);
  }
}

function asNetworkError(err: unknown, url: string): Error {
  if (err instanceof DownloadTimeoutError || err instanceof NetworkError) return err;
  const e = err as NodeJS.ErrnoException;
  return new NetworkError(`${redactUrl(url)}: ${e.code ?? e.message}`, {
    hint: 'check the network, or point --mirror at a reachable copy of the release host',
    cause: err,
  });
}
