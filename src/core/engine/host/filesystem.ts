/**
 * wasi:filesystem — types and preopens, on the real filesystem, confined to the granted directories.
 *
 * Each grant is a root (guest path → host directory, read-only unless write is granted). Every path
 * a guest passes is resolved under the descriptor it is relative to: absolute paths, `..` above the
 * root, and symlinks whose real target lies outside the root are refused with `not-permitted`
 * before any file is touched; writes under a read-only root are refused with `read-only`. Files are
 * opened by their canonical real path with O_NOFOLLOW, so what was checked is what is opened. Each
 * refusal is a denied ledger entry. Without grants there are no preopens at all.
 *
 * Under strict and virtual policies, file timestamps read as the virtual epoch (they are host
 * state, not program input); dev mode shows the real ones.
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import { basename, dirname, join, posix, sep } from 'node:path';
import { RunActionError } from '../../errors.js';
import type { Grants } from '../types.js';
import type { Datetime } from './clocks.js';
import { err, InputStream, IoError, isErr, OutputStream, type Err } from './io.js';
import type { Gate } from './policy.js';

/** A granted directory named in run.toml does not exist or is not a directory on this machine. */
export class GrantedDirectoryError extends RunActionError {}

type ErrorCode =
  | 'access' | 'would-block' | 'already' | 'bad-descriptor' | 'busy' | 'deadlock' | 'quota' | 'exist'
  | 'file-too-large' | 'illegal-byte-sequence' | 'in-progress' | 'interrupted' | 'invalid' | 'io'
  | 'is-directory' | 'loop' | 'too-many-links' | 'message-size' | 'name-too-long' | 'no-device'
  | 'no-entry' | 'no-lock' | 'insufficient-memory' | 'insufficient-space' | 'not-directory'
  | 'not-empty' | 'not-recoverable' | 'unsupported' | 'no-tty' | 'no-such-device' | 'overflow'
  | 'not-permitted' | 'pipe' | 'read-only' | 'invalid-seek' | 'text-file-busy' | 'cross-device';

/** Node's errno codes → WASI error-code. */
const ERRNO: Record<string, ErrorCode> = {
  EACCES: 'access', EAGAIN: 'would-block', EALREADY: 'already', EBADF: 'bad-descriptor', EBUSY: 'busy',
  EDEADLK: 'deadlock', EDQUOT: 'quota', EEXIST: 'exist', EFBIG: 'file-too-large', EILSEQ: 'illegal-byte-sequence',
  EINPROGRESS: 'in-progress', EINTR: 'interrupted', EINVAL: 'invalid', EIO: 'io', EISDIR: 'is-directory',
  ELOOP: 'loop', EMLINK: 'too-many-links', EMSGSIZE: 'message-size', ENAMETOOLONG: 'name-too-long',
  ENODEV: 'no-device', ENOENT: 'no-entry', ENOLCK: 'no-lock', ENOMEM: 'insufficient-memory',
  ENOSPC: 'insufficient-space', ENOTDIR: 'not-directory', ENOTEMPTY: 'not-empty', ENOTRECOVERABLE: 'not-recoverable',
  ENOTSUP: 'unsupported', EOPNOTSUPP: 'unsupported', ENOTTY: 'no-tty', ENXIO: 'no-such-device', EOVERFLOW: 'overflow',
  EPERM: 'not-permitted', EPIPE: 'pipe', EROFS: 'read-only', ESPIPE: 'invalid-seek', ETXTBSY: 'text-file-busy',
  EXDEV: 'cross-device',
};

type DescriptorType =
  | 'unknown' | 'block-device' | 'character-device' | 'directory' | 'fifo' | 'symbolic-link' | 'regular-file' | 'socket';

interface DescriptorFlags {
  read?: boolean;
  write?: boolean;
  fileIntegritySync?: boolean;
  dataIntegritySync?: boolean;
  requestedWriteSync?: boolean;
  mutateDirectory?: boolean;
}
interface PathFlags {
  symlinkFollow?: boolean;
}
interface OpenFlags {
  create?: boolean;
  directory?: boolean;
  exclusive?: boolean;
  truncate?: boolean;
}
type NewTimestamp = { tag: 'no-change' } | { tag: 'now' } | { tag: 'timestamp'; val: Datetime };

interface DescriptorStat {
  type: DescriptorType;
  linkCount: bigint;
  size: bigint;
  dataAccessTimestamp: Datetime | undefined;
  dataModificationTimestamp: Datetime | undefined;
  statusChangeTimestamp: Datetime | undefined;
}

