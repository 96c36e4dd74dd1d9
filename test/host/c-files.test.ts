/**
 * A C program (wasi-libc's stdio, dirent, stat) against granted directories on the real filesystem:
 * what is granted is readable, nothing else is — not through `..`, absolute paths or symlinks — and
 * writing needs a write grant.
 */
import { existsSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cComponent } from '../support/fixtures.js';
import { needTool } from '../support/toolchain.js';
import * as guest from './guests.js';
import { grantedTree } from './granted-tree.js';
import { hostConfig, runCommand } from './harness.js';

const missing = needTool('clang');

describe.skipIf(missing)('C program and granted directories', () => {
  let base: string;
  let data: string;

  beforeAll(() => {
    ({ base, data } = grantedTree('host-files-'));
    symlinkSync('sub/b.txt', join(data, 'inner-link'));
  });
  afterAll(() => rmSync(base, { recursive: true, force: true }));

  const files = async (args: string[], write = false, policy: 'strict' | 'virtual' = 'strict') =>
    runCommand(
      await cComponent(guest.cFiles),
      hostConfig({ policy, grants: { args: ['files', ...args], dirs: [{ guestPath: '/data', hostPath: data, write }] } }),
    );

  it('reads, lists and stats inside the grant', async () => {
    expect((await files(['read', '/data/a.txt'])).stdout).toBe('inside\n');
    expect((await files(['read', '/data/sub/b.txt'])).stdout).toBe('nested\n');
    expect((await files(['read', '/data/inner-link'])).stdout).toBe('nested\n');
    expect((await files(['list', '/data'])).stdout).toBe('a.txt\nescape-dir\nescape-link\ninner-link\nsub\n');
    expect((await files(['stat', '/data/a.txt'])).stdout).toBe('size=7 dir=0\n');
    const read = await files(['read', '/data/a.txt']);
    expect(read.host.ledger()).toEqual([]);
  });

  it('refuses `..` out of the grant, and records the denial', async () => {
    const run = await files(['read', '/data/../secret.txt']);
    expect(run.stdout).toBe('fail: Operation not permitted\n');
    expect(run.code).toBe(1);
    expect(run.host.violations()).toEqual([
      { call: 'wasi:filesystem/types#descriptor.open-at', count: 1, bytes: 0, answer: 'denied', violation: true },
    ]);
    // Under virtual the refusal stands; it is recorded, not a violation.
    const virtual = await files(['read', '/data/sub/../../secret.txt'], false, 'virtual');
    expect(virtual.stdout).toBe('fail: Operation not permitted\n');
    expect(virtual.host.ledger()).toEqual([
      { call: 'wasi:filesystem/types#descriptor.open-at', count: 1, bytes: 0, answer: 'denied', violation: false },
    ]);
  });

  it('refuses symlinks that lead out of the grant, as file or as directory', async () => {
    expect((await files(['read', '/data/escape-link'])).stdout).toBe('fail: Operation not permitted\n');
    expect((await files(['read', '/data/escape-dir/secret.txt'])).stdout).toBe('fail: Operation not permitted\n');
    expect((await files(['list', '/data/escape-dir'])).stdout).toBe('fail: Operation not permitted\n');
  });

  it('has nothing outside the preopens, and no preopens without a grant', async () => {
    expect((await files(['read', '/etc/passwd'])).stdout).toMatch(/^fail: /);
    const ungranted = await runCommand(await cComponent(guest.cFiles), hostConfig({ grants: { args: ['files', 'read', '/data/a.txt'] } }));
    expect(ungranted.stdout).toMatch(/^fail: /);
    expect(ungranted.stdout).not.toContain('inside');
  });

  it('refuses writes without a write grant, and allows them with one', async () => {
    const denied = await files(['write', '/data/new.txt']);
    expect(denied.stdout).toBe('fail: Read-only file system\n');
    expect(existsSync(join(data, 'new.txt'))).toBe(false);
    expect(denied.host.violations()).toMatchObject([{ call: 'wasi:filesystem/types#descriptor.open-at', answer: 'denied' }]);

    const allowed = await files(['write', '/data/new.txt'], true);
    expect(allowed.stdout).toBe('ok\n');
    expect(readFileSync(join(data, 'new.txt'), 'utf8')).toBe('written');
    expect(allowed.host.ledger()).toEqual([]);
    // Even with write, a symlink out of the grant is no way to write outside it.
    const viaLink = await files(['write', '/data/escape-dir/planted.txt'], true);
    expect(viaLink.stdout).toBe('fail: Operation not permitted\n');
    expect(existsSync(join(base, 'planted.txt'))).toBe(false);
  });
});
