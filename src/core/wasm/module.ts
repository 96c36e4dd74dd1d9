/**
 * Entries of core module sections that explaining a difference needs: imports and exports (names),
 * function bodies (code) and data segments. Each entry is read just far enough to find its end;
 * types, tables, globals and element segments stay opaque. The readers of core types (value types,
 * limits, import types) are shared with the memory cap and the component world reader.
 */
import type { Cursor } from './cursor.js';
import { readItems, type Item } from './tree.js';

/** State shared by the sections of one module, in section order. */
export interface ModuleContext {
  /** Imported functions come first in the function index space, before the code section's bodies. */
  importedFuncs: number;
}

/** Import and export kinds by their byte: the index is the kind. */
const EXTERN_SORTS = ['func', 'table', 'memory', 'global', 'tag'];
export const IMPORT_FUNC = 0x00;
export const IMPORT_MEMORY = 0x02;

// Reference types written as a prefix byte followed by a heap type (function-references / GC).
const REF_NULL = 0x63;
const REF = 0x64;

/** A value type: one byte, or a reference prefix and a heap type (s33). */
export function skipValType(c: Cursor): void {
  const t = c.u8();
  if (t === REF_NULL || t === REF) c.skipLeb(5);
}

// Limits flag bits (core spec + threads, memory64 and custom-page-sizes proposals): has max,
// shared, 64-bit, custom page size. Shared and 64-bit change nothing in the encoding but the width
// of the LEB128 numbers, which u64() reads either way.
export const LIMITS_HAS_MAX = 0x01;
export const LIMITS_CUSTOM_PAGE_SIZE = 0x08;
const LIMITS_KNOWN_FLAGS = 0x0f;

export interface Limits {
  flags: number;
  min: number;
  max?: number;
  /** log2 of the page size, when the custom-page-sizes flag is set. */
  pageLog2?: number;
}

/** Table or memory limits: flags, min, max?, page size? */
export function readLimits(c: Cursor): Limits {
  const flags = c.u8();
  if (flags & ~LIMITS_KNOWN_FLAGS) c.fail(`unknown limits flags 0x${flags.toString(16)}`, c.pos - 1);
  const limits: Limits = { flags, min: c.u64() };
  if (flags & LIMITS_HAS_MAX) limits.max = c.u64();
  if (flags & LIMITS_CUSTOM_PAGE_SIZE) limits.pageLog2 = c.u32();
  return limits;
}

/**
 * Skips the type of an import of `kind` (the byte after its names): a function type index, a
 * table, memory or global type, or a tag.
 */
export function skipImportType(c: Cursor, kind: number): void {
  switch (kind) {
    case IMPORT_FUNC:
      c.u32();
      break;
    case 0x01: // table: reference type, limits
      skipValType(c);
      readLimits(c);
      break;
    case IMPORT_MEMORY:
      readLimits(c);
      break;
    case 0x03: // global: value type, mutability
      skipValType(c);
      c.u8();
      break;
    case 0x04: // tag: attribute, type index
      c.u8();
      c.u32();
      break;
    default:
      c.fail(`unknown import kind 0x${kind.toString(16)}`, c.pos - 1);
  }
}

/** Constant expressions (offsets of data segments): MVP, extended-const, reference and v128 constants. */
export function skipConstExpr(c: Cursor): void {
  for (;;) {
    const op = c.u8();
    switch (op) {
      case 0x0b: // end
        return;
      case 0x41: // i32.const
        c.skipLeb(5);
        break;
      case 0x42: // i64.const
        c.skipLeb(10);
        break;
      case 0x43: // f32.const
        c.skip(4);
        break;
      case 0x44: // f64.const
        c.skip(8);
        break;
      case 0x23: // global.get
      case 0xd2: // ref.func
        c.u32();
        break;
      case 0xd0: // ref.null heaptype
        c.skipLeb(5);
        break;
      case 0x6a: case 0x6b: case 0x6c: case 0x7c: case 0x7d: case 0x7e: // extended-const add/sub/mul
        break;
      case 0xfd: // v128.const
        if (c.u32() !== 12) c.fail('unsupported instruction in a constant expression', c.pos - 1);
        c.skip(16);
        break;
      default:
        c.fail(`unsupported opcode 0x${op.toString(16)} in a constant expression`, c.pos - 1);
    }
  }
}

function readImports(c: Cursor, ctx: ModuleContext): Item[] {
  return readItems(c, () => {
    const module = c.name();
    const name = c.name();
    const sort = c.u8();
    skipImportType(c, sort);
    if (sort === IMPORT_FUNC) ctx.importedFuncs++;
    return { kind: 'import', module, name, sort: EXTERN_SORTS[sort] };
  });
}

function readExports(c: Cursor): Item[] {
  return readItems(c, () => {
    const name = c.name();
    const sort = c.u8();
    c.u32();
    return { kind: 'export', name, sort: EXTERN_SORTS[sort] ?? `kind 0x${sort.toString(16)}` };
  });
}

/** Function bodies (locals and instructions), indexed by function index. */
function readCode(c: Cursor, ctx: ModuleContext): Item[] {
  const count = c.u32();
  const items: Item[] = new Array(count);
  for (let i = 0; i < count; i++) {
    const size = c.u32();
    const start = c.pos;
    c.skip(size);
    items[i] = { kind: 'func', index: ctx.importedFuncs + i, offset: c.base + start, bytes: c.bytes.subarray(start, c.pos) };
  }
  return items;
}

/**
 * Data segments, whole (mode, offset expression and bytes). Active segments place themselves, so
 * they carry no name and may be matched by content in any order; passive ones are referenced by
 * index from code (memory.init), so their index is their identity.
 */
function readData(c: Cursor): Item[] {
  return readItems(c, (i) => {
    const start = c.pos;
    const mode = c.u32();
    if (mode === 2) c.u32();
    if (mode === 0 || mode === 2) skipConstExpr(c);
    else if (mode !== 1) c.fail(`unknown data segment mode ${mode}`, start);
    c.skip(c.u32());
    return mode === 1 ? { kind: 'data', name: `passive ${i}` } : { kind: 'data' };
  });
}

/** Item readers per core section kind; other kinds are opaque. */
export const MODULE_ITEM_READERS: Partial<Record<string, (c: Cursor, ctx: ModuleContext) => Item[]>> = {
  import: readImports,
  export: readExports,
  code: readCode,
  data: readData,
};
