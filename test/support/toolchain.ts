/**
 * Toolchain-gated tests: on a bare laptop a test whose tool is missing skips with the reason shown;
 * in CI (RUN_ACTION_REQUIRE_TOOLCHAINS=1, set by .ci/run after installing them) it fails instead.
 */
import { execFileSync } from 'node:child_process';

export const requireToolchains = process.env.RUN_ACTION_REQUIRE_TOOLCHAINS === '1';

/** Returns null when `cmd args…` runs, else the reason it does not. */
export function probe(cmd: string, args: string[] = ['--version']): string | null {
  try {
    execFileSync(cmd, args, { stdio: 'pipe', timeout: 30_000 });
    return null;
  } catch (err) {
    return `${cmd} ${args.join(' ')} failed: ${(err as Error).message.split('\n')[0]}`;
  }
}

/**
 * Use as `const missing = needTool('clang', ['--version']); it.skipIf(missing)(…)`.
 * Throws (so the file fails to load, loudly) when toolchains are required and the tool is missing.
 */
export function needTool(cmd: string, args?: string[]): string | false {
  const reason = probe(cmd, args);
  if (reason === null) return false;
  if (requireToolchains) {
    throw new Error(`RUN_ACTION_REQUIRE_TOOLCHAINS=1 but ${reason}`);
  }
  console.warn(`skipping: ${reason}`);
  return reason;
}
