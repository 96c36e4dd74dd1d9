/**
 * C commands (clang + wasi-libc + jco's preview1 adapter) run on our host: output capture, exit,
 * clocks and random per policy, environment isolation, virtual sleep, the output cap, determinism.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cComponent } from '../support/fixtures.js';
import { needTool } from '../support/toolchain.js';
import * as guest from './guests.js';
import { hostConfig, runCommand } from './harness.js';

const missing = needTool('clang');

describe.skipIf(missing)('C command on the host', () => {
  it('captures stdout and stderr, passes argv, and reports the exit code', async () => {
    const run = await runCommand(await cComponent(guest.cHello), hostConfig({ grants: { args: ['hello', 'x'] } }));
    expect(run.stdout).toBe('hello from C, argc=2 argv0=hello\n');
    expect(run.stderr).toBe('to stderr\n');
    // main returned 7; the preview1 adapter turns any non-zero status into exit(err), which is 1.
    expect(run.code).toBe(1);
    expect(run.host.exitCode()).toBe(1);
    expect(run.host.ledger()).toEqual([]);
  });

  it('strict: reading the wall clock is a violation answered with the virtual epoch', async () => {
    const run = await runCommand(await cComponent(guest.cWallClock), hostConfig({ policy: 'strict', epochSeconds: 1234 }));
    expect(run.stdout).toBe('1234\n');
    expect(run.host.violations()).toEqual([
      { call: 'wasi:clocks/wall-clock#now', count: 1, bytes: 0, answer: 'virtual', violation: true },
    ]);
  });

  it('strict with the clock granted: the virtual epoch, recorded, not a violation', async () => {
    const run = await runCommand(await cComponent(guest.cWallClock), hostConfig({ grants: { clock: true } }));
    expect(run.stdout).toBe('1700000000\n');
    expect(run.host.ledger()).toEqual([
      { call: 'wasi:clocks/wall-clock#now', count: 1, bytes: 0, answer: 'virtual', violation: false },
    ]);
  });

  it('virtual: the fixed epoch; dev: the real clock', async () => {
    const component = await cComponent(guest.cWallClock);
    const virtual = await runCommand(component, hostConfig({ policy: 'virtual', epochSeconds: 86_400 }));
    expect(virtual.stdout).toBe('86400\n');
    expect(virtual.host.violations()).toEqual([]);

    const before = Math.floor(Date.now() / 1000);
    const dev = await runCommand(component, hostConfig({ policy: 'dev' }));
    const seconds = Number(dev.stdout.trim());
    expect(seconds).toBeGreaterThanOrEqual(before);
    expect(seconds).toBeLessThanOrEqual(Math.ceil(Date.now() / 1000));
    expect(dev.host.ledger()).toEqual([{ call: 'wasi:clocks/wall-clock#now', count: 1, bytes: 0, answer: 'host', violation: false }]);
  });

  it('random: seeded under strict (a violation) and virtual, real in dev; bytes are counted', async () => {
    const component = await cComponent(guest.cRandom);
    const strict = await runCommand(component, hostConfig({ seed: 7n }));
    const virtual = await runCommand(component, hostConfig({ policy: 'virtual', seed: 7n }));
    const otherSeed = await runCommand(component, hostConfig({ policy: 'virtual', seed: 8n }));
    expect(strict.stdout).toMatch(/^[0-9a-f]{32} [0-9a-f]{8}\n$/);
    expect(virtual.stdout).toBe(strict.stdout);
    expect(otherSeed.stdout).not.toBe(virtual.stdout);
    const [entry] = strict.host.violations();
    expect(entry).toMatchObject({ call: 'wasi:random/random#get-random-bytes', answer: 'virtual', violation: true });
    // getentropy(16) plus arc4random's own seeding.
    expect(entry!.bytes).toBeGreaterThanOrEqual(16);
    expect(virtual.host.violations()).toEqual([]);

    const dev1 = await runCommand(component, hostConfig({ policy: 'dev' }));
    const dev2 = await runCommand(component, hostConfig({ policy: 'dev' }));
    expect(dev1.stdout).not.toBe(dev2.stdout);
    expect(dev1.host.ledger()[0]).toMatchObject({ answer: 'host', violation: false });
  });

  describe('environment', () => {
    beforeEach(() => {
      process.env.SECRET_TOKEN = 'do-not-leak';
    });
    afterEach(() => {
      delete process.env.SECRET_TOKEN;
    });

    it('shows only granted variables; the host process environment never leaks', async () => {
      const component = await cComponent(guest.cEnv);
      const args = ['env', 'FOO', 'SECRET_TOKEN', 'PATH'];
      const none = await runCommand(component, hostConfig({ grants: { args } }));
      expect(none.stdout).toBe('count=0\nFOO=(unset)\nSECRET_TOKEN=(unset)\nPATH=(unset)\n');
      const granted = await runCommand(component, hostConfig({ grants: { args, env: { FOO: 'bar' } } }));
      expect(granted.stdout).toBe('count=1\nFOO=bar\nSECRET_TOKEN=(unset)\nPATH=(unset)\n');
      expect(granted.stdout).not.toContain('do-not-leak');
    });
  });

  it('sleeps instantly in virtual time, and the monotonic clock sees the time pass', async () => {
    // 1000 s: a real sleep would outlast the test timeout, so passing proves the time is virtual.
    const run = await runCommand(await cComponent(guest.cSleep), hostConfig({ grants: { args: ['sleep', '1000'] } }));
    expect(run.stdout).toBe('slept_ms=1000000\n');
    expect(run.host.violations()).toEqual([]);
    expect(run.host.ledger().map((e) => e.call)).toEqual([
      'wasi:clocks/monotonic-clock#now',
      'wasi:clocks/monotonic-clock#subscribe-duration',
    ]);
  });

  it('caps captured output and counts what it dropped', async () => {
    const kib = 4 * 1024; // 4 MiB written
    const cap = 64 * 1024;
    const run = await runCommand(await cComponent(guest.cFlood), hostConfig({ outputCapBytes: cap, grants: { args: ['flood', String(kib)] } }));
    expect(run.code).toBe(0);
    expect(run.host.stdout().byteLength).toBe(cap);
    expect(run.host.truncated()).toEqual({ stdout: kib * 1024 - cap, stderr: 0 });
  });

  it('gives identical output and ledger on two runs under virtual', async () => {
    const runs = await Promise.all(
      [guest.cRandom, guest.cWallClock, guest.cSleep].flatMap((src) => [1, 2].map(async () => {
        const r = await runCommand(await cComponent(src), hostConfig({ policy: 'virtual' }));
        return { stdout: r.stdout, ledger: r.host.ledger() };
      })),
    );
    for (let i = 0; i < runs.length; i += 2) expect(runs[i + 1]).toEqual(runs[i]);
  });
});
