/**
 * Upstream's two renderings of a returned value (spec §6.7): the text of `[exec] return: …` and
 * the JSON of `exec --json`'s `return_value`. The JSON here is always valid (upstream's is, for
 * values; strings are escaped per RFC 8259) and keys come in a stable, sorted order.
 */
import { jsonFloat, rustDisplayFloat } from './float-format.js';
import type { Val } from './model.js';

/** `true`, `42`, `3.5`, `'c'`, raw string, `[a, b]`, `{k: v}`, `(a, b)`, `tag(v)`, `some(v)`, `ok`, `flags(a|b)`, `handle(n)`, `unit`. */
export function upstreamText(val: Val | undefined): string {
  if (val === undefined) return 'unit';
  switch (val.kind) {
    case 'bool':
    case 's8':
    case 's16':
    case 's32':
    case 'u8':
    case 'u16':
    case 'u32':
    case 's64':
    case 'u64':
      return String(val.value);
    case 'f32':
    case 'f64':
      return rustDisplayFloat(val.value, val.kind === 'f32');
    case 'char':
      return `'${val.value}'`;
    case 'string':
      return val.value;
    case 'list':
      return `[${val.items.map(upstreamText).join(', ')}]`;
    case 'record':
      return `{${val.fields.map((f) => `${f.name}: ${upstreamText(f.value)}`).join(', ')}}`;
    case 'tuple':
      return `(${val.items.map(upstreamText).join(', ')})`;
    case 'variant':
      return val.payload ? `${val.case}(${upstreamText(val.payload)})` : val.case;
    case 'enum':
      return val.case;
    case 'flags':
      return `flags(${val.flags.join('|')})`;
    case 'option':
      return val.value ? `some(${upstreamText(val.value)})` : 'none';
    case 'result':
      return `${val.ok ? 'ok' : 'err'}${val.value ? `(${upstreamText(val.value)})` : ''}`;
    case 'handle':
      return `handle(${val.id})`;
    case 'unit':
      return 'unit';
  }
}

/**
 * JSON: numbers (64-bit integers exact, floats as serde_json writes them, NaN/±inf → null), chars
 * and strings as strings, lists/tuples as arrays, records as objects with sorted keys, variants as
 * {"tag","value"}, options as the value or null, results as {"err","ok"}, enums as strings, flags
 * as arrays of names, handles as numbers, unit/no value as null.
 */
export function upstreamJson(val: Val | undefined): string {
  if (val === undefined) return 'null';
  switch (val.kind) {
    case 'bool':
    case 's8':
    case 's16':
    case 's32':
    case 'u8':
    case 'u16':
    case 'u32':
    case 's64':
    case 'u64':
      return String(val.value);
    case 'f32':
    case 'f64':
      return jsonFloat(val.value, val.kind === 'f32');
    case 'char':
    case 'string':
      return JSON.stringify(val.value);
    case 'enum':
      return JSON.stringify(val.case);
    case 'list':
    case 'tuple':
      return `[${val.items.map(upstreamJson).join(',')}]`;
    case 'record': {
      const fields = [...val.fields].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      return `{${fields.map((f) => `${JSON.stringify(f.name)}:${upstreamJson(f.value)}`).join(',')}}`;
    }
    case 'variant':
      return `{"tag":${JSON.stringify(val.case)},"value":${upstreamJson(val.payload)}}`;
    case 'option':
      return upstreamJson(val.value);
    case 'result':
      return `{"err":${val.ok ? 'null' : upstreamJson(val.value)},"ok":${val.ok ? upstreamJson(val.value) : 'null'}}`;
    case 'flags':
      return `[${val.flags.map((f) => JSON.stringify(f)).join(',')}]`;
    case 'handle':
      return String(val.id);
    case 'unit':
      return 'null';
  }
}
