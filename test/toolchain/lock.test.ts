/** `lock`: hashes written through the same download path as setup, the file's text otherwise kept. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseToolchainLock } from '../../src/core/config/lock-toml.js';
import { silentLogger } from '../../src/core/log.js';
import { setSha256 } from '../../src/core/toolchain/lock-edit.js';
import { buildEnvFromLock, lockToolchains, parseMirror, setupToolchains, toolEnvironment } from '../../src/core/toolchain/index.js';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { lockCommand } from '../../src/cli/commands/lock.js';
import { startLoopback, type Loopback } from '../support/loopback.js';
import { linuxReleaseAssets, serveAssets, type ReleaseAsset } from './support/releases.js';

const H1 = '1'.repeat(63) + 'a';
const H2 = '2'.repeat(63) + 'b';

describe('setSha256 edits only the hash', () => {
  const head = '# my toolchains\nversion = "1" # schema\n\n';
  it('replaces a placeholder string, keeping comments', () => {
    const text = `${head}[toolchains.wasmtime] # runtime\nversion = "25.0.0"\nsha256 = "placeholder-for-actual-hash" # fill me\nsource = "x"\n`;
    expect(setSha256(text, 'f', 'wasmtime', H1)).toBe(text.replace('"placeholder-for-actual-hash"', `"${H1}"`));
  });
  it('replaces an inline platform table', () => {
    const text = `${head}[toolchains."wasm-tools"]\nversion = "1"\nsha256 = { linux-x64 = "", macos-arm64 = "x" } # per platform\n`;
    expect(setSha256(text, 'f', 'wasm-tools', { 'linux-x64': H1, 'macos-arm64': H2 })).toBe(
      text.replace('{ linux-x64 = "", macos-arm64 = "x" }', `{ linux-x64 = "${H1}", macos-arm64 = "${H2}" }`),
    );
  });
  it('edits a [toolchains.<tool>.sha256] table key by key', () => {
    const text = `${head}[toolchains.tinygo]\nversion = "1"\n\n[toolchains.tinygo.sha256]\n# linux first\nlinux-x64 = "old"\n`;
    expect(setSha256(text, 'f', 'tinygo', { 'linux-x64': H1, 'macos-x64': H2 })).toBe(
      `${head}[toolchains.tinygo]\nversion = "1"\n\n[toolchains.tinygo.sha256]\nmacos-x64 = "${H2}"\n# linux first\nlinux-x64 = "${H1}"\n`,
    );
  });
  it('inserts a missing sha256 after the version line', () => {
    const text = `${head}[toolchains.jco]\nversion = "1.4.0"\nsource = "npm:@bytecodealliance/jco@1.4.0"\n\n[build]\nTZ = "UTC"\n`;
    expect(setSha256(text, 'f', 'jco', H1)).toBe(text.replace('version = "1.4.0"\n', `version = "1.4.0"\nsha256 = "${H1}"\n`));
  });
  it('refuses to edit a tool written as an inline table, saying how to rewrite it', () => {
    const text = `${head}[toolchains]\nzig = { version = "0.13.0" }\n`;
    expect(() => setSha256(text, 'f', 'zig', H1)).toThrow(/written inline/);
  });
});

const onLinuxX64 = process.platform === 'linux' && process.arch === 'x64';
const assets = onLinuxX64 ? linuxReleaseAssets() : 'release fixtures are linux-x64 binaries';

describe.skipIf(typeof assets === 'string')('lockToolchains through a loopback release host', () => {
  const all = assets as ReleaseAsset[];
  let host: Loopback;
  let dir: string;
  beforeAll(async () => {
    host = await startLoopback();
    serveAssets(host, all);
    dir = mkdtempSync(join(tmpdir(), 'lock-test-'));
  });
  afterAll(async () => {
    await host.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('fills placeholders for this platform, then setup accepts the file', async () => {
    const [wasmtime, , wac] = all;
    const file = join(dir, 'run.lock.toml');
    const original = [
      '# Toolchains for the calculator example',
      'version = "1"',
      '',
      '[toolchains.wasmtime] # the runtime',
      `version = "${wasmtime!.version}"`,
      'sha256 = "placeholder-for-actual-hash"',
      'source = "https://github.com/bytecodealliance/wasmtime/releases/tag/v49.0.3"',
      '',
      '[toolchains.wac]',
      `version = "${wac!.version}"`,
      `source = "https://github.com${wac!.path}" # a direct asset: one hash for all`,
      '',
      '[build]',
      'SOURCE_DATE_EPOCH = 1700000000',
      'TZ = "UTC"',
      'LC_ALL = "C"',
      'RUSTFLAGS = "-C debuginfo=0"',
      'PYTHONHASHSEED = "0"',
      '',
    ].join('\n');
    writeFileSync(file, original);
    const lines: string[] = [];
    const code = await lockCommand.run(
      { positionals: [], flags: { mirror: [host.url], platform: ['linux-x64'] } },
      { cwd: dir, logger: silentLogger, out: (l) => void lines.push(l), env: process.env },
    );
    expect(code).toBe(0);
    expect(lines).toEqual([`wasmtime\tlinux-x64\t${wasmtime!.sha256}`, `wac\tany\t${wac!.sha256}`]);
    const written = readFileSync(file, 'utf8');
    expect(written).toBe(
      original
        .replace('"placeholder-for-actual-hash"', `{ linux-x64 = "${wasmtime!.sha256}" }`)
        .replace(`version = "${wac!.version}"\n`, `version = "${wac!.version}"\nsha256 = "${wac!.sha256}"\n`),
    );
    const lock = parseToolchainLock(written, file);
    const installed = await setupToolchains(lock, { toolCacheDir: join(dir, 'tools'), mirror: parseMirror([host.url]) }, silentLogger);
    expect(installed.map((t) => t.name)).toEqual(['wasmtime', 'wac']);
    const env = toolEnvironment(installed, { PATH: '/usr/bin' });
    expect(env.PATH).toBe(`${installed[0]!.binDir}:${installed[1]!.binDir}:/usr/bin`);
    expect(execFileSync('wac', ['--version'], { env, encoding: 'utf8' }).trim()).toBe('wac-cli 0.6.1');
    expect(buildEnvFromLock(lock)).toEqual({ SOURCE_DATE_EPOCH: '1700000000', TZ: 'UTC', LC_ALL: 'C', RUSTFLAGS: '-C debuginfo=0', PYTHONHASHSEED: '0' });

    // A second lock changes nothing, byte for byte.
    const changes = await lockToolchains(file, { mirror: parseMirror([host.url]), platforms: ['linux-x64'] }, silentLogger);
    expect(changes).toEqual([]);
    expect(readFileSync(file, 'utf8')).toBe(written);
  });

  it('replaces a stale hash, and with --all-platforms writes one per platform the tool publishes', async () => {
    const wac = all[2]!;
    const file = join(dir, 'stale', 'run.lock.toml');
    (await import('node:fs')).mkdirSync(join(dir, 'stale'));
    const text = (sha: string) => `version = "1"\n\n[toolchains.wac]\nversion = "0.6.1"\nsha256 = ${sha} # pinned\n\n[build]\nSOURCE_DATE_EPOCH = 0\nTZ = "UTC"\nLC_ALL = "C"\nRUSTFLAGS = ""\n`;
    writeFileSync(file, text(`{ linux-x64 = "${H1}" }`));
    const warnings: string[] = [];
    const changes = await lockToolchains(file, { mirror: parseMirror([host.url]), platforms: ['linux-x64'] }, { ...silentLogger, warn: (m) => void warnings.push(m) });
    expect(changes).toEqual([{ tool: 'wac', platform: 'linux-x64', sha256: wac.sha256, previous: H1 }]);
    // A pinned asset whose bytes changed upstream is worth a loud line: it is what a supply-chain attack looks like.
    expect(warnings).toEqual([`wac 0.6.1 (linux-x64): the asset's sha256 changed from ${H1} to ${wac.sha256}`]);
    expect(readFileSync(file, 'utf8')).toBe(text(`{ linux-x64 = "${wac.sha256}" }`));

    // The other platforms' assets of the same release: bytes we cannot have here, served under their real names.
    const others = { 'linux-arm64': 'aarch64-unknown-linux-musl', 'macos-x64': 'x86_64-apple-darwin', 'macos-arm64': 'aarch64-apple-darwin', 'windows-x64': 'x86_64-pc-windows-gnu.exe' };
    const hashes: Record<string, string> = { 'linux-x64': wac.sha256 };
    for (const [platform, suffix] of Object.entries(others)) {
      const bytes = `wac for ${platform}`;
      host.file(`/bytecodealliance/wac/releases/download/v0.6.1/wac-cli-${suffix}`, bytes);
      hashes[platform] = createHash('sha256').update(bytes).digest('hex');
    }
    await lockToolchains(file, { mirror: parseMirror([host.url]), allPlatforms: true }, silentLogger);
    const locked = parseToolchainLock(readFileSync(file, 'utf8'), file).toolchains[0]!.sha256;
    expect(locked).toEqual(hashes);
    expect(readFileSync(file, 'utf8')).toContain('# pinned');
  });

  it('with --all-platforms fails on the first platform asset the host lacks, writing nothing', async () => {
    const file = join(dir, 'all', 'run.lock.toml');
    const text = `version = "1"\n[toolchains.wasmtime]\nversion = "49.0.3"\n[build]\nSOURCE_DATE_EPOCH = 0\nTZ = "UTC"\nLC_ALL = "C"\nRUSTFLAGS = ""\n`;
    (await import('node:fs')).mkdirSync(join(dir, 'all'));
    writeFileSync(file, text);
    const err = await lockToolchains(file, { mirror: parseMirror([host.url]), allPlatforms: true, http: { backoffMs: 1 } }, silentLogger).catch((e: unknown) => e);
    expect((err as Error).message).toMatch(/wasmtime-v49\.0\.3-aarch64-linux\.tar\.xz answered HTTP 404/);
    expect(readFileSync(file, 'utf8')).toBe(text);
  });
});
