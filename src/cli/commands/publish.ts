/**
 * `run-action publish`: publishes the project's components to its Run registry, on a v<semver> tag
 * equal to run.toml's version, idempotently by digest. Which components were built, tested and
 * verified in this run is the pipeline's knowledge, so the command is created around a `prove`
 * function that runs those stages and reports each artifact with its proof.
 */
import { loadRunConfig } from '../../core/config/run-toml.js';
import type { RunConfig } from '../../core/config/model.js';
import { RunActionError } from '../../core/errors.js';
import { closest } from '../../core/text/suggest.js';
import { RegistryClient } from '../../core/registry/client.js';
import { resolveToken } from '../../core/registry/credentials.js';
import { planPublish, type BuiltArtifact } from '../../core/registry/plan.js';
import { publishComponents } from '../../core/registry/publish.js';
import { checkPublishTrigger } from '../../core/registry/trigger.js';
import { flagBool, flagString, flagStrings } from '../args.js';
import type { Command, CommandContext } from '../command.js';

/** Builds, tests and verifies the named components in this run and returns each artifact with its proof. */
export type ProveComponents = (config: RunConfig, components: string[], ctx: CommandContext) => Promise<BuiltArtifact[]>;

export class UnknownComponentError extends RunActionError {}

export function createPublishCommand(prove: ProveComponents): Command {
  return {
    name: 'publish',
    summary: 'publish the built, tested and verified components to the Run registry (on a v<version> tag)',
    usage: 'run-action publish [--component <name>]... [--dry-run] [--registry-url <url>] [--token <token>] [--ref refs/tags/v<version>]',
    flags: {
      component: { type: 'strings', short: 'c', description: 'publish only this component' },
      'dry-run': { type: 'boolean', description: 'show exactly what would be published, upload nothing' },
      'registry-url': { type: 'string', description: 'registry URL (default: run.toml [registry].url)' },
      token: { type: 'string', description: 'auth token (default: RUN_AUTH_TOKEN, then run.toml [registry].auth_token)' },
      ref: { type: 'string', description: 'the git ref being published (default: GITHUB_REF)' },
    },
    async run(args, ctx) {
      const { logger } = ctx;
      const config = await loadRunConfig(ctx.cwd);
      const found = resolveToken({ explicit: flagString(args, 'token'), env: ctx.env, config: config.registry.authToken });
      if (found) logger.mask(found.token);
      if (found?.from === 'run.toml') logger.warn('the publish token comes from run.toml [registry].auth_token: prefer RUN_AUTH_TOKEN, a committed token is public', { file: config.file });

      const dryRun = flagBool(args, 'dry-run');
      try {
        checkPublishTrigger({ eventName: ctx.env.GITHUB_EVENT_NAME, ref: flagString(args, 'ref') ?? ctx.env.GITHUB_REF }, config.project.version, config.file);
      } catch (err) {
        if (!dryRun || !(err instanceof RunActionError)) throw err;
        logger.warn(`a real publish would stop here: ${err.message}`);
      }

      const names = config.components.map((c) => c.name);
      if (names.length === 0) logger.warn('run.toml has no components: nothing to publish', { file: config.file });
      const selected = flagStrings(args, 'component');
      for (const s of selected) {
        if (!names.includes(s)) {
          const near = closest(s, names);
          throw new UnknownComponentError(`run.toml has no component '${s}'${near ? ` (did you mean '${near}'?)` : ''}`, {
            location: { file: config.file },
            hint: `components: ${names.join(', ') || '(none)'}`,
          });
        }
      }
      const artifacts = await prove(config, selected.length ? selected : names, ctx);
      const url = flagString(args, 'registry-url') ?? config.registry.url;
      const plan = await planPublish(config.project, url, artifacts);
      const client = new RegistryClient({ url, mirrors: config.registry.mirrors, token: found?.token, logger });
      const results = await publishComponents(plan, client, logger, { dryRun });
      for (const r of results) ctx.out(`${r.action} ${r.name}@${r.version} sha256:${r.sha256} ${r.size} bytes${r.downloadUrl ? ` ${r.downloadUrl}` : ''}`);
      return 0;
    },
  };
}
