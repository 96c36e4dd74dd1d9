/**
 * Test-only: a component's world (from its binary) next to a live instance of it with no imports
 * (test/support/instantiate.ts), so value conversions and function resolution can be checked
 * against real jco bindings without the engine's worker and host.
 */
import { readComponentWorld } from '../../src/core/wit/component-binary.js';
import type { World } from '../../src/core/wit/model.js';
import type { ResolvedFunction } from '../../src/core/wit/resolve-function.js';
import { instantiate } from '../support/instantiate.js';

export type Exports = Record<string, unknown>;

export async function loadComponent(bytes: Uint8Array): Promise<{ world: World; exports: Exports }> {
  return { world: readComponentWorld(bytes), exports: await instantiate(bytes) };
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
