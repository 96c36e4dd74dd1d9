/** `run-action lock`: fill in or refresh the sha256 of every tool in run.lock.toml. */
import path from 'node:path';
import { LOCKFILE_NAME } from '../../core/config/lock-toml.js';
import { isPlatformKey, lockToolchains, parseMirror } from '../../core/toolchain/index.js';
import { MIRROR_FLAG } from './setup.js';
import type { PlatformKey } from '../../core/config/model.js';
import { flagBool, flagStrings, UsageError } from '../args.js';
import type { Command } from '../command.js';

export const lockCommand: Command = {
  name: 'lock',
  summary: 'download every pinned toolchain asset and write its sha256 into run.lock.toml',
  usage: 'run-action lock [--platform P]… [--all-platforms] [--tool NAME]… [--mirror URL]… [-C dir]',
  flags: {
    platform: { type: 'strings', description: 'hash the assets of this platform (linux-x64, macos-arm64, …; default: this machine)' },
    'all-platforms': { type: 'boolean', description: 'hash the assets of every platform each tool publishes' },
    tool: { type: 'strings', description: 'lock only this tool (repeatable)' },
    mirror: MIRROR_FLAG,
  },
  async run(args, ctx) {
    const platforms = flagStrings(args, 'platform');
    const bad = platforms.find((p) => !isPlatformKey(p));
    if (bad) throw new UsageError(`unknown platform ${bad}`, { hint: 'use linux-x64, linux-arm64, macos-x64, macos-arm64, windows-x64 or windows-arm64' });
    const changes = await lockToolchains(
      path.join(ctx.cwd, LOCKFILE_NAME),
      {
        platforms: platforms as PlatformKey[],
        allPlatforms: flagBool(args, 'all-platforms'),
        tools: flagStrings(args, 'tool'),
        mirror: parseMirror(flagStrings(args, 'mirror')),
        env: ctx.env,
      },
      ctx.logger,
    );
    for (const c of changes) ctx.out(`${c.tool}\t${c.platform ?? 'any'}\t${c.sha256}`);
    return 0;
  },
};
