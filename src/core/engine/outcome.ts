/**
 * Turns how a call ended (returned, threw, exited, ran out of time) into an outcome class and a
 * message naming the cause. Pure functions of plain data, shared by the worker (which sees the
 * thrown value) and the parent (which sees timeouts and dead workers).
 */
import { formatBytes } from './memory-cap.js';
import type { LedgerEntry, OutcomeClass } from './types.js';

export interface Verdict {
  class: OutcomeClass;
  /** Exit code a CLI would report: the guest's for exit, 0 for ok, 1 for every failure. */
  exitCode: number;
  message: string;
  /** The guest called exit(0): the call ended successfully but without a return value. */
  exited?: true;
}

/** What the worker knows about the instance when a call fails. */
export interface FailureContext {
  /** Captured stderr so far (guests often print why they abort). */
  stderr: Uint8Array;
  /** The memory limit each linear memory was capped at. */
  memoryLimitBytes: number;
  /** Size of the instance's largest linear memory when the call failed. */
  memoryPeakBytes: number;
}

/** How a call ended without returning. */
export type Failure = { exit: number } | { thrown: unknown };

/**
 * A memory is exhausted when a further allocation of the usual size could not fit: within one
 * allocator growth step of the limit. A guest that traps or gives up that near the cap has, in
 * practice, run out of memory. The step is 1/16 of the limit (16 MiB of 256 MiB), but at least
 * 2 MiB: a 1 MiB request (SpiderMonkey's GC chunk, a typical malloc bomb) grows memory by 1 MiB plus
 * page rounding, so under a small cap (8 MiB) its last successful grow can end well below 15/16. It
 * is at most half the limit, so under a tiny cap an early trap still reads as a trap.
 */
const MIN_GROWTH_STEP = 2 * 1024 * 1024;

/** How far below the limit a memory counts as exhausted. */
function exhaustionMargin(limitBytes: number): number {
  return Math.min(limitBytes / 2, Math.max(limitBytes / 16, MIN_GROWTH_STEP));
}

/** What language runtimes print on stderr when an allocation fails, before aborting. */
const OOM_STDERR = [
  /out of memory/i, // StarlingMonkey (mozalloc), musl strerror(ENOMEM), Go runtime
  /memory allocation of \d+ bytes failed/, // Rust std
  /cannot allocate memory/i, // glibc-style strerror(ENOMEM)
  /\bbad_alloc\b/, // C++
  /\bMemoryError\b/, // Python
];

/** V8 errors raised when the engine itself cannot allocate for the guest. */
const V8_ALLOCATION = [/Out of memory/i, /Array buffer allocation failed/, /could not allocate memory/i, /Maximum memory size exceeded/];

const STACK_OVERFLOW = /Maximum call stack size exceeded/;

const text = new TextDecoder();

function oomLine(stderr: Uint8Array): string | undefined {
  if (stderr.length === 0) return undefined;
  for (const line of text.decode(stderr).split('\n')) {
    if (OOM_STDERR.some((re) => re.test(line))) return line.trim();
  }
  return undefined;
}

/** Why the failure looks like memory exhaustion, or undefined when it does not. */
function memoryCause(ctx: FailureContext): string | undefined {
  const limit = formatBytes(ctx.memoryLimitBytes);
  if (ctx.memoryPeakBytes >= ctx.memoryLimitBytes - exhaustionMargin(ctx.memoryLimitBytes)) {
    return `linear memory reached ${formatBytes(ctx.memoryPeakBytes)} of the ${limit} limit`;
  }
  const line = oomLine(ctx.stderr);
  return line === undefined ? undefined : `the guest reported "${line}" (memory limit ${limit})`;
}

/**
 * ` in <function>` when the innermost wasm frame of a trap is named (from the name section). V8
 * writes named frames as `at <module>.<function> (wasm://wasm/<module>-<hash>:…)`, an unnamed
 * function of a named module as `at <module> (…)`, and one without any name without `at name (`.
 */
function trapSite(err: Error): string {
  const line = (err.stack ?? '').split('\n').find((l) => l.includes('wasm://wasm/'));
  const m = line && /^\s*at (\S+) \(wasm:\/\/wasm\/(?:(.+)-)?[0-9a-f]+:/.exec(line);
  if (!m) return '';
  const [, frame, module] = m;
  if (frame === module) return '';
  return ` in ${module && frame!.startsWith(`${module}.`) ? frame!.slice(module.length + 1) : frame}`;
}

const errorText = (err: unknown): string =>
  err instanceof Error ? `${err.name}: ${err.message}` : `non-error value thrown: ${String(err)}`;

/** Classifies a call that did not return normally. */
export function classifyFailure(failure: Failure, ctx: FailureContext): Verdict {
  if ('exit' in failure) {
    const code = failure.exit;
    if (code === 0) return { class: 'ok', exitCode: 0, message: 'exited with code 0', exited: true };
    const oom = memoryCause(ctx);
    if (oom) return { class: 'out-of-memory', exitCode: code, message: `out-of-memory: ${oom}; the guest exited with code ${code}` };
    return { class: 'exit', exitCode: code, message: `exit: the guest exited with code ${code}` };
  }
  const err = failure.thrown;
  if (err instanceof RangeError && STACK_OVERFLOW.test(err.message)) {
    return { class: 'stack-overflow', exitCode: 1, message: `stack-overflow: ${err.message} (unbounded recursion?)` };
  }
  if (err instanceof RangeError && V8_ALLOCATION.some((re) => re.test(err.message))) {
    return { class: 'out-of-memory', exitCode: 1, message: `out-of-memory: the engine could not allocate memory for the guest (${err.message})` };
  }
  if (err instanceof WebAssembly.RuntimeError) {
    // jco rewrites V8's trap messages into wasmtime's wording, prefixed with `wasm trap: `.
    const trap = `${err.message.replace(/^wasm trap: /, '')}${trapSite(err)}`;
    const oom = memoryCause(ctx);
    if (oom) return { class: 'out-of-memory', exitCode: 1, message: `out-of-memory: ${oom}; then trap: ${trap}` };
    return { class: 'trap', exitCode: 1, message: `trap: ${trap}` };
  }
  return { class: 'error', exitCode: 1, message: `error: ${errorText(err)}` };
}

/** `policy-violation: wasi:clocks/wall-clock#now (called 1 time), …` */
export function violationVerdict(violations: LedgerEntry[]): Verdict {
  const list = violations.map((v) => `${v.call} (called ${v.count} time${v.count === 1 ? '' : 's'})`).join(', ');
  return { class: 'policy-violation', exitCode: 1, message: `policy-violation: ${list}` };
}

export function timeoutVerdict(limitMs: number, phase: 'call' | 'instantiation'): Verdict {
  return {
    class: 'timeout',
    exitCode: 1,
    message: `timeout: the ${phase} did not finish within the time limit of ${limitMs} ms and was stopped`,
  };
}

/** A worker that died under a call (out of JS heap, or a crash in the engine). */
export function workerDeathVerdict(cause: string, outOfMemory: boolean): Verdict {
  return outOfMemory
    ? { class: 'out-of-memory', exitCode: 1, message: `out-of-memory: the engine ran out of JS heap (${cause})` }
    : { class: 'error', exitCode: 1, message: `error: the engine worker died (${cause})` };
}
