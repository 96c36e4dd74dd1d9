/**
 * Typed component values. A Val carries its own WIT kind (s32 42 and u32 42 are different values,
 * as upstream's strict comparison requires); composite values keep labels (record field names,
 * variant/enum cases, flag names) so they can be printed without their WIT type.
 */
export type SmallIntKind = 's8' | 's16' | 's32' | 'u8' | 'u16' | 'u32';
export type BigIntKind = 's64' | 'u64';
export type FloatKind = 'f32' | 'f64';

export type Val =
  | { kind: 'bool'; value: boolean }
  | { kind: SmallIntKind; value: number }
  | { kind: BigIntKind; value: bigint }
  | { kind: FloatKind; value: number }
  | { kind: 'char'; value: string } // one Unicode scalar value
  | { kind: 'string'; value: string }
  | { kind: 'list'; items: Val[] }
  | { kind: 'record'; fields: Array<{ name: string; value: Val }> } // WIT field order
  | { kind: 'tuple'; items: Val[] }
  | { kind: 'variant'; case: string; payload?: Val }
  | { kind: 'enum'; case: string }
  | { kind: 'flags'; flags: string[] } // WIT declaration order
  | { kind: 'option'; value?: Val } // no value = none
  | { kind: 'result'; ok: boolean; value?: Val }
  /** A resource handle a call returned; display only (it cannot be written as text). */
  | { kind: 'handle'; borrow: boolean; resource: string; id: number }
  /** Upstream's `unit` / `()`: what a function without a result returns. */
  | { kind: 'unit' };

export type ValKind = Val['kind'];

/** Integer ranges per kind, for range checks in every parser. */
export const INT_RANGES: Record<SmallIntKind | BigIntKind, { min: bigint; max: bigint }> = {
  s8: { min: -128n, max: 127n },
  s16: { min: -32768n, max: 32767n },
  s32: { min: -2147483648n, max: 2147483647n },
  s64: { min: -9223372036854775808n, max: 9223372036854775807n },
  u8: { min: 0n, max: 255n },
  u16: { min: 0n, max: 65535n },
  u32: { min: 0n, max: 4294967295n },
  u64: { min: 0n, max: 18446744073709551615n },
};

export function isIntKind(kind: string): kind is SmallIntKind | BigIntKind {
  return Object.prototype.hasOwnProperty.call(INT_RANGES, kind);
}

/** Builds an integer Val of `kind` from an in-range bigint. */
export function intVal(kind: SmallIntKind | BigIntKind, value: bigint): Val {
  return kind === 's64' || kind === 'u64' ? { kind, value } : { kind, value: Number(value) };
}

/** Builds a float Val, rounding to single precision for f32. */
export function floatVal(kind: FloatKind, value: number): Val {
  return { kind, value: kind === 'f32' ? Math.fround(value) : value };
}

/**
 * Strict structural equality: same kinds all the way down and equal values. Floats compare with
 * IEEE `==` (so 0 equals -0) except that NaN equals NaN: a test expecting `nan` must be able to pass.
 * Handles are equal when they are the same handle.
 */
export function valEquals(a: Val, b: Val): boolean {
  if (a.kind !== b.kind) return false;
  switch (a.kind) {
    case 'f32':
    case 'f64': {
      const y = (b as typeof a).value;
      return a.value === y || (Number.isNaN(a.value) && Number.isNaN(y));
    }
    case 'bool':
    case 's8':
    case 's16':
    case 's32':
    case 'u8':
    case 'u16':
    case 'u32':
    case 's64':
    case 'u64':
    case 'char':
    case 'string':
      return a.value === (b as typeof a).value;
    case 'list':
    case 'tuple': {
      const y = (b as typeof a).items;
      return a.items.length === y.length && a.items.every((v, i) => valEquals(v, y[i]!));
    }
    case 'record': {
      const y = (b as typeof a).fields;
      return a.fields.length === y.length && a.fields.every((f, i) => f.name === y[i]!.name && valEquals(f.value, y[i]!.value));
    }
    case 'variant': {
      const y = b as typeof a;
      return a.case === y.case && optionalEquals(a.payload, y.payload);
    }
    case 'enum':
      return a.case === (b as typeof a).case;
    case 'flags': {
      const y = (b as typeof a).flags;
      return a.flags.length === y.length && a.flags.every((f) => y.includes(f));
    }
    case 'option':
      return optionalEquals(a.value, (b as typeof a).value);
    case 'result': {
      const y = b as typeof a;
      return a.ok === y.ok && optionalEquals(a.value, y.value);
    }
    case 'handle': {
      const y = b as typeof a;
      return a.id === y.id && a.resource === y.resource && a.borrow === y.borrow;
    }
    case 'unit':
      return true;
  }
}

function optionalEquals(a: Val | undefined, b: Val | undefined): boolean {
  return a === undefined || b === undefined ? a === b : valEquals(a, b);
}
