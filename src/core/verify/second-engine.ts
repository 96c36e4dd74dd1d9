/**
 * The differential check: when run.lock.toml pins wasmtime, every case runs again on the wasmtime
 * CLI (`wasmtime run --invoke '<WAVE call>'`, or the command's entry point) and its outcome, value
 * and output are compared with run-action's engine. Each component is compiled once (`wasmtime
 * compile`) and its cases run from the precompiled file. The CLI cannot link components, so an app
 * that imports from others runs as the one component `run-action compose` makes of it and its
 * providers, written to the scratch directory. A case is skipped, with the reason, where the engines
 * cannot agree by design: wall clock and random (wasmtime's are real), limits and policy violations
 * (engine-specific); or where the app cannot be composed.
 */
import { spawn } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { composeApp } from '../compose/compose-app.js';
import type { RunConfig, ToolchainLock } from '../config/model.js';
import { RunActionError } from '../errors.js';
import type { Logger } from '../log.js';
import { setupToolchains } from '../toolchain/setup.js';
import type { Mirror } from '../toolchain/mirror.js';
import { runVersionCommand } from '../toolchain/version-check.js';
import type { Val } from '../values/model.js';
import { parseWave } from '../values/wave-parse.js';
import { printWave } from '../values/wave-print.js';
import type { ResolvedFunction } from '../wit/resolve-function.js';
import type { CaseRun } from './behaviour.js';
import { compareObservations, type FieldChange, type Observation, type ObservedField } from './observation.js';

export interface Wasmtime {
  /** The executable: a path from the tool cache, or the name, found on the caller's PATH. */
  bin: string;
  version: string;
  from: string;
  /** The environment wasmtime runs in: PATH only (no backtraces, nothing for the guest to inherit). */
  env: Record<string, string>;
}

export interface EngineCheck {
  status: 'agree' | 'differ' | 'skipped';
  reason?: string;
  changes?: FieldChange[];
  /** The providers the case's component was composed with to run on wasmtime (absent when it links to none). */
  composedWith?: string[];
}

export interface SecondEngineReport {
  engine?: string;
  status: 'ran' | 'skipped';
  reason?: string;
  agree: number;
  differ: number;
  skipped: number;
}

/** Ledger calls whose values wasmtime answers for real, so outputs may legitimately differ. */
const REAL_ON_WASMTIME = /^wasi:(clocks\/wall-clock|random\/)/;
/** Outcomes that depend on the engine's limits or policy, not on the component. */
const ENGINE_SPECIFIC = new Set(['timeout', 'out-of-memory', 'policy-violation', 'error']);
/** wasmtime errors that mean it could not run the case at all (not that the component behaved differently). */
const CANNOT_RUN = [/not found in the linker/, /Failed to parse invoke/, /No exported func/, /ambiguous/i, /support for .* was disabled/];
const RUN_TIMEOUT_MS = 60_000;

/** The pinned wasmtime, or why the differential check cannot run. */
export async function findWasmtime(lock: ToolchainLock | undefined, o: { toolCacheDir?: string; mirror?: Mirror; env: NodeJS.ProcessEnv; logger: Logger }): Promise<Wasmtime | { skip: string }> {
  const pin = lock?.toolchains.find((t) => t.tool === 'wasmtime');
  if (!lock || !pin) return { skip: 'run.lock.toml does not pin wasmtime' };
  const env = { PATH: o.env.PATH ?? '' };
  if (o.toolCacheDir) {
    try {
      const [t] = await setupToolchains(lock, { toolCacheDir: o.toolCacheDir, tools: ['wasmtime'], env: o.env, ...(o.mirror ? { mirror: o.mirror } : {}) }, o.logger);
      return { bin: t!.binPath, version: t!.version, from: `the tool cache (${t!.binPath})`, env };
    } catch (err) {
      if (!(err instanceof RunActionError)) throw err;
      return { skip: `run.lock.toml pins wasmtime ${pin.version}, but it could not be installed: ${err.message}` };
    }
  }
  const probe = await runVersionCommand('wasmtime', ['--version'], env);
  if (!probe.version) return { skip: `run.lock.toml pins wasmtime ${pin.version}, but no wasmtime runs from PATH (${probe.output})` };
  if (probe.version.replace(/^v/, '') !== pin.version.replace(/^v/, '')) {
    return { skip: `run.lock.toml pins wasmtime ${pin.version}, but the one on PATH is ${probe.version}: install the pinned one with \`run-action setup\`` };
  }
  return { bin: 'wasmtime', version: probe.version, from: 'PATH', env };
}

