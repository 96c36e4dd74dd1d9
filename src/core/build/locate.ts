/**
 * Finds the executable of each build tool, in a fixed order that the log explains:
 * 1. pinned in run.lock.toml → the toolchain installer's verified copy (installed on first use);
 * 2. a Node tool (componentize-js, tsc) → the project's node_modules, then run-action's own;
 * 3. PATH, then known distribution paths (Debian's /usr/bin/rustc).
 * Rust is special: PATH order must not decide silently, so every rustc found is asked for its
 * sysroot and the first with a wasm32-wasip1/wasm32-wasi target is used; the log says which and
 * why the others were not. What a binary says about itself (sysroot, version) is cached, see
 * ProbeCache.
 */
import { execFile } from 'node:child_process';
import { accessSync, closeSync, constants, existsSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ToolchainLock } from '../config/model.js';
import type { Logger } from '../log.js';
import { writeFileAtomic } from '../fs/atomic.js';
import { sha256Hex } from '../sha256.js';
import type { Mirror } from '../toolchain/mirror.js';
import { setupToolchains } from '../toolchain/setup.js';
import { parseToolVersion, runVersionCommand } from '../toolchain/version-check.js';
import { ToolNotFoundError } from './errors.js';
import { BUILD_TOOLS, lockEntryHint, type BuildTool } from './tools.js';

/** WASI targets a Rust toolchain may have, newest name first (1.78 renamed wasm32-wasi). */
const RUST_WASI_TARGETS = ['wasm32-wasip1', 'wasm32-wasi'];

export interface LocatedTool {
  id: string;
  /** argv prefix: the executable, or Node and a script. */
  command: string[];
  /** What the version belongs to in logs and meta.toml (`rustc` for the Rust toolchain). */
  label: string;
  /** Probed in the background: a build waits for it only when the builder has a minimum version. */
  version: Promise<string | undefined>;
  /** Log lines: what was chosen, from where; plus why other candidates were not. */
  describe: string[];
  /** Environment the tool needs (PYTHONPATH of a pip-installed tool). */
  env: Record<string, string>;
  /** Directories to put first on PATH (a pinned tool's bin dir, the chosen Rust toolchain). */
  pathPrefix: string[];
  /** Template variables it provides to the builder table ({rustc}, {rustTarget}, …). */
  vars: Record<string, string>;
}

export interface LocateOptions {
  lock: ToolchainLock | undefined;
  /** Where pinned tools are installed; without it pinned tools are looked up on PATH and version-checked. */
  toolCacheDir: string | undefined;
  /** Where pinned tools download from instead of their release hosts and registries (see setup). */
  mirror?: Mirror | undefined;
  /** The caller's environment (PATH, CARGO_HOME…), for lookups. */
  callerEnv: NodeJS.ProcessEnv;
  /** The scrubbed environment tools run in (for version commands). */
  toolEnv: Record<string, string>;
  logger: Logger;
}

const here = path.dirname(fileURLToPath(import.meta.url));

export class ToolLocator {
  readonly #memo = new Map<string, Promise<LocatedTool>>();
  readonly #probes: ProbeCache;

  constructor(private readonly o: LocateOptions) {
    this.#probes = ProbeCache.at(o.toolCacheDir ? path.join(o.toolCacheDir, PROBE_CACHE_FILE) : undefined);
  }

  /** True when the tool is pinned or found without running anything (for choosing builders). */
  available(id: string, root: string): boolean {
    const spec = toolSpec(id);
    if (this.pinned(spec)) return true;
    if (spec.npm && this.npmScript(spec, root)) return true;
    return (spec.bin ?? []).some((b) => which(b, this.o.callerEnv) !== undefined);
  }

  /** True when run.lock.toml pins the tool (a tool used only when pinned: wasm-tools). */
  pins(id: string): boolean {
    return this.pinned(toolSpec(id)) !== undefined;
  }

