/**
 * Reads a component's world (imports, exports, and every function's WIT type) straight from the
 * component binary. jco's `componentWit()` prints only the root world (`import wasi:io/error@…;`)
 * without the interfaces' contents, so it cannot tell which functions an exported interface has;
 * this reader evaluates the component's type-level structure instead: type, import, export, alias,
 * instance and canon sections, instantiating nested components (wit-component's shims, compositions)
 * with their arguments. Core modules are skipped by size, so a 12 MB component costs microseconds.
 *
 * Encoding: component-model Binary.md (layer 1, version 0x0d), as wasmparser reads it.
 */
import { Cursor, WasmFormatError } from '../wasm/cursor.js';
import { COMPONENT_LAYER, COMPONENT_VERSION, HEADER_BYTES, wasmHeader } from '../wasm/header.js';
import { skipImportType, skipValType } from '../wasm/module.js';
import { ComponentFormatError } from './errors.js';
import {
  classifyFunctionName,
  parseInterfaceName,
  primitives,
  withName,
  type Case,
  type Field,
  type Param,
  type ResourceType,
  type WitFunction,
  type WitInterface,
  type WitType,
  type World,
  type WorldItem,
} from './model.js';

interface FuncSig {
  params: Param[];
  result?: WitType;
  async: boolean;
}

type Exports = Map<string, Extern>;

type TypeDef =
  | { sort: 'value'; type: WitType }
  | { sort: 'func'; sig: FuncSig }
  | { sort: 'instance'; exports: Exports }
  | { sort: 'component'; component: ComponentDef }
  | { sort: 'resource'; resource: ResourceType };

type Extern =
  | { sort: 'func'; sig: FuncSig }
  | { sort: 'instance'; exports: Exports }
  | { sort: 'type'; def: TypeDef }
  | { sort: 'component'; component: ComponentDef }
  | { sort: 'module' }
  | { sort: 'value' };

/** A nested component is evaluated when instantiated, in the scope it was defined in. */
type ComponentDef =
  | { kind: 'defined'; start: number; end: number; parent: Scope }
  | { kind: 'typed'; exports: Exports };

type Sort = 'func' | 'value' | 'type' | 'component' | 'instance' | 'core';

class Scope {
  readonly types: TypeDef[] = [];
  readonly funcs: FuncSig[] = [];
  readonly instances: Exports[] = [];
  readonly components: ComponentDef[] = [];
  constructor(
    readonly parent: Scope | undefined,
    readonly state: ReadState,
  ) {}
}

const PRIMITIVE_CODES: Record<number, WitType> = {
  0x7f: primitives.bool,
  0x7e: primitives.s8,
  0x7d: primitives.u8,
  0x7c: primitives.s16,
  0x7b: primitives.u16,
  0x7a: primitives.s32,
  0x79: primitives.u32,
  0x78: primitives.s64,
  0x77: primitives.u64,
  0x76: primitives.f32,
  0x75: primitives.f64,
  0x74: primitives.char,
  0x73: primitives.string,
  0x64: { kind: 'error-context' },
};

const SORTS: Record<number, Sort> = { 0x01: 'func', 0x02: 'value', 0x03: 'type', 0x04: 'component', 0x05: 'instance' };

/** Work budget: a hostile binary could instantiate nested components exponentially often. */
const MAX_STEPS = 1_000_000;

/** State of one read, shared by every scope: the work done so far and the next resource identity. */
class ReadState {
  private steps = 0;
  private nextResourceId = 1;

  step(c: Cursor): void {
    if (++this.steps > MAX_STEPS) c.fail('too many nested instantiations to read its types');
  }

  freshResource(name: string): ResourceType {
    return { name, id: this.nextResourceId++ };
  }
}

const HINT = 'check that the file is a complete WebAssembly component (wasm-tools validate <file>)';

/**
 * The world of a component: its imports and exports with resolved WIT types. Throws
 * ComponentFormatError for core modules, truncated binaries and encodings it does not know.
 */
