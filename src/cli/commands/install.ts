/** `run-action install`: installs run.toml's [dependencies] (and [dev-dependencies] with --dev) from the registry. */
import { loadRunConfig } from '../../core/config/run-toml.js';
import { RegistryClient } from '../../core/registry/client.js';
import { installPackages } from '../../core/registry/install.js';
import { UsageError, flagBool } from '../args.js';
import type { Command } from '../command.js';

export const installCommand: Command = {
  name: 'install',
  summary: "install run.toml's [dependencies] from the registry into .run/, verified by sha256, and write run.lock",
  usage: 'run-action install [--dev]',
  flags: {
    dev: { type: 'boolean', description: 'also install [dev-dependencies]' },
  },
  async run(args, ctx) {
    if (args.positionals.length) {
      throw new UsageError(`install takes no package name (got '${args.positionals[0]}')`, {
        hint: 'add the package to [dependencies] in run.toml, e.g. "acme:calc" = "1.0.0", then run `run-action install`',
      });
    }
    const config = await loadRunConfig(ctx.cwd);
    const deps = [...config.dependencies, ...(flagBool(args, 'dev') ? config.devDependencies : [])];
    if (deps.length === 0) {
      ctx.out('No dependencies in run.toml');
      return 0;
    }
    for (const d of deps) {
      if (d.git || d.path) ctx.logger.warn(`${d.name}: git and path sources are not supported (nor by upstream); installing it from the registry`, { file: config.file });
    }
    const client = new RegistryClient({ url: config.registry.url, mirrors: config.registry.mirrors, logger: ctx.logger });
    const requests = deps.map((d) => ({ name: d.name, requirement: d.version, location: { file: config.file } }));
    await installPackages(config.dir, requests, client, ctx.logger);
    ctx.out('Installed dependencies from run.toml');
    return 0;
  },
};
