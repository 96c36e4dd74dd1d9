/**
 * The whole job — setup, build, test, verify, publish — as one function that knows nothing about GitHub.
 * The action and `run-action ci` both call it, so a red check reproduces locally with the same
 * verdicts. Each stage reports into one PipelineReport; a failing stage stops the stages after it.
 */
import type { PolicyName, RunConfig, ToolchainLock } from '../config/model.js';
import { loadToolchainLock } from '../config/lock-toml.js';
import { RunActionError } from '../errors.js';
import type { Logger } from '../log.js';
import { buildProject } from '../build/index.js';
import { runTests, type TestResult } from '../check/run-tests.js';
import { RegistryClient } from '../registry/client.js';
import { planPublish, type BuiltArtifact } from '../registry/plan.js';
import { publishComponents, type PublishedComponent } from '../registry/publish.js';
import { checkPublishTrigger } from '../registry/trigger.js';
import type { InstalledTool } from '../toolchain/index.js';
import { loadComponentArtifact } from '../exec/artifact.js';
import { verifyProject, type VerifyReport } from '../verify/index.js';
import type { BuiltComponent } from '../build/index.js';

export const STAGES = ['setup', 'build', 'test', 'verify', 'publish'] as const;
export type Stage = (typeof STAGES)[number];
export const DEFAULT_STAGES: Stage[] = ['setup', 'build', 'test', 'verify'];

export class PipelineInputError extends RunActionError {}

export type PublishMode = 'auto' | 'true' | 'false';

export interface PipelineOptions {
  config: RunConfig;
  stages: Stage[];
  /** auto: publish joins on a `refs/tags/v*` push (never on pull_request); true: always; false: never. */
  publish: PublishMode;
  policy?: PolicyName;
  event: { name?: string; ref?: string };
  env: Record<string, string | undefined>;
  /** Installs the locked toolchains (the adapter decides where they go and how they are cached). */
  setup: (lock: ToolchainLock, publishing: boolean) => Promise<InstalledTool[]>;
  /** Where installed tools live, for the build stage to find them. */
  toolCacheDir?: string;
  /** Scratch space for verify's second build (the runner's temp dir on GitHub). */
  workDir?: string;
  /** A component verify finds not reproducible fails the run (true) or is only reported (false). */
  requireReproducible: boolean;
  registry: { url?: string; token?: string; dryRun: boolean };
  onTest?: (r: TestResult) => void;
}

/** The reason of a stage not run because one before it failed. */
const NOT_REACHED = 'an earlier step failed';

export interface StageReport {
  stage: Stage;
  status: 'ok' | 'failed' | 'skipped';
  /** Why it failed or was skipped. */
  reason?: string;
  ms: number;
}

export interface ComponentSummary {
  digest: string;
  size: number;
  path: string;
  language?: string;
}

export interface PipelineReport {
  project: { name: string; version: string };
  stages: StageReport[];
  toolchains: Array<Pick<InstalledTool, 'name' | 'version' | 'binPath' | 'cacheHit'>>;
  /** Every installed tool came from a cache (true when nothing needed installing). */
  cacheHit: boolean;
  components: Record<string, ComponentSummary>;
  tests: { passed: number; failed: number; results: TestResult[] };
  /** The verify stage's report, when it ran. */
  verify?: VerifyReport;
  /** Every component verified reproducible (byte-identical, or behaviour-only where a toolchain cannot be); undefined when verify did not run. */
  reproducible?: boolean;
  published: PublishedComponent[];
  ok: boolean;
}

/** Parses the `steps` input/flag: a comma list of stages, each known. */
export function parseStages(text: string): Stage[] {
  const items = text.split(',').map((s) => s.trim()).filter(Boolean);
  for (const s of items) {
    if (!(STAGES as readonly string[]).includes(s)) throw new PipelineInputError(`unknown step '${s}'`, { hint: `steps are: ${STAGES.join(', ')}` });
  }
  return STAGES.filter((s) => items.includes(s));
}

/** Whether this run publishes: explicitly, or (auto) on a version tag push outside pull requests. */
export function shouldPublish(mode: PublishMode, stages: Stage[], event: PipelineOptions['event']): boolean {
  if (mode === 'false') return false;
  if (mode === 'true' || stages.includes('publish')) return true;
  return event.name !== 'pull_request' && event.name !== 'pull_request_target' && /^refs\/tags\/v\d/.test(event.ref ?? '');
}

