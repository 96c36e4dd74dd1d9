/**
 * Resolves requested packages and their dependencies to exact versions, breadth-first like upstream
 * (highest version meeting the requirement, no backtracking), with two differences: run.lock wins —
 * a locked version that still meets the requirement is kept, and its registry digest must equal the
 * locked one — and a second requirement on a package already chosen is checked, not silently
 * dropped (upstream keeps whichever requirement text is longer).
 */
import type { Location } from '../errors.js';
import type { Logger } from '../log.js';
import type { RegistryClient } from './client.js';
import { DependencyConflictError, LockedDigestMismatchError, NoMatchingVersionError, PackageNotFoundError } from './errors.js';
import type { ReadLockfile } from './lockfile.js';
import type { PackageMetadata } from './metadata.js';
import { highestSatisfying, satisfies, toSemverRange } from './requirement.js';

export interface PackageRequest {
  name: string;
  /** Cargo-style requirement as written in run.toml. */
  requirement: string;
  location?: Location;
}

export interface ResolvedPackage {
  name: string;
  version: string;
  sha256: string;
  dependencies: string[];
  /** Registry metadata; absent when the package was served from run.lock and an intact cache. */
  metadata?: PackageMetadata;
}

export interface ResolveContext {
  client: RegistryClient;
  lock: ReadLockfile | undefined;
  logger: Logger;
  /** True when the project's cache already holds these exact bytes (so no network is needed). */
  isCached(name: string, version: string, sha256: string): Promise<boolean>;
}

interface Pending extends PackageRequest {
  requiredBy: string;
}

export async function resolvePackages(requests: PackageRequest[], ctx: ResolveContext): Promise<ResolvedPackage[]> {
  const queue: Pending[] = requests.map((r) => ({ ...r, requiredBy: 'run.toml' }));
  for (const r of requests) toSemverRange(r.requirement, r.location); // every requirement is checked before any network use
  const resolved = new Map<string, ResolvedPackage>();
  const locked = new Map((ctx.lock?.components ?? []).map((c) => [c.name, c]));

  for (let next = queue.shift(); next; next = queue.shift()) {
    const { name, requirement, requiredBy, location } = next;
    const chosen = resolved.get(name);
    if (chosen) {
      if (!satisfies(chosen.version, requirement)) throw new DependencyConflictError(name, chosen.version, requirement, requiredBy);
      continue;
    }
    const lockEntry = locked.get(name);
    let pkg: ResolvedPackage | undefined;
    if (lockEntry && satisfies(lockEntry.version, requirement)) {
      if (await ctx.isCached(name, lockEntry.version, lockEntry.sha256)) {
        pkg = { name, version: lockEntry.version, sha256: lockEntry.sha256, dependencies: lockEntry.dependencies };
        for (const dep of lockEntry.dependencies) {
          const depLocked = locked.get(dep);
          queue.push({ name: dep, requirement: depLocked ? `=${depLocked.version}` : '*', requiredBy: name });
        }
      } else {
        const meta = await ctx.client.metadata(name, lockEntry.version);
        if (meta && meta.sha256 !== lockEntry.sha256) {
          throw new LockedDigestMismatchError(name, lockEntry.version, lockEntry.sha256, meta.sha256, ctx.lock!.file);
        }
        if (meta) pkg = fromMetadata(meta, queue);
        else ctx.logger.warn(`${name}@${lockEntry.version} is locked but no longer in the registry; resolving '${requirement}' again`);
      }
    }
    if (!pkg) {
      let versions: string[];
      try {
        versions = await ctx.client.versions(name);
      } catch (err) {
        if (err instanceof PackageNotFoundError) throw new NoMatchingVersionError(name, requirement, [], location);
        throw err;
      }
      const version = highestSatisfying(versions, requirement, location);
      if (!version) throw new NoMatchingVersionError(name, requirement, versions, location);
      const meta = await ctx.client.metadata(name, version);
      if (!meta) throw new PackageNotFoundError(name, version, ctx.client.url);
      pkg = fromMetadata(meta, queue);
    }
    resolved.set(name, pkg);
  }
  return [...resolved.values()];
}

/** Every dependency the registry lists is enqueued, optional ones included, as upstream does. */
function fromMetadata(meta: PackageMetadata, queue: Pending[]): ResolvedPackage {
  for (const d of meta.dependencies) queue.push({ name: d.name, requirement: d.version, requiredBy: `${meta.name}@${meta.version}` });
  return { name: meta.name, version: meta.version, sha256: meta.sha256, dependencies: meta.dependencies.map((d) => d.name), metadata: meta };
}
