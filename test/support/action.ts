/**
 * Runs the action the way GitHub runs it: inputs as INPUT_* variables; outputs, state, PATH and
 * environment additions through the GITHUB_OUTPUT / GITHUB_STATE / GITHUB_PATH / GITHUB_ENV files;
 * the job summary in GITHUB_STEP_SUMMARY; the event in GITHUB_EVENT_NAME / GITHUB_REF; and the post
 * step with the main step's state as STATE_* variables. Either the bundle (dist/) or the sources.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './cli.js';

export interface ActionRun {
  status: number | null;
  stdout: string;
  outputs: Record<string, string>;
  /** GITHUB_STATE as written (raw) and parsed (the last value of each name wins, as on the runner). */
  state: string;
  states: Record<string, string>;
  /** Lines added to GITHUB_PATH, and GITHUB_ENV's variables. */
  path: string[];
  exported: Record<string, string>;
  summary: string;
}

export interface RunOptions {
  /** The action's directory layout root: `dist` runs dist/action.js, `src` runs src/action/main.ts through tsx. */
  entry?: 'dist' | 'src';
  node?: string;
  /** GITHUB_WORKSPACE and the step's working directory (default: the project). */
  workspace?: string;
  /** RUNNER_TOOL_CACHE (default: a fresh directory per run). */
  toolCache?: string;
  /** Extra environment (the cache service's variables, STATE_* for the post step). */
  env?: Record<string, string>;
}

const DEFAULT_INPUTS = { cache: 'true', 'allow-unpinned': 'false', 'dry-run': 'false', publish: 'auto', policy: 'strict', reproducible: 'true' };

/** GITHUB_OUTPUT / GITHUB_STATE / GITHUB_ENV `name<<delimiter … delimiter` blocks → a map. */
export function parseCommandFile(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const re = /^(.+?)<<(\S+)\n([\s\S]*?)\n\2$/gm;
  for (let m = re.exec(text); m; m = re.exec(text)) out[m[1]!] = m[3]!;
  return out;
}

function script(entry: 'dist' | 'src', step: 'main' | 'post'): string[] {
  if (entry === 'dist') return [join(repoRoot, 'dist', step === 'main' ? 'action.js' : 'action-post.js')];
  return ['--import', import.meta.resolve('tsx'), join(repoRoot, 'src', 'action', `${step}.ts`)];
}

/**
 * One step of the action. Asynchronous on purpose: the loopback servers the action talks to answer
 * from this process's event loop.
 */
export async function runAction(
  step: 'main' | 'post',
  project: string,
  inputs: Record<string, string>,
  event: { name: string; ref: string },
  o: RunOptions = {},
): Promise<ActionRun> {
  const files = mkdtempSync(join(project, '..', `.gh-${step}-`));
  const paths = { output: join(files, 'output'), state: join(files, 'state'), path: join(files, 'path'), env: join(files, 'env'), summary: join(files, 'summary') };
  for (const p of Object.values(paths)) writeFileSync(p, '');
  mkdirSync(join(files, 'temp'));
  const workspace = o.workspace ?? project;
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: files,
    RUNNER_TEMP: join(files, 'temp'),
    RUNNER_TOOL_CACHE: o.toolCache ?? join(files, 'tool-cache'),
    GITHUB_OUTPUT: paths.output,
    GITHUB_STATE: paths.state,
    GITHUB_PATH: paths.path,
    GITHUB_ENV: paths.env,
    GITHUB_STEP_SUMMARY: paths.summary,
    GITHUB_EVENT_NAME: event.name,
    GITHUB_REF: event.ref,
    GITHUB_WORKSPACE: workspace,
    ...o.env,
  };
  for (const [k, v] of Object.entries({ ...DEFAULT_INPUTS, ...inputs })) env[`INPUT_${k.toUpperCase()}`] = v;
  const args = script(o.entry ?? 'dist', step);
  const r = await new Promise<{ status: number | null; out: string }>((resolve) => {
    execFile(o.node ?? process.execPath, args, { cwd: workspace, env, encoding: 'utf8', timeout: 120_000 }, (err, stdout, stderr) => {
      const code = err && typeof (err as { code?: unknown }).code === 'number' ? (err as { code: number }).code : err ? null : 0;
      resolve({ status: code, out: stdout + stderr });
    });
  });
  const state = readFileSync(paths.state, 'utf8');
  return {
    status: r.status,
    stdout: r.out,
    outputs: parseCommandFile(readFileSync(paths.output, 'utf8')),
    state,
    states: parseCommandFile(state),
    path: readFileSync(paths.path, 'utf8').split('\n').filter(Boolean),
    exported: parseCommandFile(readFileSync(paths.env, 'utf8')),
    summary: readFileSync(paths.summary, 'utf8'),
  };
}

/** The environment the runner gives the post step: each state the main step saved, as STATE_<name>. */
export function postStepEnv(main: ActionRun): Record<string, string> {
  return Object.fromEntries(Object.entries(main.states).map(([k, v]) => [`STATE_${k}`, v]));
}
