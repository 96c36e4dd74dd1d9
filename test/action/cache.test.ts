/**
 * The action's cache rules without a runner: which runs may write caches (cacheSaveBlocker), and
 * the post step's saving of what the main step queued (savePendingCaches), through the real
 * GITHUB_STATE file handling of @actions/core with @actions/cache's upload faked.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { parseCommandFile } from '../support/action.js';

const saved: Array<{ paths: string[]; key: string }> = [];
const saveResults: number[] = [];
vi.mock('@actions/cache', () => ({
  isFeatureAvailable: () => true,
  restoreCache: async () => undefined,
  saveCache: async (paths: string[], key: string) => {
    saved.push({ paths, key });
    const id = saveResults.shift();
    if (id === undefined) throw new Error('cache service unreachable');
    return id;
  },
}));
const { ActionsCacheBackend, cacheSaveBlocker, savePendingCaches } = await import('../../src/action/cache.js');

describe('cacheSaveBlocker', () => {
  it.each([
    [{ GITHUB_EVENT_NAME: 'pull_request', GITHUB_REF: 'refs/pull/7/merge' }, false, undefined],
    [{ GITHUB_EVENT_NAME: 'push', GITHUB_REF: 'refs/heads/main' }, false, undefined],
    [{}, false, undefined],
    [{ GITHUB_EVENT_NAME: 'push', GITHUB_REF: 'refs/tags/v1.2.0' }, false, 'tag run refs/tags/v1.2.0'],
    [{ GITHUB_EVENT_NAME: 'workflow_dispatch', GITHUB_REF: 'refs/tags/nightly' }, false, 'tag run refs/tags/nightly'],
    [{ GITHUB_EVENT_NAME: 'release', GITHUB_REF: 'refs/heads/main' }, false, 'release event'],
    [{ GITHUB_EVENT_NAME: 'push', GITHUB_REF: 'refs/heads/main' }, true, 'a publish run never saves caches'],
    [{ GITHUB_EVENT_NAME: 'push', GITHUB_REF: 'refs/tags/v1.2.0' }, true, 'a publish run never saves caches'],
  ])('%j, publishing %s → %s', (env, publishing, why) => {
    expect(cacheSaveBlocker(env, publishing)).toBe(why);
  });
});

describe('the queued saves', () => {
  let dir: string;
  let out: string[];
  const keep = { GITHUB_STATE: process.env.GITHUB_STATE };
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'action-cache-'));
    process.env.GITHUB_STATE = join(dir, 'state');
    writeFileSync(process.env.GITHUB_STATE, '');
    out = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => (out.push(String(chunk)), true));
    saved.length = 0;
  });
  afterEach(() => {
    vi.restoreAllMocks();
    delete process.env['STATE_pending-cache-saves'];
    process.env.GITHUB_STATE = keep.GITHUB_STATE;
    rmSync(dir, { recursive: true, force: true });
  });
  /** What the runner hands the post step: the last value of the state the main step saved. */
  const handOver = () => {
    const state = parseCommandFile(readFileSync(process.env.GITHUB_STATE!, 'utf8'))['pending-cache-saves'];
    if (state !== undefined) process.env['STATE_pending-cache-saves'] = state;
  };

  it('the main step only records; the post step saves each entry and tells a saved one from a taken one', async () => {
    const backend = new ActionsCacheBackend();
    await backend.save('key-a', ['/tools/a']);
    await backend.save('key-b', ['/tools/b']);
    expect(saved).toEqual([]);
    handOver();
    saveResults.push(41, -1);
    await savePendingCaches();
    expect(saved).toEqual([
      { paths: ['/tools/a'], key: 'key-a' },
      { paths: ['/tools/b'], key: 'key-b' },
    ]);
    expect(out).toEqual(['cache key-a: saved\n', 'cache key-b: not saved (already present or reserved by another job)\n']);
  });

  it('saves nothing and says so when nothing was queued', async () => {
    handOver();
    await savePendingCaches();
    expect(saved).toEqual([]);
    expect(out.join('')).toContain('no toolchain cache to save');
  });

  it('lets a failed upload reject, for the post step to report as a warning', async () => {
    await new ActionsCacheBackend().save('key-c', ['/tools/c']);
    handOver();
    await expect(savePendingCaches()).rejects.toThrow('cache service unreachable');
  });
});
