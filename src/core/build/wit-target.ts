/**
 * The WIT world a component is built against: `wit` (a directory or a .wit file) and `world` from
 * run.toml, or — for languages that cannot build without one (Python, JavaScript, TypeScript) — the
 * first `wit/` folder found beside the source, its parents (upstream's rule for Python), or the
 * project. Core-module languages (C, Rust, Go, Zig, WAT) embed a world only when `wit` or `world`
 * is set, so a command in a project whose wit/ folder belongs to another component stays a command.
 */
import { existsSync, statSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Component } from '../config/model.js';
import type { World } from '../wit/model.js';
import { parseWit, worldFromWit, type WitSource } from '../wit/wit-resolve.js';
import { BuildWitError } from './errors.js';

export interface WitTarget {
  /** Absolute path handed to tools: a directory or one .wit file. */
  path: string;
  /** The text, when the world is one file without dependencies (embedding it in process is then 10× faster than by path). */
  singleSource?: string;
  world: string;
  /** The world as the WIT declares it, to check the output against. */
  declared: World;
  /** The world exports wasi:cli/run: the component is a command, not a library (reactor). */
  command: boolean;
}

/** wit/ beside the source, then up to two levels above it (upstream), then the project's. */
function candidates(project: string, sourceDir: string): string[] {
  return [path.join(sourceDir, 'wit'), path.join(sourceDir, '..', 'wit'), path.join(sourceDir, '..', '..', 'wit'), path.join(project, 'wit')];
}

export async function resolveWit(project: string, component: Component, sourceDir: string, required: boolean): Promise<WitTarget | undefined> {
  let witPath: string | undefined;
  if (component.wit !== undefined) {
    witPath = path.resolve(project, component.wit);
    if (!existsSync(witPath)) {
      throw new BuildWitError(`component '${component.name}': wit = ${JSON.stringify(component.wit)} does not exist (${witPath})`, {
        location: component.location,
        hint: 'point `wit` at the folder (or .wit file) that defines the world, relative to run.toml',
      });
    }
  } else if (required || component.world !== undefined) {
    witPath = candidates(project, sourceDir).find((d) => existsSync(d) && statSync(d).isDirectory());
    if (!witPath) {
      throw new BuildWitError(`component '${component.name}': WIT directory not found near ${path.relative(project, sourceDir) || '.'}`, {
        location: component.location,
        hint: `this language builds against a WIT world: add wit = "wit" (the folder with your .wit files) and world = "<name>" to the component; looked in ${candidates(project, sourceDir)
          .map((d) => path.relative(project, d) || '.')
          .join(', ')}`,
      });
    }
  }
  if (!witPath) return undefined;

  const sources = await readWitSources(witPath);
  const doc = parseWit(sources);
  const worlds = [...doc.main.worlds.keys()];
  const world = component.world ?? (worlds.length === 1 ? worlds[0] : undefined);
  if (world === undefined || !doc.main.worlds.has(world)) {
    throw new BuildWitError(
      component.world === undefined
        ? `component '${component.name}': ${path.relative(project, witPath)} defines ${worlds.length} worlds (${worlds.join(', ') || 'none'}); say which one to build`
        : `component '${component.name}': world '${component.world}' is not defined in ${path.relative(project, witPath)}`,
      { location: component.location, hint: worlds.length ? `set world = one of: ${worlds.map((w) => `"${w}"`).join(', ')}` : 'define a world in the WIT package' },
    );
  }
  const declared = worldFromWit(doc, world);
  const command = declared.exports.some((e) => e.kind === 'interface' && /^wasi:cli\/run(@|$)/.test(e.name));
  return { path: witPath, ...(sources.length === 1 ? { singleSource: sources[0]!.text } : {}), world, declared, command };
}

/** A .wit file, or a folder: its .wit files (the main package) then everything under deps/. */
export async function readWitSources(witPath: string): Promise<WitSource[]> {
  if (!statSync(witPath).isDirectory()) return [{ file: witPath, text: await readFile(witPath, 'utf8') }];
  const main = await witFiles(witPath, false);
  const deps = existsSync(path.join(witPath, 'deps')) ? await witFiles(path.join(witPath, 'deps'), true) : [];
  if (main.length === 0) {
    throw new BuildWitError(`no .wit files in ${witPath}`, { location: { file: witPath }, hint: 'put the package (package ns:name; world …) in a .wit file there' });
  }
  return Promise.all([...main, ...deps].map(async (file) => ({ file, text: await readFile(file, 'utf8') })));
}

async function witFiles(dir: string, recursive: boolean): Promise<string[]> {
  const out: string[] = [];
  for (const e of (await readdir(dir, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const full = path.join(dir, e.name);
    if (e.isFile() && e.name.endsWith('.wit')) out.push(full);
    else if (recursive && e.isDirectory()) out.push(...(await witFiles(full, true)));
  }
  return out;
}
