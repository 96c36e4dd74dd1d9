/**
 * The normalised project model. Both run.toml dialects (upstream's code dialect: [project],
 * [components.<name>], [tests.<name>]; and its documented dialect: [package], [[component]],
 * [[test]]) are read into these types, so nothing downstream knows which dialect a project used.
 */
import type { Location, Warning } from '../errors.js';

export type Language =
  | 'rust'
  | 'go'
  | 'python'
  | 'javascript'
  | 'typescript'
  | 'zig'
  | 'c'
  | 'wat'
  | 'wasm';

export type PolicyName = 'strict' | 'virtual' | 'dev';

/** One parsed capability string (upstream §6.6 grammar), kept with its original text. */
export type Capability =
  | { kind: 'fs'; access: 'read' | 'write'; path: string; text: string }
  | { kind: 'env'; variable: string; text: string } // variable '*' = every host variable
  | { kind: 'net'; action: 'listen' | 'connect'; host?: string; port?: number; text: string }
  | { kind: 'clock'; text: string }
  | { kind: 'random'; text: string }
  | { kind: 'stdin' | 'stdout' | 'stderr'; text: string }
  | { kind: 'all'; text: string };

export interface Project {
  name: string; // default "unnamed"
  version: string; // default "0.1.0"
  description?: string;
  authors: string[];
  license?: string;
  repository?: string;
}

export interface Component {
  name: string;
  /** Prebuilt .wasm (highest priority when locating the artifact), relative to the project dir. */
  path?: string;
  source?: string;
  language?: Language;
  /** Custom build command (run through the shell in the project dir). */
  build?: string;
  /** WIT directory or file, and the world to build against. */
  wit?: string;
  world?: string;
  capabilities: Capability[];
  /** Upstream's `dependencies = ["other"]`: names of components this one imports from. */
  dependencies: string[];
  /** Explicit links: import interface name → providing component name. */
  imports: Record<string, string>;
  env: Record<string, string>;
  /** Where the component's table starts in its file, for errors that concern the whole component. */
  location: Location;
}

export interface TestCase {
  name: string;
  component: string;
  function: string;
  /** Argument values as written (upstream typed syntax or WAVE); parsed against the WIT later. */
  args: string[];
  expect?: string;
  expectError?: string;
  expectExit?: number;
  expectStdout?: string;
  location: Location;
  /** Where `args` and the expectation are written, for an error about their text (absent for discovered tests). */
  argsLocation?: Location;
  expectLocation?: Location;
}

export interface Dependency {
  name: string; // "ns:pkg"
  version: string; // semver requirement as written
  optional: boolean;
  features: string[];
  git?: string;
  path?: string;
}

export interface BuildSettings {
  outputDir: string; // default "target/wasm"
  target: string; // default "wasm32-wasip2" (upstream: parsed, unused)
  optLevel: string; // default "release"
  debug: boolean;
  reproducible: boolean;
  sourceDateEpoch?: number;
}

export interface RegistrySettings {
  url: string; // default "https://registry.esubalew.dev"
  mirrors: string[];
  authToken?: string;
}

/** Our own execution settings ([run] in run.toml): defaults for exec and test. */
export interface RunSettings {
  policy: PolicyName; // default strict
  memoryMiB: number; // default 256
  timeoutMs: number; // default 30000 per call
  outputCapBytes: number; // default 1 MiB per stream
}

export interface RunConfig {
  /** Absolute path of run.toml; the project directory is its dirname. */
  file: string;
  dir: string;
  dialect: 'code' | 'documented';
  project: Project;
  components: Component[]; // in file order
  tests: TestCase[]; // in file order
  dependencies: Dependency[];
  devDependencies: Dependency[];
  build: BuildSettings;
  registry: RegistrySettings;
  run: RunSettings;
  warnings: Warning[];
}

/** Release binaries differ per platform, so a hash may be one string or a table per platform. */
export type PlatformKey = 'linux-x64' | 'linux-arm64' | 'macos-x64' | 'macos-arm64' | 'windows-x64' | 'windows-arm64';

export interface LockedToolchain {
  tool: string; // table name, e.g. "wasmtime"
  version: string;
  /** undefined = missing; "" or a placeholder are kept as written so the installer can refuse them. */
  sha256: string | Partial<Record<PlatformKey, string>> | undefined;
  source: string | undefined;
  location: Location;
}

export interface LockBuildEnv {
  SOURCE_DATE_EPOCH: number;
  TZ: string;
  LC_ALL: string;
  RUSTFLAGS: string;
  /** Any further string variables the user pinned, applied to builds as written. */
  extra: Record<string, string>;
}

export interface ToolchainLock {
  file: string;
  version: string;
  toolchains: LockedToolchain[]; // in file order
  build: LockBuildEnv;
  warnings: Warning[];
}
