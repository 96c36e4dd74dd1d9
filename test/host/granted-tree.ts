/**
 * The real directory tree the containment tests grant: `<base>/data` (a.txt, sub/b.txt) is granted,
 * `<base>/secret.txt` is not, and links inside the grant point out of it (escape-link → the
 * secret, escape-dir → the base). Tests add the links only they need.
 */
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function grantedTree(prefix: string): { base: string; data: string } {
  const base = mkdtempSync(join(tmpdir(), prefix));
  const data = join(base, 'data');
  mkdirSync(join(data, 'sub'), { recursive: true });
  writeFileSync(join(data, 'a.txt'), 'inside\n');
  writeFileSync(join(data, 'sub', 'b.txt'), 'nested\n');
  writeFileSync(join(base, 'secret.txt'), 'secret\n');
  symlinkSync(join(base, 'secret.txt'), join(data, 'escape-link'));
  symlinkSync(base, join(data, 'escape-dir'));
  return { base, data };
}
