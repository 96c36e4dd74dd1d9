/**
 * Hostile guests, built from source, run through the real runner and host: each must end in its
 * outcome class with a message naming the cause, a looping one within its time limit + 1 s, and the
 * test process (the host) must survive them all and keep serving calls.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer } from 'node:http';
import { createServer as createTcpServer, type AddressInfo } from 'node:net';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openComponent, type CallOutcome, type ComponentSession, type Grants, type Limits } from '../../src/core/engine/index.js';
import { cComponent, jsComponent, watComponent, watWithWit } from '../support/fixtures.js';
import { listen, type Listening } from '../support/loopback.js';
import { needTool } from '../support/toolchain.js';
import { c, jsSource, jsWit, socketsCore, socketsWit, watHostile } from './guests.js';
import { hostConfig, runCache, text } from './helpers.js';

const MiB = 1024 * 1024;
const LOOP_LIMIT_MS = 1500;
/** In the host's environment for every hostile guest (workers copy it when they start): none may see it. */
const SECRET = 'hostile-test-secret-7f3a';
let savedSecret: string | undefined;
beforeAll(() => {
  savedSecret = process.env.SECRET_TOKEN;
  process.env.SECRET_TOKEN = SECRET;
});
afterAll(() => {
  if (savedSecret === undefined) delete process.env.SECRET_TOKEN;
  else process.env.SECRET_TOKEN = savedSecret;
});
const leaks = (o: CallOutcome) => JSON.stringify({ ...o, stdout: text(o.stdout), stderr: text(o.stderr) }).includes(SECRET);

/** Runs `act`, returning its outcome and how long the caller waited for it. */
async function timed(act: () => Promise<CallOutcome>): Promise<{ outcome: CallOutcome; waitedMs: number }> {
  const t0 = performance.now();
  const outcome = await act();
  return { outcome, waitedMs: performance.now() - t0 };
}

const sessions: ComponentSession[] = [];
async function open(bytes: Uint8Array, limits: Partial<Limits> = {}): Promise<ComponentSession> {
  const s = await openComponent({ bytes, cacheDir: runCache, limits: { timeoutMs: 20_000, ...limits } });
  sessions.push(s);
  return s;
}
afterAll(() => Promise.all(sessions.map((s) => s.close())));

/** Opens a C command and runs it once under strict with these grants. */
async function runC(source: string, grants: Partial<Grants> = {}, limits: Partial<Limits> = {}) {
  const s = await open(await cComponent(source), limits);
  return timed(() => s.run({ host: hostConfig(grants) }));
}

describe('hostile WAT guests', () => {
  let wat: ComponentSession;
  beforeAll(async () => {
    wat = await open(await watComponent(watHostile), { timeoutMs: LOOP_LIMIT_MS, memoryBytes: 32 * MiB });
    await wat.call({ path: ['ok'], args: [], host: hostConfig() }); // the thread is up: time only the call
  });

  it('stops an infinite loop at its time limit', async () => {
    const { outcome, waitedMs } = await timed(() => wat.call({ path: ['spin'], args: [], host: hostConfig() }));
    expect(outcome.class).toBe('timeout');
    expect(outcome.message).toBe(`timeout: the call did not finish within the time limit of ${LOOP_LIMIT_MS} ms and was stopped`);
    expect(waitedMs).toBeLessThan(LOOP_LIMIT_MS + 1000);
    expect(outcome.elapsedMs).toBeGreaterThanOrEqual(LOOP_LIMIT_MS - 50);
    expect((await wat.call({ path: ['ok'], args: [], host: hostConfig() })).value).toBe(1);
  });

  it('reports a memory.grow bomb as out-of-memory at the cap', async () => {
    const { outcome } = await timed(() => wat.call({ path: ['grow'], args: [], host: hostConfig() }));
    expect(outcome.class).toBe('out-of-memory');
    expect(outcome.message).toMatch(/^out-of-memory: linear memory reached 3\d\.\d MiB of the 32 MiB limit; then trap: wasm `unreachable`/);
    expect((await wat.call({ path: ['ok'], args: [], host: hostConfig() })).value).toBe(1);
  });

  it.each([
    ['a small', 8, /^out-of-memory: linear memory reached 7\.1 MiB of the 8 MiB limit; then trap: wasm `unreachable`/],
    ['the default', undefined, /^out-of-memory: linear memory reached 255\.1 MiB of the 256 MiB limit; then trap: wasm `unreachable`/],
  ])('reports the memory.grow bomb as out-of-memory under %s cap', async (_, capMiB, message) => {
    const s = await open(await watComponent(watHostile), capMiB === undefined ? {} : { memoryBytes: capMiB * MiB });
    const outcome = await s.call({ path: ['grow'], args: [], host: hostConfig() });
    expect(outcome.class).toBe('out-of-memory');
    expect(outcome.message).toMatch(message);
  });

  it('reports unbounded recursion as stack-overflow', async () => {
    const { outcome } = await timed(() => wat.call({ path: ['recurse'], args: [0], host: hostConfig() }));
    expect(outcome).toMatchObject({ class: 'stack-overflow', exitCode: 1 });
    expect(outcome.message).toBe('stack-overflow: Maximum call stack size exceeded (unbounded recursion?)');
    expect((await wat.call({ path: ['ok'], args: [], host: hostConfig() })).value).toBe(1);
  });
});

