/**
 * Copies one component-level type definition (or extern descriptor) from a component binary into
 * another, renumbering the references that point at the source component's top level: a valtype or
 * handle index written at the top level, an extern descriptor's type index there, and an `alias
 * outer` inside an instance or component type that reaches the top level. Indices local to an
 * instance or component type are kept. Everything else is copied byte for byte, so the copy means
 * exactly what the original did. Encoding: component-model Binary.md, as wasmparser reads it.
 */
import type { Cursor } from '../wasm/cursor.js';
import type { ByteWriter } from '../wasm/writer.js';

/** Where the source's top-level indices land in the destination. */
export interface Renumber {
  type(index: number): number;
  /** Core types, funcs, values and components at the top level: refused by the composer. */
  other(what: string, index: number): number;
}

/** Copies the source as it is: used to find where an entry ends. */
export const IDENTITY: Renumber = { type: (i) => i, other: (_w, i) => i };

const PRIMITIVE = (b: number) => (b >= 0x73 && b <= 0x7f) || b === 0x64;

/** Copies the bytes the cursor moved over while `read` ran. */
function verbatim(c: Cursor, w: ByteWriter, read: () => void): void {
  const start = c.pos;
  read();
  w.bytes(c.bytes.subarray(start, c.pos));
}

function optional(c: Cursor, w: ByteWriter, body: () => void): void {
  const flag = c.u8();
  if (flag > 1) c.fail(`expected 0x00 or 0x01, found 0x${flag.toString(16)}`, c.pos - 1);
  w.byte(flag);
  if (flag === 1) body();
}

function vec(c: Cursor, w: ByteWriter, body: () => void): void {
  const n = c.u32();
  w.u32(n);
  for (let i = 0; i < n; i++) body();
}

/** `importname'` / `exportname'`: 0x00/0x01 name, or 0x02 name with (attribute, name) pairs. */
export function skipExternName(c: Cursor): string {
  const kind = c.u8();
  if (kind > 2) c.fail(`unknown import/export name encoding 0x${kind.toString(16)}`, c.pos - 1);
  const name = c.name();
  if (kind === 2) {
    const n = c.u32();
    for (let i = 0; i < n; i++) {
      c.u8();
      c.name();
    }
  }
  return name;
}

/** A type index: local below the top level (depth > 0), renumbered at it. */
function typeIndex(c: Cursor, w: ByteWriter, depth: number, map: Renumber): void {
  const i = c.u32();
  w.u32(depth === 0 ? map.type(i) : i);
}

function valType(c: Cursor, w: ByteWriter, depth: number, map: Renumber): void {
  if (PRIMITIVE(c.peek())) {
    w.byte(c.u8());
    return;
  }
  const i = c.sleb(5);
  if (i < 0) c.fail('unknown value type', c.pos - 1);
  w.s33(depth === 0 ? map.type(i) : i);
}

/** A `type` entry at `depth` (0 = the component's own type section). */
export function copyTypeDef(c: Cursor, w: ByteWriter, depth: number, map: Renumber): void {
  const op = c.u8();
  w.byte(op);
  if (PRIMITIVE(op)) return;
  const val = () => valType(c, w, depth, map);
  const label = () => verbatim(c, w, () => c.name());
  switch (op) {
    case 0x72: // record
      return vec(c, w, () => (label(), val()));
    case 0x71: // variant: cases with an optional payload and the pre-2023 optional `refines`
      return vec(c, w, () => {
        label();
        optional(c, w, val);
        optional(c, w, () => w.u32(c.u32()));
      });
    case 0x70: // list
    case 0x6b: // option
      return val();
    case 0x67: // fixed-length list
      val();
      w.u32(c.u32());
      return;
    case 0x6f: // tuple
      return vec(c, w, val);
    case 0x6e: // flags
    case 0x6d: // enum
      return vec(c, w, label);
    case 0x6a: // result
      optional(c, w, val);
      optional(c, w, val);
      return;
    case 0x69: // own
    case 0x68: // borrow
      return typeIndex(c, w, depth, map);
    case 0x66: // stream
    case 0x65: // future
      return optional(c, w, val);
    case 0x63: // map
      val();
      val();
      return;
    case 0x40: // func
    case 0x43: {
      // async func
      vec(c, w, () => (label(), val()));
      const kind = c.u8();
      w.byte(kind);
      if (kind === 0x00) val();
      else if (kind !== 0x01 || c.u8() !== 0x00) c.fail('functions with several named results are not supported', c.pos - 1);
      else w.byte(0x00);
      return;
    }
    case 0x41: // component type
    case 0x42: // instance type
      return vec(c, w, () => copyDecl(c, w, depth + 1, map, op === 0x41));
    case 0x3f: // resource (sync): rep, optional destructor
      w.byte(c.u8());
      optional(c, w, () => w.u32(depth === 0 ? map.other('resource destructor', c.u32()) : c.u32()));
      return;
    case 0x3e: // resource (async): rep, destructor, optional callback
      w.byte(c.u8());
      w.u32(map.other('resource destructor', c.u32()));
      optional(c, w, () => w.u32(map.other('resource callback', c.u32())));
      return;
    default:
      c.fail(`unknown type constructor 0x${op.toString(16)}`, c.pos - 1);
  }
}

