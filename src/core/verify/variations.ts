/**
 * The non-semantic conditions a second build varies (after reprotest's variations), as data: what
 * each one is on this host, what the variant build gets instead, and how that reaches the tools.
 * The build stage hands tools a scrubbed environment with TZ and LC_ALL pinned; varying the host's
 * values proves that nothing leaks past it. The report lists exactly which variations ran, which
 * could not, and which are not attempted at all (so a short list is never mistaken for a full one).
 */
import path from 'node:path';

export type VariationName = 'build-path' | 'umask' | 'home' | 'timezone' | 'locale' | 'cpu-count' | 'env-order';

/** What one build runs under. */
export interface BuildConditions {
  /** The directory the project is copied to and built in. */
  dir: string;
  /** The caller environment handed to the build (which scrubs it for the tools). */
  env: NodeJS.ProcessEnv;
  /** Components built at once. */
  jobs?: number;
  /** This process's umask during the build: every tool inherits it. */
  umask?: number;
  /** CPUs this process (and so every tool) may run on during the build, as a taskset list. */
  cpuList?: string;
  /** TZ of this process during the build, for the steps that run in process (WAT, jco). */
  processTz?: string;
  /** Where the build's compiler caches go (COMPILER_CACHES), emptied before it starts. */
  compilerCaches: string;
}

/** The host as the reference build saw it. */
export interface HostFacts {
  env: NodeJS.ProcessEnv;
  projectDir: string;
  /** Where the variant build's copy goes (a longer, different path). */
  variantDir: string;
  /** An empty directory to serve as the variant build's HOME. */
  otherHome: string;
  /** A directory for the rebuilds' compiler caches (each rebuild empties it first). */
  compilerCaches: string;
  umask: number | undefined;
  cpus: number;
  /** The CPU affinity list (Linux, taskset), when it can be changed. */
  affinity: string | undefined;
}

export interface VariationReport {
  name: VariationName;
  title: string;
  reference: string;
  variant: string;
  /** How the variant value reaches the toolchain processes. */
  how: string;
}

export interface Variation extends VariationReport {
  apply(c: BuildConditions): void;
}

export interface SkippedVariation {
  name: VariationName;
  title: string;
  reason: string;
}

interface VariationSpec {
  name: VariationName;
  title: string;
  plan(h: HostFacts): Omit<Variation, 'name' | 'title'> | { skip: string };
}

/** Where toolchains keep their homes unless told: pinned when HOME moves, so only HOME itself varies. */
const HOME_RELATIVE: Readonly<Record<string, string>> = {
  CARGO_HOME: '.cargo',
  RUSTUP_HOME: '.rustup',
  GOPATH: 'go',
  XDG_CACHE_HOME: '.cache',
  PYENV_ROOT: '.pyenv',
  npm_config_cache: '.npm',
};

/**
 * Caches of compiled output, by the variable that moves each to its subdirectory here. A rebuild
 * finding the reference build's would link what that build compiled instead of compiling it again
 * (the cache keys are the inputs the tool thinks matter: a condition leaking past them would never
 * show), and Go's default cache lives under XDG_CACHE_HOME, which the HOME variation keeps in
 * place. So every rebuild gets them empty. Download caches (GOPATH/GOMODCACHE, CARGO_HOME, npm)
 * hold sources the tools check by hash, and stay shared.
 */
export const COMPILER_CACHES: Readonly<Record<string, string>> = {
  GOCACHE: 'go-build',
  ZIG_GLOBAL_CACHE_DIR: 'zig',
};

const TIMEZONES = ['Pacific/Kiritimati', 'America/St_Johns']; // UTC+14, UTC-3:30
const LOCALES = ['tr_TR.UTF-8', 'fr_FR.UTF-8']; // Turkish: the dotless-i case-mapping trap
const LOCALE_VARS = ['LANG', 'LC_ALL', 'LANGUAGE'];

const unset = (v: string | undefined) => v ?? '(unset)';
const octal = (n: number) => `0${n.toString(8).padStart(3, '0')}`;

