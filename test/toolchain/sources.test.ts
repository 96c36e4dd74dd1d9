/** Source strings, tool knowledge, mirrors, pins and version parsing. */
import { describe, expect, it } from 'vitest';
import { PLATFORM_KEYS } from '../../src/core/config/lock-toml.js';
import type { LockedToolchain } from '../../src/core/config/model.js';
import { ToolSourceError, UnsupportedPlatformError } from '../../src/core/toolchain/errors.js';
import { applyMirror, MirrorSyntaxError, parseMirror } from '../../src/core/toolchain/mirror.js';
import { pinFor } from '../../src/core/toolchain/pins.js';
import { parseSource, resolveAsset } from '../../src/core/toolchain/source.js';
import { TOOLS } from '../../src/core/toolchain/tools.js';
import { BUILD_TOOLS, lockEntryHint } from '../../src/core/build/tools.js';
import { parseToolVersion } from '../../src/core/toolchain/version-check.js';

const tool = (name: string, version: string, source?: string, sha256?: LockedToolchain['sha256']): LockedToolchain => ({
  tool: name,
  version,
  source,
  sha256,
  location: { file: 'run.lock.toml', line: 3 },
});

describe('parseSource', () => {
  it('reads every way users write a source', () => {
    expect(parseSource(tool('wasmtime', '25.0.0', 'https://github.com/bytecodealliance/wasmtime/releases/tag/v25.0.0'))).toEqual({
      kind: 'release',
      base: 'https://github.com/bytecodealliance/wasmtime/releases/download/v25.0.0/',
    });
    expect(parseSource(tool('wasmtime', '25.0.0', 'https://github.com/bytecodealliance/wasmtime/releases/download/v25.0.0'))).toEqual({
      kind: 'release',
      base: 'https://github.com/bytecodealliance/wasmtime/releases/download/v25.0.0/',
    });
    expect(parseSource(tool('wac', '0.6.1', 'https://github.com/bytecodealliance/wac/releases/download/v0.6.1/wac-cli-x86_64-unknown-linux-musl')).kind).toBe('url');
    expect(parseSource(tool('jco', '1.4.0', 'npm:@bytecodealliance/jco@1.4.0'))).toEqual({ kind: 'npm', name: '@bytecodealliance/jco', version: '1.4.0' });
    expect(parseSource(tool('componentize-py', '0.13.3', 'pypi:componentize-py==0.13.3'))).toEqual({ kind: 'pypi', name: 'componentize-py', version: '0.13.3' });
    expect(parseSource(tool('cargo-component', '0.13.2', 'cargo:cargo-component@0.13.2'))).toEqual({ kind: 'cargo', name: 'cargo-component', version: '0.13.2' });
    // No source: the tool's upstream default, with the locked version.
    expect(parseSource(tool('jco', '1.35.0'))).toEqual({ kind: 'npm', name: '@bytecodealliance/jco', version: '1.35.0' });
    expect(parseSource(tool('zig', '0.13.0'))).toEqual({ kind: 'release', base: 'https://ziglang.org/download/0.13.0/' });
  });

  it('explains sources it cannot use', () => {
    expect(() => parseSource(tool('wasmtime', '25.0.0', 'local:/usr/bin/wasmtime'))).toThrow(/cannot be installed on another machine/);
    expect(() => parseSource(tool('jco', '1', 'npm:jco'))).toThrow(ToolSourceError);
    expect(() => parseSource(tool('mytool', '1'))).toThrow(/not a tool run-action knows/);
  });
});

