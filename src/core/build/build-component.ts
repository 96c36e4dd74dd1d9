/**
 * Builds one planned component by interpreting its builder-table entry: locate the tools, run the
 * steps whose conditions hold with the reproducible environment, collect the output, make a core
 * module a component (adapter + WIT), validate it, then write `<name>.wasm` and `<name>.meta.toml`
 * atomically (temp file + rename: a failed build never leaves a partial output behind).
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import semver from 'semver';
import type { Logger } from '../log.js';
import { moveIntoPlace } from '../fs/atomic.js';
import { removeDir, removeFile } from '../fs/remove.js';
import { readFileWithSha256, sha256File, sha256Hex } from '../sha256.js';
import { wasmLayer } from '../wasm/header.js';
import type { Arg, BuilderSpec, Condition } from './builders.js';
import { collectOutput } from './collect-output.js';
import { readComponentOutline, readHead } from './sections.js';
import { componentFromModule, warmUp } from './componentize.js';
import { wasmTools } from '../wasm/wat.js';
import { resolveEntry } from './entry.js';
import type { BuildEnvironment } from './environment.js';
import { ToolNotFoundError } from './errors.js';
import type { LocatedTool, ToolLocator } from './locate.js';
import { metaPathFor, metaToml } from './meta.js';
import type { ComponentPlan } from './plan.js';
import { runTool, type ToolOutput } from './run-tool.js';
import { BUILD_TOOLS } from './tools.js';
import { validateComponent, worldLines } from './validate.js';

/** The optional native tool for `component embed`/`new` (see componentize.ts). */
const WASM_TOOLS = 'wasm-tools';

export interface BuildContext {
  project: string;
  outputDir: string;
  release: boolean;
  env: BuildEnvironment;
  locator: ToolLocator;
}

export interface BuiltComponent {
  name: string;
  language: string;
  builder: string;
  file: string;
  metaFile: string;
  sha256: string;
  size: number;
  exports: string[];
  imports: string[];
  /** Versions of the tools used, as recorded in meta.toml. */
  toolchain: string[];
}

