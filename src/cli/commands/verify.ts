/**
 * `run-action verify`: builds every component again in another directory under varied conditions
 * and compares digests (explaining any difference from the component's structure and naming the
 * condition that flips it), runs every case several times and under perturbed host facts, re-runs
 * them on wasmtime when run.lock.toml pins it, and compares with `.run/expect.json`. The report goes
 * to stdout (text, or `--json`); build logs go to stderr. Exit code 1 when anything is not proven.
 */
import { loadRunConfig } from '../../core/config/run-toml.js';
import { DEFAULT_RUNS, formatVerifyReport, verifyProject, type ExpectationsMode } from '../../core/verify/index.js';
import { flagBool, flagString, flagStrings, UsageError } from '../args.js';
import type { Command } from '../command.js';
import { policyFlag } from './exec.js';
import { parseMirror } from '../../core/toolchain/index.js';
import { localToolCache, MIRROR_FLAG } from './setup.js';

export const verifyCommand: Command = {
  name: 'verify',
  summary: 'prove builds and outputs reproducible: rebuild under varied conditions, rerun under perturbed host facts, explain every difference',
  usage: 'run-action verify [--runs N] [--policy strict|virtual|dev] [--component NAME]… [--record | --update] [--json] [--mirror URL]… [-C dir]',
  flags: {
    runs: { type: 'string', description: `identical runs per case (default ${DEFAULT_RUNS})` },
    policy: { type: 'string', description: 'strict | virtual | dev (default: run.toml [run].policy)' },
    component: { type: 'strings', description: 'verify only this component (repeatable)' },
    record: { type: 'boolean', description: 'write .run/expect.json from this run (refused when it exists)' },
    update: { type: 'boolean', description: 'rewrite .run/expect.json from this run, showing what changed' },
    json: { type: 'boolean', description: 'print the report as JSON on stdout' },
    mirror: MIRROR_FLAG,
  },
  async run(args, ctx) {
    const config = await loadRunConfig(ctx.cwd);
    for (const w of config.warnings) ctx.logger.warn(w.message, w.location);
    const runsText = flagString(args, 'runs');
    const runs = runsText === undefined ? undefined : Number(runsText);
    if (runs !== undefined && !(Number.isInteger(runs) && runs >= 1)) throw new UsageError(`--runs needs a whole number of at least 1, not ${JSON.stringify(runsText)}`, { hint: this.usage });
    if (flagBool(args, 'record') && flagBool(args, 'update')) throw new UsageError('give either --record or --update, not both', { hint: '--record writes .run/expect.json the first time; --update rewrites it' });
    const expectations: ExpectationsMode = flagBool(args, 'record') ? 'record' : flagBool(args, 'update') ? 'update' : 'check';
    const policy = policyFlag(flagString(args, 'policy'));
    const components = flagStrings(args, 'component');
    const report = await verifyProject(
      config,
      {
        env: ctx.env,
        toolCacheDir: localToolCache(ctx.env),
        mirror: parseMirror(flagStrings(args, 'mirror')),
        expectations,
        ...(runs ? { runs } : {}),
        ...(policy ? { policy } : {}),
        ...(components.length ? { components } : {}),
        ...(ctx.env.RUNNER_TEMP ? { workDir: ctx.env.RUNNER_TEMP } : {}),
      },
      ctx.logger,
    );
    ctx.out(flagBool(args, 'json') ? JSON.stringify(report, null, 2) : formatVerifyReport(report));
    return report.ok ? 0 : 1;
  },
};
