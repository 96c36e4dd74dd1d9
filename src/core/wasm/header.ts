/**
 * The 8-byte header every WebAssembly binary starts with: the `\0asm` magic, then a 16-bit version
 * and a 16-bit layer (core spec §5.5.16, component-model Binary.md). The one place that tells a core
 * module from a component; everything else asks here.
 */
import type { Layer } from './tree.js';

export const WASM_MAGIC: readonly number[] = [0x00, 0x61, 0x73, 0x6d];
export const HEADER_BYTES = 8;
/** Core modules: version 1, layer 0. */
export const CORE_VERSION = 1;
/** Components: layer 1, with a pre-1.0 version (0x0d) in the version half. */
export const COMPONENT_LAYER = 1;
export const COMPONENT_VERSION = 0x0d;

export interface WasmHeader {
  version: number;
  layer: number;
}

/** The version and layer of a binary that starts with the magic, or undefined when it does not. */
export function wasmHeader(bytes: Uint8Array): WasmHeader | undefined {
  if (bytes.length < HEADER_BYTES || WASM_MAGIC.some((b, i) => bytes[i] !== b)) return undefined;
  return { version: bytes[4]! | (bytes[5]! << 8), layer: bytes[6]! | (bytes[7]! << 8) };
}

/** The layer of a binary from its header, or undefined when it is not wasm (or a core version we do not know). */
export function wasmLayer(bytes: Uint8Array): Layer | undefined {
  const h = wasmHeader(bytes);
  if (h?.layer === COMPONENT_LAYER) return 'component';
  return h?.layer === 0 && h.version === CORE_VERSION ? 'module' : undefined;
}
