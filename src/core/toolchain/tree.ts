/**
 * The file list of an installed tool: every file's sha256, every link's target. Written when a
 * tool is installed, checked again whenever a cached copy is about to be used, so a changed,
 * missing or added file (a tampered cache) is caught before the tool runs.
 */
import { lstat, readdir, readFile, readlink } from 'node:fs/promises';
import path from 'node:path';
import { sha256Hex } from '../sha256.js';
import { MANIFEST_FILE } from './constants.js';

/** Relative `/`-separated path → `sha256:<hex>` for a file, `link:<target>` for a symlink. */
export type TreeListing = Record<string, string>;

export async function listTree(root: string): Promise<TreeListing> {
  const out: TreeListing = {};
  const files: [string, string][] = [];
  const walk = async (dir: string, rel: string): Promise<void> => {
    for (const ent of await readdir(dir, { withFileTypes: true })) {
      const relPath = rel ? `${rel}/${ent.name}` : ent.name;
      if (relPath === MANIFEST_FILE) continue;
      const full = path.join(dir, ent.name);
      if (ent.isSymbolicLink()) out[relPath] = `link:${await readlink(full)}`;
      else if (ent.isDirectory()) await walk(full, relPath);
      else if (ent.isFile()) files.push([relPath, full]);
      else out[relPath] = 'special';
    }
  };
  await walk(root, '');
  // A few reads in flight keep the disk busy without running out of file descriptors on big npm trees.
  let next = 0;
  const worker = async () => {
    while (next < files.length) {
      const [rel, full] = files[next++]!;
      out[rel] = `sha256:${sha256Hex(await readFile(full))}`;
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** The first difference between a directory and its recorded listing, or undefined when equal. */
export async function treeDifference(root: string, expected: TreeListing): Promise<string | undefined> {
  try {
    await lstat(root);
  } catch {
    return 'the directory is missing';
  }
  const actual = await listTree(root);
  for (const [rel, want] of Object.entries(expected)) {
    const got = actual[rel];
    if (got === undefined) return `${rel} is missing`;
    if (got !== want) return `${rel} has changed (${got.slice(0, 20)}… where ${want.slice(0, 20)}… was recorded)`;
  }
  for (const rel of Object.keys(actual)) if (!(rel in expected)) return `${rel} was added`;
  return undefined;
}
