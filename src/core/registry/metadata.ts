/** The registry's package metadata JSON (§8.3), read tolerantly as upstream's client does. */
import { RegistryProtocolError } from './errors.js';

export interface PackageDependency {
  name: string;
  version: string;
  optional: boolean;
}

export interface PackageMetadata {
  name: string;
  version: string;
  description: string;
  license: string | null;
  size: number | null;
  sha256: string;
  downloadUrl: string;
  witUrl: string | null;
  dependencies: PackageDependency[];
  targets: string[];
  repository: string | null;
  publishedAt: number | null;
}

const SHA256_HEX = /^[0-9a-f]{64}$/;

/** Required: name, version, sha256 (lowercase hex), download_url; everything else has upstream's default. */
export function parseMetadata(json: unknown, source: string): PackageMetadata {
  const bad = (why: string) => new RegistryProtocolError(`invalid package metadata from ${source}: ${why}`);
  if (typeof json !== 'object' || json === null || Array.isArray(json)) throw bad('not a JSON object');
  const o = json as Record<string, unknown>;
  const str = (k: string): string => {
    const v = o[k];
    if (typeof v !== 'string' || v === '') throw bad(`"${k}" is missing or not a string`);
    return v;
  };
  const opt = (k: string): string | null => (typeof o[k] === 'string' ? (o[k] as string) : null);
  const num = (k: string): number | null => (typeof o[k] === 'number' ? (o[k] as number) : null);
  const sha256 = str('sha256');
  if (!SHA256_HEX.test(sha256)) throw bad(`"sha256" is not 64 lowercase hex digits`);
  const deps = Array.isArray(o.dependencies) ? o.dependencies : [];
  return {
    name: str('name'),
    version: str('version'),
    description: opt('description') ?? '',
    license: opt('license'),
    size: num('size'),
    sha256,
    downloadUrl: str('download_url'),
    witUrl: opt('wit_url'),
    dependencies: deps.map((d, i) => {
      const dep = d as Record<string, unknown>;
      if (typeof dep?.name !== 'string' || typeof dep.version !== 'string') throw bad(`dependencies[${i}] needs "name" and "version"`);
      return { name: dep.name, version: dep.version, optional: dep.optional === true };
    }),
    targets: Array.isArray(o.targets) ? o.targets.filter((t): t is string => typeof t === 'string') : ['wasm32-wasip2'],
    repository: opt('repository'),
    publishedAt: num('published_at'),
  };
}
