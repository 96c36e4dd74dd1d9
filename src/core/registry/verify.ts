/**
 * `verify-lock`: checks every run.lock entry against `.run/cache`, printed exactly like upstream's
 * `run v2 verify` (§3.10) so scripts that parse it keep working. Nothing is fetched.
 */
import type { ReadLockfile } from './lockfile.js';
import { cachePath, readHashed } from './store.js';

export interface VerifiedEntry {
  name: string;
  version: string;
  status: 'ok' | 'missing' | 'corrupted';
  expected: string;
  actual?: string;
}

export async function verifyLockedCache(dir: string, lock: ReadLockfile): Promise<VerifiedEntry[]> {
  return Promise.all(
    lock.components.map(async (c): Promise<VerifiedEntry> => {
      const found = await readHashed(cachePath(dir, c.name, c.version));
      const base = { name: c.name, version: c.version, expected: c.sha256 };
      if (!found) return { ...base, status: 'missing' };
      return found.sha256 === c.sha256 ? { ...base, status: 'ok' } : { ...base, status: 'corrupted', actual: found.sha256 };
    }),
  );
}

/** Upstream's report lines; `ok` is false when any entry is missing or corrupted. */
export function formatVerifyReport(entries: VerifiedEntry[], offline: boolean): { lines: string[]; ok: boolean } {
  const lines = [`Verifying ${entries.length} components...`, ''];
  for (const e of entries) {
    const id = `${e.name}@${e.version}`;
    if (e.status === 'ok') lines.push(`  OK       ${id}`);
    else if (e.status === 'missing') lines.push(`  MISSING  ${id}${offline ? '' : ' (not cached)'}`);
    else lines.push(`  CORRUPTED ${id}`, `           expected: ${e.expected}`, `           actual:   ${e.actual}`);
  }
  const bad = entries.filter((e) => e.status !== 'ok').length;
  lines.push('', bad === 0 ? `All ${entries.length} components verified.` : `${entries.length - bad} verified, ${bad} failed.`);
  return { lines, ok: bad === 0 };
}
