/**
 * `install`: resolves the requested packages, fetches what the cache lacks (verifying every byte
 * against its sha256), fills `.run/cache` and `.run/components`, and records the result in run.lock.
 * Entries of packages not touched by this install stay in run.lock, as upstream keeps them.
 */
import { writeFileAtomic } from '../fs/atomic.js';
import type { Logger } from '../log.js';
import type { RegistryClient } from './client.js';
import { HashMismatchError, PackageNotFoundError } from './errors.js';
import { readLockfile, writeLockfile, type LockedComponent } from './lockfile.js';
import { resolvePackages, type PackageRequest, type ResolvedPackage } from './resolve.js';
import { cachePath, componentPath, readHashed } from './store.js';

export interface InstalledPackage {
  name: string;
  version: string;
  sha256: string;
  /** Where the bytes came from in this run. */
  from: 'cache' | 'registry';
  cacheFile: string;
  componentFile: string;
}

export interface InstallResult {
  packages: InstalledPackage[];
  lockFile: string;
}

export async function installPackages(dir: string, requests: PackageRequest[], client: RegistryClient, logger: Logger): Promise<InstallResult> {
  const lock = await readLockfile(dir);
  for (const w of lock?.warnings ?? []) logger.warn(w.message, w.location);
  const intact = async (name: string, version: string, sha256: string) => (await readHashed(cachePath(dir, name, version)))?.sha256 === sha256;
  const resolved = await resolvePackages(requests, { client, lock, logger, isCached: intact });

  const packages: InstalledPackage[] = [];
  for (const pkg of resolved) packages.push(await place(dir, pkg, client, logger));

  const touched = new Set(resolved.map((p) => p.name));
  const components: LockedComponent[] = [
    ...(lock?.components ?? []).filter((c) => !touched.has(c.name)),
    ...resolved.map((p) => ({ name: p.name, version: p.version, sha256: p.sha256, dependencies: p.dependencies })),
  ];
  const lockFile = await writeLockfile(dir, { version: lock?.version ?? 1, components });
  return { packages, lockFile };
}

/** Puts one resolved package into the cache and the components directory. */
async function place(dir: string, pkg: ResolvedPackage, client: RegistryClient, logger: Logger): Promise<InstalledPackage> {
  const cacheFile = cachePath(dir, pkg.name, pkg.version);
  const componentFile = componentPath(dir, pkg.name, pkg.version);
  const cached = await readHashed(cacheFile);
  let bytes: Uint8Array;
  let from: InstalledPackage['from'];
  if (cached?.sha256 === pkg.sha256) {
    bytes = cached.bytes;
    from = 'cache';
  } else {
    if (cached) logger.warn(`${cacheFile} does not hash to ${pkg.sha256} (it hashes to ${cached.sha256}); downloading it again`);
    const meta = pkg.metadata ?? (await client.metadata(pkg.name, pkg.version));
    if (!meta) throw new PackageNotFoundError(pkg.name, pkg.version, client.url);
    bytes = await client.download(meta);
    // The download was checked against the registry's digest; run.lock's must agree too.
    if (meta.sha256 !== pkg.sha256) throw new HashMismatchError(pkg.name, pkg.sha256, meta.sha256);
    await writeFileAtomic(cacheFile, bytes);
    from = 'registry';
  }
  if ((await readHashed(componentFile))?.sha256 !== pkg.sha256) await writeFileAtomic(componentFile, bytes);
  logger.info(`installed ${pkg.name}@${pkg.version} (sha256 ${pkg.sha256}, from ${from})`);
  return { name: pkg.name, version: pkg.version, sha256: pkg.sha256, from, cacheFile, componentFile };
}
