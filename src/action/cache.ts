/**
 * The cross-run cache of the action: @actions/cache behind the core's CacheBackend interface.
 * Exact keys only (no restore-keys): a key names the pinned sha256, so a near match is never right.
 */
import * as cache from '@actions/cache';
import type { CacheBackend } from '../core/toolchain/index.js';

export class ActionsCacheBackend implements CacheBackend {
  readonly description = '@actions/cache';

  async restore(key: string, paths: string[]): Promise<boolean> {
    return (await cache.restoreCache(paths, key)) === key;
  }

  async save(key: string, paths: string[]): Promise<void> {
    // saveCache returns -1 (and logs) when another job holds the key; that is not a failure.
    await cache.saveCache(paths, key);
  }
}

/** The backend when the runner offers the cache service (not on some GHES / local runs). */
export function actionsCache(): CacheBackend | undefined {
  return cache.isFeatureAvailable() ? new ActionsCacheBackend() : undefined;
}

/**
 * Why this run must not write caches, or undefined when it may: tag pushes and releases build
 * what gets published, and a cache they write is one a later poisoned run could hand back.
 */
export function cacheSaveBlocker(env: NodeJS.ProcessEnv, publishing: boolean): string | undefined {
  if (publishing) return 'a publish run never saves caches';
  if (env.GITHUB_REF?.startsWith('refs/tags/')) return `tag run ${env.GITHUB_REF}`;
  if (env.GITHUB_EVENT_NAME === 'release') return 'release event';
  return undefined;
}
