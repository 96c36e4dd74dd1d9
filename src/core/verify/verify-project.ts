/**
 * `verify`: proves a project reproducible and explains every difference.
 * 1. Builds: the reference (this run's build, or a build in place), then a variant build of a copy
 *    in another directory with every variation at once (variations.ts); digests compared.
 * 2. Behaviour: every case N times and under perturbed host facts (behaviour.ts); the cases of a
 *    component whose digest differed also run on the variant build.
 * 3. Differences: explained from the binaries' structure (explain.ts); a snapshot toolchain's are
 *    expected and judged by behaviour; any other sends its components to the culprit search.
 * 4. The second engine (wasmtime, when pinned) re-runs the cases; `.run/expect.json` is compared,
 *    recorded or updated.
 * Copies and scratch files live in one temporary directory, removed at the end.
 */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { buildProject, type BuiltComponent } from '../build/index.js';
import type { PolicyName, RunConfig, ToolchainLock } from '../config/model.js';
import { loadToolchainLock } from '../config/lock-toml.js';
import type { Mirror } from '../toolchain/mirror.js';
import { RunActionError } from '../errors.js';
import type { Logger } from '../log.js';
import { runCases, type CaseRun } from './behaviour.js';
import { findCulprits, type CulpritSearch } from './culprit.js';
import {
  compareExpectations,
  EXPECT_FILE,
  expectedCase,
  ExpectationsExistError,
  readExpectations,
  writeExpectations,
  type Expectations,
  type ExpectationsMode,
  type ExpectationsReport,
} from './expectations.js';
import { explainDifference, type Explanation } from './explain.js';
import { compareObservations } from './observation.js';
import { cpuAffinity, currentUmask } from './process-state.js';
import { rebuildCopy, type Rebuild } from './rebuild.js';
import type { CaseReport, ComponentReport, VerifyReport } from './report.js';
import { checkOnWasmtime, findWasmtime, type EngineCheck, type SecondEngineReport } from './second-engine.js';
import { snapshotToolchain, type SnapshotToolchain } from './snapshot-toolchains.js';
import { COMPILER_CACHES, conditionsWith, NOT_VARIED, planVariations, reportOf, type HostFacts } from './variations.js';
import { judge } from './verdict.js';

export class VerifyOptionsError extends RunActionError {}

export interface VerifyOptions {
  /** The caller's environment (builds scrub it; capabilities resolve `env:` from it). */
  env: NodeJS.ProcessEnv;
  /** run.lock.toml as read already; default: read from the project. */
  lock?: ToolchainLock;
  toolCacheDir?: string;
  /** Where pinned tools not installed yet download from (see setup). */
  mirror?: Mirror;
  /** Components built at once in the reference build. */
  jobs?: number;
  /** Only these components (default: every buildable one). */
  components?: string[];
  /** This run's build (the pipeline's build stage); without it verify builds the project in place first. */
  reference?: BuiltComponent[];
  /** Default: run.toml [run].policy. */
  policy?: PolicyName;
  /** Identical runs per case (default 3). */
  runs?: number;
  /** check (default): compare with .run/expect.json when it exists; record: write it; update: rewrite it. */
  expectations?: ExpectationsMode;
  /** Where the copies and scratch files go (default: the OS temp dir; RUNNER_TEMP in the action). */
  workDir?: string;
}

export const DEFAULT_RUNS = 3;

