/**
 * Toolchains whose output is a pre-initialisation snapshot (wizer, component-init): the heap they
 * capture holds build-time state, so two builds are never byte-identical and their components are
 * judged by behaviour instead. Recognised from the component's own `producers` section, so it holds
 * whatever built the file (our builder, a custom command, a prebuilt copy).
 */
import { producerValues } from '../wasm/custom.js';
import { readWasm, WasmFormatError } from '../wasm/reader.js';

export interface SnapshotToolchain {
  /** The tool as users know it. */
  tool: string;
  /** Its name in the top-level `producers` section's `processed-by` field. */
  producer: string;
  why: string;
  /** The upstream issue tracking byte-reproducible output. */
  issue: string;
}

const SNAPSHOT_TOOLCHAINS: readonly SnapshotToolchain[] = [
  {
    tool: 'componentize-js',
    producer: 'ComponentizeJS',
    why: 'its wizer snapshot captures a random temporary path and the engine state of the build',
    issue: 'bytecodealliance/ComponentizeJS#321',
  },
  {
    tool: 'componentize-py',
    producer: 'component-init-transform',
    why: 'it snapshots the heap of a CPython it runs at build time in its own environment, so PYTHONHASHSEED never reaches it: hash seed and random state come from host entropy, times from the real clock and a freshly extracted stdlib, and every heap address moves',
    issue: 'bytecodealliance/componentize-py#247',
  },
];

/** The snapshotting toolchain that produced this component, if any. */
export function snapshotToolchain(bytes: Uint8Array): SnapshotToolchain | undefined {
  let sections;
  try {
    sections = readWasm(bytes).sections;
  } catch (err) {
    if (err instanceof WasmFormatError) return undefined;
    throw err;
  }
  const producers = sections.find((s) => s.kind === 'custom' && s.name === 'producers');
  const processedBy = producers?.items?.find((i) => i.name === 'processed-by');
  if (!processedBy) return undefined;
  const names = new Set(producerValues(processedBy).map(([name]) => name));
  return SNAPSHOT_TOOLCHAINS.find((t) => names.has(t.producer));
}
