/** The downloader against a misbehaving loopback host: each fault the release host can show. */
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Logger } from '../../src/core/log.js';
import { downloadFile } from '../../src/core/net/download.js';
import { DownloadTimeoutError, HttpStatusError, TooManyRedirectsError, TruncatedBodyError } from '../../src/core/net/errors.js';
import { redactUrl } from '../../src/core/net/redact.js';
import { startLoopback, type Loopback } from '../support/loopback.js';
import { needTool } from '../support/toolchain.js';

const body = Buffer.from('x'.repeat(100_000));
const sha = createHash('sha256').update(body).digest('hex');
const fast = { backoffMs: 5, readTimeoutMs: 2_000 };

function warnings(): Logger & { warned: string[] } {
  const warned: string[] = [];
  return { warned, info() {}, warn: (m) => void warned.push(m), error() {}, debug() {}, group: (_t, fn) => fn(), mask() {} };
}

describe('downloadFile', () => {
  let host: Loopback;
  let dir: string;
  beforeAll(async () => {
    host = await startLoopback();
    dir = mkdtempSync(join(tmpdir(), 'download-test-'));
    host.file('/ok', body);
    host.route('/404', (_q, res) => res.writeHead(404).end('no'));
    host.route('/429-then-ok', (_q, res, n) => (n === 1 ? res.writeHead(429, { 'retry-after': '1' }).end() : res.writeHead(200).end(body)));
    host.route('/500-x3-then-ok', (_q, res, n) => (n <= 3 ? res.writeHead(500).end() : res.writeHead(200).end(body)));
    host.route('/500-always', (_q, res) => res.writeHead(503).end());
    host.route('/truncated', (_q, res) => {
      res.writeHead(200, { 'content-length': String(body.length) });
      res.write(body.subarray(0, 1000), () => res.destroy());
    });
    host.route('/slow', (_q, res) => {
      res.writeHead(200, { 'content-length': String(body.length) });
      res.write(body.subarray(0, 10)); // then silence
    });
    host.route('/loop-a', (_q, res) => res.writeHead(302, { location: '/loop-b' }).end());
    host.route('/loop-b', (_q, res) => res.writeHead(302, { location: '/loop-a' }).end());
    host.route('/redirect', (_q, res) => res.writeHead(301, { location: '/ok?token=secret' }).end());
    host.route('/auth', (q, res) => res.writeHead(q.headers.authorization === `Basic ${Buffer.from('me:s3cret').toString('base64')}` ? 200 : 401).end(body));
  });
  afterAll(async () => {
    await host.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const dest = (name: string) => join(dir, name);
  const noPartFiles = () => expect(readdirSync(dir).filter((f) => f.includes('.part-'))).toEqual([]);

  it('streams to the destination and reports the sha256 of the bytes', async () => {
    const r = await downloadFile(`${host.url}ok`, dest('ok'), fast);
    expect(r.sha256).toBe(sha);
    expect(r.size).toBe(body.length);
    expect(readFileSync(dest('ok')).equals(body)).toBe(true);
  });

  it('does not retry a 404', async () => {
    const err = await downloadFile(`${host.url}404`, dest('404'), fast).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HttpStatusError);
    expect((err as HttpStatusError).status).toBe(404);
    expect(host.hits('/404')).toBe(1);
    expect(existsSync(dest('404'))).toBe(false);
  });

  it('retries a 429 after the Retry-After it names', async () => {
    const log = warnings();
    const r = await downloadFile(`${host.url}429-then-ok`, dest('429'), { ...fast, logger: log });
    expect(r.sha256).toBe(sha);
    expect(host.hits('/429-then-ok')).toBe(2);
    expect(log.warned[0]).toMatch(/HTTP 429; retrying in 1\.0 s \(attempt 2 of 4\)/);
  });

  it('retries 500 three times and then succeeds', async () => {
    const r = await downloadFile(`${host.url}500-x3-then-ok`, dest('500'), fast);
    expect(r.sha256).toBe(sha);
    expect(host.hits('/500-x3-then-ok')).toBe(4);
  });

  it('gives up on a 5xx after the configured attempts', async () => {
    const err = await downloadFile(`${host.url}500-always`, dest('503'), { ...fast, attempts: 3 }).catch((e: unknown) => e);
    expect((err as HttpStatusError).status).toBe(503);
    expect(host.hits('/500-always')).toBe(3);
    noPartFiles();
  });

  it('reports a truncated body and leaves no file', async () => {
    const err = await downloadFile(`${host.url}truncated`, dest('trunc'), { ...fast, attempts: 2 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TruncatedBodyError);
    expect((err as Error).message).toMatch(/after 1000 bytes of 100000/);
    expect(host.hits('/truncated')).toBe(2);
    expect(existsSync(dest('trunc'))).toBe(false);
    noPartFiles();
  });

  it('times out a body slower than the read timeout', async () => {
    const err = await downloadFile(`${host.url}slow`, dest('slow'), { ...fast, attempts: 1, readTimeoutMs: 300 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DownloadTimeoutError);
    expect((err as Error).message).toMatch(/no data for 300 ms/);
    expect(existsSync(dest('slow'))).toBe(false);
  });

  it('stops a redirect loop without retrying it', async () => {
    const err = await downloadFile(`${host.url}loop-a`, dest('loop'), { ...fast, maxRedirects: 5 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TooManyRedirectsError);
    expect(host.hits('/loop-a') + host.hits('/loop-b')).toBe(6);
  });

  it('follows a redirect and never shows the query token', async () => {
    const r = await downloadFile(`${host.url}redirect`, dest('redir'), fast);
    expect(r.sha256).toBe(sha);
    expect(r.finalUrl).toBe(`${host.url}ok?…`);
  });

  it('sends URL credentials as basic auth and keeps them out of messages', async () => {
    const authed = host.url.replace('http://', 'http://me:s3cret@');
    expect((await downloadFile(`${authed}auth`, dest('auth'), fast)).sha256).toBe(sha);
    const err = await downloadFile(`${host.url.replace('http://', 'http://me:wrong@')}auth`, dest('auth2'), fast).catch((e: unknown) => e);
    expect((err as HttpStatusError).status).toBe(401);
    expect((err as Error).message).not.toContain('wrong');
    expect(redactUrl('https://u:p@h.example/a?x=1')).toBe('https://h.example/a?…');
  });
});

/**
 * A loopback port whose connects hang: Linux drops a SYN while the listener's accept queue is full,
 * and Node always accepts, so Python listens with backlog 0 and fills the queue with connections it
 * never accepts (until one more connect times out). The listener lives until its stdin closes.
 */
const HANGING_LISTENER = `
import socket, sys
srv = socket.socket()
srv.bind(("127.0.0.1", 0))
srv.listen(0)
port = srv.getsockname()[1]
held = []
while True:
    c = socket.socket()
    c.settimeout(0.3)
    try:
        c.connect(("127.0.0.1", port))
        held.append(c)
    except socket.timeout:
        c.close()
        break
print(port, flush=True)
sys.stdin.read()
`;

const noPython = needTool('python3', ['--version']);

describe.skipIf(noPython)('downloadFile against a host that never accepts the connection', () => {
  let listener: ChildProcess;
  let port: number;
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'download-connect-'));
    listener = spawn('python3', ['-c', HANGING_LISTENER], { stdio: ['pipe', 'pipe', 'inherit'] });
    port = await new Promise<number>((resolve, reject) => {
      listener.once('error', reject);
      listener.once('exit', (code) => reject(new Error(`the hanging listener exited with ${code}`)));
      listener.stdout!.once('data', (d: Buffer) => resolve(Number(d.toString().trim())));
    });
  });
  afterAll(async () => {
    if (listener?.exitCode === null) {
      const exited = new Promise((resolve) => listener.once('exit', resolve));
      listener.stdin!.end();
      await exited;
    }
    rmSync(dir, { recursive: true, force: true });
  });

  it('times out the connect, retries it, and leaves no file', async () => {
    const log = warnings();
    const started = Date.now();
    const err = await downloadFile(`http://127.0.0.1:${port}/never`, join(dir, 'never'), { ...fast, attempts: 3, connectTimeoutMs: 250, logger: log }).catch(
      (e: unknown) => e,
    );
    const elapsed = Date.now() - started;
    expect(err).toBeInstanceOf(DownloadTimeoutError);
    expect((err as Error).message).toBe(`http://127.0.0.1:${port}/never: no connection within 250 ms`);
    expect(log.warned).toHaveLength(2);
    expect(log.warned[0]).toMatch(/no connection within 250 ms; retrying in 0\.0 s \(attempt 2 of 3\)$/);
    expect(log.warned[1]).toMatch(/\(attempt 3 of 3\)$/);
    expect(existsSync(join(dir, 'never'))).toBe(false);
    expect(readdirSync(dir)).toEqual([]);
    // Three tries each wait out the connect timeout; none waits for the kernel's own (minutes).
    expect(elapsed).toBeGreaterThanOrEqual(3 * 250 - 30);
    expect(elapsed).toBeLessThan(15_000);
  });
});