export function readComponentWorld(bytes: Uint8Array): World {
  const header = wasmHeader(bytes);
  if (!header) {
    throw new ComponentFormatError('not a WebAssembly binary (missing the \\0asm header)', 0, 'pass a .wasm component file');
  }
  if (header.layer === 0) {
    throw new ComponentFormatError(
      'this is a core WebAssembly module, not a component',
      6,
      'turn it into a component first (run-action does this for `language = "wat"`/C builds; by hand: jco new <module>.wasm --wasi-command -o <component>.wasm)',
    );
  }
  try {
    const { imports, exports } = evalComponent(new Cursor(bytes), new Scope(undefined, new ReadState()), undefined);
    return { imports: toWorldItems(imports), exports: toWorldItems(exports) };
  } catch (err) {
    if (err instanceof WasmFormatError) throw new ComponentFormatError(`invalid component binary: ${err.reason}`, err.offset, HINT);
    throw err;
  }
}

/** Evaluates the component `c` covers (header included) into `scope`, its own index spaces. */
function evalComponent(
  c: Cursor,
  scope: Scope,
  args: Map<string, Extern> | undefined,
): { imports: Array<[string, Extern]>; exports: Array<[string, Extern]> } {
  const start = c.pos;
  const header = wasmHeader(c.bytes.subarray(start, c.end));
  if (header?.version !== COMPONENT_VERSION || header.layer !== COMPONENT_LAYER) {
    const found = Array.from(c.bytes.subarray(start + 4, Math.min(start + HEADER_BYTES, c.end)), (x) => x.toString(16).padStart(2, '0')).join(' ');
    c.fail(`unsupported component binary version ${found} (this reader knows 0d 00 01 00)`, start + 4);
  }
  c.skip(HEADER_BYTES);
  const imports: Array<[string, Extern]> = [];
  const exports: Array<[string, Extern]> = [];
  while (!c.done) {
    const at = c.pos;
    const id = c.u8();
    const s = c.sub(c.u32());
    scope.state.step(s);
    switch (id) {
      case 0: // custom
      case 1: // core module
      case 2: // core instances
      case 3: // core types
      case 9: // start
      case 12: // values
        s.pos = s.end;
        break;
      case 4:
        scope.components.push({ kind: 'defined', start: s.pos, end: s.end, parent: scope });
        s.pos = s.end;
        break;
      case 5:
        readInstances(s, scope);
        break;
      case 6:
        forEach(s, () => readAlias(s, scope));
        break;
      case 7:
        forEach(s, () => scope.types.push(readTypeDef(s, scope)));
        break;
      case 8:
        forEach(s, () => readCanon(s, scope));
        break;
      case 10:
        forEach(s, () => {
          const name = readExternName(s);
          const desc = readExternDesc(s, scope, name);
          const ext = args?.get(name) ?? desc;
          push(scope, ext);
          imports.push([name, ext]);
        });
        break;
      case 11:
        forEach(s, () => {
          const name = readExternName(s);
          const actual = lookup(s, scope, readSort(s), s.u32());
          // An ascribed type (wit-component adds them to interface functions) carries the names.
          const ascribed = readOptional(s) ? readExternDesc(s, scope, name) : undefined;
          const ext = named(ascribed ?? actual, name);
          push(scope, ext);
          exports.push([name, ext]);
        });
        break;
      default:
        c.fail(`unknown section id ${id}`, at);
    }
    if (!s.done) s.fail(`section ${id} has ${s.end - s.pos} unread bytes`);
  }
  return { imports, exports };
}

function forEach(c: Cursor, body: () => void): void {
  const count = c.u32();
  for (let i = 0; i < count; i++) body();
}

function readOptional(c: Cursor): boolean {
  const b = c.u8();
  if (b > 1) c.fail(`expected 0x00 or 0x01, found 0x${b.toString(16)}`, c.pos - 1);
  return b === 1;
}

function readSort(c: Cursor): Sort {
  const b = c.u8();
  if (b === 0x00) {
    c.u8(); // core sort: modules, core funcs, memories … are not part of the world
    return 'core';
  }
  return SORTS[b] ?? c.fail(`unknown sort 0x${b.toString(16)}`, c.pos - 1);
}

