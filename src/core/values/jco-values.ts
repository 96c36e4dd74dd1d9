/**
 * Vals ⇄ the JS values jco's transpiled bindings take and return (js-component-bindgen,
 * verified by test/values/jco-roundtrip.test.ts against real transpiled components):
 * - bool → boolean; s8…u32, f32, f64 → number; s64/u64 → bigint; char/string → string;
 * - list of a numeric type → the typed array (list<u8> → Uint8Array, list<s64> → BigInt64Array,
 *   list<f32> → Float32Array …); other lists → arrays; tuples → arrays;
 * - records → objects with lowerCamelCase keys; flags → objects of booleans with lowerCamelCase keys;
 * - variants → { tag: 'case-name', val }; enums → the case name (kebab-case) as a string;
 * - option<T> → T or undefined (null accepted), except when T itself can be null (an option of a
 *   non-nullable option), then { tag: 'none' } / { tag: 'some', val };
 * - result → { tag: 'ok' | 'err', val } (jco returns a top-level result's ok value and throws its
 *   err value; the engine reports both as { tag, val }, see CallOutcome.value);
 * - own/borrow → resource class instances, shown as handles (not writable from text).
 */
import { lowerCamel } from '../wit/jco-names.js';
import { formatType, type WitType } from '../wit/model.js';
import { JsValueError } from './errors.js';
import { INT_RANGES, floatVal, intVal, isIntKind, type Val } from './model.js';

const TYPED_ARRAYS = {
  u8: Uint8Array,
  s8: Int8Array,
  u16: Uint16Array,
  s16: Int16Array,
  u32: Uint32Array,
  s32: Int32Array,
  u64: BigUint64Array,
  s64: BigInt64Array,
  f32: Float32Array,
  f64: Float64Array,
} as const;

type TypedKind = keyof typeof TYPED_ARRAYS;

function typedArrayKind(type: WitType): TypedKind | undefined {
  return Object.prototype.hasOwnProperty.call(TYPED_ARRAYS, type.kind) ? (type.kind as TypedKind) : undefined;
}

/** jco represents option<T> with null/undefined unless T can itself be null (js-component-bindgen's maybe_null). */
function nullable(type: WitType): boolean {
  return type.kind === 'option' && !nullable(type.inner);
}

function wrong(what: string, type: WitType): never {
  throw new JsValueError(`cannot convert ${what} to ${formatType(type)}`, {
    hint: 'this is a mismatch between the value and the function signature; check the WIT types of the function',
  });
}

/** The JS value jco's bindings accept for `val` as a `type`. */
export function toJs(val: Val, type: WitType): unknown {
  const k = type.kind;
  if (isIntKind(k) || k === 'f32' || k === 'f64' || k === 'bool' || k === 'char' || k === 'string') {
    if (val.kind !== k) wrong(`a ${val.kind} value`, type);
    return (val as { value: unknown }).value;
  }
  switch (type.kind) {
    case 'list': {
      if (val.kind !== 'list') return wrong(`a ${val.kind} value`, type);
      const items = val.items.map((v) => toJs(v, type.element));
      const typed = typedArrayKind(type.element);
      if (!typed) return items;
      return typed === 'u64' || typed === 's64' ? TYPED_ARRAYS[typed].from(items as bigint[]) : TYPED_ARRAYS[typed].from(items as number[]);
    }
    case 'tuple':
      if (val.kind !== 'tuple' || val.items.length !== type.types.length) return wrong(`a ${val.kind} value`, type);
      return val.items.map((v, i) => toJs(v, type.types[i]!));
    case 'record': {
      if (val.kind !== 'record') return wrong(`a ${val.kind} value`, type);
      const out: Record<string, unknown> = {};
      for (const f of type.fields) {
        const v = val.fields.find((x) => x.name === f.name) ?? wrong(`a record without field '${f.name}'`, type);
        out[lowerCamel(f.name)] = toJs(v.value, f.type);
      }
      return out;
    }
    case 'variant': {
      if (val.kind !== 'variant') return wrong(`a ${val.kind} value`, type);
      const c = type.cases.find((x) => x.name === val.case) ?? wrong(`case '${val.case}'`, type);
      return c.type && val.payload ? { tag: c.name, val: toJs(val.payload, c.type) } : { tag: c.name };
    }
    case 'enum':
      if (val.kind !== 'enum' || !type.cases.includes(val.case)) return wrong(`a ${val.kind} value`, type);
      return val.case;
    case 'flags': {
      if (val.kind !== 'flags') return wrong(`a ${val.kind} value`, type);
      const out: Record<string, boolean> = {};
      for (const f of type.flags) out[lowerCamel(f)] = val.flags.includes(f);
      return out;
    }
    case 'option': {
      if (val.kind !== 'option') return wrong(`a ${val.kind} value`, type);
      if (nullable(type)) return val.value === undefined ? undefined : toJs(val.value, type.inner);
      return val.value === undefined ? { tag: 'none' } : { tag: 'some', val: toJs(val.value, type.inner) };
    }
    case 'result': {
      if (val.kind !== 'result') return wrong(`a ${val.kind} value`, type);
      const payload = val.ok ? type.ok : type.err;
      return { tag: val.ok ? 'ok' : 'err', val: payload && val.value ? toJs(val.value, payload) : undefined };
    }
    case 'own':
    case 'borrow':
      throw new JsValueError(`a ${type.resource.name} resource cannot be passed as an argument from text`, {
        hint: 'resources are created by the component itself; call a function that returns one instead',
      });
    default:
      return wrong('a value', type);
  }
}

