/**
 * `run-action ci`: exactly what the action runs (setup, build, test, and publish on a version tag),
 * with the same verdicts, for reproducing a red check locally. `--json` prints the full report.
 */
import { loadRunConfig } from '../../core/config/run-toml.js';
import { DEFAULT_STAGES, parseStages, runPipeline, type PipelineReport, type PublishMode } from '../../core/pipeline/ci.js';
import { resolveToken } from '../../core/registry/credentials.js';
import { parseMirror, setupToolchains } from '../../core/toolchain/index.js';
import { flagBool, flagString, flagStrings } from '../args.js';
import type { Command, CommandContext } from '../command.js';
import { policyFlag } from './exec.js';
import { localToolCache, MIRROR_FLAG } from './setup.js';
import { PipelineInputError } from '../../core/pipeline/ci.js';

const PUBLISH_MODES: PublishMode[] = ['auto', 'true', 'false'];

export const ciCommand: Command = {
  name: 'ci',
  summary: 'the whole job, as the action runs it: setup, build, test, verify (and publish on a v<version> tag)',
  usage: 'run-action ci [--steps setup,build,test,verify] [--publish auto|true|false] [--policy strict] [--json] [-C dir]',
  flags: {
    steps: { type: 'string', description: `comma-separated steps (default ${DEFAULT_STAGES.join(',')}; publish joins on a version tag)` },
    publish: { type: 'string', description: 'auto (default: on a refs/tags/v* push) | true | false' },
    policy: { type: 'string', description: 'strict (default) | virtual | dev' },
    ref: { type: 'string', description: 'the git ref (default: GITHUB_REF)' },
    'registry-url': { type: 'string', description: 'registry URL (default: run.toml [registry].url)' },
    token: { type: 'string', description: 'registry token (default: RUN_AUTH_TOKEN)' },
    mirror: MIRROR_FLAG,
    'allow-unpinned': { type: 'boolean', description: 'install tools whose sha256 is missing' },
    'dry-run': { type: 'boolean', description: 'show what would be published, upload nothing' },
    'report-only': { type: 'boolean', description: 'report components that are not reproducible instead of failing' },
    json: { type: 'boolean', description: 'print the report as JSON on stdout' },
  },
  async run(args, ctx) {
    const config = await loadRunConfig(ctx.cwd);
    for (const w of config.warnings) ctx.logger.warn(w.message, w.location);
    const publish = (flagString(args, 'publish') ?? 'auto') as PublishMode;
    if (!PUBLISH_MODES.includes(publish)) throw new PipelineInputError(`unknown --publish '${publish}'`, { hint: `use one of: ${PUBLISH_MODES.join(', ')}` });
    const token = resolveToken({ explicit: flagString(args, 'token'), env: ctx.env, config: config.registry.authToken });
    if (token) ctx.logger.mask(token.token);
    const json = flagBool(args, 'json');
    const policy = policyFlag(flagString(args, 'policy'));
    const toolCacheDir = localToolCache(ctx.env);
    const report = await runPipeline(
      {
        config,
        stages: parseStages(flagString(args, 'steps') ?? DEFAULT_STAGES.join(',')),
        publish,
        ...(policy ? { policy } : {}),
        event: { name: ctx.env.GITHUB_EVENT_NAME, ref: flagString(args, 'ref') ?? ctx.env.GITHUB_REF },
        env: ctx.env,
        toolCacheDir,
        setup: (lock) =>
          setupToolchains(lock, { toolCacheDir, allowUnpinned: flagBool(args, 'allow-unpinned'), mirror: parseMirror(flagStrings(args, 'mirror')), env: ctx.env }, ctx.logger),
        registry: { url: flagString(args, 'registry-url'), token: token?.token, dryRun: flagBool(args, 'dry-run') },
        requireReproducible: !flagBool(args, 'report-only'),
        onTest: (r) => {
          if (!json) ctx.out(r.passed ? `PASS ${r.name}` : `FAIL ${r.name} - ${r.reason}`);
        },
      },
      ctx.logger,
    );
    if (json) ctx.out(JSON.stringify(report, null, 2));
    else printSummary(report, ctx);
    return report.ok ? 0 : 1;
  },
};

function printSummary(report: PipelineReport, ctx: CommandContext): void {
  ctx.out('');
  for (const s of report.stages) ctx.out(`${s.stage.padEnd(8)} ${s.status}${s.reason ? ` — ${s.reason}` : ''} (${Math.round(s.ms)} ms)`);
  for (const [name, c] of Object.entries(report.components)) {
    const v = report.verify?.components.find((x) => x.name === name);
    ctx.out(`${name.padEnd(16)} ${c.digest.slice(0, 16)}… ${c.size} bytes ${c.language ?? ''}${v ? ` — ${v.verdict}: ${v.cause}` : ''}`);
  }
  for (const p of report.published) ctx.out(`${p.action} ${p.name}@${p.version}`);
  ctx.out(`${report.tests.passed} passed, ${report.tests.failed} failed`);
}