function readExternName(c: Cursor): string {
  const kind = c.u8();
  if (kind > 2) c.fail(`unknown extern name encoding 0x${kind.toString(16)}`, c.pos - 1);
  const name = c.strictName();
  if (kind === 2) {
    forEach(c, () => {
      const attr = c.u8();
      if (attr > 2) c.fail(`unknown name attribute 0x${attr.toString(16)}`, c.pos - 1);
      c.strictName();
    });
  }
  return name;
}

function ancestor(c: Cursor, scope: Scope, count: number): Scope {
  let s: Scope | undefined = scope;
  for (let i = 0; i < count && s; i++) s = s.parent;
  return s ?? c.fail(`outer alias count ${count} leaves the outermost component`);
}

function lookup(c: Cursor, scope: Scope, sort: Sort, index: number): Extern {
  const missing = (): never => c.fail(`${sort} index ${index} is out of range`);
  switch (sort) {
    case 'func':
      return { sort, sig: scope.funcs[index] ?? missing() };
    case 'instance':
      return { sort, exports: scope.instances[index] ?? missing() };
    case 'type':
      return { sort, def: scope.types[index] ?? missing() };
    case 'component':
      return { sort, component: scope.components[index] ?? missing() };
    case 'value':
      return { sort: 'value' };
    case 'core':
      return { sort: 'module' };
  }
}

function push(scope: Scope, ext: Extern): void {
  switch (ext.sort) {
    case 'func':
      scope.funcs.push(ext.sig);
      break;
    case 'instance':
      scope.instances.push(ext.exports);
      break;
    case 'type':
      scope.types.push(ext.def);
      break;
    case 'component':
      scope.components.push(ext.component);
      break;
    default:
      break; // core modules and values are never referenced by what we read
  }
}

/** Exporting a type gives an anonymous structure (or a fresh resource) the export's name. */
function named(ext: Extern, name: string): Extern {
  if (ext.sort !== 'type') return ext;
  const def = ext.def;
  if (def.sort === 'value') return { sort: 'type', def: { sort: 'value', type: withName(def.type, name) } };
  if (def.sort === 'resource' && def.resource.name === '') def.resource.name = name;
  return ext;
}

function readExternDesc(c: Cursor, scope: Scope, name: string): Extern {
  const kind = c.u8();
  switch (kind) {
    case 0x00:
      if (c.u8() !== 0x11) c.fail('expected a core module type', c.pos - 1);
      c.u32();
      return { sort: 'module' };
    case 0x01: {
      const def = typeAt(c, scope, c.u32());
      if (def.sort !== 'func') c.fail(`import/export '${name}' declares a func with a non-function type`);
      return { sort: 'func', sig: def.sig };
    }
    case 0x02:
      if (c.u8() === 0x00) c.u32();
      else readValType(c, scope);
      return { sort: 'value' };
    case 0x03: {
      const bound = c.u8();
      if (bound === 0x00) return named({ sort: 'type', def: typeAt(c, scope, c.u32()) }, name);
      if (bound === 0x01) return { sort: 'type', def: { sort: 'resource', resource: scope.state.freshResource(name) } };
      return c.fail(`unknown type bound 0x${bound.toString(16)}`, c.pos - 1);
    }
    case 0x04: {
      const def = typeAt(c, scope, c.u32());
      if (def.sort !== 'component') c.fail(`'${name}' declares a component with a non-component type`);
      return { sort: 'component', component: def.component };
    }
    case 0x05: {
      const def = typeAt(c, scope, c.u32());
      if (def.sort !== 'instance') c.fail(`'${name}' declares an instance with a non-instance type`);
      return { sort: 'instance', exports: def.exports };
    }
    default:
      return c.fail(`unknown extern kind 0x${kind.toString(16)}`, c.pos - 1);
  }
}

function typeAt(c: Cursor, scope: Scope, index: number): TypeDef {
  return scope.types[index] ?? c.fail(`type index ${index} is out of range`);
}

