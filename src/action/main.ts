/**
 * The action's main step: inputs → the same pipeline as `run-action ci` → outputs, job summary and
 * annotations. A red check reproduces locally with `npx run-action ci`.
 */
import * as core from '@actions/core';
import { resolve } from 'node:path';
import { loadRunConfig } from '../core/config/run-toml.js';
import type { PolicyName, RunConfig } from '../core/config/model.js';
import { RunActionError, formatError } from '../core/errors.js';
import { DEFAULT_STAGES, parseStages, runPipeline, PipelineInputError, type PipelineReport, type PublishMode } from '../core/pipeline/ci.js';
import { resolveToken } from '../core/registry/credentials.js';
import { actionsLogger, annotationFor } from './logger.js';
import { actionToolCacheDir, setupAction } from './setup.js';
import { writeSummary } from './summary.js';

function choice<T extends string>(name: string, allowed: readonly T[], fallback: T): T {
  const v = core.getInput(name) || fallback;
  if (!(allowed as readonly string[]).includes(v)) throw new PipelineInputError(`input ${name}: '${v}' is not one of ${allowed.join(', ')}`, { hint: `set ${name}: ${fallback}` });
  return v as T;
}

async function main(): Promise<void> {
  const dir = resolve(core.getInput('working-directory') || '.');
  const token = core.getInput('registry-token') || undefined;
  const stages = parseStages(core.getInput('steps') || DEFAULT_STAGES.join(','));
  const publish = choice<PublishMode>('publish', ['auto', 'true', 'false'], 'auto');
  const policy = choice<PolicyName>('policy', ['strict', 'virtual', 'dev'], 'strict');
  const mirror = core.getMultilineInput('mirror');
  const config = await loadRunConfig(dir);
  for (const w of config.warnings) actionsLogger.warn(w.message, w.location);
  const found = resolveToken({ explicit: token, env: process.env, config: config.registry.authToken });
  if (found) core.setSecret(found.token);

  const report = await runPipeline(
    {
      config,
      stages,
      publish,
      policy,
      event: { name: process.env.GITHUB_EVENT_NAME, ref: process.env.GITHUB_REF },
      env: process.env,
      toolCacheDir: actionToolCacheDir(process.env),
      ...(process.env.RUNNER_TEMP ? { workDir: process.env.RUNNER_TEMP } : {}),
      requireReproducible: core.getBooleanInput('reproducible'),
      setup: (lock, publishing) =>
        setupAction(lock, { mirror, allowUnpinned: core.getBooleanInput('allow-unpinned'), publishing, cache: core.getBooleanInput('cache') }, actionsLogger),
      registry: { url: core.getInput('registry-url') || undefined, token: found?.token, dryRun: core.getBooleanInput('dry-run') },
      onTest: (r) => core.info(r.passed ? `PASS ${r.name}` : `FAIL ${r.name} - ${r.reason}`),
    },
    actionsLogger,
  );
  annotateFailedTests(config, report);
  setOutputs(report);
  await writeSummary(config, report);
  if (!report.ok) {
    const failed = report.stages.filter((s) => s.status === 'failed').map((s) => `${s.stage}: ${s.reason}`);
    core.setFailed(failed.join('; '));
  }
}

function annotateFailedTests(config: RunConfig, report: PipelineReport): void {
  for (const r of report.tests.results) {
    if (r.passed) continue;
    const loc = config.tests.find((t) => t.name === r.name)?.location ?? config.components.find((c) => c.name === r.component)?.location;
    core.error(`test ${r.name} failed: ${r.reason}`, { title: `test ${r.name}`, ...annotationFor(loc) });
  }
}

function setOutputs(report: PipelineReport): void {
  core.setOutput('components', JSON.stringify(report.components));
  core.setOutput('tests-passed', report.tests.passed);
  core.setOutput('tests-failed', report.tests.failed);
  core.setOutput('published', JSON.stringify(report.published.filter((p) => p.action === 'published').map((p) => `${p.name}@${p.version}`)));
  core.setOutput('cache-hit', String(report.cacheHit));
  if (report.reproducible !== undefined) core.setOutput('reproducible', String(report.reproducible));
}

main().catch((err: unknown) => {
  if (err instanceof RunActionError) {
    core.error(formatError(err), annotationFor(err.location));
    core.setFailed(err.message);
  } else {
    core.setFailed(err instanceof Error ? (err.stack ?? err.message) : String(err));
  }
});
