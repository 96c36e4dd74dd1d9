/**
 * Everything `build` knows about languages and their toolchains, as data: how a language is
 * detected (upstream §4.2 plus C and WAT), which builders serve it (the first usable one wins:
 * cargo-component before cargo, TinyGo before Go, wasi-sdk before Debian's clang), the commands
 * each runs with their environment, and where the output lands. The interpreter is build-component.ts;
 * adding a language or a toolchain is adding an entry here.
 *
 * Templates: `{var}` is replaced (see BuildVars); an argument that is exactly `{entry}` may expand
 * to several arguments (C sources). A core module is made a component afterwards with jco's
 * preview1 adapter (command when it exports `_start`, reactor otherwise) and the WIT world embedded
 * when one is configured.
 */
import type { Language } from '../config/model.js';

/** Facts known before a tool runs that select steps and arguments. */
export type Condition =
  | 'release' // [build].opt_level = "release" (the default) or --release
  | 'debug'
  | 'world' // a WIT world is configured (`wit`/`world`, or found for languages that need one)
  | 'reactor' // a world that does not export wasi:cli/run: a library with typed exports
  | 'command' // no world, or a world exporting wasi:cli/run
  | 'file' // the source is a file (not a directory)
  | 'dir'
  | 'tsconfig' // the source root has a tsconfig.json
  | 'no-tsconfig';

export type Arg = string | { when: Condition; args: string[] };

export interface Step {
  /** Key of BUILD_TOOLS; its executable (or node + script) runs this step. */
  tool: string;
  args: Arg[];
  /** Working directory: the source root (see `root`) or the project directory. */
  cwd: 'root' | 'project';
  /** Only when this holds. */
  when?: Condition;
}

/** Where the output of the last step is. */
export type Output =
  | { kind: 'file'; path: string } // a template: {out} (a component) or {module} (a core module)
  | { kind: 'cargo' } // the .wasm named by cargo's `compiler-artifact` JSON messages
  | { kind: 'search'; dir: string } // the one .wasm under this directory (zig build's prefix)
  | { kind: 'wat'; path: string } // WAT text, compiled in process (a component or a core module)
  | { kind: 'prebuilt'; path: string }; // an existing .wasm (component or core module)

/** How the `{entry}` variable is found, when a builder uses it. */
export interface EntryRule {
  /** A source file with one of these extensions is the entry itself. */
  fileExtensions: string[];
  /** package.json fields naming the entry, tried in order (JavaScript/TypeScript). */
  packageFields?: string[];
  /** Files tried in order under the source root. */
  candidates?: string[];
  /** Every file with this extension directly under the source root, sorted (C). */
  all?: string;
  /** A TypeScript file without tsconfig compiles to {work}/<stem>.js, the entry. */
  compiledTo?: 'work-js';
  /** Python names a module, not a file: the file name without `.py`. */
  moduleName?: boolean;
}

export interface BuilderSpec {
  /** Shown in logs and meta.toml, e.g. `rust/cargo`. */
  id: string;
  describe: string;
  /** Used when this tool is pinned in run.lock.toml or found; absent = always (the fallback). */
  preferIf?: string;
  /** Tools located before the first step (their variables feed the templates). */
  tools: string[];
  /** Extra environment for every step (templates allowed), on top of the reproducible base. */
  env?: Record<string, string>;
  steps: Step[];
  /** One place, or the first whose condition holds. */
  output: Output | Array<{ when: Condition; output: Output }>;
  /** What the tools write: a component, or a core module run-action wraps (the output's header decides at run time; this lets jco warm up early). */
  produces: 'component' | 'core-module';
  entry?: EntryRule;
  /** The component must be built against a WIT world (Python and JS bind to it). */
  needsWit?: boolean;
  /** What the tool writes into the source root as a side effect; removed after the build unless it was there before. */
  leavesBehind?: string[];
  /** Minimum tool version, and a higher one for typed exports (reactors). */
  minVersion?: { tool: string; version: string; reactor?: string; why: string };
}

export interface LanguageSpec {
  language: Language;
  /** Source file extensions (upstream §4.2, first pass). */
  extensions: string[];
  /** Directory markers (second pass, in table order): any of `any`, or all of `all`. */
  markers?: { any?: string[]; all?: string[] };
  /** The source root is the nearest directory (from the source up to the project) holding one of these. */
  rootMarkers?: string[];
  builders: BuilderSpec[];
}

/** Path remapping shared by the Rust builders (the lock's RUSTFLAGS come first). */
const RUSTFLAGS = '{rustflags} --remap-path-prefix={cargoHome}=/cargo --remap-path-prefix={project}=.';

const JS_ENTRY: EntryRule = {
  fileExtensions: ['.js', '.mjs'],
  packageFields: ['main', 'module'],
  candidates: ['index.js', 'src/index.js', 'dist/index.js'],
};

const componentizeJs: Step = {
  tool: 'componentize-js',
  args: ['{entry}', '--wit', '{witDir}', '--world-name', '{world}', '-o', '{out}'],
  cwd: 'root',
};