  /** Memoised per tool (and per project root for Node tools, whose copy may differ per root). */
  locate(id: string, root: string): Promise<LocatedTool> {
    const spec = toolSpec(id);
    // Node tools may differ per project root, and so may rustup's choice (rust-toolchain.toml).
    const key = spec.npm ? `${id}\0${this.npmScript(spec, root)?.script ?? ''}` : spec.special === 'rust' ? `${id}\0${root}` : id;
    let p = this.#memo.get(key);
    if (!p) {
      p = this.find(id, spec, root);
      this.#memo.set(key, p);
    }
    return p;
  }

  private pinned(spec: BuildTool) {
    return spec.lock ? this.o.lock?.toolchains.find((t) => t.tool === spec.lock!.tool) : undefined;
  }

  private async find(id: string, spec: BuildTool, root: string): Promise<LocatedTool> {
    const pin = this.pinned(spec);
    if (pin && this.o.toolCacheDir) return this.fromToolCache(id, spec);
    if (spec.special === 'rust') return this.rust(id, spec, root);
    if (spec.special === 'shell') return shell(id);
    if (spec.special === 'wasi-sdk') throw notFound(id, spec, ['wasi-sdk is only used when pinned in run.lock.toml']);
    const tried: string[] = [];
    if (spec.npm) {
      const found = this.npmScript(spec, root);
      if (found) {
        return {
          id,
          command: [process.execPath, found.script],
          label: id,
          version: Promise.resolve(found.version),
          describe: [`${id}: ${found.script} (${found.from})`],
          env: {},
          pathPrefix: [],
          vars: {},
        };
      }
      tried.push(`${spec.npm.package} in node_modules from ${root} up, and beside run-action`);
    }
    for (const bin of spec.bin ?? []) {
      const file = which(bin, this.o.callerEnv);
      if (file) return this.probed(id, spec, file, pin ? `PATH; run.lock.toml pins ${pin.version}` : 'PATH', pin?.version);
      tried.push(`${bin} on PATH`);
    }
    for (const file of spec.extraPaths ?? []) {
      if (isExecutable(file)) return this.probed(id, spec, file, 'known location', pin?.version);
      tried.push(file);
    }
    throw notFound(id, spec, tried);
  }

  private async fromToolCache(id: string, spec: BuildTool): Promise<LocatedTool> {
    const [installed] = await setupToolchains(
      this.o.lock!,
      { toolCacheDir: this.o.toolCacheDir!, tools: [spec.lock!.tool], env: this.o.callerEnv, ...(this.o.mirror ? { mirror: this.o.mirror } : {}) },
      this.o.logger,
    );
    const t = installed!;
    const command = spec.npm ? [process.execPath, path.join(t.dir, 'node_modules', ...spec.npm.package.split('/'), spec.npm.script)] : [t.binPath];
    const vars: Record<string, string> = {};
    if (spec.special === 'wasi-sdk') {
      // The installed binary is the SDK's bin/clang (the toolchain's tool knowledge); its sysroot sits beside bin/.
      const sysroot = path.resolve(t.binDir, '..', 'share', 'wasi-sysroot');
      if (!existsSync(sysroot)) {
        throw new ToolNotFoundError(`wasi-sdk ${t.version}: ${t.binPath} has no share/wasi-sysroot beside its bin directory`, {
          hint: 'point [toolchains.wasi-sdk] source at a wasi-sdk release archive (or leave source out for the GitHub release), then run `run-action lock`',
        });
      }
      vars.wasiSysroot = sysroot;
    }
    return {
      id,
      command,
      label: id,
      version: Promise.resolve(t.version),
      describe: [`${id}: ${command.at(-1)} (pinned in run.lock.toml at ${t.version}, ${t.origin === 'download' ? 'installed now' : `verified ${t.origin} copy`})`],
      env: t.env,
      pathPrefix: [t.binDir],
      vars,
    };
  }

