/**
 * Core module → component (the `wasm-tools component embed` + `component new` steps): the WIT world
 * is embedded when one is configured (typed exports), and the preview1 adapter is chosen from the
 * module itself — `command` when it exports `_start`, `reactor` when it only imports WASI preview1,
 * none when it imports nothing from WASI (hand-written WAT). jco's wasm-tools does it in process,
 * unless run.lock.toml pins wasm-tools: then that native binary does (its bytes differ from jco's,
 * so it is used only when every machine runs the same version).
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Logger } from '../log.js';
import { Cursor } from '../wasm/cursor.js';
import { jcoMessage, wasmTools } from '../wasm/wat.js';
import { MODULE_ITEM_READERS } from '../wasm/module.js';
import { sections } from './sections.js';
import type { Collected } from './collect-output.js';
import { InvalidComponentError } from './errors.js';
import { ADAPTER_URLS, preview1Adapter, PREVIEW1_MODULE, type AdapterKind } from './adapters.js';
import type { LocatedTool } from './locate.js';
import { runTool } from './run-tool.js';
import type { WitTarget } from './wit-target.js';

/** The pinned native wasm-tools and where it runs: a scratch directory, the build environment, the file it writes. */
export interface NativeWasmTools {
  tool: LocatedTool;
  work: string;
  env: Record<string, string>;
  log: Logger;
  /** Where the component goes (beside the final output, so it is renamed into place). */
  out: string;
}

export interface Componentized {
  /** The component: bytes made in process, or the native tool's file. */
  output: Collected;
  adapter: AdapterKind | undefined;
  /** One log line: which adapter and world, by which wasm-tools. */
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

/** Which adapter a core module needs, from its exports and imports (only those two sections are read; the code need not be there). */
function adapterFor(core: Uint8Array): AdapterKind | undefined {
  const items = (kind: 'import' | 'export') => {
    const id = kind === 'import' ? 2 : 7;
    return sections(core).flatMap((s) => (s.id === id ? MODULE_ITEM_READERS[kind]!(new Cursor(core, 0, s.start, s.end), { importedFuncs: 0 }) : []));
  };
  if (items('export').some((e) => e.name === '_start' && e.sort === 'func')) return 'command';
  return items('import').some((i) => i.module === PREVIEW1_MODULE) ? 'reactor' : undefined;
}

/** `head`: the module's bytes up to its code section at least (see readHead), which tell the adapter. */
export async function componentFromModule(core: Collected, head: Uint8Array, wit: WitTarget | undefined, name: string, native?: NativeWasmTools): Promise<Componentized> {
  const adapter = adapterFor(head);
  let output: Collected;
  if (native) {
    const file = 'file' in core ? core.file : path.join(native.work, 'module.wasm');
    if ('bytes' in core) await writeFile(file, core.bytes);
    output = { file: await natively(file, wit, adapter, name, native) };
  } else {
    output = { bytes: await inProcess('bytes' in core ? core.bytes : new Uint8Array(await readFile(core.file)), wit, adapter, name) };
  }
  const by = native ? `native wasm-tools ${(await native.tool.version) ?? ''}`.trimEnd() : "jco's in-process wasm-tools";
  return { output, adapter, describe: `core module → component with ${adapter ? `the preview1 ${adapter} adapter` : 'no adapter (no WASI imports)'}${wit ? `, WIT world '${wit.world}' embedded` : ''}, by ${by}` };
}

async function inProcess(core: Uint8Array, wit: WitTarget | undefined, adapter: AdapterKind | undefined, name: string): Promise<Uint8Array> {
  const wt = await wasmTools();
  let embedded = core;
  if (wit) {
    try {
      const source = wit.singleSource !== undefined ? { witSource: wit.singleSource } : { witPath: wit.path };
      embedded = await wt.componentEmbed({ binary: core, ...source, world: wit.world, stringEncoding: 'utf8' });
    } catch (err) {
      throw new InvalidComponentError(`component '${name}': embedding WIT world '${wit.world}' from ${wit.path} failed: ${jcoMessage(err)}`, { hint: EMBED_HINT });
    }
  }
  try {
    return await wt.componentNew(embedded, adapter ? [[PREVIEW1_MODULE, await preview1Adapter(adapter)]] : undefined);
  } catch (err) {
    throw new InvalidComponentError(`component '${name}': the core module cannot be made a component (jco component new${adapter ? ` with the preview1 ${adapter} adapter` : ''}): ${jcoMessage(err)}`, {
      hint: newHint(wit),
    });
  }
}

/** The same two steps with the native binary, from the module's file (the adapter file is the one jco's path reads); returns the component's file. */
async function natively(module: string, wit: WitTarget | undefined, adapter: AdapterKind | undefined, name: string, n: NativeWasmTools): Promise<string> {
  const run = (args: string[], hint: string) =>
    runTool({ tool: 'wasm-tools', argv: [...n.tool.command, ...args], cwd: n.work, env: { ...n.env, ...n.tool.env }, extraEnv: n.tool.env }, n.log, { component: name, hint });
  let input = path.relative(n.work, module);
  if (wit) {
    await run(['component', 'embed', wit.path, '--world', wit.world, '--encoding', 'utf8', input, '-o', 'embedded.wasm'], EMBED_HINT);
    input = 'embedded.wasm';
  }
  const adapt = adapter ? ['--adapt', `${PREVIEW1_MODULE}=${fileURLToPath(ADAPTER_URLS[adapter])}`] : [];
  await run(['component', 'new', input, ...adapt, '-o', path.relative(n.work, n.out)], newHint(wit));
  return n.out;
}

const EMBED_HINT = 'check the WIT (wasm-tools reads it as the toolchains do) and that `world` names a world of that package';

function newHint(wit: WitTarget | undefined): string {
  return wit
    ? `the module's exports must match world '${wit.world}': a function \`f\` of an exported interface ns:pkg/iface@v is exported as "ns:pkg/iface@v#f", a world-level function as "f", with canonical-ABI types`
    : 'a module with typed exports needs its WIT world: set `wit` and `world` on the component; a command needs `_start` (a main function)';
}
