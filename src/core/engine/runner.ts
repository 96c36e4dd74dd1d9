/**
 * A session runs the calls of one component. Opening it transpiles (cached), caps and compiles the
 * core modules once in this thread; every call then runs in a fresh instance inside one long-lived
 * worker thread. The parent owns the time limit: it terminates the worker when a call overruns and
 * starts a new one for the next call, so the host process survives any guest.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { ComponentReadError } from './errors.js';
import { enableWasmFeatures } from '../wasm/features.js';
import { capMemory } from './memory-cap.js';
import { timeoutVerdict, workerDeathVerdict, type Verdict } from './outcome.js';
import { unversioned } from '../compose/interface-names.js';
import {
  MIRROR_HEADER_BYTES,
  type CallJob,
  type ComponentLink,
  type FromWorker,
  type InitMessage,
  type JcoPath,
  type LoadedComponent,
  type OutputMirror,
  type ToWorker,
} from './protocol.js';
import { transpileCached, type ExportKind } from './transpile-cache.js';
import type { CallOutcome, HostConfig, Limits } from './types.js';

export const DEFAULT_LIMITS: Limits = { memoryBytes: 256 * 1024 * 1024, timeoutMs: 30_000 };

/** After termination is requested, how long we wait for the thread before reporting anyway. */
const TERMINATE_GRACE_MS = 500;
/** Every memory is also exported under this prefix so the worker can tell how full it is after a failure. */
const MEMORY_EXPORT_PREFIX = 'run-action:memory';
/**
 * The worker's JS heap limit is the memory limit (values lifted out of linear memory are at most its
 * size) plus this much for jco's glue and captured output. Linear memory itself is not on the heap.
 */
const WORKER_HEAP_MB = 256;

export interface OpenOptions {
  /** The component, as bytes or as a file to read (`file` also names it in messages). */
  bytes?: Uint8Array;
  file?: string;
  /** The project's `.run/cache` directory; transpiled components go under `transpile/<sha256>/`. */
  cacheDir: string;
  limits?: Partial<Limits>;
  /** Its name, for links and the ledger (default: the file's stem, or `component`). */
  name?: string;
  /** Runtime linking: its imports that the providers below satisfy. */
  links?: ComponentLink[];
  /** The components it links to (and theirs), each listed after the ones it links to. */
  providers?: ProviderOptions[];
}

/** A component instantiated before the one called, to satisfy its imports (runtime linking). */
export interface ProviderOptions {
  name: string;
  bytes?: Uint8Array;
  file?: string;
  links: ComponentLink[];
}

export interface CallRequest {
  path: JcoPath;
  /** Arguments as jco expects them (already converted from typed values). */
  args: unknown[];
  host: HostConfig;
  /** The function's WIT result is `result<…>`: the value comes back as `{tag:'ok'|'err', val}`. */
  resultIsResult?: boolean;
  /** Overrides the session's time limit for this call. */
  timeoutMs?: number;
}

export interface RunRequest {
  host: HostConfig;
  timeoutMs?: number;
}

/**
 * How to start the worker. Bundled, it is dist/worker.js next to this chunk. From source (vitest,
 * tsx) it is worker.ts, and Node 20 applies no ESM loader hooks inside worker threads, so a small
 * CommonJS bootstrap installs tsx's require hook first.
 */
function workerSpawn(): { entry: string | URL; eval: boolean } {
  if (!import.meta.url.endsWith('.ts')) return { entry: new URL('./worker.js', import.meta.url), eval: false };
  const tsx = createRequire(import.meta.url).resolve('tsx/cjs');
  const file = fileURLToPath(new URL('./worker.ts', import.meta.url));
  return { entry: `require(${JSON.stringify(tsx)}); require(${JSON.stringify(file)});`, eval: true };
}
const SPAWN = workerSpawn();

interface Pending {
  id: number;
  onMessage(msg: FromWorker): void;
  onDeath(cause: string, outOfMemory: boolean): void;
}