/** `add(3, 4)`, or `example:calc/math.add@0.1.0(3, 4)` for a function of a versioned interface (wasmtime's syntax). */
export function waveCall(fn: ResolvedFunction, args: readonly Val[]): string {
  const list = `(${args.map(printWave).join(', ')})`;
  if (!fn.interfaceName) return `${fn.func.name}${list}`;
  const at = fn.interfaceName.lastIndexOf('@');
  return at > 0 ? `${fn.interfaceName.slice(0, at)}.${fn.func.name}${fn.interfaceName.slice(at)}${list}` : `${fn.interfaceName}.${fn.func.name}${list}`;
}

/** Runs every case of `config` on wasmtime; one check per case, in order. Scratch files go to `scratch`. */
export async function checkOnWasmtime(w: Wasmtime, config: RunConfig, runs: readonly CaseRun[], scratch: string, logger: Logger): Promise<EngineCheck[]> {
  const compiled = new Map<string, Promise<{ file: string } | { skip: string }>>();
  const checks: EngineCheck[] = [];
  for (const run of runs) {
    const skip = whySkip(run);
    if (skip) {
      checks.push({ status: 'skipped', reason: skip });
      continue;
    }
    const t = run.target!;
    const composed = t.linked.length ? { composedWith: t.linked } : {};
    // A component alone is compiled once per digest; an app once per app (its providers are part of it).
    const key = t.linked.length ? `app:${run.case.component}` : t.artifact.sha256;
    let precompiled = compiled.get(key);
    if (!precompiled) {
      precompiled = t.linked.length ? composeAndPrecompile(w, config, run, scratch) : writeAndPrecompile(w, t.artifact.bytes, path.join(scratch, t.artifact.sha256));
      compiled.set(key, precompiled);
    }
    const p = await precompiled;
    if ('skip' in p) {
      checks.push({ status: 'skipped', reason: p.skip, ...composed });
      continue;
    }
    const check = { ...(await runCase(w, run, p.file)), ...composed };
    logger.debug(`wasmtime ${run.case.name}: ${check.status}${check.reason ? ` (${check.reason})` : ''}`);
    checks.push(check);
  }
  return checks;
}

function whySkip(run: CaseRun): string | undefined {
  const t = run.target;
  if (!t) return "the case did not start on run-action's engine";
  const real = run.baseline.ledger.filter((l) => REAL_ON_WASMTIME.test(l));
  if (real.length) return `it uses ${real.map((l) => l.replace(/ ×.*/, '')).join(', ')}, which wasmtime answers with real values`;
  if (ENGINE_SPECIFIC.has(run.baseline.outcome)) return `it ended with ${run.baseline.outcome} on run-action's engine: limits and policies are engine-specific`;
  return undefined;
}

async function writeAndPrecompile(w: Wasmtime, bytes: Uint8Array, base: string): Promise<{ file: string } | { skip: string }> {
  await writeFile(`${base}.wasm`, bytes);
  return precompile(w, `${base}.wasm`);
}

/** The case's app composed with its providers by run-action's composer, as `run-action compose` writes it. */
async function composeAndPrecompile(w: Wasmtime, config: RunConfig, run: CaseRun, scratch: string): Promise<{ file: string } | { skip: string }> {
  const app = run.case.component;
  let file: string;
  try {
    ({ file } = await composeApp(config, app, { output: path.join(scratch, `${app}.composed.wasm`) }));
  } catch (err) {
    if (!(err instanceof RunActionError)) throw err;
    return { skip: `it imports from ${run.target!.linked.join(', ')}, and run-action's composer cannot compose '${app}' with ${run.target!.linked.length > 1 ? 'them' : 'it'} into one component for wasmtime: ${err.message}` };
  }
  return precompile(w, file);
}

