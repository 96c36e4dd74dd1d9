/**
 * `build` for a whole project: the reproducible environment (logged once), the components to
 * build (all buildable ones, or those named), their plans (all checked before any tool runs), then
 * the builds — in dependency order (`dependencies` and `imports` name other components), independent
 * ones in parallel. Each component's log is kept together and printed as one group when it ends,
 * so parallel builds do not interleave. The first failure stops new builds from starting.
 */
import os from 'node:os';
import path from 'node:path';
import type { Component, RunConfig, ToolchainLock } from '../config/model.js';
import { loadToolchainLock } from '../config/lock-toml.js';
import { knownComponentsNote } from '../config/components.js';
import type { Location } from '../errors.js';
import type { Logger } from '../log.js';
import type { Mirror } from '../toolchain/mirror.js';
import { buildComponent, type BuiltComponent } from './build-component.js';
import { buildEnvironment } from './environment.js';
import { BuildPlanError } from './errors.js';
import { ToolLocator } from './locate.js';
import { isBuildable, planComponent, type ComponentPlan } from './plan.js';

export interface BuildOptions {
  /** Only these components (default: every component with `build`, `source` or `path`). */
  components?: string[];
  /** Force release builds (upstream's --release); default from [build].opt_level. */
  release?: boolean;
  /** Builds at once (default: the number of CPUs). */
  jobs?: number;
  /** Where pinned toolchains are installed (see the toolchain stage); without it they come from PATH. */
  toolCacheDir?: string;
  /** Where pinned toolchains not installed yet download from instead of their release hosts (see setup). */
  mirror?: Mirror;
  /** The caller's environment; builds see only its scrubbed form. */
  env: NodeJS.ProcessEnv;
  /** run.lock.toml, when the caller has read it already (default: read from the project). */
  lock?: ToolchainLock;
}

export interface BuildResult {
  built: BuiltComponent[];
  /** Components without `build`, `source` or `path` (nothing to build). */
  skipped: string[];
}

export async function buildProject(config: RunConfig, options: BuildOptions, logger: Logger): Promise<BuildResult> {
  const lock = options.lock ?? loadToolchainLock(config.dir);
  const env = buildEnvironment(options.env, config.build, lock);
  await logger.group('Build environment (every toolchain call)', async () => {
    for (const line of env.describe) logger.info(line);
  });
  for (const w of env.warnings) logger.warn(w);

  const selected = select(config, options.components);
  const skipped = selected.filter((c) => !isBuildable(c)).map((c) => c.name);
  for (const name of skipped) logger.info(`${name}: nothing to build (no build, source or path)`);
  const todo = selected.filter(isBuildable);
  const deps = dependencyGraph(todo);

  const locator = new ToolLocator({ lock, toolCacheDir: options.toolCacheDir, mirror: options.mirror, callerEnv: options.env, toolEnv: env.vars, logger });
  const plans = await Promise.all(todo.map((c) => planComponent(config, c, locator)));
  const ctx = {
    project: config.dir,
    outputDir: path.resolve(config.dir, config.build.outputDir),
    release: options.release ?? config.build.optLevel === 'release',
    env,
    locator,
  };

  const results = new Map<string, BuiltComponent>();
  await schedule(plans, deps, options.jobs ?? os.availableParallelism(), async (plan) => {
    const log = new BufferedLogger();
    try {
      const built = await buildComponent(plan, ctx, log);
      results.set(plan.component.name, built);
    } finally {
      await logger.group(`build ${plan.component.name} (${plan.language})`, async () => log.replay(logger));
    }
  });
  return { built: todo.map((c) => results.get(c.name)!), skipped };
}

function select(config: RunConfig, names: string[] | undefined): Component[] {
  if (!names || names.length === 0) return config.components;
  return names.map((n) => {
    const c = config.components.find((x) => x.name === n);
    if (!c) {
      throw new BuildPlanError(`Component not found: ${n}`, {
        location: { file: config.file },
        hint: knownComponentsNote(n, config.components.map((x) => x.name)),
      });
    }
    return c;
  });
}

/** Edges from each component to the components it names in `dependencies` or `imports`, among those built. */
function dependencyGraph(components: Component[]): Map<string, string[]> {
  const names = new Set(components.map((c) => c.name));
  const graph = new Map(components.map((c) => [c.name, [...new Set([...c.dependencies, ...Object.values(c.imports)])].filter((d) => names.has(d) && d !== c.name)]));
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (name: string, trail: string[]): void => {
    if (state.get(name) === 'done') return;
    if (state.get(name) === 'visiting') {
      const cycle = [...trail.slice(trail.indexOf(name)), name];
      const at = components.find((c) => c.name === name)!;
      throw new BuildPlanError(`components depend on each other in a cycle: ${cycle.join(' → ')}`, {
        location: at.location,
        hint: 'a component cannot be built before itself: remove one of these `dependencies`/`imports` links',
      });
    }
    state.set(name, 'visiting');
    for (const d of graph.get(name)!) visit(d, [...trail, name]);
    state.set(name, 'done');
  };
  for (const c of components) visit(c.name, []);
  return graph;
}

/** Runs each plan once its dependencies are built, at most `jobs` at a time; stops starting after a failure. */
async function schedule(plans: ComponentPlan[], deps: Map<string, string[]>, jobs: number, build: (p: ComponentPlan) => Promise<void>): Promise<void> {
  const done = new Set<string>();
  const started = new Set<string>();
  let failure: unknown;
  let running = 0;
  await new Promise<void>((resolve) => {
    const pump = () => {
      if (failure === undefined) {
        for (const plan of plans) {
          if (running >= Math.max(1, jobs)) break;
          const name = plan.component.name;
          if (started.has(name) || !deps.get(name)!.every((d) => done.has(d))) continue;
          started.add(name);
          running++;
          build(plan).then(
            () => {
              done.add(name);
              running--;
              pump();
            },
            (err: unknown) => {
              failure ??= err;
              running--;
              pump();
            },
          );
        }
      }
      if (running === 0) resolve();
    };
    pump();
  });
  if (failure !== undefined) throw failure;
}

type Entry = ['info' | 'debug' | 'mask', string] | ['warn' | 'error', string, Location | undefined];

/** Keeps one component's log until its build ends. */
class BufferedLogger implements Logger {
  readonly #entries: Entry[] = [];
  info(m: string) {
    this.#entries.push(['info', m]);
  }
  debug(m: string) {
    this.#entries.push(['debug', m]);
  }
  warn(m: string, l?: Location) {
    this.#entries.push(['warn', m, l]);
  }
  error(m: string, l?: Location) {
    this.#entries.push(['error', m, l]);
  }
  mask(s: string) {
    this.#entries.push(['mask', s]);
  }
  group<T>(title: string, fn: () => Promise<T>): Promise<T> {
    this.info(`— ${title}`);
    return fn();
  }
  replay(to: Logger): void {
    for (const e of this.#entries) {
      if (e[0] === 'warn' || e[0] === 'error') to[e[0]](e[1], e[2]);
      else to[e[0]](e[1]);
    }
  }
}
