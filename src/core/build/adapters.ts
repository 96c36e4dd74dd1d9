/**
 * The WASI preview1 → 0.2 adapters that turn a wasm32-wasi(p1) core module into a component:
 * `command` for modules with `_start` (wasi:cli/run), `reactor` for libraries. They are jco
 * 1.35.0's (`lib/wasi_snapshot_preview1.{command,reactor}.wasm`, built from wasmtime's
 * wasi-preview1-component-adapter; jco is pinned in package.json). scripts/bundle.mjs copies them
 * next to the bundle in dist/, so the bundle loads nothing from node_modules; run from source, they
 * are read from the jco package itself.
 */
import { readFile } from 'node:fs/promises';

export type AdapterKind = 'command' | 'reactor';

const fromSource = import.meta.url.endsWith('.ts');
// jco exports only dist/api.js: its lib/ directory is the sibling of dist/.
const jcoLib = fromSource ? new URL('../lib/', import.meta.resolve('@bytecodealliance/jco')) : undefined;

/** Where each adapter file is: beside the bundle, or in jco's package when run from source. */
export const ADAPTER_URLS: Record<AdapterKind, URL> = {
  command: new URL('./wasi_snapshot_preview1.command.wasm', jcoLib ?? import.meta.url),
  reactor: new URL('./wasi_snapshot_preview1.reactor.wasm', jcoLib ?? import.meta.url),
};

/** The core module name the adapter stands in for. */
export const PREVIEW1_MODULE = 'wasi_snapshot_preview1';

const loaded = new Map<AdapterKind, Promise<Uint8Array>>();

export function preview1Adapter(kind: AdapterKind): Promise<Uint8Array> {
  let p = loaded.get(kind);
  if (!p) {
    p = readFile(ADAPTER_URLS[kind]).then((b) => new Uint8Array(b));
    loaded.set(kind, p);
  }
  return p;
}
