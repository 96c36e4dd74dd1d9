/**
 * Choosing what to build, before any tool runs: language detection (upstream §4.2 order, plus C and
 * WAT), the source root, the builder (pinned tools first), and the environment's precedence rules.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ADAPTER_URLS } from '../../src/core/build/index.js';
import { buildEnvironment } from '../../src/core/build/environment.js';
import { ToolLocator } from '../../src/core/build/locate.js';
import { planComponent } from '../../src/core/build/plan.js';
import { loadToolchainLock } from '../../src/core/config/lock-toml.js';
import { loadRunConfig } from '../../src/core/config/run-toml.js';
import { sha256Hex } from '../../src/core/sha256.js';
import { readFileSync } from 'node:fs';
import { project, captureLogger, repoRoot } from './helpers.js';

async function plan(files: Record<string, string>, env: NodeJS.ProcessEnv = process.env) {
  const dir = project(files);
  const config = await loadRunConfig(dir);
  const lock = loadToolchainLock(dir);
  const locator = new ToolLocator({ lock, toolCacheDir: undefined, callerEnv: env, toolEnv: {}, logger: captureLogger() });
  const plans = await Promise.all(config.components.map((c) => planComponent(config, c, locator)));
  return { dir, plans };
}

describe('language detection', () => {
  it('follows upstream\'s order: extension first, then markers (TypeScript before JavaScript)', async () => {
    const { plans } = await plan({
      'run.toml': ['rs', 'ts', 'js', 'go', 'py', 'zig', 'c', 'watfile', 'wasmfile'].map((n) => `[components.${n}]\nsource = "${n}"\n`).join('\n').replace('"watfile"', '"x.wat"').replace('"wasmfile"', '"x.wasm"'),
      'rs/Cargo.toml': '[package]\nname = "rs"\n',
      'ts/package.json': '{}',
      'ts/tsconfig.json': '{}',
      'js/package.json': '{}',
      'go/go.mod': 'module x\n',
      'py/pyproject.toml': '',
      'zig/build.zig': '',
      'c/main.c': '',
      'x.wat': '(component)',
      'x.wasm': '',
      'wit/w.wit': 'package a:b;\nworld w {}\n',
    });
    expect(plans.map((p) => [p.component.name, p.language, p.detectedBy])).toEqual([
      ['rs', 'rust', 'Cargo.toml in the source folder'],
      ['ts', 'typescript', 'package.json + tsconfig.json in the source folder'],
      ['js', 'javascript', 'package.json in the source folder'],
      ['go', 'go', 'go.mod in the source folder'],
      ['py', 'python', 'pyproject.toml in the source folder'],
      ['zig', 'zig', 'build.zig in the source folder'],
      ['c', 'c', 'main.c in the source folder'],
      ['watfile', 'wat', 'the .wat extension'],
      ['wasmfile', 'wasm', 'the .wasm extension'],
    ]);
  });

  it('builds a Rust source file from its crate root, and refuses one outside a crate', async () => {
    const { dir, plans } = await plan({ 'run.toml': '[components.lib]\nsource = "crate/src/lib.rs"\n', 'crate/Cargo.toml': '[package]\nname = "x"\n', 'crate/src/lib.rs': '' });
    expect(plans[0]!.root).toBe(join(dir, 'crate'));
    await expect(plan({ 'run.toml': '[components.lib]\nsource = "src/lib.rs"\n', 'src/lib.rs': '' })).rejects.toThrow(/Rust sources build as a cargo crate, but no Cargo\.toml is at or above src/);
  });

  it('a component named only by its name uses the folder of that name (upstream), and `language` overrides detection', async () => {
    const { dir, plans } = await plan({ 'run.toml': '[components.calc]\nlanguage = "c"\n', 'calc/x.c': '' });
    expect([plans[0]!.source, plans[0]!.language, plans[0]!.detectedBy]).toEqual([join(dir, 'calc'), 'c', '`language` in run.toml']);
  });
});

describe('builder choice', () => {
  it('prefers cargo-component, TinyGo and wasi-sdk when run.lock.toml pins them, else the fallbacks', async () => {
    const files = {
      'run.toml': '[components.r]\nsource = "r"\n\n[components.g]\nsource = "g"\n\n[components.c]\nsource = "c.c"\n',
      'r/Cargo.toml': '',
      'g/main.go': '',
      'c.c': '',
    };
    const bare = await plan(files, { PATH: '' });
    expect(bare.plans.map((p) => p.builder.id)).toEqual(['rust/cargo', 'go/go-wasip1', 'c/clang']);
    const pin = (tool: string) => `[toolchains.${tool}]\nversion = "1.0.0"\nsource = "https://example.invalid/"\n`;
    const pinned = await plan({ ...files, 'run.lock.toml': `version = "1"\n${pin('cargo-component')}${pin('tinygo')}${pin('wasi-sdk')}[build]\nSOURCE_DATE_EPOCH = 0\nTZ = "UTC"\nLC_ALL = "C"\nRUSTFLAGS = ""\n` }, { PATH: '' });
    expect(pinned.plans.map((p) => p.builder.id)).toEqual(['rust/cargo-component', 'go/tinygo', 'c/wasi-sdk']);
  });

  it('embeds a world in core-module languages only when `wit` or `world` is set', async () => {
    const { plans } = await plan({
      'run.toml': '[components.cmd]\nsource = "cmd.c"\n\n[components.lib]\nsource = "lib.c"\nworld = "calc"\n',
      'cmd.c': '',
      'lib.c': '',
      'wit/calc.wit': 'package a:calc;\ninterface math { add: func(a: s32, b: s32) -> s32; }\nworld calc { export math; }\nworld cli { export wasi:cli/run@0.2.0; }\n',
      'wit/deps/cli/run.wit': 'package wasi:cli@0.2.0;\ninterface run { run: func() -> result; }\n',
    });
    expect(plans[0]!.wit).toBeUndefined();
    expect(plans[1]!.wit).toMatchObject({ world: 'calc', command: false });
  });
});

describe('build environment', () => {
  const settings = { outputDir: 'target/wasm', target: 'wasm32-wasip2', optLevel: 'release', debug: false, reproducible: false };

  it('takes SOURCE_DATE_EPOCH from the lock, else run.toml, else the caller, else 0', async () => {
    expect(buildEnvironment({ SOURCE_DATE_EPOCH: '7' }, { ...settings, sourceDateEpoch: 42 }, undefined).sourceDateEpoch).toBe(42);
    expect(buildEnvironment({ SOURCE_DATE_EPOCH: '7' }, settings, undefined).sourceDateEpoch).toBe(7);
    const none = buildEnvironment({}, settings, undefined);
    expect([none.sourceDateEpoch, none.vars.TZ, none.vars.LC_ALL, none.rustflags]).toEqual([0, 'UTC', 'C', '-C debuginfo=0 -C link-arg=-s']);
  });

  it('passes only the allowlist: toolchain homes and PATH, never tokens', () => {
    const env = buildEnvironment({ PATH: '/bin', HOME: '/h', CARGO_HOME: '/c', AWS_SECRET_ACCESS_KEY: 'k', ACTIONS_RUNTIME_TOKEN: 't', GOFLAGS: '-mod=mod', RUSTFLAGS: '-C x' }, settings, undefined);
    expect(Object.keys(env.vars).sort()).toEqual(['CARGO_HOME', 'HOME', 'LC_ALL', 'PATH', 'PYTHONDONTWRITEBYTECODE', 'PYTHONHASHSEED', 'PYTHONNOUSERSITE', 'SOURCE_DATE_EPOCH', 'TZ']);
    expect(env.describe.at(-1)).toBe('removed from the environment: 4 variables (ACTIONS_RUNTIME_TOKEN, AWS_SECRET_ACCESS_KEY, GOFLAGS, RUSTFLAGS)');
  });
});

describe('preview1 adapters', () => {
  // From jco 1.35.0 lib/ (wasi-preview1-component-adapter, rustc 1.98.0).
  const SHA256 = {
    command: '2a652d711c1fff34f9d5a0e073e50ef7eeb8fe7d8a6d559eae643a4c049a7b94',
    reactor: 'b857310c4753c8fafaa0f890e9ccf978dc3d9dbe8804b1125291a627485041d0',
  };

  it('are the pinned jco release\'s, in source and next to the bundle in dist/', () => {
    for (const kind of ['command', 'reactor'] as const) {
      expect(sha256Hex(readFileSync(ADAPTER_URLS[kind]))).toBe(SHA256[kind]);
      expect(sha256Hex(readFileSync(join(repoRoot, 'dist', `wasi_snapshot_preview1.${kind}.wasm`)))).toBe(SHA256[kind]);
    }
  });
});
