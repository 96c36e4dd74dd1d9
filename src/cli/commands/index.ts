/** Every subcommand, in the order `run-action --help` lists them (pipeline order). */
import { proofs, runPipeline } from '../../core/pipeline/ci.js';
import { ciCommand } from './ci.js';
import type { Command } from '../command.js';
import { buildCommand } from './build.js';
import { composeCommand } from './compose.js';
import { execCommand } from './exec.js';
import { info } from './info.js';
import { installCommand } from './install.js';
import { lockCommand } from './lock.js';
import { createPublishCommand } from './publish.js';
import { setupCommand } from './setup.js';
import { testCommand } from './test.js';
import { verifyCommand } from './verify.js';
import { verifyLockCommand } from './verify-lock.js';

// `publish` proves what it publishes in the same run: build, test and verify first, as `ci` does.
const publishCommand = createPublishCommand(async (config, names, ctx) => {
  const stages = ['build', 'test', 'verify'] as const;
  const report = await runPipeline(
    { config, stages: [...stages], publish: 'false', event: {}, env: ctx.env, setup: async () => [], registry: { dryRun: true }, requireReproducible: true },
    ctx.logger,
  );
  return proofs(config, report, stages).filter((a) => names.includes(a.component));
});

export const commands: Command[] = [ciCommand, setupCommand, lockCommand, buildCommand, composeCommand, execCommand, testCommand, verifyCommand, info, publishCommand, installCommand, verifyLockCommand];