export async function buildComponent(plan: ComponentPlan, ctx: BuildContext, log: Logger): Promise<BuiltComponent> {
  const { component, builder } = plan;
  const name = component.name;
  log.info(`builder: ${builder.id} — ${builder.describe} (language from ${plan.detectedBy})`);
  if (plan.wit) log.info(`WIT: world '${plan.wit.world}' of ${plan.wit.path} (${plan.wit.command ? 'a command' : 'typed exports'})`);
  const wrapsModule = builder.produces === 'core-module';
  // A pinned native wasm-tools wraps core modules (located with the other tools); else jco's
  // wasm-tools does, and loads (compiled off the main thread) while tools are located.
  const nativeWasmTools = () => (ctx.locator.pins(WASM_TOOLS) ? ctx.locator.locate(WASM_TOOLS, plan.root) : undefined);
  const early = wrapsModule ? nativeWasmTools() : undefined;
  early?.catch(() => {}); // awaited when the module is wrapped; a compile failure comes first
  const jcoWraps = wrapsModule && !early;
  if (jcoWraps) void wasmTools();

  const tools = new Map<string, LocatedTool>();
  for (const t of await Promise.all(builder.tools.map((id) => ctx.locator.locate(id, plan.root)))) {
    tools.set(t.id, t);
    for (const line of t.describe) log.info(line);
  }
  const conditions = conditionsOf(plan, ctx);
  await checkMinVersion(builder, tools, conditions, plan);

  const out = path.join(ctx.outputDir, `${name}.wasm`);
  const partial = path.join(ctx.outputDir, `${name}.partial.wasm`);
  const work = path.join(ctx.outputDir, '.build', name);
  const vars: Record<string, string> = {
    project: ctx.project,
    source: plan.source,
    root: plan.root,
    out: partial,
    module: path.join(ctx.outputDir, `${name}.module.wasm`), // upstream's intermediate core module (Go, Zig)
    work,
    name,
    rustflags: ctx.env.rustflags,
    command: component.build ?? '',
    prebuilt: plan.prebuilt ?? '',
    ...(plan.wit ? { witDir: plan.wit.path, world: plan.wit.world } : {}),
  };
  for (const t of tools.values()) Object.assign(vars, t.vars);
  const about = { component: name, location: component.location };

  // Synchronous: cheaper than three trips through libuv's thread pool.
  mkdirSync(ctx.outputDir, { recursive: true });
  removeDir(work); // what a build that crashed left
  mkdirSync(work, { recursive: true });
  // The last build's core module goes first: a compiler renaming its output over it makes ext4
  // write the new file out before the rename returns (see moveIntoPlace), and a failed build
  // must not leave it behind looking current.
  removeFile(vars.module!);
  /** Where the outputs this build replaces go, removed with the scratch directory. */
  const asides = { wasm: path.join(work, 'previous.wasm'), meta: path.join(work, 'previous.meta.toml') };
  const leftovers = (builder.leavesBehind ?? []).map((p) => path.join(plan.root, p)).filter((p) => !existsSync(p));
  try {
    let last: ToolOutput | undefined;
    for (const step of builder.steps) {
      if (step.when && !conditions.has(step.when)) continue;
      const tool = tools.get(step.tool)!;
      const expand = (s: string) => template(s, vars, () => (vars.entry = resolveEntry(builder.entry, plan, vars).join('\0')));
      const args = step.args.flatMap((a) => selectArgs(a, conditions)).flatMap((a) => (a === '{entry}' ? expand(a).split('\0') : [expand(a)]));
      const extraEnv = { ...expandAll(builder.env ?? {}, expand), ...tool.env };
      const pathPrefix = [...new Set([...tools.values()].flatMap((t) => t.pathPrefix))];
      const envPath = [...pathPrefix, ctx.env.vars.PATH ?? ''].filter(Boolean).join(path.delimiter);
      const running = runTool(
        {
          tool: step.tool,
          argv: [...tool.command, ...args],
          cwd: step.cwd === 'root' ? plan.root : ctx.project,
          env: { ...ctx.env.vars, ...extraEnv, PATH: envPath },
          extraEnv: pathPrefix.length ? { ...extraEnv, PATH: `${pathPrefix.join(path.delimiter)}${path.delimiter}…` } : extraEnv,
        },
        log,
        { ...about, hint: failureHint(step.tool) },
      );
      // The compiler now runs in its own process; warm jco up meanwhile.
      if (jcoWraps) void warmUp();
      last = await running;
    }

    const rule = Array.isArray(builder.output) ? builder.output.find((o) => conditions.has(o.when))!.output : builder.output;
    let output = await collectOutput(plan, builder, rule, vars, last);
    const head = 'bytes' in output ? output.bytes : readHead(output.file);
    const wrapped = wasmLayer(head) === 'module';
    let native: LocatedTool | undefined;
    if (wrapped) {
      native = await (early ?? nativeWasmTools());
      for (const line of native?.describe ?? [`wasm-tools: jco's in-process copy (not pinned in run.lock.toml)`]) log.info(line);
      const made = await componentFromModule(output, head, plan.wit, name, native && { tool: native, work, env: ctx.env.vars, log, out: partial });
      log.info(made.describe);
      output = made.output;
    }
    // The native wasm-tools validated its component whole: of its file, only the component's own
    // sections are read (for its world), and it is hashed through a small buffer.
    const { bytes, sha256 } =
      'bytes' in output
        ? { bytes: output.bytes, sha256: sha256Hex(output.bytes) }
        : native
          ? { bytes: readComponentOutline(output.file), sha256: sha256File(output.file) }
          : readFileWithSha256(output.file);
    const validated = validateComponent(bytes, out, name, plan.wit, wrapped);
    const exports = worldLines(validated.world.exports);
    const imports = worldLines(validated.world.imports);
    const by = wrapped ? `wasm-tools (${native ? 'native' : 'jco'} component new)` : 'V8';
    log.info(`validated: component with ${validated.coreModules} core module${validated.coreModules === 1 ? '' : 's'} (code checked by ${by})${plan.wit ? `, implements world '${plan.wit.world}'` : ''}; exports: ${exports.join(', ') || '(none)'}`);
    const versions = await Promise.all([...tools.values(), ...(native ? [native] : [])].map(async (t) => [t.label, await t.version] as const));
    const toolchain = versions.filter(([, v]) => v !== undefined).map(([label, v]) => `${label} ${v}`);
    if (toolchain.length) log.info(`toolchain: ${toolchain.join(', ')}`);
    const meta = { name, sha256, size: bytes.length, language: plan.language, exports, imports, builtAt: ctx.env.sourceDateEpoch, builder: builder.id, toolchain };
    // Into place by rename: a file this build wrote (the tool's, the native wasm-tools') as it is;
    // bytes made in process or another's file (cargo's artifact) through the partial file. Upstream
    // copied a prebuilt file onto itself and truncated it (§9.3 item 21): that one stays as it is.
    if ('file' in output && ownedBy(output.file, partial, work)) {
      moveIntoPlace(output.file, out, asides.wasm);
    } else if ('bytes' in output || path.resolve(output.file) !== out) {
      await writeFile(partial, bytes);
      moveIntoPlace(partial, out, asides.wasm);
    }
    // meta.toml the same way: written in the scratch directory, renamed to a free name.
    const metaScratch = path.join(work, 'meta.toml');
    writeFileSync(metaScratch, metaToml(meta));
    moveIntoPlace(metaScratch, metaPathFor(out), asides.meta);
    log.info(`wrote ${path.relative(ctx.project, out)} (${bytes.length} bytes, sha256 ${sha256}) and ${path.basename(metaPathFor(out))}`);
    return { name, language: plan.language, builder: builder.id, file: out, metaFile: metaPathFor(out), sha256, size: bytes.length, exports, imports, toolchain };
  } catch (err) {
    removeFile(partial); // what a failed step wrote (a finished build renamed it into place)
    throw err;
  } finally {
    removeFile(asides.wasm);
    removeFile(asides.meta);
    removeDir(work);
    for (const p of leftovers) await rm(p, { recursive: true, force: true });
  }
}

