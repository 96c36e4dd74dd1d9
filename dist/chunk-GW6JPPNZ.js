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
function formatLocation(loc) {
  return `${loc.file}${loc.line ? `:${loc.line}${loc.col ? `:${loc.col}` : ""}` : ""}`;
}
function formatError(err) {
  const where = err.location ? `${formatLocation(err.location)}: ` : "";
  return `${where}${err.message}${err.hint ? `
  hint: ${err.hint}` : ""}`;
}

// src/core/wasm/cursor.ts
var WasmFormatError = class extends RunActionError {
  /** Absolute byte offset of the problem in the outermost binary. */
  offset;
  /** What is wrong, without the offset (for readers that report it in their own words). */
  reason;
  constructor(message, offset, file) {
    super(`${message} at byte offset ${offset} (0x${offset.toString(16)})`, {
      ...file ? { location: { file } } : {},
      hint: "the file is not a complete WebAssembly binary: check that the build finished and the file was not truncated or altered"
    });
    this.offset = offset;
    this.reason = message;
  }
};
var utf8 = new TextDecoder("utf-8", { fatal: false });
var strictUtf8 = new TextDecoder("utf-8", { fatal: true });
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
  /** The next byte, without consuming it. */
  peek() {
    if (this.pos >= this.end) this.fail("unexpected end of data");
    return this.bytes[this.pos];
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
  /** Unsigned LEB128 up to 64 bits (memory64 limits), exact below 2^53, which sizes and page counts are. */
  u64() {
    let result = 0;
    let scale = 1;
    for (let i = 0; i < 10; i++) {
      const b = this.u8();
      result += (b & 127) * scale;
      if ((b & 128) === 0) return result;
      scale *= 128;
    }
    return this.fail("LEB128 number too long");
  }
  /**
   * Signed LEB128 of at most `maxBytes` bytes (10 for s64, constant offsets of data segments; 5 for
   * s33, type indices), exact while within ±2^53.
   */
  sleb(maxBytes = 10) {
    let result = 0;
    let scale = 1;
    for (let i = 0; i < maxBytes; i++) {
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
  /** A name that must be valid UTF-8 (component-model names are identifiers, not text to show). */
  strictName() {
    const start = this.pos;
    try {
      return strictUtf8.decode(this.vec());
    } catch (err) {
      if (err instanceof WasmFormatError) throw err;
      return this.fail("name is not valid UTF-8", start);
    }
  }
  /** A cursor over the next `n` bytes, advancing this one past them. */
  sub(n) {
    const start = this.pos;
    this.skip(n);
    return new _Cursor(this.bytes, this.base, start, start + n, this.file);
  }
};

// src/core/wasm/header.ts
var WASM_MAGIC = [0, 97, 115, 109];
var HEADER_BYTES = 8;
var CORE_VERSION = 1;
var COMPONENT_LAYER = 1;
var COMPONENT_VERSION = 13;
function wasmHeader(bytes) {
  if (bytes.length < HEADER_BYTES || WASM_MAGIC.some((b, i) => bytes[i] !== b)) return void 0;
  return { version: bytes[4] | bytes[5] << 8, layer: bytes[6] | bytes[7] << 8 };
}
function wasmLayer(bytes) {
  const h = wasmHeader(bytes);
  if (h?.layer === COMPONENT_LAYER) return "component";
  return h?.layer === 0 && h.version === CORE_VERSION ? "module" : void 0;
}

// src/core/wasm/tree.ts
var SECTION_KINDS = {
  module: ["custom", "type", "import", "function", "table", "memory", "global", "export", "start", "element", "code", "data", "data count", "tag"],
  component: ["custom", "core module", "core instance", "core type", "component", "instance", "alias", "type", "canon", "start", "import", "export", "value"]
};
function readItems(c, read) {
  const count = c.u32();
  const items = new Array(count);
  for (let i = 0; i < count; i++) {
    const start = c.pos;
    const item = read(i);
    item.index = i;
    item.offset = c.base + start;
    item.bytes = c.bytes.subarray(start, c.pos);
    items[i] = item;
  }
  return items;
}

// src/core/wasm/module.ts
var EXTERN_SORTS = ["func", "table", "memory", "global", "tag"];
var IMPORT_FUNC = 0;
var IMPORT_MEMORY = 2;
var REF_NULL = 99;
var REF = 100;
function skipValType(c) {
  const t = c.u8();
  if (t === REF_NULL || t === REF) c.skipLeb(5);
}
var LIMITS_HAS_MAX = 1;
var LIMITS_CUSTOM_PAGE_SIZE = 8;
var LIMITS_KNOWN_FLAGS = 15;
function readLimits(c) {
  const flags = c.u8();
  if (flags & ~LIMITS_KNOWN_FLAGS) c.fail(`unknown limits flags 0x${flags.toString(16)}`, c.pos - 1);
  const limits = { flags, min: c.u64() };
  if (flags & LIMITS_HAS_MAX) limits.max = c.u64();
  if (flags & LIMITS_CUSTOM_PAGE_SIZE) limits.pageLog2 = c.u32();
  return limits;
}
function skipImportType(c, kind) {
  switch (kind) {
    case IMPORT_FUNC:
      c.u32();
      break;
    case 1:
      skipValType(c);
      readLimits(c);
      break;
    case IMPORT_MEMORY:
      readLimits(c);
      break;
    case 3:
      skipValType(c);
      c.u8();
      break;
    case 4:
      c.u8();
      c.u32();
      break;
    default:
      c.fail(`unknown import kind 0x${kind.toString(16)}`, c.pos - 1);
  }
}
function skipConstExpr(c) {
  for (; ; ) {
    const op = c.u8();
    switch (op) {
      case 11:
        return;
      case 65:
        c.skipLeb(5);
        break;
      case 66:
        c.skipLeb(10);
        break;
      case 67:
        c.skip(4);
        break;
      case 68:
        c.skip(8);
        break;
      case 35:
      // global.get
      case 210:
        c.u32();
        break;
      case 208:
        c.skipLeb(5);
        break;
      case 106:
      case 107:
      case 108:
      case 124:
      case 125:
      case 126:
        break;
      case 253:
        if (c.u32() !== 12) c.fail("unsupported instruction in a constant expression", c.pos - 1);
        c.skip(16);
        break;
      default:
        c.fail(`unsupported opcode 0x${op.toString(16)} in a constant expression`, c.pos - 1);
    }
  }
}
function readImports(c, ctx) {
  return readItems(c, () => {
    const module = c.name();
    const name = c.name();
    const sort = c.u8();
    skipImportType(c, sort);
    if (sort === IMPORT_FUNC) ctx.importedFuncs++;
    return { kind: "import", module, name, sort: EXTERN_SORTS[sort] };
  });
}
function readExports(c) {
  return readItems(c, () => {
    const name = c.name();
    const sort = c.u8();
    c.u32();
    return { kind: "export", name, sort: EXTERN_SORTS[sort] ?? `kind 0x${sort.toString(16)}` };
  });
}
function readCode(c, ctx) {
  const count = c.u32();
  const items = new Array(count);
  for (let i = 0; i < count; i++) {
    const size = c.u32();
    const start = c.pos;
    c.skip(size);
    items[i] = { kind: "func", index: ctx.importedFuncs + i, offset: c.base + start, bytes: c.bytes.subarray(start, c.pos) };
  }
  return items;
}
function readData(c) {
  return readItems(c, (i) => {
    const start = c.pos;
    const mode = c.u32();
    if (mode === 2) c.u32();
    if (mode === 0 || mode === 2) skipConstExpr(c);
    else if (mode !== 1) c.fail(`unknown data segment mode ${mode}`, start);
    c.skip(c.u32());
    return mode === 1 ? { kind: "data", name: `passive ${i}` } : { kind: "data" };
  });
}
var MODULE_ITEM_READERS = {
  import: readImports,
  export: readExports,
  code: readCode,
  data: readData
};

// src/core/wasm/writer.ts
var ByteWriter = class {
  #buf;
  #len = 0;
  constructor(capacity = 256) {
    this.#buf = new Uint8Array(Math.max(capacity, 16));
  }
  get length() {
    return this.#len;
  }
  #room(n) {
    if (this.#len + n <= this.#buf.length) return;
    let size = this.#buf.length * 2;
    while (size < this.#len + n) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.#buf.subarray(0, this.#len));
    this.#buf = next;
  }
  /** Forgets what was written, keeping the memory. */
  clear() {
    this.#len = 0;
    return this;
  }
  byte(b) {
    this.#room(1);
    this.#buf[this.#len++] = b;
    return this;
  }
  bytes(src) {
    this.#room(src.length);
    this.#buf.set(src, this.#len);
    this.#len += src.length;
    return this;
  }
  /** Unsigned LEB128 (u32). */
  u32(n) {
    return this.u64(n);
  }
  /** Unsigned LEB128 of any safe integer (memory64 limits); the same encoding as u32. */
  u64(n) {
    do {
      let b = n % 128;
      n = Math.floor(n / 128);
      if (n !== 0) b |= 128;
      this.byte(b);
    } while (n !== 0);
    return this;
  }
  /** Signed LEB128 of a non-negative number: a type index where a valtype may also be a primitive code. */
  s33(n) {
    for (; ; ) {
      const b = n % 128;
      n = Math.floor(n / 128);
      if (n === 0 && (b & 64) === 0) return this.byte(b);
      this.byte(b | 128);
    }
  }
  /** A length-prefixed UTF-8 name. */
  name(s) {
    const utf82 = encoder.encode(s);
    return this.u32(utf82.length).bytes(utf82);
  }
  /** A section: id, size, then the bytes written to `body`. */
  section(id, body) {
    return this.byte(id).u32(body.length).bytes(body.view());
  }
  /** The written bytes (a view, valid until the next write). */
  view() {
    return this.#buf.subarray(0, this.#len);
  }
};
var encoder = new TextEncoder();
function u32Size(n) {
  let size = 1;
  while (n >= 128) {
    n = Math.floor(n / 128);
    size++;
  }
  return size;
}

// src/core/engine/errors.ts
var MemoryLimitError = class extends RunActionError {
};
var TranspileError = class extends RunActionError {
};
var ComponentReadError = class extends RunActionError {
};

// src/core/engine/memory-cap.ts
var SECTION_IMPORT = 2;
var SECTION_MEMORY = 5;
var SECTION_EXPORT = 7;
var EXPORT_MEMORY = 2;
var AFTER_EXPORT = /* @__PURE__ */ new Set([8, 9, 12, 10, 11]);
function writeCappedLimits(w, limits, maxBytes, what) {
  const { flags, min, max = Infinity, pageLog2 = 16 } = limits;
  const pageBytes = 2 ** pageLog2;
  const capPages = Math.floor(maxBytes / pageBytes);
  if (min > capPages) {
    throw new MemoryLimitError(
      `${what} needs ${formatBytes(min * pageBytes)} of memory at start, above the memory limit of ${formatBytes(maxBytes)}`,
      { hint: "raise the memory limit for this component" }
    );
  }
  w.byte(flags | LIMITS_HAS_MAX).u64(min).u64(Math.min(max, capPages));
  if (flags & LIMITS_CUSTOM_PAGE_SIZE) w.u32(pageLog2);
}
function formatBytes(n) {
  const mib = n / (1024 * 1024);
  return Number.isInteger(mib) ? `${mib} MiB` : `${mib.toFixed(1)} MiB`;
}
function rewriteSection(id, r, w, maxBytes, what) {
  let copyFrom = r.pos;
  const count = r.u32();
  let memories = 0;
  for (let i = 0; i < count; i++) {
    if (id === SECTION_IMPORT) {
      r.vec();
      r.vec();
      const kind = r.u8();
      if (kind !== IMPORT_MEMORY) {
        skipImportType(r, kind);
        continue;
      }
    }
    w.bytes(r.bytes.subarray(copyFrom, r.pos));
    writeCappedLimits(w, readLimits(r), maxBytes, what);
    copyFrom = r.pos;
    memories++;
  }
  if (!r.done) r.fail(`${what}: section ${id} has trailing bytes`);
  w.bytes(r.bytes.subarray(copyFrom, r.end));
  return memories;
}
function writeMemoryExports(w, prefix, imported, defined) {
  for (let i = 0; i < defined; i++) w.name(`${prefix}${i}`).byte(EXPORT_MEMORY).u32(imported + i);
}
function capMemory(module, maxBytes, opts = {}) {
  const what = opts.what ?? "core module";
  const r = new Cursor(module);
  if (!wasmHeader(module)) r.fail(`${what}: not a WebAssembly binary`, 0);
  if (wasmLayer(module) !== "module") r.fail(`${what}: not a core module (a component or an unsupported version)`, 4);
  r.pos = HEADER_BYTES;
  const parts = [module.subarray(0, HEADER_BYTES)];
  const section = (id, body) => parts.push(new ByteWriter(body.length + 6).section(id, body).view());
  let changed = false;
  let imported = 0;
  let defined = 0;
  let exported = opts.exportPrefix === void 0;
  const addExports = (count, rest) => {
    const body = new ByteWriter().u32(count + defined);
    if (rest) body.bytes(rest);
    writeMemoryExports(body, opts.exportPrefix, imported, defined);
    section(SECTION_EXPORT, body);
    exported = changed = true;
  };
  while (!r.done) {
    const start = r.pos;
    const id = r.u8();
    const content = r.sub(r.u32());
    if (!exported && defined > 0 && AFTER_EXPORT.has(id)) addExports(0);
    if (id === SECTION_IMPORT || id === SECTION_MEMORY) {
      const body = new ByteWriter(content.end - content.pos + 16);
      const memories = rewriteSection(id, content, body, maxBytes, what);
      if (id === SECTION_IMPORT) imported = memories;
      else defined = memories;
      if (memories > 0) {
        section(id, body);
        changed = true;
        continue;
      }
    }
    if (id === SECTION_EXPORT && !exported && defined > 0) {
      const count = content.u32();
      addExports(count, content.view(content.end - content.pos));
      continue;
    }
    parts.push(module.subarray(start, r.pos));
  }
  if (!exported && defined > 0) addExports(0);
  if (!changed) return module;
  const result = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    result.set(p, at);
    at += p.length;
  }
  return result;
}

// src/core/engine/outcome.ts
var MIN_GROWTH_STEP = 2 * 1024 * 1024;
function exhaustionMargin(limitBytes) {
  return Math.min(limitBytes / 2, Math.max(limitBytes / 16, MIN_GROWTH_STEP));
}
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
  if (ctx.memoryPeakBytes >= ctx.memoryLimitBytes - exhaustionMargin(ctx.memoryLimitBytes)) {
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
    if (code === 0) return { class: "ok", exitCode: 0, message: "exited with code 0", exited: true };
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
  formatLocation,
  formatError,
  WASM_MAGIC,
  HEADER_BYTES,
  COMPONENT_LAYER,
  COMPONENT_VERSION,
  wasmHeader,
  wasmLayer,
  WasmFormatError,
  decodeName,
  Cursor,
  SECTION_KINDS,
  readItems,
  skipValType,
  skipImportType,
  skipConstExpr,
  MODULE_ITEM_READERS,
  TranspileError,
  ComponentReadError,
  ByteWriter,
  u32Size,
  capMemory,
  classifyFailure,
  violationVerdict,
  timeoutVerdict,
  workerDeathVerdict,
  MIRROR_HEADER_BYTES
};
