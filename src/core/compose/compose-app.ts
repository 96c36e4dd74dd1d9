/**
 * `compose`: one app of run.toml and the components it links to, composed into one self-contained
 * component at `<output_dir>/<app>.composed.wasm` (written whole or not at all). The apps
 * of a project, when none is named, are the components that link to others and that no other
 * component links to.
 */
import { resolve } from 'node:path';
import type { Component, RunConfig } from '../config/model.js';
import { loadComponentArtifact } from '../exec/artifact.js';
import { RunActionError } from '../errors.js';
import { writeFileAtomic } from '../fs/atomic.js';
import { sha256Hex } from '../sha256.js';
import { closest } from '../text/suggest.js';
import { composeComponents } from './composer.js';
import { isWasi } from './interface-names.js';
import { loadLinkedApp } from './linked-app.js';

export class ComposeTargetError extends RunActionError {}

export interface ComposeResult {
  app: string;
  /** Absolute path of the composed component. */
  file: string;
  size: number;
  sha256: string;
  /** The nested components, in instantiation order (the app last). */
  components: string[];
  /** What the composed component imports: the union of the nested components' WASI imports. */
  imports: string[];
  /** Time spent reading, linking and encoding (not writing). */
  elapsedMs: number;
}

/** `<output_dir>/<app>.composed.wasm`, relative to the project. */
function composedFile(config: RunConfig, app: string): string {
  return resolve(config.dir, config.build.outputDir, `${app}.composed.wasm`);
}

/** The components of `config` that link to others and that none links to. */
export function appsOf(config: RunConfig): Component[] {
  const links = (c: Component) => [...Object.values(c.imports), ...c.dependencies.filter((d) => config.components.some((x) => x.name === d))];
  const provided = new Set(config.components.flatMap(links));
  return config.components.filter((c) => links(c).length > 0 && !provided.has(c.name));
}

export async function composeApp(config: RunConfig, name: string, options: { output?: string } = {}): Promise<ComposeResult> {
  const component = config.components.find((c) => c.name === name);
  if (!component) {
    const names = config.components.map((c) => c.name);
    const guess = closest(name, names);
    throw new ComposeTargetError(`no component '${name}' in ${config.file}`, {
      hint: guess ? `did you mean '${guess}'?` : names.length ? `its components: ${names.join(', ')}` : 'define the app and its providers as components in run.toml',
    });
  }
  const t0 = performance.now();
  const artifact = await loadComponentArtifact(config, component);
  const app = await loadLinkedApp(config, { artifact, component });
  if (app.components.length === 1) {
    throw new ComposeTargetError(`component '${name}' imports nothing from other components, so there is nothing to compose`, {
      location: component.location,
      hint: `link its imports in run.toml: [components.${name}] imports = { "<interface>" = "<component>" }; or run ${artifact.file} as it is`,
    });
  }
  const bytes = composeComponents(app.components.map((c) => ({ name: c.name, bytes: c.artifact.bytes, file: c.artifact.file, world: c.world, links: c.links })));
  const elapsedMs = performance.now() - t0;
  const file = options.output ? resolve(config.dir, options.output) : composedFile(config, name);
  await writeFileAtomic(file, bytes);
  // Every non-WASI import was linked, or loadLinkedApp would have refused the app.
  const imports = [...new Set(app.components.flatMap((c) => c.world.imports.map((i) => i.name)))].filter(isWasi).sort();
  return { app: name, file, size: bytes.length, sha256: sha256Hex(bytes), components: app.components.map((c) => c.name), imports, elapsedMs };
}
