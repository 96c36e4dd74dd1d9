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
  constructor(readonly parent: Scope | undefined) {}
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

const decoder = new TextDecoder('utf-8', { fatal: true });

class Reader {
  pos: number;
  steps = 0;
  private nextResourceId = 1;
  constructor(
    readonly bytes: Uint8Array,
    start = 0,
  ) {
    this.pos = start;
  }

  fail(message: string, at = this.pos): never {
    throw new ComponentFormatError(`invalid component binary: ${message}`, at, 'check that the file is a complete WebAssembly component (wasm-tools validate <file>)');
  }

  step(): void {
    if (++this.steps > MAX_STEPS) this.fail('too many nested instantiations to read its types');
  }

  u8(end: number): number {
    if (this.pos >= end) this.fail('unexpected end of section');
    return this.bytes[this.pos++]!;
  }

  peek(end: number): number {
    if (this.pos >= end) this.fail('unexpected end of section');
    return this.bytes[this.pos]!;
  }

  u32(end: number): number {
    let result = 0;
    let shift = 0;
    for (;;) {
      const b = this.u8(end);
      if (shift === 28 && b > 0x0f) this.fail('integer too large');
      result += (b & 0x7f) * 2 ** shift;
      if ((b & 0x80) === 0) return result;
      shift += 7;
    }
  }

  /** Skips an unsigned LEB128 of up to 64 bits (memory and table limits). */
  skipLeb(end: number): void {
    for (let i = 0; i < 10; i++) if ((this.u8(end) & 0x80) === 0) return;
    this.fail('integer too large');
  }

  s33(end: number): number {
    let result = 0;
    let shift = 0;
    let b: number;
    do {
      b = this.u8(end);
      if (shift > 28) this.fail('integer too large');
      result += (b & 0x7f) * 2 ** shift;
      shift += 7;
    } while (b & 0x80);
    if (b & 0x40) result -= 2 ** shift;
    return result;
  }

  name(end: number): string {
    const len = this.u32(end);
    if (this.pos + len > end) this.fail('name extends past end of section');
    const start = this.pos;
    this.pos += len;
    try {
      return decoder.decode(this.bytes.subarray(start, start + len));
    } catch {
      return this.fail('name is not valid UTF-8', start);
    }
  }

  freshResource(name: string): ResourceType {
    return { name, id: this.nextResourceId++ };
  }
}

/**
 * The world of a component: its imports and exports with resolved WIT types. Throws
 * ComponentFormatError for core modules, truncated binaries and encodings it does not know.
 */
export function readComponentWorld(bytes: Uint8Array): World {
  if (bytes.length < 8 || bytes[0] !== 0x00 || bytes[1] !== 0x61 || bytes[2] !== 0x73 || bytes[3] !== 0x6d) {
    throw new ComponentFormatError('not a WebAssembly binary (missing the \\0asm header)', 0, 'pass a .wasm component file');
  }
  if (bytes[6] === 0x00 && bytes[7] === 0x00) {
    throw new ComponentFormatError(
      'this is a core WebAssembly module, not a component',
      6,
      'turn it into a component first (run-action does this for `language = "wat"`/C builds; by hand: jco new <module>.wasm --wasi-command -o <component>.wasm)',
    );
  }
  const r = new Reader(bytes);
  const { imports, exports } = evalComponent(r, 0, bytes.length, undefined, undefined);
  return { imports: toWorldItems(imports), exports: toWorldItems(exports) };
}

