/**
 * Builds a project again somewhere else: a fresh copy of its sources in another directory, built
 * there with the build stage's public API under the given conditions. The copy leaves out what a
 * build writes or caches (the output directory, .run/cache, .git, directories tagged CACHEDIR.TAG
 * such as cargo's target/), so the rebuild starts from sources; large dependency trees that hold
 * absolute paths (node_modules, .venv) are linked rather than copied. The compiler caches the
 * conditions point to start empty, so everything is compiled again.
 */
import { copyFile, mkdir, readdir, readlink, rm, symlink } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { buildProject, type BuildResult } from '../build/index.js';
import type { RunConfig, ToolchainLock } from '../config/model.js';
import type { Mirror } from '../toolchain/mirror.js';
import { loadRunConfig } from '../config/run-toml.js';
import type { Logger } from '../log.js';
import { withProcessState } from './process-state.js';
import type { BuildConditions } from './variations.js';

const LINKED = new Set(['node_modules', '.venv']);
const SKIPPED = new Set(['.git']);
const DEFAULT_OUTPUT_DIR = 'target/wasm';

export interface Rebuild {
  config: RunConfig;
  result: BuildResult;
}

export interface RebuildOptions {
  components?: string[];
  lock?: ToolchainLock;
  toolCacheDir?: string;
  mirror?: Mirror;
}

export async function rebuildCopy(config: RunConfig, c: BuildConditions, o: RebuildOptions, logger: Logger): Promise<Rebuild> {
  await rm(c.dir, { recursive: true, force: true });
  await rm(c.compilerCaches, { recursive: true, force: true });
  await mkdir(c.compilerCaches, { recursive: true });
  const outputDir = path.resolve(config.dir, config.build.outputDir);
  await copyTree(config.dir, c.dir, new Set([outputDir, path.join(config.dir, '.run', 'cache')]));
  const copy = await loadRunConfig(c.dir);
  // An output directory outside the project would be shared with the reference build: keep it inside the copy.
  if (!isInside(config.dir, outputDir)) copy.build.outputDir = DEFAULT_OUTPUT_DIR;
  const result = await withProcessState(c, () =>
    buildProject(
      copy,
      {
        env: c.env,
        ...(o.components ? { components: o.components } : {}),
        ...(c.jobs !== undefined ? { jobs: c.jobs } : {}),
        ...(o.lock ? { lock: o.lock } : {}),
        ...(o.toolCacheDir ? { toolCacheDir: o.toolCacheDir } : {}),
        ...(o.mirror ? { mirror: o.mirror } : {}),
      },
      logger,
    ),
  );
  return { config: copy, result };
}

function isInside(dir: string, p: string): boolean {
  const rel = path.relative(dir, p);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
}

/** Copies `from` into `to`; `root` is the copy's top, never copied into itself (a work dir inside the project). */
async function copyTree(from: string, to: string, excluded: Set<string>, root = to): Promise<void> {
  await mkdir(to, { recursive: true });
  for (const entry of await readdir(from, { withFileTypes: true })) {
    const src = path.join(from, entry.name);
    const dest = path.join(to, entry.name);
    if (excluded.has(src) || SKIPPED.has(entry.name) || src === root || isInside(src, root)) continue;
    if (entry.isSymbolicLink()) await symlink(await readlink(src), dest);
    else if (entry.isDirectory()) {
      if (LINKED.has(entry.name)) await symlink(src, dest, 'junction');
      else if (!existsSync(path.join(src, 'CACHEDIR.TAG'))) await copyTree(src, dest, excluded, root);
    } else if (entry.isFile()) await copyFile(src, dest);
  }
}
