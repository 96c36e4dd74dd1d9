/**
 * Version requirements in run.toml are Cargo's (upstream parses them with Rust's `semver::VersionReq`):
 * a bare `1.2.3` means `^1.2.3`, comparators are separated by commas. node-semver reads a bare
 * version as exact, so requirements are translated before use — otherwise `"acme:calc" = "1.0.0"`
 * would resolve differently here than with upstream.
 */
import semver from 'semver';
import type { Location } from '../errors.js';
import { InvalidRequirementError } from './errors.js';

/** Translates a Cargo requirement into an equivalent node-semver range. */
export function toSemverRange(requirement: string, location?: Location): string {
  const text = requirement.trim();
  if (text === '') throw new InvalidRequirementError(requirement, location, 'it is empty');
  if (text.includes('||') || / - /.test(text)) {
    throw new InvalidRequirementError(requirement, location, "'||' and hyphen ranges are not Cargo syntax (upstream rejects them)");
  }
  const parts = text.split(',').map((p) => p.trim());
  if (parts.some((p) => p === '')) throw new InvalidRequirementError(requirement, location, 'it has an empty comparator');
  const range = parts.map((p) => (/^\d/.test(p) ? `^${p}` : p)).join(' ');
  if (semver.validRange(range) === null) throw new InvalidRequirementError(requirement, location);
  return range;
}

export function satisfies(version: string, requirement: string): boolean {
  return semver.satisfies(version, toSemverRange(requirement));
}

/** The highest version meeting the requirement (pre-releases only when the requirement names one). */
export function highestSatisfying(versions: readonly string[], requirement: string, location?: Location): string | undefined {
  return semver.maxSatisfying([...versions], toSemverRange(requirement, location)) ?? undefined;
}
