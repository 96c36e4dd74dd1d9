/**
 * WebAssembly features our inputs use that the running V8 may ship only behind a flag.
 * componentize-py output uses extended-const, which V8 ships from 11.4 (Node 22); Node 20's V8 11.3
 * has it behind a flag. Enabled once per process, as Node 22 would, before any module is compiled.
 */
import v8 from 'node:v8';

let enabled = false;

export function enableWasmFeatures(): void {
  if (enabled) return;
  enabled = true;
  const [major = 0, minor = 0] = process.versions.v8.split('.').map(Number);
  if (major < 11 || (major === 11 && minor < 4)) v8.setFlagsFromString('--experimental-wasm-extended-const');
}
