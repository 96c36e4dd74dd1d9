/**
 * Behavioural determinism: every case — each declared test, and the entry point of a command that
 * no test exercises — run N times, then once under each host fact the policy must hide (a shifted
 * virtual wall clock, another random seed when the case uses no random, the granted environment in
 * reverse order). Each run is a fresh instance; a run whose observation differs from the first
 * names its perturbation. Unlike `test`, nothing is judged against `expect`: only sameness.
 */
import { loadLinkedApp } from '../compose/linked-app.js';
import type { Component, PolicyName, RunConfig, TestCase } from '../config/model.js';
import type { Grants } from '../engine/types.js';
import { RunActionError } from '../errors.js';
import type { Logger } from '../log.js';
import { cacheDirOf, loadComponentArtifact, type Artifact } from '../exec/artifact.js';
import { DEFAULT_SEED, grantsFor, hostConfig, type HostSettings } from '../exec/grants.js';
import { ComponentRunner } from '../exec/invoke.js';
import type { Val } from '../values/model.js';
import { parseArguments } from '../values/value-text.js';
import { printWave } from '../values/wave-print.js';
import type { ResolvedFunction } from '../wit/resolve-function.js';
import { compareObservations, failedToStart, observe, type FieldChange, type Observation } from './observation.js';

export interface VerifyCase {
  name: string;
  component: string;
  /** A declared test (a function call), or a command's entry point run as `exec` would. */
  kind: 'test' | 'exec';
  /** The call as shown: `add(3, 4)`, or `(entry point)`. */
  call: string;
}

export type PerturbationName = 'repeat' | 'wall-clock' | 'seed' | 'env-order';

export interface RunCheck {
  perturbation: PerturbationName;
  /** `run 2 of 3`, `wall clock (virtual epoch)`. */
  label: string;
  /** What was different about this run, e.g. `virtual epoch 0 → 31622400`. */
  detail: string;
  status: 'same' | 'changed' | 'skipped';
  reason?: string;
  changes?: FieldChange[];
}

/** What it takes to run a case again elsewhere (the second engine); kept out of the report. */
export interface CaseTarget {
  artifact: Artifact;
  /** Components this one imports from, linked at run time. */
  linked: string[];
  fn?: ResolvedFunction;
  args: Val[];
  grants: Grants;
}

export interface CaseRun {
  case: VerifyCase;
  baseline: Observation;
  checks: RunCheck[];
  target?: CaseTarget;
}

export interface BehaviourOptions {
  policy: PolicyName;
  env: Record<string, string | undefined>;
  logger: Logger;
  /** Identical runs (≥ 1); the first is the baseline the others are compared with. */
  runs: number;
  /** Also run once under each perturbation. */
  perturb: boolean;
}

/** A year and a bit: far enough that any date-derived output moves, odd so that no unit hides it. */
export const EPOCH_SHIFT_SECONDS = 366 * 86_400 + 12_345;
const OTHER_SEED = DEFAULT_SEED ^ 0x9e37_79b9_7f4a_7c15n;

interface Perturbation {
  name: Exclude<PerturbationName, 'repeat'>;
  label: string;
  /** Why it cannot apply to this case, when it cannot. */
  skip(baseline: Observation, grants: Grants): string | undefined;
  vary(s: HostSettings): { settings: HostSettings; detail: string };
}

const PERTURBATIONS: readonly Perturbation[] = [
  {
    name: 'wall-clock',
    label: 'wall clock (virtual epoch)',
    skip: () => undefined,
    vary: (s) => {
      const from = s.sourceDateEpoch ?? 0;
      return { settings: { ...s, sourceDateEpoch: from + EPOCH_SHIFT_SECONDS }, detail: `virtual epoch ${from} → ${from + EPOCH_SHIFT_SECONDS}` };
    },
  },
  {
    name: 'seed',
    label: 'random seed',
    skip: (baseline) => {
      const used = baseline.ledger.filter((l) => l.startsWith('wasi:random/'));
      return used.length ? `the case uses random (${used.join('; ')}): its seeded values are part of the policy, not a hidden fact` : undefined;
    },
    vary: (s) => ({ settings: { ...s, seed: OTHER_SEED }, detail: `seed 0x${(s.seed ?? DEFAULT_SEED).toString(16)} → 0x${OTHER_SEED.toString(16)}` }),
  },
  {
    name: 'env-order',
    label: 'environment order',
    skip: (_, grants) => (Object.keys(grants.env).length < 2 ? 'fewer than two environment variables are granted' : undefined),
    vary: (s) => ({
      settings: { ...s, grants: { ...s.grants, env: Object.fromEntries(Object.entries(s.grants.env).reverse()) } },
      detail: `${Object.keys(s.grants.env).length} granted variables in reverse order`,
    }),
  },
];