/** Detection order matters: TypeScript (package.json + tsconfig.json) before JavaScript (package.json). */
export const LANGUAGES: readonly LanguageSpec[] = [
  {
    language: 'wasm',
    extensions: ['.wasm'],
    builders: [{ id: 'wasm/prebuilt', describe: 'prebuilt .wasm, validated and copied', tools: [], steps: [], output: { kind: 'prebuilt', path: '{prebuilt}' }, produces: 'component' }],
  },
  {
    language: 'wat',
    extensions: ['.wat'],
    builders: [{ id: 'wat/jco', describe: 'WAT text → jco parse (→ embed WIT → component new)', tools: [], steps: [], output: { kind: 'wat', path: '{source}' }, produces: 'component' }],
  },
  {
    language: 'rust',
    extensions: ['.rs'],
    markers: { any: ['Cargo.toml'] },
    rootMarkers: ['Cargo.toml'],
    builders: [
      {
        id: 'rust/cargo-component',
        describe: 'cargo component build (wasm32-wasip1 → component)',
        preferIf: 'cargo-component',
        tools: ['cargo-component', 'cargo'],
        env: { RUSTC: '{rustc}', CARGO: '{cargo}', RUSTFLAGS, CARGO_TERM_COLOR: 'never', CARGO_INCREMENTAL: '0' },
        steps: [{ tool: 'cargo-component', args: ['component', 'build', '--message-format=json-render-diagnostics', { when: 'release', args: ['--release'] }], cwd: 'root' }],
        output: { kind: 'cargo' },
        produces: 'component',
      },
      {
        id: 'rust/cargo',
        describe: 'cargo build --target wasm32-wasip1 (or wasm32-wasi) + preview1 adapter',
        tools: ['cargo'],
        env: { RUSTC: '{rustc}', RUSTFLAGS, CARGO_TERM_COLOR: 'never', CARGO_INCREMENTAL: '0' },
        steps: [
          {
            tool: 'cargo',
            args: ['build', '--target', '{rustTarget}', '--message-format=json-render-diagnostics', { when: 'release', args: ['--release'] }],
            cwd: 'root',
          },
        ],
        output: { kind: 'cargo' },
        produces: 'core-module',
      },
    ],
  },
  {
    language: 'python',
    extensions: ['.py'],
    markers: { any: ['pyproject.toml', 'setup.py', 'app.py', 'main.py', '__init__.py'] },
    builders: [
      {
        id: 'python/componentize-py',
        describe: 'componentize-py against the WIT world',
        tools: ['componentize-py'],
        needsWit: true,
        // componentize-py's build-time CPython writes bytecode next to the app (it ignores PYTHONDONTWRITEBYTECODE).
        leavesBehind: ['__pycache__'],
        entry: { fileExtensions: ['.py'], candidates: ['app.py', 'main.py', '__init__.py'], moduleName: true },
        steps: [{ tool: 'componentize-py', args: ['-d', '{witDir}', '-w', '{world}', 'componentize', '{entry}', '-o', '{out}'], cwd: 'root' }],
        output: { kind: 'file', path: '{out}' },
        produces: 'component',
      },
    ],
  },
  {
    language: 'typescript',
    extensions: ['.ts', '.mts'],
    markers: { all: ['package.json', 'tsconfig.json'] },
    rootMarkers: ['tsconfig.json', 'package.json'],
    builders: [
      {
        id: 'typescript/tsc+componentize-js',
        describe: 'tsc, then componentize-js against the WIT world',
        tools: ['tsc', 'componentize-js'],
        needsWit: true,
        entry: {
          fileExtensions: ['.js', '.mjs'],
          compiledTo: 'work-js',
          packageFields: ['main', 'module'],
          candidates: ['dist/index.js', 'build/index.js', 'lib/index.js', 'index.js'],
        },
        steps: [
          { tool: 'tsc', when: 'tsconfig', args: ['-p', '{root}'], cwd: 'root' },
          {
            tool: 'tsc',
            when: 'no-tsconfig',
            args: ['--outDir', '{work}', '--module', 'es2022', '--target', 'es2022', '--moduleResolution', 'bundler', '--skipLibCheck', '{source}'],
            cwd: 'root',
          },
          componentizeJs,
        ],
        output: { kind: 'file', path: '{out}' },
        produces: 'component',
      },
    ],
  },
  {
    language: 'javascript',
    extensions: ['.js', '.mjs'],
    markers: { any: ['package.json'] },
    rootMarkers: ['package.json'],
    builders: [
      {
        id: 'javascript/componentize-js',
        describe: 'componentize-js against the WIT world',
        tools: ['componentize-js'],
        needsWit: true,
        entry: JS_ENTRY,
        steps: [componentizeJs],
        output: { kind: 'file', path: '{out}' },
        produces: 'component',
      },
    ],
  },
  {
    language: 'go',
    extensions: ['.go'],
    markers: { any: ['go.mod', 'main.go'] },
    builders: [
      {
        id: 'go/tinygo',
        describe: 'tinygo build -target=wasip2 (→ component)',
        preferIf: 'tinygo',
        tools: ['tinygo'],
        env: { GOTOOLCHAIN: 'local' },
        steps: [
          {
            tool: 'tinygo',
            args: ['build', '-target=wasip2', { when: 'world', args: ['--wit-package', '{witDir}', '--wit-world', '{world}'] }, { when: 'release', args: ['-opt=2', '-no-debug'] }, '-o', '{out}', '.'],
            cwd: 'root',
          },
        ],
        output: { kind: 'file', path: '{out}' },
        produces: 'component',
      },
      {
        id: 'go/go-wasip1',
        describe: 'go build GOOS=wasip1 GOARCH=wasm + preview1 adapter',
        tools: ['go'],
        env: { GOOS: 'wasip1', GOARCH: 'wasm', CGO_ENABLED: '0', GOTOOLCHAIN: 'local' },
        minVersion: { tool: 'go', version: '1.21.0', reactor: '1.24.0', why: 'GOOS=wasip1 needs Go 1.21; typed exports (//go:wasmexport) need Go 1.24' },
        steps: [{ tool: 'go', args: ['build', '-trimpath', '-buildvcs=false', { when: 'reactor', args: ['-buildmode=c-shared'] }, '-o', '{module}', '.'], cwd: 'root' }],
        output: { kind: 'file', path: '{module}' },
        produces: 'core-module',
      },
    ],
  },
  {
    language: 'zig',
    extensions: ['.zig'],
    markers: { any: ['build.zig'] },
    builders: [
      {
        id: 'zig/zig',
        describe: 'zig (wasm32-wasi) + preview1 adapter',
        tools: ['zig'],
        env: { ZIG_LOCAL_CACHE_DIR: '{work}/zig-cache' },
        steps: [
          {
            tool: 'zig',
            when: 'file',
            args: [
              'build-exe',
              '{source}',
              '-target',
              'wasm32-wasi',
              { when: 'release', args: ['-O', 'ReleaseSmall', '-fstrip'] },
              { when: 'reactor', args: ['-fno-entry', '-rdynamic'] },
              '-femit-bin={module}',
            ],
            cwd: 'root',
          },
          {
            tool: 'zig',
            when: 'dir',
            args: ['build', '-Dtarget=wasm32-wasi', { when: 'release', args: ['-Doptimize=ReleaseSmall'] }, '--prefix', '{work}/zig-out'],
            cwd: 'root',
          },
        ],
        output: [
          { when: 'file', output: { kind: 'file', path: '{module}' } },
          { when: 'dir', output: { kind: 'search', dir: '{work}/zig-out' } },
        ],
        produces: 'core-module',
      },
    ],
  },
  {
    language: 'c',
    extensions: ['.c'],
    markers: { any: ['main.c'] },
    builders: [
      {
        id: 'c/wasi-sdk',
        describe: 'wasi-sdk clang (wasm32-wasip1) + preview1 adapter',
        preferIf: 'wasi-sdk',
        tools: ['wasi-sdk'],
        entry: { fileExtensions: ['.c'], all: '.c' },
        steps: [
          {
            tool: 'wasi-sdk',
            args: [
              '--target=wasm32-wasip1',
              '--sysroot={wasiSysroot}',
              { when: 'release', args: ['-O2'] },
              { when: 'debug', args: ['-O0', '-g'] },
              '-ffile-prefix-map={project}=.',
              { when: 'reactor', args: ['-mexec-model=reactor'] },
              '{entry}',
              '-o',
              '{module}',
            ],
            cwd: 'root',
          },
        ],
        output: { kind: 'file', path: '{module}' },
        produces: 'core-module',
      },
      {
        id: 'c/clang',
        describe: 'clang --target=wasm32-wasi (wasi-libc) + preview1 adapter',
        tools: ['clang'],
        entry: { fileExtensions: ['.c'], all: '.c' },
        steps: [
          {
            tool: 'clang',
            args: [
              '--target=wasm32-wasi',
              { when: 'release', args: ['-O2'] },
              { when: 'debug', args: ['-O0', '-g'] },
              '-ffile-prefix-map={project}=.',
              { when: 'reactor', args: ['-mexec-model=reactor'] },
              '{entry}',
              '-o',
              '{module}',
            ],
            cwd: 'root',
          },
        ],
        output: { kind: 'file', path: '{module}' },
        produces: 'core-module',
      },
    ],
  },
];

/** A custom `build` command (upstream §4.4): run through the shell, then its `path` is processed as a prebuilt .wasm. */
export const CUSTOM_BUILDER: BuilderSpec = {
  id: 'custom',
  describe: 'custom build command, then the prebuilt .wasm it writes',
  tools: ['shell'],
  steps: [{ tool: 'shell', args: ['{shellFlag}', '{command}'], cwd: 'project' }],
  output: { kind: 'prebuilt', path: '{prebuilt}' },
  produces: 'component',
};

export function languageSpec(language: Language): LanguageSpec {
  const spec = LANGUAGES.find((l) => l.language === language);
  if (!spec) throw new Error(`no builder table entry for ${language}`); // every Language has one
  return spec;
}
