/**
 * The top level of a component as the composer needs it: its imports (name, encoded name, extern
 * descriptor), its exports, and what defines each index of its type and instance spaces, so that
 * an import's declaration and everything it refers to (instance types, aliases of types exported by
 * earlier imports) can be copied into an enclosing component. Section framing comes from readWasm;
 * nested modules and components are never looked into.
 */
import { Cursor, WasmFormatError } from '../wasm/cursor.js';
import { readWasm } from '../wasm/reader.js';
import { ByteWriter } from '../wasm/writer.js';
import { copyExternDesc, copyTypeDef, IDENTITY, skipExternName } from './type-copy.js';

/** Component-level sorts by their binary code (Binary.md `sort`). */
export const SORT_CODES = { func: 0x01, value: 0x02, type: 0x03, component: 0x04, instance: 0x05 } as const;
export type Sort = keyof typeof SORT_CODES;

/** A sort by its code; extern descriptor kinds use the same codes (0x00, a core module, is not composed). */
const SORT_BY_CODE: Record<number, Sort | undefined> = Object.fromEntries(Object.entries(SORT_CODES).map(([sort, code]) => [code, sort as Sort]));

/** What defines one index of the type or instance space. */
export type Definition =
  | { kind: 'type'; start: number; end: number } // an entry of a type section
  | { kind: 'import'; import: number }
  | { kind: 'alias'; instance: number; name: string } // `alias export <instance> "<name>"`
  | { kind: 'body'; what: string }; // made by the component's own body (instantiation, export, …)

export interface ImportDecl {
  name: string;
  /** The encoded `importname'`, copied as it is. */
  nameBytes: Uint8Array;
  sort: Sort | 'core module';
  /** Byte range of the extern descriptor in the component. */
  descStart: number;
  descEnd: number;
}

export interface TopLevel {
  bytes: Uint8Array;
  imports: ImportDecl[];
  exports: Array<{ name: string; sort: Sort | 'core module' }>;
  types: Definition[];
  instances: Definition[];
}

/** Reads the top level of a component (throws WasmFormatError when the framing is broken). */
export function readTopLevel(bytes: Uint8Array, file?: string): TopLevel {
  const top: TopLevel = { bytes, imports: [], exports: [], types: [], instances: [] };
  const scratch = new ByteWriter(1024);
  const binary = readWasm(bytes, file ? { file } : {});
  if (binary.layer !== 'component') throw new WasmFormatError('a core module cannot be composed, only a component', 0, file);
  const add = (sort: Sort | 'core module' | undefined, def: Definition) => {
    if (sort === 'type') top.types.push(def);
    else if (sort === 'instance') top.instances.push(def);
  };
  for (const section of binary.sections) {
    const c = new Cursor(bytes, 0, section.payloadOffset, section.payloadOffset + section.payload.length, file);
    switch (section.id) {
      case 5: {
        const n = c.u32();
        for (let i = 0; i < n; i++) top.instances.push({ kind: 'body', what: 'an instantiation' });
        break;
      }
      case 6: {
        const n = c.u32();
        for (let i = 0; i < n; i++) {
          const sortByte = c.u8();
          if (sortByte === 0x00) c.u8(); // core sorts: not part of the type or instance space
          const target = c.u8();
          const sort = sortByte === 0x00 ? undefined : SORT_BY_CODE[sortByte];
          if (target === 0x00) {
            const instance = c.u32();
            add(sort, { kind: 'alias', instance, name: c.name() });
          } else if (target === 0x01) {
            c.u32();
            c.name();
          } else if (target === 0x02) {
            c.u32();
            c.u32();
            add(sort, { kind: 'body', what: 'an outer alias' });
          } else c.fail(`unknown alias target 0x${target.toString(16)}`, c.pos - 1);
        }
        break;
      }
      case 7: {
        const n = c.u32();
        for (let i = 0; i < n; i++) {
          const start = c.pos;
          copyTypeDef(c, scratch.clear(), 0, IDENTITY);
          top.types.push({ kind: 'type', start, end: c.pos });
        }
        break;
      }
      case 10: {
        const n = c.u32();
        for (let i = 0; i < n; i++) {
          const nameStart = c.pos;
          const name = skipExternName(c);
          const nameBytes = bytes.subarray(nameStart, c.pos);
          const descStart = c.pos;
          const kind = copyExternDesc(c, scratch.clear(), 0, IDENTITY);
          const sort = SORT_BY_CODE[kind] ?? 'core module';
          top.imports.push({ name, nameBytes, sort, descStart, descEnd: c.pos });
          add(sort, { kind: 'import', import: top.imports.length - 1 });
        }
        break;
      }
      case 11:
        for (const item of section.items ?? []) {
          const sort = (item.sort && item.sort in SORT_CODES ? item.sort : 'core module') as Sort | 'core module';
          top.exports.push({ name: item.name!, sort });
          add(sort, { kind: 'body', what: `the export ${item.name}` });
        }
        if (section.unreadable) c.fail(`the export section cannot be read (${section.unreadable})`);
        break;
      default:
        break; // core sections, nested components, canon and custom sections add no types or instances
    }
  }
  return top;
}
