/**
 * `lock`: fills in or refreshes the sha256 of every tool (and platform) in run.lock.toml by
 * downloading each asset through the same installers `setup` uses, then rewrites only those
 * values, keeping the file's comments and order. The file is replaced atomically.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ConfigNotFoundError } from '../config/errors.js';
import { PLATFORM_KEYS, parseToolchainLock } from '../config/lock-toml.js';
import type { LockedToolchain, PlatformKey } from '../config/model.js';
import { writeFileAtomic } from '../fs/atomic.js';
import type { Logger } from '../log.js';
import type { HttpOptions } from '../net/download.js';
import { UnsupportedPlatformError } from './errors.js';
import { installerFor } from './installers/index.js';
import { setSha256, type Sha256Value } from './lock-edit.js';
import { parseMirror, type Mirror } from './mirror.js';
import { pinFor } from './pins.js';
import { currentPlatform } from './platform.js';
import { selectTools } from './setup.js';
import { isPlatformSpecific, parseSource, ruleFor } from './source.js';
import { toolInfo } from './tools.js';

export interface LockOptions {
  /** Platforms to hash (default: the current one). */
  platforms?: PlatformKey[];
  /** Every platform each tool publishes an asset for. */
  allPlatforms?: boolean;
  tools?: string[];
  mirror?: Mirror;
  http?: HttpOptions;
  env?: NodeJS.ProcessEnv;
}

export interface LockChange {
  tool: string;
  /** undefined for a hash that serves every platform. */
  platform: PlatformKey | undefined;
  sha256: string;
  previous: string | undefined;
}

export async function lockToolchains(file: string, options: LockOptions, logger: Logger): Promise<LockChange[]> {
  const original = await readFile(file, 'utf8').catch((err: NodeJS.ErrnoException) => {
    throw new ConfigNotFoundError(`cannot read ${file}: ${err.code === 'ENOENT' ? 'no such file' : err.message}`, {
      location: { file },
      hint: 'run-action lock fills in the hashes of an existing run.lock.toml; write its [toolchains.<tool>] version/source entries first',
    });
  });
  const lock = parseToolchainLock(original, file);
  const workDir = await mkdtemp(path.join(os.tmpdir(), 'run-action-lock-'));
  const changes: LockChange[] = [];
  let text = original;
  try {
    for (const tool of selectTools(lock, options.tools)) {
      const source = parseSource(tool);
      const installer = installerFor(tool, source, {
        mirror: options.mirror ?? parseMirror(),
        http: options.http ?? {},
        logger,
        workDir,
        env: options.env ?? process.env,
      });
      const specific = isPlatformSpecific(source);
      const platforms = specific ? platformsFor(tool, source.kind, options) : [options.platforms?.[0] ?? currentPlatform()];
      const hashes: Partial<Record<PlatformKey, string>> = {};
      for (const platform of platforms) {
        try {
          const artifact = await installer.fetch(platform);
          await rm(artifact.file, { force: true });
          hashes[platform] = artifact.sha256;
          const previous = pinFor(tool, platform).hash;
          if (previous !== artifact.sha256) {
            changes.push({ tool: tool.tool, platform: specific ? platform : undefined, sha256: artifact.sha256, previous });
            if (previous) logger.warn(`${tool.tool} ${tool.version} (${platform}): the asset's sha256 changed from ${previous} to ${artifact.sha256}`, tool.location);
          }
          logger.info(`${tool.tool} ${tool.version}${specific ? ` ${platform}` : ''}: ${artifact.sha256}`);
        } catch (err) {
          // With --all-platforms a platform the package does not ship for is skipped, not fatal.
          if (!(err instanceof UnsupportedPlatformError && options.allPlatforms)) throw err;
          logger.info(`${tool.tool} ${tool.version} ${platform}: no asset, skipped`);
        }
      }
      text = setSha256(text, file, tool.tool, specific ? merged(tool, hashes) : hashes[platforms[0]!]!);
    }
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
  if (text !== original) await writeFileAtomic(file, text);
  logger.info(`${changes.length === 0 ? 'no hash changed' : `${changes.length} hash${changes.length === 1 ? '' : 'es'} written`} in ${path.basename(file)}`);
  return changes;
}

function platformsFor(tool: LockedToolchain, kind: string, options: LockOptions): PlatformKey[] {
  if (!options.allPlatforms) return options.platforms?.length ? options.platforms : [currentPlatform()];
  if (kind !== 'release') return [...PLATFORM_KEYS];
  const info = toolInfo(tool.tool);
  return PLATFORM_KEYS.filter((p) => ruleFor(info, tool.version, p));
}

/** The platform table to write: real hashes already there for other platforms stay. */
function merged(tool: LockedToolchain, fresh: Partial<Record<PlatformKey, string>>): Sha256Value {
  const out: Partial<Record<PlatformKey, string>> = {};
  for (const p of PLATFORM_KEYS) {
    const hash = fresh[p] ?? (typeof tool.sha256 === 'object' ? pinFor(tool, p).hash : undefined);
    if (hash) out[p] = hash;
  }
  return out;
}
