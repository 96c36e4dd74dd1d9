/**
 * `run-action test`: `PASS name` / `FAIL name - why` lines, a blank line and `N passed, N failed`
 * (upstream §7, parseable by CI). `--json`: upstream's JSON lines — one per failure, then the totals —
 * except that every line is valid JSON and each failure carries the captured output.
 */
import { loadRunConfig } from '../../core/config/run-toml.js';
import { runTests, type TestResult } from '../../core/check/run-tests.js';
import { flagBool, flagString } from '../args.js';
import type { Command } from '../command.js';
import { policyFlag } from './exec.js';

export const testCommand: Command = {
  name: 'test',
  summary: 'run the tests of run.toml, each in a fresh instance under the deterministic policy',
  usage: 'run-action test [--component <name>] [--policy strict|virtual|dev] [--json] [-C dir]',
  flags: {
    component: { type: 'string', description: 'only the tests of this component (or the test of this name)' },
    policy: { type: 'string', description: 'strict (default) | virtual | dev' },
    json: { type: 'boolean', description: 'JSON lines: one per failed test, then {"total","passed","failed"}' },
  },
  async run(args, ctx) {
    const config = await loadRunConfig(ctx.cwd);
    for (const w of config.warnings) ctx.logger.warn(w.message, w.location);
    const json = flagBool(args, 'json');
    const filter = flagString(args, 'component');
    const policy = policyFlag(flagString(args, 'policy'));
    const report = await runTests(config, {
      ...(filter ? { filter } : {}),
      ...(policy ? { policy } : {}),
      env: ctx.env,
      logger: ctx.logger,
      onResult: (r) => {
        if (!json) ctx.out(r.passed ? `PASS ${r.name}` : `FAIL ${r.name} - ${r.reason}`);
        else if (!r.passed) ctx.out(failureJson(r));
      },
    });
    if (json) {
      ctx.out(JSON.stringify({ total: report.results.length, passed: report.passed, failed: report.failed }));
    } else {
      if (report.results.length === 0) ctx.out('No tests found. Add [tests.<name>] to run.toml or export test_ functions.');
      ctx.out('');
      ctx.out(`${report.passed} passed, ${report.failed} failed`);
    }
    return report.failed === 0 ? 0 : 1;
  },
};

function failureJson(r: TestResult): string {
  return JSON.stringify({ test: r.name, status: 'failed', error: r.reason, ...(r.outcome ? { class: r.outcome.class } : {}), stdout: r.stdout, stderr: r.stderr });
}
