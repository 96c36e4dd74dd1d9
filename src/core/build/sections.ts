/**
 * The top-level sections of a module or component, by id and payload range, without reading their
 * contents: enough to find a module's imports and exports, or a component's nested core modules,
 * in a multi-megabyte binary without parsing its code (src/core/wasm/reader.ts reads everything).
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { Cursor, WasmFormatError } from '../wasm/cursor.js';
import { HEADER_BYTES, wasmLayer } from '../wasm/header.js';

export interface SectionSpan {
  id: number;
  /** Payload start and end, absolute in the buffer. */
  start: number;
  end: number;
}

/** Sections of the binary at bytes[from, to) (its 8-byte header included). */
export function sections(bytes: Uint8Array, from = 0, to = bytes.length): SectionSpan[] {
  const c = new Cursor(bytes, 0, from + HEADER_BYTES, to);
  const out: SectionSpan[] = [];
  while (!c.done) {
    const id = c.u8();
    const size = c.u32();
    out.push({ id, start: c.pos, end: c.pos + size });
    c.skip(size);
  }
  return out;
}

/** The core modules nested in a component (section 1), depth first through nested components (section 4). */
export function nestedModules(bytes: Uint8Array, from = 0, to = bytes.length, prefix = 'component'): Array<{ bytes: Uint8Array; path: string }> {
  const out: Array<{ bytes: Uint8Array; path: string }> = [];
  let modules = 0;
  let components = 0;
  for (const s of sections(bytes, from, to)) {
    if (s.id === 1) out.push({ bytes: bytes.subarray(s.start, s.end), path: `${prefix}/module[${modules++}]` });
    else if (s.id === 4) out.push(...nestedModules(bytes, s.start, s.end, `${prefix}/component[${components++}]`));
  }
  return out;
}

/** The code section: in a core module it and the data section after it are most of the bytes. */
const CODE_SECTION = 10;

/**
 * The head of the binary in `file`: for a core module, its bytes up to the code section (all of
 * them when it has none), so its types, imports and exports without its code and data; for
 * anything else, the 8-byte header, which tells what it is. Reading a compiler's multi-megabyte
 * output whole only to look at its imports costs more than the look.
 */
export function readHead(file: string): Uint8Array {
  // Synchronous: a few small reads, each far cheaper than a trip through libuv's thread pool.
  const fd = openSync(file, 'r');
  try {
    const size = fstatSync(fd).size;
    let buf = new Uint8Array(Math.min(size, 64 * 1024));
    let have = 0;
    const readTo = (want: number) => {
      want = Math.min(want, size);
      if (want > buf.length) {
        const grown = new Uint8Array(Math.min(size, Math.max(want, buf.length * 2)));
        grown.set(buf.subarray(0, have));
        buf = grown;
      }
      while (have < want) {
        const n = readSync(fd, buf, have, buf.length - have, have);
        if (n === 0) break;
        have += n;
      }
    };
    readTo(HEADER_BYTES);
    if (wasmLayer(buf.subarray(0, have)) !== 'module') return buf.slice(0, Math.min(have, HEADER_BYTES));
    let pos = HEADER_BYTES;
    for (;;) {
      readTo(pos + 6); // a section id and its size (LEB128, at most 5 bytes)
      if (pos >= have || buf[pos] === CODE_SECTION) return buf.subarray(0, Math.min(pos, have));
      const c = new Cursor(buf, 0, pos + 1, have);
      pos = c.u32() + c.pos;
    }
  } finally {
    closeSync(fd);
  }
}

/** Top-level sections of a component whose payloads readComponentOutline leaves unread: custom sections and core modules. */
const UNREAD_IN_OUTLINE = new Set([0, 1]);
/** What one read asks for past the bytes needed: the small sections of a component come in runs. */
const OUTLINE_READ = 64 * 1024;

/**
 * A component's bytes at their offsets, except the payloads of its top-level custom sections and
 * core modules, which are zero where they did not share a read with other sections: what its world
 * is read from (src/core/wit/component-binary.ts skips those payloads), without reading megabytes
 * of code. Only for a component a validator has checked whole (the native wasm-tools' `component
 * new`). A truncated file gives a buffer of its length whose last section runs past the end, for
 * the caller to reject.
 */
export function readComponentOutline(file: string): Uint8Array {
  const fd = openSync(file, 'r');
  try {
    const size = fstatSync(fd).size;
    const bytes = new Uint8Array(size);
    /** Reads bytes[from, to) (clamped to the file) and returns how far it got. */
    const fill = (from: number, to: number) => {
      to = Math.min(to, size);
      while (from < to) {
        const n = readSync(fd, bytes, from, to - from, from);
        if (n === 0) break;
        from += n;
      }
      return from;
    };
    let have = fill(0, OUTLINE_READ); // bytes[0, have) are read, or skipped on purpose
    for (let pos = HEADER_BYTES; pos < size; ) {
      if (have < pos + 6) have = fill(have, pos + OUTLINE_READ); // a section id and its size (LEB128, at most 5 bytes)
      const c = new Cursor(bytes, 0, pos + 1, have);
      let end: number;
      try {
        end = c.u32() + c.pos;
      } catch (err) {
        if (err instanceof WasmFormatError) break; // malformed here: the caller's reader fails at the same bytes
        throw err;
      }
      if (UNREAD_IN_OUTLINE.has(bytes[pos]!)) have = Math.max(have, end);
      else if (end > have) have = fill(have, end + OUTLINE_READ);
      pos = end;
    }
    return bytes;
  } finally {
    closeSync(fd);
  }
}
