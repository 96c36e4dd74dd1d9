/**
 * The shape `readWasm` produces: a binary (core module or component) as a list of sections, each
 * with byte offsets into the outermost buffer and views (never copies) of its bytes. Sections whose
 * entries matter for explaining differences carry items; nested modules and components carry their
 * own tree. Everything else stays an opaque payload, compared as a blob.
 */
import type { Cursor } from './cursor.js';

export type Layer = 'module' | 'component';

/** Section names by id, per layer (core spec §5.5, component-model Binary.md). */
export const SECTION_KINDS: Record<Layer, readonly string[]> = {
  module: ['custom', 'type', 'import', 'function', 'table', 'memory', 'global', 'export', 'start', 'element', 'code', 'data', 'data count', 'tag'],
  component: ['custom', 'core module', 'core instance', 'core type', 'component', 'instance', 'alias', 'type', 'canon', 'start', 'import', 'export', 'value'],
};

export interface WasmBinary {
  layer: Layer;
  /** This binary's bytes, a view into the outermost buffer. */
  bytes: Uint8Array;
  /** Absolute offset of `bytes[0]` in the outermost buffer. */
  offset: number;
  sections: Section[];
  /** Core modules only: the name of a function (by function index) from the `name` section. */
  functionName?: (index: number) => string | undefined;
}

export interface Section {
  id: number;
  /** `SECTION_KINDS[layer][id]`, or `unknown <id>`. */
  kind: string;
  /** Custom sections: their name. */
  name?: string;
  /** Absolute offset of the section id byte. */
  offset: number;
  /** The whole section: id, size and payload. */
  bytes: Uint8Array;
  /** The payload after the size (for custom sections, after the name too). */
  payload: Uint8Array;
  payloadOffset: number;
  /** Entries of the payload, when this kind of section is itemised and its entries could be read. */
  items?: Item[];
  /** Why an itemised section's entries could not be read (the section is then compared as a blob). */
  unreadable?: string;
  /** The nested core module (component section 1) or component (section 4). */
  nested?: WasmBinary;
}

export type ItemKind = 'import' | 'export' | 'func' | 'data' | 'field';

export interface Item {
  kind: ItemKind;
  /**
   * Identity across builds: the import/export name, producers field name, or the passive data segment
   * index. Absent for function bodies (named through `functionName`) and active data segments
   * (matched by content, then position).
   */
  name?: string;
  /** Core imports: the module half of the two-level name. */
  module?: string;
  /** What an import or export refers to: func, table, memory, global, tag, type, instance, component, … */
  sort?: string;
  /** Function index (bodies), segment index (data), or position within its section. */
  index: number;
  /** Absolute offset of the item's first byte. */
  offset: number;
  bytes: Uint8Array;
}

/** What an entry reader says about one entry; readItems adds its position, offset and bytes. */
export type ItemFields = Omit<Item, 'index' | 'offset' | 'bytes'>;

/**
 * Reads a vector (a count, then the entries) with `read`, which reads the entry at `c` and returns
 * what it is; each becomes an item spanning exactly its bytes.
 */
export function readItems(c: Cursor, read: (index: number) => ItemFields): Item[] {
  const count = c.u32();
  const items: Item[] = new Array(count);
  for (let i = 0; i < count; i++) {
    const start = c.pos;
    // Completing the reader's object in place: a spread copy costs ×10 on 10,000 data segments.
    const item = read(i) as Item;
    item.index = i;
    item.offset = c.base + start;
    item.bytes = c.bytes.subarray(start, c.pos);
    items[i] = item;
  }
  return items;
}