describe('tool knowledge', () => {
  it('names the real upstream assets', () => {
    const url = (name: string, version: string, p: (typeof PLATFORM_KEYS)[number]) => resolveAsset(tool(name, version), parseSource(tool(name, version)), p);
    expect(url('wasmtime', '25.0.0', 'linux-x64')).toMatchObject({
      url: 'https://github.com/bytecodealliance/wasmtime/releases/download/v25.0.0/wasmtime-v25.0.0-x86_64-linux.tar.xz',
      format: 'tar.xz',
      bin: 'wasmtime-v25.0.0-x86_64-linux/wasmtime',
    });
    expect(url('wasmtime', '25.0.0', 'windows-x64')).toMatchObject({ name: 'wasmtime-v25.0.0-x86_64-windows.zip', bin: 'wasmtime-v25.0.0-x86_64-windows/wasmtime.exe' });
    expect(url('wasm-tools', '1.210.0', 'macos-arm64').name).toBe('wasm-tools-1.210.0-aarch64-macos.tar.gz');
    expect(url('tinygo', '0.32.0', 'macos-arm64')).toMatchObject({ name: 'tinygo0.32.0.darwin-arm64.tar.gz', bin: 'tinygo/bin/tinygo' });
    expect(url('zig', '0.13.0', 'linux-arm64').url).toBe('https://ziglang.org/download/0.13.0/zig-linux-aarch64-0.13.0.tar.xz');
    expect(url('zig', '0.14.1', 'linux-arm64').name).toBe('zig-aarch64-linux-0.14.1.tar.xz');
    expect(url('cargo-component', '0.13.2', 'linux-x64')).toMatchObject({ name: 'cargo-component-x86_64-unknown-linux-gnu', format: 'binary' });
    expect(url('cargo-component', '0.21.1', 'linux-x64').name).toBe('cargo-component-x86_64-unknown-linux-gnu.tar.gz');
    expect(url('wac', '0.6.1', 'macos-x64')).toMatchObject({ name: 'wac-cli-x86_64-apple-darwin', format: 'binary', bin: 'wac' });
    expect(() => url('tinygo', '0.32.0', 'windows-arm64')).toThrow(UnsupportedPlatformError);
  });

  it('names wasi-sdk\'s assets: tag wasi-sdk-<major>, <arch>-<os> from 23 on, one build per OS up to 22', () => {
    const sdk = (version: string, p: (typeof PLATFORM_KEYS)[number], source?: string) => resolveAsset(tool('wasi-sdk', version), parseSource(tool('wasi-sdk', version, source)), p);
    expect(parseSource(tool('wasi-sdk', '25.0'))).toEqual({ kind: 'release', base: 'https://github.com/WebAssembly/wasi-sdk/releases/download/wasi-sdk-25/' });
    expect(sdk('25.0', 'linux-x64')).toEqual({
      url: 'https://github.com/WebAssembly/wasi-sdk/releases/download/wasi-sdk-25/wasi-sdk-25.0-x86_64-linux.tar.gz',
      name: 'wasi-sdk-25.0-x86_64-linux.tar.gz',
      format: 'tar.gz',
      bin: 'wasi-sdk-25.0-x86_64-linux/bin/clang',
    });
    expect(sdk('25.0', 'linux-arm64')).toMatchObject({ name: 'wasi-sdk-25.0-arm64-linux.tar.gz', bin: 'wasi-sdk-25.0-arm64-linux/bin/clang' });
    expect(sdk('25.0', 'macos-x64')).toMatchObject({ name: 'wasi-sdk-25.0-x86_64-macos.tar.gz', bin: 'wasi-sdk-25.0-x86_64-macos/bin/clang' });
    expect(sdk('25.0', 'macos-arm64')).toMatchObject({ name: 'wasi-sdk-25.0-arm64-macos.tar.gz', bin: 'wasi-sdk-25.0-arm64-macos/bin/clang' });
    // Windows gets a tarball too.
    expect(sdk('25.0', 'windows-x64')).toMatchObject({ name: 'wasi-sdk-25.0-x86_64-windows.tar.gz', format: 'tar.gz', bin: 'wasi-sdk-25.0-x86_64-windows/bin/clang.exe' });
    expect(() => sdk('25.0', 'windows-arm64')).toThrow(UnsupportedPlatformError);
    expect(sdk('26.0', 'windows-arm64').url).toBe('https://github.com/WebAssembly/wasi-sdk/releases/download/wasi-sdk-26/wasi-sdk-26.0-arm64-windows.tar.gz');
    expect(sdk('23.0', 'linux-arm64').name).toBe('wasi-sdk-23.0-arm64-linux.tar.gz');
    expect(sdk('22.0', 'linux-x64')).toEqual({
      url: 'https://github.com/WebAssembly/wasi-sdk/releases/download/wasi-sdk-22/wasi-sdk-22.0-linux.tar.gz',
      name: 'wasi-sdk-22.0-linux.tar.gz',
      format: 'tar.gz',
      bin: 'wasi-sdk-22.0/bin/clang',
    });
    expect(sdk('20.0', 'macos-x64')).toMatchObject({ name: 'wasi-sdk-20.0-macos.tar.gz', bin: 'wasi-sdk-20.0/bin/clang' });
    expect(sdk('22.0', 'macos-arm64').name).toBe('wasi-sdk-22.0-macos.tar.gz'); // universal from 18 on
    expect(() => sdk('17.0', 'macos-arm64')).toThrow(UnsupportedPlatformError);
    expect(() => sdk('22.0', 'linux-arm64')).toThrow(UnsupportedPlatformError);
    expect(() => sdk('22.0', 'windows-x64')).toThrow(UnsupportedPlatformError);
    // A direct URL to a known asset still knows where clang is; the release page URL is a release directory.
    expect(sdk('25.0', 'linux-x64', 'https://mirror.example/sdk/wasi-sdk-25.0-x86_64-linux.tar.gz').bin).toBe('wasi-sdk-25.0-x86_64-linux/bin/clang');
    expect(sdk('25.0', 'linux-x64', 'https://github.com/WebAssembly/wasi-sdk/releases/tag/wasi-sdk-{major}').url).toBe(sdk('25.0', 'linux-x64').url);
  });

  it('expands {major} wherever {version} is, for any tool', () => {
    expect(parseSource(tool('mytool', '3.1.4', 'https://example.test/tools/v{major}/mytool-{version}.tar.gz'))).toEqual({ kind: 'url', url: 'https://example.test/tools/v3/mytool-3.1.4.tar.gz' });
    expect(parseSource(tool('wasmtime', '25.0.0', 'https://example.test/{major}.x/'))).toEqual({ kind: 'release', base: 'https://example.test/25.x/' });
  });

  it('the wasi-sdk pin a failed C build suggests is its default source, and resolves', () => {
    const hint = lockEntryHint(BUILD_TOOLS['wasi-sdk']!)!;
    const [, version, source] = hint.match(/version = "([^"]+)"\n\s*source = "([^"]+)"/)!;
    const pinned = tool('wasi-sdk', version!, source);
    expect(parseSource(pinned)).toEqual(parseSource(tool('wasi-sdk', version!)));
    expect(resolveAsset(pinned, parseSource(pinned), 'linux-x64').name).toBe(`wasi-sdk-${version}-x86_64-linux.tar.gz`);
  });

  it('resolves an asset for every platform each release tool lists', () => {
    for (const [name, info] of Object.entries(TOOLS)) {
      for (const rule of info.release?.rules ?? []) {
        for (const p of rule.platforms ?? []) {
          const a = resolveAsset(tool(name, '99.0.0'), parseSource(tool(name, '99.0.0')), p);
          expect(a.name, `${name} ${p}`).not.toMatch(/[{}]/);
          expect(a.bin, `${name} ${p}`).not.toMatch(/[{}]/);
        }
      }
    }
  });
});

