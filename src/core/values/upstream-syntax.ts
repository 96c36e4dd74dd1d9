/**
 * Upstream's typed value syntax (`ComponentValue::parse`, spec §6.5), self-typed: `s32:42`,
 * `u8:7`, `string:a:b`, `char:x`, `enum:red`, `flags:a|b`, `"quoted"`, `true`, `unit`/`()`, bare
 * integers (s32, or s64 when they do not fit) and bare floats (f64); anything else is a string.
 * Numbers follow Rust's `str::parse` (a leading `+` is allowed, `-` only for signed types; floats
 * accept `inf`, `infinity`, `nan` in any case, `1.`, `.5`, exponents). Errors keep upstream's
 * wording (`Unknown value type '<t>'`, `Invalid value: …`) and add the column and a hint.
 */
import { withArticle } from './describe.js';
import { UnknownValueTypeError, ValueTypeError } from './errors.js';
import { INT_RANGES, floatVal, intVal, type Val } from './model.js';

export const UPSTREAM_TYPES = ['bool', 'u8', 'u16', 'u32', 'u64', 's8', 's16', 's32', 's64', 'f32', 'f64', 'char', 'string', 'enum', 'flags'] as const;
type UpstreamType = (typeof UPSTREAM_TYPES)[number];

/** `<prefix>:` at the start of the (trimmed) text, when the prefix is a plain word (`s32`, `http`). */
export function upstreamPrefix(text: string): string | undefined {
  const m = /^\s*([A-Za-z_][A-Za-z0-9_]*):(?!:)/.exec(text);
  return m ? m[1] : undefined;
}

const RUST_FLOAT = /^[+-]?(?:inf|infinity|nan|(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)$/i;

/** Rust's `str::parse::<f64>()` accepted forms. */
export function parseRustFloat(text: string): number | undefined {
  if (!RUST_FLOAT.test(text)) return undefined;
  const lower = text.toLowerCase().replace(/^\+/, '');
  if (/^-?inf(inity)?$/.test(lower)) return lower.startsWith('-') ? -Infinity : Infinity;
  if (/^-?nan$/.test(lower)) return NaN;
  return Number(lower);
}

/** Rust's `str::parse` for integers: [bigint] or the ParseIntError text. */
function parseRustInt(text: string, kind: keyof typeof INT_RANGES): bigint | string {
  const { min, max } = INT_RANGES[kind];
  if (text === '') return 'cannot parse integer from empty string';
  const signed = min < 0n;
  const m = signed ? /^([+-]?)(\d+)$/.exec(text) : /^(\+?)(\d+)$/.exec(text);
  if (!m) return 'invalid digit found in string';
  const n = BigInt(`${m[1] === '-' ? '-' : ''}${m[2]}`);
  if (n > max) return 'number too large to fit in target type';
  if (n < min) return 'number too small to fit in target type';
  return n;
}

function invalid(input: string, column: number, type: UpstreamType, reason: string): never {
  const isInt = type in INT_RANGES;
  const example = isInt ? (type.startsWith('u') ? '42' : '-7') : type === 'char' ? 'x' : '1.5';
  throw new ValueTypeError({
    problem: `Invalid value: ${reason}`,
    input,
    column,
    expected: `${withArticle(type)} such as ${type}:${example}`,
    hint: isInt
      ? `write a whole number from ${INT_RANGES[type as keyof typeof INT_RANGES].min} to ${INT_RANGES[type as keyof typeof INT_RANGES].max}`
      : type === 'char'
        ? 'write one character after char:'
        : 'write a number such as 1.5, 3, -0.25 or 6.02e23',
  });
}

/**
 * Parses text the way upstream does, without a WIT type. `input`/`offset` locate the text inside
 * a larger input for error columns.
 */
export function parseUpstream(text: string, input = text, offset = 0): Val {
  const lead = text.length - text.trimStart().length;
  const t = text.trim();
  const col = offset + lead + 1;
  if (t === 'unit' || t === '()') return { kind: 'unit' };
  if (t.length >= 2 && t.startsWith('"') && t.endsWith('"')) return { kind: 'string', value: t.slice(1, -1) };
  if (t === 'true' || t === 'false') return { kind: 'bool', value: t === 'true' };
  const colon = t.indexOf(':');
  if (colon !== -1) {
    const prefix = t.slice(0, colon);
    const value = t.slice(colon + 1);
    const valueCol = col + colon + 1;
    if (!(UPSTREAM_TYPES as readonly string[]).includes(prefix)) {
      throw new UnknownValueTypeError({
        problem: `Unknown value type '${prefix}'`,
        input,
        column: col,
        expected: `one of ${UPSTREAM_TYPES.join(', ')} before the ':'`,
        hint: `write for example s32:42 or string:${t}; or, without a prefix, a WAVE value such as "${t.replace(/["\\]/g, '\\$&')}"`,
      });
    }
    const type = prefix as UpstreamType;
    switch (type) {
      case 'bool':
        return { kind: 'bool', value: value === 'true' };
      case 'f32':
      case 'f64': {
        const f = parseRustFloat(value);
        if (f === undefined) invalid(input, valueCol, type, 'invalid float literal');
        return floatVal(type, f);
      }
      case 'char': {
        const ch = [...value][0];
        if (ch === undefined) invalid(input, valueCol, type, 'empty char');
        return { kind: 'char', value: ch };
      }
      case 'string':
        return { kind: 'string', value };
      case 'enum':
        return { kind: 'enum', case: value };
      case 'flags':
        return { kind: 'flags', flags: value.split(/[|,]/).map((f) => f.trim()).filter((f) => f !== '') };
      default: {
        const n = parseRustInt(value, type);
        if (typeof n === 'string') invalid(input, valueCol, type, n);
        return intVal(type, n);
      }
    }
  }
  const int = parseRustInt(t, 's64');
  if (typeof int === 'bigint') return int >= INT_RANGES.s32.min && int <= INT_RANGES.s32.max ? intVal('s32', int) : intVal('s64', int);
  const f = parseRustFloat(t);
  if (f !== undefined) return floatVal('f64', f);
  return { kind: 'string', value: t };
}
