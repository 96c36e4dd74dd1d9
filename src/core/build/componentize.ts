/**
 * Core module → component, in process with jco's wasm-tools (the `jco embed` + `jco new` steps):
 * the WIT world is embedded when one is configured (typed exports), and the preview1 adapter is
 * chosen from the module itself — `command` when it exports `_start`, `reactor` when it only
 * imports WASI preview1, none when it imports nothing from WASI (hand-written WAT).
 */
import { Cursor } from '../wasm/cursor.js';
import { jcoMessage, wasmTools } from '../wasm/wat.js';
import { MODULE_ITEM_READERS } from '../wasm/module.js';
import { sections } from './sections.js';
import { InvalidComponentError } from './errors.js';
import { preview1Adapter, PREVIEW1_MODULE, type AdapterKind } from './adapters.js';
import type { WitTarget } from './wit-target.js';

export interface Componentized {
  bytes: Uint8Array;
  adapter: AdapterKind | undefined;
  /** One log line: which adapter and world. */
  describe: string;
}


let warmed: Promise<void> | undefined;

/**
 * Loads jco's wasm-tools and runs `component new` once on a tiny module with the adapter, so V8
 * has compiled that code by the time the real module arrives. Called when a compile starts: it
 * runs while the compiler (another process) works, and saves 50–100 ms on the first real call.
 */
export function warmUp(): Promise<void> {
  warmed ??= (async () => {
    const wt = await wasmTools();
    const tiny = await wt.parse('(module (import "wasi_snapshot_preview1" "fd_write" (func (param i32 i32 i32 i32) (result i32))) (memory (export "memory") 1) (func (export "_start")))');
    await wt.componentNew(tiny, [[PREVIEW1_MODULE, await preview1Adapter('command')]]);
  })().catch(() => {}); // a failure here will show on the real call
  return warmed;
}

/** Which adapter a core module needs, from its exports and imports (only those two sections are read). */
export function adapterFor(core: Uint8Array): AdapterKind | undefined {
  const items = (kind: 'import' | 'export') => {
    const id = kind === 'import' ? 2 : 7;
    return sections(core).flatMap((s) => (s.id === id ? MODULE_ITEM_READERS[kind]!(new Cursor(core, 0, s.start, s.end), { importedFuncs: 0 }) : []));
  };
  if (items('export').some((e) => e.name === '_start' && e.sort === 'func')) return 'command';
  return items('import').some((i) => i.module === PREVIEW1_MODULE) ? 'reactor' : undefined;
}

export async function componentFromModule(core: Uint8Array, wit: WitTarget | undefined, name: string): Promise<Componentized> {
  const wt = await wasmTools();
  const adapter = adapterFor(core);
  let embedded = core;
  if (wit) {
    try {
      const source = wit.singleSource !== undefined ? { witSource: wit.singleSource } : { witPath: wit.path };
      embedded = await wt.componentEmbed({ binary: core, ...source, world: wit.world, stringEncoding: 'utf8' });
    } catch (err) {
      throw new InvalidComponentError(`component '${name}': embedding WIT world '${wit.world}' from ${wit.path} failed: ${jcoMessage(err)}`, {
        hint: 'check the WIT (wasm-tools reads it as the toolchains do) and that `world` names a world of that package',
      });
    }
  }
  try {
    const bytes = await wt.componentNew(embedded, adapter ? [[PREVIEW1_MODULE, await preview1Adapter(adapter)]] : undefined);
    return { bytes, adapter, describe: `core module → component with ${adapter ? `the preview1 ${adapter} adapter` : 'no adapter (no WASI imports)'}${wit ? `, WIT world '${wit.world}' embedded` : ''}` };
  } catch (err) {
    throw new InvalidComponentError(`component '${name}': the core module cannot be made a component (jco component new${adapter ? ` with the preview1 ${adapter} adapter` : ''}): ${jcoMessage(err)}`, {
      hint: wit
        ? `the module's exports must match world '${wit.world}': a function \`f\` of an exported interface ns:pkg/iface@v is exported as "ns:pkg/iface@v#f", a world-level function as "f", with canonical-ABI types`
        : 'a module with typed exports needs its WIT world: set `wit` and `world` on the component; a command needs `_start` (a main function)',
    });
  }
}

