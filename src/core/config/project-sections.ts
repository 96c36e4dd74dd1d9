/**
 * The flat sections of run.toml: [project] (or [package]), [dependencies] and its dev variants,
 * [build], [registry] and our [run]. Defaults are upstream's (§1.2) and ours for [run].
 */
import type { BuildSettings, Dependency, PolicyName, Project, RegistrySettings, RunSettings } from './model.js';
import { closest } from '../text/suggest.js';
import { pathText } from './toml-positions.js';
import { isTable, type Section } from './toml-reader.js';
import { parseByteSize, parseDuration } from './units.js';

export const PROJECT_KEYS = ['name', 'version', 'description', 'authors', 'license', 'repository'] as const;
const DEPENDENCY_KEYS = ['version', 'optional', 'git', 'path', 'features'] as const;
const BUILD_KEYS = ['output_dir', 'target', 'opt_level', 'debug', 'reproducible', 'source_date_epoch'] as const;
const REGISTRY_KEYS = ['url', 'mirrors', 'auth_token'] as const;
const RUN_KEYS = ['policy', 'memory', 'timeout', 'output_cap'] as const;
const POLICIES: readonly PolicyName[] = ['strict', 'virtual', 'dev'];

// semver.org's grammar: MAJOR.MINOR.PATCH[-pre][+build], no leading zeros.
const SEMVER =
  /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$/;

export const DEFAULT_REGISTRY_URL = 'https://registry.esubalew.dev';

export function isSemver(text: string): boolean {
  return SEMVER.test(text);
}

/** A semver close to what was written (`1.0` → `1.0.0`, `v1.2.3` → `1.2.3`), for hints. */
function semverSuggestion(text: string): string {
  const t = text.trim().replace(/^v/i, '');
  if (isSemver(t)) return t;
  if (/^\d+$/.test(t)) return `${t}.0.0`;
  if (/^\d+\.\d+$/.test(t)) return `${t}.0`;
  return '1.0.0';
}

export function readProject(s: Section | undefined): Project {
  const project: Project = { name: 'unnamed', version: '0.1.0', authors: [] };
  if (!s) return project;
  s.warnUnknownKeys(PROJECT_KEYS);
  project.name = s.string('name', '"my-app"') ?? project.name;
  const version = s.string('version', '"1.0.0"');
  if (version !== undefined) {
    if (!isSemver(version)) {
      throw s.reader.valueError(s.at('version'), `project version ${JSON.stringify(version)} is not a semantic version`, `write version = "${semverSuggestion(version)}" (MAJOR.MINOR.PATCH)`);
    }
    project.version = version;
  }
  project.authors = s.stringArray('authors', '["Jane Doe <jane@example.org>"]') ?? [];
  for (const key of ['description', 'license', 'repository'] as const) {
    const v = s.string(key);
    if (v !== undefined) project[key] = v;
  }
  return project;
}

/** `[dependencies]`: `"ns:name" = "req"` or a table `{ version, optional, git, path, features }`. */
export function readDependencies(s: Section | undefined, into: Dependency[]): void {
  if (!s) return;
  for (const [name, value] of Object.entries(s.table)) {
    const parts = name.split(':');
    if (parts.length !== 2 || !parts[0] || !parts[1]) {
      throw s.reader.valueError(s.at(name), `dependency name ${JSON.stringify(name)} is not "<namespace>:<name>"`, `name registry packages with their namespace, e.g. "wasi:logging" = "0.1.0"`, 'key');
    }
    if (into.some((d) => d.name === name)) {
      throw s.reader.valueError(s.at(name), `dependency ${JSON.stringify(name)} is listed twice`, 'keep one entry per package (dev-dependencies and dev_dependencies are the same section)', 'key');
    }
    if (typeof value === 'string') {
      into.push({ name, version: value, optional: false, features: [] });
      continue;
    }
    if (!isTable(value)) {
      throw s.reader.typeError(s.at(name), 'a version string or a table', value, `write "${name}" = "1.0.0" or "${name}" = { version = "1.0.0" }`);
    }
    const d = s.section(name)!;
    d.warnUnknownKeys(DEPENDENCY_KEYS);
    const dep: Dependency = {
      name,
      version: d.string('version', '"1.0.0"') ?? '',
      optional: d.bool('optional') ?? false,
      features: d.stringArray('features', '["fast"]') ?? [],
    };
    const git = d.string('git');
    const path = d.string('path');
    if (git !== undefined) dep.git = git;
    if (path !== undefined) dep.path = path;
    into.push(dep);
  }
}

export function readBuild(s: Section | undefined): BuildSettings {
  s?.warnUnknownKeys(BUILD_KEYS);
  const build: BuildSettings = {
    outputDir: s?.string('output_dir', '"target/wasm"') ?? 'target/wasm',
    target: s?.string('target', '"wasm32-wasip2"') ?? 'wasm32-wasip2',
    optLevel: s?.string('opt_level', '"release"') ?? 'release',
    debug: s?.bool('debug') ?? false,
    reproducible: s?.bool('reproducible') ?? false,
  };
  const epoch = s?.integer('source_date_epoch', 0, Number.MAX_SAFE_INTEGER, '1700000000');
  if (epoch !== undefined) build.sourceDateEpoch = epoch;
  return build;
}

