/**
 * The record written last into an installed tool directory: what was installed from which pinned
 * bytes, where the binary is, and the listing of every file. Its presence marks a complete install;
 * its content is checked before a cached directory is used.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { PlatformKey } from '../config/model.js';
import { writeFileAtomic } from '../fs/atomic.js';
import { MANIFEST_FILE } from './constants.js';
import { treeDifference, type TreeListing } from './tree.js';

export interface ToolManifest {
  schema: 1;
  tool: string;
  version: string;
  platform: PlatformKey;
  /** sha256 of the downloaded artifact the directory was made from. */
  sha256: string;
  /** Where it came from (credentials and query removed). */
  from: string;
  bin: string;
  env: Record<string, string>;
  resolved?: Record<string, string>;
  files: TreeListing;
}

export async function readManifest(dir: string): Promise<ToolManifest | undefined> {
  try {
    const m = JSON.parse(await readFile(path.join(dir, MANIFEST_FILE), 'utf8')) as ToolManifest;
    return m.schema === 1 ? m : undefined;
  } catch {
    return undefined;
  }
}

export async function writeManifest(dir: string, manifest: ToolManifest): Promise<void> {
  await writeFileAtomic(path.join(dir, MANIFEST_FILE), `${JSON.stringify(manifest, null, 1)}\n`);
}

/** Why a cached directory may not be used for this pin, or undefined when it may. */
export async function manifestMismatch(
  dir: string,
  m: ToolManifest,
  want: { tool: string; version: string; platform: PlatformKey; sha256: string },
): Promise<string | undefined> {
  for (const k of ['tool', 'version', 'platform', 'sha256'] as const) {
    if (m[k] !== want[k]) return `it was installed for ${k} ${m[k]}, not ${want[k]}`;
  }
  return treeDifference(dir, m.files);
}