const errnoCode = (e: unknown): string | undefined => {
  const code = (e as NodeJS.ErrnoException | null)?.code;
  return typeof code === 'string' && code in ERRNO ? code : undefined;
};

/** Runs a host fs call; an errno becomes the WASI error, anything else is a host bug and throws. */
function attempt<T>(op: () => T): T | Err<ErrorCode> {
  try {
    return op();
  } catch (e) {
    const code = errnoCode(e);
    if (code) return err(ERRNO[code]!);
    throw e;
  }
}

/** Same, for stream sources and sinks: failures become wasi:io errors carrying the code. */
function streamAttempt<T>(op: () => T): T {
  try {
    return op();
  } catch (e) {
    const code = errnoCode(e);
    if (code) throw new IoError((e as Error).message, ERRNO[code]);
    throw e;
  }
}

function typeOf(s: { isFile(): boolean; isDirectory(): boolean; isSymbolicLink(): boolean; isFIFO(): boolean; isSocket(): boolean; isCharacterDevice(): boolean; isBlockDevice(): boolean }): DescriptorType {
  if (s.isFile()) return 'regular-file';
  if (s.isDirectory()) return 'directory';
  if (s.isSymbolicLink()) return 'symbolic-link';
  if (s.isFIFO()) return 'fifo';
  if (s.isSocket()) return 'socket';
  if (s.isCharacterDevice()) return 'character-device';
  if (s.isBlockDevice()) return 'block-device';
  return 'unknown';
}

const O = fs.constants;
/** O_NOFOLLOW does not exist on Windows, where symlinks are already resolved before opening. */
const NOFOLLOW = O.O_NOFOLLOW ?? 0;
const MAX_READ = 1024 * 1024;

interface Root {
  guestPath: string;
  /** Canonical (realpath) host directory. */
  real: string;
  /** The canonical path plus a trailing separator, for prefix checks. */
  prefix: string;
  write: boolean;
}

/** A file opened on the host, shared by its descriptor and streams; closed when the last lets go. */
class OpenFile {
  readonly fd: number;
  readonly #registry: Set<OpenFile>;
  #refs = 1;

  constructor(fd: number, registry: Set<OpenFile>) {
    this.fd = fd;
    this.#registry = registry;
    registry.add(this);
  }
  retain(): this {
    this.#refs++;
    return this;
  }
  release(): void {
    if (--this.#refs === 0) this.close();
  }
  close(): void {
    if (this.#registry.delete(this)) fs.closeSync(this.fd);
  }
}

interface Shared {
  gate: Gate;
  wallTime(): Datetime;
  dev: boolean;
  open: Set<OpenFile>;
}

/** A resolved guest path: its canonical host path and what is there (undefined: nothing yet). */
interface Resolved {
  path: string;
  stat: fs.Stats | undefined;
  /** A symlink that was to be followed but points nowhere. */
  dangling: boolean;
}

const within = (root: Root, p: string) => p === root.real || p.startsWith(root.prefix);

class Descriptor {
  readonly #shared: Shared;
  readonly #root: Root;
  /** Canonical host path. */
  readonly #path: string;
  readonly #file: OpenFile | undefined;
  readonly #read: boolean;
  readonly #write: boolean;

  constructor(shared: Shared, root: Root, path: string, file?: OpenFile, access = { read: true, write: false }) {
    this.#shared = shared;
    this.#root = root;
    this.#path = path;
    this.#file = file;
    this.#read = access.read;
    this.#write = access.write;
  }

  // --- containment ---------------------------------------------------------------------------

  #deny(method: string, code: ErrorCode): Err<ErrorCode> {
    this.#shared.gate.use(`wasi:filesystem/types#descriptor.${method}`, 'filesystem-denied');
    return err(code);
  }

  /** Resolves `path` relative to this directory, refusing anything that leaves the root. */
  #resolve(method: string, path: string, follow: boolean): Resolved | Err<ErrorCode> {
    if (this.#file) return err('not-directory');
    if (path === '') return err('no-entry');
    if (path.includes('\0')) return err('invalid');
    if (path.startsWith('/')) return this.#deny(method, 'not-permitted');
    const root = this.#root;
    const stack = this.#path === root.real ? [] : this.#path.slice(root.prefix.length).split(sep);
    for (const segment of path.split('/')) {
      if (segment === '' || segment === '.') continue;
      // A separator or drive colon inside a segment would change the meaning of join() on Windows.
      if (sep === '\\' && /[\\:]/.test(segment)) return err('invalid');
      if (segment === '..') {
        if (stack.length === 0) return this.#deny(method, 'not-permitted');
        stack.pop();
      } else {
        stack.push(segment);
      }
    }
    if (stack.length === 0) {
      const stat = attempt(() => fs.statSync(root.real));
      return isErr(stat) ? stat : { path: root.real, stat, dangling: false };
    }

    const lexical = join(root.real, ...stack);
    // Intermediate symlinks: the real parent must still be inside the root.
    const parent = attempt(() => fs.realpathSync.native(dirname(lexical)));
    if (isErr(parent)) return parent;
    if (!within(root, parent)) return this.#deny(method, 'not-permitted');
    const canonical = join(parent, basename(lexical));
    const lstat = attempt(() => fs.lstatSync(canonical, { throwIfNoEntry: false }));
    if (isErr(lstat)) return lstat;
    if (!lstat?.isSymbolicLink() || !follow) {
      if (path.endsWith('/') && lstat && !lstat.isDirectory()) return err('not-directory');
      return { path: canonical, stat: lstat, dangling: false };
    }
    // The final symlink: follow it and check where it really lands.
    const real = attempt(() => fs.realpathSync.native(canonical));
    if (isErr(real)) return real.val === 'no-entry' ? { path: canonical, stat: undefined, dangling: true } : real;
    if (!within(root, real)) return this.#deny(method, 'not-permitted');
    const stat = attempt(() => fs.statSync(real));
    return isErr(stat) ? stat : { path: real, stat, dangling: false };
  }

  /** Resolves a path that must exist. */
  #existing(method: string, path: string, follow: boolean): (Resolved & { stat: fs.Stats }) | Err<ErrorCode> {
    const r = this.#resolve(method, path, follow);
    if (isErr(r)) return r;
    if (!r.stat) return err('no-entry');
    return r as Resolved & { stat: fs.Stats };
  }

