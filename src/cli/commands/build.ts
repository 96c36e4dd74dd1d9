/**
 * `run-action build`: builds the components of run.toml reproducibly. Prints upstream's lines on
 * stdout (`Building N components...`, `[name] built: <path>`, `Build complete`); the log (tools,
 * environment, command lines) goes to stderr.
 */
import path from 'node:path';
import { buildProject } from '../../core/build/index.js';
import { loadRunConfig } from '../../core/config/run-toml.js';
import { flagBool, flagString, flagStrings, UsageError } from '../args.js';
import type { Command } from '../command.js';
import { parseMirror } from '../../core/toolchain/index.js';
import { localToolCache, MIRROR_FLAG } from './setup.js';

export const buildCommand: Command = {
  name: 'build',
  summary: 'build every component (Rust, Go, Python, JS, TS, Zig, C, WAT, prebuilt, custom) reproducibly',
  usage: 'run-action build [--component NAME]… [--release] [--reproducible] [--jobs N] [--mirror URL]… [-C dir]',
  flags: {
    component: { type: 'strings', description: 'build only this component (repeatable)' },
    release: { type: 'boolean', description: 'release build even if [build].opt_level says otherwise' },
    reproducible: { type: 'boolean', description: "accepted for upstream compatibility: every build already runs in the reproducible environment" },
    jobs: { type: 'string', short: 'j', description: 'components built at once (default: number of CPUs)' },
    mirror: MIRROR_FLAG,
  },
  async run(args, ctx) {
    const config = await loadRunConfig(ctx.cwd);
    for (const w of config.warnings) ctx.logger.warn(w.message, w.location);
    const jobsText = flagString(args, 'jobs');
    const jobs = jobsText === undefined ? undefined : Number(jobsText);
    if (jobs !== undefined && !(Number.isInteger(jobs) && jobs > 0)) throw new UsageError(`--jobs needs a positive whole number, not ${JSON.stringify(jobsText)}`, { hint: this.usage });
    const names = flagStrings(args, 'component');
    const count = names.length || config.components.length;
    ctx.out(`Building ${count} components...`);
    const result = await buildProject(
      config,
      {
        components: names,
        ...(flagBool(args, 'release') ? { release: true } : {}),
        ...(jobs ? { jobs } : {}),
        toolCacheDir: localToolCache(ctx.env),
        mirror: parseMirror(flagStrings(args, 'mirror')),
        env: ctx.env,
      },
      ctx.logger,
    );
    for (const b of result.built) ctx.out(`[${b.name}] built: ${path.relative(ctx.cwd, b.file) || b.file}`);
    ctx.out('');
    ctx.out('Build complete');
    return 0;
  },
};
