/**
 * A StarlingMonkey (componentize-js) component on our host. Every call reads the monotonic clock
 * several times, and a throwing import would poison the instance — so the host must answer
 * everything, record it, and keep the instance usable.
 */
import { createServer } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHost } from '../../src/core/engine/host/index.js';
import type { PolicyName } from '../../src/core/engine/types.js';
import { jsComponent } from '../support/fixtures.js';
import { listen, type Listening } from '../support/loopback.js';
import * as guest from './guests.js';
import { loader } from '../support/instantiate.js';
import { hostConfig } from './harness.js';

const decoder = new TextDecoder();

describe('JS component (StarlingMonkey) on the host', () => {
  let make: Awaited<ReturnType<typeof loader>>;
  let server: Listening;
  let hits = 0;

  beforeAll(async () => {
    make = await loader(await jsComponent(guest.jsSource, { wit: guest.jsWit, world: 'probe' }));
    server = await listen(
      createServer((_req, res) => {
        hits++;
        res.end('reached');
      }),
    );
  });
  afterAll(() => server.close());

  const instance = async (policy: PolicyName = 'strict') => {
    const host = createHost(hostConfig({ policy }));
    return { host, exports: await make(host.imports) };
  };

  it('hello() logs and returns under strict: monotonic reads are recorded, not violations', async () => {
    const { host, exports } = await instance();
    expect(exports.hello()).toBe('hi');
    expect(decoder.decode(host.stdout())).toBe('hello from js\n');
    expect(decoder.decode(host.stderr())).toBe('to stderr\n');
    expect(host.violations()).toEqual([]);
    const mono = host.ledger().find((e) => e.call === 'wasi:clocks/monotonic-clock#now');
    expect(mono).toMatchObject({ answer: 'virtual', violation: false });
    expect(mono!.count).toBeGreaterThan(0);
  });

  it('Date.now() under strict is a violation with the virtual epoch, and the instance still works', async () => {
    const { host, exports } = await instance();
    expect(exports.now()).toBe(1_700_000_000_000);
    expect(host.violations()).toEqual([
      { call: 'wasi:clocks/wall-clock#now', count: 1, bytes: 0, answer: 'virtual', violation: true },
    ]);
    expect(exports.hello()).toBe('hi');
    expect(exports.now()).toBe(1_700_000_000_000);
    expect(host.violations()[0]!.count).toBe(2);
  });

  it('Math.random and crypto.getRandomValues use the seeded generator (violations under strict)', async () => {
    const a = await instance();
    const b = await instance('virtual');
    const bytesA = a.exports.cryptoBytes(16) as Uint8Array;
    expect(bytesA).toHaveLength(16);
    expect(b.exports.cryptoBytes(16)).toEqual(bytesA);
    expect(b.exports.rnd()).toBe(a.exports.rnd());
    expect(a.host.violations().map((e) => e.call).sort()).toEqual([
      'wasi:random/random#get-random-bytes',
      'wasi:random/random#get-random-u64',
    ]);
    expect(b.host.violations()).toEqual([]);
  });

  it('fetch() to a loopback server is denied as an error, never reaches it, and is recorded', async () => {
    const { host, exports } = await instance();
    const result = exports.fetchUrl(`${server.origin}/x`) as string;
    expect(result).toMatch(/^error: /);
    expect(hits).toBe(0);
    expect(host.violations()).toEqual([
      { call: 'wasi:http/outgoing-handler#handle', count: 1, bytes: 0, answer: 'denied', violation: true },
    ]);
    expect(exports.hello()).toBe('hi');
  });

  it('setTimeout runs on virtual time: instant, yet the guest sees the delay pass', async () => {
    const { host, exports } = await instance('virtual');
    // 10 minutes: a real wait would outlast the test timeout.
    const elapsed = exports.sleepy(600_000) as number;
    expect(elapsed).toBeGreaterThanOrEqual(600_000);
    expect(elapsed).toBeLessThan(600_001);
    expect(host.ledger().map((e) => e.call)).toContain('wasi:clocks/monotonic-clock#subscribe-instant');
  });

  it('gives identical output, values and ledger on two runs under virtual', async () => {
    const once = async () => {
      const { host, exports } = await instance('virtual');
      const values = [exports.hello(), exports.now(), exports.rnd(), [...exports.cryptoBytes(8)], exports.sleepy(5)];
      return { values, stdout: host.stdout(), stderr: host.stderr(), ledger: host.ledger() };
    };
    const [first, second] = [await once(), await once()];
    expect(second).toEqual(first);
  });
});
