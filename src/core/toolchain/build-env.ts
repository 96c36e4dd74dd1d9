/**
 * The lockfile's [build] table as the environment of every build step. Upstream parses it and
 * never applies it; we do, so a pinned SOURCE_DATE_EPOCH, TZ, LC_ALL and RUSTFLAGS really shape
 * the build, plus any further variables the user pinned there.
 */
import type { ToolchainLock } from '../config/model.js';

export function buildEnvFromLock(lock: ToolchainLock): Record<string, string> {
  const b = lock.build;
  return {
    ...b.extra,
    SOURCE_DATE_EPOCH: String(b.SOURCE_DATE_EPOCH),
    TZ: b.TZ,
    LC_ALL: b.LC_ALL,
    RUSTFLAGS: b.RUSTFLAGS,
  };
}