  private async probed(id: string, spec: BuildTool, file: string, from: string, locked: string | undefined): Promise<LocatedTool> {
    const key = binaryKey(file, ['version', ...spec.versionArgs, spec.versionPattern?.source ?? '', envKey(this.o.toolEnv)]);
    const version = this.#probes.get(key, () => probeVersion(file, spec, this.o.toolEnv)).then((v) => {
      if (locked !== undefined && v !== undefined && v.replace(/^v/, '') !== locked.replace(/^v/, '')) {
        this.o.logger.warn(`${id}: run.lock.toml pins ${locked} but ${file} is ${v}; building with it anyway (run \`run-action setup\` to install the pinned one)`);
      }
      return v;
    });
    return { id, command: [file], label: id, version, describe: [`${id}: ${file} (${from})`], env: {}, pathPrefix: [], vars: {} };
  }

  /** Every rustc on offer, asked for its sysroot (in the crate, so rustup honours rust-toolchain.toml); the first with a WASI target wins. */
  private async rust(id: string, spec: BuildTool, root: string): Promise<LocatedTool> {
    const candidates = [
      this.o.callerEnv.RUSTC ? { file: which(this.o.callerEnv.RUSTC, this.o.callerEnv) ?? this.o.callerEnv.RUSTC, from: 'RUSTC' } : undefined,
      ...(spec.bin ?? []).map((b) => ({ file: which(b, this.o.callerEnv), from: 'PATH' })),
      ...(spec.extraPaths ?? []).map((f) => ({ file: isExecutable(f) ? f : undefined, from: 'Debian package' })),
    ].filter((c): c is { file: string; from: string } => c?.file !== undefined);
    const probes = await Promise.all(
      candidates.map(async (c) => {
        const sysroot = await this.#probes.get(rustupKey(c.file, root, this.o.toolEnv), () => output(c.file, ['--print', 'sysroot'], this.o.toolEnv, root), existsSync);
        const rustc = sysroot ? path.join(sysroot, 'bin', path.basename(c.file)) : undefined;
        const real = rustc && isExecutable(rustc) ? rustc : c.file;
        const target = sysroot ? RUST_WASI_TARGETS.find((t) => existsSync(path.join(sysroot, 'lib', 'rustlib', t))) : undefined;
        return { ...c, sysroot, rustc: real, target };
      }),
    );
    const seen = new Set<string>();
    const unique = probes.filter((p) => (seen.has(p.rustc) ? false : (seen.add(p.rustc), true)));
    const chosen = unique.find((p) => p.target && p.sysroot);
    const others = unique
      .filter((p) => p !== chosen)
      .map((p) =>
        `  not used: ${p.rustc} (${p.from})${p.target ? '' : `: no ${RUST_WASI_TARGETS.join(' or ')} target in ${p.sysroot ?? '(unknown sysroot)'}/lib/rustlib`}`,
      );
    if (!chosen) throw notFound(id, spec, unique.length ? others.map((o) => o.trim()) : ['rustc on PATH', ...(spec.extraPaths ?? [])]);
    const cargo = [path.join(chosen.sysroot!, 'bin', 'cargo'), path.join(chosen.sysroot!, 'bin', 'cargo.exe')].find(isExecutable);
    const cargoFile = cargo ?? which('cargo', this.o.callerEnv);
    if (!cargoFile) throw notFound(id, spec, [`cargo in ${chosen.sysroot}/bin`, 'cargo on PATH']);
    const cargoHome = this.o.callerEnv.CARGO_HOME ?? path.join(this.o.callerEnv.HOME ?? this.o.callerEnv.USERPROFILE ?? '/', '.cargo');
    return {
      id,
      command: [cargoFile],
      label: 'rustc',
      version: this.#probes.get(binaryKey(chosen.rustc, ['version', envKey(this.o.toolEnv)]), () => output(chosen.rustc, ['--version'], this.o.toolEnv).then((v) => parseToolVersion(v ?? ''))),
      describe: [`rustc: ${chosen.rustc} (${chosen.from}; sysroot ${chosen.sysroot}, target ${chosen.target}); cargo: ${cargoFile}`, ...others],
      env: {},
      pathPrefix: [path.dirname(chosen.rustc)],
      vars: { rustc: chosen.rustc, rustTarget: chosen.target!, cargo: cargoFile, cargoHome },
    };
  }

  /** A Node tool's script: the project's copy (from `root` up), else the one beside run-action. */
  private npmScript(spec: BuildTool, root: string): { script: string; version: string | undefined; from: string } | undefined {
    const { package: pkg, script } = spec.npm!;
    for (const [start, from] of [
      [root, 'the project'],
      [here, 'beside run-action'],
    ] as const) {
      for (let dir = start; ; dir = path.dirname(dir)) {
        const pkgDir = path.join(dir, 'node_modules', ...pkg.split('/'));
        const file = path.join(pkgDir, script);
        if (existsSync(file)) return { script: file, version: packageVersion(pkgDir), from: `${from}: ${pkgDir}` };
        if (path.dirname(dir) === dir) break;
      }
    }
    return undefined;
  }
}

