/**
 * The engine worker: imports a transpiled component's JS once, then runs each call in a fresh
 * instance with a fresh host, and reports a CallOutcome. The parent stops it with terminate() when
 * a call overruns its time limit; nothing here needs to cooperate with that.
 *
 * A separate bundle entry (dist/worker.js): no side effects beyond handling messages.
 */
import { parentPort } from 'node:worker_threads';
import { RunActionError } from '../errors.js';
import { ComponentExit, createHost, type Host } from './host/index.js';
import { classifyFailure, violationVerdict, type Failure, type Verdict } from './outcome.js';
import { MIRROR_HEADER_BYTES, type CallJob, type FromWorker, type JcoPath, type LoadedComponent, type OutputMirror, type ToWorker, type WorkerLink } from './protocol.js';
import type { CallOutcome } from './types.js';

type Exports = Record<string, unknown>;
type InstantiateCore = (module: WebAssembly.Module, imports?: WebAssembly.Imports) => WebAssembly.Instance;
type Instantiate = (
  getCoreModule: (name: string) => WebAssembly.Module,
  imports: unknown,
  instantiateCore: InstantiateCore,
) => Exports | Promise<Exports>;

interface Loaded {
  /** In instantiation order; the last is the one called. */
  components: Array<LoadedComponent & { instantiate: Instantiate }>;
  memoryLimitBytes: number;
}

const port = parentPort!;
const post = (m: FromWorker) => port.postMessage(m);
let loaded: Promise<Loaded> | undefined;

port.on('message', (msg: ToWorker) => {
  if (msg.type === 'init') {
    loaded = Promise.all(msg.components.map(async (c) => ({ ...c, instantiate: ((await import(c.jsUrl)) as { instantiate: Instantiate }).instantiate }))).then(
      (components) => ({ components, memoryLimitBytes: msg.memoryLimitBytes }),
    );
    loaded.catch(() => {}); // reported by the first call
  } else {
    // Anything that escapes runCall comes from the host (a bad grant, or a bug): report it for this
    // call and keep the thread.
    runCall(msg.id, msg.job, msg.output).catch((err: unknown) =>
      post({
        type: 'done',
        id: msg.id,
        outcome: {
          class: 'error',
          exitCode: 1,
          message: `error: ${hostFailure(err)}`,
          stdout: new Uint8Array(),
          stderr: new Uint8Array(),
          truncated: { stdout: 0, stderr: 0 },
          ledger: [],
          elapsedMs: 0,
        },
      }),
    );
  }
});

/** A RunActionError (say, a granted directory that does not exist) speaks for itself; anything else is a bug. */
function hostFailure(err: unknown): string {
  if (err instanceof RunActionError) return err.hint ? `${err.message} (${err.hint})` : err.message;
  return `the host failed: ${err instanceof Error ? err.message : String(err)}`;
}

/** The value jco threw for a `result` err: the payload itself, or (older jco) a ComponentError carrying it. */
function errPayload(thrown: unknown): { payload: unknown } | undefined {
  if (!(thrown instanceof Error)) return { payload: thrown };
  if (thrown.name === 'ComponentError' && Object.hasOwn(thrown, 'payload')) return { payload: (thrown as Error & { payload?: unknown }).payload };
  return undefined;
}

/** The function at `path`, or why there is none (naming what is there instead). */
function lookup(exports: Exports, path: JcoPath): Function | string {
  const [first, fn] = path;
  const top = exports[first];
  const names = (o: object) => Object.keys(o).join(', ') || 'none';
  if (fn === undefined) {
    return typeof top === 'function' ? top : `the component exports no function ${first} (its exports: ${names(exports)})`;
  }
  if (!top || typeof top !== 'object') return `the component exports no interface ${first} (its exports: ${names(exports)})`;
  const f = (top as Record<string, unknown>)[fn];
  return typeof f === 'function' ? f : `the interface ${first} has no function ${fn} (its functions: ${names(top)})`;
}

