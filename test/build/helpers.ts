/**
 * Shared by the build tests: copy an example (or a small project) into a fresh temporary
 * directory, build it with the real toolchains through buildProject, and call the result with the
 * real engine. Builds go to copies so two builds in different paths can be compared byte for byte
 * and nothing is written into the repository.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll } from 'vitest';
import { buildProject, type BuildOptions, type BuildResult } from '../../src/core/build/index.js';
import { loadRunConfig } from '../../src/core/config/run-toml.js';
import type { Location } from '../../src/core/errors.js';
import type { Logger } from '../../src/core/log.js';
import { openComponent } from '../../src/core/engine/index.js';
import type { CallOutcome, HostConfig } from '../../src/core/engine/types.js';
import { requireToolchains } from '../support/toolchain.js';

export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const engineCache = join(repoRoot, 'test', '.cache', 'build-engine');

export interface CapturedLogger extends Logger {
  lines: string[];
  text(): string;
}

export function captureLogger(): CapturedLogger {
  const lines: string[] = [];
  const where = (l?: Location) => (l ? `${l.file}${l.line ? `:${l.line}` : ''}: ` : '');
  return {
    lines,
    text: () => lines.join('\n'),
    info: (m) => void lines.push(m),
    debug: (m) => void lines.push(m),
    warn: (m, l) => void lines.push(`warning: ${where(l)}${m}`),
    error: (m, l) => void lines.push(`error: ${where(l)}${m}`),
    group: async (title, fn) => {
      lines.push(`▸ ${title}`);
      return fn();
    },
    mask: () => {},
  };
}

const scratch: string[] = [];
afterAll(() => {
  for (const d of scratch.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A fresh temporary directory, removed after the test file. `nested` makes the path longer and different. */
export function tempDir(nested = ''): string {
  const base = mkdtempSync(join(tmpdir(), 'run-action-build-'));
  scratch.push(base);
  const dir = join(base, nested, 'project');
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** Copies examples/<name> without build outputs (target/ folders) into a fresh directory. */
export function copyExample(name: string, nested = ''): string {
  const dir = tempDir(nested);
  cpSync(join(repoRoot, 'examples', name), dir, { recursive: true, filter: (src) => !/[\\/](target|\.run|node_modules|__pycache__)$/.test(src) });
  return dir;
}

/** Writes files (path → text) under a fresh directory; returns it. */
export function project(files: Record<string, string | Uint8Array>, nested = ''): string {
  const dir = tempDir(nested);
  for (const [file, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    writeFileSync(join(dir, file), content);
  }
  return dir;
}

/** The caller's environment with the host details a build must not depend on changed. */
export const otherHost: NodeJS.ProcessEnv = { ...process.env, TZ: 'Pacific/Chatham', LANG: 'tr_TR.UTF-8', LC_ALL: 'tr_TR.UTF-8', GOFLAGS: '-buildvcs=true', CFLAGS: '-O0' };

export interface Built {
  dir: string;
  result: BuildResult;
  log: CapturedLogger;
  bytes(name: string): Uint8Array;
  meta(name: string): string;
}

export async function build(dir: string, options: Partial<BuildOptions> = {}): Promise<Built> {
  const log = captureLogger();
  const config = await loadRunConfig(dir);
  const result = await buildProject(config, { env: process.env, ...options }, log);
  const out = join(dir, config.build.outputDir);
  return {
    dir,
    result,
    log,
    bytes: (name) => new Uint8Array(readFileSync(join(out, `${name}.wasm`))),
    meta: (name) => readFileSync(join(out, `${name}.meta.toml`), 'utf8'),
  };
}

/** A HostConfig as `test` uses by default: strict, nothing granted unless asked. */
export function strictHost(grants: { random?: boolean; clock?: boolean } = {}): HostConfig {
  return {
    policy: 'strict',
    grants: { dirs: [], env: {}, clock: !!grants.clock, random: !!grants.random, stdin: false, args: ['component'] },
    epochSeconds: 0,
    seed: 1n,
    outputCapBytes: 1 << 20,
  };
}

/** Calls `iface#func` (or a world-level `func`) of a built component in the real engine. */
export async function call(bytes: Uint8Array, fn: string, args: unknown[], host = strictHost()): Promise<CallOutcome> {
  const session = await openComponent({ bytes, cacheDir: engineCache });
  try {
    const [a, b] = fn.split('#');
    return await session.call({ path: b === undefined ? [a!] : [a!, b], args, host });
  } finally {
    await session.close();
  }
}

/** Runs a command component (wasi:cli/run) in the real engine. */
export async function runCommand(bytes: Uint8Array, host = strictHost()): Promise<CallOutcome & { out: string }> {
  const session = await openComponent({ bytes, cacheDir: engineCache });
  try {
    const outcome = await session.run({ host });
    return { ...outcome, out: new TextDecoder().decode(outcome.stdout) };
  } finally {
    await session.close();
  }
}

/**
 * Tests that need a Rust toolchain with a WASI target (rustup's wasm32-wasip1, or Debian's rustc
 * with libstd-rust-dev-wasm32): skip with the reason on a bare machine, fail when toolchains are required.
 */
export function needRustWasm(): string | false {
  for (const rustc of ['rustc', '/usr/bin/rustc']) {
    try {
      const sysroot = execFileSync(rustc, ['--print', 'sysroot'], { stdio: 'pipe' }).toString().trim();
      if (['wasm32-wasip1', 'wasm32-wasi'].some((t) => existsSync(join(sysroot, 'lib', 'rustlib', t)))) return false;
    } catch {
      // not this one
    }
  }
  const reason = 'no rustc with a wasm32-wasip1/wasm32-wasi target (apt-get install rustc cargo libstd-rust-dev-wasm32)';
  if (requireToolchains) throw new Error(`RUN_ACTION_REQUIRE_TOOLCHAINS=1 but ${reason}`);
  console.warn(`skipping: ${reason}`);
  return reason;
}

/** The error `p` rejects with, which must be a `type` (anything else fails the test). */
export async function failure<E extends Error>(p: Promise<unknown>, type: abstract new (...args: never[]) => E): Promise<E> {
  try {
    await p;
  } catch (err) {
    if (err instanceof type) return err;
    throw err;
  }
  throw new Error(`expected a ${type.name}, but it succeeded`);
}
