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

export interface InitMessage {
  type: 'init';
  /** file: URL of the generated ES module. */
  jsUrl: string;
  /** Compiled (memory-capped) core modules by the file name the generated code asks for. */
  modules: Map<string, WebAssembly.Module>;
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
