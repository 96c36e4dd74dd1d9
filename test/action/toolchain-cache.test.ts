/**
 * The action's setup step on a project whose run.lock.toml pins a tool, served as a real release
 * archive from a loopback host through the `mirror` input, with GitHub's cache service stood in for
 * on loopback: the tool's bin directory goes on GITHUB_PATH, the cache configuration is printed, a
 * pull request queues the save for the post step, the post step uploads it, a fresh runner restores
 * it (cache-hit), and a tag run or a publish run queues nothing. Runs the sources (src/action).
 */
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../support/cli.js';
import { startLoopback, type Loopback } from '../support/loopback.js';
import { linuxReleaseAssets, lockText, serveAssets, type ReleaseAsset } from '../toolchain/support/releases.js';
import { startCacheService, type CacheService } from './cache-service.js';
import { postStepEnv, runAction } from '../support/action.js';

const onLinuxX64 = process.platform === 'linux' && process.arch === 'x64';
const assets = onLinuxX64 ? linuxReleaseAssets() : 'release fixtures are linux-x64 binaries';
const skip = typeof assets === 'string' ? assets : false;
if (skip) console.warn(`skipping: ${skip}`);

const PR = { name: 'pull_request', ref: 'refs/pull/7/merge' };

describe.skipIf(skip)('the action with a locked toolchain', () => {
  const tinygo = skip ? undefined : (assets as ReleaseAsset[]).find((a) => a.tool === 'tinygo')!;
  let host: Loopback;
  let scratch: string;
  const services: CacheService[] = [];

  beforeAll(async () => {
    host = await startLoopback();
    serveAssets(host, [tinygo!]);
    scratch = mkdtempSync(join(tmpdir(), 'run-action-gh-tools-'));
  });
  afterAll(async () => {
    await host.close();
    await Promise.all(services.map((s) => s.close()));
    rmSync(scratch, { recursive: true, force: true });
  });

  const service = async () => {
    const s = await startCacheService();
    services.push(s);
    return s;
  };
  /** hello-wat with run.lock.toml pinning tinygo, in a fresh workspace. */
  const project = (name: string) => {
    const dir = join(scratch, name);
    cpSync(join(repoRoot, 'examples', 'hello-wat'), dir, { recursive: true, filter: (s) => !/[\\/](target|\.run)$/.test(s) });
    writeFileSync(join(dir, 'run.lock.toml'), lockText([tinygo!]));
    return dir;
  };
  const toolDir = (toolCache: string) => join(toolCache, 'run-action', 'tinygo', '0.32.0', `linux-x64-${tinygo!.sha256.slice(0, 16)}`);
  const key = () => `run-action-toolchain-v1-tinygo-0.32.0-linux-x64-${tinygo!.sha256}`;

  it('installs on a pull request, queues the save for the post step, which uploads it; a fresh runner restores it', async () => {
    const dir = project('pr');
    const cache = await service();
    const toolCache = join(scratch, 'pr-tool-cache');
    const inputs = { mirror: host.url };
    const downloads = host.hits(tinygo!.path);

    const cold = await runAction('main', dir, inputs, PR, { entry: 'src', toolCache, env: cache.env });
    expect(cold.stdout).toContain('PASS greet_42');
    expect(cold.status).toBe(0);
    expect(host.hits(tinygo!.path)).toBe(downloads + 1);
    // Later steps find the tool: its bin directory is on GITHUB_PATH.
    expect(cold.path).toEqual([join(toolDir(toolCache), 'tinygo', 'bin')]);
    expect(cold.outputs['cache-hit']).toBe('false');
    expect(JSON.parse(cold.outputs.toolchains!)).toEqual([{ name: 'tinygo', version: '0.32.0', path: join(toolDir(toolCache), 'tinygo', 'bin', 'tinygo'), 'cache-hit': false }]);
    // The printed cache configuration names the provider, the save rule, the key, the path and the outcome.
    expect(cold.stdout).toMatch(/::group::setup\n[\s\S]*▸ Toolchain cache configuration\n/);
    for (const line of [
      'cross-run cache: @actions/cache (saved by the post step)',
      `tool cache: ${join(toolCache, 'run-action')}`,
      'save: yes, for misses',
      `  key: ${key()}`,
      `  path: ${toolDir(toolCache)}`,
      '  result: miss (not in the tool cache; no entry under this key); to be saved by the post step',
    ]) expect(cold.stdout.split('\n')).toContain(line);
    expect(cache.lookups).toEqual([key()]);
    // Saving is deferred to the post step, which runs only when the job succeeded.
    expect(cache.keys()).toEqual([]);
    expect(JSON.parse(cold.states['pending-cache-saves']!)).toEqual([{ key: key(), paths: [toolDir(toolCache)] }]);

    const post = await runAction('post', dir, {}, PR, { entry: 'src', toolCache, env: { ...cache.env, ...postStepEnv(cold) } });
    expect(post.status).toBe(0);
    expect(post.stdout).toContain(`cache ${key()}: saved`);
    expect(cache.keys()).toEqual([key()]);

    // A fresh runner: an empty tool cache at the same place, the entry restored, nothing downloaded.
    rmSync(toolCache, { recursive: true, force: true });
    const warm = await runAction('main', dir, inputs, PR, { entry: 'src', toolCache, env: cache.env });
    expect(warm.status).toBe(0);
    expect(host.hits(tinygo!.path)).toBe(downloads + 1);
    expect(warm.outputs['cache-hit']).toBe('true');
    expect(warm.stdout.split('\n')).toContain('  result: hit (restored from @actions/cache (saved by the post step), verified)');
    expect(warm.path).toEqual([join(toolDir(toolCache), 'tinygo', 'bin')]);
    expect(warm.states['pending-cache-saves']).toBeUndefined();
    const nothing = await runAction('post', dir, {}, PR, { entry: 'src', toolCache, env: { ...cache.env, ...postStepEnv(warm) } });
    expect(nothing.stdout).toContain('no toolchain cache to save');
    expect(cache.keys()).toEqual([key()]);
  });

  it.each([
    ['a tag run', { publish: 'false' }, { name: 'push', ref: 'refs/tags/v0.1.0' }, 0, 'tag run refs/tags/v0.1.0'],
    // Publishing from a branch is refused later, in the publish stage; the cache decision comes first.
    ['a publish run', { publish: 'true', 'dry-run': 'true' }, { name: 'workflow_dispatch', ref: 'refs/heads/main' }, 1, 'a publish run never saves caches'],
  ])('on %s, misses the cache and queues no save', async (label, extra, event, status, why) => {
    const dir = project(label.replaceAll(' ', '-'));
    const cache = await service();
    const r = await runAction('main', dir, { mirror: host.url, ...extra }, event, { entry: 'src', env: cache.env });
    expect(r.status).toBe(status);
    expect(cache.lookups).toEqual([key()]);
    expect(r.outputs['cache-hit']).toBe('false');
    const lines = r.stdout.split('\n');
    expect(lines).toContain(`save: no (${why})`);
    expect(lines).toContain(`  result: miss (not in the tool cache; no entry under this key); not saved (${why})`);
    expect(r.state).not.toContain('pending-cache-saves');
    const post = await runAction('post', dir, {}, event, { entry: 'src', env: { ...cache.env, ...postStepEnv(r) } });
    expect(post.stdout).toContain('no toolchain cache to save');
    expect(cache.keys()).toEqual([]);
  });
});