  #writable(method: string): Err<ErrorCode> | undefined {
    return this.#root.write ? undefined : this.#deny(method, 'read-only');
  }

  #statOf(s: fs.BigIntStats): DescriptorStat {
    const time = (ns: bigint): Datetime =>
      this.#shared.dev ? { seconds: ns / 1_000_000_000n, nanoseconds: Number(ns % 1_000_000_000n) } : this.#shared.wallTime();
    return {
      type: typeOf(s),
      linkCount: s.nlink,
      size: s.size,
      dataAccessTimestamp: time(s.atimeNs),
      dataModificationTimestamp: time(s.mtimeNs),
      statusChangeTimestamp: time(s.ctimeNs),
    };
  }

  #timesFor(path: string | undefined, atime: NewTimestamp, mtime: NewTimestamp): [number, number] {
    const current = path === undefined ? fs.fstatSync(this.#file!.fd) : fs.lstatSync(path);
    const seconds = (t: NewTimestamp, keep: number): number => {
      if (t.tag === 'no-change') return keep;
      const d = t.tag === 'now' ? this.#shared.wallTime() : t.val;
      return Number(d.seconds) + d.nanoseconds / 1e9;
    };
    return [seconds(atime, current.atimeMs / 1000), seconds(mtime, current.mtimeMs / 1000)];
  }

  #fileOnly(): OpenFile | Err<ErrorCode> {
    return this.#file ?? err('is-directory');
  }

  // --- descriptor methods ----------------------------------------------------------------------

  readViaStream(offset: bigint): InputStream | Err<ErrorCode> {
    const file = this.#fileOnly();
    if (isErr(file)) return file;
    if (!this.#read) return err('bad-descriptor');
    let position = Number(offset);
    const handle = file.retain();
    return new InputStream({
      read: (max) =>
        streamAttempt(() => {
          const buf = new Uint8Array(max);
          const n = fs.readSync(handle.fd, buf, 0, max, position);
          position += n;
          return n === 0 ? null : buf.subarray(0, n);
        }),
      close: () => handle.release(),
    });
  }

  writeViaStream(offset: bigint): OutputStream | Err<ErrorCode> {
    return this.#writer(Number(offset));
  }

  appendViaStream(): OutputStream | Err<ErrorCode> {
    return this.#writer(undefined);
  }

  /** An output stream from `offset` on, or (undefined) at the end of the file for each write. */
  #writer(offset: number | undefined): OutputStream | Err<ErrorCode> {
    const file = this.#fileOnly();
    if (isErr(file)) return file;
    if (!this.#write) return err('bad-descriptor');
    let position = offset;
    const handle = file.retain();
    return new OutputStream({
      write: (bytes) =>
        streamAttempt(() => {
          const at = position ?? fs.fstatSync(handle.fd).size;
          for (let done = 0; done < bytes.byteLength; ) done += fs.writeSync(handle.fd, bytes, done, bytes.byteLength - done, at + done);
          if (position !== undefined) position += bytes.byteLength;
        }),
      close: () => handle.release(),
    });
  }

  advise(_offset: bigint, _length: bigint, _advice: string): void | Err<ErrorCode> {
    const file = this.#fileOnly();
    return isErr(file) ? file : undefined;
  }

  syncData(): void | Err<ErrorCode> {
    return this.#file ? attempt(() => fs.fdatasyncSync(this.#file!.fd)) : undefined;
  }

  sync(): void | Err<ErrorCode> {
    return this.#file ? attempt(() => fs.fsyncSync(this.#file!.fd)) : undefined;
  }

  getFlags(): DescriptorFlags {
    return { read: this.#read, write: this.#write, mutateDirectory: !this.#file && this.#root.write };
  }

  getType(): DescriptorType | Err<ErrorCode> {
    return attempt(() => typeOf(this.#file ? fs.fstatSync(this.#file.fd) : fs.statSync(this.#path)));
  }

  setSize(size: bigint): void | Err<ErrorCode> {
    const file = this.#fileOnly();
    if (isErr(file)) return file;
    if (!this.#write) return err('bad-descriptor');
    return attempt(() => fs.ftruncateSync(file.fd, Number(size)));
  }

  setTimes(atime: NewTimestamp, mtime: NewTimestamp): void | Err<ErrorCode> {
    const denied = this.#writable('set-times');
    if (denied) return denied;
    return attempt(() => {
      const [a, m] = this.#timesFor(this.#file ? undefined : this.#path, atime, mtime);
      if (this.#file) fs.futimesSync(this.#file.fd, a, m);
      else fs.utimesSync(this.#path, a, m);
    });
  }

  read(length: bigint, offset: bigint): [Uint8Array, boolean] | Err<ErrorCode> {
    const file = this.#fileOnly();
    if (isErr(file)) return file;
    if (!this.#read) return err('bad-descriptor');
    const want = Number(length < BigInt(MAX_READ) ? length : BigInt(MAX_READ));
    return attempt(() => {
      const buf = new Uint8Array(want);
      const n = fs.readSync(file.fd, buf, 0, want, Number(offset));
      return [buf.subarray(0, n), n < want || want === 0];
    });
  }

  write(buffer: Uint8Array, offset: bigint): bigint | Err<ErrorCode> {
    const file = this.#fileOnly();
    if (isErr(file)) return file;
    if (!this.#write) return err('bad-descriptor');
    return attempt(() => BigInt(fs.writeSync(file.fd, buffer, 0, buffer.byteLength, Number(offset))));
  }

  readDirectory(): DirectoryEntryStream | Err<ErrorCode> {
    if (this.#file) return err('not-directory');
    const entries = attempt(() => fs.readdirSync(this.#path, { withFileTypes: true }));
    if (isErr(entries)) return entries;
    // Sorted, so a listing does not depend on the host filesystem's order.
    const sorted = entries.map((d) => ({ type: typeOf(d), name: d.name })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    return new DirectoryEntryStream(sorted);
  }

  createDirectoryAt(path: string): void | Err<ErrorCode> {
    const method = 'create-directory-at';
    const denied = this.#writable(method);
    if (denied) return denied;
    const r = this.#resolve(method, path, false);
    if (isErr(r)) return r;
    if (r.stat) return err('exist');
    return attempt(() => void fs.mkdirSync(r.path));
  }

  stat(): DescriptorStat | Err<ErrorCode> {
    return attempt(() =>
      this.#statOf(this.#file ? fs.fstatSync(this.#file.fd, { bigint: true }) : fs.statSync(this.#path, { bigint: true })),
    );
  }

  statAt(pathFlags: PathFlags, path: string): DescriptorStat | Err<ErrorCode> {
    const r = this.#existing('stat-at', path, !!pathFlags.symlinkFollow);
    if (isErr(r)) return r;
    return attempt(() => this.#statOf(fs.lstatSync(r.path, { bigint: true })));
  }

  setTimesAt(pathFlags: PathFlags, path: string, atime: NewTimestamp, mtime: NewTimestamp): void | Err<ErrorCode> {
    const method = 'set-times-at';
    const denied = this.#writable(method);
    if (denied) return denied;
    const r = this.#existing(method, path, !!pathFlags.symlinkFollow);
    if (isErr(r)) return r;
    return attempt(() => {
      const [a, m] = this.#timesFor(r.path, atime, mtime);
      fs.lutimesSync(r.path, a, m);
    });
  }

  linkAt(oldFlags: PathFlags, oldPath: string, newDescriptor: Descriptor, newPath: string): void | Err<ErrorCode> {
    const method = 'link-at';
    const denied = this.#writable(method) ?? newDescriptor.#writable(method);
    if (denied) return denied;
    const from = this.#existing(method, oldPath, !!oldFlags.symlinkFollow);
    if (isErr(from)) return from;
    const to = newDescriptor.#resolve(method, newPath, false);
    if (isErr(to)) return to;
    if (to.stat) return err('exist');
    return attempt(() => fs.linkSync(from.path, to.path));
  }

  openAt(pathFlags: PathFlags, path: string, openFlags: OpenFlags, flags: DescriptorFlags): Descriptor | Err<ErrorCode> {
    const method = 'open-at';
    const wantsWrite = !!(flags.write || openFlags.create || openFlags.truncate);
    if (wantsWrite) {
      const denied = this.#writable(method);
      if (denied) return denied;
    }
    const r = this.#resolve(method, path, !!pathFlags.symlinkFollow);
    if (isErr(r)) return r;
    if (r.dangling) return openFlags.create ? this.#deny(method, 'not-permitted') : err('no-entry');
    if (r.stat) {
      if (openFlags.create && openFlags.exclusive) return err('exist');
      if (r.stat.isSymbolicLink()) return err('loop'); // not followed: O_NOFOLLOW semantics
      if (r.stat.isDirectory()) {
        if (flags.write || openFlags.truncate) return err('is-directory');
        return new Descriptor(this.#shared, this.#root, r.path);
      }
      if (openFlags.directory) return err('not-directory');
    } else {
      if (!openFlags.create) return err('no-entry');
      if (openFlags.directory) return err('invalid');
    }
    const read = !!flags.read || !flags.write;
    const write = !!flags.write;
    const mode =
      (read && write ? O.O_RDWR : write ? O.O_WRONLY : O.O_RDONLY) |
      NOFOLLOW |
      (openFlags.create ? O.O_CREAT : 0) |
      (openFlags.exclusive ? O.O_EXCL : 0) |
      (openFlags.truncate ? O.O_TRUNC : 0);
    const fd = attempt(() => fs.openSync(r.path, mode, 0o644));
    if (isErr(fd)) return fd;
    return new Descriptor(this.#shared, this.#root, r.path, new OpenFile(fd, this.#shared.open), { read, write });
  }

  readlinkAt(path: string): string | Err<ErrorCode> {
    const r = this.#existing('readlink-at', path, false);
    if (isErr(r)) return r;
    if (!r.stat.isSymbolicLink()) return err('invalid');
    return attempt(() => fs.readlinkSync(r.path));
  }

  removeDirectoryAt(path: string): void | Err<ErrorCode> {
    const method = 'remove-directory-at';
    const denied = this.#writable(method);
    if (denied) return denied;
    const r = this.#existing(method, path, false);
    if (isErr(r)) return r;
    if (r.path === this.#root.real) return this.#deny(method, 'not-permitted');
    return attempt(() => fs.rmdirSync(r.path));
  }

  renameAt(oldPath: string, newDescriptor: Descriptor, newPath: string): void | Err<ErrorCode> {
    const method = 'rename-at';
    const denied = this.#writable(method) ?? newDescriptor.#writable(method);
    if (denied) return denied;
    const from = this.#existing(method, oldPath, false);
    if (isErr(from)) return from;
    const to = newDescriptor.#resolve(method, newPath, false);
    if (isErr(to)) return to;
    if (from.path === this.#root.real || to.path === newDescriptor.#root.real) return this.#deny(method, 'not-permitted');
    return attempt(() => fs.renameSync(from.path, to.path));
  }

  symlinkAt(oldPath: string, newPath: string): void | Err<ErrorCode> {
    const method = 'symlink-at';
    const denied = this.#writable(method);
    if (denied) return denied;
    if (oldPath.startsWith('/')) return this.#deny(method, 'not-permitted');
    const to = this.#resolve(method, newPath, false);
    if (isErr(to)) return to;
    if (to.stat) return err('exist');
    // The link's target must itself stay inside the root, read from where the link will live.
    const linkDir = posix.dirname(newPath.replace(/\/+$/, ''));
    const target = this.#resolve(method, linkDir === '.' ? oldPath : `${linkDir}/${oldPath}`, false);
    if (isErr(target)) return target;
    return attempt(() => fs.symlinkSync(oldPath, to.path));
  }

  unlinkFileAt(path: string): void | Err<ErrorCode> {
    const method = 'unlink-file-at';
    const denied = this.#writable(method);
    if (denied) return denied;
    const r = this.#existing(method, path, false);
    if (isErr(r)) return r;
    if (r.stat.isDirectory()) return err('is-directory');
    return attempt(() => fs.unlinkSync(r.path));
  }

  isSameObject(other: Descriptor): boolean {
    const a = this.#identity();
    const b = other.#identity();
    return a !== undefined && a === b;
  }

  metadataHash(): { lower: bigint; upper: bigint } | Err<ErrorCode> {
    return this.#hash(this.#path);
  }

  metadataHashAt(pathFlags: PathFlags, path: string): { lower: bigint; upper: bigint } | Err<ErrorCode> {
    const r = this.#existing('metadata-hash-at', path, !!pathFlags.symlinkFollow);
    return isErr(r) ? r : this.#hash(r.path);
  }

  #identity(): string | undefined {
    try {
      const s = this.#file ? fs.fstatSync(this.#file.fd) : fs.statSync(this.#path);
      return `${s.dev}:${s.ino}`;
    } catch {
      return undefined;
    }
  }

  /** A hash of the guest-visible path, not of inode numbers, so it is the same on every machine. */
  #hash(path: string): { lower: bigint; upper: bigint } {
    const rel = path === this.#root.real ? '' : path.slice(this.#root.prefix.length).split(sep).join('/');
    const digest = createHash('sha256').update(`${this.#root.guestPath}\0${rel}`).digest();
    return { lower: digest.readBigUInt64LE(0), upper: digest.readBigUInt64LE(8) };
  }

  [Symbol.dispose](): void {
    this.#file?.release();
  }
}

class DirectoryEntryStream {
  readonly #entries: Array<{ type: DescriptorType; name: string }>;
  #next = 0;

  constructor(entries: Array<{ type: DescriptorType; name: string }>) {
    this.#entries = entries;
  }

  readDirectoryEntry(): { type: DescriptorType; name: string } | undefined {
    return this.#entries[this.#next++];
  }
}

/** Checks each granted directory and canonicalises it; throws GrantedDirectoryError for a bad one. */
function rootsOf(dirs: Grants['dirs']): Root[] {
  return dirs.map(({ guestPath, hostPath, write }) => {
    let real: string;
    try {
      real = fs.realpathSync.native(hostPath);
    } catch (e) {
      throw new GrantedDirectoryError(`granted directory ${hostPath} (guest path ${guestPath}) does not exist`, {
        hint: 'create it, or remove the fs: capability that grants it',
        cause: e,
      });
    }
    if (!fs.statSync(real).isDirectory()) {
      throw new GrantedDirectoryError(`granted path ${hostPath} (guest path ${guestPath}) is not a directory`, {
        hint: 'fs: capabilities grant directories; grant the folder that contains the file',
      });
    }
    return { guestPath, real, prefix: real.endsWith(sep) ? real : real + sep, write };
  });
}

export function createFilesystem(gate: Gate, grants: Grants, wallTime: () => Datetime) {
  const roots = rootsOf(grants.dirs);
  const shared: Shared = { gate, wallTime, dev: gate.answer('wall-clock') === 'host', open: new Set() };
  return {
    /** Closes every file the guest left open (the instance is done). */
    closeAll: () => {
      for (const f of [...shared.open]) f.close();
    },
    interfaces: {
      'wasi:filesystem/types': {
        Descriptor,
        DirectoryEntryStream,
        filesystemErrorCode: (e: IoError): ErrorCode | undefined => e.code as ErrorCode | undefined,
      },
      'wasi:filesystem/preopens': {
        // Fresh descriptors per call: the guest owns what it is given and may drop it.
        getDirectories: (): Array<[Descriptor, string]> =>
          roots.map((root) => [new Descriptor(shared, root, root.real), root.guestPath]),
      },
    },
  };
}
