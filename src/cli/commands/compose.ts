/**
 * `run-action compose [<app>…] [--output file] [--json]`: writes `<output_dir>/<app>.composed.wasm`,
 * one component nesting the app and the components it links to. Without a name, every app of the
 * project (a component that links to others and that none links to). Upstream's `compose analyze`
 * and `compose migrate` (docker-compose migration, upstream §3.14) are refused by name.
 */
import { relative } from 'node:path';
import { appsOf, composeApp, ComposeTargetError, type ComposeResult } from '../../core/compose/compose-app.js';
import { loadRunConfig } from '../../core/config/run-toml.js';
import { flagBool, flagString, UsageError } from '../args.js';
import type { Command } from '../command.js';

const UPSTREAM_ACTIONS = ['analyze', 'migrate'];

export const composeCommand: Command = {
  name: 'compose',
  summary: 'compose an app and the components it imports from into one .wasm component',
  usage: 'run-action compose [<app>…] [--output <file>] [--json] [-C dir]',
  flags: {
    output: { type: 'string', description: 'where to write the composed component (one app only; default <output_dir>/<app>.composed.wasm)' },
    json: { type: 'boolean', description: 'one JSON object per app: app, file, size, sha256, components, imports' },
  },
  async run(args, ctx) {
    const config = await loadRunConfig(ctx.cwd);
    for (const w of config.warnings) ctx.logger.warn(w.message, w.location);
    const named = args.positionals;
    const first = named[0];
    if (first && UPSTREAM_ACTIONS.includes(first) && !config.components.some((c) => c.name === first)) {
      throw new UsageError(`\`compose ${first}\` (upstream's docker-compose migration) is not part of run-action`, {
        hint: 'run-action compose <app> composes WebAssembly components; write run.toml by hand for a docker-compose project',
      });
    }
    const output = flagString(args, 'output');
    const apps = named.length > 0 ? named : appsOf(config).map((c) => c.name);
    if (apps.length === 0) {
      throw new ComposeTargetError(`no component of ${config.file} imports from another, so there is nothing to compose`, {
        hint: 'link an app to its provider: [components.app] imports = { "example:calculator/math" = "calculator" }',
      });
    }
    if (output && apps.length > 1) throw new UsageError(`--output names one file, but ${apps.length} apps are composed (${apps.join(', ')})`, { hint: 'name the app: run-action compose <app> --output <file>' });
    for (const app of apps) {
      const r = await composeApp(config, app, output ? { output } : {});
      ctx.out(flagBool(args, 'json') ? jsonLine(r) : summary(r, ctx.cwd));
    }
    return 0;
  },
};

function summary(r: ComposeResult, cwd: string): string {
  const mb = (r.size / (1024 * 1024)).toFixed(1);
  return `composed ${r.app} (${r.components.join(' + ')}) → ${relative(cwd, r.file)} (${mb} MiB, sha256 ${r.sha256.slice(0, 12)}, ${r.imports.length} WASI imports) in ${Math.round(r.elapsedMs)} ms`;
}

function jsonLine(r: ComposeResult): string {
  return JSON.stringify({ app: r.app, file: r.file, size: r.size, sha256: r.sha256, components: r.components, imports: r.imports });
}
