/**
 * wasi-sdk pinned in run.lock.toml, on loopback: installed from its default source (the GitHub
 * release directory `wasi-sdk-{major}`) through a mirror, sha256-verified, its version read from
 * the SDK's VERSION file; locked for every platform it publishes; then a C component built by the
 * `c/wasi-sdk` builder with the SDK's clang from the tool cache, and run.
 *
 * The SDK is a STAND-IN: the real one (~100 MB from GitHub) cannot be downloaded here. The archive
 * has the real release's layout (bin/clang → clang-19, share/wasi-sysroot, VERSION) around a shell
 * script clang that runs Debian's clang 14 + wasi-libc, translating the target name and sysroot
 * clang 14 lacks (see wasiSdkRelease in support/releases.ts).
 */
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ToolNotFoundError } from '../../src/core/build/errors.js';
import { parseToolchainLock } from '../../src/core/config/lock-toml.js';
import { silentLogger } from '../../src/core/log.js';
import { HashMismatchError, ToolVersionMismatchError } from '../../src/core/toolchain/errors.js';
import { lockToolchains, parseMirror, setupToolchains, type SetupOptions } from '../../src/core/toolchain/index.js';
import { readVersionFile } from '../../src/core/toolchain/version-check.js';
import { startLoopback, type Loopback } from '../support/loopback.js';
import { runCliAsync } from '../support/cli.js';
import { needTool } from '../support/toolchain.js';
import { build, project, repoRoot, runCommand } from '../build/helpers.js';
import { WASI_SDK_25_VERSION, wasiSdkRelease, type ReleaseAsset } from './support/releases.js';

const onLinuxX64 = process.platform === 'linux' && process.arch === 'x64';
const UPSTREAM = '/WebAssembly/wasi-sdk/releases/download/wasi-sdk-25/wasi-sdk-25.0-x86_64-linux.tar.gz';
const BUILD = '[build]\nSOURCE_DATE_EPOCH = 1700000000\nTZ = "UTC"\nLC_ALL = "C"\nRUSTFLAGS = ""\n';
/** The pin users write: no source, so the tool's default (the GitHub release directory). */
const lockWith = (sha256: string) => `version = "1"\n\n[toolchains.wasi-sdk]\nversion = "25.0"\nsha256 = ${sha256}\n\n${BUILD}`;
const pin = (sha: string) => lockWith(`{ linux-x64 = "${sha}" }`);

describe('the version file', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'version-file-'));
    mkdirSync(join(dir, 'sdk', 'bin'), { recursive: true });
    writeFileSync(join(dir, 'sdk', 'VERSION'), '25.0\r\nllvm-version: 19.1.5\n');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('is read beside the executable, first line only, and named relative to the tool directory', async () => {
    expect(await readVersionFile(dir, join(dir, 'sdk', 'bin', 'clang'), { path: '../VERSION' })).toEqual({ evidence: 'sdk/VERSION reads "25.0"', output: '25.0', version: '25.0' });
  });

  it('must lie inside the tool directory', async () => {
    const probe = await readVersionFile(join(dir, 'sdk'), join(dir, 'sdk', 'clang'), { path: '../VERSION' });
    expect(probe.version).toBeUndefined();
    expect(probe.evidence).toMatch(/lies outside the tool's directory/);
  });
});

