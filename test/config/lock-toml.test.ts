import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { isPlaceholderHash, loadToolchainLock, parseToolchainLock } from '../../src/core/config/lock-toml.js';

const fixtures = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'config');
const fixture = (name: string) => readFileSync(join(fixtures, name), 'utf8');

describe('parseToolchainLock', () => {
  it("reads upstream's committed lockfile, keeping placeholder and empty hashes as written", () => {
    const lock = parseToolchainLock(fixture('upstream.run.lock.toml'), 'run.lock.toml');
    expect(lock.version).toBe('1');
    expect(lock.toolchains.map((t) => [t.tool, t.version, t.sha256])).toEqual([
      ['cargo-component', '0.13.2', 'placeholder-for-actual-hash'],
      ['componentize-py', '0.13.3', 'placeholder-for-actual-hash'],
      ['jco', '1.4.0', 'placeholder-for-actual-hash'],
      ['tinygo', '0.32.0', ''],
      ['wasm-tools', '1.210.0', 'placeholder-for-actual-hash'],
      ['wasmtime', '25.0.0', 'placeholder-for-actual-hash'],
    ]);
    expect(lock.toolchains[5]!.source).toBe('https://github.com/bytecodealliance/wasmtime/releases/tag/v25.0.0');
    expect(lock.toolchains.map((t) => t.location.line)).toEqual([4, 9, 14, 19, 24, 29]);
    expect(lock.toolchains[0]!.location).toEqual({ file: 'run.lock.toml', line: 4, col: 1 });
    expect(lock.build).toEqual({ SOURCE_DATE_EPOCH: 0, TZ: 'UTC', LC_ALL: 'C', RUSTFLAGS: '-C debuginfo=0 -C link-arg=-s', extra: {} });
    expect(lock.warnings).toEqual([]);
  });

  it('reads per-platform hash tables (sub-table and inline forms) and extra build variables', () => {
    const lock = parseToolchainLock(fixture('per-platform.run.lock.toml'), 'run.lock.toml');
    expect(lock.toolchains[0]).toMatchObject({
      tool: 'wasm-tools',
      version: '1.240.0',
      sha256: {
        'linux-x64': '3f2c8f3c8c5b0d2b5a2f1d7f0e6a4b9c1d2e3f405162738495a6b7c8d9e0f1a2',
        'linux-arm64': 'a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90',
        'macos-arm64': '',
      },
    });
    expect(lock.toolchains[1]!.sha256).toEqual({
      'linux-x64': '0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0',
      'windows-x64': 'placeholder-for-actual-hash',
    });
    expect(lock.toolchains[1]!.location.line).toBe(12);
    expect(lock.build).toEqual({ SOURCE_DATE_EPOCH: 1700000000, TZ: 'UTC', LC_ALL: 'C', RUSTFLAGS: '', extra: { CARGO_INCREMENTAL: '0' } });
  });

  it('accepts an integer version 1, a tool without sha256/source, and warns about unknown keys', () => {
    const lock = parseToolchainLock(
      `version = 1
[toolchains.jco]
version = "1.35.0"
url = "https://x"
[build]
SOURCE_DATE_EPOCH = 0
TZ = "UTC"
LC_ALL = "C"
RUSTFLAGS = ""
`,
      'run.lock.toml',
    );
    expect(lock.version).toBe('1');
    expect(lock.toolchains[0]).toMatchObject({ tool: 'jco', version: '1.35.0', sha256: undefined, source: undefined });
    expect(lock.warnings).toEqual([{ message: 'unknown key `url` in [toolchains.jco]; it is ignored', location: { file: 'run.lock.toml', line: 4, col: 1 } }]);
  });
});

describe('isPlaceholderHash', () => {
  it.each([
    ['', true],
    ['placeholder-for-actual-hash', true],
    ['0'.repeat(64), true],
    ['abc123', true],
    [`${'a1'.repeat(31)}zz`, true],
    [`${'a1'.repeat(32)}0`, true],
    ['a1'.repeat(32), false],
    ['93a44bbb96c751218e4c00d479e4c14358122a389acca16205b1e4d0dc5f9476', false],
    ['93A44BBB96C751218E4C00D479E4C14358122A389ACCA16205B1E4D0DC5F9476', false],
  ])('%j → %s', (hash, placeholder) => {
    expect(isPlaceholderHash(hash)).toBe(placeholder);
  });
});

describe('loadToolchainLock', () => {
  it('returns undefined when the project has no run.lock.toml, and reads it when present', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'run-action-lock-'));
    expect(loadToolchainLock(dir)).toBeUndefined();
    writeFileSync(join(dir, 'run.lock.toml'), fixture('upstream.run.lock.toml'));
    const lock = loadToolchainLock(dir);
    expect(lock?.file).toBe(join(dir, 'run.lock.toml'));
    expect(lock?.toolchains).toHaveLength(6);
  });
});