function readInstances(c: Cursor, scope: Scope): void {
  forEach(c, () => {
    const kind = c.u8();
    if (kind === 0x00) {
      const component = scope.components[c.u32()] ?? c.fail('component index out of range');
      const args = new Map<string, Extern>();
      forEach(c, () => {
        const name = c.strictName();
        args.set(name, lookup(c, scope, readSort(c), c.u32()));
      });
      scope.instances.push(instantiate(c, component, args));
    } else if (kind === 0x01) {
      const exports: Exports = new Map();
      forEach(c, () => {
        const name = readExternName(c);
        exports.set(name, named(lookup(c, scope, readSort(c), c.u32()), name));
      });
      scope.instances.push(exports);
    } else {
      c.fail(`unknown instance kind 0x${kind.toString(16)}`, c.pos - 1);
    }
  });
}

function instantiate(c: Cursor, component: ComponentDef, args: Map<string, Extern>): Exports {
  if (component.kind === 'typed') return component.exports;
  const { parent } = component;
  const body = new Cursor(c.bytes, c.base, component.start, component.end, c.file);
  const { exports } = evalComponent(body, new Scope(parent, parent.state), args);
  return new Map(exports);
}

function readAlias(c: Cursor, scope: Scope): void {
  const sort = readSort(c);
  const target = c.u8();
  if (target === 0x00) {
    const instance = scope.instances[c.u32()] ?? c.fail('instance index out of range');
    const name = c.strictName();
    const ext = instance.get(name) ?? c.fail(`instance has no export named '${name}'`);
    if (ext.sort !== sort && !(sort === 'core' && ext.sort === 'module')) c.fail(`alias of '${name}' expects a ${sort}, found a ${ext.sort}`);
    push(scope, ext);
  } else if (target === 0x01) {
    c.u32();
    c.strictName(); // core instance export: core items are not part of the world
  } else if (target === 0x02) {
    const count = c.u32();
    const index = c.u32();
    if (sort !== 'core') push(scope, lookup(c, ancestor(c, scope, count), sort, index));
  } else {
    c.fail(`unknown alias target 0x${target.toString(16)}`, c.pos - 1);
  }
}

function readCanonOpts(c: Cursor): void {
  forEach(c, () => {
    const opt = c.u8();
    if (opt >= 0x03 && opt <= 0x08 && opt !== 0x06) c.u32();
    else if (opt > 0x09) c.fail(`unknown canonical option 0x${opt.toString(16)}`, c.pos - 1);
  });
}

/** Operand shapes of the canonical built-ins that produce core functions (all but `lift`). */
const CANON_OPERANDS: Record<number, ReadonlyArray<'u32' | 'opts' | 'byte' | 'resultlist'>> = {
  0x02: ['u32'], 0x03: ['u32'], 0x04: ['u32'], 0x05: [], 0x06: ['byte'], 0x09: ['resultlist', 'opts'],
  0x0a: ['byte', 'u32'], 0x0b: ['byte', 'u32'], 0x0c: ['byte'], 0x0d: [], 0x0e: ['u32'], 0x0f: ['u32', 'opts'],
  0x10: ['u32', 'opts'], 0x11: ['u32', 'byte'], 0x12: ['u32', 'byte'], 0x13: ['u32'], 0x14: ['u32'], 0x15: ['u32'],
  0x16: ['u32', 'opts'], 0x17: ['u32', 'opts'], 0x18: ['u32', 'byte'], 0x19: ['u32', 'byte'], 0x1a: ['u32'],
  0x1b: ['u32'], 0x1c: ['opts'], 0x1d: ['opts'], 0x1e: [], 0x1f: [], 0x20: ['byte', 'u32'], 0x21: ['byte', 'u32'],
  0x22: [], 0x23: [], 0x24: [], 0x25: [], 0x26: [], 0x27: ['u32', 'u32'], 0x28: [], 0x29: ['byte'], 0x2a: ['byte'],
  0x2b: ['byte'], 0x2c: ['byte'], 0x2d: ['byte'], 0x40: ['u32'], 0x41: ['u32', 'u32'], 0x42: [],
};