/** One worker thread and the call running in it, if any. */
class EngineThread {
  readonly worker: Worker;
  pending: Pending | undefined;
  dead = false;
  readonly mirror = new MirrorReader();

  constructor(init: InitMessage | Promise<InitMessage>, heapMb: number) {
    this.worker = new Worker(SPAWN.entry, {
      eval: SPAWN.eval,
      // The guest never sees the host environment; the worker does not need it either.
      env: {},
      // Engine diagnostics (jco prints some on console) must not reach the user's terminal.
      stdout: true,
      stderr: true,
      resourceLimits: { maxOldGenerationSizeMb: heapMb },
    });
    this.worker.stdout.resume();
    this.worker.stderr.resume();
    this.worker.unref();
    this.worker.on('message', (msg: FromWorker) => this.pending?.onMessage(msg));
    this.worker.on('error', (err: Error & { code?: string }) => this.die(err.message, err.code === 'ERR_WORKER_OUT_OF_MEMORY'));
    this.worker.on('exit', (code) => this.die(`exit code ${code}`, false));
    // Posting before the thread is up is fine: messages queue until it listens. A respawned thread
    // gets init synchronously, so it is queued before the first call.
    if (init instanceof Promise) init.then((m) => this.post(m), () => {}); // openComponent reports failures
    else this.post(init);
  }

  post(msg: ToWorker): void {
    if (!this.dead) this.worker.postMessage(msg);
  }

  private die(cause: string, outOfMemory: boolean): void {
    if (this.dead) return;
    this.dead = true;
    const p = this.pending;
    this.pending = undefined;
    p?.onDeath(cause, outOfMemory);
  }

  async terminate(): Promise<void> {
    this.dead = true;
    this.pending = undefined;
    await Promise.race([this.worker.terminate(), new Promise((r) => setTimeout(r, TERMINATE_GRACE_MS).unref())]);
  }
}

/** The parent's side of a thread's output mirror, grown to the largest cap asked for. */
class MirrorReader {
  #mirror: OutputMirror | undefined;

  /** A zeroed mirror for a call with this per-stream cap. */
  forCall(cap: number): OutputMirror {
    if (!this.#mirror || this.#mirror.stride < cap) {
      this.#mirror = { buffer: new SharedArrayBuffer(MIRROR_HEADER_BYTES + 2 * cap), stride: cap, cap };
    } else {
      new Float64Array(this.#mirror.buffer, 0, 4).fill(0);
      this.#mirror = { ...this.#mirror, cap };
    }
    return this.#mirror;
  }

  /** What the worker had mirrored when it stopped; read only once the thread is gone. */
  read(): Pick<CallOutcome, 'stdout' | 'stderr' | 'truncated'> {
    const m = this.#mirror!;
    const c = new Float64Array(m.buffer, 0, 4);
    const bytes = (i: number) => new Uint8Array(m.buffer, MIRROR_HEADER_BYTES + i * m.stride, c[2 * i]!).slice();
    return { stdout: bytes(0), stderr: bytes(1), truncated: { stdout: c[1]!, stderr: c[3]! } };
  }
}

/** One component, compiled once; calls run one at a time, each in a fresh instance. */
export class ComponentSession {
  readonly #init: InitMessage;
  readonly #limits: Limits;
  #thread: EngineThread | undefined;
  #queue: Promise<unknown> = Promise.resolve();
  #nextId = 1;
  #closed = false;

  /** @internal use openComponent */
  constructor(
    /** sha256 of the component bytes. */
    readonly sha256: string,
    /** The component's top-level exports as jco names them: functions, and interfaces by full name. */
    readonly exports: ReadonlyArray<readonly [string, ExportKind]>,
    /** The interfaces it imports (unversioned), as jco reports them. */
    readonly imports: readonly string[],
    init: InitMessage,
    limits: Limits,
    thread: EngineThread,
  ) {
    this.#init = init;
    this.#limits = limits;
    this.#thread = thread;
  }

