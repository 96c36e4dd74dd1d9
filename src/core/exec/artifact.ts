/**
 * Finds the bytes of a component to run. Upstream's order (§3.4, §3.12): the component's `path`,
 * its `source` when that is a `.wasm`, then `<output_dir>/<name>.wasm`. We add one step: a `.wat`
 * source without a fresher build output is compiled in process (cached by content), so WAT
 * projects run without a build step and never run a stale build.
 */
import { existsSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { isAbsolute, join, resolve } from 'node:path';
import type { Component, RunConfig } from '../config/model.js';
import { RunActionError } from '../errors.js';
import { writeFileAtomic } from '../fs/atomic.js';
import { sha256Hex } from '../sha256.js';
import { closest } from '../text/suggest.js';
import { compileWat } from '../wasm/wat.js';

export class ComponentNotFoundError extends RunActionError {}

export interface Artifact {
  /** Component name (from run.toml) or file stem. */
  name: string;
  /** The file the bytes came from (the .wat for compiled WAT). */
  file: string;
  bytes: Uint8Array;
  sha256: string;
}

/** `.run/cache` of a project (or of the directory a bare file is run from). */
export const cacheDirOf = (dir: string) => join(dir, '.run', 'cache');

export async function loadComponentArtifact(config: RunConfig, component: Component): Promise<Artifact> {
  const output = join(config.build.outputDir, `${component.name}.wasm`);
  const wat = component.source && /\.wat$/i.test(component.source) ? resolve(config.dir, component.source) : undefined;
  const candidates = [
    component.path,
    component.source && /\.wasm$/i.test(component.source) ? component.source : undefined,
    // A build output older than its WAT source is stale: the source is compiled instead.
    wat && existsSync(wat) && isNewer(resolve(config.dir, output), wat) ? output : undefined,
    component.source && wat ? component.source : output,
  ].filter((p): p is string => p !== undefined);
  for (const candidate of candidates) {
    const file = resolve(config.dir, candidate);
    if (existsSync(file)) return loadFile(file, component.name, cacheDirOf(config.dir));
  }
  throw new ComponentNotFoundError(`component '${component.name}' has not been built: none of ${candidates.join(', ')} exists`, {
    location: component.location,
    hint: component.source || component.build ? 'build it first with `run-action build`' : 'set `path` to its .wasm, or `source` to its sources',
  });
}

/**
 * Resolves an exec target as upstream does: an existing file (relative to the project dir, then as
 * given), else a component name from run.toml.
 */
export async function loadTarget(target: string, dir: string, config: RunConfig | undefined): Promise<{ artifact: Artifact; component?: Component }> {
  for (const file of [resolve(dir, target), isAbsolute(target) ? target : resolve(target)]) {
    if (existsSync(file) && /\.(wasm|wat)$/i.test(file)) {
      const stem = file.replace(/^.*[\\/]/, '').replace(/\.(wasm|wat)$/i, '');
      return { artifact: await loadFile(file, stem, cacheDirOf(dir)) };
    }
  }
  const component = config?.components.find((c) => c.name === target);
  if (!component) {
    const names = config?.components.map((c) => c.name) ?? [];
    const guess = closest(target, names);
    throw new ComponentNotFoundError(`Component not found: ${target}`, {
      hint: guess
        ? `did you mean '${guess}'?`
        : names.length
          ? `components in ${config!.file}: ${names.join(', ')}; or give a path to a .wasm/.wat file`
          : 'give a path to a .wasm or .wat file, or a component name from run.toml',
    });
  }
  return { artifact: await loadComponentArtifact(config!, component), component };
}

function isNewer(file: string, than: string): boolean {
  return existsSync(file) && statSync(file).mtimeMs >= statSync(than).mtimeMs;
}

async function loadFile(file: string, name: string, cacheDir: string): Promise<Artifact> {
  const raw = new Uint8Array(await readFile(file));
  if (!/\.wat$/i.test(file)) return { name, file, bytes: raw, sha256: sha256Hex(raw) };
  const bytes = await compileWatCached(raw, file, cacheDir);
  return { name, file, bytes, sha256: sha256Hex(bytes) };
}

/** WAT → binary, cached under `.run/cache/wat/<sha256 of the text>.wasm`. */
async function compileWatCached(text: Uint8Array, file: string, cacheDir: string): Promise<Uint8Array> {
  const cached = join(cacheDir, 'wat', `${sha256Hex(text)}.wasm`);
  if (existsSync(cached)) return new Uint8Array(await readFile(cached));
  const bytes = await compileWat(new TextDecoder().decode(text), file);
  await writeFileAtomic(cached, bytes);
  return bytes;
}