function readCanon(c: Cursor, scope: Scope): void {
  const op = c.u8();
  if (op === 0x00) {
    if (c.u8() !== 0x00) c.fail('canon lift expects a core func', c.pos - 1);
    c.u32();
    readCanonOpts(c);
    const def = typeAt(c, scope, c.u32());
    if (def.sort !== 'func') c.fail('canon lift refers to a non-function type');
    scope.funcs.push(def.sig);
    return;
  }
  if (op === 0x01) {
    if (c.u8() !== 0x00) c.fail('canon lower expects a func', c.pos - 1);
    c.u32();
    readCanonOpts(c);
    return;
  }
  const operands = CANON_OPERANDS[op] ?? c.fail(`unknown canonical function 0x${op.toString(16)}`, c.pos - 1);
  for (const operand of operands) {
    if (operand === 'u32') c.u32();
    else if (operand === 'byte') c.u8();
    else if (operand === 'opts') readCanonOpts(c);
    else readResult(c, scope);
  }
}

function readValType(c: Cursor, scope: Scope): WitType {
  const prim = PRIMITIVE_CODES[c.peek()];
  if (prim) {
    c.pos++;
    return prim;
  }
  const index = c.sleb(5);
  if (index < 0) c.fail('unknown value type', c.pos - 1);
  const def = typeAt(c, scope, index);
  if (def.sort !== 'value') c.fail(`type index ${index} is a ${def.sort} type, not a value type`);
  return def.type;
}

function readOptionalValType(c: Cursor, scope: Scope): WitType | undefined {
  return readOptional(c) ? readValType(c, scope) : undefined;
}

function resourceAt(c: Cursor, scope: Scope, index: number): ResourceType {
  const def = typeAt(c, scope, index);
  if (def.sort !== 'resource') c.fail(`handle refers to type index ${index}, which is not a resource`);
  return def.resource;
}

function readResult(c: Cursor, scope: Scope): WitType | undefined {
  const kind = c.u8();
  if (kind === 0x00) return readValType(c, scope);
  if (kind === 0x01 && c.u8() === 0x00) return undefined;
  return c.fail('functions with several named results are not supported by the component model any more', c.pos - 1);
}

function readTypeDef(c: Cursor, scope: Scope): TypeDef {
  scope.state.step(c);
  const op = c.u8();
  const value = (type: WitType): TypeDef => ({ sort: 'value', type });
  const prim = PRIMITIVE_CODES[op];
  if (prim) return value(prim);
  switch (op) {
    case 0x72: {
      const fields: Field[] = [];
      forEach(c, () => fields.push({ name: c.strictName(), type: readValType(c, scope) }));
      return value({ kind: 'record', fields });
    }
    case 0x71: {
      const cases: Case[] = [];
      forEach(c, () => {
        const name = c.strictName();
        const type = readOptionalValType(c, scope);
        if (readOptional(c)) c.u32(); // pre-2023 `refines` index
        cases.push(type ? { name, type } : { name });
      });
      return value({ kind: 'variant', cases });
    }
    case 0x70:
      return value({ kind: 'list', element: readValType(c, scope) });
    case 0x67: {
      const element = readValType(c, scope);
      return value({ kind: 'list', element, length: c.u32() });
    }
    case 0x6f: {
      const types: WitType[] = [];
      forEach(c, () => types.push(readValType(c, scope)));
      return value({ kind: 'tuple', types });
    }
    case 0x6e:
    case 0x6d: {
      const labels: string[] = [];
      forEach(c, () => labels.push(c.strictName()));
      return value(op === 0x6e ? { kind: 'flags', flags: labels } : { kind: 'enum', cases: labels });
    }
    case 0x6b:
      return value({ kind: 'option', inner: readValType(c, scope) });
    case 0x6a: {
      const ok = readOptionalValType(c, scope);
      const err = readOptionalValType(c, scope);
      return value({ kind: 'result', ...(ok ? { ok } : {}), ...(err ? { err } : {}) });
    }
    case 0x69:
    case 0x68:
      return value({ kind: op === 0x69 ? 'own' : 'borrow', resource: resourceAt(c, scope, c.u32()) });
    case 0x66:
    case 0x65: {
      const element = readOptionalValType(c, scope);
      return value({ kind: op === 0x66 ? 'stream' : 'future', ...(element ? { element } : {}) });
    }
    case 0x63: {
      const key = readValType(c, scope);
      return value({ kind: 'map', key, value: readValType(c, scope) });
    }
    case 0x40:
    case 0x43: {
      const params: Param[] = [];
      forEach(c, () => params.push({ name: c.strictName(), type: readValType(c, scope) }));
      const result = readResult(c, scope);
      return { sort: 'func', sig: { params, ...(result ? { result } : {}), async: op === 0x43 } };
    }
    case 0x41:
    case 0x42:
      return readTypeDecls(c, scope, op === 0x41);
    case 0x3f: {
      c.u8(); // representation (i32)
      if (readOptional(c)) c.u32(); // destructor
      return { sort: 'resource', resource: scope.state.freshResource('') };
    }
    default:
      return c.fail(`unknown type constructor 0x${op.toString(16)}`, c.pos - 1);
  }
}

