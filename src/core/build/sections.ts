/**
 * The top-level sections of a module or component, by id and payload range, without reading their
 * contents: enough to find a module's imports and exports, or a component's nested core modules,
 * in a multi-megabyte binary without parsing its code (src/core/wasm/reader.ts reads everything).
 */
import { Cursor } from '../wasm/cursor.js';
import { HEADER_BYTES } from '../wasm/header.js';

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
