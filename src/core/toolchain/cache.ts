/**
 * Cross-run caching behind an interface, so the core never imports @actions/cache: the action
 * supplies a backend over it, tests and self-hosted setups a plain directory. Keys name the tool,
 * version, platform and the full pinned sha256, so one key can never stand for other bytes; and
 * every restored entry is verified again before use anyway.
 */
import { cp, mkdir, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { PlatformKey } from '../config/model.js';
import { writeDirAtomic } from '../fs/atomic.js';
import { CACHE_KEY_PREFIX } from './constants.js';

export interface CacheBackend {
  /** What to print as the cache provider. */
  readonly description: string;
  /** Restores the paths saved under exactly `key`; false on a miss. */
  restore(key: string, paths: string[]): Promise<boolean>;
  /** Saves the paths under `key`. May throw; callers report and go on. */
  save(key: string, paths: string[]): Promise<void>;
  /** `save` only records the entry, for a later step to upload (the action's post step). */
  readonly savesLater?: boolean;
}

export function cacheKey(tool: string, version: string, platform: PlatformKey, sha256: string): string {
  const safe = (s: string) => s.replace(/[^A-Za-z0-9._+-]/g, '_');
  return `${CACHE_KEY_PREFIX}-${safe(tool)}-${safe(version)}-${platform}-${sha256}`;
}

/** A cache in a local directory: `<root>/<key>/<n>` holds a copy of the n-th path. */
export class DirectoryCacheBackend implements CacheBackend {
  constructor(private readonly root: string) {}

  get description(): string {
    return `directory ${this.root}`;
  }

  async restore(key: string, paths: string[]): Promise<boolean> {
    const entry = path.join(this.root, key);
    if (!(await exists(path.join(entry, 'complete')))) return false;
    for (const [i, p] of paths.entries()) {
      await rm(p, { recursive: true, force: true });
      await mkdir(path.dirname(p), { recursive: true });
      await cp(path.join(entry, String(i)), p, { recursive: true, verbatimSymlinks: true, preserveTimestamps: true });
    }
    return true;
  }

  async save(key: string, paths: string[]): Promise<void> {
    await writeDirAtomic(path.join(this.root, key), async (staging) => {
      for (const [i, p] of paths.entries()) {
        await cp(p, path.join(staging, String(i)), { recursive: true, verbatimSymlinks: true, preserveTimestamps: true });
      }
      await writeFile(path.join(staging, 'complete'), '');
    });
  }
}

async function exists(p: string): Promise<boolean> {
  return stat(p).then(
    () => true,
    () => false,
  );
}