export const PERTURBATION_LABELS: Record<PerturbationName, string> = {
  repeat: 'identical run',
  ...Object.fromEntries(PERTURBATIONS.map((p) => [p.name, p.label])),
} as Record<PerturbationName, string>;

/** Runs the cases of `components`, component by component (each opened once for all its runs). */
export async function runCases(config: RunConfig, components: readonly Component[], o: BehaviourOptions): Promise<CaseRun[]> {
  const out: CaseRun[] = [];
  for (const component of components) out.push(...(await componentCases(config, component, o)));
  return out;
}

async function componentCases(config: RunConfig, component: Component, o: BehaviourOptions): Promise<CaseRun[]> {
  const tests = config.tests.filter((t) => t.component === component.name);
  const written = (t: TestCase): VerifyCase => ({ name: t.name, component: component.name, kind: 'test', call: `${t.function}(${t.args.join(', ')})` });
  let opened: Awaited<ReturnType<typeof open>>;
  try {
    opened = await open(config, component, o);
  } catch (err) {
    if (!(err instanceof RunActionError)) throw err;
    const why = failedToStart(err.message + (err.hint ? ` (${err.hint})` : ''));
    return tests.map((t) => ({ case: written(t), baseline: why, checks: [] }));
  }
  const { runner, linked, grants } = opened;
  const target = { artifact: runner.artifact, linked, grants };
  try {
    const runs: CaseRun[] = [];
    for (const t of tests) {
      let fn: ResolvedFunction;
      let args: Val[];
      try {
        fn = runner.resolve(t.function);
        args = parseArguments(fn.func, t.args);
      } catch (err) {
        if (!(err instanceof RunActionError)) throw err;
        runs.push({ case: written(t), baseline: failedToStart(err.message), checks: [] });
        continue;
      }
      const c: VerifyCase = { ...written(t), call: `${t.function}(${args.map(printWave).join(', ')})` };
      runs.push(await runCase(c, runner, { ...target, fn, args }, config, o));
    }
    // A command no test exercises still has behaviour: its entry point, as `exec` runs it.
    if (tests.length === 0 && runner.isCommand) {
      const c: VerifyCase = { name: `exec:${component.name}`, component: component.name, kind: 'exec', call: '(entry point)' };
      runs.push(await runCase(c, runner, { ...target, args: [] }, config, o));
    }
    return runs;
  } finally {
    await runner.close();
  }
}

/** The component ready to call (with the components it links to), and what it is granted. */
async function open(config: RunConfig, component: Component, o: BehaviourOptions): Promise<{ runner: ComponentRunner; linked: string[]; grants: Grants }> {
  const grants = grantsFor({ capabilities: component.capabilities, policy: o.policy, dir: config.dir, env: o.env, args: [component.name], logger: o.logger });
  const artifact = await loadComponentArtifact(config, component);
  const app = await loadLinkedApp(config, { artifact, component });
  const limits = { memoryBytes: config.run.memoryMiB * 1024 * 1024, timeoutMs: config.run.timeoutMs };
  const runner = await ComponentRunner.open(app, { cacheDir: cacheDirOf(config.dir), limits });
  return { runner, linked: app.components.slice(0, -1).map((c) => c.name), grants };
}

async function runCase(c: VerifyCase, runner: ComponentRunner, target: CaseTarget, config: RunConfig, o: BehaviourOptions): Promise<CaseRun> {
  const base: HostSettings = {
    policy: o.policy,
    grants: target.grants,
    outputCapBytes: config.run.outputCapBytes,
    ...(config.build.sourceDateEpoch !== undefined ? { sourceDateEpoch: config.build.sourceDateEpoch } : {}),
  };
  const once = async (s: HostSettings): Promise<Observation> => {
    const host = hostConfig(s);
    if (!target.fn) return observe(await runner.run(host));
    try {
      const { outcome, value } = await runner.call(target.fn, target.args, host);
      return observe(outcome, value);
    } catch (err) {
      if (!(err instanceof RunActionError)) throw err;
      return failedToStart(err.message);
    }
  };
  const baseline = await once(base);
  const checks: RunCheck[] = [];
  const check = async (perturbation: PerturbationName, label: string, detail: string, s: HostSettings) => {
    const changes = compareObservations(baseline, await once(s));
    checks.push({ perturbation, label, detail, status: changes.length ? 'changed' : 'same', ...(changes.length ? { changes } : {}) });
  };
  for (let n = 2; n <= o.runs; n++) await check('repeat', `run ${n} of ${o.runs}`, 'the same call again, in a fresh instance', base);
  if (o.perturb) {
    for (const p of PERTURBATIONS) {
      const reason = p.skip(baseline, target.grants);
      const { settings, detail } = p.vary(base);
      if (reason) checks.push({ perturbation: p.name, label: p.label, detail, status: 'skipped', reason });
      else await check(p.name, p.label, detail, settings);
    }
  }
  return { case: c, baseline, checks, target };
}