describe('hostile socket guests (WAT importing wasi:sockets)', () => {
  let guest: ComponentSession;
  let port: number;
  let connections = 0;
  const listener = createTcpServer((socket) => {
    connections++;
    socket.destroy();
  });
  beforeAll(async () => {
    await new Promise<void>((resolve) => listener.listen(0, '127.0.0.1', resolve));
    port = (listener.address() as AddressInfo).port;
    guest = await open(await watWithWit(socketsCore, socketsWit, 'sockets'));
  });
  afterAll(() => new Promise<void>((resolve) => listener.close(() => resolve())));

  it('fails a TCP connect under strict, naming the import; the listener sees no connection', async () => {
    const outcome = await guest.call({ path: ['connect'], args: [port], host: hostConfig() });
    expect(outcome.class).toBe('policy-violation');
    expect(outcome.message).toBe('policy-violation: wasi:sockets/tcp-create-socket#create-tcp-socket (called 1 time)');
    expect(outcome.ledger).toEqual([{ call: 'wasi:sockets/tcp-create-socket#create-tcp-socket', count: 1, bytes: 0, answer: 'denied', violation: true }]);
    expect(leaks(outcome)).toBe(false);
    expect(connections).toBe(0);
  });

  it('fails a name lookup under strict, naming the import', async () => {
    const outcome = await guest.call({ path: ['lookup'], args: ['localhost'], host: hostConfig() });
    expect(outcome.class).toBe('policy-violation');
    expect(outcome.message).toBe('policy-violation: wasi:sockets/ip-name-lookup#resolve-addresses (called 1 time)');
  });

  it('denies the network under dev too: the guest gets access-denied, nothing connects, the host keeps serving', async () => {
    const outcome = await guest.call({ path: ['connect'], args: [port], host: hostConfig({}, { policy: 'dev' }) });
    expect(outcome).toMatchObject({ class: 'ok', value: 101 }); // 100 + access-denied
    expect(outcome.ledger).toEqual([expect.objectContaining({ call: 'wasi:sockets/tcp-create-socket#create-tcp-socket', answer: 'denied', violation: false })]);
    const lookup = await guest.call({ path: ['lookup'], args: ['localhost'], host: hostConfig({}, { policy: 'dev' }) });
    expect(lookup).toMatchObject({ class: 'ok', value: 120 }); // 100 + permanent-resolver-failure
    expect(connections).toBe(0);
  });
});

const noClang = needTool('clang', ['--version']);

