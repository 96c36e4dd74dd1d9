import { createRequire as __runActionRequire } from 'node:module'; const require = __runActionRequire(import.meta.url);

// src/core/errors.ts
var RunActionError = class extends Error {
  location;
  hint;
  constructor(message, options = {}) {
    super(message, options.cause === void 0 ? void 0 : { cause: options.cause });
    this.name = new.target.name;
    this.location = options.location;
    this.hint = options.hint;
  }
};
function formatError(err) {
  const loc = err.location;
  const where = loc ? `${loc.file}${loc.line ? `:${loc.line}${loc.col ? `:${loc.col}` : ""}` : ""}: ` : "";
  return `${where}${err.message}${err.hint ? `
  hint: ${err.hint}` : ""}`;
}

// src/core/wasm/cursor.ts
var WasmFormatError = class extends RunActionError {
  /** Absolute byte offset of the problem in the outermost binary. */
  offset;
  constructor(message, offset, file) {
    super(`${message} at byte offset ${offset} (0x${offset.toString(16)})`, {
      ...file ? { location: { file } } : {},
      hint: "the file is not a complete WebAssembly binary: check that the build finished and the file was not truncated or altered"
    });
    this.offset = offset;
  }
};
var utf8 = new TextDecoder("utf-8", { fatal: false });
function decodeName(bytes) {
  return utf8.decode(bytes);
}
var Cursor = class _Cursor {
  /**
   * @param bytes the whole buffer being read
   * @param base absolute offset of `bytes[0]` in the outermost binary, for error messages and item offsets
   */
  constructor(bytes, base = 0, start = 0, end = bytes.length, file) {
    this.bytes = bytes;
    this.base = base;
    this.end = end;
    this.file = file;
    this.pos = start;
  }
  bytes;
  base;
  end;
  file;
  pos;
  get done() {
    return this.pos >= this.end;
  }
  fail(why, pos = this.pos) {
    throw new WasmFormatError(why, this.base + pos, this.file);
  }
  u8() {
    if (this.pos >= this.end) this.fail("unexpected end of data");
    return this.bytes[this.pos++];
  }
  /** Unsigned LEB128 up to 32 bits. */
  u32() {
    let result = 0;
    let shift = 0;
    for (; ; ) {
      const b = this.u8();
      if (shift === 28 && b > 15) this.fail("LEB128 number does not fit in 32 bits", this.pos - 1);
      result += (b & 127) * 2 ** shift;
      if ((b & 128) === 0) return result;
      shift += 7;
    }
  }
  /** Signed LEB128 up to 64 bits, exact while within ±2^53 (constant offsets of data segments). */
  sleb() {
    let result = 0;
    let scale = 1;
    for (let i = 0; i < 10; i++) {
      const b = this.u8();
      result += (b & 127) * scale;
      scale *= 128;
      if ((b & 128) === 0) return b & 64 ? result - scale : result;
    }
    return this.fail("LEB128 number too long");
  }
  /** Skips a signed or unsigned LEB128 of at most `maxBytes` bytes (s33, s64, u64 immediates). */
  skipLeb(maxBytes = 10) {
    for (let i = 0; i < maxBytes; i++) {
      if ((this.u8() & 128) === 0) return;
    }
    this.fail("LEB128 number too long");
  }
  skip(n) {
    if (n > this.end - this.pos) this.fail(`length ${n} runs past the end`);
    this.pos += n;
  }
  /** A view of the next `n` bytes. */
  view(n) {
    const start = this.pos;
    this.skip(n);
    return this.bytes.subarray(start, start + n);
  }
  /** A length-prefixed byte vector (names, data payloads) as a view. */
  vec() {
    return this.view(this.u32());
  }
  name() {
    return decodeName(this.vec());
  }
  /** A cursor over the next `n` bytes, advancing this one past them. */
  sub(n) {
    const start = this.pos;
    this.skip(n);
    return new _Cursor(this.bytes, this.base, start, start + n, this.file);
  }
};

// src/core/engine/errors.ts
var MemoryLimitError = class extends RunActionError {
};
var TranspileError = class extends RunActionError {
};
var ComponentReadError = class extends RunActionError {
};

