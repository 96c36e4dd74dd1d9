/**
 * Words and examples for WIT types, so that value errors say what was expected and show a value
 * of the right type that the user can copy (in WAVE, the syntax wasmtime and wasm-tools use).
 */
import { formatType, type PrimitiveKind, type WitType } from '../wit/model.js';
import { INT_RANGES, isIntKind, type Val } from './model.js';

/** `an s32`, `a u8`, `an f64`, `an option<…>` — the article as the word is spoken. */
export function withArticle(word: string): string {
  return `${/^([aeio]|s\d|f\d|s$|f$)/.test(word) ? 'an' : 'a'} ${word}`;
}

/** `an s32 (an integer from -2147483648 to 2147483647)`, `a string in double quotes`, … */
export function describeType(type: WitType): string {
  const k = type.kind;
  if (isIntKind(k)) return `${withArticle(k)} (an integer from ${INT_RANGES[k].min} to ${INT_RANGES[k].max})`;
  switch (type.kind) {
    case 'bool':
      return 'a bool (true or false)';
    case 'f32':
    case 'f64':
      return `${withArticle(type.kind)} (a number such as 1.5, or nan, inf, -inf)`;
    case 'char':
      return "a char in single quotes ('a')";
    case 'string':
      return 'a string in double quotes ("text")';
    case 'list':
      return `a list (${formatType(type)}) in square brackets`;
    case 'tuple':
      return `a tuple of ${type.types.length} (${formatType(type)}) in parentheses`;
    case 'record':
      return `${type.name ? `record ${type.name}` : 'a record'} { ${type.fields.map((f) => `${f.name}: ${formatType(f.type)}`).join(', ')} }`;
    case 'variant':
      return `a case of ${type.name ? `variant ${type.name}` : 'the variant'} (${type.cases.map((c) => (c.type ? `${c.name}(${formatType(c.type)})` : c.name)).join(', ')})`;
    case 'enum':
      return `a case of ${type.name ? `enum ${type.name}` : 'the enum'} (${type.cases.join(', ')})`;
    case 'flags':
      return `a set of flags of ${type.name ?? 'the flags'} ({${type.flags.join(', ')}}) in braces`;
    case 'option':
      return `${withArticle(formatType(type))} (some(…) or none)`;
    case 'result':
      return `${withArticle(formatType(type))} (ok${type.ok ? '(…)' : ''} or err${type.err ? '(…)' : ''})`;
    default:
      return withArticle(formatType(type));
  }
}

const label = (name: string): string => (['true', 'false', 'some', 'none', 'ok', 'err', 'inf', 'nan'].includes(name) ? `%${name}` : name);

/** A WAVE example value of the type: `42`, `{x: 42, y-coord: 1.5}`, `some("text")`, … */
export function exampleValue(type: WitType, depth = 0): string {
  if (depth > 4) return '…';
  const ex = (t: WitType): string => exampleValue(t, depth + 1);
  switch (type.kind) {
    case 'bool':
      return 'true';
    case 's8':
    case 's16':
    case 's32':
    case 's64':
    case 'u8':
    case 'u16':
    case 'u32':
    case 'u64':
      return '42';
    case 'f32':
    case 'f64':
      return '1.5';
    case 'char':
      return "'a'";
    case 'string':
      return '"text"';
    case 'list':
      return `[${ex(type.element)}, ${ex(type.element)}]`;
    case 'tuple':
      return `(${type.types.map(ex).join(', ')})`;
    case 'record':
      return type.fields.length ? `{${type.fields.map((f) => `${f.name}: ${ex(f.type)}`).join(', ')}}` : '{:}';
    case 'variant': {
      const c = type.cases[0]!;
      return c.type ? `${label(c.name)}(${ex(c.type)})` : label(c.name);
    }
    case 'enum':
      return label(type.cases[0]!);
    case 'flags':
      return `{${type.flags.slice(0, 2).join(', ')}}`;
    case 'option':
      return `some(${ex(type.inner)})`;
    case 'result':
      return type.ok ? `ok(${ex(type.ok)})` : 'ok';
    default:
      return `(no text form for ${formatType(type)})`;
  }
}