  get limits(): Limits {
    return { ...this.#limits };
  }

  /** Calls one exported function in a fresh instance. Never throws for anything the guest does. */
  call(req: CallRequest): Promise<CallOutcome> {
    return this.#enqueue(
      { path: req.path, args: req.args, host: req.host, resultIsResult: req.resultIsResult ?? false, cli: false },
      req.timeoutMs,
    );
  }

  /**
   * Runs a command (`wasi:cli/run#run`): ok → class ok, exit code 0; `err` → class exit, code 1;
   * wasi:cli/exit(code) → class exit with that code (exit 0 is class ok).
   */
  run(req: RunRequest): Promise<CallOutcome> {
    const iface = this.exports.find(([name, kind]) => kind === 'instance' && /^wasi:cli\/run(@|$)/.test(name));
    if (!iface) {
      const names = this.exports.map(([n]) => n).join(', ') || 'none';
      return Promise.resolve(
        detachedOutcome(
          { class: 'error', exitCode: 1, message: `error: the component does not export wasi:cli/run, so it cannot be run as a command (its exports: ${names})` },
          0,
        ),
      );
    }
    return this.#enqueue({ path: [iface[0], 'run'], args: [], host: req.host, resultIsResult: true, cli: true }, req.timeoutMs);
  }

  /** Stops the worker. Calls still queued resolve as errors. */
  async close(): Promise<void> {
    this.#closed = true;
    const t = this.#thread;
    this.#thread = undefined;
    if (t) {
      t.pending?.onDeath('the session was closed', false);
      await t.terminate();
    }
  }

  #enqueue(job: CallJob, timeoutMs = this.#limits.timeoutMs): Promise<CallOutcome> {
    const result = this.#queue.then(() => this.#execute(job, timeoutMs));
    this.#queue = result.catch(() => {});
    return result;
  }