/** In apply order: env-order last, so it reverses the environment the others produced. */
const VARIATIONS: readonly VariationSpec[] = [
  {
    name: 'build-path',
    title: 'build path',
    plan: (h) => ({
      reference: h.projectDir,
      variant: h.variantDir,
      how: 'the project is copied there (outputs, caches and .git left out) and built in the copy',
      apply: (c) => void (c.dir = h.variantDir),
    }),
  },
  {
    name: 'umask',
    title: 'umask',
    plan: (h) => {
      if (h.umask === undefined) return { skip: 'this process cannot change its umask (it runs in a worker thread)' };
      const to = h.umask === 0o077 ? 0o002 : 0o077;
      return { reference: octal(h.umask), variant: octal(to), how: "this process's umask during the build, inherited by every tool", apply: (c) => void (c.umask = to) };
    },
  },
  {
    name: 'home',
    title: 'HOME',
    plan: (h) => {
      const home = h.env.HOME;
      if (!home) return { skip: 'HOME is not set' };
      const pinned = Object.keys(HOME_RELATIVE).filter((k) => h.env[k] === undefined);
      return {
        reference: home,
        variant: h.otherHome,
        how: `HOME of the tools' environment${pinned.length ? `; toolchain homes stay where they are (${pinned.join(', ')} set to their defaults under the old HOME)` : ''}`,
        apply: (c) => {
          c.env = { ...c.env, HOME: h.otherHome };
          for (const k of pinned) c.env[k] = path.join(home, HOME_RELATIVE[k]!);
        },
      };
    },
  },
  {
    name: 'timezone',
    title: 'host time zone',
    plan: (h) => {
      const to = TIMEZONES.find((t) => t !== h.env.TZ)!;
      return {
        reference: unset(h.env.TZ),
        variant: to,
        how: "TZ of the tools' environment (the build pins its own) and of this process",
        apply: (c) => {
          c.env = { ...c.env, TZ: to };
          c.processTz = to;
        },
      };
    },
  },
  {
    name: 'locale',
    title: 'host locale',
    plan: (h) => {
      const current = h.env.LC_ALL ?? h.env.LANG;
      const to = LOCALES.find((l) => l !== current)!;
      return {
        reference: unset(current),
        variant: to,
        how: `${LOCALE_VARS.join(', ')} of the tools' environment (the build pins LC_ALL)`,
        apply: (c) => {
          c.env = { ...c.env, ...Object.fromEntries(LOCALE_VARS.map((v) => [v, to])) };
        },
      };
    },
  },
  {
    name: 'cpu-count',
    title: 'CPU count',
    plan: (h) => {
      if (h.cpus < 2) return { skip: 'this machine has one CPU' };
      const first = h.affinity?.split(/[,-]/)[0];
      return {
        reference: String(h.cpus),
        variant: '1',
        how: first
          ? `components built one at a time, and this process pinned to CPU ${first} (taskset), which every tool inherits (nproc, cargo, rustc, GOMAXPROCS see 1)`
          : 'components built one at a time only: taskset is not available here, so the tools still see every CPU',
        apply: (c) => {
          c.jobs = 1;
          if (first) c.cpuList = first;
        },
      };
    },
  },
  {
    name: 'env-order',
    title: 'environment order',
    plan: () => ({
      reference: 'as given',
      variant: 'reversed',
      how: 'the caller environment handed to the build in reverse key order',
      apply: (c) => void (c.env = Object.fromEntries(Object.entries(c.env).reverse())),
    }),
  },
];

/** Conditions reprotest can vary that this check does not, and why. */
export const NOT_VARIED: ReadonlyArray<{ title: string; why: string }> = [
  { title: 'build date', why: "SOURCE_DATE_EPOCH pins it for every tool; the system clock itself is not faked" },
  { title: 'file order', why: 'directory order would need a disorderfs mount' },
  { title: 'user and group', why: 'would need another account' },
  { title: 'hostname', why: 'would need a UTS namespace' },
  { title: 'kernel and CPU type', why: 'would need another machine: compare digests across a matrix of runners' },
];

export function planVariations(h: HostFacts): { ran: Variation[]; skipped: SkippedVariation[] } {
  const ran: Variation[] = [];
  const skipped: SkippedVariation[] = [];
  for (const v of VARIATIONS) {
    const planned = v.plan(h);
    if ('skip' in planned) skipped.push({ name: v.name, title: v.title, reason: planned.skip });
    else ran.push({ name: v.name, title: v.title, ...planned });
  }
  return { ran, skipped };
}

/** The conditions of a build in `dir` with `variations` applied to the host's. */
export function conditionsWith(h: HostFacts, dir: string, variations: readonly Variation[]): BuildConditions {
  const caches = Object.fromEntries(Object.entries(COMPILER_CACHES).map(([k, sub]) => [k, path.join(h.compilerCaches, sub)]));
  const c: BuildConditions = { dir, env: { ...h.env, ...caches }, compilerCaches: h.compilerCaches };
  for (const v of variations) v.apply(c);
  return c;
}

export function reportOf(v: Variation): VariationReport {
  return { name: v.name, title: v.title, reference: v.reference, variant: v.variant, how: v.how };
}