async function precompile(w: Wasmtime, wasm: string): Promise<{ file: string } | { skip: string }> {
  const cwasm = wasm.replace(/\.wasm$/, '.cwasm');
  const r = await spawnWasmtime(w, ['compile', '-o', cwasm, wasm]);
  return r.code === 0 ? { file: cwasm } : { skip: `wasmtime cannot compile it: ${cause(r.stderr)}` };
}

async function runCase(w: Wasmtime, run: CaseRun, cwasm: string): Promise<EngineCheck> {
  const t = run.target!;
  const grants = [
    ...t.grants.dirs.flatMap((d) => ['--dir', `${d.hostPath}::${d.guestPath}`]),
    ...Object.entries(t.grants.env).flatMap(([k, v]) => ['--env', `${k}=${v}`]),
  ];
  const call = t.fn ? ['--invoke', waveCall(t.fn, t.args)] : ['--argv0', t.grants.args[0] ?? run.case.component];
  const r = await spawnWasmtime(w, ['run', '-S', 'http', '--allow-precompiled', ...grants, ...call, cwasm]);
  if (r.code !== 0 && !/wasm trap/.test(r.stderr) && CANNOT_RUN.some((p) => p.test(r.stderr))) return { status: 'skipped', reason: `wasmtime cannot run it: ${cause(r.stderr)}` };
  const theirs = observation(r, t.fn);
  const ours: Observation = { ...run.baseline };
  delete ours.message; // engines word traps and errors differently: the class is what must agree
  if (ours.outcome === 'exit' && ours.exitCode === 0) ours.outcome = 'ok'; // a process exiting 0 is wasmtime's success
  // stderr is the guest's only when the call ended normally; otherwise it shows why the outcomes differ.
  const sameFailure = ours.outcome !== 'ok' && ours.outcome === theirs.outcome;
  const fields: ObservedField[] = ['outcome', ...(t.fn?.func.result ? (['value'] as const) : []), 'stdout', ...(sameFailure ? [] : (['stderr'] as const))];
  const changes = compareObservations(ours, theirs, fields);
  return changes.length ? { status: 'differ', changes } : { status: 'agree' };
}

/** wasmtime's run as an Observation: a trap is a trap whatever the engine's words; the value is the last line. */
function observation(r: Spawned, fn: ResolvedFunction | undefined): Observation {
  const base = { stderr: r.stderr, ledger: [] };
  if (r.code === null) return { ...base, outcome: 'timeout', exitCode: 1, stdout: r.stdout };
  if (/wasm trap/.test(r.stderr)) return { ...base, outcome: 'trap', exitCode: 1, stdout: r.stdout };
  if (r.code !== 0) return { ...base, outcome: 'exit', exitCode: r.code, stdout: r.stdout };
  const resultType = fn?.func.result;
  if (!resultType) return { ...base, outcome: 'ok', exitCode: 0, stdout: r.stdout };
  // The value is printed on a line of its own after whatever the guest wrote.
  const body = r.stdout.replace(/\n$/, '');
  const cut = body.lastIndexOf('\n');
  const printed = body.slice(cut + 1);
  let value = printed;
  try {
    value = printWave(parseWave(printed, resultType));
  } catch (err) {
    if (!(err instanceof RunActionError)) throw err;
    // Not WAVE for this type: compared as printed, so the difference shows.
  }
  return { ...base, outcome: 'ok', exitCode: 0, value, stdout: cut < 0 ? '' : body.slice(0, cut + 1) };
}

/** What a wasmtime error says: its first `Caused by` line, else its first line. */
function cause(stderr: string): string {
  const lines = stderr.split('\n').map((l) => l.trim()).filter(Boolean);
  const at = lines.indexOf('Caused by:');
  const line = at >= 0 && lines[at + 1] ? lines[at + 1]! : (lines[0] ?? 'no message');
  return line.replace(/^(\d+: |Error: )/, '');
}

interface Spawned {
  code: number | null;
  stdout: string;
  stderr: string;
}

function spawnWasmtime(w: Wasmtime, args: string[]): Promise<Spawned> {
  return new Promise((resolve, reject) => {
    const child = spawn(w.bin, args, { env: w.env, stdio: ['ignore', 'pipe', 'pipe'], timeout: RUN_TIMEOUT_MS, windowsHide: true });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') }));
  });
}