describe.skipIf(noClang)('hostile C guests (clang + wasi-libc)', () => {
  it('reports a malloc loop as out-of-memory, quoting the guest', async () => {
    const { outcome } = await runC(c.mallocBomb, {}, { memoryBytes: 32 * MiB });
    expect(outcome.class).toBe('out-of-memory');
    expect(outcome.message).toMatch(/^out-of-memory: linear memory reached 3\d\.\d MiB of the 32 MiB limit; then trap: /);
    expect(text(outcome.stderr)).toBe('malloc: Out of memory\n');
  });

  it('reports unbounded recursion as stack-overflow', async () => {
    const { outcome } = await runC(c.recursion);
    expect(outcome.class).toBe('stack-overflow');
    expect(outcome.message).toContain('Maximum call stack size exceeded');
  });

  it('keeps at most the output cap of a flood, and counts the rest', async () => {
    const lines = 4096; // 4 MiB against a 64 KiB cap
    const { outcome } = await runC(c.flood(lines));
    expect(outcome.class).toBe('ok');
    expect(outcome.stdout.length).toBe(64 * 1024);
    expect(outcome.truncated).toEqual({ stdout: lines * 1024 - 64 * 1024, stderr: 0 });
    expect(text(outcome.stderr)).toBe('done\n');
  });

  it('stops an endless flood at its time limit and keeps what it printed', async () => {
    const s = await open(await cComponent(c.flood(-1)), { timeoutMs: LOOP_LIMIT_MS });
    const outcome = await s.run({ host: hostConfig() });
    expect(outcome.class).toBe('timeout');
    expect(outcome.elapsedMs).toBeGreaterThanOrEqual(LOOP_LIMIT_MS - 50);
    expect(outcome.stdout.length).toBe(64 * 1024);
    expect(text(outcome.stdout.subarray(0, 4))).toBe('xxxx');
    expect(outcome.truncated.stdout).toBeGreaterThan(0);
    // The next run's own, smaller cap holds even though the thread's buffer was sized for a larger one.
    const small = await s.run({ host: hostConfig({}, { outputCapBytes: 1000 }) });
    expect(small.class).toBe('timeout');
    expect(small.stdout.length).toBe(1000);
  });

  it('reports exit(3) as class exit (the preview1 adapter turns every non-zero code into 1)', async () => {
    const { outcome } = await runC(c.exit(3));
    expect(outcome).toMatchObject({ class: 'exit', exitCode: 1, message: 'exit: the guest exited with code 1' });
    expect(text(outcome.stdout)).toBe('exiting\n');
  });

  it('reports exit(0) as ok with exit code 0', async () => {
    const { outcome } = await runC(c.exit(0));
    expect(outcome).toMatchObject({ class: 'ok', exitCode: 0 });
    expect(text(outcome.stdout)).toBe('exiting\n');
  });

  it('fails a wall-clock read under strict, naming the import', async () => {
    const { outcome } = await runC(c.wallClock);
    expect(outcome.class).toBe('policy-violation');
    expect(outcome.message).toBe('policy-violation: wasi:clocks/wall-clock#now (called 1 time)');
    expect(outcome.ledger).toContainEqual(expect.objectContaining({ call: 'wasi:clocks/wall-clock#now', violation: true }));
  });

  it('fails a random read under strict, naming the import', async () => {
    const { outcome } = await runC(c.random);
    expect(outcome.class).toBe('policy-violation');
    expect(outcome.message).toBe('policy-violation: wasi:random/random#get-random-bytes (called 1 time)');
  });

  it('never shows the guest a host environment variable', async () => {
    expect(process.env.SECRET_TOKEN).toBe(SECRET);
    const { outcome } = await runC(c.env);
    expect(outcome.class).toBe('ok');
    expect(text(outcome.stdout)).toBe('SECRET_TOKEN=(unset)\n');
    expect(leaks(outcome)).toBe(false);
  });

  it('denies files outside the granted directory', async () => {
    const root = mkdtempSync(join(tmpdir(), 'engine-grant-'));
    try {
      mkdirSync(join(root, 'granted'));
      writeFileSync(join(root, 'granted', 'inside.txt'), 'inside-content');
      writeFileSync(join(root, 'outside.txt'), 'outside-secret');
      const grants = { dirs: [{ guestPath: '/data', hostPath: join(root, 'granted'), write: false }], args: ['guest', '/data/inside.txt', '/data/../outside.txt', '/etc/passwd'] };
      const { outcome } = await runC(c.readFiles, grants);
      const out = text(outcome.stdout);
      expect(out).toContain('/data/inside.txt: read: inside-content');
      expect(out).toMatch(/\/data\/\.\.\/outside\.txt: fail: /);
      expect(out).toMatch(/\/etc\/passwd: fail: /);
      expect(out).not.toContain('outside-secret');
      expect(out).not.toContain('root:');
      // The escape reached the host, which denied it and records it as a violation under strict.
      expect(outcome.class).toBe('policy-violation');
      expect(outcome.message).toMatch(/^policy-violation: wasi:filesystem\/types#descriptor\.open-at \(called \d+ times?\); the call then ended with exit: /);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('hostile JS guests (componentize-js)', () => {
  let js: ComponentSession;
  let server: Listening;
  let connections = 0;
  beforeAll(async () => {
    js = await open(await jsComponent(jsSource, { wit: jsWit, world: 'hostile' }), { timeoutMs: 3000 });
    server = await listen(createServer((_req, res) => res.end('reached')).on('connection', () => connections++));
  }, 300_000);
  afterAll(() => server.close());

  it('computes normally in a fresh instance', async () => {
    expect(await js.call({ path: ['add'], args: [2, 3], host: hostConfig() })).toMatchObject({ class: 'ok', value: 5 });
  });

  it('stops an infinite loop at its time limit, then serves the next call', async () => {
    const { outcome, waitedMs } = await timed(() => js.call({ path: ['spin'], args: [], host: hostConfig() }));
    expect(outcome.class).toBe('timeout');
    expect(outcome.message).toContain('within the time limit of 3000 ms');
    expect(waitedMs).toBeLessThan(3000 + 1000);
    expect(await js.call({ path: ['add'], args: [40, 2], host: hostConfig() })).toMatchObject({ class: 'ok', value: 42 });
  });

  it('fails Date.now() under strict, naming wasi:clocks/wall-clock#now', async () => {
    const outcome = await js.call({ path: ['now'], args: [], host: hostConfig() });
    expect(outcome.class).toBe('policy-violation');
    expect(outcome.message).toMatch(/^policy-violation: wasi:clocks\/wall-clock#now \(called \d+ times?\)$/);
    expect(outcome.value).toBeUndefined();
  });

  it('answers Date.now() with the virtual epoch when the clock is granted', async () => {
    const outcome = await js.call({ path: ['now'], args: [], host: hostConfig({ clock: true }, { epochSeconds: 1_700_000_000 }) });
    expect(outcome).toMatchObject({ class: 'ok', value: 1_700_000_000_000 });
  });

  it('denies an outgoing HTTP request: nothing reaches the loopback server', async () => {
    const outcome = await js.call({ path: ['fetchUrl'], args: [`${server.origin}/`], host: hostConfig() });
    expect(outcome.class).toBe('policy-violation');
    expect(outcome.message).toContain('wasi:http/outgoing-handler#handle (called 1 time)');
    expect(connections).toBe(0);
  });
});