function evalComponent(
  r: Reader,
  start: number,
  end: number,
  parent: Scope | undefined,
  args: Map<string, Extern> | undefined,
): { imports: Array<[string, Extern]>; exports: Array<[string, Extern]> } {
  r.pos = start;
  const b = r.bytes;
  if (end - start < 8 || b[start + 4] !== 0x0d || b[start + 5] !== 0x00 || b[start + 6] !== 0x01 || b[start + 7] !== 0x00) {
    r.fail(`unsupported component binary version ${Array.from(b.subarray(start + 4, start + 8), (x) => x.toString(16).padStart(2, '0')).join(' ')} (this reader knows 0d 00 01 00)`, start + 4);
  }
  r.pos = start + 8;
  const scope = new Scope(parent);
  const imports: Array<[string, Extern]> = [];
  const exports: Array<[string, Extern]> = [];
  while (r.pos < end) {
    const id = r.u8(end);
    const size = r.u32(end);
    const sectionEnd = r.pos + size;
    if (sectionEnd > end) r.fail(`section ${id} extends past the end of the component`);
    r.step();
    switch (id) {
      case 0: // custom
      case 1: // core module
      case 2: // core instances
      case 3: // core types
      case 9: // start
      case 12: // values
        r.pos = sectionEnd;
        break;
      case 4:
        scope.components.push({ kind: 'defined', start: r.pos, end: sectionEnd, parent: scope });
        r.pos = sectionEnd;
        break;
      case 5:
        readInstances(r, sectionEnd, scope);
        break;
      case 6:
        forEach(r, sectionEnd, () => readAlias(r, sectionEnd, scope));
        break;
      case 7:
        forEach(r, sectionEnd, () => scope.types.push(readTypeDef(r, sectionEnd, scope)));
        break;
      case 8:
        forEach(r, sectionEnd, () => readCanon(r, sectionEnd, scope));
        break;
      case 10:
        forEach(r, sectionEnd, () => {
          const name = readExternName(r, sectionEnd);
          const desc = readExternDesc(r, sectionEnd, scope, name);
          const ext = args?.get(name) ?? desc;
          push(scope, ext);
          imports.push([name, ext]);
        });
        break;
      case 11:
        forEach(r, sectionEnd, () => {
          const name = readExternName(r, sectionEnd);
          const actual = lookup(r, scope, readSort(r, sectionEnd), r.u32(sectionEnd));
          // An ascribed type (wit-component adds them to interface functions) carries the names.
          const ascribed = readOptional(r, sectionEnd) ? readExternDesc(r, sectionEnd, scope, name) : undefined;
          const ext = named(ascribed ?? actual, name);
          push(scope, ext);
          exports.push([name, ext]);
        });
        break;
      default:
        r.fail(`unknown section id ${id}`, r.pos - 1);
    }
    if (r.pos !== sectionEnd) r.fail(`section ${id} has ${sectionEnd - r.pos} unread bytes`);
  }
  return { imports, exports };
}

function forEach(r: Reader, end: number, body: () => void): void {
  const count = r.u32(end);
  for (let i = 0; i < count; i++) body();
}

function readOptional(r: Reader, end: number): boolean {
  const b = r.u8(end);
  if (b > 1) r.fail(`expected 0x00 or 0x01, found 0x${b.toString(16)}`, r.pos - 1);
  return b === 1;
}

function readSort(r: Reader, end: number): Sort {
  const b = r.u8(end);
  if (b === 0x00) {
    r.u8(end); // core sort: modules, core funcs, memories … are not part of the world
    return 'core';
  }
  return SORTS[b] ?? r.fail(`unknown sort 0x${b.toString(16)}`, r.pos - 1);
}

function readExternName(r: Reader, end: number): string {
  const kind = r.u8(end);
  if (kind > 2) r.fail(`unknown extern name encoding 0x${kind.toString(16)}`, r.pos - 1);
  const name = r.name(end);
  if (kind === 2) {
    forEach(r, end, () => {
      const attr = r.u8(end);
      if (attr > 2) r.fail(`unknown name attribute 0x${attr.toString(16)}`, r.pos - 1);
      r.name(end);
    });
  }
  return name;
}

function ancestor(r: Reader, scope: Scope, count: number): Scope {
  let s: Scope | undefined = scope;
  for (let i = 0; i < count && s; i++) s = s.parent;
  return s ?? r.fail(`outer alias count ${count} leaves the outermost component`);
}

