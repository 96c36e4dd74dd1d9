/**
 * Files and directories that appear whole or not at all: everything is written to a temp sibling
 * (same directory, so the rename never crosses a filesystem) and renamed into place; a failure
 * removes the temp and leaves the destination as it was.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, renameSync } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

/** `<path>.<tag>-<pid>-<random>`: unique per process and call, so parallel writers never share a temp. */
function tempSibling(path: string, tag: string): string {
  return `${path}.${tag}-${process.pid}-${randomBytes(4).toString('hex')}`;
}

/**
 * Lets `write` produce a file at a temp path (streamed, hashed on the way, …), then renames it to
 * `file`. `tag` names the temp (`part` for downloads), so a leftover says where it came from.
 */
export async function writeFileAtomicWith<T>(file: string, write: (tmp: string) => Promise<T>, tag = 'tmp'): Promise<T> {
  await mkdir(dirname(file), { recursive: true });
  const tmp = tempSibling(file, tag);
  try {
    const result = await write(tmp);
    await rename(tmp, file);
    return result;
  } finally {
    await rm(tmp, { force: true });
  }
}

/**
 * Puts the whole file `from` at `to`, moving a file already at `to` to `aside` first (the caller
 * removes it later). Renaming onto an existing file makes ext4 write the new file's data out
 * before the rename returns (its replace-via-rename safeguard: ~2 ms for a few megabytes here);
 * renaming onto a free name does not. A reader may find no `to` for that instant, never a partial
 * one. Synchronous: two renames cost less than two trips through libuv's thread pool.
 */
export function moveIntoPlace(from: string, to: string, aside: string): void {
  let moved = true;
  try {
    renameSync(to, aside);
  } catch (err) {
    // ENOENT is also what a missing `aside` directory gives: only a missing `to` is no old file.
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT' || existsSync(to)) throw err;
    moved = false;
  }
  try {
    renameSync(from, to);
  } catch (err) {
    if (moved) renameSync(aside, to); // the old file back where it was
    throw err;
  }
}

/** Writes `data` to `file` so that readers never see a partial file. */
export function writeFileAtomic(file: string, data: string | Uint8Array): Promise<void> {
  return writeFileAtomicWith(file, (tmp) => writeFile(tmp, data));
}

/**
 * Lets `fill` populate a fresh staging directory, then puts it at `dir`, replacing what was there.
 * The replacement is remove-then-rename (directories cannot be renamed over), so a reader may
 * briefly find no `dir`, but never a partial one.
 */
export async function writeDirAtomic<T>(dir: string, fill: (staging: string) => Promise<T>): Promise<T> {
  const staging = tempSibling(dir, 'staging');
  await mkdir(staging, { recursive: true });
  try {
    const result = await fill(staging);
    await rm(dir, { recursive: true, force: true });
    await rename(staging, dir);
    return result;
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}
