/**
 * Fixture builds cached by the hash of their inputs under test/.cache/ (gitignored): a cache miss
 * always rebuilds from the real toolchain, a hit can never stand for other inputs.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, renameSync } from 'node:fs';
import { dirname } from 'node:path';

/** Hex sha256 over `kind` and each input, length-prefixed so ['ab', 'c'] and ['a', 'bc'] differ. */
export function contentKey(kind: string, inputs: ReadonlyArray<string | Uint8Array>): string {
  const h = createHash('sha256').update(kind);
  for (const i of inputs) h.update(String(i.length)).update(':').update(i);
  return h.digest('hex');
}

/**
 * Lets `build` write `file` under a per-process temp name, then renames it into place: test files
 * run in parallel forks and may build the same fixture at once.
 */
export function storeFileSync(file: string, build: (tmp: string) => void): void {
  mkdirSync(dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  build(tmp);
  renameSync(tmp, file);
}
