/**
 * Val → WAVE text, as wasm-wave's writer prints it: floats in Rust `Display` form with `nan`,
 * `inf`, `-inf`; chars and strings escaped; records without their `none` fields (`{:}` when none
 * is left); keyword-named cases prefixed with `%`. Our default display of values.
 */
import { rustDisplayFloat } from './float-format.js';
import type { Val } from './model.js';

const KEYWORDS = new Set(['true', 'false', 'some', 'none', 'ok', 'err', 'inf', 'nan']);

function escapeChar(ch: string): string {
  switch (ch) {
    case '\\':
      return '\\\\';
    case '\n':
      return '\\n';
    case '\t':
      return '\\t';
    case '\r':
      return '\\r';
    case '"':
    case "'":
      // wasm-wave escapes both quotes everywhere; do the same so output matches it byte for byte.
      return `\\${ch}`;
    default:
      // Control and other invisible characters as \u{…}, like Rust's escape_debug.
      return /[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}]/u.test(ch) ? `\\u{${ch.codePointAt(0)!.toString(16)}}` : ch;
  }
}

function escapeText(text: string): string {
  let out = '';
  for (const ch of text) out += escapeChar(ch);
  return out;
}

const label = (name: string): string => (KEYWORDS.has(name) ? `%${name}` : name);

export function printWave(val: Val): string {
  switch (val.kind) {
    case 'bool':
      return String(val.value);
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
      return Number.isNaN(val.value) ? 'nan' : rustDisplayFloat(val.value, val.kind === 'f32');
    case 'char':
      return `'${escapeText(val.value)}'`;
    case 'string':
      return `"${escapeText(val.value)}"`;
    case 'list':
      return `[${val.items.map(printWave).join(', ')}]`;
    case 'tuple':
      return `(${val.items.map(printWave).join(', ')})`;
    case 'record': {
      const shown = val.fields.filter((f) => !(f.value.kind === 'option' && f.value.value === undefined));
      return shown.length ? `{${shown.map((f) => `${f.name}: ${printWave(f.value)}`).join(', ')}}` : '{:}';
    }
    case 'variant':
      return `${label(val.case)}${val.payload ? `(${printWave(val.payload)})` : ''}`;
    case 'enum':
      return label(val.case);
    case 'flags':
      return `{${val.flags.join(', ')}}`;
    case 'option':
      return val.value ? `some(${printWave(val.value)})` : 'none';
    case 'result':
      return `${val.ok ? 'ok' : 'err'}${val.value ? `(${printWave(val.value)})` : ''}`;
    case 'handle':
      // WAVE has no resource syntax yet (its README: "TBD"); this is display only.
      return `${val.borrow ? 'borrow' : 'own'}<${val.resource}>(${val.id})`;
    case 'unit':
      return '()';
  }
}