function toolSpec(id: string): BuildTool {
  const spec = BUILD_TOOLS[id];
  if (!spec) throw new Error(`builder table names unknown tool ${id}`); // a table bug, not a user error
  return spec;
}

function notFound(id: string, spec: BuildTool, tried: string[]): ToolNotFoundError {
  const lock = lockEntryHint(spec);
  return new ToolNotFoundError(`${id} is needed but not installed (looked for: ${tried.join('; ') || 'nothing to look for'})`, {
    hint: `${spec.install}${lock ? `\n  or pin it in run.lock.toml and run \`run-action lock\`, then \`run-action setup\`:\n    ${lock}` : ''}`,
  });
}

function shell(id: string): LocatedTool {
  const win = process.platform === 'win32';
  const command = [win ? (process.env.ComSpec ?? 'cmd.exe') : '/bin/sh'];
  return { id, command, label: id, version: Promise.resolve(undefined), describe: [`shell: ${command[0]}`], env: {}, pathPrefix: [], vars: { shellFlag: win ? '/C' : '-c' } };
}

async function probeVersion(file: string, spec: BuildTool, env: Record<string, string>): Promise<string | undefined> {
  const probe = await runVersionCommand(file, spec.versionArgs, env);
  if (!spec.versionPattern) return probe.version;
  return spec.versionPattern.exec(probe.output)?.[1];
}

/** First line of stdout, or undefined when the command fails. */
function output(file: string, args: string[], env: Record<string, string>, cwd?: string): Promise<string | undefined> {
  return new Promise((resolve) => {
    execFile(file, args, { env, timeout: 30_000, windowsHide: true, ...(cwd ? { cwd } : {}) }, (err, stdout) => resolve(err ? undefined : stdout.trim().split('\n')[0]));
  });
}

export function which(name: string, env: NodeJS.ProcessEnv): string | undefined {
  if (name.includes('/') || name.includes('\\')) return isExecutable(name) ? path.resolve(name) : undefined;
  const exts = process.platform === 'win32' ? (env.PATHEXT ?? '.EXE;.CMD;.BAT').split(';') : [''];
  for (const dir of (env.PATH ?? env.Path ?? '').split(path.delimiter)) {
    if (!dir) continue;
    for (const ext of exts) {
      const file = path.join(dir, name + ext);
      if (isExecutable(file)) return file;
    }
  }
  return undefined;
}

function isExecutable(file: string): boolean {
  try {
    // No exception for a missing file: a PATH walk meets many, and each thrown error costs ~15 µs.
    if (!statSync(file, { throwIfNoEntry: false })?.isFile()) return false;
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function packageVersion(pkgDir: string): string | undefined {
  try {
    return (JSON.parse(readFileSync(path.join(pkgDir, 'package.json'), 'utf8')) as { version?: string }).version;
  } catch {
    return undefined;
  }
}

/** Beside the installed toolchains (so `run-action setup`'s cache carries it between CI runs). */
const PROBE_CACHE_FILE = 'build-probes.json';

/**
 * Answers of tool binaries about themselves (rustc's sysroot: ~20 ms per rustup proxy; a version
 * the build waits for), keyed by the binary (path, size, mtime, inode) and whatever else can change
 * the answer. Kept in memory for the process and, given a file, on disk for the next run. A key is
 * undefined (never cached) for scripts: shims (pyenv…) answer per directory and environment.
 */
class ProbeCache {
  static readonly #byFile = new Map<string, ProbeCache>();
  readonly #answers = new Map<string, Promise<string | undefined>>();
  #disk: Promise<Record<string, string>> | undefined;

  private constructor(private readonly file: string | undefined) {}

  static at(file: string | undefined): ProbeCache {
    const id = file ?? '';
    let c = ProbeCache.#byFile.get(id);
    if (!c) ProbeCache.#byFile.set(id, (c = new ProbeCache(file)));
    return c;
  }

  /** The cached answer (if `stillTrue` holds for it), else `probe()`'s, remembered when defined. */
  get<T extends string | undefined>(key: string | undefined, probe: () => Promise<T>, stillTrue: (answer: string) => boolean = () => true): Promise<T | string> {
    if (key === undefined) return probe();
    let p = this.#answers.get(key);
    if (!p) {
      p = this.#load().then(async (disk) => {
        const known = disk[key];
        if (known !== undefined && stillTrue(known)) return known;
        const answer = await probe();
        if (answer !== undefined) void this.#save(key, answer);
        return answer;
      });
      this.#answers.set(key, p);
      // A failed probe is asked again next time (the tool may be fixed meanwhile).
      void p.then((a) => a === undefined && this.#answers.delete(key));
    }
    return p as Promise<T | string>;
  }

  #load(): Promise<Record<string, string>> {
    // Missing or unreadable: start empty.
    this.#disk ??= this.file ? readFile(this.file, 'utf8').then((t) => JSON.parse(t) as Record<string, string>).catch(() => ({})) : Promise.resolve({});
    return this.#disk;
  }

  async #save(key: string, answer: string): Promise<void> {
    const disk = await this.#load();
    disk[key] = answer;
    if (this.file) await writeFileAtomic(this.file, JSON.stringify(disk)).catch(() => {}); // a cache: losing it costs one probe
  }
}

/** The binary's identity plus `more`; undefined for a script or a file that cannot be read. */
function binaryKey(file: string, more: string[]): string | undefined {
  try {
    const s = statSync(file);
    const head = Buffer.alloc(2);
    const fd = openSync(file, 'r');
    try {
      readSync(fd, head, 0, 2, 0);
    } finally {
      closeSync(fd);
    }
    if (head.toString('latin1') === '#!') return undefined;
    return sha256Hex(JSON.stringify([path.resolve(file), s.size, s.mtimeMs, s.ino, ...more]));
  } catch {
    return undefined;
  }
}

/** The environment a probe ran with, as part of its key. */
function envKey(env: Record<string, string>): string {
  return sha256Hex(JSON.stringify(Object.entries(env).sort(([a], [b]) => (a < b ? -1 : 1))));
}

/**
 * rustc's sysroot from the crate: rustup's proxy picks the toolchain from RUSTUP_TOOLCHAIN,
 * rust-toolchain(.toml) files from the crate up, and settings.toml (default, directory overrides).
 */
function rustupKey(rustc: string, root: string, env: Record<string, string>): string | undefined {
  const stamp = (f: string) => {
    try {
      const s = statSync(f);
      return `${f}:${s.size}:${s.mtimeMs}`;
    } catch {
      return '';
    }
  };
  const files: string[] = [];
  for (let dir = path.resolve(root); ; dir = path.dirname(dir)) {
    for (const name of ['rust-toolchain', 'rust-toolchain.toml']) files.push(stamp(path.join(dir, name)));
    if (path.dirname(dir) === dir) break;
  }
  const rustupHome = env.RUSTUP_HOME ?? path.join(env.HOME ?? env.USERPROFILE ?? '/', '.rustup');
  return binaryKey(rustc, ['sysroot', path.resolve(root), envKey(env), stamp(path.join(rustupHome, 'settings.toml')), ...files.filter(Boolean)]);
}
