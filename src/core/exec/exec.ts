/**
 * `exec`: run one component once — a function call (`--call 'add(3, 4)'`, or upstream's
 * `--function add --args 3,4`) or, without a function, its CLI entry point (`wasi:cli/run`, or a
 * top-level `run` export as upstream §6.3 allows).
 */
import { loadLinkedApp } from '../compose/linked-app.js';
import type { PolicyName, RunConfig } from '../config/model.js';
import type { CallOutcome, Limits } from '../engine/types.js';
import { RunActionError } from '../errors.js';
import type { Logger } from '../log.js';
import { parseCallExpression, callArguments } from '../values/call-expression.js';
import type { Val } from '../values/model.js';
import { parseArguments } from '../values/value-text.js';
import { cacheDirOf, loadTarget, type Artifact } from './artifact.js';
import { grantsFor, hostConfig } from './grants.js';
import { ComponentRunner } from './invoke.js';

export class ExecUsageError extends RunActionError {}

export interface ExecRequest {
  target: string;
  /** WAVE call expression, e.g. `add(3, 4)`. */
  call?: string;
  /** Upstream's --function and --args (each --args value split on commas). */
  function?: string;
  args: string[];
  policy?: PolicyName;
  limits: Partial<Limits>;
  allowClock: boolean;
  allowRandom: boolean;
  /** Guest arguments for a command run (argv[1…]). */
  argv: string[];
  dir: string;
  config: RunConfig | undefined;
  env: Record<string, string | undefined>;
  logger: Logger;
}

export interface ExecResult {
  artifact: Artifact;
  policy: PolicyName;
  outcome: CallOutcome;
  /** The typed return value of a function call that succeeded. */
  value?: Val;
  /** Process exit code: the guest's for commands and exits, 1 for any failure, else 0. */
  exitCode: number;
}

export async function exec(req: ExecRequest): Promise<ExecResult> {
  if (req.args.length && !req.function) throw new ExecUsageError('--args requires --function', { hint: "or write the whole call: --call 'f(1, 2)'" });
  if (req.call && req.function) throw new ExecUsageError('give either --call or --function, not both');
  const { artifact, component } = await loadTarget(req.target, req.dir, req.config);
  const policy = req.policy ?? req.config?.run.policy ?? 'strict';
  const grants = grantsFor({
    capabilities: component?.capabilities ?? [],
    policy,
    dir: req.config?.dir ?? req.dir,
    env: req.env,
    args: [artifact.name, ...req.argv],
    allowClock: req.allowClock,
    allowRandom: req.allowRandom,
    logger: req.logger,
  });
  const run = req.config?.run;
  const host = hostConfig({
    policy,
    grants,
    outputCapBytes: run?.outputCapBytes ?? 1024 * 1024,
    ...(req.config?.build.sourceDateEpoch !== undefined ? { sourceDateEpoch: req.config.build.sourceDateEpoch } : {}),
  });
  const limits: Partial<Limits> = {
    ...(run ? { memoryBytes: run.memoryMiB * 1024 * 1024, timeoutMs: run.timeoutMs } : {}),
    ...req.limits,
  };
  const app = await loadLinkedApp(req.config, { artifact, ...(component ? { component } : {}) });
  const runner = await ComponentRunner.open(app, { cacheDir: cacheDirOf(req.config?.dir ?? req.dir), limits });
  try {
    if (req.call || req.function) {
      let fn;
      let args: Val[];
      if (req.call) {
        const expr = parseCallExpression(req.call);
        fn = runner.resolve(expr.name);
        args = callArguments(expr, fn.func);
      } else {
        fn = runner.resolve(req.function!);
        args = parseArguments(fn.func, req.args.flatMap((a) => a.split(',')).map((a) => a.trim()).filter(Boolean));
      }
      const { outcome, value } = await runner.call(fn, args, host);
      return { artifact, policy, outcome, ...(value ? { value } : {}), exitCode: outcome.exitCode };
    }
    if (!runner.isCommand && runner.world.exports.some((e) => e.kind === 'function' && e.name === 'run')) {
      const fn = runner.resolve('run');
      const { outcome, value } = await runner.call(fn, [], host);
      return { artifact, policy, outcome, ...(value ? { value } : {}), exitCode: outcome.class === 'ok' ? exitCodeOfValue(value) : outcome.exitCode };
    }
    const outcome = await runner.run(host);
    return { artifact, policy, outcome, exitCode: outcome.exitCode };
  } finally {
    await runner.close();
  }
}

const SMALL_INTS: ReadonlySet<Val['kind']> = new Set(['s8', 's16', 's32', 'u8', 'u16', 'u32']);

/** Upstream §6.3 for a top-level `run` export: `err(n)` → n (a bare `err` → 1), an integer → itself, anything else → 0. */
function exitCodeOfValue(value: Val | undefined): number {
  if (value?.kind === 'result') return value.ok ? 0 : value.value ? exitCodeOfValue(value.value) || 1 : 1;
  return value && SMALL_INTS.has(value.kind) ? (value as { value: number }).value : 0;
}
