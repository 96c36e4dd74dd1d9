/**
 * `setup`: makes every tool of run.lock.toml available, exactly as pinned. For each tool: use the
 * tool-cache directory if a verified install is there; else restore it from the cross-run cache
 * and verify it; else download, verify the sha256 before extracting, install into a staging
 * directory, check the version command, record the file listing, and rename into place.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { LockedToolchain, PlatformKey, ToolchainLock } from '../config/model.js';
import { writeDirAtomic } from '../fs/atomic.js';
import type { Logger } from '../log.js';
import type { HttpOptions } from '../net/download.js';
import { redactUrl } from '../net/redact.js';
import { cacheKey, type CacheBackend } from './cache.js';
import { HashMismatchError, ToolNotLockedError } from './errors.js';
import { installerFor } from './installers/index.js';
import { manifestMismatch, readManifest, writeManifest, type ToolManifest } from './manifest.js';
import { parseMirror, type Mirror } from './mirror.js';
import { pinFor, unpinnedError } from './pins.js';
import { currentPlatform } from './platform.js';
import { isPlatformSpecific, parseSource } from './source.js';
import { toolInfo } from './tools.js';
import { listTree } from './tree.js';
import { checkVersion, readVersionFile, runVersionCommand } from './version-check.js';

export interface SetupOptions {
  /** Where installed tools live (RUNNER_TOOL_CACHE/run-action in the action, ~/.cache/… in the CLI). */
  toolCacheDir: string;
  /** Cross-run cache; none = only the tool-cache directory. */
  cache?: CacheBackend;
  /** False on tag and publish runs, so a release never writes a cache. */
  saveCache?: boolean;
  /** Printed when saveCache is false. */
  saveSkipReason?: string;
  allowUnpinned?: boolean;
  mirror?: Mirror;
  /** Only these tools (default: every tool of the lock). */
  tools?: string[];
  platform?: PlatformKey;
  http?: HttpOptions;
  env?: NodeJS.ProcessEnv;
  /** Tools installed at once. */
  concurrency?: number;
}

export interface InstalledTool {
  name: string;
  version: string;
  /** The tool's directory in the tool cache. */
  dir: string;
  binPath: string;
  /** The directory to put on PATH. */
  binDir: string;
  /** Environment the tool needs besides PATH (PYTHONPATH for pip-installed tools). */
  env: Record<string, string>;
  cacheHit: boolean;
  /** Where it came from this time. */
  origin: 'tool-cache' | 'cache' | 'download';
  sha256: string;
  versionOutput: string;
}

/** One row of the printed cache configuration. */
interface CacheRow {
  tool: string;
  key: string | undefined;
  path: string;
  result: string;
}