  #execute(job: CallJob, timeoutMs: number): Promise<CallOutcome> {
    if (this.#closed) return Promise.resolve(detachedOutcome({ class: 'error', exitCode: 1, message: 'error: the session is closed' }, 0));
    if (!this.#thread || this.#thread.dead) this.#thread = new EngineThread(this.#init, heapMb(this.#limits));
    const thread = this.#thread;
    const id = this.#nextId++;
    const output = thread.mirror.forCall(job.host.outputCapBytes);

    return new Promise<CallOutcome>((resolve) => {
      let startedAt: number | undefined;
      let timer: NodeJS.Timeout | undefined;
      const settle = (outcome: CallOutcome) => {
        clearTimeout(timer);
        thread.pending = undefined;
        thread.worker.unref();
        resolve(outcome);
      };
      const fromParent = (verdict: Verdict): CallOutcome => ({
        ...verdict,
        ...thread.mirror.read(),
        ledger: [],
        elapsedMs: startedAt === undefined ? 0 : performance.now() - startedAt,
      });
      const arm = (phase: 'call' | 'instantiation') => {
        clearTimeout(timer);
        timer = setTimeout(() => {
          const elapsedMs = startedAt === undefined ? timeoutMs : performance.now() - startedAt;
          this.#thread = undefined;
          void thread.terminate().then(() => settle({ ...fromParent(timeoutVerdict(timeoutMs, phase)), elapsedMs }));
        }, timeoutMs);
      };

      thread.pending = {
        id,
        onMessage: (msg) => {
          if (msg.id !== id) return;
          if (msg.type === 'started') {
            startedAt = performance.now();
            arm('call');
          } else {
            // A guest that blew the stack or the memory cap may leave the thread's heap in a poor state.
            if (msg.outcome.class === 'out-of-memory' || msg.outcome.class === 'stack-overflow') {
              this.#thread = undefined;
              void thread.terminate();
            }
            settle(msg.outcome);
          }
        },
        onDeath: (cause, outOfMemory) => {
          if (this.#thread === thread) this.#thread = undefined;
          settle(fromParent(workerDeathVerdict(cause, outOfMemory)));
        },
      };
      thread.worker.ref();
      // Instantiation (a start function may loop) and the call itself each get the full limit.
      arm('instantiation');
      thread.post({ type: 'call', id, job, output });
    });
  }
}

function heapMb(limits: Limits): number {
  return Math.ceil(limits.memoryBytes / (1024 * 1024)) + WORKER_HEAP_MB;
}

/** An outcome decided without running anything. */
function detachedOutcome(verdict: Verdict, elapsedMs: number): CallOutcome {
  return { ...verdict, stdout: new Uint8Array(), stderr: new Uint8Array(), truncated: { stdout: 0, stderr: 0 }, ledger: [], elapsedMs };
}

/**
 * Opens a component: reads it (when given a file), transpiles it through the cache, caps each core
 * module's memory at the limit and compiles it, and starts the worker. With `providers` (runtime
 * linking), each provider is prepared the same way and, for every call, instantiated first in the
 * same host, its exports passed as the linked imports. Throws a RunActionError when
 * the file is unreadable, is not a component, or needs more memory than the limit at start.
 */
export async function openComponent(opts: OpenOptions): Promise<ComponentSession> {
  const limits: Limits = { ...DEFAULT_LIMITS, ...opts.limits };
  const root: ProviderOptions = {
    name: opts.name ?? opts.file?.replace(/^.*[\\/]/, '').replace(/\.wasm$/i, '') ?? 'component',
    ...(opts.bytes ? { bytes: opts.bytes } : {}),
    ...(opts.file ? { file: opts.file } : {}),
    links: opts.links ?? [],
  };
  let resolveInit!: (m: InitMessage) => void;
  let rejectInit!: (e: unknown) => void;
  const initReady = new Promise<InitMessage>((res, rej) => ((resolveInit = res), (rejectInit = rej)));
  // The thread boots (tens of ms) while we read, transpile and compile.
  const thread = new EngineThread(initReady, heapMb(limits));
  try {
    const components: LoadedComponent[] = [];
    // One at a time: a transpile holds a whole component's output in memory. The root comes last.
    for (const provider of opts.providers ?? []) components.push((await loadOne(provider, opts.cacheDir, limits)).loaded);
    const { loaded, transpiled: t } = await loadOne(root, opts.cacheDir, limits);
    components.push(loaded);
    const init: InitMessage = { type: 'init', components, memoryLimitBytes: limits.memoryBytes };
    resolveInit(init);
    return new ComponentSession(t.sha256, t.exports, t.imports, init, limits, thread);
  } catch (err) {
    rejectInit(err);
    await thread.terminate();
    throw err;
  }
}

/** Reads (when given a file), transpiles through the cache, caps and compiles one component. */
async function loadOne(c: ProviderOptions, cacheDir: string, limits: Limits) {
  const what = c.file ?? c.name;
  const bytes = c.bytes ?? (await readComponent(what));
  const transpiled = await transpileCached(bytes, cacheDir, what);
  enableWasmFeatures();
  const modules = new Map(
    await Promise.all(
      [...transpiled.coreModules].map(
        async ([name, b]) => [name, await WebAssembly.compile(capMemory(b, limits.memoryBytes, { what: `${what} (${name})`, exportPrefix: MEMORY_EXPORT_PREFIX }))] as const,
      ),
    ),
  );
  const loaded: LoadedComponent = {
    name: c.name,
    jsUrl: pathToFileURL(transpiled.jsFile).href,
    modules,
    // jco's generated code reads the unversioned key; the versioned one is what its .d.ts declares.
    links: c.links.map((l) => ({ keys: [...new Set([unversioned(l.importName), l.importName])], iface: unversioned(l.importName), provider: l.provider, exportName: l.exportName })),
  };
  return { loaded, transpiled };
}

async function readComponent(file: string): Promise<Uint8Array> {
  try {
    return await readFile(file);
  } catch (err) {
    throw new ComponentReadError(`cannot read component ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`, {
      location: { file },
      hint: 'build the component first, or check the path',
      cause: err,
    });
  }
}
