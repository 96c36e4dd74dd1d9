/**
 * Transpiles a component to JS + core modules with jco-transpile (in process, `instantiation:
 * async`, so we supply the imports), cached by the component's sha256 under
 * `<cacheDir>/transpile/<sha256>/`. An entry is written in a temp dir and renamed into place, and is
 * verified (manifest key + every file's size and sha256) before use: a corrupt or partial entry is
 * rebuilt, never used. jco-transpile is imported only on a miss: it costs ~100 ms to load.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { writeDirAtomic } from '../fs/atomic.js';
import { sha256Hex } from '../sha256.js';
import { wasmLayer } from '../wasm/header.js';
import { dirname, join } from 'node:path';
import pkg from '../../../package.json' with { type: 'json' };
import { ComponentReadError, TranspileError } from './errors.js';

const JCO_TRANSPILE = '@bytecodealliance/jco-transpile';
const manifest = pkg as { dependencies?: Record<string, string>; devDependencies?: Record<string, string> };

/** What produced an entry; any change makes old entries stale. Bump `layout` when the options below change. */
export const TRANSPILER_KEY = {
  layout: 1,
  transpiler: `${JCO_TRANSPILE}@${manifest.dependencies?.[JCO_TRANSPILE] ?? manifest.devDependencies?.[JCO_TRANSPILE]}`,
};

/** Base name of the generated files: `component.js`, `component.core.wasm`, `component.core2.wasm`… */
const NAME = 'component';
const MANIFEST = 'manifest.json';

export type ExportKind = 'function' | 'instance';

export interface TranspiledComponent {
  /** sha256 of the component bytes (hex). */
  sha256: string;
  /** Absolute path of the generated ES module (`instantiate(getCoreModule, imports, instantiateCore)`). */
  jsFile: string;
  /** Core modules by the file name the generated code asks for, verified against the manifest. */
  coreModules: Map<string, Uint8Array>;
  /** Unversioned WASI/WIT interfaces the component imports, as jco reports them. */
  imports: string[];
  /** Top-level exports: functions by name, interfaces by their full (versioned) name. */
  exports: Array<[string, ExportKind]>;
  /** True when the entry came from the cache, false when it was transpiled now. */
  cached: boolean;
}

interface Manifest {
  key: typeof TRANSPILER_KEY;
  component: string;
  js: string;
  files: Record<string, { size: number; sha256: string }>;
  imports: string[];
  exports: Array<[string, ExportKind]>;
}


/** Refuses what is plainly not a component before paying for jco-transpile. */
function checkIsComponent(bytes: Uint8Array, what: string): void {
  const layer = wasmLayer(bytes);
  if (layer === 'component') return;
  if (layer === 'module') {
    throw new ComponentReadError(`${what} is a core wasm module, not a component`, {
      location: { file: what },
      hint: 'wrap it into a WASI 0.2 component (e.g. `jco new module.wasm --wasi-command` or `wasm-tools component new`)',
    });
  }
  throw new ComponentReadError(`${what} is not a WebAssembly component (bad header)`, {
    location: { file: what },
    hint: 'point at the built .wasm component file',
  });
}

/** Reads and verifies an entry; null when it is missing, stale or damaged in any way. */
async function readEntry(dir: string, hash: string): Promise<TranspiledComponent | null> {
  let m: Manifest;
  try {
    m = JSON.parse(await readFile(join(dir, MANIFEST), 'utf8')) as Manifest;
  } catch {
    return null;
  }
  if (
    m?.component !== hash ||
    JSON.stringify(m.key) !== JSON.stringify(TRANSPILER_KEY) ||
    typeof m.files !== 'object' ||
    !(m.js in m.files)
  ) {
    return null;
  }
  const coreModules = new Map<string, Uint8Array>();
  for (const [name, want] of Object.entries(m.files)) {
    let bytes: Uint8Array;
    try {
      bytes = await readFile(join(dir, name));
    } catch {
      return null;
    }
    if (bytes.length !== want.size || sha256Hex(bytes) !== want.sha256) return null;
    if (name.endsWith('.wasm')) coreModules.set(name, bytes);
  }
  return { sha256: hash, jsFile: join(dir, m.js), coreModules, imports: m.imports, exports: m.exports, cached: true };
}

async function transpile(bytes: Uint8Array, what: string) {
  const { transpileBytes } = await import('@bytecodealliance/jco-transpile');
  try {
    return await transpileBytes(bytes, {
      name: NAME,
      instantiation: { tag: 'async' },
      emitTypescriptDeclarations: false,
    });
  } catch (err) {
    throw new TranspileError(`${what}: jco-transpile cannot translate this component: ${String((err as Error)?.message ?? err)}`, {
      location: { file: what },
      hint: 'check that it is a valid WASI 0.2 component (`wasm-tools validate --features component-model`)',
      cause: err,
    });
  }
}

/**
 * Returns the transpiled form of `bytes`, from `<cacheDir>/transpile/<sha256>/` when a valid entry
 * is there, else transpiling it and storing the entry atomically. `what` names the component in errors.
 */
export async function transpileCached(bytes: Uint8Array, cacheDir: string, what = 'component'): Promise<TranspiledComponent> {
  const hash = sha256Hex(bytes);
  const root = join(cacheDir, 'transpile');
  const dir = join(root, hash);
  const hit = await readEntry(dir, hash);
  if (hit) return hit;

  checkIsComponent(bytes, what);
  const result = await transpile(bytes, what);
  const files = Object.entries(result.files).filter(([name]) => name.endsWith('.js') || name.endsWith('.wasm'));
  const js = `${NAME}.js`;
  const m: Manifest = {
    key: TRANSPILER_KEY,
    component: hash,
    js,
    files: Object.fromEntries(files.map(([name, b]) => [name, { size: b.length, sha256: sha256Hex(b) }])),
    imports: result.imports,
    exports: result.exports,
  };
  try {
    // Replaces a stale or damaged entry whole.
    await writeDirAtomic(dir, async (staging) => {
      for (const [name, b] of files) {
        await mkdir(dirname(join(staging, name)), { recursive: true });
        await writeFile(join(staging, name), b);
      }
      await writeFile(join(staging, MANIFEST), JSON.stringify(m, null, 2));
    });
  } catch (err) {
    // Another process may have renamed an identical entry into place first; anything else is real.
    if (!(await readEntry(dir, hash))) throw err;
  }
  const coreModules = new Map(files.filter(([name]) => name.endsWith('.wasm')));
  return { sha256: hash, jsFile: join(dir, js), coreModules, imports: result.imports, exports: result.exports, cached: false };
}