export async function setupToolchains(lock: ToolchainLock, options: SetupOptions, logger: Logger): Promise<InstalledTool[]> {
  const platform = options.platform ?? currentPlatform();
  const selected = selectTools(lock, options.tools);
  const workDir = await mkdtemp(path.join(options.env?.RUNNER_TEMP ?? os.tmpdir(), 'run-action-setup-'));
  const rows: CacheRow[] = [];
  try {
    const results = await logger.group(`Toolchains from ${path.basename(lock.file)} (${platform})`, () =>
      pool(selected, options.concurrency ?? 2, (tool) => setupOne(tool, platform, options, workDir, logger, rows)),
    );
    await printCacheConfig(options, rows, logger);
    for (const t of results) logger.info(`${t.name} ${t.version}: ${t.binPath} (${t.origin === 'download' ? 'installed' : `${t.origin} hit`})`);
    return results;
  } catch (err) {
    await printCacheConfig(options, rows, logger);
    throw err;
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
}

/**
 * The environment that makes the installed tools usable by a child process: their bin directories
 * before PATH, and their own variables; list variables two tools both set (PYTHONPATH) are joined.
 */
export function toolEnvironment(tools: readonly InstalledTool[], base: NodeJS.ProcessEnv = process.env): Record<string, string> {
  const out: Record<string, string> = {};
  for (const t of tools) {
    for (const [k, v] of Object.entries(t.env)) out[k] = out[k] && out[k] !== v ? `${out[k]}${path.delimiter}${v}` : v;
  }
  const dirs = [...new Set(tools.map((t) => t.binDir))];
  out.PATH = [...dirs, ...(base.PATH ? [base.PATH] : [])].join(path.delimiter);
  return out;
}

export function selectTools(lock: ToolchainLock, names: string[] | undefined): LockedToolchain[] {
  if (!names || names.length === 0) return lock.toolchains;
  const unknown = names.filter((n) => !lock.toolchains.some((t) => t.tool === n));
  if (unknown.length > 0) {
    throw new ToolNotLockedError(`${unknown.join(', ')} ${unknown.length === 1 ? 'is' : 'are'} not in ${path.basename(lock.file)}`, {
      location: { file: lock.file },
      hint: `tools in the lock: ${lock.toolchains.map((t) => t.tool).join(', ') || '(none)'}`,
    });
  }
  return lock.toolchains.filter((t) => names.includes(t.tool));
}

async function setupOne(
  tool: LockedToolchain,
  platform: PlatformKey,
  options: SetupOptions,
  workDir: string,
  logger: Logger,
  rows: CacheRow[],
): Promise<InstalledTool> {
  const source = parseSource(tool);
  const pin = pinFor(tool, platform);
  const env = options.env ?? process.env;
  const key = pin.hash ? cacheKey(tool.tool, tool.version, platform, pin.hash) : undefined;
  const row: CacheRow = { tool: `${tool.tool} ${tool.version}`, key, path: '', result: '' };
  rows.push(row);
  const want = { tool: tool.tool, version: tool.version, platform, sha256: pin.hash ?? '' };

  if (pin.hash && key) {
    const dir = toolDir(options.toolCacheDir, tool, platform, pin.hash);
    row.path = dir;
    const local = await readManifest(dir);
    const localWhy = local ? await manifestMismatch(dir, local, want) : 'not in the tool cache';
    if (local && !localWhy) {
      row.result = 'hit (tool cache, verified)';
      return finish(tool, dir, local, 'tool-cache', env);
    }
    if (local) logger.warn(`${tool.tool}: the tool-cache copy in ${dir} fails verification (${localWhy}); installing it again`);
    let why = localWhy;
    if (options.cache) {
      const restored = await options.cache.restore(key, [dir]).catch((err: Error) => {
        logger.warn(`${tool.tool}: cache restore failed: ${err.message}`);
        return false;
      });
      const m = restored ? await readManifest(dir) : undefined;
      const restoredWhy = !restored ? 'no entry under this key' : m ? await manifestMismatch(dir, m, want) : 'the entry has no manifest';
      if (m && !restoredWhy) {
        row.result = `hit (restored from ${options.cache.description}, verified)`;
        return finish(tool, dir, m, 'cache', env);
      }
      if (restored) logger.warn(`${tool.tool}: the cached copy under ${key} fails verification (${restoredWhy}); discarding it`);
      why = `${localWhy}; ${restored ? 'restored entry rejected: ' : ''}${restoredWhy}`;
    }
    row.result = `miss (${why})`;
  } else {
    row.result = `not cached (${pin.why}; a cache key needs a pinned sha256)`;
  }

  const installer = installerFor(tool, source, { mirror: options.mirror ?? parseMirror(), http: options.http ?? {}, logger, workDir, env });
  logger.info(`${tool.tool} ${tool.version}: installing from ${describeSource(source)}`);
  const artifact = await installer.fetch(platform);
  const platformSpecific = isPlatformSpecific(source);
  if (!pin.hash) {
    if (!options.allowUnpinned) throw unpinnedError(tool, platform, pin.why, artifact.sha256, platformSpecific);
    logger.warn(`${tool.tool} ${tool.version}: installing unpinned (${pin.why}); its sha256 is ${artifact.sha256}`);
  } else if (artifact.sha256 !== pin.hash) {
    throw new HashMismatchError(
      `${tool.tool} ${tool.version} (${platform}): ${artifact.name} has sha256 ${artifact.sha256}, but run.lock.toml pins ${pin.hash}`,
      {
        location: tool.location,
        hint: 'the asset is not the one that was locked (changed upstream, a wrong mirror, or tampering): nothing was installed. If the change is expected, run `run-action lock` to refresh the hash',
      },
    );
  }
  const dir = toolDir(options.toolCacheDir, tool, platform, artifact.sha256);
  row.path = dir;
  const { layout, manifest } = await writeDirAtomic(dir, async (staging) => {
    const layout = await installer.install(artifact, staging, platform);
    const manifest: ToolManifest = {
      schema: 1,
      tool: tool.tool,
      version: tool.version,
      platform,
      sha256: artifact.sha256,
      from: redactUrl(artifact.url),
      bin: layout.bin,
      env: layout.env,
      ...(layout.resolved ? { resolved: layout.resolved } : {}),
      files: layout.files ?? (await listTree(staging)),
    };
    return { layout, manifest };
  });
  // The version is checked where the tool will live, so path-sensitive tools see their real home.
  try {
    const installed = await finish(tool, dir, manifest, 'download', env);
    await writeManifest(dir, manifest);
    if (layout.resolved) logger.info(`  resolved tree: ${Object.keys(layout.resolved).length} packages recorded in ${dir}`);
    if (key && pin.hash && options.cache && options.saveCache !== false) {
      const cache = options.cache;
      await cache.save(key, [dir]).then(
        () => (row.result += cache.savesLater ? '; to be saved by the post step' : '; saved'),
        (err: Error) => {
          row.result += `; save failed: ${err.message}`;
          logger.warn(`${tool.tool}: could not save the cache entry ${key}: ${err.message}`);
        },
      );
    } else if (key && options.cache) row.result += `; not saved (${options.saveSkipReason ?? 'saving disabled'})`;
    return installed;
  } catch (err) {
    await rm(dir, { recursive: true, force: true });
    throw err;
  }
}

/** Checks the installed copy's version (its version command, or the version file it ships) and builds the result. */
async function finish(tool: LockedToolchain, dir: string, m: ToolManifest, origin: InstalledTool['origin'], baseEnv: NodeJS.ProcessEnv): Promise<InstalledTool> {
  const binPath = path.join(dir, ...m.bin.split('/'));
  const binDir = path.dirname(binPath);
  const env = Object.fromEntries(Object.entries(m.env).map(([k, v]) => [k, v.replaceAll('{dir}', dir)]));
  const runEnv = { ...baseEnv, ...env, PATH: `${binDir}${path.delimiter}${baseEnv.PATH ?? ''}` };
  const info = toolInfo(tool.tool);
  const probe = info.versionFile ? await readVersionFile(dir, binPath, info.versionFile) : await runVersionCommand(binPath, info.versionArgs, runEnv);
  checkVersion(tool.tool, tool.version, probe, tool.location);
  return {
    name: tool.tool,
    version: tool.version,
    dir,
    binPath,
    binDir,
    env,
    cacheHit: origin !== 'download',
    origin,
    sha256: m.sha256,
    versionOutput: probe.output,
  };
}

export function toolDir(root: string, tool: LockedToolchain, platform: PlatformKey, sha256: string): string {
  const safe = (s: string) => s.replace(/[^A-Za-z0-9._+-]/g, '_');
  return path.join(root, safe(tool.tool), safe(tool.version), `${platform}-${sha256.slice(0, 16)}`);
}

function describeSource(source: ReturnType<typeof parseSource>): string {
  if (source.kind === 'release') return redactUrl(source.base);
  if (source.kind === 'url') return redactUrl(source.url);
  return `${source.kind}:${source.name}@${source.version}`;
}

/** Swatinem/rust-cache style: every key, path and outcome, so "why did it miss?" answers itself. */
async function printCacheConfig(options: SetupOptions, rows: CacheRow[], logger: Logger): Promise<void> {
  const lines = [
    `cross-run cache: ${options.cache?.description ?? 'none'}`,
    `tool cache: ${options.toolCacheDir}`,
    `save: ${options.saveCache === false ? `no (${options.saveSkipReason ?? 'disabled'})` : options.cache ? 'yes, for misses' : 'n/a'}`,
  ];
  for (const r of rows) {
    lines.push(`${r.tool}`, `  key: ${r.key ?? '(none)'}`, `  path: ${r.path || '(not decided)'}`, `  result: ${r.result || '(not reached)'}`);
  }
  await logger.group('Toolchain cache configuration', async () => {
    for (const l of lines) logger.info(l);
  });
}

async function pool<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  let failed: unknown;
  const worker = async () => {
    while (next < items.length && failed === undefined) {
      const i = next++;
      try {
        out[i] = await fn(items[i]!);
      } catch (err) {
        failed ??= err;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  if (failed !== undefined) throw failed;
  return out;
}
