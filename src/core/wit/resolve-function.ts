/**
 * Finds the function a user named (`exec --function`, `[tests].function`) among a world's exports,
 * following upstream §6.4: the exact top-level export name; else `iface#fn` / `iface::fn` /
 * `iface.fn` (the interface by full name, without its version, `ns:pkg/iface`, or its local name);
 * else a search of every exported interface (ambiguous → error listing the candidates).
 */
import { AmbiguousFunctionError, FunctionNotFoundError, UnsupportedFunctionError } from './errors.js';
import { exportKey, lowerCamel } from './jco-names.js';
import { classifyFunctionName, type WitFunction, type World, type WorldItem } from './model.js';

export interface ResolvedFunction {
  func: WitFunction;
  /** `add` for a top-level function, `example:calc/math@1.0.0#add` inside an interface. */
  qualifiedName: string;
  /** The export name of the interface that holds it (undefined for a top-level function). */
  interfaceName?: string;
  /**
   * Property path from the object jco's `instantiate()` returns to the function: `['add']` (jco's
   * camelCase name of a top-level export), `['example:calc/math@1.0.0', 'add']` (the interface's
   * export name as is, then the camelCase function name). Same shape as the engine's JcoPath.
   */
  jcoPath: readonly [string] | readonly [string, string];
}

type InterfaceItem = Extract<WorldItem, { kind: 'interface' }>;

/** Resource constructors, methods and statics live on jco's resource classes, not as functions. */
function callable(func: WitFunction, qualifiedName: string): void {
  const { kind, resource } = classifyFunctionName(func.name);
  if (kind !== 'freestanding') {
    throw new UnsupportedFunctionError(
      `Function '${qualifiedName}' is a ${kind === 'constructor' ? 'constructor' : `${kind} function`} of resource ${resource}; only freestanding functions can be called`,
      { hint: 'export a freestanding function that creates and uses the resource, and call that' },
    );
  }
}

function inInterface(item: InterfaceItem, func: WitFunction): ResolvedFunction {
  const qualifiedName = `${item.name}#${func.name}`;
  callable(func, qualifiedName);
  return { func, qualifiedName, interfaceName: item.name, jcoPath: [exportKey(item.name), lowerCamel(func.name)] };
}

/** The names upstream accepts for an exported interface: full, unversioned, ns:pkg/iface, local. */
function interfaceMatches(item: InterfaceItem, name: string): boolean {
  if (item.name === name) return true;
  const id = item.id;
  if (!id) return false;
  const unversioned = `${id.namespace}:${id.package}/${id.name}`;
  return name === unversioned || name === id.name;
}

function exportedFunctions(world: World): string[] {
  const out: string[] = [];
  for (const item of world.exports) {
    if (item.kind === 'function') out.push(item.name);
    else for (const f of item.iface.functions.values()) if (f.kind === 'freestanding') out.push(`${item.name}#${f.name}`);
  }
  return out;
}

function notFound(world: World, name: string, detail = ''): FunctionNotFoundError {
  const available = exportedFunctions(world);
  const kebab = name.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
  const suggestion = kebab !== name && available.some((a) => a === kebab || a.endsWith(`#${kebab}`)) ? ` (WIT names are kebab-case: did you mean '${kebab}'?)` : '';
  return new FunctionNotFoundError(
    `Function '${name}' not found${detail}${suggestion}`,
    available,
    available.length ? `exported functions: ${available.join(', ')}` : 'this component exports no functions (is it a command? run it without --function)',
  );
}

export function resolveFunction(world: World, name: string): ResolvedFunction {
  // 1. exact top-level export
  for (const item of world.exports) {
    if (item.kind === 'function' && item.name === name) {
      callable(item.func, item.name);
      return { func: item.func, qualifiedName: item.name, jcoPath: [lowerCamel(item.name)] };
    }
  }
  const interfaces = world.exports.filter((i): i is InterfaceItem => i.kind === 'interface');

  // 2. interface-qualified: split at the first '#', else '::', else '.' (then also the last '.',
  //    because versions contain dots: ns:pkg/iface@1.0.0.fn)
  const splits: Array<[string, string]> = [];
  for (const sep of ['#', '::']) {
    const at = name.indexOf(sep);
    if (at > 0) {
      splits.push([name.slice(0, at), name.slice(at + sep.length)]);
      break;
    }
  }
  if (splits.length === 0) {
    const first = name.indexOf('.');
    const last = name.lastIndexOf('.');
    if (first > 0) splits.push([name.slice(0, first), name.slice(first + 1)]);
    if (last > first) splits.push([name.slice(0, last), name.slice(last + 1)]);
  }
  for (const [ifaceName, fnName] of splits) {
    const matches = interfaces.filter((i) => interfaceMatches(i, ifaceName));
    if (matches.length > 1) {
      const candidates = matches.map((m) => `${m.name}#${fnName}`);
      throw new AmbiguousFunctionError(
        `Function '${name}' is ambiguous across exported interfaces: interface '${ifaceName}' matches ${matches.map((m) => m.name).join(' and ')}`,
        candidates,
        `name the interface in full, e.g. --function '${candidates[0]}'`,
      );
    }
    const item = matches[0];
    if (!item) continue;
    const func = item.iface.functions.get(fnName);
    if (func) return inInterface(item, func);
    throw notFound(world, name, ` in interface ${item.name}`);
  }

  // 3. search every exported interface for the full name
  const hits: ResolvedFunction[] = [];
  for (const item of interfaces) {
    const func = item.iface.functions.get(name);
    if (func) hits.push(inInterface(item, func));
  }
  if (hits.length === 1) return hits[0]!;
  if (hits.length > 1) {
    const candidates = hits.map((h) => h.qualifiedName);
    throw new AmbiguousFunctionError(
      `Function '${name}' is ambiguous across exported interfaces: ${candidates.join(', ')}`,
      candidates,
      `qualify it with its interface, e.g. --function '${candidates[0]}'`,
    );
  }
  throw notFound(world, name);
}
