/**
 * The two custom sections whose content explains differences: `name` (function names, to match
 * bodies across builds) and `producers` (languages, tools and SDKs with versions).
 */
import { Cursor, decodeName } from './cursor.js';
import { readItems, type Item } from './tree.js';

const FUNCTION_NAMES = 1;

/**
 * Function names of a `name` section payload. The index is built on first use: most comparisons
 * never need names because the code sections are identical.
 */
export function functionNames(payload: Uint8Array, payloadOffset: number, file?: string): (index: number) => string | undefined {
  let starts: Map<number, number> | undefined;
  return (index) => {
    if (!starts) {
      starts = new Map();
      const c = new Cursor(payload, payloadOffset, 0, payload.length, file);
      try {
        while (!c.done) {
          const id = c.u8();
          const sub = c.sub(c.u32());
          if (id !== FUNCTION_NAMES) continue;
          for (let n = sub.u32(); n > 0; n--) {
            const idx = sub.u32();
            starts.set(idx, sub.pos);
            sub.skip(sub.u32());
          }
        }
      } catch {
        // A malformed name section only costs names: bodies are then matched by index.
      }
    }
    const at = starts.get(index);
    if (at === undefined) return undefined;
    return new Cursor(payload, payloadOffset, at, payload.length, file).name();
  };
}

/** `producers` fields (language, processed-by, sdk) as items named by field. */
export function readProducerFields(c: Cursor): Item[] {
  return readItems(c, () => {
    const name = c.name();
    for (let n = c.u32(); n > 0; n--) {
      c.skip(c.u32());
      c.skip(c.u32());
    }
    return { kind: 'field', name };
  });
}

/** The values of one producers field item: `[["wit-component", "0.220.0"], …]`. */
export function producerValues(field: Item): Array<[string, string]> {
  const c = new Cursor(field.bytes, field.offset);
  c.skip(c.u32());
  const values: Array<[string, string]> = [];
  for (let n = c.u32(); n > 0; n--) values.push([decodeName(c.vec()), decodeName(c.vec())]);
  return values;
}