async function runCall(id: number, job: CallJob, output: OutputMirror): Promise<void> {
  const host = createHost(job.host);
  mirrorOutput(host, output);
  const memories = new Set<WebAssembly.Memory>();
  let memoryLimitBytes = 0;

  const finish = (verdict: Verdict, elapsedMs: number, value?: unknown) => {
    // A violation decides the verdict even when the call then failed (the failure may be its consequence).
    const violations = host.violations();
    const final =
      violations.length === 0 ? verdict : verdict.class === 'ok' ? violationVerdict(violations) : withCause(violationVerdict(violations), verdict);
    const outcome: CallOutcome = {
      class: final.class,
      exitCode: final.exitCode,
      message: final.message,
      ...(final.class === 'ok' && value !== undefined ? { value } : {}),
      ...(final.exited ? { exited: true as const } : {}),
      stdout: host.stdout(),
      stderr: host.stderr(),
      truncated: host.truncated(),
      ledger: host.ledger(),
      elapsedMs,
    };
    host.dispose();
    try {
      post({ type: 'done', id, outcome });
    } catch (err) {
      // A value jco returned that cannot cross threads (a resource handle with methods, say).
      post({
        type: 'done',
        id,
        outcome: { ...outcome, class: 'error', exitCode: 1, message: `error: the return value cannot be passed back: ${(err as Error).message}`, value: undefined },
      });
    }
  };
  const failed = (f: Failure, elapsedMs: number) =>
    finish(
      classifyFailure(f, {
        stderr: host.stderr(),
        memoryLimitBytes,
        memoryPeakBytes: Math.max(0, ...[...memories].map((m) => m.buffer.byteLength)),
      }),
      elapsedMs,
    );

  let exports: Exports;
  try {
    if (!loaded) throw new Error('the worker received a call before its component');
    const { components, memoryLimitBytes: limit } = await loaded;
    memoryLimitBytes = limit;
    const instantiateCore: InstantiateCore = (module, imports) => {
      const instance = new WebAssembly.Instance(module, imports);
      for (const v of Object.values(instance.exports)) if (v instanceof WebAssembly.Memory) memories.add(v);
      return instance;
    };
    // Providers first, all in this one host; each consumer gets its providers' exports as imports.
    const instances = new Map<string, Exports>();
    for (const c of components) {
      const imports = c.links.length === 0 ? host.imports : { ...host.imports, ...linkedImports(c.links, instances, host) };
      instances.set(c.name, await c.instantiate((name) => c.modules.get(name)!, imports, instantiateCore));
    }
    exports = instances.get(components.at(-1)!.name)!;
  } catch (err) {
    return failed(exitOf(err, host.exitCode()) ?? { thrown: err }, 0);
  }

  const fn = lookup(exports, job.path);
  if (typeof fn === 'string') return finish({ class: 'error', exitCode: 1, message: `error: ${fn}` }, 0);

  post({ type: 'started', id });
  const t0 = performance.now();
  let value: unknown;
  try {
    value = fn(...job.args);
    if (value instanceof Promise) value = await value;
  } catch (err) {
    const elapsedMs = performance.now() - t0;
    const exit = exitOf(err, host.exitCode());
    if (exit) return failed(exit, elapsedMs);
    const payload = job.resultIsResult || job.cli ? errPayload(err) : undefined;
    if (!payload) return failed({ thrown: err }, elapsedMs);
    if (job.cli) return finish({ class: 'exit', exitCode: 1, message: 'exit: wasi:cli/run returned an error (exit code 1)' }, elapsedMs);
    return finish({ class: 'ok', exitCode: 0, message: 'ok' }, elapsedMs, { tag: 'err', val: payload.payload });
  }
  const elapsedMs = performance.now() - t0;
  if (job.cli) return finish({ class: 'ok', exitCode: 0, message: 'ok' }, elapsedMs);
  finish({ class: 'ok', exitCode: 0, message: 'ok' }, elapsedMs, job.resultIsResult ? { tag: 'ok', val: value } : value);
}

/** jco's camelCase member name → the WIT (kebab-case) function name the ledger uses. */
const witName = (jsName: string) => jsName.replace(/[A-Z]/g, (m) => `-${m.toLowerCase()}`);

/** Resource classes pass through unchanged: jco checks `instanceof` against the provider's own class. */
const isClass = (v: unknown) => typeof v === 'function' && /^class[\s{]/.test(Function.prototype.toString.call(v));

/**
 * The imports a consumer gets from its providers: each provided interface object, its functions
 * wrapped so that every cross-component call is recorded in the ledger under the provider's name.
 */
function linkedImports(links: WorkerLink[], instances: Map<string, Exports>, host: Host): Record<string, object> {
  const out: Record<string, object> = {};
  for (const link of links) {
    const provided = instances.get(link.provider)?.[link.exportName];
    if (!provided || typeof provided !== 'object') throw new Error(`component '${link.provider}' has no export ${link.exportName} to link`);
    const wrapped: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(provided)) {
      if (typeof value !== 'function' || isClass(value)) {
        wrapped[key] = value;
        continue;
      }
      const call = `${link.iface}#${witName(key)}`;
      wrapped[key] = function (this: unknown, ...args: unknown[]) {
        host.linkedCall(call, link.provider);
        return (value as (...a: unknown[]) => unknown).apply(this, args);
      };
    }
    for (const key of link.keys) out[key] = wrapped;
  }
  return out;
}

const STREAMS: Array<[iface: string, getter: string]> = [
  ['wasi:cli/stdout', 'getStdout'],
  ['wasi:cli/stderr', 'getStderr'],
];

/**
 * Copies guest output, as it is written, into the shared mirror (see OutputMirror), so a call
 * stopped by its time limit still reports what it printed and how much was dropped. Every write of
 * the host's output streams goes through their `write` method, wrapped on each stream the guest gets.
 */
function mirrorOutput(host: Host, { buffer, stride, cap }: OutputMirror): void {
  const counters = new Float64Array(buffer, 0, 4);
  STREAMS.forEach(([iface, getter], i) => {
    const region = new Uint8Array(buffer, MIRROR_HEADER_BYTES + i * stride, cap);
    const api = host.imports[iface] as Record<string, () => { write(b: Uint8Array): unknown }>;
    const get = api[getter]!;
    api[getter] = () => {
      const out = get();
      const write = out.write;
      out.write = function (bytes: Uint8Array) {
        const kept = counters[2 * i]!;
        const keep = Math.min(bytes.length, cap - kept);
        if (keep > 0) region.set(bytes.subarray(0, keep), kept);
        counters[2 * i] = kept + keep;
        counters[2 * i + 1]! += bytes.length - keep;
        return write.call(this, bytes);
      };
      return out;
    };
  });
}

/** wasi:cli/exit unwinds the guest by throwing ComponentExit; the host also remembers the code. */
function exitOf(err: unknown, hostExit: number | undefined): Failure | undefined {
  if (err instanceof ComponentExit) return { exit: err.code };
  return hostExit === undefined ? undefined : { exit: hostExit };
}

function withCause(violation: Verdict, failure: Verdict): Verdict {
  return { ...violation, message: `${violation.message}; the call then ended with ${failure.message}` };
}
