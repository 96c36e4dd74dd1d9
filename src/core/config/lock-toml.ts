/**
 * Reads run.lock.toml, upstream's toolchain lockfile (§2.1): `version`, one [toolchains.<tool>] per
 * tool (version, sha256, source) and a required [build] environment. Release binaries differ per
 * platform, so `sha256` may also be a table keyed by platform. Hashes are kept exactly as written —
 * empty and placeholder values included — because refusing them is the installer's job.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ConfigMissingKeyError, ConfigReadError } from './errors.js';
import type { LockBuildEnv, LockedToolchain, PlatformKey, ToolchainLock } from './model.js';
import { closest } from '../text/suggest.js';
import { isTable, TomlReader, type Section } from './toml-reader.js';

export const LOCKFILE_NAME = 'run.lock.toml';
export const PLATFORM_KEYS: readonly PlatformKey[] = ['linux-x64', 'linux-arm64', 'macos-x64', 'macos-arm64', 'windows-x64', 'windows-arm64'];

const TOOLCHAIN_KEYS = ['version', 'sha256', 'source'];
// Upstream's defaults (what `toolchain sync` writes), indented to stand out under "hint:".
const BUILD_SECTION = ['[build]', 'SOURCE_DATE_EPOCH = 0', 'TZ = "UTC"', 'LC_ALL = "C"', 'RUSTFLAGS = "-C debuginfo=0 -C link-arg=-s"'].map((l) => `\n    ${l}`).join('');

/**
 * True for anything that cannot be a real sha256: "", upstream's `placeholder-for-actual-hash`,
 * text that is not 64 hex digits, or one digit repeated (`000…0`).
 */
export function isPlaceholderHash(s: string): boolean {
  return !/^[0-9a-f]{64}$/i.test(s) || /^(.)\1*$/.test(s);
}

function readSha256(s: Section): LockedToolchain['sha256'] {
  const v = s.table.sha256;
  if (v === undefined || typeof v === 'string') return v;
  if (!isTable(v)) {
    throw s.reader.typeError(s.at('sha256'), 'a string or a table of per-platform hashes', v, 'write sha256 = "<64 hex digits>" or sha256 = { linux-x64 = "…", macos-arm64 = "…" }');
  }
  const table = s.section('sha256')!;
  const out: Partial<Record<PlatformKey, string>> = {};
  for (const [platform, hash] of Object.entries(table.table)) {
    if (!(PLATFORM_KEYS as readonly string[]).includes(platform)) {
      const near = closest(platform, PLATFORM_KEYS);
      throw s.reader.valueError(table.at(platform), `unknown platform \`${platform}\` in sha256${near ? ` (did you mean \`${near}\`?)` : ''}`, `key the hashes by platform: ${PLATFORM_KEYS.join(', ')}`, 'key');
    }
    if (typeof hash !== 'string') throw s.reader.typeError(table.at(platform), 'a string', hash, `write ${platform} = "<64 hex digits>"`);
    out[platform as PlatformKey] = hash;
  }
  return out;
}

function readToolchains(reader: TomlReader, top: Section): LockedToolchain[] {
  const tools = top.section('toolchains', '{ wasmtime = { version = "25.0.0", sha256 = "…", source = "…" } }');
  if (!tools) return [];
  return Object.entries(tools.table).map(([tool, value]) => {
    if (!isTable(value)) {
      throw reader.typeError(tools.at(tool), 'a table', value, `write a [toolchains.${tool}] section with version, sha256 and source`);
    }
    const s = tools.section(tool)!;
    s.warnUnknownKeys(TOOLCHAIN_KEYS);
    return {
      tool,
      version: s.requiredString('version', '"1.0.0"'),
      sha256: readSha256(s),
      source: s.string('source', '"https://…/release.tar.gz"'),
      get location() {
        return s.location(undefined, 'key');
      },
    };
  });
}

function readBuildEnv(reader: TomlReader, top: Section): LockBuildEnv {
  const s = top.section('build', '{ SOURCE_DATE_EPOCH = 0, TZ = "UTC", LC_ALL = "C", RUSTFLAGS = "" }');
  if (!s) {
    throw new ConfigMissingKeyError('missing [build] section (the pinned build environment)', {
      location: { file: reader.file },
      hint: `add at the end of ${LOCKFILE_NAME}:${BUILD_SECTION}`,
    });
  }
  const extra: Record<string, string> = {};
  for (const key of Object.keys(s.table)) {
    if (['SOURCE_DATE_EPOCH', 'TZ', 'LC_ALL', 'RUSTFLAGS'].includes(key)) continue;
    const v = s.string(key, '"…"');
    if (v !== undefined) extra[key] = v;
  }
  const epoch = s.integer('SOURCE_DATE_EPOCH', 0, Number.MAX_SAFE_INTEGER, '0');
  if (epoch === undefined) throw reader.missing(['build'], 'SOURCE_DATE_EPOCH', 'add SOURCE_DATE_EPOCH = 0 (seconds since 1970, no quotes)');
  return {
    SOURCE_DATE_EPOCH: epoch,
    TZ: s.requiredString('TZ', '"UTC"'),
    LC_ALL: s.requiredString('LC_ALL', '"C"'),
    RUSTFLAGS: s.requiredString('RUSTFLAGS', '"-C debuginfo=0 -C link-arg=-s"'),
    extra,
  };
}

export function parseToolchainLock(text: string, file: string): ToolchainLock {
  const reader = new TomlReader(text, file);
  const top = reader.section([], reader.root);
  top.warnUnknownKeys(['version', 'toolchains', 'build']);
  // Upstream writes the string "1"; an integer 1 (as in run.lock) means the same.
  const raw = reader.root.version;
  if (raw === undefined) throw reader.missing([], 'version', 'add version = "1" at the top of the file');
  if (typeof raw !== 'string' && typeof raw !== 'bigint') throw reader.typeError(['version'], 'a string', raw, 'write version = "1"');
  if (String(raw) !== '1') throw reader.valueError(['version'], `unsupported lockfile version ${JSON.stringify(String(raw))}`, 'this run-action reads version = "1"');
  return {
    file: resolve(file),
    version: '1',
    toolchains: readToolchains(reader, top),
    build: readBuildEnv(reader, top),
    warnings: reader.warnings,
  };
}

/**
 * Reads `<dir>/run.lock.toml`; undefined when the project has none. Synchronous: a small file reads
 * in microseconds, where its four trips through libuv's thread pool take a few hundred.
 */
export function loadToolchainLock(dir: string): ToolchainLock | undefined {
  const file = join(resolve(dir), LOCKFILE_NAME);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new ConfigReadError(`cannot read ${file}: ${(err as Error).message}`, { location: { file }, cause: err });
  }
  return parseToolchainLock(text, file);
}