function lookup(r: Reader, scope: Scope, sort: Sort, index: number): Extern {
  const missing = (): never => r.fail(`${sort} index ${index} is out of range`);
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

function readExternDesc(r: Reader, end: number, scope: Scope, name: string): Extern {
  const kind = r.u8(end);
  switch (kind) {
    case 0x00:
      if (r.u8(end) !== 0x11) r.fail('expected a core module type', r.pos - 1);
      r.u32(end);
      return { sort: 'module' };
    case 0x01: {
      const def = typeAt(r, scope, r.u32(end));
      if (def.sort !== 'func') r.fail(`import/export '${name}' declares a func with a non-function type`);
      return { sort: 'func', sig: def.sig };
    }
    case 0x02:
      if (r.u8(end) === 0x00) r.u32(end);
      else readValType(r, end, scope);
      return { sort: 'value' };
    case 0x03: {
      const bound = r.u8(end);
      if (bound === 0x00) return named({ sort: 'type', def: typeAt(r, scope, r.u32(end)) }, name);
      if (bound === 0x01) return { sort: 'type', def: { sort: 'resource', resource: r.freshResource(name) } };
      return r.fail(`unknown type bound 0x${bound.toString(16)}`, r.pos - 1);
    }
    case 0x04: {
      const def = typeAt(r, scope, r.u32(end));
      if (def.sort !== 'component') r.fail(`'${name}' declares a component with a non-component type`);
      return { sort: 'component', component: def.component };
    }
    case 0x05: {
      const def = typeAt(r, scope, r.u32(end));
      if (def.sort !== 'instance') r.fail(`'${name}' declares an instance with a non-instance type`);
      return { sort: 'instance', exports: def.exports };
    }
    default:
      return r.fail(`unknown extern kind 0x${kind.toString(16)}`, r.pos - 1);
  }
}

function typeAt(r: Reader, scope: Scope, index: number): TypeDef {
  return scope.types[index] ?? r.fail(`type index ${index} is out of range`);
}

function readInstances(r: Reader, end: number, scope: Scope): void {
  forEach(r, end, () => {
    const kind = r.u8(end);
    if (kind === 0x00) {
      const component = scope.components[r.u32(end)] ?? r.fail('component index out of range');
      const args = new Map<string, Extern>();
      forEach(r, end, () => {
        const name = r.name(end);
        args.set(name, lookup(r, scope, readSort(r, end), r.u32(end)));
      });
      scope.instances.push(instantiate(r, component, args));
    } else if (kind === 0x01) {
      const exports: Exports = new Map();
      forEach(r, end, () => {
        const name = readExternName(r, end);
        exports.set(name, named(lookup(r, scope, readSort(r, end), r.u32(end)), name));
      });
      scope.instances.push(exports);
    } else {
      r.fail(`unknown instance kind 0x${kind.toString(16)}`, r.pos - 1);
    }
  });
}

function instantiate(r: Reader, component: ComponentDef, args: Map<string, Extern>): Exports {
  if (component.kind === 'typed') return component.exports;
  const resume = r.pos;
  const { exports } = evalComponent(r, component.start, component.end, component.parent, args);
  r.pos = resume;
  return new Map(exports);
}

function readAlias(r: Reader, end: number, scope: Scope): void {
  const sort = readSort(r, end);
  const target = r.u8(end);
  if (target === 0x00) {
    const instance = scope.instances[r.u32(end)] ?? r.fail('instance index out of range');
    const name = r.name(end);
    const ext = instance.get(name) ?? r.fail(`instance has no export named '${name}'`);
    if (ext.sort !== sort && !(sort === 'core' && ext.sort === 'module')) r.fail(`alias of '${name}' expects a ${sort}, found a ${ext.sort}`);
    push(scope, ext);
  } else if (target === 0x01) {
    r.u32(end);
    r.name(end); // core instance export: core items are not part of the world
  } else if (target === 0x02) {
    const count = r.u32(end);
    const index = r.u32(end);
    if (sort !== 'core') push(scope, lookup(r, ancestor(r, scope, count), sort, index));
  } else {
    r.fail(`unknown alias target 0x${target.toString(16)}`, r.pos - 1);
  }
}

function readCanonOpts(r: Reader, end: number): void {
  forEach(r, end, () => {
    const opt = r.u8(end);
    if (opt >= 0x03 && opt <= 0x08 && opt !== 0x06) r.u32(end);
    else if (opt > 0x09) r.fail(`unknown canonical option 0x${opt.toString(16)}`, r.pos - 1);
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

function readCanon(r: Reader, end: number, scope: Scope): void {
  const op = r.u8(end);
  if (op === 0x00) {
    if (r.u8(end) !== 0x00) r.fail('canon lift expects a core func', r.pos - 1);
    r.u32(end);
    readCanonOpts(r, end);
    const def = typeAt(r, scope, r.u32(end));
    if (def.sort !== 'func') r.fail('canon lift refers to a non-function type');
    scope.funcs.push(def.sig);
    return;
  }
  if (op === 0x01) {
    if (r.u8(end) !== 0x00) r.fail('canon lower expects a func', r.pos - 1);
    r.u32(end);
    readCanonOpts(r, end);
    return;
  }
  const operands = CANON_OPERANDS[op] ?? r.fail(`unknown canonical function 0x${op.toString(16)}`, r.pos - 1);
  for (const operand of operands) {
    if (operand === 'u32') r.u32(end);
    else if (operand === 'byte') r.u8(end);
    else if (operand === 'opts') readCanonOpts(r, end);
    else readResult(r, end, scope);
  }
}

function readValType(r: Reader, end: number, scope: Scope): WitType {
  const prim = PRIMITIVE_CODES[r.peek(end)];
  if (prim) {
    r.pos++;
    return prim;
  }
  const index = r.s33(end);
  if (index < 0) r.fail('unknown value type', r.pos - 1);
  const def = typeAt(r, scope, index);
  if (def.sort !== 'value') r.fail(`type index ${index} is a ${def.sort} type, not a value type`);
  return def.type;
}

function readOptionalValType(r: Reader, end: number, scope: Scope): WitType | undefined {
  return readOptional(r, end) ? readValType(r, end, scope) : undefined;
}

function resourceAt(r: Reader, scope: Scope, index: number): ResourceType {
  const def = typeAt(r, scope, index);
  if (def.sort !== 'resource') r.fail(`handle refers to type index ${index}, which is not a resource`);
  return def.resource;
}

function readResult(r: Reader, end: number, scope: Scope): WitType | undefined {
  const kind = r.u8(end);
  if (kind === 0x00) return readValType(r, end, scope);
  if (kind === 0x01 && r.u8(end) === 0x00) return undefined;
  return r.fail('functions with several named results are not supported by the component model any more', r.pos - 1);
}

function readTypeDef(r: Reader, end: number, scope: Scope): TypeDef {
  r.step();
  const op = r.u8(end);
  const value = (type: WitType): TypeDef => ({ sort: 'value', type });
  const prim = PRIMITIVE_CODES[op];
  if (prim) return value(prim);
  switch (op) {
    case 0x72: {
      const fields: Field[] = [];
      forEach(r, end, () => fields.push({ name: r.name(end), type: readValType(r, end, scope) }));
      return value({ kind: 'record', fields });
    }
    case 0x71: {
      const cases: Case[] = [];
      forEach(r, end, () => {
        const name = r.name(end);
        const type = readOptionalValType(r, end, scope);
        if (readOptional(r, end)) r.u32(end); // pre-2023 `refines` index
        cases.push(type ? { name, type } : { name });
      });
      return value({ kind: 'variant', cases });
    }
    case 0x70:
      return value({ kind: 'list', element: readValType(r, end, scope) });
    case 0x67: {
      const element = readValType(r, end, scope);
      return value({ kind: 'list', element, length: r.u32(end) });
    }
    case 0x6f: {
      const types: WitType[] = [];
      forEach(r, end, () => types.push(readValType(r, end, scope)));
      return value({ kind: 'tuple', types });
    }
    case 0x6e:
    case 0x6d: {
      const labels: string[] = [];
      forEach(r, end, () => labels.push(r.name(end)));
      return value(op === 0x6e ? { kind: 'flags', flags: labels } : { kind: 'enum', cases: labels });
    }
    case 0x6b:
      return value({ kind: 'option', inner: readValType(r, end, scope) });
    case 0x6a: {
      const ok = readOptionalValType(r, end, scope);
      const err = readOptionalValType(r, end, scope);
      return value({ kind: 'result', ...(ok ? { ok } : {}), ...(err ? { err } : {}) });
    }
    case 0x69:
    case 0x68:
      return value({ kind: op === 0x69 ? 'own' : 'borrow', resource: resourceAt(r, scope, r.u32(end)) });
    case 0x66:
    case 0x65: {
      const element = readOptionalValType(r, end, scope);
      return value({ kind: op === 0x66 ? 'stream' : 'future', ...(element ? { element } : {}) });
    }
    case 0x63: {
      const key = readValType(r, end, scope);
      return value({ kind: 'map', key, value: readValType(r, end, scope) });
    }
    case 0x40:
    case 0x43: {
      const params: Param[] = [];
      forEach(r, end, () => params.push({ name: r.name(end), type: readValType(r, end, scope) }));
      const result = readResult(r, end, scope);
      return { sort: 'func', sig: { params, ...(result ? { result } : {}), async: op === 0x43 } };
    }
    case 0x41:
    case 0x42:
      return readTypeDecls(r, end, scope, op === 0x41);
    case 0x3f: {
      r.u8(end); // representation (i32)
      if (readOptional(r, end)) r.u32(end); // destructor
      return { sort: 'resource', resource: r.freshResource('') };
    }
    default:
      return r.fail(`unknown type constructor 0x${op.toString(16)}`, r.pos - 1);
  }
}

/** An instance type (exports only) or a component type (imports too), each with its own index spaces. */
function readTypeDecls(r: Reader, end: number, outer: Scope, isComponent: boolean): TypeDef {
  const scope = new Scope(outer);
  const exports: Exports = new Map();
  forEach(r, end, () => {
    const kind = r.u8(end);
    switch (kind) {
      case 0x00:
        skipCoreType(r, end);
        break;
      case 0x01:
        scope.types.push(readTypeDef(r, end, scope));
        break;
      case 0x02:
        readAlias(r, end, scope);
        break;
      case 0x03:
      case 0x04: {
        if (kind === 0x03 && !isComponent) r.fail('an instance type cannot declare imports', r.pos - 1);
        const name = readExternName(r, end);
        const ext = readExternDesc(r, end, scope, name);
        push(scope, ext);
        if (kind === 0x04) exports.set(name, ext);
        break;
      }
      default:
        r.fail(`unknown type declaration 0x${kind.toString(16)}`, r.pos - 1);
    }
  });
  return isComponent ? { sort: 'component', component: { kind: 'typed', exports } } : { sort: 'instance', exports };
}

/** Core module types only appear in component types that import core modules; skipped structurally. */
function skipCoreType(r: Reader, end: number): void {
  if (r.peek(end) !== 0x50) return skipCoreFuncType(r, end);
  r.pos++;
  forEach(r, end, () => {
    const decl = r.u8(end);
    if (decl === 0x00) {
      r.name(end);
      r.name(end);
      skipCoreTypeRef(r, end);
    } else if (decl === 0x01) {
      skipCoreFuncType(r, end);
    } else if (decl === 0x02) {
      r.u8(end);
      r.u8(end);
      r.u32(end);
      r.u32(end);
    } else if (decl === 0x03) {
      r.name(end);
      skipCoreTypeRef(r, end);
    } else {
      r.fail(`unknown core module type declaration 0x${decl.toString(16)}`, r.pos - 1);
    }
  });
}

function skipCoreFuncType(r: Reader, end: number): void {
  if (r.u8(end) !== 0x60) r.fail('core GC types in component types are not supported', r.pos - 1);
  for (let i = 0; i < 2; i++) forEach(r, end, () => skipCoreValType(r, end));
}

function skipCoreValType(r: Reader, end: number): void {
  const t = r.u8(end);
  if ((t >= 0x7b && t <= 0x7f) || t === 0x70 || t === 0x6f) return;
  r.fail(`unsupported core value type 0x${t.toString(16)}`, r.pos - 1);
}

function skipCoreTypeRef(r: Reader, end: number): void {
  const kind = r.u8(end);
  const limits = (): void => {
    const flags = r.u8(end);
    r.skipLeb(end);
    if (flags & 0x01) r.skipLeb(end);
  };
  if (kind === 0x00) r.u32(end);
  else if (kind === 0x01) {
    skipCoreValType(r, end);
    limits();
  } else if (kind === 0x02) limits();
  else if (kind === 0x03) {
    skipCoreValType(r, end);
    r.u8(end);
  } else if (kind === 0x04) {
    r.u8(end);
    r.u32(end);
  } else r.fail(`unknown core import kind 0x${kind.toString(16)}`, r.pos - 1);
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
