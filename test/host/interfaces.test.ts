/**
 * Host interfaces called directly, as jco's bindings call them: stdin, exit, random per policy and
 * grant, network denials, HTTP request building, dev-mode timers.
 */
import { describe, expect, it } from 'vitest';
import { ComponentExit, createHost } from '../../src/core/engine/host/index.js';
import { splitmix64 } from '../../src/core/engine/host/random.js';
import { hostConfig } from './harness.js';

// The guest-facing API is untyped JS objects (what jco's bindings call into).
const api = (host: { imports: Record<string, object> }) => host.imports as Record<string, any>;
const bytes = (s: string) => new TextEncoder().encode(s);

describe('host interfaces', () => {
  it('stdin is at end of stream, granted or not', () => {
    for (const stdin of [false, true]) {
      const i = api(createHost(hostConfig({ grants: { stdin } })));
      expect(i['wasi:cli/stdin'].getStdin().read(16n)).toEqual({ tag: 'err', val: { tag: 'closed' } });
    }
  });

  it('exit records the code and throws ComponentExit', () => {
    const host = createHost(hostConfig());
    const exit = api(host)['wasi:cli/exit'];
    expect(() => exit.exit({ tag: 'ok' })).toThrow(ComponentExit);
    expect(host.exitCode()).toBe(0);
    expect(() => exit.exit({ tag: 'err' })).toThrow(expect.objectContaining({ code: 1 }));
    expect(() => exit.exitWithCode(3)).toThrow(expect.objectContaining({ code: 3 }));
    expect(host.exitCode()).toBe(3);
  });

  it('stdout and stderr are separate capped buffers, whichever handle writes', () => {
    const host = createHost(hostConfig({ outputCapBytes: 10 }));
    const i = api(host);
    const out1 = i['wasi:cli/stdout'].getStdout();
    const out2 = i['wasi:cli/stdout'].getStdout();
    out1.blockingWriteAndFlush(bytes('hello '));
    out1[Symbol.dispose](); // dropping one handle does not close stdout
    out2.write(bytes('world!'));
    i['wasi:cli/stderr'].getStderr().write(bytes('e'));
    expect(new TextDecoder().decode(host.stdout())).toBe('hello worl');
    expect(host.truncated()).toEqual({ stdout: 2, stderr: 0 });
    expect(new TextDecoder().decode(host.stderr())).toBe('e');
  });

  it('random under strict: a violation unless granted, virtual either way', () => {
    const ungranted = createHost(hostConfig({ seed: 5n }));
    const granted = createHost(hostConfig({ seed: 5n, grants: { random: true } }));
    expect(api(granted)['wasi:random/random'].getRandomU64()).toBe(api(ungranted)['wasi:random/random'].getRandomU64());
    expect(ungranted.violations()).toEqual([
      { call: 'wasi:random/random#get-random-u64', count: 1, bytes: 8, answer: 'virtual', violation: true },
    ]);
    expect(granted.ledger()).toEqual([
      { call: 'wasi:random/random#get-random-u64', count: 1, bytes: 8, answer: 'virtual', violation: false },
    ]);
  });

  it('insecure random and insecure-seed come from the seeded stream and are counted', () => {
    const [a, b] = [1, 2].map(() => createHost(hostConfig({ policy: 'virtual', seed: 1n })));
    expect(api(a!)['wasi:random/insecure-seed'].insecureSeed()).toEqual(api(b!)['wasi:random/insecure-seed'].insecureSeed());
    const r = api(a!)['wasi:random/insecure'].getInsecureRandomBytes(13n);
    expect(r).toHaveLength(13);
    expect(api(b!)['wasi:random/insecure'].getInsecureRandomBytes(13n)).toEqual(r);
    expect(a!.ledger().map((e) => [e.call, e.bytes])).toEqual([
      ['wasi:random/insecure-seed#insecure-seed', 16],
      ['wasi:random/insecure#get-insecure-random-bytes', 13],
    ]);
  });

  it('splitmix64 matches the reference sequence', () => {
    // splitmix64 seeded with 0, as printed by Vigna's reference C implementation.
    const next = splitmix64(0n);
    expect([next(), next(), next()]).toEqual([0xe220a8397b1dcdafn, 0x6e789e6aa1b965f4n, 0x06c45d188009454fn]);
  });

  it('denies sockets and name lookup with WASI error codes, recorded per call', () => {
    const host = createHost(hostConfig());
    const i = api(host);
    expect(i['wasi:sockets/tcp-create-socket'].createTcpSocket('ipv4')).toEqual({ tag: 'err', val: 'access-denied' });
    expect(i['wasi:sockets/udp-create-socket'].createUdpSocket('ipv6')).toEqual({ tag: 'err', val: 'access-denied' });
    const network = i['wasi:sockets/instance-network'].instanceNetwork();
    expect(i['wasi:sockets/ip-name-lookup'].resolveAddresses(network, 'example.com')).toEqual({
      tag: 'err',
      val: 'permanent-resolver-failure',
    });
    expect(host.violations().map((e) => e.call)).toEqual([
      'wasi:sockets/tcp-create-socket#create-tcp-socket',
      'wasi:sockets/udp-create-socket#create-udp-socket',
      'wasi:sockets/ip-name-lookup#resolve-addresses',
    ]);
    // Under virtual the same denials are recorded but are not violations.
    const virtual = createHost(hostConfig({ policy: 'virtual' }));
    api(virtual)['wasi:sockets/tcp-create-socket'].createTcpSocket('ipv4');
    expect(virtual.ledger()).toEqual([
      { call: 'wasi:sockets/tcp-create-socket#create-tcp-socket', count: 1, bytes: 0, answer: 'denied', violation: false },
    ]);
  });

  it('builds HTTP requests like a real client, then denies sending them', () => {
    const host = createHost(hostConfig({ policy: 'virtual' }));
    const { Fields, OutgoingRequest, OutgoingBody } = api(host)['wasi:http/types'];
    expect(Fields.fromList([['bad name', bytes('x')]])).toEqual({ tag: 'err', val: { tag: 'invalid-syntax' } });
    expect(Fields.fromList([['Connection', bytes('close')]])).toEqual({ tag: 'err', val: { tag: 'forbidden' } });
    const fields = Fields.fromList([['Content-Type', bytes('text/plain')]]);
    expect(fields.append('x-a', bytes('1\r\nInjected: yes'))).toEqual({ tag: 'err', val: { tag: 'invalid-syntax' } });
    const request = new OutgoingRequest(fields);
    expect(request.setMethod({ tag: 'post' })).toBeUndefined();
    expect(request.setScheme({ tag: 'HTTP' })).toBeUndefined();
    expect(request.setAuthority('127.0.0.1:8080')).toBeUndefined();
    expect(request.setPathWithQuery('/x?y=1')).toBeUndefined();
    expect(request.headers().get('content-type')).toEqual([bytes('text/plain')]);
    expect(request.headers().set('a', [])).toEqual({ tag: 'err', val: { tag: 'immutable' } });
    const body = request.body();
    expect(request.body()).toEqual({ tag: 'err', val: undefined });
    expect(body.write().write(bytes('payload'))).toBeUndefined();
    expect(OutgoingBody.finish(body, undefined)).toBeUndefined();
    expect(api(host)['wasi:http/outgoing-handler'].handle(request, undefined)).toEqual({
      tag: 'err',
      val: { tag: 'HTTP-request-denied' },
    });
    expect(host.ledger()).toEqual([{ call: 'wasi:http/outgoing-handler#handle', count: 1, bytes: 0, answer: 'denied', violation: false }]);
  });

  it('dev mode: the monotonic clock is real and a timer pollable really waits', () => {
    const host = createHost(hostConfig({ policy: 'dev' }));
    const { monotonicClock, poll } = { monotonicClock: api(host)['wasi:clocks/monotonic-clock'], poll: api(host)['wasi:io/poll'] };
    const t0 = monotonicClock.now() as bigint;
    const timer = monotonicClock.subscribeDuration(50_000_000n);
    expect(timer.ready()).toBe(false);
    expect([...poll.poll([timer])]).toEqual([0]);
    expect((monotonicClock.now() as bigint) - t0).toBeGreaterThanOrEqual(50_000_000n);
    expect(host.ledger().every((e) => e.answer === 'host')).toBe(true);
  });

  it('virtual time: poll wakes the soonest timer by moving time to its deadline', () => {
    const i = api(createHost(hostConfig()));
    const clock = i['wasi:clocks/monotonic-clock'];
    const late = clock.subscribeDuration(5_000_000_000n);
    const soon = clock.subscribeDuration(1_000_000_000n);
    expect([...i['wasi:io/poll'].poll([late, soon])]).toEqual([1]);
    expect(clock.now()).toBe(1_000_000_000n);
    late.block();
    expect(clock.now()).toBe(5_000_000_000n);
    expect(clock.now()).toBe(5_000_001_000n); // each read moves time 1 µs
  });
});
