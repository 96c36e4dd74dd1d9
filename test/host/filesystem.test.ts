/**
 * wasi:filesystem containment, driven directly through the host's imports (the calls a guest's
 * bindings make), on a real directory tree with symlinks pointing out of the grant.
 */
import { existsSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHost, GrantedDirectoryError } from '../../src/core/engine/host/index.js';
import type { PolicyName } from '../../src/core/engine/types.js';
import { grantedTree } from './granted-tree.js';
import { hostConfig } from './harness.js';

type Result = { tag: 'err'; val: unknown } | unknown;
// The guest-facing API is untyped JS objects (what jco's bindings call into).
type Descriptor = any;

const follow = { symlinkFollow: true };
const nofollow = {};
const readFlags = { read: true };
const deniedAs = (code: string) => ({ tag: 'err', val: code });
const isErr = (r: Result) => typeof r === 'object' && r !== null && (r as { tag?: string }).tag === 'err';

describe('filesystem containment', () => {
  let base: string;
  let data: string;

  beforeAll(() => {
    ({ base, data } = grantedTree('host-fs-'));
    symlinkSync(join(base, 'not-yet'), join(data, 'dangling-out'));
  });
  afterAll(() => rmSync(base, { recursive: true, force: true }));

  const open = (write: boolean, policy: PolicyName = 'strict') => {
    const host = createHost(hostConfig({ policy, grants: { dirs: [{ guestPath: '/data', hostPath: data, write }] } }));
    const dirs = (host.imports['wasi:filesystem/preopens'] as { getDirectories(): Array<[Descriptor, string]> }).getDirectories();
    expect(dirs.map(([, p]) => p)).toEqual(['/data']);
    return { host, root: dirs[0]![0] };
  };

  const readAll = (d: Descriptor): string => {
    const stream = d.readViaStream(0n);
    const chunks: Uint8Array[] = [];
    for (;;) {
      const r = stream.read(4096n);
      if (isErr(r)) break;
      chunks.push(r as Uint8Array);
    }
    return Buffer.concat(chunks).toString('utf8');
  };

  it('opens and reads inside the root, including through `..` that stays inside', () => {
    const { root, host } = open(false);
    expect(readAll(root.openAt(follow, 'a.txt', {}, readFlags))).toBe('inside\n');
    const sub = root.openAt(follow, 'sub', { directory: true }, readFlags);
    expect(readAll(sub.openAt(follow, '../a.txt', {}, readFlags))).toBe('inside\n');
    expect(readAll(root.openAt(follow, './sub//b.txt', {}, readFlags))).toBe('nested\n');
    expect(host.ledger()).toEqual([]);
  });

  it('refuses absolute paths and `..` above the root, recording each denial', () => {
    const { root, host } = open(false);
    expect(root.openAt(follow, '/etc/passwd', {}, readFlags)).toEqual(deniedAs('not-permitted'));
    expect(root.openAt(follow, '..', { directory: true }, readFlags)).toEqual(deniedAs('not-permitted'));
    expect(root.openAt(follow, 'sub/../../secret.txt', {}, readFlags)).toEqual(deniedAs('not-permitted'));
    const sub = root.openAt(follow, 'sub', { directory: true }, readFlags);
    expect(sub.openAt(follow, '../../secret.txt', {}, readFlags)).toEqual(deniedAs('not-permitted'));
    expect(root.statAt(follow, '../secret.txt')).toEqual(deniedAs('not-permitted'));
    expect(host.violations()).toEqual([
      { call: 'wasi:filesystem/types#descriptor.open-at', count: 4, bytes: 0, answer: 'denied', violation: true },
      { call: 'wasi:filesystem/types#descriptor.stat-at', count: 1, bytes: 0, answer: 'denied', violation: true },
    ]);
  });

  it('refuses symlinks whose target is outside, as the last component or in the middle', () => {
    const { root } = open(false);
    expect(root.openAt(follow, 'escape-link', {}, readFlags)).toEqual(deniedAs('not-permitted'));
    expect(root.openAt(follow, 'escape-dir/secret.txt', {}, readFlags)).toEqual(deniedAs('not-permitted'));
    expect(root.openAt(follow, 'escape-dir', { directory: true }, readFlags)).toEqual(deniedAs('not-permitted'));
    expect(root.statAt(follow, 'escape-link')).toEqual(deniedAs('not-permitted'));
    // Not followed, the link itself may be looked at but not opened.
    expect(root.statAt(nofollow, 'escape-link')).toMatchObject({ type: 'symbolic-link' });
    expect(root.openAt(nofollow, 'escape-link', {}, readFlags)).toEqual(deniedAs('loop'));
  });

  it('lists a directory in sorted order and stats with virtual timestamps', () => {
    const { root } = open(false, 'virtual');
    const stream = root.readDirectory();
    const names: string[] = [];
    for (let e = stream.readDirectoryEntry(); e; e = stream.readDirectoryEntry()) names.push(`${e.name}:${e.type}`);
    expect(names).toEqual(['a.txt:regular-file', 'dangling-out:symbolic-link', 'escape-dir:symbolic-link', 'escape-link:symbolic-link', 'sub:directory']);
    const stat = root.statAt(follow, 'a.txt');
    expect(stat).toMatchObject({ type: 'regular-file', size: 7n, dataModificationTimestamp: { seconds: 1_700_000_000n, nanoseconds: 0 } });
  });

  it('refuses every write under a read-only grant', () => {
    const { root, host } = open(false);
    expect(root.openAt(follow, 'new.txt', { create: true }, { write: true })).toEqual(deniedAs('read-only'));
    expect(root.openAt(follow, 'a.txt', { truncate: true }, readFlags)).toEqual(deniedAs('read-only'));
    expect(root.createDirectoryAt('newdir')).toEqual(deniedAs('read-only'));
    expect(root.unlinkFileAt('a.txt')).toEqual(deniedAs('read-only'));
    expect(root.renameAt('a.txt', root, 'b.txt')).toEqual(deniedAs('read-only'));
    expect(root.symlinkAt('a.txt', 'l')).toEqual(deniedAs('read-only'));
    const file = root.openAt(follow, 'a.txt', {}, readFlags);
    expect(file.writeViaStream(0n)).toEqual(deniedAs('bad-descriptor'));
    expect(readFileSync(join(data, 'a.txt'), 'utf8')).toBe('inside\n');
    expect(readdirSync(data)).not.toContain('newdir');
    expect(host.violations().map((v) => v.call)).toEqual([
      'wasi:filesystem/types#descriptor.open-at',
      'wasi:filesystem/types#descriptor.create-directory-at',
      'wasi:filesystem/types#descriptor.unlink-file-at',
      'wasi:filesystem/types#descriptor.rename-at',
      'wasi:filesystem/types#descriptor.symlink-at',
    ]);
  });

  it('with a write grant, writes inside but never lets a write land outside', () => {
    const { root } = open(true);
    const file = root.openAt(follow, 'w.txt', { create: true, truncate: true }, { write: true });
    const out = file.writeViaStream(0n);
    expect(out.blockingWriteAndFlush(new TextEncoder().encode('hello'))).toBeUndefined();
    expect(readFileSync(join(data, 'w.txt'), 'utf8')).toBe('hello');

    expect(root.openAt(follow, 'dangling-out', { create: true }, { write: true })).toEqual(deniedAs('not-permitted'));
    expect(existsSync(join(base, 'not-yet'))).toBe(false);
    expect(root.openAt(follow, 'escape-dir/planted', { create: true }, { write: true })).toEqual(deniedAs('not-permitted'));
    expect(root.renameAt('w.txt', root, '../moved.txt')).toEqual(deniedAs('not-permitted'));
    expect(existsSync(join(data, 'w.txt'))).toBe(true);
    expect(root.linkAt(follow, 'escape-link', root, 'hard')).toEqual(deniedAs('not-permitted'));
    expect(root.symlinkAt('../secret.txt', 'new-link')).toEqual(deniedAs('not-permitted'));
    expect(root.symlinkAt('/etc/passwd', 'abs-link')).toEqual(deniedAs('not-permitted'));
    expect(root.symlinkAt('/etc/passwd', 'sub/abs-link')).toEqual(deniedAs('not-permitted'));
    expect(root.symlinkAt('../../secret.txt', 'sub/up-link')).toEqual(deniedAs('not-permitted'));
    expect(root.symlinkAt('../a.txt', 'sub/up-ok')).toBeUndefined();
    expect(root.symlinkAt('sub/b.txt', 'ok-link')).toBeUndefined();
    expect(readAll(root.openAt(follow, 'ok-link', {}, readFlags))).toBe('nested\n');
    expect(root.removeDirectoryAt('.')).toEqual(deniedAs('not-permitted'));
    expect(existsSync(join(base, 'planted'))).toBe(false);
  });

  it.skipIf(!existsSync('/proc/self/fd'))('closes the files a guest left open when disposed', () => {
    const fds = () => readdirSync('/proc/self/fd').length;
    const before = fds();
    const { host, root } = open(false);
    for (let i = 0; i < 5; i++) root.openAt(follow, 'a.txt', {}, readFlags).readViaStream(0n);
    expect(fds()).toBe(before + 5);
    host.dispose();
    expect(fds()).toBe(before);
  });

  it('refuses a grant whose directory does not exist, with a named error', () => {
    expect(() => createHost(hostConfig({ grants: { dirs: [{ guestPath: '/x', hostPath: join(base, 'missing'), write: false }] } }))).toThrow(
      GrantedDirectoryError,
    );
  });
});
