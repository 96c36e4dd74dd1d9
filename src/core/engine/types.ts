/**
 * The contract between the engine's parts: what a run is allowed to do (policy + grants), what it
 * reports (outcome, captured output, ledger). Everything here is plain data so it can cross the
 * worker boundary by structured clone.
 */
import type { PolicyName } from '../config/model.js';

export type { PolicyName };

/** What the project (capabilities) or the command line (--allow-clock …) grants a component. */
export interface Grants {
  /** Host directories preopened for the guest: guest path → host path. */
  dirs: Array<{ guestPath: string; hostPath: string; write: boolean }>;
  /** Host environment variables the guest may see, already resolved to values by the caller. */
  env: Record<string, string>;
  clock: boolean;
  random: boolean;
  stdin: boolean;
  /** Arguments the guest sees (argv[0] is the component name). */
  args: string[];
}

export interface HostConfig {
  policy: PolicyName;
  grants: Grants;
  /** Virtual wall-clock epoch in seconds (SOURCE_DATE_EPOCH); used by `virtual` and for granted clocks under `strict`. */
  epochSeconds: number;
  /** Seed of the deterministic random generator. */
  seed: bigint;
  /** Per-stream cap of captured stdout/stderr bytes; output past it is counted, not kept. */
  outputCapBytes: number;
}

/** One nondeterministic (or denied) import the guest used during a call. */
export interface LedgerEntry {
  /** `wasi:clocks/wall-clock#now` style: unversioned interface, '#', kebab-case function. */
  call: string;
  count: number;
  /** Bytes returned (random) or requested, when that makes sense. */
  bytes: number;
  /**
   * What the host answered: the real value ('host'), a virtual one ('virtual'), or a denial
   * ('denied'); or, for a call into another component of a linked app, that component ('component').
   */
  answer: 'host' | 'virtual' | 'denied' | 'component';
  /** For answer 'component': the name of the component that answered. */
  provider?: string;
  /** True when the policy forbids it: the call fails after it returns with a policy-violation. */
  violation: boolean;
}

export type OutcomeClass =
  | 'ok'
  | 'trap'
  | 'out-of-memory'
  | 'timeout'
  | 'stack-overflow'
  | 'policy-violation'
  | 'exit'
  | 'error'; // the host could not run the call at all (not a component, function missing, bad args)

export interface CallOutcome {
  class: OutcomeClass;
  /** For exit: the guest's exit code. For ok from a CLI run: 0. */
  exitCode: number;
  /** Human-readable cause, e.g. `policy-violation: wasi:clocks/wall-clock#now (called 1 time)`. */
  message: string;
  /**
   * The raw value jco returned (JS representation of the WIT result), when class is ok. A top-level
   * `result<T, E>` that came back as `err(e)` is reported as { tag: 'err', val: e }, and `ok(v)` as
   * { tag: 'ok', val: v }, so the value layer sees the full result.
   */
  value?: unknown;
  /** The guest called exit(0) (e.g. Go's runtime after main): ok, and no return value to convert. */
  exited?: true;
  stdout: Uint8Array;
  stderr: Uint8Array;
  /** Bytes dropped past the output cap, per stream. */
  truncated: { stdout: number; stderr: number };
  ledger: LedgerEntry[];
  /** Wall time of the call itself (not compile/instantiate), in ms. */
  elapsedMs: number;
}

export interface Limits {
  memoryBytes: number; // default 256 MiB
  timeoutMs: number; // default 30 s per call
}
