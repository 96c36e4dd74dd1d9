/** `run-action setup`: install, verify and cache the toolchains run.lock.toml pins. */
import os from 'node:os';
import path from 'node:path';
import { LOCKFILE_NAME, loadToolchainLock } from '../../core/config/lock-toml.js';
import { ConfigNotFoundError } from '../../core/config/errors.js';
import { parseMirror, setupToolchains, TOOL_CACHE_ENV } from '../../core/toolchain/index.js';
import { flagBool, flagStrings } from '../args.js';
import type { Command } from '../command.js';

/** The CLI keeps tools between runs in the user's cache directory (no cross-run backend needed). */
export function localToolCache(env: NodeJS.ProcessEnv): string {
  if (env[TOOL_CACHE_ENV]) return path.resolve(env[TOOL_CACHE_ENV]);
  const base = env.XDG_CACHE_HOME || (process.platform === 'win32' ? env.LOCALAPPDATA : undefined) || path.join(os.homedir(), '.cache');
  return path.join(base, 'run-action', 'toolchains');
}

/** `--mirror`, as setup, lock, build, verify and ci take it. */
export const MIRROR_FLAG = {
  type: 'strings',
  description: 'base URL replacing the release host; npm=URL, pypi=URL, cargo=URL or HOST=URL for others (repeatable)',
} as const;

export const setupCommand: Command = {
  name: 'setup',
  summary: 'install the toolchains pinned in run.lock.toml, verified by sha256 and cached',
  usage: 'run-action setup [--mirror URL]… [--allow-unpinned] [--tool NAME]… [-C dir]',
  flags: {
    mirror: MIRROR_FLAG,
    'allow-unpinned': { type: 'boolean', description: 'install tools whose sha256 is missing or a placeholder (prints the hash to pin)' },
    tool: { type: 'strings', description: 'install only this tool (repeatable)' },
  },
  async run(args, ctx) {
    const lock = loadToolchainLock(ctx.cwd);
    if (!lock) {
      throw new ConfigNotFoundError(`no ${LOCKFILE_NAME} in ${ctx.cwd}`, {
        location: { file: path.join(ctx.cwd, LOCKFILE_NAME) },
        hint: 'create one with [toolchains.<tool>] version/source entries and a [build] section, then run `run-action lock`',
      });
    }
    for (const w of lock.warnings) ctx.logger.warn(w.message, w.location);
    const tools = await setupToolchains(
      lock,
      {
        toolCacheDir: localToolCache(ctx.env),
        allowUnpinned: flagBool(args, 'allow-unpinned'),
        mirror: parseMirror(flagStrings(args, 'mirror')),
        tools: flagStrings(args, 'tool'),
        env: ctx.env,
      },
      ctx.logger,
    );
    for (const t of tools) ctx.out(`${t.name}\t${t.version}\t${t.binPath}`);
    return 0;
  },
};