/** An instance type (exports only) or a component type (imports too), each with its own index spaces. */
function readTypeDecls(c: Cursor, outer: Scope, isComponent: boolean): TypeDef {
  const scope = new Scope(outer, outer.state);
  const exports: Exports = new Map();
  forEach(c, () => {
    const kind = c.u8();
    switch (kind) {
      case 0x00:
        skipCoreType(c);
        break;
      case 0x01:
        scope.types.push(readTypeDef(c, scope));
        break;
      case 0x02:
        readAlias(c, scope);
        break;
      case 0x03:
      case 0x04: {
        if (kind === 0x03 && !isComponent) c.fail('an instance type cannot declare imports', c.pos - 1);
        const name = readExternName(c);
        const ext = readExternDesc(c, scope, name);
        push(scope, ext);
        if (kind === 0x04) exports.set(name, ext);
        break;
      }
      default:
        c.fail(`unknown type declaration 0x${kind.toString(16)}`, c.pos - 1);
    }
  });
  return isComponent ? { sort: 'component', component: { kind: 'typed', exports } } : { sort: 'instance', exports };
}

/** Core module types only appear in component types that import core modules; skipped structurally. */
function skipCoreType(c: Cursor): void {
  if (c.peek() !== 0x50) return skipCoreFuncType(c);
  c.pos++;
  forEach(c, () => {
    const decl = c.u8();
    if (decl === 0x00) {
      c.strictName();
      c.strictName();
      skipImportType(c, c.u8());
    } else if (decl === 0x01) {
      skipCoreFuncType(c);
    } else if (decl === 0x02) {
      c.u8();
      c.u8();
      c.u32();
      c.u32();
    } else if (decl === 0x03) {
      c.strictName();
      skipImportType(c, c.u8());
    } else {
      c.fail(`unknown core module type declaration 0x${decl.toString(16)}`, c.pos - 1);
    }
  });
}

function skipCoreFuncType(c: Cursor): void {
  if (c.u8() !== 0x60) c.fail('core GC types in component types are not supported', c.pos - 1);
  for (let i = 0; i < 2; i++) forEach(c, () => skipValType(c));
}

function toFunction(name: string, sig: FuncSig): WitFunction {
  const { kind, resource } = classifyFunctionName(name);
  return {
    name,
    kind,
    ...(resource === undefined ? {} : { resource }),
    params: sig.params,
    ...(sig.result ? { result: sig.result } : {}),
    async: sig.async,
  };
}

function toWorldItems(entries: Array<[string, Extern]>): WorldItem[] {
  const items: WorldItem[] = [];
  for (const [name, ext] of entries) {
    if (ext.sort === 'func') {
      items.push({ kind: 'function', name, func: toFunction(name, ext.sig) });
    } else if (ext.sort === 'instance') {
      const iface: WitInterface = { functions: new Map(), types: new Map() };
      for (const [member, m] of ext.exports) {
        if (m.sort === 'func') iface.functions.set(member, toFunction(member, m.sig));
        else if (m.sort === 'type' && m.def.sort === 'value') iface.types.set(member, m.def.type);
        else if (m.sort === 'type' && m.def.sort === 'resource') iface.types.set(member, { kind: 'own', resource: m.def.resource });
      }
      const id = parseInterfaceName(name);
      items.push({ kind: 'interface', name, ...(id ? { id } : {}), iface });
    }
  }
  return items;
}