describe('mirror', () => {
  const m = parseMirror(['http://127.0.0.1:9/gh', 'ziglang.org=https://zig.example/', 'npm=https://npm.example/r']);
  it('replaces the release host, keeping the path, and sets registries', () => {
    expect(applyMirror('https://github.com/o/t/releases/download/v1/a.tar.gz', m)).toBe('http://127.0.0.1:9/gh/o/t/releases/download/v1/a.tar.gz');
    expect(applyMirror('https://ziglang.org/download/0.13.0/z.tar.xz', m)).toBe('https://zig.example/download/0.13.0/z.tar.xz');
    expect(m.npm).toBe('https://npm.example/r/');
    expect(m.pypi).toBe('https://pypi.org/simple/');
    expect(applyMirror('https://github.com/x', parseMirror())).toBe('https://github.com/x');
  });
  it('rejects an entry that is not a URL', () => {
    expect(() => parseMirror(['npm=not a url'])).toThrow(MirrorSyntaxError);
  });
});

describe('pins and versions', () => {
  it('accepts only real hashes, per platform', () => {
    const h = 'c'.repeat(63) + 'd';
    expect(pinFor(tool('x', '1', undefined, h), 'linux-x64').hash).toBe(h);
    expect(pinFor(tool('x', '1', undefined, { 'macos-arm64': h }), 'linux-x64').why).toBe('no sha256 for linux-x64');
    expect(pinFor(tool('x', '1', undefined, ''), 'linux-x64').why).toBe('sha256 is empty');
    expect(pinFor(tool('x', '1', undefined, 'placeholder-for-actual-hash'), 'linux-x64').why).toMatch(/placeholder/);
    expect(pinFor(tool('x', '1', undefined, '0'.repeat(64)), 'linux-x64').hash).toBeUndefined();
    expect(pinFor(tool('x', '1'), 'linux-x64').why).toBe('no sha256');
  });
  it('reads versions the way upstream does', () => {
    expect(parseToolVersion('cargo-component 0.13.2 (abc)')).toBe('0.13.2');
    expect(parseToolVersion('tinygo version 0.32.0 linux/amd64 (using go version go1.22.2)')).toBe('0.32.0');
    expect(parseToolVersion('wasmtime 25.0.0 (b2f6ff6 2024-09-20)')).toBe('25.0.0');
    expect(parseToolVersion('1.4.0')).toBe('1.4.0');
    expect(parseToolVersion('no version here')).toBeUndefined();
  });
});
