/**
 * The action's main step: inputs → core → outputs, job summary and annotations. It runs the same
 * core as `run-action test`, so a red check reproduces locally with `npx run-action test`.
 */
import * as core from '@actions/core';
import { relative, resolve } from 'node:path';
import { runTests, type TestReport } from '../core/check/run-tests.js';
import { loadRunConfig } from '../core/config/run-toml.js';
import type { PolicyName, RunConfig } from '../core/config/model.js';
import { RunActionError, formatError } from '../core/errors.js';
import { actionsLogger } from './logger.js';

const POLICIES = ['strict', 'virtual', 'dev'];

async function main(): Promise<void> {
  const dir = resolve(core.getInput('working-directory') || '.');
  const policy = core.getInput('policy') || 'strict';
  if (!POLICIES.includes(policy)) throw new RunActionError(`input policy: unknown policy '${policy}'`, { hint: `use one of: ${POLICIES.join(', ')}` });
  const config = await loadRunConfig(dir);
  for (const w of config.warnings) actionsLogger.warn(w.message, w.location);
  const report = await actionsLogger.group('test', () =>
    runTests(config, {
      policy: policy as PolicyName,
      env: process.env,
      logger: actionsLogger,
      onResult: (r) => core.info(r.passed ? `PASS ${r.name}` : `FAIL ${r.name} - ${r.reason}`),
    }),
  );
  core.info(`${report.passed} passed, ${report.failed} failed`);
  annotateFailures(config, report);
  core.setOutput('tests-passed', report.passed);
  core.setOutput('tests-failed', report.failed);
  await writeSummary(config, report);
  if (report.failed > 0) core.setFailed(`${report.failed} test(s) failed`);
}

function annotateFailures(config: RunConfig, report: TestReport): void {
  for (const r of report.results) {
    if (r.passed) continue;
    const test = config.tests.find((t) => t.name === r.name);
    const loc = test?.location;
    core.error(`test ${r.name} failed: ${r.reason}`, loc ? { title: `test ${r.name}`, file: relative(process.cwd(), loc.file), ...(loc.line ? { startLine: loc.line } : {}) } : { title: `test ${r.name}` });
  }
}

async function writeSummary(config: RunConfig, report: TestReport): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) return;
  const rows = report.results.map((r) => [r.name, r.component, r.passed ? '✅ pass' : `❌ ${r.reason ?? 'fail'}`, r.ledger.map((l) => `${l.call}×${l.count}`).join(', ') || '—']);
  await core.summary
    .addHeading(`run-action: ${config.project.name} ${config.project.version}`, 2)
    .addRaw(`${report.passed} passed, ${report.failed} failed`, true)
    .addTable([[{ data: 'test', header: true }, { data: 'component', header: true }, { data: 'result', header: true }, { data: 'nondeterministic imports', header: true }], ...rows])
    .write();
}

main().catch((err: unknown) => {
  if (err instanceof RunActionError) {
    const loc = err.location;
    core.error(formatError(err), loc ? { file: relative(process.cwd(), loc.file), ...(loc.line ? { startLine: loc.line } : {}), ...(loc.col ? { startColumn: loc.col } : {}) } : undefined);
    core.setFailed(err.message);
  } else {
    core.setFailed(err instanceof Error ? (err.stack ?? err.message) : String(err));
  }
});
