/**
 * Test-only harness: transpiles a component with the engine's transpile cache (jco-transpile,
 * `instantiation: async`), imports the generated module and instantiates it with a host's imports.
 * The real runner (worker, limits, outcomes) lives in src/core/engine; this is the smallest path
 * from bytes to a callable instance, so host tests do not depend on it.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ComponentExit, createHost, type Host } from '../../src/core/engine/host/index.js';
import { transpileCached } from '../../src/core/engine/transpile-cache.js';
import type { Grants, HostConfig } from '../../src/core/engine/types.js';

const cacheDir = join(dirname(fileURLToPath(import.meta.url)), '..', '.cache', 'host');

type Instantiate = (getCoreModule: (path: string) => WebAssembly.Module, imports: object) => Promise<Record<string, any>>;

/** Returns a function that makes a fresh instance of `component` with the given imports. */
export async function loader(component: Uint8Array): Promise<(imports: object) => Promise<Record<string, any>>> {
  const transpiled = await transpileCached(component, cacheDir);
  const { instantiate } = (await import(pathToFileURL(transpiled.jsFile).href)) as { instantiate: Instantiate };
  const compiled = new Map<string, WebAssembly.Module>();
  for (const [name, bytes] of transpiled.coreModules) compiled.set(name, await WebAssembly.compile(bytes));
  return (imports) => instantiate((name) => compiled.get(name)!, imports);
}

/** A HostConfig with the defaults of an exec run (strict, nothing granted), overridden field by field. */
export function hostConfig(over: Partial<Omit<HostConfig, 'grants'>> & { grants?: Partial<Grants> } = {}): HostConfig {
  return {
    policy: 'strict',
    epochSeconds: 1_700_000_000,
    seed: 42n,
    outputCapBytes: 1 << 20,
    ...over,
    grants: { dirs: [], env: {}, clock: false, random: false, stdin: false, args: ['guest'], ...over.grants },
  };
}

export interface CommandRun {
  /** The exit code: 0 when `run` returned ok, else the code given to wasi:cli/exit. */
  code: number;
  stdout: string;
  stderr: string;
  host: Host;
}

const decoder = new TextDecoder();

/** Runs a wasi:cli command component once under `config`. */
export async function runCommand(component: Uint8Array, config: HostConfig): Promise<CommandRun> {
  const make = await loader(component);
  const host = createHost(config);
  try {
    const instance = await make(host.imports);
    let code = 0;
    try {
      instance.run.run();
    } catch (e) {
      if (!(e instanceof ComponentExit)) throw e;
      code = e.code;
    }
    return { code, stdout: decoder.decode(host.stdout()), stderr: decoder.decode(host.stderr()), host };
  } finally {
    host.dispose();
  }
}