const PRIMITIVE_VAL_KINDS = new Set<string>(['bool', 's8', 's16', 's32', 's64', 'u8', 'u16', 'u32', 'u64', 'f32', 'f64', 'char', 'string']);

/**
 * Why `val` is not a value of `type`, or undefined when it is. Used to check self-typed (upstream
 * `u32:5`) arguments against the parameter's WIT type.
 */
export function typeMismatch(val: Val, type: WitType, path = ''): string | undefined {
  const at = path ? ` at ${path}` : '';
  if (PRIMITIVE_VAL_KINDS.has(type.kind)) {
    return val.kind === (type.kind as PrimitiveKind) ? undefined : `${withArticle(val.kind)} value${at} where ${withArticle(type.kind)} is expected`;
  }
  switch (type.kind) {
    case 'enum':
      if (val.kind !== 'enum') return `${withArticle(val.kind)} value${at} where an enum is expected`;
      return type.cases.includes(val.case) ? undefined : `'${val.case}'${at} is not a case of ${type.name ?? 'the enum'} (${type.cases.join(', ')})`;
    case 'flags':
      if (val.kind !== 'flags') return `${withArticle(val.kind)} value${at} where flags are expected`;
      for (const f of val.flags) if (!type.flags.includes(f)) return `'${f}'${at} is not a flag of ${type.name ?? 'the flags'} (${type.flags.join(', ')})`;
      return undefined;
    case 'list':
      if (val.kind !== 'list') return `${withArticle(val.kind)} value${at} where a list is expected`;
      for (let i = 0; i < val.items.length; i++) {
        const m = typeMismatch(val.items[i]!, type.element, `${path}[${i}]`);
        if (m) return m;
      }
      return undefined;
    case 'tuple':
      if (val.kind !== 'tuple' || val.items.length !== type.types.length) return `${withArticle(val.kind)} value${at} where a tuple of ${type.types.length} is expected`;
      for (let i = 0; i < val.items.length; i++) {
        const m = typeMismatch(val.items[i]!, type.types[i]!, `${path}.${i}`);
        if (m) return m;
      }
      return undefined;
    case 'record':
      if (val.kind !== 'record' || val.fields.length !== type.fields.length) return `${withArticle(val.kind)} value${at} where record ${type.name ?? ''} is expected`;
      for (let i = 0; i < type.fields.length; i++) {
        const f = type.fields[i]!;
        const v = val.fields[i]!;
        if (v.name !== f.name) return `field '${v.name}'${at} where '${f.name}' is expected`;
        const m = typeMismatch(v.value, f.type, `${path}.${f.name}`);
        if (m) return m;
      }
      return undefined;
    case 'variant': {
      if (val.kind !== 'variant') return `${withArticle(val.kind)} value${at} where a variant is expected`;
      const c = type.cases.find((x) => x.name === val.case);
      if (!c) return `'${val.case}'${at} is not a case of ${type.name ?? 'the variant'}`;
      if (!c.type || !val.payload) return c.type || val.payload ? `case '${val.case}'${at} ${c.type ? 'needs' : 'has no'} a payload` : undefined;
      return typeMismatch(val.payload, c.type, `${path}(${val.case})`);
    }
    case 'option':
      if (val.kind !== 'option') return `${withArticle(val.kind)} value${at} where an option is expected`;
      return val.value ? typeMismatch(val.value, type.inner, `${path}?`) : undefined;
    case 'result': {
      if (val.kind !== 'result') return `${withArticle(val.kind)} value${at} where a result is expected`;
      const t = val.ok ? type.ok : type.err;
      if (!t || !val.value) return t || val.value ? `${val.ok ? 'ok' : 'err'}${at} ${t ? 'needs' : 'has no'} a payload` : undefined;
      return typeMismatch(val.value, t, `${path}.${val.ok ? 'ok' : 'err'}`);
    }
    case 'own':
    case 'borrow':
      return val.kind === 'handle' ? undefined : `${withArticle(val.kind)} value${at} where a ${type.resource.name} handle is expected`;
    default:
      return `values of type ${type.kind}${at} are not supported`;
  }
}
