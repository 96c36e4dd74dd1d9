/**
 * Messages between the runner (parent thread) and its worker. Everything is structured-cloneable:
 * compiled `WebAssembly.Module`s cross without copying their code.
 */
import type { CallOutcome, HostConfig } from './types.js';

/**
 * Where the function is on jco's exports object: `[name]` for a top-level function export (jco's
 * camelCase name), `[interfaceKey, functionName]` for a function of an exported interface (the
 * interface's full export name, e.g. `example:calc/math@1.0.0`, and jco's camelCase function name).
 */
export type JcoPath = readonly [string] | readonly [string, string];

/**
 * Runtime linking: the consumer's import `importName` (as it imports it, e.g.
 * `example:calculator/math@0.1.0`) is the export `exportName` of the component named `provider`.
 */
export interface ComponentLink {
  importName: string;
  provider: string;
  exportName: string;
}

/** A link as the worker applies it: the import keys jco's generated code may read, and the ledger's name for the interface. */
export interface WorkerLink {
  keys: string[];
  iface: string;
  provider: string;
  exportName: string;
}

export interface LoadedComponent {
  /** The component's name: links refer to it, and the ledger names it as the provider of linked calls. */
  name: string;
  /** file: URL of the generated ES module. */
  jsUrl: string;
  /** Compiled (memory-capped) core modules by the file name the generated code asks for. */
  modules: Map<string, WebAssembly.Module>;
  /** Imports satisfied by components instantiated before this one. */
  links: WorkerLink[];
}

export interface InitMessage {
  type: 'init';
  /**
   * Instantiated in this order for every call, all with one host; each gets the exports of earlier
   * ones it links to. The last is the component whose functions are called.
   */
  components: LoadedComponent[];
  memoryLimitBytes: number;
}

export interface CallJob {
  path: JcoPath;
  args: unknown[];
  host: HostConfig;
  /** The function's WIT result is a `result<…>`: jco returns ok bare and throws the err payload. */
  resultIsResult: boolean;
  /** `wasi:cli/run#run` of a command: its `result` maps to exit codes instead of a value. */
  cli: boolean;
}

/**
 * Guest output mirrored into memory the parent can read after it has killed the worker (a call
 * stopped by its time limit takes its host with it). Layout: four float64 counters (stdout kept,
 * stdout dropped, stderr kept, stderr dropped), then a region of `stride` bytes for stdout and one
 * for stderr, of which a call uses the first `cap` (its output cap).
 */
export interface OutputMirror {
  buffer: SharedArrayBuffer;
  stride: number;
  cap: number;
}

export const MIRROR_HEADER_BYTES = 32;

export type ToWorker = InitMessage | { type: 'call'; id: number; job: CallJob; output: OutputMirror };

export type FromWorker =
  /** Instantiation is over and the export is about to be entered: the call's time limit starts. */
  | { type: 'started'; id: number }
  | { type: 'done'; id: number; outcome: CallOutcome };