describe.skipIf(!onLinuxX64)('wasi-sdk through a loopback release host', () => {
  let host: Loopback;
  let work: string;
  let good: ReleaseAsset;
  beforeAll(async () => {
    host = await startLoopback();
    work = mkdtempSync(join(tmpdir(), 'wasi-sdk-test-'));
    good = wasiSdkRelease();
    host.file(UPSTREAM, readFileSync(good.file));
    // Other mirrors serving other bytes at the same upstream path.
    host.file(`/lying${UPSTREAM}`, readFileSync(wasiSdkRelease('24.0\nllvm-version: 18.1.2\n').file));
    host.file(`/no-version${UPSTREAM}`, readFileSync(wasiSdkRelease(null).file));
    host.file(`/tampered${UPSTREAM}`, readFileSync(wasiSdkRelease(`${WASI_SDK_25_VERSION}# changed\n`).file));
  });
  afterAll(async () => {
    await host.close();
    rmSync(work, { recursive: true, force: true });
  });

  const lockFile = (text: string) => {
    const dir = mkdtempSync(join(work, 'project-'));
    const file = join(dir, 'run.lock.toml');
    writeFileSync(file, text);
    return file;
  };
  const options = (mirror = host.url): SetupOptions => ({
    toolCacheDir: mkdtempSync(join(work, 'tools-')),
    mirror: parseMirror([mirror]),
    http: { backoffMs: 10, readTimeoutMs: 5_000 },
    platform: 'linux-x64',
  });
  const installed = (toolCacheDir: string) => (existsSync(join(toolCacheDir, 'wasi-sdk', '25.0')) ? readdirSync(join(toolCacheDir, 'wasi-sdk', '25.0')) : []);
  const sha = (body: Buffer) => createHash('sha256').update(body).digest('hex');

  it('installs from the default release directory (tag wasi-sdk-25), verified, its version read from VERSION', async () => {
    const file = lockFile(pin(good.sha256));
    const opts = options();
    const before = host.hits(UPSTREAM);
    const [sdk] = await setupToolchains(parseToolchainLock(readFileSync(file, 'utf8'), file), opts, silentLogger);
    expect(host.hits(UPSTREAM)).toBe(before + 1);
    expect(sdk).toMatchObject({ name: 'wasi-sdk', version: '25.0', origin: 'download', sha256: good.sha256, versionOutput: '25.0' });
    expect(sdk!.binPath).toBe(join(sdk!.dir, 'wasi-sdk-25.0-x86_64-linux', 'bin', 'clang'));
    expect(lstatSync(sdk!.binPath).isSymbolicLink()).toBe(true); // as in the real archive: clang → clang-19
    expect(existsSync(join(sdk!.dir, 'wasi-sdk-25.0-x86_64-linux', 'share', 'wasi-sysroot'))).toBe(true);

    const [again] = await setupToolchains(parseToolchainLock(readFileSync(file, 'utf8'), file), opts, silentLogger);
    expect([again!.origin, again!.versionOutput]).toEqual(['tool-cache', '25.0']);
    expect(host.hits(UPSTREAM)).toBe(before + 1);
  });

  it('refuses an archive whose VERSION names another release, leaving nothing installed', async () => {
    const lying = sha(readFileSync(wasiSdkRelease('24.0\nllvm-version: 18.1.2\n').file));
    const file = lockFile(pin(lying));
    const opts = options(`${host.url}lying/`);
    const err = await setupToolchains(parseToolchainLock(readFileSync(file, 'utf8'), file), opts, silentLogger).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ToolVersionMismatchError);
    expect((err as Error).message).toBe('wasi-sdk: run.lock.toml locks version 25.0, but it reports 24.0 (wasi-sdk-25.0-x86_64-linux/VERSION reads "24.0")');
    expect((err as ToolVersionMismatchError).location).toMatchObject({ file, line: 3 });
    expect(installed(opts.toolCacheDir)).toEqual([]);
  });

  it('refuses an archive without VERSION (as wasi-sdk 23 and 24 shipped), saying which releases to pin', async () => {
    const file = lockFile(pin(sha(readFileSync(wasiSdkRelease(null).file))));
    const opts = options(`${host.url}no-version/`);
    const err = await setupToolchains(parseToolchainLock(readFileSync(file, 'utf8'), file), opts, silentLogger).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ToolVersionMismatchError);
    expect((err as Error).message).toBe('wasi-sdk: run.lock.toml locks version 25.0, but no version could be read (wasi-sdk-25.0-x86_64-linux/VERSION is missing)');
    expect((err as ToolVersionMismatchError).hint).toMatch(/23\.0 and 24\.0 shipped without a VERSION file.*pin 22\.0, or 25\.0 and newer/);
    expect(installed(opts.toolCacheDir)).toEqual([]);
  });

  it('refuses a tampered archive before extracting anything', async () => {
    const file = lockFile(pin(good.sha256));
    const opts = options(`${host.url}tampered/`);
    const err = await setupToolchains(parseToolchainLock(readFileSync(file, 'utf8'), file), opts, silentLogger).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HashMismatchError);
    expect((err as Error).message).toContain(`wasi-sdk-25.0-x86_64-linux.tar.gz has sha256 ${sha(readFileSync(wasiSdkRelease(`${WASI_SDK_25_VERSION}# changed\n`).file))}, but run.lock.toml pins ${good.sha256}`);
    expect(existsSync(opts.toolCacheDir) ? readdirSync(opts.toolCacheDir) : []).toEqual([]);
  });

  it('is locked for each platform wasi-sdk 25 publishes, from the same release directory', async () => {
    // The other platforms' assets: bytes we cannot have here, served under their real names.
    const hashes: Record<string, string> = { 'linux-x64': good.sha256 };
    for (const [platform, name] of [
      ['linux-arm64', 'arm64-linux'],
      ['macos-x64', 'x86_64-macos'],
      ['macos-arm64', 'arm64-macos'],
      ['windows-x64', 'x86_64-windows'],
    ] as const) {
      const body = Buffer.from(`wasi-sdk for ${platform}`);
      host.file(`/WebAssembly/wasi-sdk/releases/download/wasi-sdk-25/wasi-sdk-25.0-${name}.tar.gz`, body);
      hashes[platform] = sha(body);
    }
    const file = lockFile(lockWith('"placeholder-for-actual-hash"'));
    await lockToolchains(file, { mirror: parseMirror([host.url]), allPlatforms: true }, silentLogger);
    const lock = parseToolchainLock(readFileSync(file, 'utf8'), file);
    expect(lock.toolchains[0]!.sha256).toEqual(hashes); // no windows-arm64: wasi-sdk publishes it from 26 on
    const [sdk] = await setupToolchains(lock, options(), silentLogger);
    expect(sdk!.versionOutput).toBe('25.0');
  });

  it('finds bin/clang, a symlink as in the real archive, in an asset whose name it does not know', async () => {
    host.file('/renamed/my-wasi-sdk.tar.gz', readFileSync(good.file));
    const lockText = `version = "1"\n\n[toolchains.wasi-sdk]\nversion = "25.0"\nsource = "${host.url}renamed/my-wasi-sdk.tar.gz"\nsha256 = "${good.sha256}"\n\n${BUILD}`;
    const file = lockFile(lockText);
    const [sdk] = await setupToolchains(parseToolchainLock(readFileSync(file, 'utf8'), file), options(), silentLogger);
    expect(sdk!.binPath).toBe(join(sdk!.dir, 'wasi-sdk-25.0-x86_64-linux', 'bin', 'clang'));
    expect(sdk!.versionOutput).toBe('25.0');
  });

  it('tells a build which sysroot it expected when the pinned archive has none', async () => {
    // A URL source whose asset has bin/clang and VERSION but no share/wasi-sysroot: installed, then refused before clang runs.
    const top = join(work, 'bare-sdk', 'wasi-sdk-25.0-x86_64-linux');
    mkdirSync(join(top, 'bin'), { recursive: true });
    writeFileSync(join(top, 'bin', 'clang'), '#!/bin/sh\nexit 1\n', { mode: 0o755 });
    writeFileSync(join(top, 'VERSION'), '25.0\n');
    const tarball = join(work, 'bare-sdk.tar.gz');
    execFileSync('tar', ['-C', join(work, 'bare-sdk'), '-czf', tarball, 'wasi-sdk-25.0-x86_64-linux']);
    const body = readFileSync(tarball);
    host.file('/bare/wasi-sdk-25.0-x86_64-linux.tar.gz', body);
    const lockText = `version = "1"\n\n[toolchains.wasi-sdk]\nversion = "25.0"\nsource = "${host.url}bare/wasi-sdk-25.0-x86_64-linux.tar.gz"\nsha256 = "${sha(body)}"\n\n${BUILD}`;
    const dir = project({ 'run.toml': '[components.hello]\nsource = "main.c"\n', 'main.c': 'int main(void) { return 0; }\n', 'run.lock.toml': lockText });
    const err = await build(dir, { toolCacheDir: join(work, 'bare-tools') }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ToolNotFoundError);
    expect((err as Error).message).toMatch(/^wasi-sdk 25\.0: \S+\/wasi-sdk-25\.0-x86_64-linux\/bin\/clang has no share\/wasi-sysroot beside its bin directory$/);
  });

  describe('building C with it', () => {
    const missing = needTool('/usr/bin/clang', ['--version']);

    it.skipIf(missing)("picks c/wasi-sdk, installs it through the mirror on first use, runs the SDK's clang, and the component runs", async () => {
      const dir = project({ 'run.toml': '[components.hello]\nsource = "hello/main.c"\n', 'run.lock.toml': pin(good.sha256) });
      mkdirSync(join(dir, 'hello'));
      copyFileSync(join(repoRoot, 'examples', 'hello-c', 'hello', 'main.c'), join(dir, 'hello', 'main.c'));
      const { toolCacheDir, mirror } = options();
      const before = host.hits(UPSTREAM);

      const built = await build(dir, { toolCacheDir, mirror });
      expect(host.hits(UPSTREAM)).toBe(before + 1);
      expect(built.result.built.map((c) => [c.name, c.builder])).toEqual([['hello', 'c/wasi-sdk']]);
      const sdkDir = join(toolCacheDir, 'wasi-sdk', '25.0', installed(toolCacheDir)[0]!, 'wasi-sdk-25.0-x86_64-linux');
      const log = built.log.text();
      expect(log).toContain(`wasi-sdk: ${join(sdkDir, 'bin', 'clang')} (pinned in run.lock.toml at 25.0, installed now)`);
      expect(log).toContain(`--target=wasm32-wasip1 --sysroot=${join(sdkDir, 'share', 'wasi-sysroot')}`);
      const hello = await runCommand(built.bytes('hello'));
      expect([hello.class, hello.out]).toEqual(['ok', 'Hello from C! 2 + 3 = 5\n']);

      // The next build finds it in the tool cache: no request at all.
      const requests = host.requests.length;
      const again = await build(dir, { toolCacheDir, mirror });
      expect(again.log.text()).toContain('(pinned in run.lock.toml at 25.0, verified tool-cache copy)');
      expect(host.requests.length).toBe(requests);
      expect(again.bytes('hello')).toEqual(built.bytes('hello'));
    });

    it.skipIf(missing)('`run-action build --mirror` does the same from the command line', async () => {
      const dir = project({ 'run.toml': '[components.hello]\nsource = "main.c"\n', 'run.lock.toml': pin(good.sha256), 'main.c': '#include <stdio.h>\nint main(void) { puts("hi"); return 0; }\n' });
      const cache = mkdtempSync(join(work, 'cli-tools-'));
      const r = await runCliAsync(['build', '--mirror', host.url, '-C', dir], { env: { RUN_ACTION_TOOL_CACHE: cache } });
      expect([r.status, r.stdout]).toEqual([0, 'Building 1 components...\n[hello] built: target/wasm/hello.wasm\n\nBuild complete\n']);
      expect(r.stderr).toContain('(pinned in run.lock.toml at 25.0, installed now)');
      expect(installed(cache)).toHaveLength(1);
    });
  });
});
