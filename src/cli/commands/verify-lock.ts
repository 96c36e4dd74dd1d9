/** `run-action verify-lock`: checks .run/cache against run.lock, with upstream's `run v2 verify` output. */
import { readLockfile } from '../../core/registry/lockfile.js';
import { formatVerifyReport, verifyLockedCache } from '../../core/registry/verify.js';
import { flagBool } from '../args.js';
import type { Command } from '../command.js';

export const verifyLockCommand: Command = {
  name: 'verify-lock',
  summary: 'check that every package in run.lock is in .run/cache with its locked sha256',
  usage: 'run-action verify-lock [--offline]',
  flags: {
    offline: { type: 'boolean', description: "upstream's flag: only changes the MISSING line (nothing is ever fetched)" },
  },
  async run(args, ctx) {
    const lock = await readLockfile(ctx.cwd);
    if (!lock) {
      ctx.out('No lockfile found. Run `run-action install` first.');
      return 1;
    }
    for (const w of lock.warnings) ctx.logger.warn(w.message, w.location);
    const { lines, ok } = formatVerifyReport(await verifyLockedCache(ctx.cwd, lock), flagBool(args, 'offline'));
    for (const line of lines) ctx.out(line);
    return ok ? 0 : 1;
  },
};
