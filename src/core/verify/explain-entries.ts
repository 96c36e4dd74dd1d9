/**
 * The entries of a module or component that `explainDifference` matches across two builds, with
 * the label each shows in an item path and the role that says how a difference in it is explained.
 */
import { Cursor, WasmFormatError } from '../wasm/cursor.js';
import { skipConstExpr, skipValType } from '../wasm/module.js';
import type { Item, Section, WasmBinary } from '../wasm/reader.js';
import type { Alignable } from './explain-align.js';
import { hex } from './explain-bytes.js';

export type Role =
  /** A nested core module or component, explained recursively. */
  | 'nested'
  /** The code section: bodies matched by function name. */
  | 'code'
  /** The data section: initial memory compared address by address. */
  | 'data'
  /** The producers section: fields matched by name. */
  | 'fields'
  // Leaves, explained from their bytes:
  | 'func'
  | 'segment'
  | 'field'
  | 'custom'
  /** A module's global section: initial values that move with the memory layout. */
  | 'globals'
  | 'opaque';

export interface Entry extends Alignable {
  label: string;
  /** Absolute offset of the entry's bytes. */
  offset: number;
  role: Role;
  section?: Section;
  item?: Item;
}

function fromItem(item: Item, kind: string, label: string, role: Role, key = item.name): Entry {
  return { kind, ...(key === undefined ? {} : { key }), label, bytes: item.bytes, offset: item.offset, role, item };
}

/** Top-level entries: sections, except imports and exports, which are listed one by one. */
export function binaryEntries(binary: WasmBinary): Entry[] {
  const entries: Entry[] = [];
  const seen = new Map<string, number>();
  const nth = (kind: string) => {
    const n = seen.get(kind) ?? 0;
    seen.set(kind, n + 1);
    return n;
  };
  for (const section of binary.sections) {
    // Payloads, not whole sections: a size prefix that changed with the content would otherwise be the first difference.
    const base = { bytes: section.payload, offset: section.payloadOffset, section };
    if (section.items && (section.kind === 'import' || section.kind === 'export')) {
      for (const item of section.items) {
        const core = item.module !== undefined;
        entries.push(
          fromItem(
            item,
            section.kind,
            core ? `import "${item.module}" "${item.name}"` : `${section.kind} "${item.name}"`,
            'opaque',
            core ? `${item.module}\0${item.name}` : item.name,
          ),
        );
      }
    } else if (section.id === 0) {
      const role = section.name === 'producers' && section.items ? 'fields' : 'custom';
      entries.push({ ...base, kind: 'custom', key: section.name!, label: `custom "${section.name}"`, role });
    } else if (section.nested) {
      const kind = section.nested.layer;
      entries.push({ ...base, kind, label: `${kind}[${nth(kind)}]`, role: 'nested' });
    } else if (binary.layer === 'module') {
      // Each non-custom section appears at most once in a module.
      const role = section.items && section.kind === 'code' ? 'code' : section.items && section.kind === 'data' ? 'data' : section.kind === 'global' ? 'globals' : 'opaque';
      entries.push({ ...base, kind: section.kind, key: section.kind, label: `${section.kind} section`, role });
    } else {
      const kind = `${section.kind} section`;
      entries.push({ ...base, kind, label: `${kind}[${nth(kind)}]`, role: 'opaque' });
    }
  }
  return entries;
}

/** Function bodies, keyed by their name in the `name` section, else by function index. */
export function codeEntries(binary: WasmBinary, section: Section): Entry[] {
  return section.items!.map((item) => {
    const name = binary.functionName?.(item.index);
    return name === undefined
      ? fromItem(item, 'func', `code/func[${item.index}]`, 'func', `#${item.index}`)
      : fromItem(item, 'func', `code/func "${name}"`, 'func', name);
  });
}

/** Data segments as items, when memory cannot be laid out (non-constant offsets) or for passive ones. */
export function segmentEntries(items: Item[]): Entry[] {
  return items.map((item) => fromItem(item, 'data', `data[${item.index}]`, 'segment'));
}

export function fieldEntries(section: Section): Entry[] {
  return section.items!.map((item) => fromItem(item, 'field', `custom "producers"/${item.name}`, 'field'));
}

/**
 * The type and mutability of every global in a global section's payload (initial values left
 * out), or undefined when it cannot be read: two sections with the same signature hold the same
 * globals, whatever values they start with.
 */
export function globalSignature(payload: Uint8Array): string | undefined {
  const c = new Cursor(payload);
  try {
    const types: string[] = [];
    for (let n = c.u32(); n > 0; n--) {
      const start = c.pos;
      skipValType(c);
      c.u8();
      types.push(hex(payload.subarray(start, c.pos)));
      skipConstExpr(c);
    }
    return c.done ? types.join(', ') : undefined;
  } catch (err) {
    if (err instanceof WasmFormatError) return undefined;
    throw err;
  }
}