/** Whether `file` is scratch of this build: the partial output or anything in the work directory. */
function ownedBy(file: string, partial: string, work: string): boolean {
  const f = path.resolve(file);
  return f === partial || f.startsWith(work + path.sep);
}

function conditionsOf(plan: ComponentPlan, ctx: BuildContext): Set<Condition> {
  const c = new Set<Condition>([ctx.release ? 'release' : 'debug', plan.sourceIsFile ? 'file' : 'dir']);
  if (plan.wit) c.add('world');
  c.add(plan.wit && !plan.wit.command ? 'reactor' : 'command');
  c.add(existsSync(path.join(plan.root, 'tsconfig.json')) ? 'tsconfig' : 'no-tsconfig');
  return c;
}

async function checkMinVersion(builder: BuilderSpec, tools: Map<string, LocatedTool>, conditions: Set<Condition>, plan: ComponentPlan): Promise<void> {
  const min = builder.minVersion;
  if (!min) return;
  const need = conditions.has('reactor') && min.reactor ? min.reactor : min.version;
  const have = semver.coerce((await tools.get(min.tool)?.version) ?? '');
  if (have && semver.lt(have, need)) {
    throw new ToolNotFoundError(`component '${plan.component.name}': ${min.tool} ${have.version} is too old, ${need} or newer is needed`, {
      location: plan.component.location,
      hint: `${min.why}; ${BUILD_TOOLS[min.tool]?.install ?? ''}`,
    });
  }
}

function selectArgs(a: Arg, conditions: Set<Condition>): string[] {
  return typeof a === 'string' ? [a] : conditions.has(a.when) ? a.args : [];
}

function template(s: string, vars: Record<string, string>, entry: () => void): string {
  return s.replace(/\{(\w+)\}/g, (whole, key: string) => {
    if (key === 'entry' && vars.entry === undefined) entry();
    const v = vars[key];
    if (v === undefined) throw new Error(`builder template ${whole} has no value`); // a table bug
    return v;
  });
}

function expandAll(env: Record<string, string>, expand: (s: string) => string): Record<string, string> {
  return Object.fromEntries(Object.entries(env).map(([k, v]) => [k, expand(v)]));
}

function failureHint(tool: string): string {
  const spec = BUILD_TOOLS[tool];
  return `the lines above are ${tool}'s own output: fix the source or the build configuration${spec ? ` (to install or update ${tool}: ${spec.install})` : ''}`;
}
