/**
 * Entries of component sections that explaining a difference needs: imports and exports, by name
 * (component-model Binary.md). Types, aliases, canons and instances stay opaque; nested core modules
 * and components are read by `readWasm` itself.
 */
import type { Cursor } from './cursor.js';
import { readItems, type Item } from './tree.js';

const SORTS = ['core', 'func', 'value', 'type', 'component', 'instance'];
const CORE_SORTS = ['func', 'table', 'memory', 'global', 'type', 'module', 'instance'];

/** importname' / exportname': 0x00 name, or 0x01 name (the pre-2023 interface-name marker). */
function externName(c: Cursor): string {
  const tag = c.u8();
  if (tag > 0x01) c.fail(`unknown import/export name encoding 0x${tag.toString(16)}`, c.pos - 1);
  return c.name();
}

function isPrimitiveValType(b: number): boolean {
  return (b >= 0x73 && b <= 0x7f) || b === 0x64;
}

/** externdesc; returns its sort name. */
function skipExternDesc(c: Cursor): string {
  const tag = c.u8();
  switch (tag) {
    case 0x00: // core module type
      if (c.u8() !== 0x11) c.fail('expected a core module type', c.pos - 1);
      c.u32();
      return 'core module';
    case 0x02: // value bound: eq index, or a value type
      if (c.u8() === 0x00) c.u32();
      else if (!isPrimitiveValType(c.u8())) {
        c.pos--;
        c.skipLeb(5);
      }
      return 'value';
    case 0x03: // type bound: eq index, or sub resource
      if (c.u8() === 0x00) c.u32();
      return 'type';
    case 0x01:
    case 0x04:
    case 0x05:
      c.u32();
      return SORTS[tag]!;
    default:
      return c.fail(`unknown extern descriptor 0x${tag.toString(16)}`, c.pos - 1);
  }
}

function readImports(c: Cursor): Item[] {
  return readItems(c, () => {
    const name = externName(c);
    const sort = skipExternDesc(c);
    return { kind: 'import', name, sort };
  });
}

function readExports(c: Cursor): Item[] {
  return readItems(c, () => {
    const name = externName(c);
    const s = c.u8();
    const sort = s === 0x00 ? `core ${CORE_SORTS[c.u8()] ?? '?'}` : SORTS[s];
    if (sort === undefined) c.fail(`unknown sort 0x${s.toString(16)}`, c.pos - 1);
    c.u32();
    const ascribed = c.u8();
    if (ascribed === 0x01) skipExternDesc(c);
    else if (ascribed !== 0x00) c.fail(`unknown export type ascription 0x${ascribed.toString(16)}`, c.pos - 1);
    return { kind: 'export', name, sort };
  });
}

/** Item readers per component section kind; other kinds are opaque. */
export const COMPONENT_ITEM_READERS: Partial<Record<string, (c: Cursor) => Item[]>> = {
  import: readImports,
  export: readExports,
};
