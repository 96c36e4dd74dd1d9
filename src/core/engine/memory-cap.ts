/**
 * Caps the linear memory of a core wasm module by rewriting the declared maximum of every memory
 * it defines or imports. V8 then fails `memory.grow` past the cap (the guest sees -1) instead of
 * letting the guest eat the host: worker `resourceLimits` do not cover wasm memory.
 *
 * Only the limits inside the import (2) and memory (5) sections change; every other byte, and every
 * other section, is copied verbatim. Imports are capped too so a module importing a memory still
 * links (its declared maximum must not be below the defined one's).
 */
import { Cursor } from '../wasm/cursor.js';
import { MemoryLimitError } from './errors.js';

export const WASM_PAGE_BYTES = 65536;

const MAGIC = [0x00, 0x61, 0x73, 0x6d];
const SECTION_IMPORT = 2;
const SECTION_MEMORY = 5;

// Limits flag bits (core spec + threads, memory64 and custom-page-sizes proposals). Shared (0x02)
// and memory64 (0x04) need no handling: memory64 only widens the LEB128 numbers, which u64() reads.
const HAS_MAX = 0x01;
const CUSTOM_PAGE_SIZE = 0x08;
const KNOWN_FLAGS = 0x0f;

// Import kinds; memory is the one rewritten, the others are skipped.
const IMPORT_FUNC = 0x00;
const IMPORT_TABLE = 0x01;
const IMPORT_MEMORY = 0x02;
const IMPORT_GLOBAL = 0x03;
const IMPORT_TAG = 0x04;

// Reference types written as a prefix byte followed by a heap type (function-references / GC).
const REF_NULL = 0x63;
const REF = 0x64;

/** Unsigned LEB128 up to 64 bits (memory64 limits); exact below 2^53, which page counts are. */
function u64(c: Cursor): number {
  let result = 0;
  let scale = 1;
  for (let i = 0; i < 10; i++) {
    const b = c.u8();
    result += (b & 0x7f) * scale;
    if ((b & 0x80) === 0) return result;
    scale *= 128;
  }
  return c.fail('LEB128 number too long');
}

function uleb(n: number): number[] {
  const out: number[] = [];
  do {
    let b = n % 128;
    n = Math.floor(n / 128);
    if (n > 0) b |= 0x80;
    out.push(b);
  } while (n > 0);
  return out;
}

function skipRefType(c: Cursor): void {
  const t = c.u8();
  if (t === REF_NULL || t === REF) c.skipLeb(5); // heap type, s33
}

/** Reads one memory's limits and returns them re-encoded with the maximum capped. */
function cappedLimits(c: Cursor, maxBytes: number, what: string): number[] {
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
      { hint: 'raise the memory limit for this component' },
    );
  }
  return [
    flags | HAS_MAX,
    ...uleb(min),
    ...uleb(Math.min(max, capPages)),
    ...(flags & CUSTOM_PAGE_SIZE ? uleb(pageLog2) : []),
  ];
}

export function formatBytes(n: number): string {
  const mib = n / (1024 * 1024);
  return Number.isInteger(mib) ? `${mib} MiB` : `${mib.toFixed(1)} MiB`;
}

/** Rewrites a section's content, replacing each memory limits entry; returns null when it has none. */
function rewriteSection(id: number, r: Cursor, maxBytes: number, what: string): { pieces: number[][]; memories: number } {
  const pieces: number[][] = [];
  let copyFrom = r.pos;
  const emitCopy = (to: number) => pieces.push(Array.from(r.bytes.subarray(copyFrom, to)));
  const count = r.u32();
  let memories = 0;
  for (let i = 0; i < count; i++) {
    if (id === SECTION_IMPORT) {
      r.vec(); // module name
      r.vec(); // field name
      const kind = r.u8();
      if (kind === IMPORT_FUNC) r.u32();
      else if (kind === IMPORT_TABLE) {
        skipRefType(r);
        const flags = r.u8();
        u64(r);
        if (flags & HAS_MAX) u64(r);
      } else if (kind === IMPORT_GLOBAL) {
        skipRefType(r); // a value type is encoded like a reference type: one byte, or a prefix + heap type
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

const EXPORT_MEMORY = 0x02;

function exportEntries(prefix: string, imported: number, defined: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < defined; i++) {
    const name = [...new TextEncoder().encode(`${prefix}${i}`)];
    out.push(...uleb(name.length), ...name, EXPORT_MEMORY, ...uleb(imported + i));
  }
  return out;
}

export interface CapOptions {
  /** Names the module in errors. */
  what?: string;
  /**
   * Also export every memory the module defines as `<prefix><n>`, so the runner can see how full
   * each one is when a call fails, even when the module keeps its memory private.
   */
  exportPrefix?: string;
}

/** Sections that must come after the export section (start, element, data count, code, data). */
const AFTER_EXPORT = new Set([8, 9, 12, 10, 11]);
const SECTION_EXPORT = 7;

/**
 * Returns `module` with every memory's maximum set to at most `maxBytes` (the original bytes when
 * nothing changes). Throws WasmFormatError for a binary that is not a core module, MemoryLimitError
 * when a memory's minimum is already above the limit.
 */
export function capMemory(module: Uint8Array, maxBytes: number, opts: CapOptions = {}): Uint8Array {
  const what = opts.what ?? 'core module';
  const r = new Cursor(module);
  if (module.length < 8 || MAGIC.some((b, i) => module[i] !== b)) r.fail(`${what}: not a WebAssembly binary`, 0);
  if (module[4] !== 1 || module[5] !== 0 || module[6] !== 0 || module[7] !== 0) {
    r.fail(`${what}: not a core module (a component or an unsupported version)`, 4);
  }
  r.pos = 8;
  const out: Array<Uint8Array | number[]> = [module.subarray(0, 8)];
  const section = (id: number, content: number[]) => out.push([id, ...uleb(content.length)], content);
  let changed = false;
  let imported = 0;
  let defined = 0;
  let exported = opts.exportPrefix === undefined; // nothing to add when not asked
  while (!r.done) {
    const start = r.pos;
    const id = r.u8();
    const content = r.sub(r.u32());
    const end = r.pos;
    if (!exported && defined > 0 && AFTER_EXPORT.has(id)) {
      section(SECTION_EXPORT, [...uleb(defined), ...exportEntries(opts.exportPrefix!, imported, defined)]);
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
      section(id, [...uleb(count + defined), ...rest, ...exportEntries(opts.exportPrefix!, imported, defined)]);
      exported = changed = true;
      continue;
    }
    out.push(module.subarray(start, end));
  }
  if (!exported && defined > 0) {
    section(SECTION_EXPORT, [...uleb(defined), ...exportEntries(opts.exportPrefix!, imported, defined)]);
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
