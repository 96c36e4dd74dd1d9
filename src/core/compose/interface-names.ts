/**
 * Matching interface names across components: `example:calculator/math@0.1.0` (as a component
 * imports it) against a link declared as `example:calculator/math` in run.toml, or against what
 * another component exports. The version may be left out on either side; when both give one they
 * must be semver-compatible the way the component model treats them (same major, and for 0.x the
 * same minor: 0.2.0 and 0.2.12 match, 0.1.0 and 0.2.0 do not).
 */
import semver from 'semver';
import { parseInterfaceName } from '../wit/model.js';

/** The name without its `@version`. */
export function unversioned(name: string): string {
  const id = parseInterfaceName(name);
  return id ? `${id.namespace}:${id.package}/${id.name}` : name;
}

export function versionOf(name: string): string | undefined {
  return parseInterfaceName(name)?.version;
}

export function versionsCompatible(a: string | undefined, b: string | undefined): boolean {
  if (a === undefined || b === undefined || a === b) return true;
  const x = semver.parse(a);
  const y = semver.parse(b);
  if (!x || !y || x.prerelease.length > 0 || y.prerelease.length > 0) return false;
  if (x.major !== y.major) return false;
  if (x.major > 0) return true;
  return x.minor === y.minor && (x.minor > 0 || x.patch === y.patch);
}

/** Whether two interface names denote the same interface at compatible versions. */
export function sameInterface(a: string, b: string): boolean {
  return unversioned(a) === unversioned(b) && versionsCompatible(versionOf(a), versionOf(b));
}

/** A WASI import, which the host (at run time) or the outer component's importer provides. */
export function isWasi(name: string): boolean {
  return name.startsWith('wasi:');
}
