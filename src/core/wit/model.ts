/**
 * The resolved WIT type model shared by the component-binary reader and the WIT text parser:
 * every alias and `use` is already followed, so a WitType is the structure itself. Named types
 * (records, variants, enums, flags, resources, and named aliases of composite types) keep the
 * name they were declared with, for messages and WIT printing only; equality is structural.
 */

export type PrimitiveKind =
  | 'bool'
  | 's8'
  | 's16'
  | 's32'
  | 's64'
  | 'u8'
  | 'u16'
  | 'u32'
  | 'u64'
  | 'f32'
  | 'f64'
  | 'char'
  | 'string';

export interface ResourceType {
  /** Mutable only while a reader names a resource that was defined before it was exported. */
  name: string;
  /** Distinguishes two resources with the same name (each resource definition is a fresh type). */
  readonly id: number;
}

export interface Field {
  name: string;
  type: WitType;
}

export interface Case {
  name: string;
  type?: WitType;
}

export type WitType =
  | { kind: PrimitiveKind }
  | { kind: 'list'; element: WitType; length?: number; name?: string }
  | { kind: 'tuple'; types: WitType[]; name?: string }
  | { kind: 'record'; fields: Field[]; name?: string }
  | { kind: 'variant'; cases: Case[]; name?: string }
  | { kind: 'enum'; cases: string[]; name?: string }
  | { kind: 'flags'; flags: string[]; name?: string }
  | { kind: 'option'; inner: WitType; name?: string }
  | { kind: 'result'; ok?: WitType; err?: WitType; name?: string }
  | { kind: 'own' | 'borrow'; resource: ResourceType }
  // Component-model async and later types: readable and printable, not convertible to values.
  | { kind: 'stream' | 'future'; element?: WitType }
  | { kind: 'error-context' }
  | { kind: 'map'; key: WitType; value: WitType };

export type WitTypeKind = WitType['kind'];

export interface Param {
  name: string;
  type: WitType;
}

export type FunctionKind = 'freestanding' | 'constructor' | 'method' | 'static';

export interface WitFunction {
  /** The name as written in WIT/the binary, e.g. `add`, `[method]counter.get`. */
  name: string;
  kind: FunctionKind;
  /** For constructor/method/static: the resource name. */
  resource?: string;
  params: Param[];
  result?: WitType;
  async: boolean;
}

export interface InterfaceId {
  namespace: string;
  package: string;
  name: string;
  version?: string;
}

export interface WitInterface {
  /** Functions by name, in declaration order. */
  functions: Map<string, WitFunction>;
  /** Types the interface defines or re-exports (via `use`), by the name it gives them. */
  types: Map<string, WitType>;
}

export type WorldItem =
  | { kind: 'function'; name: string; func: WitFunction }
  | {
      kind: 'interface';
      /** The import/export name: `ns:pkg/iface@ver` for named interfaces, a plain name otherwise. */
      name: string;
      id?: InterfaceId;
      iface: WitInterface;
    };

export interface World {
  imports: WorldItem[];
  exports: WorldItem[];
}

const prim = <K extends PrimitiveKind>(kind: K): { kind: K } => Object.freeze({ kind });

/** Shared instances of the primitive types (they carry no name, so one object each suffices). */
export const primitives: { readonly [K in PrimitiveKind]: { kind: K } } = {
  bool: prim('bool'),
  s8: prim('s8'),
  s16: prim('s16'),
  s32: prim('s32'),
  s64: prim('s64'),
  u8: prim('u8'),
  u16: prim('u16'),
  u32: prim('u32'),
  u64: prim('u64'),
  f32: prim('f32'),
  f64: prim('f64'),
  char: prim('char'),
  string: prim('string'),
};

export function isPrimitiveKind(kind: string): kind is PrimitiveKind {
  return Object.prototype.hasOwnProperty.call(primitives, kind);
}

/** `ns:pkg/iface@1.2.3` → its parts; undefined for plain names such as `math` or `run`. */
export function parseInterfaceName(name: string): InterfaceId | undefined {
  const m = /^([a-z0-9-]+|%[a-z0-9-]+):([a-z0-9-]+(?::[a-z0-9-]+)*)\/([a-z0-9-]+|%[a-z0-9-]+)(?:@(.+))?$/i.exec(name);
  if (!m) return undefined;
  return { namespace: m[1]!, package: m[2]!, name: m[3]!, ...(m[4] === undefined ? {} : { version: m[4] }) };
}

/** Gives an anonymous type a name (a copy, so other users of the structure keep theirs). */
export function withName(type: WitType, name: string): WitType {
  switch (type.kind) {
    case 'list':
    case 'tuple':
    case 'record':
    case 'variant':
    case 'enum':
    case 'flags':
    case 'option':
    case 'result':
      return type.name === undefined ? { ...type, name } : type;
    default:
      return type;
  }
}

/** The declared name of a named type, if any. */
export function typeName(type: WitType): string | undefined {
  if (type.kind === 'own') return type.resource.name;
  return 'name' in type ? type.name : undefined;
}

/**
 * WIT syntax for a type. Named types print as their name unless `expand` is set, in which case
 * the structure is printed (record { x: s32 }), as messages need when the name alone says little.
 */
export function formatType(type: WitType, expand = false): string {
  const inner = (t: WitType): string => formatType(t, false);
  if (!expand) {
    const name = typeName(type);
    if (name !== undefined && type.kind !== 'own') return name;
  }
  switch (type.kind) {
    case 'list':
      return `list<${inner(type.element)}${type.length === undefined ? '' : `, ${type.length}`}>`;
    case 'tuple':
      return `tuple<${type.types.map(inner).join(', ')}>`;
    case 'record':
      return `record { ${type.fields.map((f) => `${f.name}: ${inner(f.type)}`).join(', ')} }`;
    case 'variant':
      return `variant { ${type.cases.map((c) => (c.type ? `${c.name}(${inner(c.type)})` : c.name)).join(', ')} }`;
    case 'enum':
      return `enum { ${type.cases.join(', ')} }`;
    case 'flags':
      return `flags { ${type.flags.join(', ')} }`;
    case 'option':
      return `option<${inner(type.inner)}>`;
    case 'result':
      if (!type.ok && !type.err) return 'result';
      if (!type.err) return `result<${inner(type.ok!)}>`;
      return `result<${type.ok ? inner(type.ok) : '_'}, ${inner(type.err)}>`;
    case 'own':
      return type.resource.name;
    case 'borrow':
      return `borrow<${type.resource.name}>`;
    case 'stream':
    case 'future':
      return type.element ? `${type.kind}<${inner(type.element)}>` : type.kind;
    case 'map':
      return `map<${inner(type.key)}, ${inner(type.value)}>`;
    default:
      return type.kind;
  }
}

/** `func(a: s32, b: s32) -> s32` */
export function formatFunctionType(func: WitFunction): string {
  const params = func.params.map((p) => `${p.name}: ${formatType(p.type)}`).join(', ');
  return `${func.async ? 'async ' : ''}func(${params})${func.result ? ` -> ${formatType(func.result)}` : ''}`;
}

/** Splits `[method]counter.get` style names into kind, resource and the method's own name. */
export function classifyFunctionName(name: string): { kind: FunctionKind; resource?: string; method: string } {
  const m = /^\[(constructor|method|static)\]([^.]+)(?:\.(.+))?$/.exec(name);
  if (!m) return { kind: 'freestanding', method: name };
  const kind = m[1] as FunctionKind;
  return { kind, resource: m[2]!, method: m[3] ?? m[2]! };
}