/** One declaration inside an instance type (or, with imports, a component type) at `depth` ≥ 1. */
function copyDecl(c: Cursor, w: ByteWriter, depth: number, map: Renumber, component: boolean): void {
  const kind = c.u8();
  w.byte(kind);
  switch (kind) {
    case 0x00:
      return verbatim(c, w, () => skipCoreType(c));
    case 0x01:
      return copyTypeDef(c, w, depth, map);
    case 0x02:
      return copyAlias(c, w, depth, map);
    case 0x03: // import (component types only); same shape as an export declaration
    case 0x04:
      if (kind === 0x03 && !component) c.fail('an instance type cannot declare imports', c.pos - 1);
      verbatim(c, w, () => skipExternName(c));
      copyExternDesc(c, w, depth, map);
      return;
    default:
      c.fail(`unknown type declaration 0x${kind.toString(16)}`, c.pos - 1);
  }
}

/** Inside a type only `alias outer` is valid; one that reaches the top level is renumbered. */
function copyAlias(c: Cursor, w: ByteWriter, depth: number, map: Renumber): void {
  const sort = c.u8();
  w.byte(sort);
  const coreSort = sort === 0x00 ? c.u8() : undefined;
  if (coreSort !== undefined) w.byte(coreSort);
  const target = c.u8();
  if (target !== 0x02) c.fail('only outer aliases are valid inside a type', c.pos - 1);
  w.byte(target);
  const count = c.u32();
  const index = c.u32();
  if (count > depth) c.fail(`outer alias count ${count} leaves the component`, c.pos - 1);
  w.u32(count);
  if (count < depth) w.u32(index);
  else if (sort === 0x03) w.u32(map.type(index));
  else w.u32(map.other(coreSort === undefined ? 'component' : 'core type', index));
}

/** `externdesc` at `depth`; returns its kind byte (0x00 core module … 0x05 instance). */
export function copyExternDesc(c: Cursor, w: ByteWriter, depth: number, map: Renumber): number {
  const kind = c.u8();
  w.byte(kind);
  switch (kind) {
    case 0x00:
      if (c.u8() !== 0x11) c.fail('expected a core module type', c.pos - 1);
      w.byte(0x11);
      w.u32(depth === 0 ? map.other('core module type', c.u32()) : c.u32());
      break;
    case 0x01: // func
    case 0x04: // component
    case 0x05: // instance
      typeIndex(c, w, depth, map);
      break;
    case 0x02: {
      const bound = c.u8();
      w.byte(bound);
      if (bound === 0x00) w.u32(depth === 0 ? map.other('value', c.u32()) : c.u32());
      else valType(c, w, depth, map);
      break;
    }
    case 0x03: {
      const bound = c.u8();
      w.byte(bound);
      if (bound === 0x00) typeIndex(c, w, depth, map);
      else if (bound !== 0x01) c.fail(`unknown type bound 0x${bound.toString(16)}`, c.pos - 1);
      break;
    }
    default:
      c.fail(`unknown extern kind 0x${kind.toString(16)}`, c.pos - 1);
  }
  return kind;
}

/** Core types inside component types (module types for imported core modules): local, kept as they are. */
function skipCoreType(c: Cursor): void {
  if (c.peek() !== 0x50) return skipCoreFuncType(c);
  c.u8();
  const n = c.u32();
  for (let i = 0; i < n; i++) {
    const decl = c.u8();
    if (decl === 0x00) {
      c.name();
      c.name();
      skipCoreImportDesc(c);
    } else if (decl === 0x01) skipCoreFuncType(c);
    else if (decl === 0x02) {
      c.u8();
      c.u8();
      c.u32();
      c.u32();
    } else if (decl === 0x03) {
      c.name();
      skipCoreImportDesc(c);
    } else c.fail(`unknown core module type declaration 0x${decl.toString(16)}`, c.pos - 1);
  }
}

function skipCoreFuncType(c: Cursor): void {
  if (c.u8() !== 0x60) c.fail('core GC types in component types are not supported', c.pos - 1);
  for (let k = 0; k < 2; k++) {
    const n = c.u32();
    for (let i = 0; i < n; i++) skipCoreValType(c);
  }
}

function skipCoreValType(c: Cursor): void {
  const t = c.u8();
  if (!((t >= 0x7b && t <= 0x7f) || t === 0x70 || t === 0x6f)) c.fail(`unsupported core value type 0x${t.toString(16)}`, c.pos - 1);
}

function skipCoreImportDesc(c: Cursor): void {
  const kind = c.u8();
  const limits = () => {
    const flags = c.u8();
    c.skipLeb();
    if (flags & 0x01) c.skipLeb();
  };
  if (kind === 0x00) c.u32();
  else if (kind === 0x01) {
    skipCoreValType(c);
    limits();
  } else if (kind === 0x02) limits();
  else if (kind === 0x03) {
    skipCoreValType(c);
    c.u8();
  } else if (kind === 0x04) {
    c.u8();
    c.u32();
  } else c.fail(`unknown core import kind 0x${kind.toString(16)}`, c.pos - 1);
}