// src/core/engine/memory-cap.ts
var MAGIC = [0, 97, 115, 109];
var SECTION_IMPORT = 2;
var SECTION_MEMORY = 5;
var HAS_MAX = 1;
var CUSTOM_PAGE_SIZE = 8;
var KNOWN_FLAGS = 15;
var IMPORT_FUNC = 0;
var IMPORT_TABLE = 1;
var IMPORT_MEMORY = 2;
var IMPORT_GLOBAL = 3;
var IMPORT_TAG = 4;
var REF_NULL = 99;
var REF = 100;
function u64(c) {
  let result = 0;
  let scale = 1;
  for (let i = 0; i < 10; i++) {
    const b = c.u8();
    result += (b & 127) * scale;
    if ((b & 128) === 0) return result;
    scale *= 128;
  }
  return c.fail("LEB128 number too long");
}
function uleb(n) {
  const out = [];
  do {
    let b = n % 128;
    n = Math.floor(n / 128);
    if (n > 0) b |= 128;
    out.push(b);
  } while (n > 0);
  return out;
}
function skipRefType(c) {
  const t = c.u8();
  if (t === REF_NULL || t === REF) c.skipLeb(5);
}
function cappedLimits(c, maxBytes, what) {
  const flags = c.u8();
  if ((flags & ~KNOWN_FLAGS) !== 0) c.fail(`${what}: unsupported memory limits flags 0x${flags.toString(16)}`);
  const min = u64(c);
  const max = flags & HAS_MAX ? u64(c) : Infinity;
  const pageLog2 = flags & CUSTOM_PAGE_SIZE ? c.u32() : 16;
  const pageBytes = 2 ** pageLog2;
  const capPages = Math.floor(maxBytes / pageBytes);
  if (min > capPages) {
    throw new MemoryLimitError(
      `${what} needs ${formatBytes(min * pageBytes)} of memory at start, above the memory limit of ${formatBytes(maxBytes)}`,
      { hint: "raise the memory limit for this component" }
    );
  }
  return [
    flags | HAS_MAX,
    ...uleb(min),
    ...uleb(Math.min(max, capPages)),
    ...flags & CUSTOM_PAGE_SIZE ? uleb(pageLog2) : []
  ];
}
function formatBytes(n) {
  const mib = n / (1024 * 1024);
  return Number.isInteger(mib) ? `${mib} MiB` : `${mib.toFixed(1)} MiB`;
}
function rewriteSection(id, r, maxBytes, what) {
  const pieces = [];
  let copyFrom = r.pos;
  const emitCopy = (to) => pieces.push(Array.from(r.bytes.subarray(copyFrom, to)));
  const count = r.u32();
  let memories = 0;
  for (let i = 0; i < count; i++) {
    if (id === SECTION_IMPORT) {
      r.vec();
      r.vec();
      const kind = r.u8();
      if (kind === IMPORT_FUNC) r.u32();
      else if (kind === IMPORT_TABLE) {
        skipRefType(r);
        const flags = r.u8();
        u64(r);
        if (flags & HAS_MAX) u64(r);
      } else if (kind === IMPORT_GLOBAL) {
        skipRefType(r);
        r.u8();
      } else if (kind === IMPORT_TAG) {
        r.u8();
        r.u32();
      } else if (kind !== IMPORT_MEMORY) r.fail(`${what}: unsupported import kind 0x${kind.toString(16)}`);
      if (kind !== IMPORT_MEMORY) continue;
    }
    emitCopy(r.pos);
    pieces.push(cappedLimits(r, maxBytes, what));
    copyFrom = r.pos;
    memories++;
  }
  if (!r.done) r.fail(`${what}: section ${id} has trailing bytes`);
  emitCopy(r.end);
  return { pieces, memories };
}
var EXPORT_MEMORY = 2;
function exportEntries(prefix, imported, defined) {
  const out = [];
  for (let i = 0; i < defined; i++) {
    const name = [...new TextEncoder().encode(`${prefix}${i}`)];
    out.push(...uleb(name.length), ...name, EXPORT_MEMORY, ...uleb(imported + i));
  }
  return out;
}
var AFTER_EXPORT = /* @__PURE__ */ new Set([8, 9, 12, 10, 11]);
var SECTION_EXPORT = 7;
function capMemory(module, maxBytes, opts = {}) {
  const what = opts.what ?? "core module";
  const r = new Cursor(module);
  if (module.length < 8 || MAGIC.some((b, i) => module[i] !== b)) r.fail(`${what}: not a WebAssembly binary`, 0);
  if (module[4] !== 1 || module[5] !== 0 || module[6] !== 0 || module[7] !== 0) {
    r.fail(`${what}: not a core module (a component or an unsupported version)`, 4);
  }
  r.pos = 8;
  const out = [module.subarray(0, 8)];
  const section = (id, content) => out.push([id, ...uleb(content.length)], content);
  let changed = false;
  let imported = 0;
  let defined = 0;
  let exported = opts.exportPrefix === void 0;
  while (!r.done) {
    const start = r.pos;
    const id = r.u8();
    const content = r.sub(r.u32());
    const end = r.pos;
    if (!exported && defined > 0 && AFTER_EXPORT.has(id)) {
      section(SECTION_EXPORT, [...uleb(defined), ...exportEntries(opts.exportPrefix, imported, defined)]);
      exported = changed = true;
    }
    if (id === SECTION_IMPORT || id === SECTION_MEMORY) {
      const { pieces, memories } = rewriteSection(id, content, maxBytes, what);
      if (id === SECTION_IMPORT) imported = memories;
      else defined = memories;
      if (memories > 0) {
        section(id, pieces.flat());
        changed = true;
        continue;
      }
    }
    if (id === SECTION_EXPORT && !exported && defined > 0) {
      const count = content.u32();
      const rest = content.view(content.end - content.pos);
      section(id, [...uleb(count + defined), ...rest, ...exportEntries(opts.exportPrefix, imported, defined)]);
      exported = changed = true;
      continue;
    }
    out.push(module.subarray(start, end));
  }
  if (!exported && defined > 0) {
    section(SECTION_EXPORT, [...uleb(defined), ...exportEntries(opts.exportPrefix, imported, defined)]);
    changed = true;
  }
  if (!changed) return module;
  const total = out.reduce((n, p) => n + p.length, 0);
  const result = new Uint8Array(total);
  let at = 0;
  for (const p of out) {
    result.set(p, at);
    at += p.length;
  }
  return result;
}

