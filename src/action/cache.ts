/**
 * The cross-run cache of the action: @actions/cache behind the core's CacheBackend interface.
 * Exact keys only (no restore-keys): a key names the pinned sha256, so a near match is never right.
 * Restores happen in the main step; saves are deferred to the post step (which runs only when the
 * job succeeded), so a failed or poisoned run never writes a cache entry.
 */
import * as cache from '@actions/cache';
import * as core from '@actions/core';
import type { CacheBackend } from '../core/toolchain/index.js';

const PENDING_STATE = 'pending-cache-saves';

interface PendingSave {
  key: string;
  paths: string[];
}

export class ActionsCacheBackend implements CacheBackend {
  readonly description = '@actions/cache (saved by the post step)';
  readonly savesLater = true;
  readonly #pending: PendingSave[] = [];

  async restore(key: string, paths: string[]): Promise<boolean> {
    return (await cache.restoreCache(paths, key)) === key;
  }

  async save(key: string, paths: string[]): Promise<void> {
    this.#pending.push({ key, paths });
    core.saveState(PENDING_STATE, JSON.stringify(this.#pending));
  }
}

/** The backend when the runner offers the cache service (not on some GHES / local runs). */
export function actionsCache(): ActionsCacheBackend | undefined {
  return cache.isFeatureAvailable() ? new ActionsCacheBackend() : undefined;
}

/** Post step: saves what the main step recorded. Another job holding the key is not a failure. */
export async function savePendingCaches(): Promise<void> {
  const pending = JSON.parse(core.getState(PENDING_STATE) || '[]') as PendingSave[];
  if (pending.length === 0) {
    core.info('no toolchain cache to save (every tool came from a cache, or saving was not allowed)');
    return;
  }
  for (const { key, paths } of pending) {
    const id = await cache.saveCache(paths, key);
    core.info(id === -1 ? `cache ${key}: not saved (already present or reserved by another job)` : `cache ${key}: saved`);
  }
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