export async function runPipeline(o: PipelineOptions, logger: Logger): Promise<PipelineReport> {
  const { config } = o;
  const publishing = shouldPublish(o.publish, o.stages, o.event);
  const stages: Stage[] = publishing ? [...new Set([...o.stages, 'publish' as const])] : o.stages.filter((s) => s !== 'publish');
  const report: PipelineReport = {
    project: { name: config.project.name, version: config.project.version },
    stages: [],
    toolchains: [],
    cacheHit: true,
    components: {},
    tests: { passed: 0, failed: 0, results: [] },
    published: [],
    ok: true,
  };
  const lock = loadToolchainLock(config.dir);
  let built: BuiltComponent[] | undefined;

  const run = async (stage: Stage, body: () => Promise<string | void>): Promise<void> => {
    if (!stages.includes(stage)) return;
    const t0 = performance.now();
    if (!report.ok) {
      report.stages.push({ stage, status: 'skipped', reason: NOT_REACHED, ms: 0 });
      return;
    }
    try {
      const skipped = await logger.group(stage, body);
      report.stages.push({ stage, status: skipped ? 'skipped' : 'ok', ...(skipped ? { reason: skipped } : {}), ms: performance.now() - t0 });
    } catch (err) {
      if (!(err instanceof RunActionError)) throw err;
      report.ok = false;
      logger.error(err.message + (err.hint ? `\n  hint: ${err.hint}` : ''), err.location);
      report.stages.push({ stage, status: 'failed', reason: err.message, ms: performance.now() - t0 });
    }
  };

  await run('setup', async () => {
    if (!lock || lock.toolchains.length === 0) return 'no toolchains are locked in run.lock.toml';
    const tools = await o.setup(lock, publishing);
    report.toolchains = tools.map((t) => ({ name: t.name, version: t.version, binPath: t.binPath, cacheHit: t.cacheHit }));
    report.cacheHit = tools.every((t) => t.cacheHit);
  });

  await run('build', async () => {
    const result = await buildProject(config, { env: o.env, ...(lock ? { lock } : {}), ...(o.toolCacheDir ? { toolCacheDir: o.toolCacheDir } : {}) }, logger);
    built = result.built;
    for (const b of result.built) report.components[b.name] = { digest: b.sha256, size: b.size, path: b.file, language: b.language };
    if (result.built.length === 0) return 'no component has sources to build';
  });

  await run('test', async () => {
    // Components not built in this run (prebuilt, or build not requested) are described from their artifact.
    for (const c of config.components) {
      if (report.components[c.name]) continue;
      try {
        const a = await loadComponentArtifact(config, c);
        report.components[c.name] = { digest: a.sha256, size: a.bytes.length, path: a.file, ...(c.language ? { language: c.language } : {}) };
      } catch (err) {
        if (!(err instanceof RunActionError)) throw err;
      }
    }
    const tests = await runTests(config, { ...(o.policy ? { policy: o.policy } : {}), env: o.env, logger, ...(o.onTest ? { onResult: o.onTest } : {}) });
    report.tests = { passed: tests.passed, failed: tests.failed, results: tests.results };
    logger.info(`${tests.passed} passed, ${tests.failed} failed`);
    if (tests.failed > 0) {
      const names = tests.results.filter((r) => !r.passed).map((r) => r.name);
      const shown = names.length > 5 ? [...names.slice(0, 5), `and ${names.length - 5} more`] : names;
      throw new TestsFailedError(`${tests.failed} test(s) failed: ${shown.join(', ')}`, { location: { file: config.file } });
    }
    if (tests.results.length === 0) return 'no tests declared or discovered';
  });

  await run('verify', async () => {
    const verify = await verifyProject(
      config,
      { env: o.env, ...(lock ? { lock } : {}), ...(o.toolCacheDir ? { toolCacheDir: o.toolCacheDir } : {}), ...(built ? { reference: built } : {}), ...(o.policy ? { policy: o.policy } : {}), ...(o.workDir ? { workDir: o.workDir } : {}) },
      logger,
    );
    report.verify = verify;
    report.reproducible = verify.components.every((c) => c.verdict !== 'not reproducible');
    if (!verify.ok) {
      const bad = verify.components.filter((c) => c.verdict === 'not reproducible').map((c) => `${c.name} (${c.cause})`);
      const message = bad.length ? `not reproducible: ${bad.join('; ')}` : 'verification failed: see the report above';
      if (o.requireReproducible || bad.length === 0) throw new NotReproducibleError(message, { location: { file: config.file } });
      logger.warn(`${message} (reported only: reproducible is false)`, { file: config.file });
    }
  });

  await run('publish', async () => {
    checkPublishTrigger({ eventName: o.event.name, ref: o.event.ref }, config.project.version, config.file);
    const artifacts = proofs(config, report, stages);
    const url = o.registry.url || config.registry.url;
    const plan = await planPublish(config.project, url, artifacts);
    const client = new RegistryClient({ url, mirrors: config.registry.mirrors, token: o.registry.token, logger });
    report.published = await publishComponents(plan, client, logger, { dryRun: o.registry.dryRun });
  });

  return report;
}

export class TestsFailedError extends RunActionError {}
export class NotReproducibleError extends RunActionError {}

/**
 * What this run proved of each component: built (its artifact exists and was described), tested
 * (the test stage ran to its end — none of the project's tests failed — and so did its own),
 * verified (the verify stage ran and did not find it not reproducible; 'skipped' only when verify
 * was not among the steps: a verify stage that failed or never ran proves nothing).
 */
export function proofs(config: RunConfig, report: PipelineReport, requested: readonly Stage[]): BuiltArtifact[] {
  const completed = (stage: Stage) => report.stages.some((s) => s.stage === stage && (s.status === 'ok' || (s.status === 'skipped' && s.reason !== NOT_REACHED)));
  const tested = requested.includes('test') && completed('test');
  const verifiedOf = (name: string): boolean | 'skipped' => {
    if (!requested.includes('verify')) return 'skipped';
    const v = report.verify?.components.find((c) => c.name === name);
    return v !== undefined && v.verdict !== 'not reproducible';
  };
  return config.components.map((c) => {
    const summary = report.components[c.name];
    const own = report.tests.results.filter((r) => r.component === c.name);
    return {
      component: c.name,
      path: summary?.path ?? c.path ?? `${config.build.outputDir}/${c.name}.wasm`,
      proof: { built: summary !== undefined, testsPassed: tested && own.every((r) => r.passed), verified: verifiedOf(c.name) },
    };
  });
}
