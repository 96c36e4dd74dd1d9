/**
 * Reads a WebAssembly core module or component into a tree of sections and items (see tree.ts),
 * recursing into nested core modules and components. It checks framing (magic, version, section
 * sizes) but does not validate: explaining two builds must work on whatever the toolchain wrote.
 * Offsets are absolute in the buffer given; nothing is copied.
 */
import { COMPONENT_ITEM_READERS } from './component.js';
import { Cursor, WasmFormatError } from './cursor.js';
import { functionNames, readProducerFields } from './custom.js';
import { HEADER_BYTES, wasmLayer } from './header.js';
import { MODULE_ITEM_READERS, type ModuleContext } from './module.js';
import { SECTION_KINDS, type Item, type Layer, type Section, type WasmBinary } from './tree.js';

export { WasmFormatError } from './cursor.js';
export { wasmLayer } from './header.js';
export type { Item, ItemKind, Layer, Section, WasmBinary } from './tree.js';

const NESTED: Record<number, Layer> = { 1: 'module', 4: 'component' };

export interface ReadOptions {
  /** File name for error messages. */
  file?: string;
}

export function readWasm(bytes: Uint8Array, opts: ReadOptions = {}): WasmBinary {
  return readBinary(bytes, 0, bytes.length, opts.file);
}

function readBinary(root: Uint8Array, start: number, end: number, file: string | undefined, expect?: Layer): WasmBinary {
  const self = root.subarray(start, end);
  const layer = wasmLayer(self);
  if (!layer) throw new WasmFormatError(`not a WebAssembly ${expect ?? 'module or component'} (bad magic or version)`, start, file);
  if (expect && layer !== expect) throw new WasmFormatError(`expected a nested ${expect}, found a ${layer}`, start, file);
  const binary: WasmBinary = { layer, bytes: self, offset: start, sections: [] };
  const ctx: ModuleContext = { importedFuncs: 0 };
  const c = new Cursor(root, 0, start + HEADER_BYTES, end, file);
  while (!c.done) {
    const offset = c.pos;
    const id = c.u8();
    const size = c.u32();
    let payloadOffset = c.pos;
    c.skip(size);
    const section: Section = {
      id,
      kind: SECTION_KINDS[layer][id] ?? `unknown ${id}`,
      offset,
      bytes: root.subarray(offset, c.pos),
      payload: root.subarray(payloadOffset, c.pos),
      payloadOffset,
    };
    const body = new Cursor(root, 0, payloadOffset, c.pos, file);
    if (id === 0) {
      section.name = body.name();
      section.payload = root.subarray(body.pos, c.pos);
      section.payloadOffset = payloadOffset = body.pos;
    }
    const nested = layer === 'component' ? NESTED[id] : undefined;
    if (nested) {
      section.nested = readBinary(root, payloadOffset, c.pos, file, nested);
    } else {
      const read = itemReader(layer, section, ctx);
      if (read) {
        try {
          section.items = read(body);
          if (!body.done) body.fail('trailing bytes after the last entry');
        } catch (err) {
          if (!(err instanceof WasmFormatError)) throw err;
          section.unreadable = err.message;
        }
      }
    }
    if (layer === 'module' && id === 0 && section.name === 'name') {
      binary.functionName = functionNames(section.payload, section.payloadOffset, file);
    }
    binary.sections.push(section);
  }
  return binary;
}

function itemReader(layer: Layer, section: Section, ctx: ModuleContext): ((c: Cursor) => Item[]) | undefined {
  if (section.name === 'producers') return readProducerFields;
  if (section.id === 0) return undefined;
  if (layer === 'component') return COMPONENT_ITEM_READERS[section.kind];
  const read = MODULE_ITEM_READERS[section.kind];
  return read && ((c) => read(c, ctx));
}
