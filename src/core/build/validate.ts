/**
 * Checks a build output before it is written: a WebAssembly component (not a core module), framed
 * correctly, every nested core module valid for V8 (the engine that will run it), a type structure
 * the component reader can evaluate — and, when the component was built against a WIT world, every
 * export that world declares present with the declared signature.
 */
import { enableWasmFeatures } from '../wasm/features.js';
import { formatFunctionType, type WitFunction, type World, type WorldItem } from '../wit/model.js';
import { readComponentWorld } from '../wit/component-binary.js';
import { wasmLayer } from '../wasm/header.js';
import { nestedModules } from './sections.js';
import { RunActionError } from '../errors.js';
import { InvalidComponentError } from './errors.js';
import type { WitTarget } from './wit-target.js';

export interface Validated {
  world: World;
  coreModules: number;
}


/**
 * `wasmToolsValidated`: the bytes come from jco's `component new`, which already ran wasm-tools'
 * validator over the whole output; V8 is not asked again.
 */
export function validateComponent(bytes: Uint8Array, file: string, name: string, wit: WitTarget | undefined, wasmToolsValidated = false): Validated {
  const fail = (why: string, hint: string) => new InvalidComponentError(`Invalid component: ${file} - ${why}`, { location: { file }, hint });
  const layer = wasmLayer(bytes);
  if (!layer) throw fail('Output is not a valid WASM binary', `the build of '${name}' wrote something else; check the tool output above`);
  if (layer !== 'component') throw fail('it is a core WebAssembly module, not a component', 'wrap it with the preview1 adapter (run-action does this for core-module builds)');

  let modules: Array<{ bytes: Uint8Array; path: string }>;
  try {
    modules = nestedModules(bytes);
  } catch (err) {
    if (!(err instanceof RunActionError)) throw err;
    throw fail(err.message, 'the binary is truncated or malformed');
  }
  enableWasmFeatures();
  modules.forEach(({ bytes: m, path }) => {
    if (wasmToolsValidated || WebAssembly.validate(m)) return;
    let why = 'rejected by V8';
    try {
      new WebAssembly.Module(m);
    } catch (err) {
      why = (err as Error).message;
    }
    throw fail(`${path} does not validate: ${why}`, 'the toolchain produced invalid code (or code using a WebAssembly feature this Node does not support)');
  });

  let world: World;
  try {
    world = readComponentWorld(bytes);
  } catch (err) {
    if (!(err instanceof RunActionError)) throw err;
    throw fail(`its component structure cannot be read: ${err.message}`, 'the component sections are malformed');
  }
  if (wit) checkWorld(world, wit, file, name);
  return { world, coreModules: modules.length };
}

/** Every export the declared world has must be in the component, with the same function types. */
function checkWorld(actual: World, wit: WitTarget, file: string, name: string): void {
  const have = new Map(actual.exports.map((e) => [e.name, e]));
  const problems: string[] = [];
  for (const want of wit.declared.exports) {
    const got = have.get(want.name);
    if (!got) {
      problems.push(`missing export ${describe(want)}`);
      continue;
    }
    const gotFunctions = functions(got);
    for (const [fname, func] of functions(want)) {
      const other = gotFunctions.get(fname);
      if (other === undefined) problems.push(`${want.name}: missing function ${fname}: ${formatFunctionType(func)}`);
      else if (structure(other) !== structure(func)) problems.push(`${want.name}: ${fname} is ${formatFunctionType(other)}, the world declares ${formatFunctionType(func)}`);
    }
  }
  if (problems.length) {
    throw new InvalidComponentError(`Invalid component: ${file} - it does not implement world '${wit.world}' of ${wit.path}: ${problems.join('; ')}`, {
      location: { file },
      hint: `make '${name}' export what the world declares (or fix \`world\` in run.toml)`,
    });
  }
}

function functions(item: WorldItem): Map<string, WitFunction> {
  return item.kind === 'function' ? new Map([[item.name, item.func]]) : item.iface.functions;
}

/** Types compare structurally: type names and resource ids differ between WIT text and a binary. */
function structure(func: WitFunction): string {
  return JSON.stringify({ params: func.params, result: func.result }, (key, value: unknown) => {
    if (key === 'id') return undefined;
    if (value && typeof value === 'object' && 'kind' in value && 'name' in value) return { ...value, name: undefined };
    return value;
  });
}

function describe(item: WorldItem): string {
  return item.kind === 'function' ? `${item.name}: ${formatFunctionType(item.func)}` : item.name;
}

/** The export/import lines of meta.toml, as `wasm-tools component wit` prints them (without the keyword). */
export function worldLines(items: WorldItem[]): string[] {
  return items.map(describe);
}
