/**
 * Test-only: transpile a component with jco-transpile (async instantiation, as the engine does),
 * import the generated ES module from a temp dir and instantiate it with no imports, so value
 * conversions can be checked against real bindings without the engine's worker and host.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { transpileBytes } from '@bytecodealliance/jco-transpile';
import type { ResolvedFunction } from '../../src/core/wit/resolve-function.js';

export type Exports = Record<string, unknown>;

export async function instantiate(bytes: Uint8Array, name: string): Promise<Exports> {
  const { files } = await transpileBytes(bytes, { name, instantiation: { tag: 'async' } });
  const dir = mkdtempSync(join(tmpdir(), `values-${name}-`));
  try {
    for (const [file, data] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, file)), { recursive: true });
      writeFileSync(join(dir, file), data);
    }
    writeFileSync(join(dir, 'package.json'), '{"type":"module"}');
    const mod = (await import(pathToFileURL(join(dir, `${name}.js`)).href)) as {
      instantiate(getCoreModule: (path: string) => Promise<WebAssembly.Module>, imports: object): Promise<Exports>;
    };
    return await mod.instantiate((path) => WebAssembly.compile(readFileSync(join(dir, path))), {});
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Calls the function at `fn.jcoPath` the way the engine reports results: a top-level `result`
 * comes back as { tag, val } (jco returns its ok value and throws its err payload).
 */
export function call(exports: Exports, fn: ResolvedFunction, args: unknown[]): unknown {
  const [first, second] = fn.jcoPath;
  const holder = (second === undefined ? exports : exports[first]) as Record<string, (...a: unknown[]) => unknown>;
  const f = holder[second ?? first]!;
  if (fn.func.result?.kind !== 'result') return f(...args);
  try {
    return { tag: 'ok', val: f(...args) };
  } catch (err) {
    if (err instanceof Error) throw err;
    return { tag: 'err', val: err };
  }
}