function checkUrl(s: Section, path: readonly (string | number)[], url: string): void {
  let ok = false;
  try {
    ok = ['http:', 'https:'].includes(new URL(url).protocol);
  } catch {
    ok = false;
  }
  if (!ok) throw s.reader.valueError(path, `${JSON.stringify(url)} is not an http(s) URL`, `write a full URL, e.g. url = "${DEFAULT_REGISTRY_URL}"`);
}

export function readRegistry(s: Section | undefined): RegistrySettings {
  const registry: RegistrySettings = { url: DEFAULT_REGISTRY_URL, mirrors: [] };
  if (!s) return registry;
  s.warnUnknownKeys(REGISTRY_KEYS);
  const url = s.string('url', `"${DEFAULT_REGISTRY_URL}"`);
  if (url !== undefined) {
    checkUrl(s, s.at('url'), url);
    registry.url = url;
  }
  registry.mirrors = s.stringArray('mirrors', '["https://mirror.example.org"]') ?? [];
  registry.mirrors.forEach((m, n) => checkUrl(s, s.at('mirrors').concat(n), m));
  // Taken literally, as upstream does (no ${VAR} expansion).
  const token = s.string('auth_token');
  if (token !== undefined) registry.authToken = token;
  return registry;
}

interface Quantity {
  key: string;
  range: [number, number]; // in `unitName`
  parse: (text: string) => number | undefined; // text → base units (bytes or ms)
  unit: number; // base units per `unitName`
  unitName: string;
  form: string; // what the string form must be, for messages
  example: string; // the string form
}

const MEMORY: Quantity = { key: 'memory', range: [1, 65_536], parse: parseByteSize, unit: 1024 * 1024, unitName: 'MiB', form: 'a size in B, KiB, MiB or GiB', example: '"256MiB"' };
const TIMEOUT: Quantity = { key: 'timeout', range: [1, 86_400_000], parse: parseDuration, unit: 1, unitName: 'ms', form: 'a duration in ms, s, m or h', example: '"30s"' };
const OUTPUT_CAP: Quantity = { key: 'output_cap', range: [1, 1024 ** 3], parse: parseByteSize, unit: 1, unitName: 'bytes', form: 'a size in B, KiB, MiB or GiB', example: '"1MiB"' };

/** An integer in the unit, or a string with its own unit ("256MiB", "30s"), within the range. */
function quantity(s: Section, q: Quantity): number | undefined {
  const hint = `write ${q.key} = <whole number of ${q.unitName}, from ${q.range[0]} to ${q.range[1]}> or a string such as ${q.key} = ${q.example}`;
  const v = s.table[q.key];
  if (typeof v !== 'string') {
    if (v !== undefined && typeof v !== 'bigint') throw s.reader.typeError(s.at(q.key), `an integer (${q.unitName}) or a string with a unit`, v, hint);
    return s.integer(q.key, q.range[0], q.range[1], q.example);
  }
  const amount = q.parse(v);
  const inUnit = amount === undefined ? undefined : amount / q.unit;
  if (inUnit === undefined || !Number.isInteger(inUnit) || inUnit < q.range[0] || inUnit > q.range[1]) {
    const why = amount === undefined ? `is not ${q.form}` : `is not a whole number of ${q.unitName} from ${q.range[0]} to ${q.range[1]}`;
    throw s.reader.valueError(s.at(q.key), `\`${pathText(s.at(q.key))}\` = ${JSON.stringify(v)} ${why}`, hint);
  }
  return inUnit;
}

export function readRun(s: Section | undefined): RunSettings {
  const run: RunSettings = { policy: 'strict', memoryMiB: 256, timeoutMs: 30_000, outputCapBytes: 1024 * 1024 };
  if (!s) return run;
  s.warnUnknownKeys(RUN_KEYS);
  const policy = s.string('policy', '"strict"');
  if (policy !== undefined) {
    if (!(POLICIES as readonly string[]).includes(policy)) {
      const near = closest(policy, POLICIES);
      throw s.reader.valueError(s.at('policy'), `unknown policy ${JSON.stringify(policy)}${near ? ` (did you mean \`${near}\`?)` : ''}`, `write policy = "strict", "virtual" or "dev"`);
    }
    run.policy = policy as PolicyName;
  }
  run.memoryMiB = quantity(s, MEMORY) ?? run.memoryMiB;
  run.timeoutMs = quantity(s, TIMEOUT) ?? run.timeoutMs;
  run.outputCapBytes = quantity(s, OUTPUT_CAP) ?? run.outputCapBytes;
  return run;
}