/** Numbers handles as they are first seen, so a rendering of one call's result is deterministic. */
export class HandleNumbers {
  private readonly ids = new WeakMap<object, number>();
  private next = 1;
  id(handle: object): number {
    let id = this.ids.get(handle);
    if (id === undefined) {
      id = this.next++;
      this.ids.set(handle, id);
    }
    return id;
  }
}

function describeJs(js: unknown): string {
  if (js === null) return 'null';
  if (Array.isArray(js)) return 'an array';
  if (ArrayBuffer.isView(js)) return `a ${js.constructor.name}`;
  return typeof js === 'object' ? 'an object' : `the ${typeof js} ${String(js)}`;
}

/** The Val for what jco returned as a `type`; a function without a result (no type) returns unit. */
export function fromJs(js: unknown, type: WitType | undefined, handles = new HandleNumbers()): Val {
  if (type === undefined) return { kind: 'unit' };
  return convertFromJs(js, type, handles);
}

function convertFromJs(js: unknown, type: WitType, handles: HandleNumbers): Val {
  const k = type.kind;
  const bad = (): never => wrong(describeJs(js), type);
  if (isIntKind(k)) {
    let n: bigint;
    if (typeof js === 'bigint') n = js;
    else if (typeof js === 'number' && Number.isInteger(js)) n = BigInt(js);
    else return bad();
    if (n < INT_RANGES[k].min || n > INT_RANGES[k].max) return bad();
    return intVal(k, n);
  }
  switch (type.kind) {
    case 'bool':
      return typeof js === 'boolean' ? { kind: 'bool', value: js } : bad();
    case 'f32':
    case 'f64':
      return typeof js === 'number' ? floatVal(type.kind, js) : bad();
    case 'char':
      return typeof js === 'string' && [...js].length === 1 ? { kind: 'char', value: js } : bad();
    case 'string':
      return typeof js === 'string' ? { kind: 'string', value: js } : bad();
    case 'list': {
      if (!Array.isArray(js) && !(ArrayBuffer.isView(js) && !(js instanceof DataView))) return bad();
      const items: Val[] = [];
      for (const x of js as ArrayLike<unknown> & Iterable<unknown>) items.push(convertFromJs(x, type.element, handles));
      return { kind: 'list', items };
    }
    case 'tuple':
      if (!Array.isArray(js) || js.length !== type.types.length) return bad();
      return { kind: 'tuple', items: js.map((x, i) => convertFromJs(x, type.types[i]!, handles)) };
    case 'record': {
      if (typeof js !== 'object' || js === null) return bad();
      const obj = js as Record<string, unknown>;
      return { kind: 'record', fields: type.fields.map((f) => ({ name: f.name, value: convertFromJs(obj[lowerCamel(f.name)], f.type, handles) })) };
    }
    case 'variant': {
      if (typeof js !== 'object' || js === null) return bad();
      const { tag, val } = js as { tag?: unknown; val?: unknown };
      const c = type.cases.find((x) => x.name === tag) ?? bad();
      return c.type ? { kind: 'variant', case: c.name, payload: convertFromJs(val, c.type, handles) } : { kind: 'variant', case: c.name };
    }
    case 'enum':
      return typeof js === 'string' && type.cases.includes(js) ? { kind: 'enum', case: js } : bad();
    case 'flags': {
      if (js === undefined || js === null) return { kind: 'flags', flags: [] };
      if (typeof js !== 'object') return bad();
      const obj = js as Record<string, unknown>;
      return { kind: 'flags', flags: type.flags.filter((f) => Boolean(obj[lowerCamel(f)])) };
    }
    case 'option': {
      if (nullable(type)) return js === undefined || js === null ? { kind: 'option' } : { kind: 'option', value: convertFromJs(js, type.inner, handles) };
      if (typeof js !== 'object' || js === null) return bad();
      const { tag, val } = js as { tag?: unknown; val?: unknown };
      if (tag === 'none') return { kind: 'option' };
      if (tag === 'some') return { kind: 'option', value: convertFromJs(val, type.inner, handles) };
      return bad();
    }
    case 'result': {
      if (typeof js !== 'object' || js === null) return bad();
      const { tag, val } = js as { tag?: unknown; val?: unknown };
      if (tag !== 'ok' && tag !== 'err') return bad();
      const payload = tag === 'ok' ? type.ok : type.err;
      return { kind: 'result', ok: tag === 'ok', ...(payload ? { value: convertFromJs(val, payload, handles) } : {}) };
    }
    case 'own':
    case 'borrow':
      if ((typeof js !== 'object' && typeof js !== 'function') || js === null) return bad();
      return { kind: 'handle', borrow: type.kind === 'borrow', resource: type.resource.name, id: handles.id(js) };
    default:
      return wrong(`a ${type.kind} value (not supported yet)`, type);
  }
}
