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
import { HEADER_BYTES, wasmHeader, wasmLayer } from '../wasm/header.js';
import { IMPORT_MEMORY, LIMITS_CUSTOM_PAGE_SIZE, LIMITS_HAS_MAX, readLimits, skipImportType, type Limits } from '../wasm/module.js';
import { ByteWriter } from '../wasm/writer.js';
import { MemoryLimitError } from './errors.js';

const SECTION_IMPORT = 2;
const SECTION_MEMORY = 5;
const SECTION_EXPORT = 7;
const EXPORT_MEMORY = 0x02;
/** Sections that must come after the export section (start, element, data count, code, data). */
const AFTER_EXPORT = new Set([8, 9, 12, 10, 11]);

/** Writes one memory's limits with the maximum capped. */
function writeCappedLimits(w: ByteWriter, limits: Limits, maxBytes: number, what: string): void {
  const { flags, min, max = Infinity, pageLog2 = 16 } = limits;
  const pageBytes = 2 ** pageLog2;
  const capPages = Math.floor(maxBytes / pageBytes);
  if (min > capPages) {
    throw new MemoryLimitError(
      `${what} needs ${formatBytes(min * pageBytes)} of memory at start, above the memory limit of ${formatBytes(maxBytes)}`,
      { hint: 'raise the memory limit for this component' },
    );
  }
  w.byte(flags | LIMITS_HAS_MAX).u64(min).u64(Math.min(max, capPages));
  if (flags & LIMITS_CUSTOM_PAGE_SIZE) w.u32(pageLog2);
}

export function formatBytes(n: number): string {
  const mib = n / (1024 * 1024);
  return Number.isInteger(mib) ? `${mib} MiB` : `${mib.toFixed(1)} MiB`;
}

/**
 * Copies an import or memory section's content into `w` with each memory's limits capped, every
 * other byte verbatim; returns how many memories it has.
 */
function rewriteSection(id: number, r: Cursor, w: ByteWriter, maxBytes: number, what: string): number {
  let copyFrom = r.pos;
  const count = r.u32();
  let memories = 0;
  for (let i = 0; i < count; i++) {
    if (id === SECTION_IMPORT) {
      r.vec(); // module name
      r.vec(); // field name
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

function writeMemoryExports(w: ByteWriter, prefix: string, imported: number, defined: number): void {
  for (let i = 0; i < defined; i++) w.name(`${prefix}${i}`).byte(EXPORT_MEMORY).u32(imported + i);
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

/**
 * Returns `module` with every memory's maximum set to at most `maxBytes` (the original bytes when
 * nothing changes). Throws WasmFormatError for a binary that is not a core module, MemoryLimitError
 * when a memory's minimum is already above the limit.
 */
export function capMemory(module: Uint8Array, maxBytes: number, opts: CapOptions = {}): Uint8Array {
  const what = opts.what ?? 'core module';
  const r = new Cursor(module);
  if (!wasmHeader(module)) r.fail(`${what}: not a WebAssembly binary`, 0);
  if (wasmLayer(module) !== 'module') r.fail(`${what}: not a core module (a component or an unsupported version)`, 4);
  r.pos = HEADER_BYTES;
  // Unchanged sections stay views of `module`; only the rewritten ones are encoded anew.
  const parts: Uint8Array[] = [module.subarray(0, HEADER_BYTES)];
  const section = (id: number, body: ByteWriter) => parts.push(new ByteWriter(body.length + 6).section(id, body).view());
  let changed = false;
  let imported = 0;
  let defined = 0;
  let exported = opts.exportPrefix === undefined; // nothing to add when not asked
  const addExports = (count: number, rest?: Uint8Array) => {
    const body = new ByteWriter().u32(count + defined);
    if (rest) body.bytes(rest);
    writeMemoryExports(body, opts.exportPrefix!, imported, defined);
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
