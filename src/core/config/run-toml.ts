/**
 * Reads run.toml into the normalised RunConfig. Both dialects are accepted: upstream's code dialect
 * ([project], [components.<name>], [tests.<name>]) and its documented dialect ([package],
 * [[component]], [[test]]); `dialect` says which one the file used (documented as soon as one of its
 * sections appears). Sections run-action has no use for ([dev], [plugins.*], [deploy.*], [docker.*])
 * are accepted quietly; anything else unknown is a warning with its line.
 */
import { readFile, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { readComponents } from './components.js';
import { ConfigNotFoundError, ConfigReadError } from './errors.js';
import type { Dependency, RunConfig } from './model.js';
import { PROJECT_KEYS, readBuild, readDependencies, readProject, readRegistry, readRun } from './project-sections.js';
import { closest } from '../text/suggest.js';
import { readTests } from './test-cases.js';
import { isTable, TomlReader } from './toml-reader.js';

const SECTIONS = [
  'project',
  'package',
  'components',
  'component',
  'tests',
  'test',
  'dependencies',
  'dev-dependencies',
  'dev_dependencies',
  'build',
  'registry',
  'run',
  // Upstream features outside run-action's scope: accepted, not read.
  'dev',
  'plugins',
  'deploy',
  'docker',
];
const DOCUMENTED_SECTIONS = ['package', 'component', 'test'];

export function parseRunConfig(text: string, file: string): RunConfig {
  const reader = new TomlReader(text, file);
  const root = reader.root;
  const top = reader.section([], root);

  for (const [key, value] of Object.entries(root)) {
    if (SECTIONS.includes(key)) continue;
    const near = closest(key, SECTIONS);
    const suggestion = near ? ` (did you mean [${near}]?)` : '';
    if (isTable(value)) reader.warn([key], `unknown section [${key}] is ignored${suggestion}`);
    else if ((PROJECT_KEYS as readonly string[]).includes(key)) reader.warn([key], `\`${key}\` outside any section is ignored; move it under [project]`);
    else reader.warn([key], `unknown key \`${key}\` outside any section is ignored${suggestion}`);
  }
  if (root.project !== undefined && root.package !== undefined) {
    throw reader.valueError(['package'], 'both [project] and [package] are present', 'keep one of them: [project] is what upstream `run` reads, [package] its documented spelling', 'key');
  }

  const dialect = DOCUMENTED_SECTIONS.some((k) => root[k] !== undefined) ? 'documented' : 'code';
  const projectSection = root.project !== undefined ? 'project' : 'package';
  const project = readProject(top.section(projectSection, '{ name = "my-app", version = "0.1.0" }'));
  const components = readComponents(reader, root, dialect);
  const tests = readTests(reader, root, components.map((c) => c.name), dialect);

  const dependencies: Dependency[] = [];
  readDependencies(top.section('dependencies', '{ "wasi:logging" = "0.1.0" }'), dependencies);
  const devDependencies: Dependency[] = [];
  for (const key of ['dev-dependencies', 'dev_dependencies']) readDependencies(top.section(key, '{ "acme:mock" = "1.0.0" }'), devDependencies);

  const absolute = resolve(file);
  return {
    file: absolute,
    dir: dirname(absolute),
    dialect,
    project,
    components,
    tests,
    dependencies,
    devDependencies,
    build: readBuild(top.section('build', '{ output_dir = "target/wasm" }')),
    registry: readRegistry(top.section('registry', `{ url = "https://registry.example.org" }`)),
    run: readRun(top.section('run', '{ policy = "strict" }')),
    warnings: reader.warnings,
  };
}

function code(err: unknown): string | undefined {
  return (err as NodeJS.ErrnoException).code;
}

const NOT_FOUND_HINT = 'create one with `run-action init`, or point at the project directory with -C <dir>';

/** Reads `<dir>/run.toml`, or the given file. Errors name the absolute path. */
export async function loadRunConfig(dirOrFile: string): Promise<RunConfig> {
  const target = resolve(dirOrFile);
  let file = target;
  try {
    if ((await stat(target)).isDirectory()) file = join(target, 'run.toml');
  } catch (err) {
    if (code(err) !== 'ENOENT' && code(err) !== 'ENOTDIR') throw new ConfigReadError(`cannot read ${target}: ${(err as Error).message}`, { location: { file: target }, cause: err });
    throw new ConfigNotFoundError(`${target} does not exist`, { location: { file: target }, hint: NOT_FOUND_HINT });
  }
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    if (code(err) === 'ENOENT') throw new ConfigNotFoundError(`no run.toml in ${dirname(file)}`, { location: { file }, hint: NOT_FOUND_HINT });
    throw new ConfigReadError(`cannot read ${file}: ${(err as Error).message}`, { location: { file }, cause: err });
  }
  return parseRunConfig(text, file);
}
