import { createRequire as __runActionRequire } from 'node:module'; const require = __runActionRequire(import.meta.url);
import {
  MIRROR_HEADER_BYTES,
  RunActionError,
  classifyFailure,
  violationVerdict
} from "./chunk-GW6JPPNZ.js";
import "./chunk-YKBNFI37.js";

// src/core/engine/worker.ts
import { parentPort } from "node:worker_threads";

// src/core/engine/host/io.ts
var err = (val) => ({ tag: "err", val });
var isErr = (v) => typeof v === "object" && v !== null && v.tag === "err";
var IoError = class {
  #message;
  code;
  constructor(message, code) {
    this.#message = message;
    this.code = code;
  }
  toDebugString() {
    return this.#message;
  }
};
var closed = err({ tag: "closed" });
var failed = (e) => err({ tag: "last-operation-failed", val: e });
var Pollable = class {
  #waitable;
  constructor(waitable) {
    this.#waitable = waitable;
  }
  ready() {
    return this.#waitable ? this.#waitable.ready() : true;
  }
  block() {
    if (this.#waitable && !this.#waitable.ready()) this.#waitable.block();
  }
  /** Wake time when pending, for poll(); undefined when ready. */
  pendingUntil() {
    return this.#waitable && !this.#waitable.ready() ? this.#waitable.wakeAt : void 0;
  }
};
function poll(list) {
  if (list.length === 0) throw new RangeError("wasi:io/poll.poll called with an empty list");
  let soonest;
  let soonestAt;
  for (const p of list) {
    const at = p.pendingUntil();
    if (at === void 0) return readyIndices(list);
    if (soonestAt === void 0 || at < soonestAt) [soonest, soonestAt] = [p, at];
  }
  soonest?.block();
  return readyIndices(list);
}
function readyIndices(list) {
  const ready = [];
  list.forEach((p, i) => p.ready() && ready.push(i));
  return Uint32Array.from(ready);
}
var READ_CHUNK = 64 * 1024;
var WRITE_PERMIT = 1024n * 1024n;
var chunkLength = (len) => Number(len < BigInt(READ_CHUNK) ? len : BigInt(READ_CHUNK));
function attempt(op) {
  try {
    return op();
  } catch (e) {
    if (e instanceof IoError) return failed(e);
    throw e;
  }
}
var InputStream = class {
  #source;
  #ended = false;
  #dropped = false;
  constructor(source) {
    this.#source = source;
  }
  read(len) {
    if (this.#ended || this.#dropped) return closed;
    if (len === 0n) return new Uint8Array(0);
    return attempt(() => {
      const bytes = this.#source.read(chunkLength(len));
      if (bytes === null) {
        this.#ended = true;
        return closed;
      }
      return bytes;
    });
  }
  blockingRead(len) {
    return this.read(len);
  }
  skip(len) {
    const r = this.read(len);
    return isErr(r) ? r : BigInt(r.byteLength);
  }
  blockingSkip(len) {
    return this.skip(len);
  }
  subscribe() {
    return new Pollable();
  }
  [Symbol.dispose]() {
    if (this.#dropped) return;
    this.#dropped = true;
    this.#source.close?.();
  }
};
var OutputStream = class {
  #sink;
  #dropped = false;
  constructor(sink) {
    this.#sink = sink;
  }
  checkWrite() {
    return this.#dropped ? closed : WRITE_PERMIT;
  }
  write(contents) {
    if (this.#dropped) return closed;
    return attempt(() => {
      this.#sink.write(contents);
      return void 0;
    });
  }
  blockingWriteAndFlush(contents) {
    return this.write(contents) ?? this.flush();
  }
  flush() {
    if (this.#dropped) return closed;
    return attempt(() => {
      this.#sink.flush?.();
      return void 0;
    });
  }
  blockingFlush() {
    return this.flush();
  }
  subscribe() {
    return new Pollable();
  }
  writeZeroes(len) {
    if (len > WRITE_PERMIT) return failed(new IoError(`write-zeroes of ${len} bytes exceeds the write permit`));
    return this.write(new Uint8Array(Number(len)));
  }
  blockingWriteZeroesAndFlush(len) {
    return this.writeZeroes(len) ?? this.flush();
  }
  splice(src, len) {
    const bytes = src.read(len);
    if (isErr(bytes)) return bytes;
    return this.write(bytes) ?? BigInt(bytes.byteLength);
  }
  blockingSplice(src, len) {
    return this.splice(src, len);
  }
  [Symbol.dispose]() {
    if (this.#dropped) return;
    this.#dropped = true;
    this.#sink.flush?.();
    this.#sink.close?.();
  }
};
var ioInterfaces = {
  "wasi:io/error": { Error: IoError },
  "wasi:io/poll": { Pollable, poll },
  "wasi:io/streams": { InputStream, OutputStream }
};

// src/core/engine/host/cli.ts
var ComponentExit = class extends Error {
  code;
  constructor(code) {
    super(`component exited with code ${code}`);
    this.name = "ComponentExit";
    this.code = code;
  }
};
var Capture = class {
  #cap;
  #buffer = new Uint8Array(0);
  #kept = 0;
  #dropped = 0;
  constructor(cap) {
    this.#cap = cap;
  }
  write(bytes) {
    const keep = Math.min(this.#cap - this.#kept, bytes.byteLength);
    if (keep > 0) {
      const needed = this.#kept + keep;
      if (needed > this.#buffer.byteLength) {
        const grown = new Uint8Array(Math.min(this.#cap, Math.max(needed, 2 * this.#buffer.byteLength, 4096)));
        grown.set(this.#buffer.subarray(0, this.#kept));
        this.#buffer = grown;
      }
      this.#buffer.set(keep === bytes.byteLength ? bytes : bytes.subarray(0, keep), this.#kept);
      this.#kept = needed;
    }
    this.#dropped += bytes.byteLength - keep;
  }
  bytes() {
    return this.#buffer.slice(0, this.#kept);
  }
  dropped() {
    return this.#dropped;
  }
};
var TerminalInput = class {
};
var TerminalOutput = class {
};
function createCli(grants, outputCapBytes) {
  const stdout = new Capture(outputCapBytes);
  const stderr = new Capture(outputCapBytes);
  const environment = Object.entries(grants.env).sort(([a], [b]) => a < b ? -1 : a > b ? 1 : 0);
  let exitCode;
  const exitWith = (code) => {
    exitCode = code;
    throw new ComponentExit(code);
  };
  return {
    stdout,
    stderr,
    exitCode: () => exitCode,
    interfaces: {
      "wasi:cli/environment": {
        getEnvironment: () => environment.map(([k, v]) => [k, v]),
        getArguments: () => [...grants.args],
        initialCwd: () => void 0
      },
      "wasi:cli/exit": {
        exit: (status) => exitWith(status.tag === "ok" ? 0 : 1),
        exitWithCode: (code) => exitWith(code)
      },
      // A fresh handle per call (as wasmtime does): a guest dropping one must not close the stream.
      "wasi:cli/stdin": { getStdin: () => new InputStream({ read: () => null }) },
      "wasi:cli/stdout": { getStdout: () => new OutputStream(stdout) },
      "wasi:cli/stderr": { getStderr: () => new OutputStream(stderr) },
      "wasi:cli/terminal-input": { TerminalInput },
      "wasi:cli/terminal-output": { TerminalOutput },
      "wasi:cli/terminal-stdin": { getTerminalStdin: () => void 0 },
      "wasi:cli/terminal-stdout": { getTerminalStdout: () => void 0 },
      "wasi:cli/terminal-stderr": { getTerminalStderr: () => void 0 }
    }
  };
}

// src/core/engine/host/clocks.ts
var TICK_NS = 1000n;
var MONOTONIC = "wasi:clocks/monotonic-clock";
function sleepNs(ns) {
  const ms = Number((ns + 999999n) / 1000000n);
  if (ms > 0) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}
function virtualTime() {
  let now = 0n;
  return {
    peek: () => now,
    read: () => {
      const t = now;
      now += TICK_NS;
      return t;
    },
    waitUntil: (deadline) => {
      if (deadline > now) now = deadline;
    }
  };
}
function hostTime() {
  const start = process.hrtime.bigint();
  const peek = () => process.hrtime.bigint() - start;
  return {
    peek,
    read: peek,
    waitUntil: (deadline) => {
      for (let left = deadline - peek(); left > 0n; left = deadline - peek()) sleepNs(left);
    }
  };
}
function createClocks(gate, config) {
  const time = gate.answer("monotonic-clock") === "host" ? hostTime() : virtualTime();
  const epoch = { seconds: BigInt(config.epochSeconds), nanoseconds: 0 };
  const timer = (deadline) => {
    const waitable = {
      ready: () => time.peek() >= deadline,
      block: () => time.waitUntil(deadline),
      wakeAt: deadline
    };
    return new Pollable(waitable);
  };
  const wallTime = () => {
    if (gate.answer("wall-clock") !== "host") return { ...epoch };
    const ms = Date.now();
    return { seconds: BigInt(Math.floor(ms / 1e3)), nanoseconds: ms % 1e3 * 1e6 };
  };
  const monotonicClock = {
    now() {
      gate.use(`${MONOTONIC}#now`, "monotonic-clock");
      return time.read();
    },
    resolution() {
      return TICK_NS;
    },
    subscribeInstant(when) {
      gate.use(`${MONOTONIC}#subscribe-instant`, "monotonic-clock");
      return timer(when);
    },
    subscribeDuration(duration) {
      gate.use(`${MONOTONIC}#subscribe-duration`, "monotonic-clock");
      return timer(time.peek() + duration);
    }
  };
  const wallClock = {
    now() {
      gate.use("wasi:clocks/wall-clock#now", "wall-clock");
      return wallTime();
    },
    resolution() {
      return { seconds: 0n, nanoseconds: gate.answer("wall-clock") === "host" ? 1e6 : Number(TICK_NS) };
    }
  };
  return {
    wallTime,
    interfaces: {
      "wasi:clocks/monotonic-clock": monotonicClock,
      "wasi:clocks/wall-clock": wallClock
    }
  };
}

// src/core/engine/host/filesystem.ts
import { createHash } from "node:crypto";
import * as fs from "node:fs";
import { basename, dirname, join, posix, sep } from "node:path";
var GrantedDirectoryError = class extends RunActionError {
};
var ERRNO = {
  EACCES: "access",
  EAGAIN: "would-block",
  EALREADY: "already",
  EBADF: "bad-descriptor",
  EBUSY: "busy",
  EDEADLK: "deadlock",
  EDQUOT: "quota",
  EEXIST: "exist",
  EFBIG: "file-too-large",
  EILSEQ: "illegal-byte-sequence",
  EINPROGRESS: "in-progress",
  EINTR: "interrupted",
  EINVAL: "invalid",
  EIO: "io",
  EISDIR: "is-directory",
  ELOOP: "loop",
  EMLINK: "too-many-links",
  EMSGSIZE: "message-size",
  ENAMETOOLONG: "name-too-long",
  ENODEV: "no-device",
  ENOENT: "no-entry",
  ENOLCK: "no-lock",
  ENOMEM: "insufficient-memory",
  ENOSPC: "insufficient-space",
  ENOTDIR: "not-directory",
  ENOTEMPTY: "not-empty",
  ENOTRECOVERABLE: "not-recoverable",
  ENOTSUP: "unsupported",
  EOPNOTSUPP: "unsupported",
  ENOTTY: "no-tty",
  ENXIO: "no-such-device",
  EOVERFLOW: "overflow",
  EPERM: "not-permitted",
  EPIPE: "pipe",
  EROFS: "read-only",
  ESPIPE: "invalid-seek",
  ETXTBSY: "text-file-busy",
  EXDEV: "cross-device"
};
var errnoCode = (e) => {
  const code = e?.code;
  return typeof code === "string" && code in ERRNO ? code : void 0;
};
function attempt2(op) {
  try {
    return op();
  } catch (e) {
    const code = errnoCode(e);
    if (code) return err(ERRNO[code]);
    throw e;
  }
}
function streamAttempt(op) {
  try {
    return op();
  } catch (e) {
    const code = errnoCode(e);
    if (code) throw new IoError(e.message, ERRNO[code]);
    throw e;
  }
}
function typeOf(s) {
  if (s.isFile()) return "regular-file";
  if (s.isDirectory()) return "directory";
  if (s.isSymbolicLink()) return "symbolic-link";
  if (s.isFIFO()) return "fifo";
  if (s.isSocket()) return "socket";
  if (s.isCharacterDevice()) return "character-device";
  if (s.isBlockDevice()) return "block-device";
  return "unknown";
}
var O = fs.constants;
var NOFOLLOW = O.O_NOFOLLOW ?? 0;
var MAX_READ = 1024 * 1024;
var OpenFile = class {
  fd;
  #registry;
  #refs = 1;
  constructor(fd, registry) {
    this.fd = fd;
    this.#registry = registry;
    registry.add(this);
  }
  retain() {
    this.#refs++;
    return this;
  }
  release() {
    if (--this.#refs === 0) this.close();
  }
  close() {
    if (this.#registry.delete(this)) fs.closeSync(this.fd);
  }
};
var within = (root, p) => p === root.real || p.startsWith(root.prefix);
var Descriptor = class _Descriptor {
  #shared;
  #root;
  /** Canonical host path. */
  #path;
  #file;
  #read;
  #write;
  constructor(shared, root, path, file, access = { read: true, write: false }) {
    this.#shared = shared;
    this.#root = root;
    this.#path = path;
    this.#file = file;
    this.#read = access.read;
    this.#write = access.write;
  }
  // --- containment ---------------------------------------------------------------------------
  #deny(method, code) {
    this.#shared.gate.use(`wasi:filesystem/types#descriptor.${method}`, "filesystem-denied");
    return err(code);
  }
  /** Resolves `path` relative to this directory, refusing anything that leaves the root. */
  #resolve(method, path, follow) {
    if (this.#file) return err("not-directory");
    if (path === "") return err("no-entry");
    if (path.includes("\0")) return err("invalid");
    if (path.startsWith("/")) return this.#deny(method, "not-permitted");
    const root = this.#root;
    const stack = this.#path === root.real ? [] : this.#path.slice(root.prefix.length).split(sep);
    for (const segment of path.split("/")) {
      if (segment === "" || segment === ".") continue;
      if (sep === "\\" && /[\\:]/.test(segment)) return err("invalid");
      if (segment === "..") {
        if (stack.length === 0) return this.#deny(method, "not-permitted");
        stack.pop();
      } else {
        stack.push(segment);
      }
    }
    if (stack.length === 0) {
      const stat2 = attempt2(() => fs.statSync(root.real));
      return isErr(stat2) ? stat2 : { path: root.real, stat: stat2, dangling: false };
    }
    const lexical = join(root.real, ...stack);
    const parent = attempt2(() => fs.realpathSync.native(dirname(lexical)));
    if (isErr(parent)) return parent;
    if (!within(root, parent)) return this.#deny(method, "not-permitted");
    const canonical = join(parent, basename(lexical));
    const lstat = attempt2(() => fs.lstatSync(canonical, { throwIfNoEntry: false }));
    if (isErr(lstat)) return lstat;
    if (!lstat?.isSymbolicLink() || !follow) {
      if (path.endsWith("/") && lstat && !lstat.isDirectory()) return err("not-directory");
      return { path: canonical, stat: lstat, dangling: false };
    }
    const real = attempt2(() => fs.realpathSync.native(canonical));
    if (isErr(real)) return real.val === "no-entry" ? { path: canonical, stat: void 0, dangling: true } : real;
    if (!within(root, real)) return this.#deny(method, "not-permitted");
    const stat = attempt2(() => fs.statSync(real));
    return isErr(stat) ? stat : { path: real, stat, dangling: false };
  }
  /** Resolves a path that must exist. */
  #existing(method, path, follow) {
    const r = this.#resolve(method, path, follow);
    if (isErr(r)) return r;
    if (!r.stat) return err("no-entry");
    return r;
  }
  #writable(method) {
    return this.#root.write ? void 0 : this.#deny(method, "read-only");
  }
  #statOf(s) {
    const time = (ns) => this.#shared.dev ? { seconds: ns / 1000000000n, nanoseconds: Number(ns % 1000000000n) } : this.#shared.wallTime();
    return {
      type: typeOf(s),
      linkCount: s.nlink,
      size: s.size,
      dataAccessTimestamp: time(s.atimeNs),
      dataModificationTimestamp: time(s.mtimeNs),
      statusChangeTimestamp: time(s.ctimeNs)
    };
  }
  #timesFor(path, atime, mtime) {
    const current = path === void 0 ? fs.fstatSync(this.#file.fd) : fs.lstatSync(path);
    const seconds = (t, keep) => {
      if (t.tag === "no-change") return keep;
      const d = t.tag === "now" ? this.#shared.wallTime() : t.val;
      return Number(d.seconds) + d.nanoseconds / 1e9;
    };
    return [seconds(atime, current.atimeMs / 1e3), seconds(mtime, current.mtimeMs / 1e3)];
  }
  #fileOnly() {
    return this.#file ?? err("is-directory");
  }
  // --- descriptor methods ----------------------------------------------------------------------
  readViaStream(offset) {
    const file = this.#fileOnly();
    if (isErr(file)) return file;
    if (!this.#read) return err("bad-descriptor");
    let position = Number(offset);
    const handle = file.retain();
    return new InputStream({
      read: (max) => streamAttempt(() => {
        const buf = new Uint8Array(max);
        const n = fs.readSync(handle.fd, buf, 0, max, position);
        position += n;
        return n === 0 ? null : buf.subarray(0, n);
      }),
      close: () => handle.release()
    });
  }
  writeViaStream(offset) {
    return this.#writer(Number(offset));
  }
  appendViaStream() {
    return this.#writer(void 0);
  }
  /** An output stream from `offset` on, or (undefined) at the end of the file for each write. */
  #writer(offset) {
    const file = this.#fileOnly();
    if (isErr(file)) return file;
    if (!this.#write) return err("bad-descriptor");
    let position = offset;
    const handle = file.retain();
    return new OutputStream({
      write: (bytes) => streamAttempt(() => {
        const at = position ?? fs.fstatSync(handle.fd).size;
        for (let done = 0; done < bytes.byteLength; ) done += fs.writeSync(handle.fd, bytes, done, bytes.byteLength - done, at + done);
        if (position !== void 0) position += bytes.byteLength;
      }),
      close: () => handle.release()
    });
  }
  advise(_offset, _length, _advice) {
    const file = this.#fileOnly();
    return isErr(file) ? file : void 0;
  }
  syncData() {
    return this.#file ? attempt2(() => fs.fdatasyncSync(this.#file.fd)) : void 0;
  }
  sync() {
    return this.#file ? attempt2(() => fs.fsyncSync(this.#file.fd)) : void 0;
  }
  getFlags() {
    return { read: this.#read, write: this.#write, mutateDirectory: !this.#file && this.#root.write };
  }
  getType() {
    return attempt2(() => typeOf(this.#file ? fs.fstatSync(this.#file.fd) : fs.statSync(this.#path)));
  }
  setSize(size) {
    const file = this.#fileOnly();
    if (isErr(file)) return file;
    if (!this.#write) return err("bad-descriptor");
    return attempt2(() => fs.ftruncateSync(file.fd, Number(size)));
  }
  setTimes(atime, mtime) {
    const denied2 = this.#writable("set-times");
    if (denied2) return denied2;
    return attempt2(() => {
      const [a, m] = this.#timesFor(this.#file ? void 0 : this.#path, atime, mtime);
      if (this.#file) fs.futimesSync(this.#file.fd, a, m);
      else fs.utimesSync(this.#path, a, m);
    });
  }
  read(length, offset) {
    const file = this.#fileOnly();
    if (isErr(file)) return file;
    if (!this.#read) return err("bad-descriptor");
    const want = Number(length < BigInt(MAX_READ) ? length : BigInt(MAX_READ));
    return attempt2(() => {
      const buf = new Uint8Array(want);
      const n = fs.readSync(file.fd, buf, 0, want, Number(offset));
      return [buf.subarray(0, n), n < want || want === 0];
    });
  }
  write(buffer, offset) {
    const file = this.#fileOnly();
    if (isErr(file)) return file;
    if (!this.#write) return err("bad-descriptor");
    return attempt2(() => BigInt(fs.writeSync(file.fd, buffer, 0, buffer.byteLength, Number(offset))));
  }
  readDirectory() {
    if (this.#file) return err("not-directory");
    const entries = attempt2(() => fs.readdirSync(this.#path, { withFileTypes: true }));
    if (isErr(entries)) return entries;
    const sorted = entries.map((d) => ({ type: typeOf(d), name: d.name })).sort((a, b) => a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
    return new DirectoryEntryStream(sorted);
  }
  createDirectoryAt(path) {
    const method = "create-directory-at";
    const denied2 = this.#writable(method);
    if (denied2) return denied2;
    const r = this.#resolve(method, path, false);
    if (isErr(r)) return r;
    if (r.stat) return err("exist");
    return attempt2(() => void fs.mkdirSync(r.path));
  }
  stat() {
    return attempt2(
      () => this.#statOf(this.#file ? fs.fstatSync(this.#file.fd, { bigint: true }) : fs.statSync(this.#path, { bigint: true }))
    );
  }
  statAt(pathFlags, path) {
    const r = this.#existing("stat-at", path, !!pathFlags.symlinkFollow);
    if (isErr(r)) return r;
    return attempt2(() => this.#statOf(fs.lstatSync(r.path, { bigint: true })));
  }
  setTimesAt(pathFlags, path, atime, mtime) {
    const method = "set-times-at";
    const denied2 = this.#writable(method);
    if (denied2) return denied2;
    const r = this.#existing(method, path, !!pathFlags.symlinkFollow);
    if (isErr(r)) return r;
    return attempt2(() => {
      const [a, m] = this.#timesFor(r.path, atime, mtime);
      fs.lutimesSync(r.path, a, m);
    });
  }
  linkAt(oldFlags, oldPath, newDescriptor, newPath) {
    const method = "link-at";
    const denied2 = this.#writable(method) ?? newDescriptor.#writable(method);
    if (denied2) return denied2;
    const from = this.#existing(method, oldPath, !!oldFlags.symlinkFollow);
    if (isErr(from)) return from;
    const to = newDescriptor.#resolve(method, newPath, false);
    if (isErr(to)) return to;
    if (to.stat) return err("exist");
    return attempt2(() => fs.linkSync(from.path, to.path));
  }
  openAt(pathFlags, path, openFlags, flags) {
    const method = "open-at";
    const wantsWrite = !!(flags.write || openFlags.create || openFlags.truncate);
    if (wantsWrite) {
      const denied2 = this.#writable(method);
      if (denied2) return denied2;
    }
    const r = this.#resolve(method, path, !!pathFlags.symlinkFollow);
    if (isErr(r)) return r;
    if (r.dangling) return openFlags.create ? this.#deny(method, "not-permitted") : err("no-entry");
    if (r.stat) {
      if (openFlags.create && openFlags.exclusive) return err("exist");
      if (r.stat.isSymbolicLink()) return err("loop");
      if (r.stat.isDirectory()) {
        if (flags.write || openFlags.truncate) return err("is-directory");
        return new _Descriptor(this.#shared, this.#root, r.path);
      }
      if (openFlags.directory) return err("not-directory");
    } else {
      if (!openFlags.create) return err("no-entry");
      if (openFlags.directory) return err("invalid");
    }
    const read = !!flags.read || !flags.write;
    const write = !!flags.write;
    const mode = (read && write ? O.O_RDWR : write ? O.O_WRONLY : O.O_RDONLY) | NOFOLLOW | (openFlags.create ? O.O_CREAT : 0) | (openFlags.exclusive ? O.O_EXCL : 0) | (openFlags.truncate ? O.O_TRUNC : 0);
    const fd = attempt2(() => fs.openSync(r.path, mode, 420));
    if (isErr(fd)) return fd;
    return new _Descriptor(this.#shared, this.#root, r.path, new OpenFile(fd, this.#shared.open), { read, write });
  }
  readlinkAt(path) {
    const r = this.#existing("readlink-at", path, false);
    if (isErr(r)) return r;
    if (!r.stat.isSymbolicLink()) return err("invalid");
    return attempt2(() => fs.readlinkSync(r.path));
  }
  removeDirectoryAt(path) {
    const method = "remove-directory-at";
    const denied2 = this.#writable(method);
    if (denied2) return denied2;
    const r = this.#existing(method, path, false);
    if (isErr(r)) return r;
    if (r.path === this.#root.real) return this.#deny(method, "not-permitted");
    return attempt2(() => fs.rmdirSync(r.path));
  }
  renameAt(oldPath, newDescriptor, newPath) {
    const method = "rename-at";
    const denied2 = this.#writable(method) ?? newDescriptor.#writable(method);
    if (denied2) return denied2;
    const from = this.#existing(method, oldPath, false);
    if (isErr(from)) return from;
    const to = newDescriptor.#resolve(method, newPath, false);
    if (isErr(to)) return to;
    if (from.path === this.#root.real || to.path === newDescriptor.#root.real) return this.#deny(method, "not-permitted");
    return attempt2(() => fs.renameSync(from.path, to.path));
  }
  symlinkAt(oldPath, newPath) {
    const method = "symlink-at";
    const denied2 = this.#writable(method);
    if (denied2) return denied2;
    if (oldPath.startsWith("/")) return this.#deny(method, "not-permitted");
    const to = this.#resolve(method, newPath, false);
    if (isErr(to)) return to;
    if (to.stat) return err("exist");
    const linkDir = posix.dirname(newPath.replace(/\/+$/, ""));
    const target = this.#resolve(method, linkDir === "." ? oldPath : `${linkDir}/${oldPath}`, false);
    if (isErr(target)) return target;
    return attempt2(() => fs.symlinkSync(oldPath, to.path));
  }
  unlinkFileAt(path) {
    const method = "unlink-file-at";
    const denied2 = this.#writable(method);
    if (denied2) return denied2;
    const r = this.#existing(method, path, false);
    if (isErr(r)) return r;
    if (r.stat.isDirectory()) return err("is-directory");
    return attempt2(() => fs.unlinkSync(r.path));
  }
  isSameObject(other) {
    const a = this.#identity();
    const b = other.#identity();
    return a !== void 0 && a === b;
  }
  metadataHash() {
    return this.#hash(this.#path);
  }
  metadataHashAt(pathFlags, path) {
    const r = this.#existing("metadata-hash-at", path, !!pathFlags.symlinkFollow);
    return isErr(r) ? r : this.#hash(r.path);
  }
  #identity() {
    try {
      const s = this.#file ? fs.fstatSync(this.#file.fd) : fs.statSync(this.#path);
      return `${s.dev}:${s.ino}`;
    } catch {
      return void 0;
    }
  }
  /** A hash of the guest-visible path, not of inode numbers, so it is the same on every machine. */
  #hash(path) {
    const rel = path === this.#root.real ? "" : path.slice(this.#root.prefix.length).split(sep).join("/");
    const digest = createHash("sha256").update(`${this.#root.guestPath}\0${rel}`).digest();
    return { lower: digest.readBigUInt64LE(0), upper: digest.readBigUInt64LE(8) };
  }
  [Symbol.dispose]() {
    this.#file?.release();
  }
};
var DirectoryEntryStream = class {
  #entries;
  #next = 0;
  constructor(entries) {
    this.#entries = entries;
  }
  readDirectoryEntry() {
    return this.#entries[this.#next++];
  }
};
function rootsOf(dirs) {
  return dirs.map(({ guestPath, hostPath, write }) => {
    let real;
    try {
      real = fs.realpathSync.native(hostPath);
    } catch (e) {
      throw new GrantedDirectoryError(`granted directory ${hostPath} (guest path ${guestPath}) does not exist`, {
        hint: "create it, or remove the fs: capability that grants it",
        cause: e
      });
    }
    if (!fs.statSync(real).isDirectory()) {
      throw new GrantedDirectoryError(`granted path ${hostPath} (guest path ${guestPath}) is not a directory`, {
        hint: "fs: capabilities grant directories; grant the folder that contains the file"
      });
    }
    return { guestPath, real, prefix: real.endsWith(sep) ? real : real + sep, write };
  });
}
function createFilesystem(gate, grants, wallTime) {
  const roots = rootsOf(grants.dirs);
  const shared = { gate, wallTime, dev: gate.answer("wall-clock") === "host", open: /* @__PURE__ */ new Set() };
  return {
    /** Closes every file the guest left open (the instance is done). */
    closeAll: () => {
      for (const f of [...shared.open]) f.close();
    },
    interfaces: {
      "wasi:filesystem/types": {
        Descriptor,
        DirectoryEntryStream,
        filesystemErrorCode: (e) => e.code
      },
      "wasi:filesystem/preopens": {
        // Fresh descriptors per call: the guest owns what it is given and may drop it.
        getDirectories: () => roots.map((root) => [new Descriptor(shared, root, root.real), root.guestPath])
      }
    }
  };
}

// src/core/engine/host/http.ts
var TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
var FORBIDDEN = /* @__PURE__ */ new Set(["connection", "keep-alive", "proxy-connection", "transfer-encoding", "upgrade", "http2-settings"]);
var invalidSyntax = err({ tag: "invalid-syntax" });
function badValue(value) {
  return value.some((b) => b === 0 || b === 10 || b === 13);
}
function headerName(name) {
  if (!TOKEN.test(name)) return invalidSyntax;
  const lower = name.toLowerCase();
  return FORBIDDEN.has(lower) ? err({ tag: "forbidden" }) : lower;
}
var Fields = class _Fields {
  #entries = [];
  #immutable = false;
  static fromList(entries) {
    const fields = new _Fields();
    for (const [name, value] of entries) {
      const e = fields.append(name, value);
      if (e) return e;
    }
    return fields;
  }
  /** A read-only view sharing these entries (the headers of a request or response). */
  static frozen(of) {
    const view = new _Fields();
    view.#entries = of.#entries;
    view.#immutable = true;
    return view;
  }
  get(name) {
    const lower = name.toLowerCase();
    return this.#entries.filter(([n]) => n === lower).map(([, v]) => v.slice());
  }
  has(name) {
    const lower = name.toLowerCase();
    return this.#entries.some(([n]) => n === lower);
  }
  set(name, values) {
    if (this.#immutable) return err({ tag: "immutable" });
    const lower = headerName(name);
    if (typeof lower !== "string") return lower;
    if (values.some(badValue)) return invalidSyntax;
    this.#removeAll(lower);
    for (const v of values) this.#entries.push([lower, v.slice()]);
    return void 0;
  }
  delete(name) {
    if (this.#immutable) return err({ tag: "immutable" });
    const lower = headerName(name);
    if (typeof lower !== "string") return lower;
    this.#removeAll(lower);
    return void 0;
  }
  append(name, value) {
    if (this.#immutable) return err({ tag: "immutable" });
    const lower = headerName(name);
    if (typeof lower !== "string") return lower;
    if (badValue(value)) return invalidSyntax;
    this.#entries.push([lower, value.slice()]);
    return void 0;
  }
  entries() {
    return this.#entries.map(([n, v]) => [n, v.slice()]);
  }
  clone() {
    const copy = new _Fields();
    copy.#entries = this.entries();
    return copy;
  }
  #removeAll(lower) {
    this.#entries = this.#entries.filter(([n]) => n !== lower);
  }
};
var OutgoingBody = class {
  #taken = false;
  write() {
    if (this.#taken) return err(void 0);
    this.#taken = true;
    return new OutputStream({ write: () => {
    } });
  }
  static finish(_body, _trailers) {
    return void 0;
  }
};
var Message = class {
  #headers;
  #body;
  constructor(headers) {
    this.#headers = headers.clone();
  }
  headers() {
    return Fields.frozen(this.#headers);
  }
  body() {
    if (this.#body) return err(void 0);
    this.#body = new OutgoingBody();
    return this.#body;
  }
};
var validMethod = (m) => m.tag !== "other" || TOKEN.test(m.val ?? "");
var validScheme = (s) => s === void 0 || s.tag !== "other" || /^[A-Za-z][A-Za-z0-9+.-]*$/.test(s.val ?? "");
var OutgoingRequest = class extends Message {
  #method = { tag: "get" };
  #pathWithQuery;
  #scheme;
  #authority;
  method() {
    return this.#method;
  }
  setMethod(method) {
    if (!validMethod(method)) return err(void 0);
    this.#method = method;
    return void 0;
  }
  pathWithQuery() {
    return this.#pathWithQuery;
  }
  setPathWithQuery(path) {
    if (path !== void 0 && /[\s]/.test(path)) return err(void 0);
    this.#pathWithQuery = path;
    return void 0;
  }
  scheme() {
    return this.#scheme;
  }
  setScheme(scheme) {
    if (!validScheme(scheme)) return err(void 0);
    this.#scheme = scheme;
    return void 0;
  }
  authority() {
    return this.#authority;
  }
  setAuthority(authority) {
    if (authority !== void 0 && /[\s/?#@]/.test(authority)) return err(void 0);
    this.#authority = authority;
    return void 0;
  }
};
var OutgoingResponse = class extends Message {
  #status = 200;
  statusCode() {
    return this.#status;
  }
  setStatusCode(status) {
    if (status < 100 || status > 999) return err(void 0);
    this.#status = status;
    return void 0;
  }
};
var RequestOptions = class {
  #connect;
  #firstByte;
  #betweenBytes;
  connectTimeout() {
    return this.#connect;
  }
  setConnectTimeout(d) {
    this.#connect = d;
  }
  firstByteTimeout() {
    return this.#firstByte;
  }
  setFirstByteTimeout(d) {
    this.#firstByte = d;
  }
  betweenBytesTimeout() {
    return this.#betweenBytes;
  }
  setBetweenBytesTimeout(d) {
    this.#betweenBytes = d;
  }
};
var IncomingRequest = class {
};
var IncomingResponse = class {
};
var IncomingBody = class {
};
var FutureTrailers = class {
};
var FutureIncomingResponse = class {
};
var ResponseOutparam = class {
};
function createHttp(gate) {
  return {
    "wasi:http/types": {
      Fields,
      OutgoingRequest,
      OutgoingResponse,
      OutgoingBody,
      RequestOptions,
      IncomingRequest,
      IncomingResponse,
      IncomingBody,
      FutureTrailers,
      FutureIncomingResponse,
      ResponseOutparam,
      // No stream error in this host comes from HTTP.
      httpErrorCode: () => void 0
    },
    "wasi:http/outgoing-handler": {
      handle(_request, _options) {
        gate.use("wasi:http/outgoing-handler#handle", "network");
        return err({ tag: "HTTP-request-denied" });
      }
    }
  };
}

// src/core/engine/host/ledger.ts
var Ledger = class {
  #entries = /* @__PURE__ */ new Map();
  record(call, answer, violation, bytes = 0, provider) {
    const entry = this.#entries.get(call);
    if (entry) {
      entry.count++;
      entry.bytes += bytes;
      return;
    }
    this.#entries.set(call, { call, count: 1, bytes, answer, violation, ...provider === void 0 ? {} : { provider } });
  }
  entries() {
    return [...this.#entries.values()].map((e) => ({ ...e }));
  }
  violations() {
    return this.entries().filter((e) => e.violation);
  }
};

// src/core/engine/host/policy.ts
var virtual = { answer: "virtual", violation: false };
var host = { answer: "host", violation: false };
var forbidden = { answer: "virtual", violation: true };
var denied = { answer: "denied", violation: false };
var deniedViolation = { answer: "denied", violation: true };
var RULES = {
  strict: {
    "wall-clock": { granted: virtual, ungranted: forbidden },
    // Every StarlingMonkey call reads the monotonic clock, so it is virtual and never a violation.
    "monotonic-clock": virtual,
    random: { granted: virtual, ungranted: forbidden },
    network: deniedViolation,
    "filesystem-denied": deniedViolation
  },
  virtual: {
    "wall-clock": virtual,
    "monotonic-clock": virtual,
    random: virtual,
    network: denied,
    "filesystem-denied": denied
  },
  dev: {
    "wall-clock": host,
    "monotonic-clock": host,
    random: host,
    network: denied,
    "filesystem-denied": denied
  }
};
var GRANT = {
  "wall-clock": "clock",
  random: "random"
};
var Gate = class {
  #rules;
  #ledger;
  constructor(config, ledger) {
    this.#ledger = ledger;
    const table = RULES[config.policy];
    const rules = {};
    for (const access of Object.keys(table)) {
      const ruling = table[access];
      const grant = GRANT[access];
      rules[access] = "answer" in ruling ? ruling : grant && config.grants[grant] ? ruling.granted : ruling.ungranted;
    }
    this.#rules = rules;
  }
  /** The answer the host gives for `access` (without recording it). */
  answer(access) {
    return this.#rules[access].answer;
  }
  /** Records one use of `call` (e.g. `wasi:clocks/wall-clock#now`) and returns how to answer it. */
  use(call, access, bytes = 0) {
    const rule = this.#rules[access];
    this.#ledger.record(call, rule.answer, rule.violation, bytes);
    return rule.answer;
  }
};

// src/core/engine/host/random.ts
import { randomFillSync } from "node:crypto";
var MASK64 = (1n << 64n) - 1n;
var MAX_BYTES = 64 * 1024 * 1024;
function splitmix64(seed) {
  let state = BigInt.asUintN(64, seed);
  return () => {
    state = state + 0x9e3779b97f4a7c15n & MASK64;
    let z = state;
    z = (z ^ z >> 30n) * 0xbf58476d1ce4e5b9n & MASK64;
    z = (z ^ z >> 27n) * 0x94d049bb133111ebn & MASK64;
    return z ^ z >> 31n;
  };
}
function createRandom(gate, config) {
  const real = gate.answer("random") === "host";
  const next = splitmix64(config.seed);
  const bytes = (len) => {
    if (len > BigInt(MAX_BYTES)) throw new RangeError(`the guest asked for ${len} random bytes (more than ${MAX_BYTES})`);
    const out = new Uint8Array(Number(len));
    if (real) return randomFillSync(out);
    const view = new DataView(out.buffer);
    let i = 0;
    for (; i + 8 <= out.length; i += 8) view.setBigUint64(i, next(), true);
    if (i < out.length) {
      const tail = new Uint8Array(8);
      new DataView(tail.buffer).setBigUint64(0, next(), true);
      out.set(tail.subarray(0, out.length - i), i);
    }
    return out;
  };
  const u64 = () => real ? new DataView(randomFillSync(new Uint8Array(8)).buffer).getBigUint64(0, true) : next();
  const use = (iface, fn, n) => gate.use(`wasi:random/${iface}#${fn}`, "random", n);
  return {
    "wasi:random/random": {
      getRandomBytes(len) {
        use("random", "get-random-bytes", Number(len));
        return bytes(len);
      },
      getRandomU64() {
        use("random", "get-random-u64", 8);
        return u64();
      }
    },
    "wasi:random/insecure": {
      getInsecureRandomBytes(len) {
        use("insecure", "get-insecure-random-bytes", Number(len));
        return bytes(len);
      },
      getInsecureRandomU64() {
        use("insecure", "get-insecure-random-u64", 8);
        return u64();
      }
    },
    "wasi:random/insecure-seed": {
      insecureSeed() {
        use("insecure-seed", "insecure-seed", 16);
        return [u64(), u64()];
      }
    }
  };
}

// src/core/engine/host/sockets.ts
var Network = class {
};
var TcpSocket = class {
};
var UdpSocket = class {
};
var IncomingDatagramStream = class {
};
var OutgoingDatagramStream = class {
};
var ResolveAddressStream = class {
};
function createSockets(gate) {
  const deny = (call, code) => {
    gate.use(`wasi:sockets/${call}`, "network");
    return err(code);
  };
  return {
    "wasi:sockets/network": {
      Network,
      // @unstable(network-error-code): no stream error in this host comes from a socket.
      networkErrorCode: () => void 0
    },
    "wasi:sockets/instance-network": { instanceNetwork: () => new Network() },
    "wasi:sockets/tcp": { TcpSocket },
    "wasi:sockets/udp": { UdpSocket, IncomingDatagramStream, OutgoingDatagramStream },
    "wasi:sockets/tcp-create-socket": {
      createTcpSocket: () => deny("tcp-create-socket#create-tcp-socket", "access-denied")
    },
    "wasi:sockets/udp-create-socket": {
      createUdpSocket: () => deny("udp-create-socket#create-udp-socket", "access-denied")
    },
    "wasi:sockets/ip-name-lookup": {
      ResolveAddressStream,
      resolveAddresses: () => deny("ip-name-lookup#resolve-addresses", "permanent-resolver-failure")
    }
  };
}

// src/core/engine/host/index.ts
var WASI_PATCHES = 12;
function withVersions(interfaces) {
  const out = {};
  for (const [name, iface] of Object.entries(interfaces)) {
    out[name] = iface;
    for (let patch = 0; patch <= WASI_PATCHES; patch++) out[`${name}@0.2.${patch}`] = iface;
  }
  return out;
}
function createHost(config) {
  const ledger = new Ledger();
  const gate = new Gate(config, ledger);
  const clocks = createClocks(gate, config);
  const cli = createCli(config.grants, config.outputCapBytes);
  const filesystem = createFilesystem(gate, config.grants, clocks.wallTime);
  return {
    imports: withVersions({
      ...ioInterfaces,
      ...cli.interfaces,
      ...clocks.interfaces,
      ...createRandom(gate, config),
      ...filesystem.interfaces,
      ...createSockets(gate),
      ...createHttp(gate)
    }),
    stdout: () => cli.stdout.bytes(),
    stderr: () => cli.stderr.bytes(),
    truncated: () => ({ stdout: cli.stdout.dropped(), stderr: cli.stderr.dropped() }),
    ledger: () => ledger.entries(),
    violations: () => ledger.violations(),
    linkedCall: (call, provider) => ledger.record(call, "component", false, 0, provider),
    exitCode: cli.exitCode,
    dispose: filesystem.closeAll
  };
}

// src/core/engine/worker.ts
var port = parentPort;
var post = (m) => port.postMessage(m);
var loaded;
port.on("message", (msg) => {
  if (msg.type === "init") {
    loaded = Promise.all(msg.components.map(async (c) => ({ ...c, instantiate: (await import(c.jsUrl)).instantiate }))).then(
      (components) => ({ components, memoryLimitBytes: msg.memoryLimitBytes })
    );
    loaded.catch(() => {
    });
  } else {
    runCall(msg.id, msg.job, msg.output).catch(
      (err2) => post({
        type: "done",
        id: msg.id,
        outcome: {
          class: "error",
          exitCode: 1,
          message: `error: ${hostFailure(err2)}`,
          stdout: new Uint8Array(),
          stderr: new Uint8Array(),
          truncated: { stdout: 0, stderr: 0 },
          ledger: [],
          elapsedMs: 0
        }
      })
    );
  }
});
function hostFailure(err2) {
  if (err2 instanceof RunActionError) return err2.hint ? `${err2.message} (${err2.hint})` : err2.message;
  return `the host failed: ${err2 instanceof Error ? err2.message : String(err2)}`;
}
function errPayload(thrown) {
  if (!(thrown instanceof Error)) return { payload: thrown };
  if (thrown.name === "ComponentError" && Object.hasOwn(thrown, "payload")) return { payload: thrown.payload };
  return void 0;
}
function lookup(exports, path) {
  const [first, fn] = path;
  const top = exports[first];
  const names = (o) => Object.keys(o).join(", ") || "none";
  if (fn === void 0) {
    return typeof top === "function" ? top : `the component exports no function ${first} (its exports: ${names(exports)})`;
  }
  if (!top || typeof top !== "object") return `the component exports no interface ${first} (its exports: ${names(exports)})`;
  const f = top[fn];
  return typeof f === "function" ? f : `the interface ${first} has no function ${fn} (its functions: ${names(top)})`;
}
async function runCall(id, job, output) {
  const host2 = createHost(job.host);
  mirrorOutput(host2, output);
  const memories = /* @__PURE__ */ new Set();
  let memoryLimitBytes = 0;
  const finish = (verdict, elapsedMs2, value2) => {
    const violations = host2.violations();
    const final = violations.length === 0 ? verdict : verdict.class === "ok" ? violationVerdict(violations) : withCause(violationVerdict(violations), verdict);
    const outcome = {
      class: final.class,
      exitCode: final.exitCode,
      message: final.message,
      ...final.class === "ok" && value2 !== void 0 ? { value: value2 } : {},
      ...final.exited ? { exited: true } : {},
      stdout: host2.stdout(),
      stderr: host2.stderr(),
      truncated: host2.truncated(),
      ledger: host2.ledger(),
      elapsedMs: elapsedMs2
    };
    host2.dispose();
    try {
      post({ type: "done", id, outcome });
    } catch (err2) {
      post({
        type: "done",
        id,
        outcome: { ...outcome, class: "error", exitCode: 1, message: `error: the return value cannot be passed back: ${err2.message}`, value: void 0 }
      });
    }
  };
  const failed2 = (f, elapsedMs2) => finish(
    classifyFailure(f, {
      stderr: host2.stderr(),
      memoryLimitBytes,
      memoryPeakBytes: Math.max(0, ...[...memories].map((m) => m.buffer.byteLength))
    }),
    elapsedMs2
  );
  let exports;
  try {
    if (!loaded) throw new Error("the worker received a call before its component");
    const { components, memoryLimitBytes: limit } = await loaded;
    memoryLimitBytes = limit;
    const instantiateCore = (module, imports) => {
      const instance = new WebAssembly.Instance(module, imports);
      for (const v of Object.values(instance.exports)) if (v instanceof WebAssembly.Memory) memories.add(v);
      return instance;
    };
    const instances = /* @__PURE__ */ new Map();
    for (const c of components) {
      const imports = c.links.length === 0 ? host2.imports : { ...host2.imports, ...linkedImports(c.links, instances, host2) };
      instances.set(c.name, await c.instantiate((name) => c.modules.get(name), imports, instantiateCore));
    }
    exports = instances.get(components.at(-1).name);
  } catch (err2) {
    return failed2(exitOf(err2, host2.exitCode()) ?? { thrown: err2 }, 0);
  }
  const fn = lookup(exports, job.path);
  if (typeof fn === "string") return finish({ class: "error", exitCode: 1, message: `error: ${fn}` }, 0);
  post({ type: "started", id });
  const t0 = performance.now();
  let value;
  try {
    value = fn(...job.args);
    if (value instanceof Promise) value = await value;
  } catch (err2) {
    const elapsedMs2 = performance.now() - t0;
    const exit = exitOf(err2, host2.exitCode());
    if (exit) return failed2(exit, elapsedMs2);
    const payload = job.resultIsResult || job.cli ? errPayload(err2) : void 0;
    if (!payload) return failed2({ thrown: err2 }, elapsedMs2);
    if (job.cli) return finish({ class: "exit", exitCode: 1, message: "exit: wasi:cli/run returned an error (exit code 1)" }, elapsedMs2);
    return finish({ class: "ok", exitCode: 0, message: "ok" }, elapsedMs2, { tag: "err", val: payload.payload });
  }
  const elapsedMs = performance.now() - t0;
  if (job.cli) return finish({ class: "ok", exitCode: 0, message: "ok" }, elapsedMs);
  finish({ class: "ok", exitCode: 0, message: "ok" }, elapsedMs, job.resultIsResult ? { tag: "ok", val: value } : value);
}
var witName = (jsName) => jsName.replace(/[A-Z]/g, (m) => `-${m.toLowerCase()}`);
var isClass = (v) => typeof v === "function" && /^class[\s{]/.test(Function.prototype.toString.call(v));
function linkedImports(links, instances, host2) {
  const out = {};
  for (const link of links) {
    const provided = instances.get(link.provider)?.[link.exportName];
    if (!provided || typeof provided !== "object") throw new Error(`component '${link.provider}' has no export ${link.exportName} to link`);
    const wrapped = {};
    for (const [key, value] of Object.entries(provided)) {
      if (typeof value !== "function" || isClass(value)) {
        wrapped[key] = value;
        continue;
      }
      const call = `${link.iface}#${witName(key)}`;
      wrapped[key] = function(...args) {
        host2.linkedCall(call, link.provider);
        return value.apply(this, args);
      };
    }
    for (const key of link.keys) out[key] = wrapped;
  }
  return out;
}
var STREAMS = [
  ["wasi:cli/stdout", "getStdout"],
  ["wasi:cli/stderr", "getStderr"]
];
function mirrorOutput(host2, { buffer, stride, cap }) {
  const counters = new Float64Array(buffer, 0, 4);
  STREAMS.forEach(([iface, getter], i) => {
    const region = new Uint8Array(buffer, MIRROR_HEADER_BYTES + i * stride, cap);
    const api = host2.imports[iface];
    const get = api[getter];
    api[getter] = () => {
      const out = get();
      const write = out.write;
      out.write = function(bytes) {
        const kept = counters[2 * i];
        const keep = Math.min(bytes.length, cap - kept);
        if (keep > 0) region.set(bytes.subarray(0, keep), kept);
        counters[2 * i] = kept + keep;
        counters[2 * i + 1] += bytes.length - keep;
        return write.call(this, bytes);
      };
      return out;
    };
  });
}
function exitOf(err2, hostExit) {
  if (err2 instanceof ComponentExit) return { exit: err2.code };
  return hostExit === void 0 ? void 0 : { exit: hostExit };
}
function withCause(violation, failure) {
  return { ...violation, message: `${violation.message}; the call then ended with ${failure.message}` };
}