export async function verifyProject(config: RunConfig, options: VerifyOptions, logger: Logger): Promise<VerifyReport> {
  const started = performance.now();
  const ms = { build: 0, behaviour: 0, explain: 0, culprit: 0, secondEngine: 0, total: 0 };
  const timed = async <T>(key: keyof typeof ms, fn: () => Promise<T>): Promise<T> => {
    const t = performance.now();
    try {
      return await fn();
    } finally {
      ms[key] += performance.now() - t;
    }
  };
  const policy = options.policy ?? config.run.policy;
  const runs = options.runs ?? DEFAULT_RUNS;
  if (!Number.isInteger(runs) || runs < 1) throw new VerifyOptionsError(`runs must be a whole number of at least 1, not ${runs}`, { hint: `the default is ${DEFAULT_RUNS}` });
  const mode = options.expectations ?? 'check';
  const expectFile = path.join(config.dir, EXPECT_FILE);
  if (mode === 'record' && existsSync(expectFile)) {
    throw new ExpectationsExistError(`${EXPECT_FILE} exists already`, {
      location: { file: expectFile },
      hint: 'run verify without --record to compare with it, or with --update to rewrite it from this run',
    });
  }
  // Read (and so validated) before anything is built.
  const expected = await readExpectations(expectFile);
  const lock = options.lock ?? loadToolchainLock(config.dir);
  const scratch = await mkdtemp(path.join(options.workDir ?? os.tmpdir(), 'run-action-verify-'));
  try {
    // 1. Builds.
    const reference =
      options.reference?.filter((b) => !options.components?.length || options.components.includes(b.name)) ??
      (
        await timed('build', () =>
          logger.group('verify: reference build, in the project', () =>
            buildProject(config, { env: options.env, ...only(options.components), ...(lock ? { lock } : {}), ...tools(options), ...(options.jobs ? { jobs: options.jobs } : {}) }, logger),
          ),
        )
      ).built;
    const facts: HostFacts = {
      env: options.env,
      projectDir: config.dir,
      variantDir: path.join(scratch, 'variant-build-in-another-longer-path', path.basename(config.dir)),
      otherHome: path.join(scratch, 'home'),
      compilerCaches: path.join(scratch, 'compiler-caches'),
      umask: currentUmask(),
      cpus: os.availableParallelism(),
      affinity: await cpuAffinity(),
    };
    await mkdir(facts.otherHome, { recursive: true });
    const plan = planVariations(facts);
    let variant: Rebuild | undefined;
    let variantError: string | undefined;
    // Nothing to rebuild when nothing was built (an empty list would mean every component to the build stage).
    if (reference.length) {
      try {
        variant = await timed('build', () =>
          logger.group(`verify: variant build (${plan.ran.map((v) => v.title).join(', ')})`, () =>
            rebuildCopy(config, conditionsWith(facts, facts.projectDir, plan.ran), { components: reference.map((b) => b.name), ...(lock ? { lock } : {}), ...tools(options) }, logger),
          ),
        );
      } catch (err) {
        if (!(err instanceof RunActionError)) throw err;
        variantError = err.message;
        logger.warn(`verify: the variant build failed: ${err.message}`);
      }
    }
    const variantOf = new Map(variant?.result.built.map((b) => [b.name, b]));
    const differing = reference.filter((b) => variantOf.has(b.name) && variantOf.get(b.name)!.sha256 !== b.sha256);

    // 2. Behaviour, on the reference build and, for components that differ, on the variant.
    const inScope = (names: string[]) => (c: { name: string }) => names.includes(c.name);
    const caseRuns = await timed('behaviour', () =>
      logger.group(`verify: behaviour (${runs} run${runs === 1 ? '' : 's'} per case, then perturbed, policy ${policy})`, () =>
        runCases(config, config.components.filter(inScope(reference.map((b) => b.name))), { policy, env: options.env, logger, runs, perturb: true }),
      ),
    );
    const variantRuns: CaseRun[] =
      variant && differing.length
        ? await timed('behaviour', () =>
            logger.group('verify: behaviour of the variant build', () =>
              runCases(variant!.config, variant!.config.components.filter(inScope(differing.map((b) => b.name))), { policy, env: options.env, logger, runs: 1, perturb: false }),
            ),
          )
        : [];

    // 3. Differences: the snapshot toolchains, explanations, culprits.
    const snapshots = new Map<string, SnapshotToolchain | undefined>();
    const explanations = new Map<string, Explanation>();
    await timed('explain', async () => {
      for (const b of reference) {
        const bytes = new Uint8Array(await readFile(b.file));
        snapshots.set(b.name, snapshotToolchain(bytes));
        const v = variantOf.get(b.name);
        if (!v || v.sha256 === b.sha256) continue;
        explanations.set(b.name, explainDifference(bytes, new Uint8Array(await readFile(v.file)), { labels: [b.file, v.file], maxItems: 5 }));
      }
    });
    const suspects = differing.filter((b) => !snapshots.get(b.name)).map((b) => b.name);
    let search: CulpritSearch = { culprits: {}, builds: 0 };
    if (suspects.length) {
      search = await timed('culprit', () =>
        findCulprits(config, suspects, Object.fromEntries(reference.map((b) => [b.name, b.sha256])), facts, plan.ran, { ...(lock ? { lock } : {}), ...tools(options), scratch }, logger),
      );
    }

    // 4. The second engine.
    let engine: SecondEngineReport = { status: 'skipped', agree: 0, differ: 0, skipped: 0 };
    let engineChecks: EngineCheck[] = [];
    await timed('secondEngine', async () => {
      const wasmtime = await findWasmtime(lock, { ...tools(options), env: options.env, logger });
      if ('skip' in wasmtime) {
        engine.reason = wasmtime.skip;
        return;
      }
      const dir = path.join(scratch, 'wasmtime');
      await mkdir(dir);
      engineChecks = await logger.group(`verify: the same cases on wasmtime ${wasmtime.version} (from ${wasmtime.from})`, () => checkOnWasmtime(wasmtime, config, caseRuns, dir, logger));
      engine = { engine: `wasmtime ${wasmtime.version}`, status: 'ran', agree: count(engineChecks, 'agree'), differ: count(engineChecks, 'differ'), skipped: count(engineChecks, 'skipped') };
    });

    // 5. Cases and components.
    const onVariant = new Map(variantRuns.map((r) => [r.case.name, r]));
    const cases: CaseReport[] = caseRuns.map((r, i) => {
      const changed = r.checks.filter((c) => c.status === 'changed');
      const v = onVariant.get(r.case.name);
      const moved = v ? compareObservations(r.baseline, v.baseline) : undefined;
      return {
        ...r.case,
        baseline: r.baseline,
        checks: r.checks,
        deterministic: changed.length === 0,
        changedBy: changed.map((c) => `${c.perturbation === 'repeat' ? `${c.label}, nothing perturbed` : `${c.label} perturbed`}: output changed (${c.changes!.map((x) => x.field).join(', ')})`),
        ...(moved ? { variantBuild: moved.length ? { status: 'changed' as const, changes: moved } : { status: 'same' as const } } : {}),
        ...(engineChecks[i] ? { secondEngine: engineChecks[i] } : {}),
      };
    });
    const components: ComponentReport[] = reference.map((b) => {
      const v = variantOf.get(b.name);
      const own = cases.filter((c) => c.component === b.name);
      const snapshot = snapshots.get(b.name);
      const explanation = explanations.get(b.name);
      const culprit = search.culprits[b.name];
      const variantDigest = v && v.sha256 !== b.sha256 ? v.sha256 : undefined;
      const lost = variant && !v ? 'it was not built' : undefined;
      const { verdict, cause } = judge({
        digest: b.sha256,
        ...(variantDigest ? { variantDigest } : {}),
        ...(variantError !== undefined || lost ? { variantError: variantError ?? lost } : {}),
        variations: plan.ran.length,
        cases: own,
        ...(snapshot ? { snapshot } : {}),
        ...(explanation ? { explanation } : {}),
        ...(culprit ? { culprit } : {}),
      });
      return {
        name: b.name,
        language: b.language,
        builder: b.builder,
        digest: b.sha256,
        ...(variantDigest ? { variantDigest } : {}),
        verdict,
        cause,
        ...(snapshot ? { snapshot } : {}),
        ...(explanation ? { explanation } : {}),
        ...(culprit ? { culprit } : {}),
        cases: own.map((c) => c.name),
      };
    });

    // 6. Expectations.
    const expectations = await settleExpectations(expectFile, mode, expected, actualExpectations(policy, components, cases), reference.map((b) => b.name));

    ms.total = performance.now() - started;
    return {
      project: { name: config.project.name, dir: config.dir },
      policy,
      runs,
      build: {
        reference: options.reference ? 'this run' : 'verify',
        variantDir: facts.variantDir,
        variations: plan.ran.map(reportOf),
        skipped: plan.skipped,
        freshCaches: Object.keys(COMPILER_CACHES),
        notVaried: NOT_VARIED,
        ...(variantError !== undefined ? { variantError } : {}),
        culpritBuilds: search.builds,
        ...(search.error !== undefined ? { culpritError: search.error } : {}),
      },
      components,
      cases,
      secondEngine: engine,
      expectations,
      ok: components.every((c) => c.verdict !== 'not reproducible') && expectations.status !== 'differs' && engine.differ === 0,
      ms,
    };
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

function only(names: string[] | undefined): { components?: string[] } {
  return names?.length ? { components: names } : {};
}

function tools(o: VerifyOptions): { toolCacheDir?: string; mirror?: Mirror } {
  return { ...(o.toolCacheDir ? { toolCacheDir: o.toolCacheDir } : {}), ...(o.mirror ? { mirror: o.mirror } : {}) };
}

function count(checks: EngineCheck[], status: EngineCheck['status']): number {
  return checks.filter((c) => c.status === status).length;
}

function actualExpectations(policy: PolicyName, components: ComponentReport[], cases: CaseReport[]): Expectations {
  return {
    version: 1,
    policy,
    components: Object.fromEntries(
      components.map((c) => [c.name, c.snapshot ? { sha256: null, note: `${c.snapshot.tool} output is never byte-identical: compared by behaviour` } : { sha256: c.digest }]),
    ),
    cases: Object.fromEntries(cases.map((c) => [c.name, expectedCase(c.component, c.call, c.baseline)])),
  };
}

/**
 * Compares with, records or rewrites the expectations of the components in scope; entries of
 * components outside it (verify --component) are kept as they are.
 */
async function settleExpectations(file: string, mode: ExpectationsMode, expected: Expectations | undefined, actual: Expectations, scope: string[]): Promise<ExpectationsReport> {
  const base = { file, mode };
  const inScope = (e: Expectations): Expectations => ({
    ...e,
    components: Object.fromEntries(Object.entries(e.components).filter(([n]) => scope.includes(n))),
    cases: Object.fromEntries(Object.entries(e.cases).filter(([, c]) => scope.includes(c.component))),
  });
  const differences = expected ? compareExpectations(inScope(expected), actual) : [];
  if (mode === 'check') return { ...base, status: expected ? (differences.length ? 'differs' : 'matched') : 'absent', differences };
  const kept = (map: Record<string, unknown>, scoped: Record<string, unknown>) => Object.fromEntries(Object.entries(map).filter(([n]) => !(n in scoped)));
  const merged: Expectations = expected
    ? {
        ...actual,
        components: { ...kept(expected.components, inScope(expected).components), ...actual.components } as Expectations['components'],
        cases: { ...kept(expected.cases, inScope(expected).cases), ...actual.cases } as Expectations['cases'],
      }
    : actual;
  await writeExpectations(file, merged);
  return { ...base, status: mode === 'record' ? 'recorded' : 'updated', differences };
}