// src/core/engine/outcome.ts
var EXHAUSTED_FRACTION = 1 / 16;
var OOM_STDERR = [
  /out of memory/i,
  // StarlingMonkey (mozalloc), musl strerror(ENOMEM), Go runtime
  /memory allocation of \d+ bytes failed/,
  // Rust std
  /cannot allocate memory/i,
  // glibc-style strerror(ENOMEM)
  /\bbad_alloc\b/,
  // C++
  /\bMemoryError\b/
  // Python
];
var V8_ALLOCATION = [/Out of memory/i, /Array buffer allocation failed/, /could not allocate memory/i, /Maximum memory size exceeded/];
var STACK_OVERFLOW = /Maximum call stack size exceeded/;
var text = new TextDecoder();
function oomLine(stderr) {
  if (stderr.length === 0) return void 0;
  for (const line of text.decode(stderr).split("\n")) {
    if (OOM_STDERR.some((re) => re.test(line))) return line.trim();
  }
  return void 0;
}
function memoryCause(ctx) {
  const limit = formatBytes(ctx.memoryLimitBytes);
  if (ctx.memoryPeakBytes >= ctx.memoryLimitBytes * (1 - EXHAUSTED_FRACTION)) {
    return `linear memory reached ${formatBytes(ctx.memoryPeakBytes)} of the ${limit} limit`;
  }
  const line = oomLine(ctx.stderr);
  return line === void 0 ? void 0 : `the guest reported "${line}" (memory limit ${limit})`;
}
function trapSite(err) {
  const line = (err.stack ?? "").split("\n").find((l) => l.includes("wasm://wasm/"));
  const m = line && /^\s*at (\S+) \(wasm:\/\/wasm\/(?:(.+)-)?[0-9a-f]+:/.exec(line);
  if (!m) return "";
  const [, frame, module] = m;
  if (frame === module) return "";
  return ` in ${module && frame.startsWith(`${module}.`) ? frame.slice(module.length + 1) : frame}`;
}
var errorText = (err) => err instanceof Error ? `${err.name}: ${err.message}` : `non-error value thrown: ${String(err)}`;
function classifyFailure(failure, ctx) {
  if ("exit" in failure) {
    const code = failure.exit;
    if (code === 0) return { class: "ok", exitCode: 0, message: "exited with code 0" };
    const oom = memoryCause(ctx);
    if (oom) return { class: "out-of-memory", exitCode: code, message: `out-of-memory: ${oom}; the guest exited with code ${code}` };
    return { class: "exit", exitCode: code, message: `exit: the guest exited with code ${code}` };
  }
  const err = failure.thrown;
  if (err instanceof RangeError && STACK_OVERFLOW.test(err.message)) {
    return { class: "stack-overflow", exitCode: 1, message: `stack-overflow: ${err.message} (unbounded recursion?)` };
  }
  if (err instanceof RangeError && V8_ALLOCATION.some((re) => re.test(err.message))) {
    return { class: "out-of-memory", exitCode: 1, message: `out-of-memory: the engine could not allocate memory for the guest (${err.message})` };
  }
  if (err instanceof WebAssembly.RuntimeError) {
    const trap = `${err.message.replace(/^wasm trap: /, "")}${trapSite(err)}`;
    const oom = memoryCause(ctx);
    if (oom) return { class: "out-of-memory", exitCode: 1, message: `out-of-memory: ${oom}; then trap: ${trap}` };
    return { class: "trap", exitCode: 1, message: `trap: ${trap}` };
  }
  return { class: "error", exitCode: 1, message: `error: ${errorText(err)}` };
}
function violationVerdict(violations) {
  const list = violations.map((v) => `${v.call} (called ${v.count} time${v.count === 1 ? "" : "s"})`).join(", ");
  return { class: "policy-violation", exitCode: 1, message: `policy-violation: ${list}` };
}
function timeoutVerdict(limitMs, phase) {
  return {
    class: "timeout",
    exitCode: 1,
    message: `timeout: the ${phase} did not finish within the time limit of ${limitMs} ms and was stopped`
  };
}
function workerDeathVerdict(cause, outOfMemory) {
  return outOfMemory ? { class: "out-of-memory", exitCode: 1, message: `out-of-memory: the engine ran out of JS heap (${cause})` } : { class: "error", exitCode: 1, message: `error: the engine worker died (${cause})` };
}

// src/core/engine/protocol.ts
var MIRROR_HEADER_BYTES = 32;

export {
  RunActionError,
  formatError,
  TranspileError,
  ComponentReadError,
  capMemory,
  classifyFailure,
  violationVerdict,
  timeoutVerdict,
  workerDeathVerdict,
  MIRROR_HEADER_BYTES
};
