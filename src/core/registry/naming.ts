/**
 * Package names and versions as upstream's registry accepts them (§8.1), and the file names
 * upstream gives installed packages (`acme:calc` → `acme__calc`).
 */
import semver from 'semver';
import type { Location } from '../errors.js';
import { InvalidPackageNameError, InvalidVersionError } from './errors.js';

/** `<namespace>:<name>`: exactly two non-empty parts around one ':'; the rest is not validated upstream. */
export function namespaceOf(name: string, location?: Location): string {
  const parts = name.split(':');
  if (parts.length !== 2 || !parts[0] || !parts[1]) throw new InvalidPackageNameError(name, location);
  return parts[0];
}

/** The name upstream's `publish` gives component `<c>` of project `<p>`. */
export function packageNameFor(projectName: string, componentName: string): string {
  const name = `${projectName}:${componentName}`;
  namespaceOf(name);
  return name;
}

const RESERVED_VERSIONS = new Set(['latest', 'dev', 'stable']);

/** Semver 2.0 with optional pre-release and build metadata, as the server's `semver::Version::parse`. */
export function isValidVersion(version: string): boolean {
  // semver.parse alone would accept 'v1.0.0' and ' 1.0.0', which Rust's parser refuses.
  const plain = /^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/.test(version);
  return !RESERVED_VERSIONS.has(version) && plain && semver.parse(version) !== null;
}

export function checkVersion(version: string, location?: Location): string {
  if (!isValidVersion(version)) throw new InvalidVersionError(version, location);
  return version;
}

/** Upstream's `<safe>`: ':' → '__', '/' and '\' → '_'. */
function safeName(name: string): string {
  return name.replaceAll(':', '__').replace(/[/\\]/g, '_');
}

/** `.run/cache/<safe>@<ver>.wasm` and `.run/components/<safe>@<ver>.wasm` use this file name. */
export function artifactFileName(name: string, version: string): string {
  return `${safeName(name)}@${version}.wasm`;
}
