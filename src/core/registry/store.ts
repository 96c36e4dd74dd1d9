/**
 * Where installed packages live in a project, as upstream lays them out: the content cache
 * `.run/cache/<safe>@<ver>.wasm` (what run.lock is verified against) and the installed copies
 * `.run/components/<safe>@<ver>.wasm` (what exec preloads). Files appear whole or not at all.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { sha256Hex } from '../sha256.js';
import { artifactFileName } from './naming.js';

export const cachePath = (dir: string, name: string, version: string) => join(dir, '.run', 'cache', artifactFileName(name, version));
export const componentPath = (dir: string, name: string, version: string) => join(dir, '.run', 'components', artifactFileName(name, version));

/** The file's bytes and sha256, or undefined when it does not exist. */
export async function readHashed(file: string): Promise<{ bytes: Buffer; sha256: string } | undefined> {
  try {
    const bytes = await readFile(file);
    return { bytes, sha256: sha256Hex(bytes) };
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
}
