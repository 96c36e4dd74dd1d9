/**
 * Entries of core module sections that explaining a difference needs: imports and exports (names),
 * function bodies (code) and data segments. Each entry is read just far enough to find its end;
 * types, tables, globals and element segments stay opaque.
 */
import type { Cursor } from './cursor.js';
import type { Item } from './tree.js';

/** State shared by the sections of one module, in section order. */
export interface ModuleContext {
  /** Imported functions come first in the function index space, before the code section's bodies. */
  importedFuncs: number;
}

const EXTERN_SORTS = ['func', 'table', 'memory', 'global', 'tag'];

// Reference types written as a prefix byte followed by a heap type (function-references / GC).
const REF_NULL = 0x63;
const REF = 0x64;

function skipValType(c: Cursor): void {
  const t = c.u8();
  if (t === REF_NULL || t === REF) c.skipLeb(5);
}

/** Limits: flags (bit 0 has max, bit 1 shared, bit 2 64-bit, bit 3 custom page size), min, max?, page size? */
function skipLimits(c: Cursor): void {
  const flags = c.u8();
  if (flags > 0x0f) c.fail(`unknown limits flags 0x${flags.toString(16)}`, c.pos - 1);
  c.skipLeb();
  if (flags & 0x01) c.skipLeb();
  if (flags & 0x08) c.u32();
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
  const items: Item[] = [];
  const count = c.u32();
  for (let i = 0; i < count; i++) {
    const start = c.pos;
    const module = c.name();
    const name = c.name();
    const sort = c.u8();
    switch (sort) {
      case 0x00:
        c.u32();
        ctx.importedFuncs++;
        break;
      case 0x01:
        skipValType(c);
        skipLimits(c);
        break;
      case 0x02:
        skipLimits(c);
        break;
      case 0x03:
        skipValType(c);
        c.u8();
        break;
      case 0x04:
        c.u8();
        c.u32();
        break;
      default:
        c.fail(`unknown import kind 0x${sort.toString(16)}`, c.pos - 1);
    }
    items.push({ kind: 'import', module, name, sort: EXTERN_SORTS[sort], index: i, offset: c.base + start, bytes: c.bytes.subarray(start, c.pos) });
  }
  return items;
}

function readExports(c: Cursor): Item[] {
  const items: Item[] = [];
  const count = c.u32();
  for (let i = 0; i < count; i++) {
    const start = c.pos;
    const name = c.name();
    const sort = c.u8();
    c.u32();
    items.push({ kind: 'export', name, sort: EXTERN_SORTS[sort] ?? `kind 0x${sort.toString(16)}`, index: i, offset: c.base + start, bytes: c.bytes.subarray(start, c.pos) });
  }
  return items;
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
  const count = c.u32();
  const items: Item[] = new Array(count);
  for (let i = 0; i < count; i++) {
    const start = c.pos;
    const mode = c.u32();
    if (mode === 2) c.u32();
    if (mode === 0 || mode === 2) skipConstExpr(c);
    else if (mode !== 1) c.fail(`unknown data segment mode ${mode}`, start);
    c.skip(c.u32());
    const item: Item = { kind: 'data', index: i, offset: c.base + start, bytes: c.bytes.subarray(start, c.pos) };
    if (mode === 1) item.name = `passive ${i}`;
    items[i] = item;
  }
  return items;
}

/** Item readers per core section kind; other kinds are opaque. */
export const MODULE_ITEM_READERS: Partial<Record<string, (c: Cursor, ctx: ModuleContext) => Item[]>> = {
  import: readImports,
  export: readExports,
  code: readCode,
  data: readData,
};
