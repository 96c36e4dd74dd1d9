/**
 * Test-only: the smallest path from component bytes to a callable instance. Transpiles with the
 * engine's transpile cache (jco-transpile, `instantiation: async`), imports the generated module and
 * instantiates it with the imports given. The real runner (worker, limits, outcomes) lives in
 * src/core/engine; host and value tests use this so they do not depend on it.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { transpileCached } from '../../src/core/engine/transpile-cache.js';

/** Transpiled components persist across test runs here (gitignored). */
const cacheDir = join(dirname(fileURLToPath(import.meta.url)), '..', '.cache', 'instantiate');

// The generated bindings are untyped JS objects.
export type Instance = Record<string, any>;
type Instantiate = (getCoreModule: (path: string) => WebAssembly.Module, imports: object) => Promise<Instance>;

/** Returns a function that makes a fresh instance of `component` with the given imports. */
export async function loader(component: Uint8Array): Promise<(imports: object) => Promise<Instance>> {
  const transpiled = await transpileCached(component, cacheDir);
  const { instantiate } = (await import(pathToFileURL(transpiled.jsFile).href)) as { instantiate: Instantiate };
  const compiled = new Map<string, WebAssembly.Module>();
  for (const [name, bytes] of transpiled.coreModules) compiled.set(name, await WebAssembly.compile(bytes));
  return (imports) => instantiate((name) => compiled.get(name)!, imports);
}

/** One instance of a component that imports nothing the host must provide. */
export async function instantiate(component: Uint8Array, imports: object = {}): Promise<Instance> {
  return (await loader(component))(imports);
}
